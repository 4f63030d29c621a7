"""Reading the built graph back from ``build/`` (the node-link export)."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from graphbuild.errors import Errors, GraphbuildError
from graphbuild.graph.node_link import read_node_link

GRAPH_FILE = "graph.json"


def read_built_graph(build_dir: str | Path) -> nx.MultiDiGraph:
    path = Path(build_dir) / GRAPH_FILE
    if not path.exists():
        raise GraphbuildError(Errors.E015, path=build_dir)
    return read_node_link(path)
