"""No input loses a run or stalls it: failing articles, long texts, text
without punctuation, stray bytes, pages with no article text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graphbuild.cli.main import app
from graphbuild.corpus.articles import MAX_ARTICLE_CHARS, MAX_RUN_CHARS, articles_from_text
from graphbuild.corpus.reader import decode_lenient, read_file
from graphbuild.errors import GraphbuildError
from graphbuild.extract import offset_problems
from graphbuild.run.extraction import extract_records

from .conftest import SEEDS

GOOD = SEEDS[0]
UNPUNCTUATED = "大连市总工会组织劳模工匠进校园"


@pytest.fixture()
def failing_article(monkeypatch):
    """Extraction raises for any article that mentions 故障 (a stand-in for a bug in one component)."""
    import graphbuild.extract as extract_module

    real = extract_module.to_record

    def to_record(article, doc):
        if "故障" in article.text:
            raise ValueError("a component failed")
        return real(article, doc)

    monkeypatch.setattr(extract_module, "to_record", to_record)


def _dir_with_a_failing_article(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_bytes(GOOD.read_bytes())
    (d / "bad.jsonl").write_text(
        json.dumps({"text": "山东省总工会召开会议。"}, ensure_ascii=False)
        + "\n"
        + json.dumps({"text": "大连市总工会报告故障。"}, ensure_ascii=False)
        + "\n",
        "utf-8",
    )
    return d


@pytest.mark.parametrize("workers", [1, 2])
def test_an_article_whose_extraction_fails_is_one_line_and_the_rest_are_extracted(tmp_path, failing_article, workers):
    d = _dir_with_a_failing_article(tmp_path)
    result = extract_records(paths=[d], workers=workers)
    [problem] = result.problems
    assert problem.message.startswith(f"{d / 'bad.jsonl'}: article line 2: extraction failed: ValueError: a component failed")
    assert "\n" not in problem.message and "[E023]" in problem.message
    sources = [r["source"] for r in result.records]
    assert sources.count(str(d / "bad.jsonl")) == 1  # its other record
    assert sources.count(str(d / "good.txt")) >= 5


def test_a_build_with_its_extraction_child_and_cache_reports_the_failure_and_builds_the_rest(tmp_path, failing_article):
    from graphbuild.run.build import build

    d = _dir_with_a_failing_article(tmp_path)
    result = build(paths=[d], out=tmp_path / "b", views=False)
    assert [p.message for p in result.problems if "E023" in p.message]
    assert result.graph.number_of_nodes() > 50
    # the failed article is not cached: a second build tries it again (and fails again)
    again = build(paths=[d], out=tmp_path / "b", views=False)
    assert [p for p in again.problems if "E023" in p.message] and again.cache_hits >= 6


def test_a_long_text_is_extracted_in_pieces_whose_offsets_point_into_the_file(tmp_path):
    text = "大连市总工会组织劳模工匠进校园，" * (MAX_ARTICLE_CHARS // 16 * 3)
    path = tmp_path / "long.txt"
    path.write_text(text, "utf-8")
    result = extract_records(paths=[path])
    assert not result.problems
    assert len(result.records) >= 3
    for rec in result.records:
        assert not offset_problems(rec, text)
    assert any(e["name"] == "大连市总工会" for e in result.records[-1]["entities"])


def test_a_run_without_sentence_ends_gets_breaks_that_take_no_room_in_the_original():
    text = UNPUNCTUATED * 100
    [art] = articles_from_text(text)
    lines = art.text.split("\n")
    assert len(lines) > 1 and max(len(line) for line in lines) <= MAX_RUN_CHARS
    assert art.text.replace("\n", "") == text
    i = art.text.index("\n")
    assert art.original_text(i, i + 1) == ""
    assert art.original_text(0, len(art.text)) == text


def test_extraction_of_text_without_punctuation_ends_and_keeps_its_offsets():
    from graphbuild.extract import extract_many

    text = UNPUNCTUATED * 700  # 10,500 characters, one line
    [rec] = extract_many(list(articles_from_text(text)))
    assert not offset_problems(rec, text)
    assert any("大连市总工会" in e["name"] for e in rec["entities"])


def test_a_stray_gbk_phrase_in_utf8_is_replaced_with_one_warning(tmp_path):
    data = "大连市总工会组织劳模工匠进校园。".encode() * 20 + "乱码".encode("gbk") + "山东省总工会召开会议。".encode()
    path = tmp_path / "mixed.txt"
    path.write_bytes(data)
    items = list(read_file(path))
    [warning] = [i for i in items if not hasattr(i, "text")]
    assert warning.is_warning and "undecodable byte(s) replaced (decoded as utf-8) [W002]" in warning.message
    [source] = [i for i in items if hasattr(i, "text")]
    assert "山东省总工会召开会议" in source.text


def test_two_nul_bytes_do_not_make_a_text_binary_but_a_binary_file_is_still_refused(tmp_path):
    path = tmp_path / "nul.txt"
    path.write_bytes("大连市总工会组织劳模工匠进校园。".encode() * 10 + b"\x00\x00" + "山东省总工会召开会议。".encode())
    [source] = list(read_file(path))
    assert "山东省总工会召开会议" in source.text and "\x00" not in source.text
    assert len(source.text) == len(path.read_bytes().decode("utf-8"))  # one for one: offsets hold
    with pytest.raises(GraphbuildError, match="binary data"):
        decode_lenient(bytes(range(32)) * 40, "x.bin")


def test_an_html_page_with_only_scripts_and_navigation_says_so(tmp_path):
    path = tmp_path / "nav.html"
    path.write_text("<html><body><nav>首页 新闻</nav><script>var a='工会';</script></body></html>", "utf-8")
    with pytest.raises(GraphbuildError, match=r"no article text after removing scripts and navigation \[E025\]"):
        list(read_file(path))


def test_a_directory_of_every_bad_case_gives_the_good_pages_articles_and_one_line_per_problem(tmp_path, failing_article):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_bytes(GOOD.read_bytes())
    (d / "oneline.txt").write_text("大连市总工会组织劳模工匠进校园," * 3000, "utf-8")
    (d / "record.jsonl").write_text(json.dumps({"text": UNPUNCTUATED * 1500}, ensure_ascii=False) + "\n", "utf-8")
    (d / "stray.txt").write_bytes("山东省总工会召开会议。".encode() * 10 + b"\xb9\xa4\xbb\xe1" + "大连市总工会组织劳模工匠进校园。".encode())
    (d / "nul.txt").write_bytes("山东省总工会召开会议。".encode() + b"\x00\x00" + "大连市总工会组织活动。".encode())
    (d / "nav.html").write_text("<html><body><nav>首页</nav><script>x=1</script></body></html>", "utf-8")
    (d / "fails.txt").write_text("大连市总工会报告故障。", "utf-8")
    out = tmp_path / "out.jsonl"
    res = CliRunner().invoke(app, ["extract", str(d), "--out", str(out)])
    assert res.exit_code == 1
    lines = [line for line in res.stderr.splitlines() if line.strip()]
    assert len(lines) == 3, lines  # the stray bytes (a warning), the HTML page, the failing article
    assert any("[W002]" in line for line in lines), lines
    assert any("[E025]" in line for line in lines), lines
    assert any("[E023]" in line and "fails.txt" in line for line in lines)
    recs = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    sources = {Path(r["source"]).name for r in recs}
    assert {"good.txt", "oneline.txt", "record.jsonl", "stray.txt", "nul.txt"} <= sources
