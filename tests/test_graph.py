"""Resolution across articles and the export formats."""

from __future__ import annotations

import csv
import json

import networkx as nx
import pytest

from graphbuild.graph.build import build_graph
from graphbuild.graph.gexf import read_gexf, write_gexf
from graphbuild.graph.graphml import read_graphml, write_graphml
from graphbuild.graph.neo4j_csv import write_neo4j_csv
from graphbuild.graph.node_link import read_node_link, write_node_link


def person_article(doc_id, person, company, place, extra_ents=()):
    ents = [
        {"name": person, "type": "Person", "aliases": [], "mentions": [{"start": 0, "end": 2, "text": person}]},
        {"name": company, "type": "Enterprise", "aliases": [], "mentions": []},
        {"name": place, "type": "Place", "aliases": [], "mentions": []},
        *extra_ents,
    ]
    rels = (
        [{"head": person, "type": "WORKS_AT", "tail": company, "evidence": {"sentence": "s", "start": 0, "end": 1}}]
        if company
        else []
    )
    return {"doc_id": doc_id, "source": f"{doc_id}.txt", "title": doc_id, "entities": ents, "relations": rels}


def test_namesakes_of_different_companies_stay_apart():
    g = build_graph([person_article("a", "王伟", "甲公司", "济南市"), person_article("b", "王伟", "乙公司", "青岛市")])
    assert sorted(n for n, d in g.nodes(data=True) if d["type"] == "Person") == ["Person:王伟", "Person:王伟#2"]


def test_one_person_of_one_mine_in_two_articles_is_one_node():
    g = build_graph(
        [person_article("a", "高兴亮", "兴隆庄煤矿", "济宁市"), person_article("b", "高兴亮", "兴隆庄煤矿", "伊犁州")]
    )
    assert [n for n, d in g.nodes(data=True) if d["type"] == "Person"] == ["Person:高兴亮"]
    assert g.nodes["Person:高兴亮"]["articles"] == 2 and g.nodes["Person:高兴亮"]["first_article"] == "a"


def test_same_type_and_name_merge_and_aliases_accumulate(fixture_graph):
    rec2 = {
        "doc_id": "f2",
        "source": "f2.txt",
        "title": "t",
        "entities": [{"name": "甲市总工会", "type": "Union", "aliases": ["市总"], "mentions": []}],
        "relations": [],
    }
    from tests.conftest import fixture_records

    g = build_graph([*fixture_records(), rec2])
    assert g.nodes["Union:甲市总工会"]["aliases"] == ["市总", "甲市总"]
    assert g.has_edge("Union:甲市总工会", "Article:f2", key="MENTIONED_IN")


def test_edges_carry_type_properties_and_evidence(fixture_graph):
    d = fixture_graph.edges["Person:张三", "Award:全国五一劳动奖章", "AWARDED"]
    assert d["year"] == 2023 and d["evidence"][0]["doc_id"] == "f1" and d["evidence"][0]["sentence"].startswith("张三")


def _same(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> None:
    assert a.number_of_nodes() == b.number_of_nodes() and a.number_of_edges() == b.number_of_edges()
    for n, d in a.nodes(data=True):
        for k in ("type", "name", "aliases", "mentions"):
            if k in d:
                assert b.nodes[n][k] == d[k], (n, k)
    for u, v, k, d in a.edges(keys=True, data=True):
        e = b.edges[u, v, k]
        assert e["type"] == d["type"]
        assert e.get("evidence") == d.get("evidence")


def test_graphml_gexf_and_node_link_round_trip(tmp_path, seed_graph):
    write_graphml(seed_graph, tmp_path / "g.graphml")
    _same(seed_graph, read_graphml(tmp_path / "g.graphml"))
    write_gexf(seed_graph, tmp_path / "g.gexf")
    _same(seed_graph, read_gexf(tmp_path / "g.gexf"))
    write_node_link(seed_graph, tmp_path / "g.json")
    _same(seed_graph, read_node_link(tmp_path / "g.json"))


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_xml_exports_keep_every_value_exactly(tmp_path, fmt):
    """The streamed writers: escaping, types and keys survive a networkx read."""
    g = nx.MultiDiGraph()
    odd = "A&B <公司> \"引号\" '单' 换行\n制表\t回车\r"
    g.add_node("Union:甲&乙", type="Union", name=odd, aliases={"x<y", "z"}, mentions=3, score=0.5, flag=True)
    g.add_node("Place:北京市", type="Place", name="北京市", mentions=1, score=2)
    g.add_edge("Union:甲&乙", "Place:北京市", key="LOCATED_IN", type="LOCATED_IN", count=2, year=2024,
               evidence=[{"doc_id": "d", "sentence": odd, "start": 0, "end": 3}])  # fmt: skip
    g.add_edge("Union:甲&乙", "Place:北京市", key="PART_OF", type="PART_OF", count=1)
    path = tmp_path / f"g.{fmt}"
    (write_graphml if fmt == "graphml" else write_gexf)(g, path)
    h = (read_graphml if fmt == "graphml" else read_gexf)(path)
    a = h.nodes["Union:甲&乙"]
    assert a["name"] == odd and a["aliases"] == ["x<y", "z"] and a["mentions"] == 3 and a["flag"] is True
    assert h.nodes["Place:北京市"]["score"] == 2.0 and isinstance(h.nodes["Place:北京市"]["score"], float)
    e = h.edges["Union:甲&乙", "Place:北京市", "LOCATED_IN"]
    assert e["type"] == "LOCATED_IN" and e["year"] == 2024 and e["evidence"][0]["sentence"] == odd
    assert h.edges["Union:甲&乙", "Place:北京市", "PART_OF"]["count"] == 1


def test_xml_exports_drop_characters_xml_cannot_hold(tmp_path):
    g = nx.MultiDiGraph()
    g.add_node("n", type="Person", name="张\x01三\x0b")
    write_graphml(g, tmp_path / "g.graphml")
    assert read_graphml(tmp_path / "g.graphml").nodes["n"]["name"] == "张三"


def test_neo4j_import_csv_layout(tmp_path, fixture_graph):
    files = write_neo4j_csv(fixture_graph, tmp_path)
    names = {f.name for f in files}
    assert "nodes_Union.csv" in names and "rels_WORKS_AT.csv" in names
    rows = list(csv.reader((tmp_path / "rels_WORKS_AT.csv").open(encoding="utf-8")))
    assert rows[0][:2] == [":START_ID", ":END_ID"] and rows[0][-1] == ":TYPE"
    assert json.loads(rows[1][5])[0]["doc_id"] == "f1"
    script = (tmp_path / "import.sh").read_text()
    assert "--nodes=nodes_Union.csv" in script and "--relationships=rels_WORKS_AT.csv" in script
