"""Bad input, interrupted builds, atomic writes, credentials."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from graphbuild.corpus.articles import articles_from_text, read_articles
from graphbuild.corpus.reader import Problem, decode
from graphbuild.errors import GraphbuildError
from graphbuild.extract import extract_article, offset_problems, validate_record
from graphbuild.io import atomic_open
from graphbuild.run.extraction import extract_records

from .conftest import CORPUS, ROOT

BAD = ROOT / "tests" / "data" / "bad"


def test_every_bad_file_gets_a_clear_message_and_the_rest_completes():
    result = extract_records(paths=[BAD])
    msgs = {Path(p.path).name: p.message for p in result.problems}
    assert "empty" in msgs["empty.txt"]
    assert "binary" in msgs["binary.txt"]
    assert "no Chinese" in msgs["no_chinese.txt"]
    assert "truncated UTF-8" in msgs["truncated.txt"]
    assert "mixed.jsonl:2:" in " ".join(p.message for p in result.problems)
    for m in msgs.values():
        assert "\n" not in m and "Traceback" not in m
    by_source: dict[str, list] = {}
    for r in result.records:
        by_source.setdefault(Path(r["source"]).name, []).append(r)
    for good in ("gbk.txt", "big5.txt", "bom.txt", "truncated.txt", "scripts.html", "controls.jsonl"):
        assert good in by_source, good
    assert [r["doc_id"] for r in by_source["mixed.jsonl"]] == ["ok1", "ok2"]
    names = {e["name"] for r in by_source["big5.txt"] for e in r["entities"]}
    assert "白山市总工会" in names  # traditional input, simplified canonical names
    html_names = {e["name"] for r in by_source["scripts.html"] for e in r["entities"]}
    assert "大连市总工会" in html_names and "中华全国总工会" not in html_names  # script text dropped
    for r in result.records:
        assert validate_record(r) == []


def test_a_50_mb_single_line_file_is_refused_with_a_message(tmp_path):
    big = tmp_path / "huge.txt"
    with big.open("w", encoding="utf-8") as fh:
        for _ in range(50 * 1024 // 3):
            fh.write("工" * 1024)
    items = list(read_articles([tmp_path]))
    assert len(items) == 1 and isinstance(items[0], Problem) and "too large" in items[0].message


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
@example(b"\xfe\xff\x00")  # a UTF-16 byte order mark, then a cut-short character (found by this test)
@example(b"\xff\xfe\x00\xd8")  # a lone surrogate after the mark
def test_decoding_random_bytes_never_raises_anything_but_a_clear_error(data):
    try:
        text = decode(data, "x.bin")
    except GraphbuildError as exc:
        assert "x.bin" in str(exc)
    else:
        assert isinstance(text, str)


text_pieces = st.one_of(
    st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=20),
    st.sampled_from(
        [
            "总工会",
            "市总",
            "“",
            "”",
            "“活动”",
            "《",
            "》",
            "，",
            "。",
            "\n\n",
            "公司",
            "主席",
            "获得",
            "全国劳模",
            "(",
            ")",
            "以下简称",
            "拜",
            "为师",
            "由",
            "主办",
        ]
    ),
    st.text(max_size=8),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(text_pieces, max_size=30).map("".join))
def test_the_whole_pipeline_never_raises_and_always_emits_the_contract(text):
    for art in articles_from_text(text, path="fuzz.txt"):
        rec = extract_article(art)
        assert validate_record(rec) == []
        assert offset_problems(rec, text) == []


def test_atomic_write_never_leaves_a_half_written_file(tmp_path):
    target = tmp_path / "graph.json"
    target.write_text('{"old": true}')
    with pytest.raises(RuntimeError), atomic_open(target) as fh:
        fh.write('{"new": ')
        raise RuntimeError("crash mid-write")
    assert json.loads(target.read_text()) == {"old": True}
    assert [p.name for p in tmp_path.iterdir()] == ["graph.json"]


def _many_articles(dst: Path, copies: int) -> None:
    dst.mkdir()
    for i in range(copies):
        for p in sorted(CORPUS.glob("*.txt")):
            (dst / f"{i:02d}_{p.name}").write_text(
                p.read_text("utf-8").replace("白山", "白城" if i % 2 else "白山"), encoding="utf-8"
            )


@pytest.mark.parametrize("store", [False, True], ids=["extracting here", "extracting in a child while the store is prepared"])
def test_a_build_killed_mid_extraction_resumes_and_ends_with_the_same_graph(tmp_path, store):
    corpus = tmp_path / "corpus"
    _many_articles(corpus, 3)
    cmd = [sys.executable, "-m", "graphbuild.cli.main", "build", str(corpus), "--no-views", *([] if store else ["--no-store"])]
    killed = subprocess.Popen([*cmd, "--out", str(tmp_path / "a")], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    cache = tmp_path / "a" / "cache"
    deadline = time.time() + 120
    while time.time() < deadline and len(list(cache.rglob("*.json"))) < 10:
        time.sleep(0.05)
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    assert len(list(cache.rglob("*.json"))) >= 10
    for entry in cache.rglob("*.json"):
        json.loads(entry.read_text("utf-8"))  # every cache entry is whole
    from graphbuild.cache import ExtractionCache
    from graphbuild.nlp.pipeline import pipeline_fingerprint

    arts = [a for a in read_articles([corpus]) if not isinstance(a, Problem)]
    probe = ExtractionCache(cache, pipeline_fingerprint())
    done = sum(probe.get(a) is not None for a in arts)
    assert 0 < done < len(arts)
    resumed = subprocess.run([*cmd, "--out", str(tmp_path / "a")], capture_output=True, text=True)
    assert resumed.returncode == 0, resumed.stderr
    assert f"from {len(arts)} articles ({done} from cache)" in resumed.stdout
    fresh = subprocess.run([*cmd, "--out", str(tmp_path / "b")], capture_output=True, text=True)
    assert fresh.returncode == 0
    a = (tmp_path / "a" / "graph.json").read_bytes()
    b = (tmp_path / "b" / "graph.json").read_bytes()
    assert len(a) == len(b) and a == b, "the resumed build's graph differs from a fresh build's"


def test_passwords_never_appear_in_errors(tmp_path):
    shutil.copy(ROOT / "tests" / "data" / "bad" / "gbk.txt", tmp_path / "x.txt")
    (tmp_path / "graph.json").write_text(
        json.dumps({"directed": True, "multigraph": True, "graph": {}, "nodes": [], "edges": []})
    )
    secret = "s3cr3t-PW-9d1"
    env = {**os.environ, "NEO4J_PASSWORD": secret}
    for args, e in (
        (["load", "--build", str(tmp_path), "--uri", "bolt://127.0.0.1:9", "--user", "neo4j", "--password", secret], os.environ),
        (["load", "--build", str(tmp_path), "--uri", f"bolt://neo4j:{secret}@127.0.0.1:9"], os.environ),
        (["query", "mentors", "--uri", "bolt://127.0.0.1:9"], env),
    ):
        proc = subprocess.run(
            [sys.executable, "-m", "graphbuild.cli.main", *args], capture_output=True, text=True, env=e, timeout=120
        )
        assert proc.returncode == 2
        assert secret not in proc.stdout + proc.stderr
        assert "cannot reach the graph store" in proc.stderr and "Traceback" not in proc.stderr


def test_atomic_writes_get_the_users_usual_permissions(tmp_path):
    import os
    import stat

    from graphbuild.io import atomic_write_text

    old = os.umask(0o022)
    try:
        atomic_write_text(tmp_path / "a.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.txt").stat().st_mode) == 0o644
