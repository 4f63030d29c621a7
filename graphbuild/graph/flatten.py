"""Lists and dicts ↔ JSON strings, for formats that hold only scalars."""

from __future__ import annotations

import json
from typing import Any

import networkx as nx

JSON_KEYS = ("aliases", "evidence")
# one encoder for every value (json.dumps with arguments builds one per call)
to_json = json.JSONEncoder(ensure_ascii=False).encode
_CONTAINERS = (list, dict, tuple)

NodeRows = list[tuple[Any, dict[str, Any]]]
EdgeRows = list[tuple[Any, Any, Any, dict[str, Any]]]


def flat(value: Any) -> Any:
    if isinstance(value, _CONTAINERS):
        return to_json(value)
    if isinstance(value, set):
        return to_json(sorted(value))
    return value


def flat_rows(g: nx.MultiDiGraph) -> tuple[NodeRows, EdgeRows]:
    """Every node and edge with its attributes flattened and ``None`` dropped;
    made once for the exports that all need it."""
    nodes = [(n, {k: flat(v) for k, v in d.items() if v is not None}) for n, d in g.nodes(data=True)]
    edges = [(u, v, k, {a: flat(b) for a, b in d.items() if b is not None}) for u, v, k, d in g.edges(keys=True, data=True)]
    return nodes, edges


def flattened(g: nx.MultiDiGraph, rename_edge: dict[str, str] | None = None) -> nx.MultiDiGraph:
    rename_edge = rename_edge or {}
    h = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        h.add_node(n, **{k: flat(v) for k, v in d.items() if v is not None})
    for u, v, k, d in g.edges(keys=True, data=True):
        h.add_edge(u, v, key=k, **{rename_edge.get(a, a): flat(b) for a, b in d.items() if b is not None})
    return h


def unflattened(g: nx.MultiDiGraph, rename_edge: dict[str, str] | None = None) -> nx.MultiDiGraph:
    rename_edge = rename_edge or {}
    h = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        h.add_node(
            n,
            **{
                k: (json.loads(v) if k in JSON_KEYS and isinstance(v, str) else v)
                for k, v in d.items()
                if k not in ("label", "id")
            },
        )
    for u, v, k, d in g.edges(keys=True, data=True):
        attrs = {
            rename_edge.get(a, a): (json.loads(b) if a in JSON_KEYS and isinstance(b, str) else b)
            for a, b in d.items()
            if a not in ("id", "label")
        }
        h.add_edge(u, v, key=attrs.get("type", k), **attrs)
    return h
