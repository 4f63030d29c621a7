"""One article → the extraction contract (JSON-ready dict).

This is the seam of the project: everything before works on one article,
everything after on many; the cache and the workers cut here.

>>> from graphbuild.corpus.articles import articles_from_text
>>> art = next(articles_from_text("标题\\n\\n本报讯 山东省总工会主席徐海荣说,好。", path="p.txt"))
>>> rec = extract_article(art)
>>> sorted(e["name"] for e in rec["entities"])
['山东省', '山东省总工会', '徐海荣']
>>> m = next(e for e in rec["entities"] if e["name"] == "徐海荣")["mentions"][0]
>>> art.original[m["start"] - art.base : m["end"] - art.base]
'徐海荣'
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language

from graphbuild.corpus.articles import Article
from graphbuild.nlp.candidates import text_of
from graphbuild.nlp.components.relations import relations
from graphbuild.nlp.components.resolver import ENTITIES, OWN_UNION, REFERENCE
from graphbuild.nlp.pipeline import load
from graphbuild.schema import ENTITY_TYPES, RELATION_TYPES

_LAYOUT_BREAK = re.compile(r"[ \t]*\n\s*")


def to_record(article: Article, doc: Any) -> dict[str, Any]:
    """The contract's record for an article and its processed Doc."""
    text = text_of(doc)
    entities = []
    for ent in doc.user_data.get(ENTITIES, []):
        mentions = []
        aliases = set(ent.aliases)
        for s, e in ent.mentions:
            os_, oe = article.original_span(s, e)
            written = article.original_text(s, e)
            mentions.append({"start": os_, "end": oe, "text": written})
            # the form as written (traditional characters, ASCII brackets) is an alias, without
            # the line breaks the page's layout put inside it (山西\n\n省总工会)
            written = _LAYOUT_BREAK.sub("", written)
            if (
                written != text[s:e]
                and written != ent.name
                and not REFERENCE.match(text[s:e])
                and not OWN_UNION.fullmatch(text[s:e])
            ):
                aliases.add(written)
        entities.append({"name": ent.name, "type": ent.label, "aliases": sorted(aliases), "mentions": mentions})
    rels = []
    for r in relations(doc):
        s, e = r.start, r.end
        while s < e and text[s] in " \n\t":
            s += 1
        os_, oe = article.original_span(s, e)
        rel: dict[str, Any] = {"head": r.head, "type": r.type, "tail": r.tail}
        if r.title:
            rel["title"] = r.title
        if r.year:
            rel["year"] = r.year
        rel["evidence"] = {"sentence": article.original_text(s, e), "start": os_, "end": oe}
        rels.append(rel)
    return {
        "doc_id": article.doc_id,
        "source": article.source,
        "title": article.title,
        **({"date": article.meta["date"]} if "date" in article.meta else {}),
        "entities": entities,
        "relations": rels,
        # the article as written, and where it starts in its source: the explorer shows it
        "text": article.original,
        "offset": article.base,
    }


def extract_article(article: Article, nlp: Language | None = None) -> dict[str, Any]:
    nlp = nlp or load()
    return to_record(article, nlp(article.text))


def extract_many(articles: list[Article], nlp: Language | None = None) -> list[dict[str, Any]]:
    nlp = nlp or load()
    return [to_record(a, d) for a, d in zip(articles, nlp.pipe(a.text for a in articles))]


def validate_record(rec: dict[str, Any]) -> list[str]:
    """Problems with a record against the contract (empty when it is valid)."""
    problems = []
    for key in ("doc_id", "source", "title", "entities", "relations"):
        if key not in rec:
            problems.append(f"missing {key}")
    names = set()
    for e in rec.get("entities", []):
        if e.get("type") not in ENTITY_TYPES:
            problems.append(f"bad entity type {e.get('type')!r}")
        names.add(e.get("name"))
        for m in e.get("mentions", []):
            if not (isinstance(m.get("start"), int) and isinstance(m.get("end"), int) and m["start"] <= m["end"]):
                problems.append(f"bad mention {m}")
    for r in rec.get("relations", []):
        if r.get("type") not in RELATION_TYPES:
            problems.append(f"bad relation type {r.get('type')!r}")
        ev = r.get("evidence", {})
        if not isinstance(ev.get("sentence"), str) or not isinstance(ev.get("start"), int):
            problems.append("relation without evidence")
    return problems


def offset_problems(rec: dict[str, Any], original: str) -> list[str]:
    """Mentions and evidence whose offsets do not give back their text in ``original``."""
    problems = []
    for e in rec.get("entities", []):
        for m in e.get("mentions", []):
            if original[m["start"] : m["end"]] != m["text"]:
                problems.append(f"mention {m} of {e['name']!r}")
    for r in rec.get("relations", []):
        ev = r["evidence"]
        if original[ev["start"] : ev["end"]] != ev["sentence"]:
            problems.append(f"evidence of {r['head']} {r['type']} {r['tail']}")
    return problems
