"""The explorer: one offline app under ``build/views/`` for the whole graph.

``index.html`` and the shared assets (vis-network from the pyvis package, our
script and style) are written once; the graph's data is split into script
files that the page loads when it needs them (``<script src>`` works from
``file://`` where ``fetch`` does not):

- ``data/index.js``: every entity (name, type, degree, province, aliases) for
  search and filters, the articles' titles, and the overview (the most
  connected entities with positions);
- ``data/n/K.js``: the neighbourhoods of one shard of entities: their
  relations with evidence sentences, and the articles that mention them;
- ``data/a/K.js``: one shard of articles: the text as written, every mention
  (offsets into that text, the entity it names) and the relations with the
  offsets of their sentences.

So the size grows with the graph and the text, not with articles times the
library, and opening the explorer loads the index only. Every text reaches
the page through ``textContent`` (never ``innerHTML``); the page's CSP
allows its own files and nothing else.

>>> import networkx as nx, tempfile, pathlib
>>> g = nx.MultiDiGraph()
>>> g.add_node("Union:甲市总工会", type="Union", name="甲市总工会", aliases=["甲市总"])
>>> g.add_node("Place:甲市", type="Place", name="甲市", aliases=[])
>>> g.add_edge("Union:甲市总工会", "Place:甲市", key="LOCATED_IN", type="LOCATED_IN", evidence=[])
'LOCATED_IN'
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> sorted(p.relative_to(out).as_posix() for p in write_explorer(g, out))[:4]
['assets/explorer.css', 'assets/explorer.js', 'assets/vis-network.css', 'assets/vis-network.min.js']
"""

from __future__ import annotations

import shutil
from collections import defaultdict
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from graphbuild.io import atomic_write_text
from graphbuild.schema import ARTICLE_LABEL, ENTITY_TYPES, MENTIONED_IN, RELATION_TYPES, TYPE_STYLE
from graphbuild.views.render import layout, script_json, vis_assets

ENTITY_SHARD = 200  # entities per neighbourhood file
ARTICLE_SHARD = 40  # articles per text file
MAX_EVIDENCE = 20  # sentences kept per relation (the count of all is kept too)
ASSETS = ("explorer.js", "explorer.css")


def _static(name: str) -> str:
    return resources.files("graphbuild.views").joinpath("static", name).read_text("utf-8")


def _data_file(path: Path, key: str, value: Any) -> Path:
    atomic_write_text(path, f"GB.loaded({script_json(key)},{script_json(value)});\n")
    return path


def _provinces(g: nx.MultiDiGraph, nodes: list[str]) -> list[str]:
    from graphbuild.analysis import province_of

    out = []
    for n in nodes:
        try:
            out.append(province_of(g, n) or "" if g.nodes[n].get("type") in ("Union", "Enterprise", "Organization", "Place") else "")
        except (KeyError, ValueError):
            out.append("")
    return out


def _t2s_pairs(names: Iterable[str]) -> str:
    """Traditional → simplified characters for the characters of the names, as
    one string of pairs: the page folds a query typed in traditional characters."""
    import opencc

    s2t = opencc.OpenCC("s2t")
    pairs = {}
    for ch in sorted({c for name in names for c in name if "\u4e00" <= c <= "\u9fff"}):
        t = s2t.convert(ch)
        if len(t) == 1 and t != ch:
            pairs[t] = ch
    return "".join(k + v for k, v in sorted(pairs.items()))


