"""Store loads: rows per second by batch size into the embedded FalkorDB (and
Neo4j when NEO4J_URI is set), on a synthetic graph of 100,000 nodes and
300,000 relationships; peak memory of this process and of the server.

    .venv/bin/python bench/store_load.py [--quick]
"""

from __future__ import annotations

import os
import random
import tempfile
from pathlib import Path

import networkx as nx
from common import Timer, args, peak_rss_mb, report

from graphbuild.schema import RELATION_TYPES, allowed
from graphbuild.stores.loader import load_graph


def synthetic(n_nodes: int, n_edges: int, seed: int = 7) -> nx.MultiDiGraph:
    rnd = random.Random(seed)
    types = ["Union", "Enterprise", "Organization", "Person", "Place", "Program", "Event", "Award", "Group"]
    g = nx.MultiDiGraph()
    by_type: dict[str, list[str]] = {t: [] for t in types}
    for i in range(n_nodes):
        t = types[i % len(types)]
        key = f"{t}:实体{i}"
        g.add_node(
            key, type=t, name=f"实体{i}", aliases=[f"别名{i}"], mentions=1, articles=1, first_article="a", last_article="a"
        )
        by_type[t].append(key)
    pairs = [(r, h, t) for r in RELATION_TYPES for h in types for t in types if allowed(r, h, t)]
    made = 0
    while made < n_edges:
        r, h, t = rnd.choice(pairs)
        u, v = rnd.choice(by_type[h]), rnd.choice(by_type[t])
        if u == v or g.has_edge(u, v, key=r):
            continue
        g.add_edge(u, v, key=r, type=r, evidence=[{"doc_id": "a", "sentence": "句子。", "start": 0, "end": 3}])
        made += 1
    return g


def server_rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def main() -> None:
    a = args(__doc__)
    n_nodes, n_edges = (5_000, 15_000) if a.quick else (100_000, 300_000)
    g = synthetic(n_nodes, n_edges)
    rows = []
    from graphbuild.stores.falkordb import FalkorDBStore

    for batch in (1_000, 5_000) if a.quick else (1_000, 10_000, 50_000):
        with tempfile.TemporaryDirectory() as tmp, FalkorDBStore.embedded(Path(tmp) / "fk") as store:
            with Timer() as t:
                load_graph(g, store, batch_size=batch)
            total = n_nodes + n_edges
            rows.append({"store": "embedded FalkorDB", "batch": batch, "rows": total, "seconds": t.seconds, "rows/s": total / t.seconds,
                         "server peak MB": server_rss_mb(store.server.proc.pid), "loader peak MB": peak_rss_mb()})  # fmt: skip
    if os.environ.get("NEO4J_URI"):
        from graphbuild.stores.neo4j import Neo4jStore

        neo = Neo4jStore()
        try:
            for batch in (1_000, 10_000):
                neo.write("MATCH (n) DETACH DELETE n", {})
                with Timer() as t:
                    load_graph(g, neo, batch_size=batch)
                rows.append(
                    {
                        "store": "Neo4j",
                        "batch": batch,
                        "rows": n_nodes + n_edges,
                        "seconds": t.seconds,
                        "rows/s": (n_nodes + n_edges) / t.seconds,
                        "server peak MB": 0.0,
                        "loader peak MB": peak_rss_mb(),
                    }
                )
        finally:
            neo.close()
    report(f"Store load, synthetic graph of {n_nodes:,} nodes and {n_edges:,} relationships", rows, a.json)


if __name__ == "__main__":
    main()
