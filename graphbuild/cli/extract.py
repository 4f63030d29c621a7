"""``graphbuild extract PATH...``: the extraction contract, one JSON object per article."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import typer

from graphbuild.cache import ExtractionCache
from graphbuild.cli.common import friendly, progress, report_problems
from graphbuild.corpus.articles import Article, read_articles
from graphbuild.corpus.reader import Problem, iter_files
from graphbuild.io import atomic_open
from graphbuild.nlp.pipeline import pipeline_fingerprint
from graphbuild.parallel import run_extraction


@dataclass
class Extraction:
    records: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    cache_hits: int = 0
    extracted: int = 0


def extract_records(
    *, paths: list[str | Path], workers: int = 1, dask: str | None = None, cache_dir: str | Path | None = None
) -> Extraction:
    """Read, extract (with the cache if given) and return records in input order.

    With a cache, an unchanged file (same path, bytes and pipeline) is not
    even read into articles: its records come back whole; in a changed file,
    only the articles whose text changed are extracted."""
    result = Extraction()
    cache = ExtractionCache(cache_dir, pipeline_fingerprint()) if cache_dir else None
    per_file: list[tuple[str | None, list[Article] | None, list[dict[str, Any]] | None]] = []
    todo: list[Article] = []
    done: dict[str, dict[str, Any]] = {}
    for f in iter_files(list(paths)):
        fkey = cache.file_key(f) if cache else None
        hit = cache.get_file(fkey) if cache and fkey else None
        if hit is not None:
            per_file.append((fkey, None, hit))
            result.cache_hits += len(hit)
            continue
        arts: list[Article] = []
        bad = False
        for item in read_articles([f]):
            if isinstance(item, Problem):
                result.problems.append(item)
                bad = True
                continue
            cached = cache.get(item) if cache else None
            if cached is not None:
                done[item.doc_id] = cached
                result.cache_hits += 1
            else:
                todo.append(item)
            arts.append(item)
        per_file.append((None if bad else fkey, arts, None))
    for art, rec in progress(run_extraction(todo, workers=workers, dask=dask), total=len(todo), description="extracting"):
        done[art.doc_id] = rec
        if cache:
            cache.put(art, rec)
        result.extracted += 1
    for fkey, arts, hit in per_file:
        recs = hit if hit is not None else [done[a.doc_id] for a in arts or [] if a.doc_id in done]
        if cache and fkey and hit is None:
            cache.put_file(fkey, recs)
        result.records.extend(recs)
    return result


def extract(
    *, paths: list[str | Path], out: str | Path | None = None, workers: int = 1, cache_dir: str | Path | None = None
) -> Extraction:
    """Extract ``paths`` and write JSON Lines to ``out`` (stdout when None)."""
    result = extract_records(paths=paths, workers=workers, cache_dir=cache_dir)
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in result.records)
    if out is None:
        sys.stdout.write(lines)
    else:
        with atomic_open(out) as fh:
            fh.write(lines)
    return result


@friendly
def extract_cli(
    paths: list[Path] = typer.Argument(..., help="Files or directories (.txt .md .html .jsonl)"),
    out: Path | None = typer.Option(None, "--out", "-o", help="Write JSON Lines here instead of stdout"),
    fmt: str = typer.Option("jsonl", "--format", help="Output format (jsonl)"),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Extraction processes"),
    cache_dir: Path | None = typer.Option(None, "--cache", help="Extraction cache directory"),
) -> None:
    """Extract entities and relations: one JSON object per article."""
    if fmt != "jsonl":
        raise typer.BadParameter("only jsonl is supported", param_hint="--format")
    result = extract(paths=list(paths), out=out, workers=workers, cache_dir=cache_dir)
    report_problems(result.problems)
    if result.problems:
        raise typer.Exit(1)
