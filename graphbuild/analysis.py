"""Public helpers for notebooks and scripts: build or load the graph, tables
for the usual questions, network measures, Chinese-labelled plots.

>>> from tests.conftest import fixture_records
>>> from graphbuild.graph.build import build_graph
>>> g = build_graph(fixture_records())
>>> counts_by_type(g)["Union"], programs_by_union(g)[0]["program"]
(1, '暖心驿站')
"""

from __future__ import annotations

import html
from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx

from graphbuild.graph.store_graph import read_built_graph
from graphbuild.schema import ARTICLE_LABEL, ENTITY_TYPES
from graphbuild.views.site import entity_graph

CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei")


def build_corpus_graph(paths: list[str | Path], out: str | Path, *, store: bool = True) -> nx.MultiDiGraph:
    """Build (or rebuild from the cache) the graph of ``paths`` into ``out``."""
    from graphbuild.run.build import build

    return build(paths=list(paths), out=out, store=store, views=False).graph


def load_graph(build_dir: str | Path) -> nx.MultiDiGraph:
    return read_built_graph(build_dir)


def counts_by_type(g: nx.MultiDiGraph) -> dict[str, int]:
    c = Counter(d["type"] for _, d in g.nodes(data=True) if d["type"] != ARTICLE_LABEL)
    return {t: c.get(t, 0) for t in ENTITY_TYPES}


def most_mentioned(g: nx.MultiDiGraph, n: int = 15, type: str | None = None) -> list[dict[str, Any]]:  # noqa: A002
    rows = [{"name": d["name"], "type": d["type"], "mentions": d.get("mentions", 0), "articles": d.get("articles", 0)}
            for _, d in g.nodes(data=True) if d["type"] != ARTICLE_LABEL and (type is None or d["type"] == type)]  # fmt: skip
    return sorted(rows, key=lambda r: (-r["mentions"], r["name"]))[:n]


def _edges(g: nx.MultiDiGraph, rel: str):  # noqa: ANN202
    return [(u, v, d) for u, v, d in g.edges(data=True) if d["type"] == rel]


def province_of(g: nx.MultiDiGraph, node: str) -> str | None:
    """The top place above a body's or place's location, by LOCATED_IN and PART_OF."""
    place = (
        node
        if g.nodes[node]["type"] == "Place"
        else next((v for _, v, d in g.out_edges(node, data=True) if d["type"] == "LOCATED_IN"), None)
    )
    seen = set()
    while place is not None and place not in seen:
        seen.add(place)
        up = next(
            (v for _, v, d in g.out_edges(place, data=True) if d["type"] == "PART_OF" and g.nodes[v]["type"] == "Place"), None
        )
        if up is None:
            return _gazetteer_province(g.nodes[place]["name"])
        place = up
    return None


def _gazetteer_province(name: str) -> str:
    """Climb the administrative map when the articles did not state the province."""
    from graphbuild.nlp.gazetteer import gazetteer

    gaz = gazetteer()
    d = gaz.division(name)
    while d is not None and d.parent:
        d = gaz.by_code[d.parent]
    return d.name if d is not None else name


