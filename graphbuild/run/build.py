"""A build: extract (cached), resolve, export, load the embedded store, write
the views (``graphbuild build``)."""

from __future__ import annotations

import gc
import json
import multiprocessing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from graphbuild.corpus.reader import Problem
from graphbuild.errors import Errors, GraphbuildError
from graphbuild.graph.build import build_graph, summary
from graphbuild.graph.flatten import flat_rows
from graphbuild.graph.gexf import write_gexf
from graphbuild.graph.graphml import write_graphml
from graphbuild.graph.neo4j_csv import write_neo4j_csv
from graphbuild.graph.node_link import KEYS as NODE_LINK_KEYS
from graphbuild.graph.node_link import write_node_link
from graphbuild.graph.store_graph import GRAPH_FILE
from graphbuild.io import atomic_open, atomic_write_text
from graphbuild.run.extraction import start_extraction
from graphbuild.stores.falkordb import EmbeddedServer, FalkorDBStore, import_client


@dataclass
class BuildResult:
    graph: nx.MultiDiGraph
    out: Path
    problems: list[Problem] = field(default_factory=list)
    cache_hits: int = 0
    extracted: int = 0
    files: list[Path] = field(default_factory=list)
    store_counts: dict[str, int] | None = None

    def summary(self) -> dict[str, Any]:
        return {
            **summary(self.graph),
            "articles_extracted": self.extracted,
            "articles_cached": self.cache_hits,
            "problems": len(self.problems),
            "store": self.store_counts,
        }


def _write_xml_exports(g: nx.MultiDiGraph, out: Path, records: list[dict[str, Any]]) -> list[Path]:
    files = [out / "graph.graphml", out / "graph.gexf"]
    rows = flat_rows(g)
    write_graphml(g, files[0], rows=rows)
    write_gexf(g, files[1], rows=rows)
    return files


def _write_other_exports(g: nx.MultiDiGraph, out: Path, records: list[dict[str, Any]]) -> list[Path]:
    files = [out / GRAPH_FILE, out / "extractions.jsonl"]
    write_node_link(g, files[0])
    with atomic_open(files[1]) as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return files + write_neo4j_csv(g, out / "neo4j-import")


# each writes some of the exports and returns their paths
_EXPORT_JOBS = (_write_other_exports, _write_xml_exports)


class PendingExports:
    """Exports being written, each group in a forked child (the graph is shared
    copy-on-write, nothing is pickled) while this process loads the store;
    ``wait()`` joins them and reports the first failure in one line. Without
    ``fork`` (or where the OS has none) they are written here, in turn."""

    def __init__(self, g: nx.MultiDiGraph, out: Path, records: list[dict[str, Any]], *, fork: bool = True) -> None:
        self.out = out
        self.files: list[Path] = []
        self._children: list[tuple[Any, Any]] = []
        if fork and "fork" in multiprocessing.get_all_start_methods():
            ctx = multiprocessing.get_context("fork")
            for job in _EXPORT_JOBS:
                results, child_end = ctx.Pipe(duplex=False)
                child = ctx.Process(target=_export_child, args=(job, g, out, records, child_end), daemon=True)
                child.start()
                child_end.close()
                self._children.append((child, results))
        else:
            for job in _EXPORT_JOBS:
                self.files += job(g, out, records)

    def wait(self) -> list[Path]:
        failures = []
        for child, results in self._children:
            try:
                ok, payload = results.recv()
            except EOFError:  # the child died without a word
                ok, payload = False, ""
            child.join()
            if ok and child.exitcode == 0:
                self.files += [Path(p) for p in payload]
            else:
                failures.append(payload or f"exit code {child.exitcode}")
        self._children = []
        if failures:
            raise GraphbuildError(Errors.E020, path=self.out, detail=failures[0])
        return self.files


def _export_child(job: Any, g: nx.MultiDiGraph, out: Path, records: list[dict[str, Any]], results: Any) -> None:
    # short-lived, and a collection would touch (so copy) every page of the shared graph
    gc.disable()
    try:
        results.send((True, [str(p) for p in job(g, out, records)]))
    except BaseException as exc:  # the parent reports it, in one line
        results.send((False, f"{type(exc).__name__}: {exc}"))
    finally:
        results.close()


def write_exports(g: nx.MultiDiGraph, out: Path, records: list[dict[str, Any]]) -> list[Path]:
    """Every export of ``g`` under ``out``; returns the files written."""
    return PendingExports(g, out, records).wait()


_DELETE_EDGE = "MATCH (a {key: $a})-[r]->(b {key: $b}) WHERE type(r) = $t DELETE r"


@dataclass
class GraphState:
    """A built graph's nodes and edges as plain dicts: all the store's delta
    needs, read from the node-link export without building a networkx graph."""

    nodes: dict[str, dict[str, Any]]
    edges: dict[tuple[str, str, str], dict[str, Any]]

    @classmethod
    def of(cls, g: nx.MultiDiGraph) -> GraphState:
        return cls(dict(g.nodes(data=True)), {(u, v, k): d for u, v, k, d in g.edges(keys=True, data=True)})

    @classmethod
    def read(cls, path: Path) -> GraphState:
        data = json.loads(path.read_text("utf-8"))
        k = NODE_LINK_KEYS
        nodes = {n.pop(k["name"]): n for n in data["nodes"]}
        edges = {(e.pop(k["source"]), e.pop(k["target"]), e.pop(k["key"])): e for e in data[k["edges"]]}
        return cls(nodes, edges)