def write_explorer(
    g: nx.MultiDiGraph, out: str | Path, *, records: Iterable[dict[str, Any]] | None = None, top: int = 300
) -> list[Path]:
    """Write the explorer of ``g`` under ``out``; ``records`` (the extraction
    records) give the article texts. Returns the files written, index last."""
    out = Path(out)
    for old in ("data", "ego", "articles"):  # a previous explorer's shards, the former per-view files
        shutil.rmtree(out / old, ignore_errors=True)
    (out / "overview.html").unlink(missing_ok=True)
    written: list[Path] = []
    assets = out / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    js, css = vis_assets()
    for name, text in (("vis-network.min.js", js), ("vis-network.css", css), *((a, _static(a)) for a in ASSETS)):
        atomic_write_text(assets / name, text)
        written.append(assets / name)

    entity_nodes = [n for n, d in g.nodes(data=True) if d.get("type") != ARTICLE_LABEL]
    degree = {n: 0 for n in entity_nodes}
    for u, v, d in g.edges(data=True):
        if d.get("type") != MENTIONED_IN:
            degree[u] += 1
            degree[v] += 1
    order = sorted(entity_nodes, key=lambda n: (-degree[n], str(n)))
    index = {n: i for i, n in enumerate(order)}
    articles = sorted((d.get("doc_id") or str(n), n) for n, d in g.nodes(data=True) if d.get("type") == ARTICLE_LABEL)
    art_index = {doc: i for i, (doc, _) in enumerate(articles)}
    rel_index = {r: i for i, r in enumerate(RELATION_TYPES)}
    provinces = _provinces(g, order)
    province_names = sorted({p for p in provinces if p})
    province_index = {p: i for i, p in enumerate(province_names)}

    # relations, each once, with their evidence: [article, sentence, start, end] (offsets into the source)
    edges: list[list[Any]] = []
    by_node: dict[int, list[int]] = defaultdict(list)
    mentioned_in: dict[int, list[int]] = defaultdict(list)
    for u, v, d in g.edges(data=True):
        t = d.get("type")
        if t == MENTIONED_IN:
            if u in index and d.get("type") == MENTIONED_IN:
                doc = g.nodes[v].get("doc_id")
                if doc in art_index:
                    mentioned_in[index[u]].append(art_index[doc])
            continue
        if u not in index or v not in index or t not in rel_index:
            continue
        evidence = d.get("evidence", [])
        ev = [[art_index.get(e.get("doc_id"), -1), e.get("sentence", ""), e.get("start", 0), e.get("end", 0)] for e in evidence[:MAX_EVIDENCE]]
        k = len(edges)
        # [head, type, tail, title, year, evidence, how many sentences state it in all]
        edges.append([index[u], rel_index[t], index[v], d.get("title") or "", d.get("year") or "", ev, len(evidence)])
        by_node[index[u]].append(k)
        by_node[index[v]].append(k)

    n_shards = max(1, -(-len(order) // ENTITY_SHARD))
    (out / "data" / "n").mkdir(parents=True, exist_ok=True)
    for k in range(n_shards):
        # a relation's evidence is written once, in its head's shard; the tail's has the
        # relation without it (the page loads the head's shard when it is asked for)
        shard = {
            str(i): {
                "e": [edges[j] if edges[j][0] == i else [*edges[j][:5], None, edges[j][6]] for j in by_node.get(i, [])],
                "a": sorted(set(mentioned_in.get(i, []))),
            }
            for i in range(k * ENTITY_SHARD, min(len(order), (k + 1) * ENTITY_SHARD))
        }
        written.append(_data_file(out / "data" / "n" / f"{k}.js", f"n/{k}", shard))

    written += _write_articles(g, out, articles, index, records)

    tops = order[: min(top, len(order))]
    sub = nx.MultiDiGraph(g.subgraph(tops))
    sub.remove_edges_from([(u, v, k) for u, v, k, d in sub.edges(keys=True, data=True) if d.get("type") not in rel_index])
    pos = layout(sub)
    data = {
        "types": list(ENTITY_TYPES),
        "style": {t: list(TYPE_STYLE[t]) for t in ENTITY_TYPES},
        "rels": list(RELATION_TYPES),
        "provinces": province_names,
        # [name, type index, degree, province index (-1: none), aliases]
        "entities": [
            [
                str(g.nodes[n].get("name", n)),
                ENTITY_TYPES.index(g.nodes[n]["type"]) if g.nodes[n].get("type") in ENTITY_TYPES else 0,
                degree[n],
                province_index.get(provinces[i], -1),
                [str(a) for a in g.nodes[n].get("aliases", []) or []],
            ]
            for i, n in enumerate(order)
        ],
        "keys": [str(n) for n in order],
        "articles": [[doc, str(g.nodes[node].get("title") or doc), i // ARTICLE_SHARD] for i, (doc, node) in enumerate(articles)],
        "shard": ENTITY_SHARD,
        "overview": {
            "nodes": [[index[n], round(pos[n][0], 1), round(pos[n][1], 1)] for n in tops],
            "edges": [[index[u], rel_index[d["type"]], index[v]] for u, v, d in sub.edges(data=True)],
        },
        "t2s": _t2s_pairs(name for row in order for name in [str(g.nodes[row].get("name", row)), *(g.nodes[row].get("aliases") or [])]),
    }
    written.append(_data_file(out / "data" / "index.js", "index", data))
    atomic_write_text(out / "index.html", _static("index.html"))
    written.append(out / "index.html")
    return written


def _write_articles(
    g: nx.MultiDiGraph,
    out: Path,
    articles: list[tuple[str, str]],
    index: dict[str, int],
    records: Iterable[dict[str, Any]] | None,
) -> list[Path]:
    by_doc = {r["doc_id"]: r for r in records or [] if "doc_id" in r}
    rel_index = {r: i for i, r in enumerate(RELATION_TYPES)}
    (out / "data" / "a").mkdir(parents=True, exist_ok=True)
    written = []
    for k in range(max(1, -(-len(articles) // ARTICLE_SHARD))):
        shard: dict[str, Any] = {}
        for i in range(k * ARTICLE_SHARD, min(len(articles), (k + 1) * ARTICLE_SHARD)):
            doc, node = articles[i]
            rec = by_doc.get(doc)
            d = g.nodes[node]
            entry: dict[str, Any] = {"title": str(d.get("title") or doc), "source": str(d.get("source") or ""), "date": str(d.get("date") or "")}
            if rec is not None and isinstance(rec.get("text"), str):
                base = int(rec.get("offset", 0))
                text = rec["text"]
                # the article's entity nodes, by type and name (a namesake person keeps its own node)
                here = {}
                for u, _, ed in g.in_edges(node, data=True):
                    if ed.get("type") == MENTIONED_IN and u in index:
                        here.setdefault((g.nodes[u].get("type"), g.nodes[u].get("name")), index[u])
                mentions = []
                for ent in rec.get("entities", []):
                    target = here.get((ent.get("type"), ent.get("name")), -1)
                    for m in ent.get("mentions", []):
                        s, e = m["start"] - base, m["end"] - base
                        if 0 <= s < e <= len(text):
                            mentions.append([s, e, ENTITY_TYPES.index(ent["type"]) if ent.get("type") in ENTITY_TYPES else 0, target])
                rels = []
                for r in rec.get("relations", []):
                    ev = r.get("evidence") or {}
                    h = here.get((_type_of(rec, r["head"]), r["head"]), -1)
                    t = here.get((_type_of(rec, r["tail"]), r["tail"]), -1)
                    if r.get("type") in rel_index:
                        rels.append([h, rel_index[r["type"]], t, int(ev.get("start", base)) - base, int(ev.get("end", base)) - base, r["head"], r["tail"]])
                entry.update(text=text, offset=base, mentions=sorted(mentions, key=lambda m: (m[0], -m[1])), relations=rels)
            shard[str(i)] = entry
        written.append(_data_file(out / "data" / "a" / f"{k}.js", f"a/{k}", shard))
    return written


def _type_of(rec: dict[str, Any], name: str) -> str | None:
    return next((e.get("type") for e in rec.get("entities", []) if e.get("name") == name), None)
