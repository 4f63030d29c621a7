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


def _position(i: int, start: int, end: int) -> str:
    if end - start == 1:
        return "S"
    if i == start:
        return "B"
    return "E" if i == end - 1 else "I"


def char_features(text: str, tokens: Sequence[Token], cands: Sequence[Cand]) -> list[list[str]]:
    """One list of feature strings per character of ``text`` (what is shared by
    a word's characters is built once per word: this runs on every character)."""
    n = len(text)
    padded = "\x02\x02" + text.replace("\n", "¶") + "\x03\x03"
    word: list[list[str]] = [[] for _ in range(n)]
    for k, t in enumerate(tokens):
        shared = [f"wt={t.tag}"]
        if len(t.text) <= 4:
            shared.append("wd=" + t.text)
        if k > 0:
            shared.append(f"wt-1={tokens[k - 1].tag}")
        if k + 1 < len(tokens):
            shared.append(f"wt+1={tokens[k + 1].tag}")
        for i in range(t.start, min(t.end, n)):
            word[i] = [f"w={_position(i, t.start, t.end)}-{t.tag}", *shared]
    rule: list[dict[str, None]] = [{} for _ in range(n)]
    for c in cands:
        for i in range(max(c.start, 0), min(c.end, n)):
            pos = _position(i, c.start, c.end)
            rule[i][f"r={c.label}-{pos}"] = None
    feats = []
    for i in range(n):
        p = i + 2
        f = [
            "bias",
            "c=" + padded[p],
            "c-1=" + padded[p - 1],
            "c+1=" + padded[p + 1],
            "b-1=" + padded[p - 1 : p + 1],
            "b+1=" + padded[p : p + 2],
            "t0=" + padded[p - 1 : p + 2],
            *word[i],
            *(rule[i] or ("r=O",)),
        ]
        feats.append(f)
    return feats
