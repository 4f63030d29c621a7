"""The evaluator follows SCHEMA.md's matching rules."""

from __future__ import annotations

from graphbuild.evaluate import evaluate


def gold(ents, rels=()):
    return [{"doc_id": "f", "entities": ents, "relations": list(rels)}]


def test_quotes_whitespace_and_traditional_are_ignored():
    g = gold(
        [
            {"name": "“吉工·双创贴息贷”", "type": "Program", "aliases": []},
            {"name": "山东省总工会", "type": "Union", "aliases": []},
        ]
    )
    p = {
        "f": {
            "entities": [{"name": "吉工·双创贴息贷", "type": "Program"}, {"name": "山東省總工會", "type": "Union"}],
            "relations": [],
        }
    }
    assert evaluate(g, p).entities.f1 == 1.0


def test_alias_province_prefix_and_place_suffix_match():
    g = gold(
        [{"name": "白山市总工会", "type": "Union", "aliases": ["白山市总"]}, {"name": "淄博市", "type": "Place", "aliases": []}]
    )
    p = {"f": {"entities": [{"name": "吉林省白山市总工会", "type": "Union"}, {"name": "淄博", "type": "Place"}], "relations": []}}
    assert evaluate(g, p).entities.tp == 2


def test_type_must_match_and_matching_is_one_to_one():
    g = gold([{"name": "甲公司", "type": "Enterprise", "aliases": []}])
    p = {
        "f": {"entities": [{"name": "甲公司", "type": "Organization"}, {"name": "甲公司", "type": "Enterprise"}], "relations": []}
    }
    r = evaluate(g, p)
    assert (r.entities.tp, r.entities.fp, r.entities.fn) == (1, 1, 0)


def test_relations_partners_are_unordered_and_others_directed():
    ents = [{"name": "甲", "type": "Union", "aliases": []}, {"name": "乙", "type": "Union", "aliases": []}]
    g = gold(ents, [{"head": "甲", "type": "PARTNERS_WITH", "tail": "乙"}, {"head": "甲", "type": "PART_OF", "tail": "乙"}])
    p = {
        "f": {
            "entities": [{"name": "甲", "type": "Union"}, {"name": "乙", "type": "Union"}],
            "relations": [{"head": "乙", "type": "PARTNERS_WITH", "tail": "甲"}, {"head": "乙", "type": "PART_OF", "tail": "甲"}],
        }
    }
    r = evaluate(g, p)
    assert (r.relations.tp, r.relations.fp, r.relations.fn) == (1, 1, 1)
