"""Extraction records → one resolved networkx MultiDiGraph.

Nodes carry ``type``, ``name``, ``aliases``, ``mentions`` (count),
``articles`` (count), ``first_article`` and ``last_article``; edges carry
``type``, ``title``/``year`` where stated, and ``evidence``: every supporting
sentence with its article id and offsets. ``Article`` nodes and
``MENTIONED_IN`` edges keep provenance queryable.

>>> rec = {"doc_id": "a1", "source": "x.txt", "title": "T", "entities": [
...   {"name": "徐海荣", "type": "Person", "aliases": [], "mentions": [{"start": 0, "end": 3, "text": "徐海荣"}]},
...   {"name": "山东省总工会", "type": "Union", "aliases": ["省总"], "mentions": []}],
...   "relations": [{"head": "徐海荣", "type": "WORKS_AT", "tail": "山东省总工会", "title": "主席",
...                  "evidence": {"sentence": "…", "start": 0, "end": 9}}]}
>>> g = build_graph([rec])
>>> g.nodes["Union:山东省总工会"]["aliases"], [d["title"] for _, _, d in g.edges(data=True) if d["type"] == "WORKS_AT"]
(['省总'], ['主席'])
"""

from __future__ import annotations

import json
from collections.abc import Hashable, Iterable
from typing import Any

import networkx as nx

from graphbuild.resolve import Resolver, node_id
from graphbuild.schema import ARTICLE_LABEL, MENTIONED_IN, allowed


def article_node(doc_id: str) -> str:
    return node_id(ARTICLE_LABEL, doc_id)


def build_graph(records: Iterable[dict[str, Any]]) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    resolver = Resolver()
    evidence_seen: dict[tuple[str, str, str], set[Hashable]] = {}
    for rec in records:
        add_record(g, rec, resolver, evidence_seen)
    for _, data in g.nodes(data=True):
        if "aliases" in data:
            data["aliases"] = sorted(data["aliases"])
    return g


def _evidence_key(ev: dict[str, Any]) -> Hashable:
    """Evidence values are strings and numbers (JSON for anything else)."""
    try:
        return frozenset(ev.items())
    except TypeError:  # a list or dict value
        return frozenset((k, v if isinstance(v, (str, int, float)) else json.dumps(v, sort_keys=True)) for k, v in ev.items())


def add_record(
    g: nx.MultiDiGraph,
    rec: dict[str, Any],
    resolver: Resolver,
    evidence_seen: dict[tuple[str, str, str], set[Hashable]] | None = None,
) -> None:
    """Add one article's record; ``evidence_seen`` (kept across records) makes
    the repeated-evidence check a set lookup instead of a list scan."""
    seen = {} if evidence_seen is None else evidence_seen
    rec = dict(rec)
    doc = rec["doc_id"]
    aid = article_node(doc)
    g.add_node(
        aid,
        type=ARTICLE_LABEL,
        name=rec.get("title") or doc,
        doc_id=doc,
        source=rec.get("source", ""),
        title=rec.get("title", ""),
        date=rec.get("date", ""),
    )
    by_name: dict[str, str] = {}
    nodes = g.nodes
    for ent in rec["entities"]:
        nid = resolver.node(ent["type"], ent["name"], rec)
        by_name.setdefault(ent["name"], nid)
        count = max(1, len(ent.get("mentions", ())))
        if nid not in g:
            g.add_node(
                nid,
                type=ent["type"],
                name=ent["name"],
                aliases=set(),
                mentions=0,
                articles=0,
                first_article=doc,
                last_article=doc,
            )
        data = nodes[nid]
        if isinstance(data["aliases"], list):
            data["aliases"] = set(data["aliases"])
        if ent.get("aliases"):
            data["aliases"].update(a for a in ent["aliases"] if a != ent["name"])
        data["mentions"] += count
        data["articles"] += 1
        data["last_article"] = doc
        g.add_edge(nid, aid, key=MENTIONED_IN, type=MENTIONED_IN, count=count)
    for rel in rec["relations"]:
        h, t = by_name.get(rel["head"]), by_name.get(rel["tail"])
        if h is None or t is None:
            continue
        if not allowed(rel["type"], g.nodes[h]["type"], g.nodes[t]["type"]):
            continue
        ev = {"doc_id": doc, "title": rec.get("title", ""), "source": rec.get("source", ""), **rel["evidence"]}
        ev_key = _evidence_key(ev)
        if g.has_edge(h, t, key=rel["type"]):
            data = g.edges[h, t, rel["type"]]
            known = seen.get((h, rel["type"], t))
            if known is None:  # an edge made before this call's evidence_seen
                known = seen[(h, rel["type"], t)] = {_evidence_key(e) for e in data["evidence"]}
            if ev_key not in known:
                known.add(ev_key)
                data["evidence"].append(ev)
            for p in ("title", "year"):
                if rel.get(p) and not data.get(p):
                    data[p] = rel[p]
        else:
            g.add_edge(
                h, t, key=rel["type"], type=rel["type"], evidence=[ev], **{p: rel[p] for p in ("title", "year") if rel.get(p)}
            )
            seen[(h, rel["type"], t)] = {ev_key}


def summary(g: nx.MultiDiGraph) -> dict[str, Any]:
    from collections import Counter

    return {
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "node_types": dict(Counter(d["type"] for _, d in g.nodes(data=True))),
        "edge_types": dict(Counter(d["type"] for _, _, d in g.edges(data=True))),
    }
