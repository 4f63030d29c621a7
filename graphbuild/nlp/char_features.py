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


def _positions(start: int, end: int, n: int) -> list[tuple[int, str]]:
    """Each character of ``start:end`` that lies in ``0:n``, with its place in the span:
    S (alone), B, I or E."""
    if end - start == 1:
        return [(start, "S")] if 0 <= start < n else []
    out = [(i, "I") for i in range(max(start, 0), min(end, n))]
    if out and out[0][0] == start:
        out[0] = (start, "B")
    if out and out[-1][0] == end - 1:
        out[-1] = (end - 1, "E")
    return out


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
        for i, position in _positions(t.start, t.end, n):
            word[i] = [f"w={position}-{t.tag}", *shared]
    # most characters are in no candidate: their one rule feature is shared
    no_rule = ("r=O",)
    rule: list[Sequence[str]] = [no_rule] * n
    for c in cands:
        for i, position in _positions(c.start, c.end, n):
            feature = f"r={c.label}-{position}"
            here = rule[i]
            if here is no_rule:
                rule[i] = [feature]
            elif feature not in here:
                here.append(feature)  # type: ignore[union-attr]
    # the character n-grams of every position, each list built in one pass
    one = [padded[k] for k in range(1, n + 4)]  # one[i + 1] is text[i]
    two = [padded[k : k + 2] for k in range(1, n + 3)]  # two[i + 1] is text[i:i + 2]
    return [
        ["bias", "c=" + c, "c-1=" + cm, "c+1=" + cp, "b-1=" + bm, "b+1=" + bp, "t0=" + cm + bp, *w, *r]
        for c, cm, cp, bm, bp, w, r in zip(one[1:], one, one[2:], two, two[1:], word, rule)
    ]
