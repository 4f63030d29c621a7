"""The README is short and every link in it and in docs/ resolves."""

from __future__ import annotations

import re

import pytest

from .conftest import ROOT

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")


def test_the_readme_reads_in_five_minutes():
    assert len((ROOT / "README.md").read_text("utf-8")) < 10_000


@pytest.mark.parametrize("page", DOCS, ids=lambda p: p.name)
def test_every_relative_link_resolves(page):
    for target in LINK.findall(page.read_text("utf-8")):
        if target.startswith(("http://", "https://", "#", "mailto:")):
            continue
        path = (page.parent / target.split("#")[0]).resolve()
        assert path.exists(), f"{page.name}: {target}"


def test_the_readmes_commands_exist():
    from typer.testing import CliRunner

    from graphbuild.cli.main import app

    text = (ROOT / "README.md").read_text("utf-8")
    code = "\n".join(re.findall(r"```\n(.*?)```", text, re.S))
    commands = set(re.findall(r"^graphbuild (\w[\w-]*)", code, re.M)) | set(re.findall(r"`graphbuild (\w[\w-]*)", text))
    assert {"extract", "build", "query", "view", "train"} <= commands
    for command in commands:
        assert CliRunner().invoke(app, [command, "--help"]).exit_code == 0, command
    for name in re.findall(r"^graphbuild query (\w+)", code, re.M):
        assert (ROOT / "queries" / f"{name}.cypher").exists(), name