def graph_delta(
    old: GraphState | nx.MultiDiGraph | None, new: nx.MultiDiGraph
) -> tuple[nx.MultiDiGraph, list[str], list[tuple[str, str, str]]]:
    """What changed from ``old`` to ``new``: a graph of the new or changed nodes
    and edges (with the endpoints they need), and the removed node keys and edges."""
    if old is None:
        return new, [], []
    if isinstance(old, nx.MultiDiGraph):
        old = GraphState.of(old)
    delta = nx.MultiDiGraph()
    for n, d in new.nodes(data=True):
        if old.nodes.get(n) != d:
            delta.add_node(n, **d)
    new_edges = set()
    for u, v, k, d in new.edges(keys=True, data=True):
        new_edges.add((u, v, k))
        if old.edges.get((u, v, k)) != d:
            for x in (u, v):
                if x not in delta:
                    delta.add_node(x, **new.nodes[x])
            delta.add_edge(u, v, key=k, **d)
    removed_nodes = [str(n) for n in old.nodes if n not in new]
    removed_edges = [(str(u), k, str(v)) for u, v, k in old.edges if (u, v, k) not in new_edges and u in new and v in new]
    return delta, removed_nodes, removed_edges


def sync_embedded(
    g: nx.MultiDiGraph,
    out: Path,
    previous: GraphState | nx.MultiDiGraph | None = None,
    server: EmbeddedServer | None = None,
) -> dict[str, int]:
    """Bring the embedded store under ``out/falkordb`` to ``g``: only what
    changed since ``previous`` (the graph of the last build) when the store
    holds that build, else everything; then stop the server (``server``, when
    one was launched on that folder already)."""
    from graphbuild.stores.loader import counts, load_graph

    if not (out / "falkordb" / "graph.rdb").exists():
        previous = None
    with FalkorDBStore.embedded(out / "falkordb", server) as store:
        # (len() of nodes and edges holds for a GraphState and a networkx graph alike; graph_delta converts)
        if previous is not None and counts(store) != {"nodes": len(previous.nodes), "relationships": len(previous.edges)}:
            previous = None  # the store is not the last build's: load everything
        delta, removed_nodes, removed_edges = graph_delta(previous, g)
        load_graph(delta, store)
        if previous is None:
            keys = [str(n) for n in g.nodes]
            store.write("MATCH (n) WHERE NOT n.key IN $keys DETACH DELETE n", {"keys": keys})
            wanted = {(str(u), d["type"], str(v)) for u, v, d in g.edges(data=True)}
            for row in store.run("MATCH (a)-[r]->(b) RETURN a.key AS a, type(r) AS t, b.key AS b"):
                if (row["a"], row["t"], row["b"]) not in wanted:
                    store.write(_DELETE_EDGE, dict(row))
        else:
            if removed_nodes:
                store.write("MATCH (n) WHERE n.key IN $keys DETACH DELETE n", {"keys": removed_nodes})
            for a, t, b in removed_edges:
                store.write(_DELETE_EDGE, {"a": a, "t": t, "b": b})
        return counts(store)


def _previous_graph(out: Path) -> GraphState | None:
    try:
        return GraphState.read(out / GRAPH_FILE)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # no readable last build: the store is loaded in full


def build(
    *,
    paths: list[str | Path],
    out: str | Path = "build",
    workers: int = 1,
    dask: str | None = None,
    store: bool = True,
    views: bool = True,
    top: int = 300,
) -> BuildResult:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    # this process only builds plain dicts and lists, not cycles: no collector passes over
    # the records and the graph while it grows (a rebuild is 5% faster); the extraction child
    # turns it back on, and it is restored (and catches up) at the end
    collecting = gc.isenabled()
    gc.disable()
    server = EmbeddedServer(out / "falkordb").launch() if store else None
    try:
        pending = start_extraction(paths=paths, workers=workers, dask=dask, cache_dir=out / "cache", background=store)
        previous = None
        try:
            if store:  # while a child extracts: the store's client imported, and the last build's graph
                import_client()
                previous = _previous_graph(out)  # (read before the exports replace it)
            ext = pending.result()
        except BaseException:
            pending.cancel()
            raise
        g = build_graph(ext.records)
        result = BuildResult(g, out, ext.problems, ext.cache_hits, ext.extracted)
        exports = PendingExports(g, out, ext.records)
        if store:
            result.store_counts = sync_embedded(g, out, previous, server)
        result.files = exports.wait()
    finally:
        if server is not None:
            server.stop()
        if collecting:
            gc.enable()
    if views:
        from graphbuild.views.site import write_views

        result.files += write_views(g, out / "views", records=ext.records, top=top)
    atomic_write_text(out / "summary.json", json.dumps(result.summary(), ensure_ascii=False, indent=1))
    return result
