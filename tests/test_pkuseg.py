"""The pkuseg word-segmenter path, once, with the real mixed model."""

from __future__ import annotations

import os

import pytest

from graphbuild.nlp.pkuseg import has_model

pytestmark = pytest.mark.pkuseg

if not has_model():
    if os.environ.get("CI"):
        raise RuntimeError("CI must exercise pkuseg: `make test` runs `graphbuild fetch-pkuseg`")
    pytest.skip("pkuseg model not fetched (graphbuild fetch-pkuseg)", allow_module_level=True)


@pytest.fixture(scope="module")
def pku():
    from graphbuild.nlp.pipeline import build

    return build(segmenter="pkuseg")


def test_pkuseg_gives_word_tokens_and_the_same_entities(pku, nlp):
    text = "吉林省白山市总工会实施“吉工·双创贴息贷”服务政策，大国工匠高兴亮参加活动。"
    doc = pku(text)
    assert any(len(t.text) > 1 for t in doc)
    assert {(s.id_, s.label_) for s in doc.spans["entities"]} == {(s.id_, s.label_) for s in nlp(text).spans["entities"]}


def test_user_dictionary_keeps_our_names_whole(pku):
    doc = pku("他获得全国五一劳动奖章。")
    assert "全国五一劳动奖章" in [t.text for t in doc]


def test_saved_pipeline_does_not_contain_the_model(tmp_path, pku):
    from graphbuild.nlp.pipeline import load, save

    save(pku, tmp_path / "p")
    size = sum(f.stat().st_size for f in (tmp_path / "p").rglob("*") if f.is_file())
    assert size < 5_000_000
    assert not list((tmp_path / "p").rglob("features*"))
    again = load(str(tmp_path / "p"))
    assert again.tokenizer.segmenter == "pkuseg" and any(len(t.text) > 1 for t in again("山东省总工会召开会议"))
