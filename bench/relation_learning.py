"""Would a learned relation step beat the rules? Leave-one-page-out on the
seed pages: a logistic-regression classifier over every pair of found
entities in one sentence (of types the schema allows), with features from the
rules' verdict, the types, order and distance, and the characters between;
each page is scored by a model trained on the other pages only. Prints the
relation figures of the rules alone, of the rules plus the pairs the
classifier is confident about, and of the rules less the relations it doubts;
and the ceiling: how many gold relations are same-sentence pairs of found
entities at all, and how many of those the rules miss.

    .venv/bin/python bench/relation_learning.py [--quick]
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from typing import Any

import numpy as np
from common import ROOT, args, report

from graphbuild.corpus.articles import read_articles
from graphbuild.evaluate import evaluate, load_gold, merge_by_file, relation_matcher
from graphbuild.extract import extract_many
from graphbuild.nlp.components.relations import cues
from graphbuild.schema import RELATION_TYPES, SYMMETRIC, allowed

_SENT = re.compile(r"[^。！？!?\n]+[。！？!?]?")
DIM = 1 << 16


def _feature(s: str) -> int:
    return zlib.crc32(s.encode()) % DIM


def candidates(text: str, pred: dict[str, Any], cue_lists: dict[str, list[str]]) -> dict[tuple[str, str, str], list[int]]:
    """Every allowed same-sentence pair of found entities, with its features (pooled over its sentences)."""
    ruled = {(r["head"], r["type"], r["tail"]) for r in pred["relations"]}
    ruled |= {(r["tail"], r["type"], r["head"]) for r in pred["relations"] if r["type"] in SYMMETRIC}
    mentions = [(m["start"], m["end"], e["name"], e["type"]) for e in pred["entities"] for m in e.get("mentions", [])]
    out: dict[tuple[str, str, str], set[int]] = defaultdict(set)
    for sm in _SENT.finditer(text):
        s, e = sm.start(), sm.end()
        here = sorted(x for x in mentions if s <= x[0] and x[1] <= e)
        for i, a in enumerate(here):
            for j, b in enumerate(here):
                if a[2] == b[2] or abs(i - j) > 6:
                    continue
                first, second = (a, b) if a[0] < b[0] else (b, a)
                between = text[first[1] : second[0]][:30]
                for rel in RELATION_TYPES:
                    if not allowed(rel, a[3], b[3]) or (rel in SYMMETRIC and a[2] > b[2]):
                        continue
                    f = [f"{rel}", f"{rel}|{a[3]}>{b[3]}", f"{rel}|order={a[0] < b[0]}", f"{rel}|gap={min(len(between) // 4, 8)}",
                         f"{rel}|between={min(abs(i - j), 4)}", f"{rel}|rule={(a[2], rel, b[2]) in ruled}",
                         f"{rel}|pre={text[max(s, first[0] - 2) : first[0]]}", f"{rel}|post={text[second[1] : second[1] + 2]}"]  # fmt: skip
                    f += [f"{rel}|c={ch}" for ch in between] + [f"{rel}|b={between[k : k + 2]}" for k in range(len(between) - 1)]
                    f += [f"{rel}|cue={name}" for name, words in cue_lists.items() if any(w in between for w in words)]
                    out[(a[2], rel, b[2])].update(_feature(x) for x in f)
    return {k: sorted(v) for k, v in out.items()}


def _dense(rows: list[list[int]]) -> np.ndarray:
    m = np.zeros((len(rows), DIM), dtype=np.float32)
    for r, idx in enumerate(rows):
        m[r, idx] = 1.0
    return m


def train(rows: list[list[int]], y: np.ndarray, epochs: int, l2: float = 1e-3, rate: float = 0.5) -> tuple[np.ndarray, float]:
    m, w, b = _dense(rows), np.zeros(DIM, np.float32), 0.0
    for _ in range(epochs):
        g = 1 / (1 + np.exp(-(m @ w + b))) - y
        w -= rate * (m.T @ g / len(y) + l2 * w)
        b -= rate * float(g.mean())
    return w, b


def main() -> None:
    a = args(__doc__)
    pages = sorted((ROOT / "corpus").glob("*.txt"))[: 2 if a.quick else None]
    gold = {
        g["doc_id"]: g
        for g in load_gold(sorted((ROOT / "corpus" / "gold").glob("*.jsonl")))
        if g["doc_id"] in {p.stem for p in pages}
    }
    arts = [x for x in read_articles(pages) if hasattr(x, "text")]
    pred = merge_by_file(extract_many(arts), "source")
    cue_lists = {k: [w for w in v if isinstance(w, str)] for k, v in cues().items() if isinstance(v, list)}
    data = {}
    for p in pages:
        cands = candidates(p.read_text("utf-8"), pred[p.stem], cue_lists)
        label = relation_matcher(gold[p.stem], pred[p.stem])
        keys = list(cands)
        data[p.stem] = (keys, [cands[k] for k in keys], np.array([float(label(*k)) for k in keys], dtype=np.float32))
    ceiling = sum(int(d[2].sum()) for d in data.values())
    missed = sum(
        1
        for fid, (keys, _, y) in data.items()
        for k, v in zip(keys, y)
        if v and k not in {(r["head"], r["type"], r["tail"]) for r in pred[fid]["relations"]}
    )
    added: dict[str, dict] = {}
    filtered: dict[str, dict] = {}
    for fid, (keys, rows, _) in data.items():
        w, b = train(
            [r for f in data if f != fid for r in data[f][1]],
            np.concatenate([data[f][2] for f in data if f != fid]),
            30 if a.quick else 300,
        )
        score = dict(zip(keys, 1 / (1 + np.exp(-(_dense(rows) @ w + b)))))
        rules = pred[fid]["relations"]
        have = {(r["head"], r["type"], r["tail"]) for r in rules}
        extra = [
            {"head": h, "type": t, "tail": tl}
            for (h, t, tl), s in score.items()
            if s > 0.5 and (h, t, tl) not in have and (tl, t, h) not in have
        ]
        added[fid] = {"entities": pred[fid]["entities"], "relations": rules + extra}
        kept = [
            r
            for r in rules
            if score.get((r["head"], r["type"], r["tail"]), score.get((r["tail"], r["type"], r["head"]), 1.0)) >= 0.1
        ]
        filtered[fid] = {"entities": pred[fid]["entities"], "relations": kept}
    rows = []
    for name, by_file in (
        ("rules alone", pred),
        ("rules + classifier (p > 0.5)", added),
        ("rules less those it doubts (p < 0.1)", filtered),
    ):
        r = evaluate(list(gold.values()), by_file).as_dict()["relations"]
        rows.append(
            {"relations from": name, "p": r["p"], "r": r["r"], "f1": r["f1"], "tp": r["tp"], "fp": r["fp"], "fn": r["fn"]}
        )
    total = rows[0]["tp"] + rows[0]["fn"]
    report(
        f"A learned relation step, leave-one-page-out on {len(pages)} seed pages: of {total} gold relations, {ceiling} are "
        f"same-sentence pairs of found entities, {missed} of them missed by the rules",
        rows,
        a.json,
    )


if __name__ == "__main__":
    main()
