"""Word lists as matchers.

>>> alternation(["工会", "总工会", "工会"])
'总工会|工会'
>>> m = LongestMatch(["济南", "济南市", "山东省"]).match("济南市总工会")
>>> m.group(), m.start(), m.end()
('济南市', 0, 3)
>>> [m.group() for m in LongestMatch(["济南", "山东省"]).finditer("山东省济南")]
['山东省', '济南']
>>> listed_items(10, "成立市纺织、机械", re.compile("成立"))
[(12, '市纺织'), (16, '机械')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass


def alternation(words: Iterable[str]) -> str:
    """The words as one regex alternation, longest first (so 总工会 wins over 工会)."""
    return "|".join(map(re.escape, sorted(set(words), key=lambda w: (-len(w), w))))


def listed_items(start: int, listed: str, lead: re.Pattern[str]) -> list[tuple[int, str]]:
    """The items of an enumeration A、B、C written from ``start``, each with its
    position; the first loses whatever ``lead`` last finds in it (the verb or
    body a pattern's left edge took along)."""
    items = listed.split("、")
    cut = max((m.end() for m in lead.finditer(items[0])), default=0)
    items[0] = items[0][cut:]
    out, pos = [], start + cut
    for item in items:
        out.append((pos, item))
        pos += len(item) + 1
    return out


@dataclass(frozen=True)
class WordMatch:
    """The parts of ``re.Match`` the matchers' callers use."""

    string: str
    begin: int
    finish: int

    def group(self) -> str:
        return self.string[self.begin : self.finish]

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish


class LongestMatch:
    """Leftmost-longest matching of a word set: what ``re.compile(alternation(words))``
    finds, without compiling it (the gazetteer's thousands of names took 0.3 s
    to compile, a third of loading the pipeline)."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = {w for w in words if w}
        lengths: dict[str, set[int]] = {}
        for w in self.words:
            lengths.setdefault(w[0], set()).add(len(w))
        # per first character, the lengths of its words, longest first
        self.lengths = {ch: sorted(ns, reverse=True) for ch, ns in lengths.items()}

    def match(self, text: str, pos: int = 0) -> WordMatch | None:
        ns = self.lengths.get(text[pos]) if pos < len(text) else None
        if ns is None:
            return None
        words, end = self.words, len(text)
        for n in ns:
            if pos + n <= end and text[pos : pos + n] in words:
                return WordMatch(text, pos, pos + n)
        return None

    def search(self, text: str, pos: int = 0) -> WordMatch | None:
        lengths = self.lengths
        for i in range(pos, len(text)):
            if text[i] in lengths and (m := self.match(text, i)):
                return m
        return None

    def finditer(self, text: str) -> Iterator[WordMatch]:
        i, lengths, n = 0, self.lengths, len(text)
        while i < n:
            if text[i] in lengths and (m := self.match(text, i)):
                yield m
                i = m.finish
            else:
                i += 1
