"""One loader for every store: UNWIND batches of parameters, MERGE on keys.

Loading twice changes nothing; labels and relationship types come only from
the schema's allow-list (they cannot be parameters), every value is a
parameter.

>>> node_statement("Union")
'UNWIND $rows AS row MERGE (n:Union {key: row.key}) SET n += row.props'
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import networkx as nx

from graphbuild.schema import check_label, check_relation
from graphbuild.stores.base import Store

DEFAULT_BATCH = 10_000


def node_statement(label: str) -> str:
    return f"UNWIND $rows AS row MERGE (n:{check_label(label)} {{key: row.key}}) SET n += row.props"


def edge_statement(rel: str, head: str, tail: str) -> str:
    return (
        f"UNWIND $rows AS row MATCH (a:{check_label(head)} {{key: row.from}}) MATCH (b:{check_label(tail)} {{key: row.to}}) "
        f"MERGE (a)-[r:{check_relation(rel)}]->(b) SET r += row.props"
    )


def _node_props(d: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for k, v in d.items():
        if k == "type" or v is None:
            continue
        if isinstance(v, set):
            v = sorted(v)
        out[k] = v
    return out


def _edge_props(d: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in d.items():
        if k in ("type",) or v is None or v == "":
            continue
        if k == "evidence":
            out["evidence"] = json.dumps(v, ensure_ascii=False)
            out["sentences"] = [e["sentence"] for e in v]
            out["doc_ids"] = [e["doc_id"] for e in v]
            continue
        out[k] = v
    return out


def rows(g: nx.MultiDiGraph) -> tuple[dict[str, list[dict]], dict[tuple[str, str, str], list[dict]]]:
    nodes: dict[str, list[dict]] = {}
    for n, d in g.nodes(data=True):
        nodes.setdefault(d["type"], []).append({"key": n, "props": _node_props(d)})
    edges: dict[tuple[str, str, str], list[dict]] = {}
    for u, v, d in g.edges(data=True):
        key = (d["type"], g.nodes[u]["type"], g.nodes[v]["type"])
        edges.setdefault(key, []).append({"from": u, "to": v, "props": _edge_props(d)})
    return nodes, edges


def _batches(items: list[dict], size: int) -> Iterator[list[dict]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def load_graph(
    g: nx.MultiDiGraph,
    store: Store,
    *,
    batch_size: int = DEFAULT_BATCH,
    ddl: bool = True,
    progress: Callable[[int], None] | None = None,
) -> dict[str, int]:
    """Write ``g`` into ``store``; returns the row counts written."""
    if ddl:
        store.apply_ddl()
    nodes, edges = rows(g)
    written = {"nodes": 0, "relationships": 0}
    for label, items in sorted(nodes.items()):
        stmt = node_statement(label)
        for batch in _batches(items, batch_size):
            store.write(stmt, {"rows": batch})
            written["nodes"] += len(batch)
            if progress:
                progress(len(batch))
    for (rel, head, tail), items in sorted(edges.items()):
        stmt = edge_statement(rel, head, tail)
        for batch in _batches(items, batch_size):
            store.write(stmt, {"rows": batch})
            written["relationships"] += len(batch)
            if progress:
                progress(len(batch))
    return written


def counts(store: Store) -> dict[str, int]:
    n = store.run("MATCH (n) RETURN count(n) AS c")[0]["c"]
    r = store.run("MATCH ()-[r]->() RETURN count(r) AS c")[0]["c"]
    return {"nodes": n, "relationships": r}
