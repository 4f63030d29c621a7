"""The training path: gold alignment, the learned components, `graphbuild train` on a slice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graphbuild.nlp.candidates import Cand
from graphbuild.nlp.components.ner import merge_with_rules, spans_from_tags
from graphbuild.train.gold import gold_mentions, gold_spans
from graphbuild.train.relations import same_sentence

ROOT = Path(__file__).resolve().parents[1]
GENRE = ROOT / "corpus" / "genre"


def test_gold_spans_found_through_quotes_layout_breaks_and_traditional_aliases():
    ents = [
        {"name": "大连市总工会", "type": "Union", "aliases": ["大連市總工會"]},
        {"name": "吉工·双创贴息贷", "type": "Program", "aliases": []},
        {"name": "王义朴", "type": "Person", "aliases": []},
    ]
    text = "大連市總工會推出“吉工·双创贴息贷”。市总工会主\n席王义朴说。"
    spans = gold_spans(text, ents)
    assert [(text[s:e], t) for s, e, t in spans] == [
        ("大連市總工會", "Union"),
        ("“吉工·双创贴息贷”", "Program"),
        ("王义朴", "Person"),
    ]


def test_gold_mentions_keep_places_inside_a_name_but_not_a_name_inside_itself():
    ents = [
        {"name": "白山市总工会", "type": "Union", "aliases": ["白山市总"]},
        {"name": "白山市", "type": "Place", "aliases": []},
    ]
    found = {(s, e, t) for s, e, t, _ in gold_mentions("白山市总工会成立。", ents)}
    assert found == {(0, 6, "Union"), (0, 3, "Place")}


def test_gold_names_with_full_width_punctuation_are_found_in_the_normalized_text():
    from graphbuild.corpus.normalize import normalize

    ents = [{"name": "民生能源（集团）股份有限公司", "type": "Enterprise", "aliases": ["民生能源(集团)股份有限公司"]}]
    text = normalize("据悉,民生能源(集团)股份有限公司开展活动。").text
    assert [text[s:e] for s, e, _ in gold_spans(text, ents)] == ["民生能源（集团）股份有限公司"]


def test_bio_tags_become_spans():
    assert spans_from_tags(["O", "B-Award", "I-Award", "B-Group", "I-Place"]) == [(1, 3, "Award"), (3, 4, "Group"), (4, 5, "Place")]


def test_predicted_spans_keep_the_rules_names_and_nested_places_and_drop_the_rest():
    text = "吉林省白山市总工会和某某推出新品"
    rules = [
        Cand(0, 9, "Union", "白山市总工会", "body"),
        Cand(0, 3, "Place", "吉林省", "place"),
        Cand(3, 6, "Place", "白山市", "place"),
        Cand(10, 12, "Person", "某某", "person"),
    ]
    out = merge_with_rules(text, [(0, 9, "Union"), (14, 16, "Program")], rules)
    names = sorted((c.name, c.label, c.src) for c in out)
    assert names == [
        ("吉林省", "Place", "place"),
        ("新品", "Program", "ner"),
        ("白山市", "Place", "place"),
        ("白山市总工会", "Union", "body"),
    ]


def test_evidence_sentence_matches_across_surface_forms():
    assert same_sentence("山东省总工会主席徐海荣说，好。", "山東省總工會主席徐海榮說,好。")
    assert not same_sentence("会议召开。", "山东省总工会主席徐海荣说。")


def _rules_doc(text: str, entities: list[dict]):  # noqa: ANN202 - a spaCy Doc
    from graphbuild.nlp.pipeline import build
    from graphbuild.train.gold import with_gold_entities

    return with_gold_entities(build(learned=False), text, entities)


def test_relation_examples_are_the_gold_entities_pairs_labelled_in_their_evidence_sentence():
    from graphbuild.train.gold import GoldArticle, gold_articles
    from graphbuild.train.relations import item_examples

    record = {
        "doc_id": "t",
        "text": "李明是重庆市总工会主席。李明到重庆市总工会调研。",
        "entities": [{"name": "李明", "type": "Person"}, {"name": "重庆市总工会", "type": "Union"}],
        "relations": [{"head": "李明", "type": "WORKS_AT", "tail": "重庆市总工会", "evidence": "李明是重庆市总工会主席。"}],
    }
    items: list[GoldArticle] = list(gold_articles([record]))
    from graphbuild.nlp.pipeline import build

    [(doc, examples, _)] = list(item_examples(build(learned=False), items))
    pairs = [(f[0], label) for f, label in examples if f[0] == "types=Person>Union"]
    assert pairs == [("types=Person>Union", "WORKS_AT"), ("types=Person>Union", "NONE")]  # stated once, in its sentence


def test_the_rule_relations_of_the_types_training_keeps_stay_beside_the_models(tmp_path):
    import numpy as np

    from graphbuild.nlp.components.relation_classifier import NONE, PairModel, classify

    doc = _rules_doc(
        "重庆市总工会与重庆市人社局联合举办技能大赛。",
        [{"name": "重庆市总工会", "type": "Union"}, {"name": "重庆市人社局", "type": "Organization"}],
    )
    rule = {(r.head, r.type, r.tail) for r in doc.user_data["gb_relations"] if r.type == "PARTNERS_WITH"}
    assert rule
    # a model that says NONE to every pair: it decides the pairs it sees, unless training kept the type's rules
    never = PairModel(["bias"], np.zeros((1, 2), np.float32), np.array([5.0, -5.0], np.float32), [NONE, "PARTNERS_WITH"])
    assert not {(r.head, r.type, r.tail) for r in classify(doc, never, 0.4)} & rule
    never.keep_rules = {"PARTNERS_WITH"}
    never.save(tmp_path / "m.npz")
    loaded = PairModel.load(tmp_path / "m.npz")
    assert loaded.keep_rules == {"PARTNERS_WITH"}
    assert {(r.head, r.type, r.tail) for r in classify(doc, loaded, 0.4)} >= rule


def test_shipped_models_load_and_find_what_the_rules_do_not_know(nlp):
    assert {"gb_ner", "gb_relation_classifier"} <= set(nlp.pipe_names)
    assert nlp.get_pipe("gb_ner").ready and nlp.get_pipe("gb_relation_classifier").ready


def _slice(tmp_path: Path, n_train: int, n_dev: int) -> Path:
    corpus = tmp_path / "corpus"
    (corpus / "genre").mkdir(parents=True)
    for split, n in (("train", n_train), ("dev", n_dev)):
        lines = (GENRE / f"{split}.jsonl").read_text("utf-8").splitlines()[:n]
        (corpus / "genre" / f"{split}.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    return corpus


@pytest.mark.slow
def test_train_on_a_slice_is_deterministic_and_gives_a_working_pipeline(tmp_path):
    from graphbuild.nlp.pipeline import build
    from graphbuild.train.run import train_all

    corpus = _slice(tmp_path, 24, 4)
    first = train_all(corpus=corpus, out=tmp_path / "a")
    second = train_all(corpus=corpus, out=tmp_path / "b", score=False)
    for name in ("ner.crfsuite", "relations.npz", "entities.npz"):
        assert (first.out / name).read_bytes() == (second.out / name).read_bytes()
    metrics = json.loads((first.out / "metrics.json").read_text("utf-8"))
    assert set(metrics) >= {"rules", "trained", "trained_given_gold_entities"}
    assert metrics["trained_given_gold_entities"]["entities"]["f1"] > 0.9
    nlp = build(models=first.out)
    doc = nlp("重庆市总工会主席李明说，全国五一劳动奖章获得者张伟在重庆市鱼泉榨菜有限公司工作。")
    labels = {e.label_ for e in doc.spans["entities"]}
    assert {"Union", "Person"} <= labels


def test_train_cli_refuses_a_corpus_without_training_data(tmp_path):
    from typer.testing import CliRunner

    from graphbuild.cli.main import app

    res = CliRunner().invoke(app, ["train", "--corpus", str(tmp_path), "--out", str(tmp_path / "m")])
    assert res.exit_code == 2
    assert "no training data" in res.output and "[E024]" in res.output


def test_train_cli_says_when_a_slice_is_too_small_for_the_relation_classifier(tmp_path):
    from typer.testing import CliRunner

    from graphbuild.cli.main import app

    corpus = _slice(tmp_path, 3, 1)
    res = CliRunner().invoke(app, ["train", "--corpus", str(corpus), "--out", str(tmp_path / "m"), "--no-score"])
    assert res.exit_code == 2
    assert "too little training data for the relation classifier" in res.output and "[E026]" in res.output
    assert len(res.output.strip().splitlines()) == 1
    assert (tmp_path / "m" / "ner.crfsuite").is_file()  # what was built before stays


def test_eval_scores_relations_given_the_gold_entities(tmp_path):
    from graphbuild.cli.eval import evaluate_paths

    gold = tmp_path / "g.jsonl"
    gold.write_text("\n".join((GENRE / "dev.jsonl").read_text("utf-8").splitlines()[:3]) + "\n", "utf-8")
    given = evaluate_paths(gold=[gold], gold_entities=True)
    extracted = evaluate_paths(gold=[gold])
    assert given.entities.f1 > 0.95  # the gold's own entities, found in its text
    assert given.relations.tp >= extracted.relations.tp > 0


def test_the_recognizer_averages_crfs_each_trained_without_one_part_of_the_texts(tmp_path):
    from graphbuild.train.crf_weights import read_weights
    from graphbuild.train.ner import train_ner

    def article(text: str, tags: str) -> tuple[list[list[str]], list[str]]:
        names = {"U": "Union", "P": "Place", "O": ""}
        return [[f"c={ch}", f"c-1={text[i - 1] if i else '^'}"] for i, ch in enumerate(text)], [
            "O" if t == "O" else ("B-" if i == 0 or tags[i - 1] != t else "I-") + names[t] for i, t in enumerate(tags)
        ]

    data = [article("省总工会好", "UUUUO"), article("福州市总工会", "UUUUUU"), article("市总说好", "UUOO"), article("福州好", "PPO")]
    bagged = train_ner(data, tmp_path / "bagged", parts=2, workers=2)
    # part k holds the texts i with i % 2 == k: each member trains on the other part
    members = [train_ner([data[1], data[3]], tmp_path / "m0", parts=1), train_ner([data[0], data[2]], tmp_path / "m1", parts=1)]
    state, transitions = read_weights(bagged)
    weights = [read_weights(m) for m in members]
    for key in set(weights[0][0]) | set(weights[1][0]):
        assert state[key] == pytest.approx(sum(w[0].get(key, 0.0) for w in weights) / 2)
    for key in set(weights[0][1]) | set(weights[1][1]):
        assert transitions[key] == pytest.approx(sum(w[1].get(key, 0.0) for w in weights) / 2)
    assert any(w != 0 for w in state.values())
    # trained in one process or two, the same file
    assert train_ner(data, tmp_path / "serial", parts=2, workers=1).read_bytes() == bagged.read_bytes()


def test_a_list_items_pair_reads_what_was_decided_for_the_next_item(tmp_path):
    import numpy as np

    from graphbuild.nlp.components.relation_classifier import NONE, PairModel, candidates, classify

    award = {"name": "全国劳动模范", "type": "Award"}
    people = [{"name": n, "type": "Person"} for n in ("张明", "李强", "王芳")]
    doc = _rules_doc("市总工会授予张明、李强、王芳全国劳动模范称号。", [*people, award])
    by_pair = {(c.head.id_, c.tail.id_): c for c in candidates(doc)}
    sentence = by_pair[("王芳", "全国劳动模范")].sent[0]
    # the far items' next item is the one after them; the nearest has none between
    assert [key for _, key in by_pair[("张明", "全国劳动模范")].siblings] == [(sentence, "李强", "全国劳动模范")]
    assert [key for _, key in by_pair[("李强", "全国劳动模范")].siblings] == [(sentence, "王芳", "全国劳动模范")]
    assert by_pair[("王芳", "全国劳动模范")].siblings == ()
    classes = [NONE, "AWARDED"]
    # a first model that finds only the nearest holder (by the pair's distance) ...
    first = PairModel(["dist=0"], np.array([[-4.0, 4.0]], np.float32), np.array([2.0, -2.0], np.float32), classes)
    found = {r.head for r in classify(doc, first, 0.5) if r.type == "AWARDED"}
    assert found == {"王芳"}
    # ... and a second that gives the item the relation decided for the item after it
    first.stacked = PairModel(["sibh=AWARDED"], np.array([[-4.0, 4.0]], np.float32), np.array([2.0, -2.0], np.float32), classes)
    found = {r.head for r in classify(doc, first, 0.5) if r.type == "AWARDED"}
    assert found == {"李强"}  # one round: what the first model decided, not the second's own
    # both models travel in one file
    first.save(tmp_path / "m.npz")
    assert {r.head for r in classify(doc, PairModel.load(tmp_path / "m.npz"), 0.5) if r.type == "AWARDED"} == {"李强"}


def test_the_entity_filter_drops_unlikely_entities_but_not_those_with_a_relation(nlp, tmp_path):
    import numpy as np

    from graphbuild.nlp.components.entity_filter import RIGHT, EntityFilter
    from graphbuild.nlp.components.relation_classifier import PairModel
    from graphbuild.nlp.components.relations import relations
    from graphbuild.nlp.components.resolver import ENTITIES

    doc = nlp("重庆市总工会主席李明说，全国五一劳动奖章获得者张伟在北京参观。")
    names = {e.name for e in doc.user_data[ENTITIES]}
    linked = {end for r in relations(doc) for end in (r.head, r.tail)}
    assert "李明" in linked and names - linked  # some entity is on no relation
    # a model that finds every entity wrong
    wrong = PairModel(["T=Person"], np.zeros((1, 2), np.float32), np.array([-5.0, 5.0], np.float32), [RIGHT, "wrong"])
    wrong.save(tmp_path / "wrong.npz")
    EntityFilter(model=str(tmp_path / "wrong.npz"), threshold_linked=0.0)(doc)
    assert {e.name for e in doc.user_data[ENTITIES]} == names & linked
    assert {sp.id_ for sp in doc.spans["entities"]} <= linked
    # below the second threshold the linked ones go too, and their relations with them
    EntityFilter(model=str(tmp_path / "wrong.npz"), threshold_linked=0.1)(doc)
    assert not doc.user_data[ENTITIES] and not relations(doc) and not list(doc.spans["entities"])
