"""LongestMatch finds exactly what a longest-first regex alternation finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from graphbuild.nlp.words import LongestMatch, alternation

_CHARS = st.sampled_from(list("济南市山东省总工会区县"))
_WORDS = st.lists(st.text(_CHARS, min_size=1, max_size=5), min_size=1, max_size=12)


def _spans(matches) -> list[tuple[int, int]]:  # noqa: ANN001
    return [(m.start(), m.end()) for m in matches]


@settings(max_examples=300, deadline=None)
@given(words=_WORDS, text=st.text(_CHARS, max_size=40))
def test_longest_match_equals_regex_alternation(words: list[str], text: str) -> None:
    rx, lm = re.compile(alternation(words)), LongestMatch(words)
    assert _spans(lm.finditer(text)) == _spans(rx.finditer(text))
    for pos in range(len(text) + 1):
        for a, b in ((rx.match(text, pos), lm.match(text, pos)), (rx.search(text, pos), lm.search(text, pos))):
            assert (a and (a.start(), a.end(), a.group())) == (b and (b.start(), b.end(), b.group()))
