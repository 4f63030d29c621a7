"""Reading files: encodings, formats, and one clear line for every bad input."""

from __future__ import annotations

import json

import pytest

from graphbuild.corpus.articles import read_articles
from graphbuild.corpus.reader import Problem, decode, read_path
from graphbuild.errors import GraphbuildError

TEXT = "山东省总工会举办职工技能竞赛，劳动模范参加。"
TRAD = "山東省總工會舉辦職工技能競賽，勞動模範參加。"


@pytest.mark.parametrize(
    "data",
    [TEXT.encode("utf-8"), b"\xef\xbb\xbf" + TEXT.encode("utf-8"), TEXT.encode("gbk"), TEXT.encode("gb18030")],
)
def test_simplified_encodings_decode(data):
    assert decode(data, "x") == TEXT


def test_big5_decodes_to_the_traditional_text():
    assert decode(TRAD.encode("big5"), "x") == TRAD


def test_traditional_article_is_normalized_to_simplified(tmp_path):
    (tmp_path / "t.txt").write_bytes(("標題\n\n" + TRAD).encode("big5"))
    arts = [a for a in read_articles([tmp_path]) if not isinstance(a, Problem)]
    assert "山东省总工会" in arts[0].text


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("blank.txt", b"  \n\n ", "the file is empty"),
        ("bin.txt", b"\x00\x01\x02PK\x03\x04" * 50, "binary data"),
        ("latin.txt", b"hello world, no chinese here", "no Chinese text"),
        ("bad.txt", bytes(range(0x80, 0x100)) * 4, "binary data|cannot decode"),
    ],
)
def test_bad_files_give_one_line_naming_the_file(tmp_path, name, data, message):
    import re

    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(GraphbuildError) as err:
        read_path(p)
    text = str(err.value)
    assert name in text and "\n" not in text
    assert re.search(message, text)


def test_missing_path():
    with pytest.raises(GraphbuildError, match="no such file"):
        read_path("/nonexistent/file.txt")


def test_unsupported_suffix(tmp_path):
    p = tmp_path / "a.pdf"
    p.write_bytes(b"%PDF")
    with pytest.raises(GraphbuildError, match="unsupported file type"):
        read_path(p)


def test_jsonl_bad_lines_are_reported_with_line_numbers_and_good_lines_kept(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(
        json.dumps({"id": "x1", "title": "标题", "text": TEXT}, ensure_ascii=False)
        + "\n{not json\n\n"
        + json.dumps({"title": "无正文"}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    items = list(read_articles([p]))
    problems = [i for i in items if isinstance(i, Problem)]
    arts = [i for i in items if not isinstance(i, Problem)]
    assert [a.doc_id for a in arts] == ["x1"]
    assert arts[0].title == "标题"
    assert any(":2:" in pr.message and "malformed JSON" in pr.message for pr in problems)
    assert any(":4:" in pr.message and "'text'" in pr.message for pr in problems)


def test_html_drops_scripts_and_navigation(tmp_path):
    p = tmp_path / "a.html"
    p.write_text(
        "<html><head><title>工人日报</title><script>var 山东省总工会='x';</script></head><body>"
        "<nav>首页 导航 全国总工会</nav><h1>大连市总工会开展活动</h1><p>本报讯 大连市总工会开展“六跨四送双五进”活动。</p>"
        "<footer>版权所有</footer></body></html>",
        encoding="utf-8",
    )
    [src] = read_path(p)
    assert "六跨四送双五进" in src.text
    assert "var" not in src.text and "导航" not in src.text and "版权" not in src.text


def test_directory_run_reports_bad_files_and_keeps_good_ones(tmp_path):
    (tmp_path / "good.txt").write_text("标题\n\n" + TEXT, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "empty.txt").write_bytes(b"")
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "ann.jsonl").write_text('{"doc_id": "a", "text": "x", "entities": []}\n', encoding="utf-8")
    items = list(read_articles([tmp_path]))
    assert [i.source.endswith("good.txt") for i in items if not isinstance(i, Problem)] == [True]
    assert [p.path.endswith("empty.txt") for p in items if isinstance(p, Problem)] == [True]


def test_article_ids_are_stable(tmp_path):
    p = tmp_path / "page.txt"
    p.write_text((tmp_path / "x").as_posix() and ("标题一\n\n本报讯 " + TEXT + "\n\n标题二\n\n本报讯 " + TEXT), encoding="utf-8")
    first = [a.doc_id for a in read_articles([p])]
    second = [a.doc_id for a in read_articles([p])]
    assert first == second and len(first) == 2 and first[0].startswith("page-00-")
