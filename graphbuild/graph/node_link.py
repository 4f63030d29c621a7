"""Node-link JSON export (d3 and networkx read it).

networkx's defaults would overwrite an edge property named ``source``; the
keys are renamed (``_from``, ``_to``, ``_key``, ``_id``) and read back the same.

>>> import networkx as nx, tempfile, pathlib
>>> g = nx.MultiDiGraph(); _ = g.add_edge("a", "b", key="K", type="K", source="x")
>>> p = pathlib.Path(tempfile.mkdtemp()) / "g.json"
>>> write_node_link(g, p); read_node_link(p).edges["a", "b", "K"]["source"]
'x'
"""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from graphbuild.io import atomic_open

KEYS = {"edges": "edges", "source": "_from", "target": "_to", "key": "_key", "name": "_id"}


def write_node_link(g: nx.MultiDiGraph, path: str | Path) -> None:
    data = nx.node_link_data(g, **KEYS)
    for node in data["nodes"]:
        if isinstance(node.get("aliases"), set):
            node["aliases"] = sorted(node["aliases"])
    with atomic_open(path) as fh:
        fh.write(json.dumps(data, ensure_ascii=False))  # dumps runs the C encoder; dump(fh) would not


def read_node_link(path: str | Path) -> nx.MultiDiGraph:
    data = json.loads(Path(path).read_text("utf-8"))
    return nx.node_link_graph(data, directed=True, multigraph=True, **KEYS)
