"""The views of a built graph: the explorer under ``build/views/`` (and the
graph helpers the notebooks use: ego networks, finding an entity by name or alias)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from graphbuild.errors import Errors, GraphbuildError
from graphbuild.schema import ARTICLE_LABEL, MENTIONED_IN
from graphbuild.views.explorer import write_explorer


def entity_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph without provenance (Article nodes, MENTIONED_IN edges)."""
    keep = [n for n, d in g.nodes(data=True) if d.get("type") != ARTICLE_LABEL]
    h = g.subgraph(keep).copy()
    h.remove_edges_from([(u, v, k) for u, v, k, d in h.edges(keys=True, data=True) if d.get("type") == MENTIONED_IN])
    return h


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


def write_views(
    g: nx.MultiDiGraph, out: str | Path, *, records: Iterable[dict[str, Any]] | None = None, top: int = 300
) -> list[Path]:
    """The explorer of ``g`` under ``out`` (``views/explorer.py``); the index is last."""
    return write_explorer(g, out, records=records, top=top)


def entity_url(g: nx.MultiDiGraph, views: Path, name: str) -> str:
    """The explorer's URL of an entity's neighbourhood (name or alias): what an ego view was."""
    from urllib.parse import quote

    return f"{(Path(views) / 'index.html').resolve().as_uri()}#entity={quote(find_entity(g, name))}"
