"""GEXF export for Gephi. GEXF silently drops an edge attribute named
``type``, so it travels as ``relation`` and is restored on reading.

>>> import networkx as nx, tempfile, pathlib
>>> g = nx.MultiDiGraph(); g.add_node("a", type="Union", name="甲"); _ = g.add_edge("a", "a", key="PART_OF", type="PART_OF")
>>> p = pathlib.Path(tempfile.mkdtemp()) / "g.gexf"
>>> write_gexf(g, p); h = read_gexf(p); h.edges["a", "a", "PART_OF"]["type"], h.nodes["a"]["name"]
('PART_OF', '甲')
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from graphbuild.graph.flatten import flattened, unflattened
from graphbuild.io import atomic_open

_OUT = {"type": "relation"}
_IN = {"relation": "type"}


def write_gexf(g: nx.MultiDiGraph, path: str | Path) -> None:
    h = flattened(g, _OUT)
    for n, d in h.nodes(data=True):
        d.setdefault("label", d.get("name", n))
    with atomic_open(path, "wb") as fh:
        nx.write_gexf(h, fh, encoding="utf-8")


def read_gexf(path: str | Path) -> nx.MultiDiGraph:
    g = nx.read_gexf(path, node_type=str)
    return unflattened(g if g.is_multigraph() else nx.MultiDiGraph(g), _IN)
