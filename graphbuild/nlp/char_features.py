"""Per-character features for the learned entity recognizer.

What generalizes beyond the articles it was trained on: the characters around
each one, LAC's word boundaries, POS and PER/LOC/ORG tags, and what the rule
components (lexicon, gazetteer, body/activity/person chunkers) proposed there.

>>> from graphbuild.nlp.lac import Token
>>> from graphbuild.nlp.candidates import Cand
>>> f = char_features("省总工会", [Token(0, 4, "省总工会", "ORG")], [Cand(0, 4, "Union", "省总工会", "body")])
>>> "r=Union-B" in f[0] and "w=B-ORG" in f[0] and "c=省" in f[0]
True
"""

from __future__ import annotations

from collections.abc import Sequence

from graphbuild.nlp.candidates import Cand
from graphbuild.nlp.lac import Token


def _kind(ch: str) -> str:
    if ch.isdigit():
        return "D"
    if "\u4e00" <= ch <= "\u9fff":
        return "C"
    if ch.isascii() and ch.isalpha():
        return "L"
    if ch.isspace():
        return "S"
    return "P"


def _position(i: int, start: int, end: int) -> str:
    if end - start == 1:
        return "S"
    if i == start:
        return "B"
    return "E" if i == end - 1 else "I"


def char_features(text: str, tokens: Sequence[Token], cands: Sequence[Cand]) -> list[list[str]]:
    """One list of feature strings per character of ``text``."""
    n = len(text)
    padded = "\x02\x02" + text.replace("\n", "¶") + "\x03\x03"
    word_of: list[Token | None] = [None] * n
    word_index = [-1] * n
    for k, t in enumerate(tokens):
        for i in range(t.start, min(t.end, n)):
            word_of[i] = t
            word_index[i] = k
    rule: list[list[str]] = [[] for _ in range(n)]
    for c in cands:
        for i in range(max(c.start, 0), min(c.end, n)):
            pos = _position(i, c.start, c.end)
            rule[i].append(f"r={c.label}-{pos}")
            rule[i].append(f"rs={c.src}-{c.label}-{pos}")
    feats = []
    for i in range(n):
        p = i + 2
        ch = padded[p]
        f = [
            "bias",
            "c=" + ch,
            "c-1=" + padded[p - 1],
            "c+1=" + padded[p + 1],
            "c-2=" + padded[p - 2],
            "c+2=" + padded[p + 2],
            "b-1=" + padded[p - 1 : p + 1],
            "b+1=" + padded[p : p + 2],
            "t0=" + padded[p - 1 : p + 2],
            "k=" + _kind(ch) + _kind(padded[p - 1]) + _kind(padded[p + 1]),
        ]
        t = word_of[i]
        if t is not None:
            pos = _position(i, t.start, t.end)
            f.append(f"w={pos}-{t.tag}")
            f.append(f"wt={t.tag}")
            if len(t.text) <= 4:
                f.append("wd=" + t.text)
            k = word_index[i]
            if k > 0:
                f.append(f"wt-1={tokens[k - 1].tag}")
            if k + 1 < len(tokens):
                f.append(f"wt+1={tokens[k + 1].tag}")
        f.extend(sorted(set(rule[i])) or ["r=O"])
        feats.append(f)
    return feats
