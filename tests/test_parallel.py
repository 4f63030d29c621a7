"""Workers and Dask give the same graph as one process."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from graphbuild.graph.build import build_graph
from graphbuild.run.extraction import extract_records

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


def test_extraction_in_a_background_child_gives_the_same_records_and_fills_the_cache(tmp_path, seed_records):
    from graphbuild.run.extraction import start_extraction

    pending = start_extraction(paths=SEEDS[:2], cache_dir=tmp_path / "cache", background=True)
    assert pending._child is not None and pending._child[0].is_alive()
    first = pending.result()
    assert pending._child is None
    assert first.extracted == len(first.records) > 0
    assert first.records == [r for r in seed_records if r["source"] in {str(p) for p in SEEDS[:2]}]
    # all cached now: the child that was loading the pipeline is stopped at once
    again = start_extraction(paths=SEEDS[:2], cache_dir=tmp_path / "cache", background=True)
    assert again._child is None
    assert again.result().records == first.records


def test_a_failure_in_the_extraction_child_is_raised_here_as_the_same_one_line_error(tmp_path, monkeypatch):
    import graphbuild.run.extraction as extract_module
    from graphbuild.errors import Errors, GraphbuildError

    def broken(articles, **kwargs):  # the child is forked, so it runs this
        raise GraphbuildError(Errors.E017, path="/nowhere")

    monkeypatch.setattr(extract_module, "run_extraction", broken)
    pending = extract_module.start_extraction(paths=SEEDS[:1], cache_dir=tmp_path / "cache", background=True)
    with pytest.raises(GraphbuildError, match=r"^the pkuseg model is not in /nowhere; .* \[E017\]$") as err:
        pending.result()
    assert err.value.code == "E017"
    assert pending._child is None


def test_a_cancelled_extraction_leaves_no_child_behind(tmp_path):
    from graphbuild.run.extraction import start_extraction

    pending = start_extraction(paths=SEEDS[:1], background=True)
    child = pending._child[0]
    pending.cancel()
    assert not child.is_alive() and pending._child is None


def test_one_line_errors_cross_process_boundaries_unchanged():
    import pickle

    from graphbuild.errors import Errors, GraphbuildError

    err = GraphbuildError(Errors.E016, path="大.txt", size=10, limit=5)
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is GraphbuildError and str(back) == str(err) and back.code == "E016"


def test_a_build_with_two_workers_runs_its_pool_in_the_extraction_child_and_gives_the_same_graph(tmp_path, seed_records):
    from graphbuild.run.build import build

    result = build(paths=SEEDS[:2], out=tmp_path / "b", workers=2, views=False)
    assert result.extracted == len([r for r in seed_records if r["source"] in {str(p) for p in SEEDS[:2]}])
    assert result.store_counts is not None and result.store_counts["nodes"] == result.graph.number_of_nodes()
    expected = [r for r in seed_records if r["source"] in {str(p) for p in SEEDS[:2]}]
    assert _graph_json(
        json.loads(line) for line in (tmp_path / "b" / "extractions.jsonl").read_text("utf-8").splitlines()
    ) == _graph_json(expected)


def test_a_build_collects_no_garbage_itself_but_extraction_does_and_it_is_restored(tmp_path, monkeypatch):
    import gc

    import graphbuild.run.parallel as parallel_module
    from graphbuild.run.build import build

    seen = []
    real = parallel_module._pairs

    def spying(articles, **kwargs):
        seen.append(gc.isenabled())
        yield from real(articles, **kwargs)

    monkeypatch.setattr(parallel_module, "_pairs", spying)
    assert gc.isenabled()
    build(paths=SEEDS[:1], out=tmp_path / "b", store=False, views=False)  # extraction in this process
    assert seen == [True] and gc.isenabled()


def test_a_process_readied_for_extraction_has_its_models_loaded_and_out_of_the_collectors_walks():
    import gc

    from graphbuild.nlp.components.ner import _loaded
    from graphbuild.nlp.pipeline import load, load_for_extraction

    _loaded.cache_clear()
    gc.unfreeze()
    try:
        nlp = load_for_extraction()
        assert nlp is load()
        assert _loaded.cache_info().currsize == 3  # the recognizer, the relation classifier, the entity filter
        assert gc.get_freeze_count() > 10_000
    finally:
        gc.unfreeze()
