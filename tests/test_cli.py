"""The CLI: thin wrappers, one-line errors, the extraction contract."""

from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from graphbuild import __version__
from graphbuild.cli.main import app
from graphbuild.extract import offset_problems, validate_record

from .conftest import CORPUS, SEEDS

runner = CliRunner()


def test_help_and_version():
    r = runner.invoke(app, ["--help"])
    assert r.exit_code == 0
    for cmd in ("extract", "build", "eval", "load", "query", "view"):
        assert cmd in r.output
    r = runner.invoke(app, ["--version"])
    assert r.exit_code == 0 and __version__ in r.output


def test_extract_emits_the_contract_for_every_article_with_correct_offsets(seed_records):
    assert len(seed_records) >= len(SEEDS)
    assert {r["source"] for r in seed_records} == {str(p) for p in SEEDS}
    texts = {str(p): p.read_text("utf-8") for p in SEEDS}
    n_mentions = 0
    for rec in seed_records:
        assert validate_record(rec) == []
        assert offset_problems(rec, texts[rec["source"]]) == []
        n_mentions += sum(len(e["mentions"]) for e in rec["entities"])
    assert n_mentions > 500


def test_extract_command_writes_jsonl(tmp_path):
    out = tmp_path / "x.jsonl"
    r = runner.invoke(app, ["extract", str(SEEDS[0]), "--out", str(out)])
    assert r.exit_code == 0, r.output
    recs = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert recs and all(rec["source"] == str(SEEDS[0]) for rec in recs)


def test_bad_inputs_give_one_line_and_nonzero_exit_without_traceback(tmp_path):
    (tmp_path / "good.txt").write_text("标题\n\n本报讯 宁波市总工会开展活动。", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.md").write_bytes(b"\x00\x01" * 100)
    (tmp_path / "bad.jsonl").write_text("{oops\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "graphbuild.cli.main", "extract", str(tmp_path)], capture_output=True, text=True)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 3
    assert any("empty.txt" in line for line in lines) and any("bad.jsonl:1:" in line for line in lines)
    assert [json.loads(line)["source"].endswith("good.txt") for line in proc.stdout.splitlines()] == [True]


def test_missing_path_is_one_line_exit_2():
    proc = subprocess.run(
        [sys.executable, "-m", "graphbuild.cli.main", "extract", "/no/such/dir"], capture_output=True, text=True
    )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.strip() == "graphbuild: /no/such/dir: no such file or directory [E001]"


def test_eval_prints_per_type_scores():
    gold = sorted((CORPUS / "gold").glob("*.jsonl"))[:1]
    r = runner.invoke(app, ["eval", str(gold[0]), str(SEEDS[0])])
    assert r.exit_code == 0, r.output
    assert "ENTITIES" in r.output and "RELATIONS" in r.output and "Union" in r.output and "WORKS_AT" in r.output


def test_query_lists_and_unknown_query_is_a_clear_error(tmp_path):
    r = runner.invoke(app, ["query"])
    assert r.exit_code == 0 and "programs_of_union" in r.output
    proc = subprocess.run(
        [sys.executable, "-m", "graphbuild.cli.main", "query", "nope", "--build", str(tmp_path)], capture_output=True, text=True
    )
    assert proc.returncode == 2 and "unknown query 'nope'" in proc.stderr and "Traceback" not in proc.stderr


def test_a_missing_or_unknown_query_parameter_names_it_then_how_to_call_the_query(tmp_path):
    r = runner.invoke(app, ["query", "two_hops", "--build", str(tmp_path)])
    assert r.exit_code == 2
    first, *rest = r.stderr.strip().splitlines()
    assert first == "graphbuild: query 'two_hops' needs --param name=… (string) [E021]"
    assert rest == [
        "  params: name (string): the entity's canonical name or an alias",
        "  example: graphbuild query two_hops --param name=高兴亮",
    ]
    r = runner.invoke(app, ["query", "most_connected", "-p", "top=3", "--build", str(tmp_path)])
    assert r.exit_code == 2 and "takes no parameter 'top' [E022]" in r.stderr and "limit (int, default 20)" in r.stderr


def test_view_without_a_build_is_a_clear_error(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "graphbuild.cli.main", "view", "--build", str(tmp_path)], capture_output=True, text=True
    )
    assert proc.returncode == 2 and "run 'graphbuild build' first" in proc.stderr
