"""GEXF 1.2 export for Gephi. GEXF silently drops an edge attribute named
``type``, so it travels as ``relation`` and is restored on reading; edge keys
travel as ``networkx_key``, as networkx writes them. Streamed (see
``xml_text``); networkx reads it back.

>>> import networkx as nx, tempfile, pathlib
>>> g = nx.MultiDiGraph(); g.add_node("a", type="Union", name="甲"); _ = g.add_edge("a", "a", key="PART_OF", type="PART_OF")
>>> p = pathlib.Path(tempfile.mkdtemp()) / "g.gexf"
>>> write_gexf(g, p); h = read_gexf(p); h.edges["a", "a", "PART_OF"]["type"], h.nodes["a"]["name"]
('PART_OF', '甲')
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx

from graphbuild.graph.flatten import EdgeRows, NodeRows, flat_rows, unflattened
from graphbuild.graph.xml_text import attr, attribute_types, formatter
from graphbuild.io import atomic_open

_OUT = {"type": "relation"}
_IN = {"relation": "type"}
# attributes GEXF holds on the element itself, not as attvalues
_ELEMENT = ("label", "id")


def write_gexf(g: nx.MultiDiGraph, path: str | Path, *, rows: tuple[NodeRows, EdgeRows] | None = None) -> None:
    """``rows``: ``flat_rows(g)``, when the caller has made them already."""
    flat_nodes, flat_edges = rows or flat_rows(g)
    nodes = []
    for n, d in flat_nodes:
        row = {k: v for k, v in d.items() if k not in _ELEMENT}
        nodes.append((n, d.get("label", d.get("name", n)), row))
    edges = []
    for u, v, k, d in flat_edges:
        row = {_OUT.get(a, a): b for a, b in d.items() if a not in _ELEMENT}
        row["networkx_key"] = k
        edges.append((u, v, row))
    node_types = attribute_types(r for _, _, r in nodes)
    edge_types = attribute_types(r for _, _, r in edges)
    node_ids = {name: str(i) for i, name in enumerate(node_types)}
    edge_ids = {name: str(i + len(node_ids)) for i, name in enumerate(edge_types)}
    with atomic_open(path, "w") as fh:
        out = [
            "<?xml version='1.0' encoding='utf-8'?>\n"
            '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">\n'
            f'  <meta lastmodifieddate="{datetime.date.today().isoformat()}">\n'
            "    <creator>graphbuild</creator>\n  </meta>\n"
            '  <graph defaultedgetype="directed" mode="static" name="">\n'
        ]
        for kind, types, ids in (("node", node_types, node_ids), ("edge", edge_types, edge_ids)):
            out.append(f'    <attributes mode="static" class="{kind}">\n')
            out.extend(f'      <attribute id="{ids[k]}" title={attr(k)} type="{t}" />\n' for k, t in types.items())
            out.append("    </attributes>\n")
        # per attribute: the start of its attvalue and the function that writes its value
        node_values = {
            k: (f'          <attvalue for="{node_ids[k]}" value=', formatter(t, quoted=True)) for k, t in node_types.items()
        }
        edge_values = {
            k: (f'          <attvalue for="{edge_ids[k]}" value=', formatter(t, quoted=True)) for k, t in edge_types.items()
        }
        out.append("    <nodes>\n")
        for n, label, row in nodes:
            out.append(f"      <node id={attr(n)} label={attr(label)}>\n")
            out += _attvalues(row, node_values)
            out.append("      </node>\n")
        out.append("    </nodes>\n")
        fh.write("".join(out))
        out = ["    <edges>\n"]
        for i, (u, v, row) in enumerate(edges):
            out.append(f'      <edge source={attr(u)} target={attr(v)} id="{i}">\n')
            out += _attvalues(row, edge_values)
            out.append("      </edge>\n")
        out.append("    </edges>\n  </graph>\n</gexf>\n")
        fh.write("".join(out))


def _attvalues(row: dict[str, Any], values: dict[str, tuple[str, Callable[[Any], str]]]) -> list[str]:
    out = ["        <attvalues>\n"]
    for k, v in row.items():
        start, fmt = values[k]
        out.append(start + fmt(v) + " />\n")
    out.append("        </attvalues>\n")
    return out


def read_gexf(path: str | Path) -> nx.MultiDiGraph:
    g = nx.read_gexf(path, node_type=str)
    return unflattened(g if g.is_multigraph() else nx.MultiDiGraph(g), _IN)
