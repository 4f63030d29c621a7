"""Entity candidates: what each rule component proposes before resolution."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from spacy.tokens import Doc

CANDS = "gb_candidates"
TEXT = "gb_text"

# Higher wins when two candidates claim the same span.
PRIORITY = {
    "ner": 60,
    "lexicon": 50,
    "union": 45,
    "body": 40,
    "activity": 35,
    "award": 34,
    "group": 30,
    "person": 25,
    "place": 20,
    "lac": 10,
}


@dataclass
class Cand:
    start: int
    end: int
    label: str
    name: str  # canonical name
    src: str
    aliases: set[str] = field(default_factory=set)
    parts: list[str] = field(default_factory=list)  # containing bodies split off (PART_OF)

    @property
    def prio(self) -> int:
        return PRIORITY.get(self.src, 0)


def cands(doc: Doc) -> list[Cand]:
    return doc.user_data.setdefault(CANDS, [])


def text_of(doc: Doc) -> str:
    """``doc.text``, computed once: spaCy rebuilds it from every token on each
    read, which for char tokens cost more than some whole components."""
    text = doc.user_data.get(TEXT)
    if text is None:
        text = doc.user_data[TEXT] = doc.text
    return text


@contextmanager
def collector_paused() -> Iterator[None]:
    """No garbage collection inside: for building many small lists and strings
    without cycles (a learned step's features), which the collector would walk
    again and again while they grow."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
