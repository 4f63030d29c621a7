"""GraphML export for Gephi and yEd: lists and dicts become JSON strings.

>>> import networkx as nx, tempfile, pathlib
>>> g = nx.MultiDiGraph(); g.add_node("a", type="Union", aliases=["x"]); _ = g.add_edge("a", "a", key="PART_OF", type="PART_OF", evidence=[{"s": 1}])
>>> p = pathlib.Path(tempfile.mkdtemp()) / "g.graphml"
>>> write_graphml(g, p); h = read_graphml(p); h.nodes["a"]["aliases"], h.edges["a", "a", "PART_OF"]["evidence"]
(['x'], [{'s': 1}])
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from graphbuild.graph.flatten import flattened, unflattened
from graphbuild.io import atomic_open


def write_graphml(g: nx.MultiDiGraph, path: str | Path) -> None:
    with atomic_open(path, "wb") as fh:
        nx.write_graphml(flattened(g), fh, encoding="utf-8")


def read_graphml(path: str | Path) -> nx.MultiDiGraph:
    return unflattened(nx.read_graphml(path, force_multigraph=True))
