"""The embedded FalkorDB store, for real: loads, queries, hostile content."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time

import pytest

from graphbuild.graph.build import build_graph
from graphbuild.queries import library, run_query
from graphbuild.stores.falkordb import FalkorDBStore
from graphbuild.stores.loader import counts, edge_statement, load_graph, node_statement

from .conftest import fixture_records


@pytest.fixture()
def store(tmp_path):
    s = FalkorDBStore.embedded(tmp_path / "fk")
    yield s
    s.close()


def test_server_is_private_and_stops_with_close(tmp_path):
    s = FalkorDBStore.embedded(tmp_path / "fk")
    proc = s.server.proc
    assert "--port" in proc.args and proc.args[proc.args.index("--port") + 1] == "0"
    assert stat.S_IMODE(os.stat(s.server.socket).st_mode) & 0o077 == 0
    s.close()
    assert proc.poll() is not None and not os.path.exists(tmp_path / "fk" / "falkordb.sock")


def test_server_dies_with_the_process_that_started_it(tmp_path):
    code = (
        "import sys,time; from graphbuild.stores.falkordb import EmbeddedServer;"
        f"s=EmbeddedServer({str(tmp_path / 'fk')!r}).start(); print(s.proc.pid, flush=True); time.sleep(60)"
    )
    parent = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    pid = int(parent.stdout.readline())
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    for _ in range(100):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        os.kill(pid, signal.SIGKILL)
        pytest.fail("the server outlived the process that started it")


def test_load_twice_changes_nothing_and_one_new_article_adds_only_its_own(store, seed_records):
    g = build_graph(seed_records[:-1])
    load_graph(g, store)
    first = counts(store)
    assert first == {"nodes": g.number_of_nodes(), "relationships": g.number_of_edges()}
    load_graph(g, store)
    assert counts(store) == first
    g2 = build_graph(seed_records)
    new_nodes = set(g2.nodes) - set(g.nodes)
    new_edges = {(u, v, k) for u, v, k in g2.edges(keys=True)} - {(u, v, k) for u, v, k in g.edges(keys=True)}
    load_graph(g2, store)
    after = counts(store)
    assert after == {"nodes": first["nodes"] + len(new_nodes), "relationships": first["relationships"] + len(new_edges)}
    props = store.run("MATCH (n {key: $k}) RETURN n.name AS name, n.aliases AS aliases", {"k": "Union:山东省总工会"})
    assert props and props[0]["name"] == "山东省总工会"


def test_every_query_runs_on_the_seed_graph(seed_build):
    with FalkorDBStore.embedded(seed_build / "falkordb") as s:
        lib = library()
        assert len(lib) >= 12
        for q in lib.values():
            params = {k: "山东省总工会" for k, t in q.param_types.items() if t == "string" and k not in q.defaults}
            rows = run_query(s, q, params)
            assert isinstance(rows, list), q.name
        assert run_query(s, lib["search_entities"], {"text": "工会"})


EXPECTED = {
    "programs_of_union": (
        {"union": "甲市总"},
        [
            {"union": "甲市总工会", "program": "暖心驿站", "kind": "Program", "targets": ["快递员"]},
            {"union": "甲市总工会", "program": "第一届技能竞赛", "kind": "Event", "targets": []},
        ],
    ),
    "award_holders": (
        {"award": "五一"},
        [{"award": "全国五一劳动奖章", "holder": "张三", "holder_type": "Person", "year": 2023}],
    ),
    "unions_of_province": ({"province": "乙省"}, [{"union": "甲市总工会"}]),
    "partners": ({}, [{"body": "甲市总工会", "partner": "丙公司", "statements": 1}]),
    "relation_evidence": (
        {"head": "张三", "tail": "丙公司"},
        [{"head": "张三", "relation": "WORKS_AT", "tail": "丙公司", "title": "工人", "sentences": ["丙公司工人张三"]}],
    ),
    "most_connected": ({"limit": 1}, [{"body": "甲市总工会", "type": "Union"}]),
    "multi_position_people": ({}, [{"person": "张三"}]),
    "events_by_place": ({}, [{"place": "甲市", "within": ["乙省"], "events": ["第一届技能竞赛"]}]),
    "groups_most_targeted": ({}, [{"group_name": "快递员", "programs": 1, "examples": ["暖心驿站"]}]),
    "mentors": ({}, [{"master": "张三", "apprentice": "李四"}]),
    "new_entities_per_article": ({}, [{"article": "f1", "new_entities": 10}]),
    "entity_articles": ({"name": "甲市总"}, [{"entity": "甲市总工会", "type": "Union", "article": "f1"}]),
    "search_entities": ({"text": "驿站"}, [{"entity": "暖心驿站", "type": "Program"}]),
    "programs_by_province": ({}, [{"province": "乙省", "programs": 1, "unions": 1}]),
    "two_hops": ({"name": "李四"}, None),
}


def test_each_query_returns_the_expected_rows_on_the_fixture_graph(store):
    load_graph(build_graph(fixture_records()), store)
    lib = library()
    assert set(lib) <= set(EXPECTED), set(lib) - set(EXPECTED)
    for name, (params, expected) in EXPECTED.items():
        rows = run_query(store, lib[name], params)
        if name == "two_hops":
            got = {(r["entity"], r["hops"]) for r in rows}
            assert {("张三", 1), ("第一届技能竞赛", 1), ("甲市总工会", 2), ("全国五一劳动奖章", 2)} <= got
            continue
        assert len(rows) == len(expected), (name, rows)
        for row, want in zip(rows, expected):
            for k, v in want.items():
                assert row[k] == v, (name, k, row)


HOSTILE = ["'}) DETACH DELETE n //", "`x` RETURN 1 //", "$rows", "<img src=x onerror=alert(1)>", "甲\"乙'丙"]


def test_hostile_names_are_stored_and_queried_literally(store):
    rec = {
        "doc_id": "h",
        "source": "h.txt",
        "title": HOSTILE[0],
        "entities": [{"name": n, "type": "Organization", "aliases": [n], "mentions": []} for n in HOSTILE],
        "relations": [],
    }
    load_graph(build_graph([rec]), store)
    names = {r["name"] for r in store.run("MATCH (n:Organization) RETURN n.name AS name")}
    assert names == set(HOSTILE)
    for n in HOSTILE:
        assert store.run("MATCH (n:Organization) WHERE n.name = $n RETURN count(n) AS c", {"n": n})[0]["c"] == 1
    assert counts(store)["nodes"] == len(HOSTILE) + 1


def test_labels_and_types_come_only_from_the_schema():
    with pytest.raises(ValueError):
        node_statement("Union {key: 1}) DETACH DELETE n //")
    with pytest.raises(ValueError):
        edge_statement("WORKS_AT]->() DELETE n //", "Person", "Union")


def test_rebuild_syncs_only_what_changed_and_ends_exact(tmp_path, seed_records):
    from graphbuild.graph.node_link import read_node_link, write_node_link
    from graphbuild.run.build import graph_delta, sync_embedded

    old = build_graph(seed_records[:-3])
    sync_embedded(old, tmp_path)
    write_node_link(old, tmp_path / "graph.json")
    new = build_graph(seed_records)
    delta, removed_nodes, removed_edges = graph_delta(read_node_link(tmp_path / "graph.json"), new)
    assert 0 < delta.number_of_edges() < new.number_of_edges() and removed_nodes == []
    counts_after = sync_embedded(new, tmp_path, read_node_link(tmp_path / "graph.json"))
    assert counts_after == {"nodes": new.number_of_nodes(), "relationships": new.number_of_edges()}
    # and back: the removed articles' nodes and edges leave the store
    assert sync_embedded(old, tmp_path, new) == {"nodes": old.number_of_nodes(), "relationships": old.number_of_edges()}
