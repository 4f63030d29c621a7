"""The set of views under ``build/views/``: index, overview, ego and article views."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from html import escape
from pathlib import Path

import networkx as nx

from graphbuild.errors import Errors, GraphbuildError
from graphbuild.io import atomic_write_text
from graphbuild.schema import ARTICLE_LABEL, ENTITY_TYPES, MENTIONED_IN
from graphbuild.views.render import write_view


def slug(text: str) -> str:
    safe = re.sub(r"[^\w\u4e00-\u9fff-]+", "_", text)[:40].strip("_") or "x"
    return f"{safe}-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:8]}"


def entity_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph without provenance (Article nodes, MENTIONED_IN edges)."""
    keep = [n for n, d in g.nodes(data=True) if d.get("type") != ARTICLE_LABEL]
    h = g.subgraph(keep).copy()
    h.remove_edges_from([(u, v, k) for u, v, k, d in h.edges(keys=True, data=True) if d.get("type") == MENTIONED_IN])
    return h


def top_entities(g: nx.MultiDiGraph, n: int) -> list[str]:
    h = entity_graph(g)
    return sorted(h.nodes, key=lambda x: (-h.degree(x), str(x)))[:n]


def find_entity(g: nx.MultiDiGraph, name: str) -> str:
    for n, d in g.nodes(data=True):
        if d.get("type") != ARTICLE_LABEL and (d.get("name") == name or n == name):
            return n
    for n, d in g.nodes(data=True):
        if d.get("type") != ARTICLE_LABEL and name in (d.get("aliases") or []):
            return n
    raise GraphbuildError(Errors.E014, name=name)


def ego(g: nx.MultiDiGraph, node: str, depth: int) -> nx.MultiDiGraph:
    h = entity_graph(g)
    near = nx.ego_graph(h.to_undirected(as_view=True), node, radius=depth)
    return h.subgraph(near.nodes).copy()


def article_graph(g: nx.MultiDiGraph, article: str) -> nx.MultiDiGraph:
    doc_id = g.nodes[article].get("doc_id")
    ents = [u for u, _, d in g.in_edges(article, data=True) if d.get("type") == MENTIONED_IN]
    h = entity_graph(g).subgraph(ents).copy()
    h.remove_edges_from(
        [
            (u, v, k)
            for u, v, k, d in h.edges(keys=True, data=True)
            if not any(e.get("doc_id") == doc_id for e in d.get("evidence", []))
        ]
    )
    return h


def write_views(
    g: nx.MultiDiGraph,
    out: str | Path,
    *,
    top: int = 300,
    ego_of: list[str] | None = None,
    depth: int = 2,
    ego_count: int = 10,
    articles: bool = True,
) -> list[Path]:
    out = Path(out)
    written: list[Path] = []
    h = entity_graph(g)
    tops = top_entities(g, top)
    written.append(
        write_view(h.subgraph(tops).copy(), out / "overview.html", title=f"Overview: top {len(tops)} entities by degree")
    )
    ego_nodes = [find_entity(g, e) for e in ego_of] if ego_of else tops[:ego_count]
    ego_links = []
    for node in ego_nodes:
        name = g.nodes[node].get("name", node)
        p = write_view(ego(g, node, depth), out / "ego" / f"{slug(node)}.html", title=f"{name}: {depth} hops")
        written.append(p)
        ego_links.append((name, g.nodes[node].get("type", ""), p))
    art_links = []
    if articles:
        for n, d in sorted(g.nodes(data=True), key=lambda x: str(x[0])):
            if d.get("type") != ARTICLE_LABEL:
                continue
            p = write_view(
                article_graph(g, n),
                out / "articles" / f"{slug(n)}.html",
                title=f"{d.get('title') or d.get('doc_id')} ({d.get('doc_id')})",
            )
            written.append(p)
            art_links.append((d.get("title") or d.get("doc_id"), d.get("doc_id"), p))
    for p in written:
        if p.parent != out:
            _fix_index_link(p)
    written.append(_write_index(g, out, tops, ego_links, art_links))
    return written


def _fix_index_link(path: Path) -> None:
    text = path.read_text("utf-8").replace('<a href="index.html">index</a>', '<a href="../index.html">index</a>', 1)
    atomic_write_text(path, text)


def _write_index(g: nx.MultiDiGraph, out: Path, tops: list[str], egos: list, arts: list) -> Path:
    h = entity_graph(g)
    counts = Counter(d.get("type") for _, d in h.nodes(data=True))
    rels = Counter(d.get("type") for _, _, d in h.edges(data=True))
    rows = "".join(f"<tr><td>{escape(t)}</td><td>{counts.get(t, 0)}</td></tr>" for t in ENTITY_TYPES)
    rrows = "".join(f"<tr><td>{escape(t)}</td><td>{c}</td></tr>" for t, c in sorted(rels.items()))
    top_rows = "".join(
        f"<li>{escape(str(g.nodes[n].get('name')))} <small>({escape(str(g.nodes[n].get('type')))}, degree {h.degree(n)})</small></li>"
        for n in tops[:25]
    )
    ego_rows = "".join(
        f'<li><a href="{escape(p.relative_to(out).as_posix())}">{escape(str(name))}</a> <small>{escape(str(t))}</small></li>'
        for name, t, p in egos
    )
    art_rows = "".join(
        f'<li><a href="{escape(p.relative_to(out).as_posix())}">{escape(str(title))}</a> <small>{escape(str(doc))}</small></li>'
        for title, doc, p in arts
    )
    html = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';">
<title>graphbuild views</title>
<style>body{{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;margin:20px;max-width:1100px}} table{{border-collapse:collapse}} td{{border:1px solid #ccc;padding:2px 8px}} .cols{{display:flex;gap:40px;flex-wrap:wrap}}</style>
</head><body>
<h1>graphbuild: 图谱 the graph</h1>
<p>{h.number_of_nodes()} entities, {h.number_of_edges()} relations, {len(arts)} articles. <a href="overview.html">Overview</a></p>
<div class="cols"><div><h2>Entities by type</h2><table id="counts">{rows}</table></div>
<div><h2>Relations by type</h2><table id="relcounts">{rrows}</table></div>
<div><h2>Most connected</h2><ol>{top_rows}</ol></div></div>
<h2>Ego views</h2><ul>{ego_rows}</ul>
<h2>Articles</h2><ul>{art_rows}</ul>
</body></html>
"""
    path = out / "index.html"
    atomic_write_text(path, html)
    return path
