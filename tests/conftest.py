from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SEEDS = sorted(CORPUS.glob("*.txt"))

# tests/bolt runs only inside its own private network namespace (see test_bolt.py)
collect_ignore_glob = [] if os.environ.get("GB_IN_NETNS") == "1" else ["bolt/*"]


@pytest.fixture(scope="session")
def nlp():
    from graphbuild.nlp.pipeline import load

    return load()


@pytest.fixture(scope="session")
def rules_nlp():
    """The rule components alone, without the trained models: what the rule tests describe."""
    from graphbuild.nlp.pipeline import build

    return build(learned=False)


@pytest.fixture(scope="session")
def seed_records():
    from graphbuild.run.extraction import extract_records

    return extract_records(paths=[CORPUS]).records


@pytest.fixture(scope="session")
def seed_graph(seed_records):
    from graphbuild.graph.build import build_graph

    return build_graph(seed_records)


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory, seed_graph, seed_records):
    """A built directory (exports + embedded store) of the seed corpus."""
    from graphbuild.run.build import sync_embedded, write_exports

    out = tmp_path_factory.mktemp("build")
    write_exports(seed_graph, out, seed_records)
    sync_embedded(seed_graph, out)
    return out


def fixture_records() -> list[dict]:
    """A small hand-made extraction: the expected rows of every query come from it."""
    ev = lambda s: {"sentence": s, "start": 0, "end": len(s)}  # noqa: E731
    return [
        {
            "doc_id": "f1",
            "source": "f1.txt",
            "title": "甲市总工会推出“暖心驿站”",
            "entities": [
                {
                    "name": "甲市总工会",
                    "type": "Union",
                    "aliases": ["甲市总"],
                    "mentions": [{"start": 0, "end": 5, "text": "甲市总工会"}],
                },
                {"name": "甲市", "type": "Place", "aliases": [], "mentions": []},
                {"name": "乙省", "type": "Place", "aliases": [], "mentions": []},
                {"name": "暖心驿站", "type": "Program", "aliases": [], "mentions": []},
                {"name": "快递员", "type": "Group", "aliases": [], "mentions": []},
                {"name": "丙公司", "type": "Enterprise", "aliases": [], "mentions": []},
                {"name": "张三", "type": "Person", "aliases": [], "mentions": []},
                {"name": "李四", "type": "Person", "aliases": [], "mentions": []},
                {"name": "全国五一劳动奖章", "type": "Award", "aliases": [], "mentions": []},
                {"name": "第一届技能竞赛", "type": "Event", "aliases": [], "mentions": []},
            ],
            "relations": [
                {"head": "甲市总工会", "type": "ORGANIZES", "tail": "暖心驿站", "evidence": ev("甲市总工会推出暖心驿站。")},
                {"head": "暖心驿站", "type": "TARGETS", "tail": "快递员", "evidence": ev("暖心驿站面向快递员。")},
                {"head": "甲市总工会", "type": "LOCATED_IN", "tail": "甲市", "evidence": ev("甲市总工会")},
                {"head": "甲市", "type": "PART_OF", "tail": "乙省", "evidence": ev("乙省甲市")},
                {"head": "张三", "type": "WORKS_AT", "tail": "丙公司", "title": "工人", "evidence": ev("丙公司工人张三")},
                {
                    "head": "张三",
                    "type": "WORKS_AT",
                    "tail": "甲市总工会",
                    "title": "兼职副主席",
                    "evidence": ev("甲市总工会兼职副主席张三"),
                },
                {
                    "head": "张三",
                    "type": "AWARDED",
                    "tail": "全国五一劳动奖章",
                    "year": 2023,
                    "evidence": ev("张三2023年荣获全国五一劳动奖章。"),
                },
                {"head": "张三", "type": "MENTORS", "tail": "李四", "evidence": ev("李四拜张三为师。")},
                {"head": "甲市总工会", "type": "PARTNERS_WITH", "tail": "丙公司", "evidence": ev("甲市总工会与丙公司携手。")},
                {
                    "head": "甲市总工会",
                    "type": "ORGANIZES",
                    "tail": "第一届技能竞赛",
                    "evidence": ev("甲市总工会在甲市举办第一届技能竞赛。"),
                },
                {
                    "head": "第一届技能竞赛",
                    "type": "LOCATED_IN",
                    "tail": "甲市",
                    "evidence": ev("甲市总工会在甲市举办第一届技能竞赛。"),
                },
                {"head": "李四", "type": "PARTICIPATES_IN", "tail": "第一届技能竞赛", "evidence": ev("李四参加第一届技能竞赛。")},
            ],
        }
    ]


@pytest.fixture()
def fixture_graph():
    from graphbuild.graph.build import build_graph

    return build_graph(json.loads(json.dumps(fixture_records())))
