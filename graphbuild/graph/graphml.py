"""GraphML export for Gephi and yEd: lists and dicts become JSON strings.
Streamed (see ``xml_text``); networkx reads it back.

>>> import networkx as nx, tempfile, pathlib
>>> g = nx.MultiDiGraph(); g.add_node("a", type="Union", aliases=["x"]); _ = g.add_edge("a", "a", key="PART_OF", type="PART_OF", evidence=[{"s": 1}])
>>> p = pathlib.Path(tempfile.mkdtemp()) / "g.graphml"
>>> write_graphml(g, p); h = read_graphml(p); h.nodes["a"]["aliases"], h.edges["a", "a", "PART_OF"]["evidence"]
(['x'], [{'s': 1}])
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from graphbuild.graph.flatten import EdgeRows, NodeRows, flat_rows, unflattened
from graphbuild.graph.xml_text import attr, attribute_types, formatter
from graphbuild.io import atomic_open

_HEAD = (
    "<?xml version='1.0' encoding='utf-8'?>\n"
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
    'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
)


def write_graphml(g: nx.MultiDiGraph, path: str | Path, *, rows: tuple[NodeRows, EdgeRows] | None = None) -> None:
    """``rows``: ``flat_rows(g)``, when the caller has made them already."""
    nodes, edges = rows or flat_rows(g)
    node_types = attribute_types(d for _, d in nodes)
    edge_types = attribute_types(e[3] for e in edges)
    node_keys = {name: f"d{i}" for i, name in enumerate(node_types)}
    edge_keys = {name: f"d{i + len(node_keys)}" for i, name in enumerate(edge_types)}
    with atomic_open(path, "w") as fh:
        out = [_HEAD]
        for kind, types, keys in (("node", node_types, node_keys), ("edge", edge_types, edge_keys)):
            for name, xml_type in types.items():
                out.append(f'<key id="{keys[name]}" for="{kind}" attr.name={attr(name)} attr.type="{xml_type}"/>\n')
        out.append('<graph edgedefault="directed">\n')
        # per attribute: its opening tag and the function that writes its value
        node_data = {k: (f'<data key="{node_keys[k]}">', formatter(t)) for k, t in node_types.items()}
        for n, d in nodes:
            out.append(f"<node id={attr(n)}>")
            for k, v in d.items():
                tag, fmt = node_data[k]
                out.append(tag + fmt(v) + "</data>")
            out.append("</node>\n")
        fh.write("".join(out))
        out = []
        edge_data = {k: (f'<data key="{edge_keys[k]}">', formatter(t)) for k, t in edge_types.items()}
        for u, v, k, d in edges:
            out.append(f"<edge source={attr(u)} target={attr(v)} id={attr(k)}>")
            for a, b in d.items():
                tag, fmt = edge_data[a]
                out.append(tag + fmt(b) + "</data>")
            out.append("</edge>\n")
        out.append("</graph>\n</graphml>\n")
        fh.write("".join(out))


def read_graphml(path: str | Path) -> nx.MultiDiGraph:
    return unflattened(nx.read_graphml(path, force_multigraph=True))
