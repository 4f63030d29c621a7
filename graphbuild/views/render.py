"""Self-contained offline HTML views of the graph, built on pyvis.

pyvis assembles the node and edge records; our template (``template.html``)
replaces pyvis's, because pyvis links vis-network and bootstrap from CDNs, runs
physics forever and has no legend. Here vis-network is inlined from the copy
pyvis ships, positions are precomputed and physics is off, every text goes
through ``textContent`` (never ``innerHTML``), and the graph data sits in a
``<script type="application/json">`` block with ``<`` escaped, so a name like
``<img src=x onerror=alert(1)>`` shows as text.

>>> import networkx as nx
>>> g = nx.MultiDiGraph(); g.add_node("Union:甲", type="Union", name="<b>甲</b>", aliases=[])
>>> html = render(g, title="t")
>>> "<b>甲</b>" in html, "\\\\u003cb\\\\u003e甲" in html
(False, True)
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from graphbuild.io import atomic_write_text
from graphbuild.schema import ENTITY_TYPES, MENTIONED_IN, RELATION_TYPES, TYPE_STYLE


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS from the copy inside the pyvis package."""
    import pyvis

    base = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
    return (base / "vis-network.min.js").read_text("utf-8"), (base / "vis-network.css").read_text("utf-8")


def _template() -> str:
    return resources.files("graphbuild.views").joinpath("template.html").read_text("utf-8")


def script_json(value: Any) -> str:
    """JSON safe inside a <script> element: no '<', no line separators."""
    return (
        json.dumps(value, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def layout(g: nx.Graph, *, seed: int = 7) -> dict[Any, tuple[float, float]]:
    """Positions computed once: spring layout for small graphs, a cheap
    type-clustered layout refined by a few spring steps for large ones."""
    n = g.number_of_nodes()
    if n == 0:
        return {}
    simple = nx.Graph(g.to_undirected()) if g.is_multigraph() or g.is_directed() else g
    scale = 60 * math.sqrt(n) + 200
    if n <= 1500:
        pos = nx.spring_layout(simple, seed=seed, iterations=60 if n <= 500 else 30)
    else:
        # large graphs: an O(n) layout, one sunflower disc per node type, the
        # best-connected nodes at each disc's centre (a spring layout of
        # 10,000 nodes takes minutes here)
        types = sorted({d.get("type", "") for _, d in g.nodes(data=True)})
        groups: dict[str, list] = {t: [] for t in types}
        for node, d in g.nodes(data=True):
            groups[d.get("type", "")].append(node)
        ring = 2.2
        pos = {}
        golden = math.pi * (3 - math.sqrt(5))
        for i, t in enumerate(types):
            members = sorted(groups[t], key=lambda x: -g.degree(x))
            cx, cy = ring * math.cos(2 * math.pi * i / len(types)), ring * math.sin(2 * math.pi * i / len(types))
            spread = 0.9 * math.sqrt(len(members) / max(1, n / len(types)))
            for k, node in enumerate(members):
                r = spread * math.sqrt((k + 0.5) / len(members))
                pos[node] = (cx + r * math.cos(k * golden), cy + r * math.sin(k * golden))
        scale = 60 * math.sqrt(n) / 2 + 200
    return {k: (float(x) * scale, float(y) * scale) for k, (x, y) in pos.items()}


def vis_records(g: nx.MultiDiGraph) -> tuple[list[dict], list[dict]]:
    """Node and edge records assembled with pyvis (its data model, our template)."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    pos = layout(g)
    for n, d in g.nodes(data=True):
        x, y = pos.get(n, (0.0, 0.0))
        deg = g.degree(n)
        label = str(d.get("name", n))
        net.add_node(
            str(n), label=label, group=d.get("type", ""), x=x, y=y, size=10 + min(25, 3 * math.sqrt(deg)),
            aliases=[str(a) for a in d.get("aliases", []) or []], mentions=d.get("mentions", 0), articles=d.get("articles", 0),
        )  # fmt: skip
    for i, (u, v, d) in enumerate(g.edges(data=True)):
        net.add_edge(
            str(u), str(v), id=f"e{i}", label=d.get("type", ""), rel=d.get("type", ""), title=d.get("title") or "",
            year=d.get("year") or "", evidence=d.get("evidence", []),
        )  # fmt: skip
    for e in net.edges:
        # pyvis puts the tooltip in "title"; keep the position title apart
        e["title"] = e.get("title") or ""
    return net.nodes, net.edges


def render(g: nx.MultiDiGraph, *, title: str) -> str:
    nodes, edges = vis_records(g)
    for e in edges:
        e["title"] = e.get("title") or ""
    node_types = [t for t in (*ENTITY_TYPES, "Article") if any(n["group"] == t for n in nodes)]
    rel_types = [t for t in (*RELATION_TYPES, MENTIONED_IN) if any(e["rel"] == t for e in edges)]
    counts: dict[str, int] = {}
    for n in nodes:
        counts[n["group"]] = counts.get(n["group"], 0) + 1
    for e in edges:
        counts[e["rel"]] = counts.get(e["rel"], 0) + 1
    groups = {t: {"color": {"background": c, "border": "#333"}, "shape": s} for t, (c, s) in TYPE_STYLE.items()}
    data = {
        "title": title,
        "nodes": nodes,
        "edges": edges,
        "nodeTypes": node_types,
        "relTypes": rel_types,
        "typeCounts": counts,
        "groups": groups,
        "colors": {t: c for t, (c, _) in TYPE_STYLE.items()},
    }
    js, css = vis_assets()
    parts = {"{{TITLE}}": _escape(title), "{{VIS_JS}}": js, "{{DATA}}": script_json(data)}
    html = _template().replace("</style>", css + "\n</style>", 1)
    out = []
    rest = html
    # one pass, so text inside the data never gets replaced again
    while rest:
        idx = [(rest.find(k), k) for k in parts if rest.find(k) >= 0]
        if not idx:
            out.append(rest)
            break
        pos, key = min(idx)
        out.append(rest[:pos])
        out.append(parts[key])
        rest = rest[pos + len(key) :]
    return "".join(out)


def _escape(text: str) -> str:
    from html import escape

    return escape(text, quote=True)


def write_view(g: nx.MultiDiGraph, path: str | Path, *, title: str) -> Path:
    path = Path(path)
    atomic_write_text(path, render(g, title=title))
    return path
