"""Gold annotations aligned to the pipeline's articles.

The gold names entities, not spans: each entity's name and aliases are found
in the article's normalized text (quote marks and whitespace aside, as the
scorer compares), longest first, so that a name inside a longer one is not
tagged twice.

>>> spans = gold_spans("大连市总工会开展“六跨四送”活动。", [
...     {"name": "大连市总工会", "type": "Union", "aliases": []},
...     {"name": "六跨四送活动", "type": "Program", "aliases": []},
...     {"name": "大连市", "type": "Place", "aliases": []}])
>>> [(s, e, t) for s, e, t in spans]
[(0, 6, 'Union'), (8, 16, 'Program')]
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from graphbuild.corpus.articles import Article, articles_from_text
from graphbuild.corpus.normalize import to_simplified
from graphbuild.evaluate import norm
from graphbuild.nlp.components.resolver import ENTITIES, Entity

QUOTES = set("“”「」『』\"'《》‘’〈〉")
OPENING = set("“「『《‘〈")
CLOSING = set("”」』》’〉")


def _fold(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch


def _stripped(text: str) -> tuple[str, list[int]]:
    """``text`` without quote marks and whitespace, in simplified characters,
    and the offset in ``text`` of each of its characters."""
    keep = [i for i, ch in enumerate(text) if ch not in QUOTES and not ch.isspace()]
    # folded as ``norm`` folds a name (NFKC: the text's full-width （，： are the name's (,:)
    return to_simplified("".join(_fold(text[i]) for i in keep)), keep


def gold_mentions(text: str, entities: Iterable[dict[str, Any]]) -> list[tuple[int, int, str, str]]:
    """Every ``(start, end, type, name)`` occurrence of the gold entities in ``text``,
    but those inside a longer one of the same type (nested places of a union stay)."""
    view, keep = _stripped(text)
    found: set[tuple[int, int, str, str]] = set()
    for ent in entities:
        forms = {norm(f or "") for f in [ent["name"], *ent.get("aliases", [])]}
        for form in forms:
            if not form:
                continue
            at = view.find(form)
            while at >= 0:
                s, e = keep[at], keep[at + len(form) - 1] + 1
                if s > 0 and text[s - 1] in OPENING:
                    s -= 1
                if e < len(text) and text[e] in CLOSING:
                    e += 1
                found.add((s, e, ent["type"], ent["name"]))
                at = view.find(form, at + 1)
    return sorted(
        m for m in found if not any(o[2] == m[2] and o[0] <= m[0] and m[1] <= o[1] and o[:2] != m[:2] for o in found)
    )


def gold_spans(text: str, entities: Iterable[dict[str, Any]]) -> list[tuple[int, int, str]]:
    """Non-overlapping ``(start, end, type)`` mentions of the gold entities in ``text``, longest first."""
    taken = [False] * len(text)
    out = []
    found = {(s, e, t) for s, e, t, _ in gold_mentions(text, entities)}
    for s, e, t in sorted(found, key=lambda x: (-(x[1] - x[0]), x[0])):
        if any(taken[s:e]):
            continue
        for i in range(s, e):
            taken[i] = True
        out.append((s, e, t))
    return sorted(out)


# what runs before the relation steps when the entities are the gold's
_BEFORE_ENTITIES = ("gb_lac",)
_RELATION_PIPES = ("gb_relations", "gb_relation_classifier")


def with_gold_entities(
    nlp: Language, text: str, entities: list[dict[str, Any]], *, steps: tuple[str, ...] = _RELATION_PIPES
) -> Doc:
    """``text`` through ``nlp``'s relation ``steps`` (those it has) with the gold
    entities' mentions in place of the recognizer's and the resolver's."""
    doc = nlp.make_doc(text)
    for name in _BEFORE_ENTITIES:
        doc = nlp.get_pipe(name)(doc)
    by_key: dict[tuple[str, str], Entity] = {}
    spans = []
    for s, e, label, name in gold_mentions(text, entities):
        by_key.setdefault((label, name), Entity(name, label)).mentions.append((s, e))
        span = doc.char_span(s, e, label=label, alignment_mode="expand")
        if span is not None:
            span.id_ = name
            spans.append(span)
    doc.user_data[ENTITIES] = list(by_key.values())
    doc.spans["entities"] = spans
    for name in steps:
        if name in nlp.pipe_names:
            doc = nlp.get_pipe(name)(doc)
    return doc


@dataclass
class GoldArticle:
    """One article of the pipeline with the gold of the text it was cut from."""

    doc_id: str
    article: Article
    gold: dict[str, Any]
    spans: list[tuple[int, int, str]] = field(default_factory=list)


def read_gold(paths: Iterable[str | Path]) -> list[dict[str, Any]]:
    rows = []
    for p in paths:
        with open(p, encoding="utf-8") as fh:
            rows += [json.loads(line) for line in fh if line.strip()]
    return rows


def gold_articles(records: Iterable[dict[str, Any]]) -> Iterator[GoldArticle]:
    """The articles the pipeline cuts each gold text into, with their gold mentions."""
    for rec in records:
        for art in articles_from_text(rec["text"], path=f"{rec['doc_id']}.txt"):
            yield GoldArticle(str(rec["doc_id"]), art, rec, gold_spans(art.text, rec["entities"]))
