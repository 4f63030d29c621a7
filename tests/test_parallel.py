"""Workers and Dask give the same graph as one process."""

from __future__ import annotations

import json

import networkx as nx

from graphbuild.cli.extract import extract_records
from graphbuild.graph.build import build_graph

from .conftest import SEEDS


def _graph_json(records) -> str:
    """A digest of the graph (a digest, so a mismatch never makes pytest diff megabytes)."""
    import hashlib

    g = build_graph(records)
    text = json.dumps(
        nx.node_link_data(g, edges="edges", source="_from", target="_to", key="_key", name="_id"),
        sort_keys=True,
        ensure_ascii=False,
        default=sorted,
    )
    return f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges, sha256 {hashlib.sha256(text.encode()).hexdigest()}"


def test_two_workers_give_the_same_graph(seed_records):
    par = extract_records(paths=SEEDS, workers=2).records
    assert _graph_json(par) == _graph_json(seed_records)


def test_dask_local_cluster_of_two_workers_gives_the_same_graph(seed_records):
    dask_recs = extract_records(paths=SEEDS, dask="local").records
    assert [r["doc_id"] for r in dask_recs] == [r["doc_id"] for r in seed_records]
    assert _graph_json(dask_recs) == _graph_json(seed_records)
