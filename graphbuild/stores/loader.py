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


def batches(g: nx.MultiDiGraph, batch_size: int) -> Iterator[tuple[str, str, list[dict]]]:
    """(kind, statement, rows) in load order: every node before any edge.
    Rows are made batch by batch, so preparing one overlaps sending another."""
    by_label: dict[str, list] = {}
    for n, d in g.nodes(data=True):
        by_label.setdefault(d["type"], []).append((n, d))
    for label, items in sorted(by_label.items()):
        stmt = node_statement(label)
        for i in range(0, len(items), batch_size):
            yield "nodes", stmt, [{"key": n, "props": _node_props(d)} for n, d in items[i : i + batch_size]]
    by_type: dict[tuple[str, str, str], list] = {}
    for u, v, d in g.edges(data=True):
        by_type.setdefault((d["type"], g.nodes[u]["type"], g.nodes[v]["type"]), []).append((u, v, d))
    for (rel, head, tail), items in sorted(by_type.items()):
        stmt = edge_statement(rel, head, tail)
        for i in range(0, len(items), batch_size):
            yield "relationships", stmt, [{"from": u, "to": v, "props": _edge_props(d)} for u, v, d in items[i : i + batch_size]]


def load_graph(
    g: nx.MultiDiGraph,
    store: Store,
    *,
    batch_size: int = DEFAULT_BATCH,
    ddl: bool = True,
    progress: Callable[[int], None] | None = None,
) -> dict[str, int]:
    """Write ``g`` into ``store``; returns the row counts written.

    A store that can ``prepare`` a statement apart from ``send``ing it (the
    embedded FalkorDB) gets one batch in flight while the next is prepared."""
    if ddl:
        store.apply_ddl()
    written = {"nodes": 0, "relationships": 0}
    prepare = getattr(store, "prepare", None)
    send = getattr(store, "send", None)
    if prepare is None or send is None:
        for kind, stmt, batch in batches(g, batch_size):
            store.write(stmt, {"rows": batch})
            written[kind] += len(batch)
            if progress:
                progress(len(batch))
        return written
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        in_flight = None
        for kind, stmt, batch in batches(g, batch_size):
            payload = prepare(stmt, {"rows": batch})
            if in_flight is not None:
                in_flight.result()  # one at a time: nodes land before their edges
            in_flight = pool.submit(send, payload)
            written[kind] += len(batch)
            if progress:
                progress(len(batch))
        if in_flight is not None:
            in_flight.result()
    return written


def counts(store: Store) -> dict[str, int]:
    n = store.run("MATCH (n) RETURN count(n) AS c")[0]["c"]
    r = store.run("MATCH ()-[r]->() RETURN count(r) AS c")[0]["c"]
    return {"nodes": n, "relationships": r}
