"""``graphbuild extract PATH...``: the extraction contract, one JSON object per article."""

from __future__ import annotations

from pathlib import Path

import typer

from graphbuild.cli.common import friendly, report_problems
from graphbuild.run.extraction import extract


@friendly
def extract_cli(
    paths: list[Path] = typer.Argument(..., help="Files or directories (.txt .md .html .jsonl)"),
    out: Path | None = typer.Option(None, "--out", "-o", help="Write JSON Lines here instead of stdout"),
    fmt: str = typer.Option("jsonl", "--format", help="Output format (jsonl)"),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Extraction processes"),
    cache_dir: Path | None = typer.Option(None, "--cache", help="Extraction cache directory"),
    dask: str | None = typer.Option(None, "--dask", help="Dask scheduler address, or 'local' for a LocalCluster"),
) -> None:
    """Extract entities and relations: one JSON object per article."""
    if fmt != "jsonl":
        raise typer.BadParameter("only jsonl is supported", param_hint="--format")
    result = extract(paths=list(paths), out=out, workers=workers, cache_dir=cache_dir, dask=dask)
    failed = report_problems(result.problems)
    if failed:
        raise typer.Exit(1)