def programs_by_union(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    rows = []
    for u, v, _ in _edges(g, "ORGANIZES"):
        if g.nodes[u]["type"] != "Union":
            continue
        targets = sorted(g.nodes[t]["name"] for _, t, d in g.out_edges(v, data=True) if d["type"] == "TARGETS")
        rows.append(
            {
                "union": g.nodes[u]["name"],
                "program": g.nodes[v]["name"],
                "kind": g.nodes[v]["type"],
                "targets": targets,
                "province": province_of(g, u),
            }
        )
    return sorted(rows, key=lambda r: (r["union"], r["program"]))


def award_holders(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    rows = []
    for h, a, d in _edges(g, "AWARDED"):
        jobs = [(g.nodes[b]["name"], e.get("title")) for _, b, e in g.out_edges(h, data=True) if e["type"] == "WORKS_AT"]
        rows.append({"holder": g.nodes[h]["name"], "holder_type": g.nodes[h]["type"], "award": g.nodes[a]["name"], "year": d.get("year"),
                     "works_at": "；".join(b for b, _ in jobs), "titles": "；".join(t or "" for _, t in jobs)})  # fmt: skip
    return sorted(rows, key=lambda r: (r["award"], r["holder"]))


def positions(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    return sorted(
        (
            {"person": g.nodes[p]["name"], "body": g.nodes[b]["name"], "title": d.get("title")}
            for p, b, d in _edges(g, "WORKS_AT")
        ),
        key=lambda r: (r["person"], r["body"]),
    )


def mentorships(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    return [
        {"master": g.nodes[m]["name"], "apprentice": g.nodes[a]["name"], "evidence": d["evidence"][0]["sentence"]}
        for m, a, d in _edges(g, "MENTORS")
    ]


def centrality(g: nx.MultiDiGraph, n: int = 15) -> list[dict[str, Any]]:
    h = nx.Graph(entity_graph(g).to_undirected())
    deg = nx.degree_centrality(h)
    btw = nx.betweenness_centrality(h, k=min(200, len(h)) or None, seed=7)
    pr = nx.pagerank(h) if len(h) else {}
    rows = [
        {
            "name": h.nodes[x]["name"],
            "type": h.nodes[x]["type"],
            "degree": round(deg[x], 4),
            "betweenness": round(btw[x], 4),
            "pagerank": round(pr.get(x, 0), 4),
        }
        for x in h
    ]
    return sorted(rows, key=lambda r: (-r["pagerank"], r["name"]))[:n]


def communities(g: nx.MultiDiGraph, n: int = 8) -> list[dict[str, Any]]:
    h = nx.Graph(entity_graph(g).to_undirected())
    h.remove_nodes_from([x for x in h if h.degree(x) == 0])
    comms = nx.community.louvain_communities(h, seed=7) if len(h) else []
    rows = []
    for i, c in enumerate(sorted(comms, key=len, reverse=True)[:n]):
        top = sorted(c, key=lambda x: -h.degree(x))[:6]
        rows.append({"community": i, "size": len(c), "members": "、".join(h.nodes[x]["name"] for x in top)})
    return rows


def province_bridges(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Entities linked to bodies of two or more provinces."""
    h = entity_graph(g)
    rows = []
    for x, d in h.nodes(data=True):
        if d["type"] == "Place":
            continue
        provs = set()
        for y in nx.all_neighbors(h, x):
            if h.nodes[y]["type"] in ("Union", "Enterprise", "Organization", "Place"):
                p = province_of(g, y)
                if p:
                    provs.add(p)
        if len(provs) >= 2:
            rows.append({"name": d["name"], "type": d["type"], "provinces": "、".join(sorted(provs)), "n": len(provs)})
    return sorted(rows, key=lambda r: (-r["n"], r["name"]))


def ego_network(g: nx.MultiDiGraph, name: str, depth: int = 1) -> nx.MultiDiGraph:
    from graphbuild.views.site import ego, find_entity

    return ego(g, find_entity(g, name), depth)


def use_cjk_font() -> str:
    """Point matplotlib at an installed CJK font; returns its name."""
    import matplotlib
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    for name in CJK_FONTS:
        if name in installed:
            matplotlib.rcParams["font.sans-serif"] = [name, "DejaVu Sans"]
            matplotlib.rcParams["font.family"] = "sans-serif"
            matplotlib.rcParams["axes.unicode_minus"] = False
            return name
    raise RuntimeError("no CJK font installed: apt-get install fonts-wqy-microhei (make test does)")


def inline_view(g: nx.MultiDiGraph, *, title: str = "graph", height: int = 600):  # noqa: ANN201 - IPython HTML
    """The offline HTML view inside a notebook cell (an iframe with srcdoc)."""
    from IPython.display import HTML

    from graphbuild.views.render import render

    doc = render(g, title=title)
    return HTML(f'<iframe srcdoc="{html.escape(doc, quote=True)}" style="width:100%;height:{height}px;border:0"></iframe>')
