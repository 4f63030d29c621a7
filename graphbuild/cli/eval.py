"""``graphbuild eval GOLD.jsonl... PATH...``: P/R/F1 by SCHEMA.md's rules."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from graphbuild.cli.common import friendly, report_problems
from graphbuild.errors import Errors, GraphbuildError
from graphbuild.evaluate import Report, evaluate, load_gold, merge_by_file
from graphbuild.run.extraction import extract_records


def evaluate_paths(
    *, gold: list[str | Path], paths: list[str | Path] = (), gold_entities: bool = False, rules_only: bool = False
) -> Report:
    """Extract ``paths`` and score them against the gold files. Without paths,
    the gold records' own texts are extracted; ``gold_entities`` scores the
    relations given the gold entities (from the gold texts)."""
    gold_recs = load_gold(gold)
    if gold_entities or not paths or rules_only:
        from graphbuild.nlp.pipeline import build, load
        from graphbuild.train.devscore import score_split

        if any("text" not in g for g in gold_recs):
            raise GraphbuildError(Errors.E009, path=gold[0], detail="a record without 'text' (needed to extract it)")
        return score_split(build(learned=False) if rules_only else load(), gold_recs, given_gold_entities=gold_entities)
    ext = extract_records(paths=paths)
    return evaluate(gold_recs, merge_by_file(ext.records, "source"))


def _is_gold(path: Path) -> bool:
    if path.suffix != ".jsonl" or not path.is_file():
        return False
    with path.open(encoding="utf-8", errors="replace") as fh:
        first = fh.readline()
    try:
        rec = json.loads(first)
    except json.JSONDecodeError:
        return False
    return isinstance(rec, dict) and "entities" in rec and "doc_id" in rec


def split_gold(files: list[Path]) -> tuple[list[Path], list[Path]]:
    """The leading annotation files, then the inputs."""
    k = 0
    while k < len(files) and _is_gold(files[k]):
        k += 1
    return list(files[:k]), list(files[k:])


def format_report(report: Report, *, errors: bool = False) -> str:
    d = report.as_dict()
    lines = [f"{'':18}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]

    def row(name: str, s: dict) -> str:
        return f"{name:18}{s['p']:7.3f}{s['r']:7.3f}{s['f1']:7.3f}{s['tp']:6d}{s['fp']:6d}{s['fn']:6d}"

    lines.append(row("ENTITIES", d["entities"]))
    lines += [row("  " + t, s) for t, s in d["entity_types"].items()]
    lines.append(row("RELATIONS", d["relations"]))
    lines += [row("  " + t, s) for t, s in d["relation_types"].items()]
    if errors:
        lines.append("")
        lines += [f"{e['file']}\t{e['kind']}\t{e['type']}\t{e['name']}" for e in report.errors]
    return "\n".join(lines)


@friendly
def eval_cli(
    files: list[Path] = typer.Argument(..., help="Gold .jsonl files, then the inputs to extract"),
    errors: bool = typer.Option(False, "--errors", help="List misses and false hits"),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON"),
    gold_entities: bool = typer.Option(False, "--gold-entities", help="Score relations given the gold entities"),
    rules_only: bool = typer.Option(False, "--rules-only", help="The rule components alone, without the trained models"),
) -> None:
    """Score extraction against gold annotations (SCHEMA.md's matching rules).

    Without inputs after the gold files, their own texts are extracted."""
    gold, paths = split_gold(files)
    if not gold:
        raise typer.BadParameter("give the gold .jsonl files first")
    report = evaluate_paths(gold=gold, paths=paths, gold_entities=gold_entities, rules_only=rules_only)
    typer.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=1) if as_json else format_report(report, errors=errors))


__all__ = ["eval_cli", "evaluate_paths", "format_report", "report_problems"]
