"""``graphbuild train``: rebuild the trained models from ``corpus/``."""

from __future__ import annotations

from pathlib import Path

import typer

from graphbuild.cli.common import friendly
from graphbuild.nlp.components.ner import model_dir
from graphbuild.train.run import train_all


@friendly
def train_cli(
    corpus: Path = typer.Option(Path("corpus"), "--corpus", help="Corpus with genre/train.jsonl, genre/dev.jsonl and gold/"),
    out: Path | None = typer.Option(None, "--out", help="Where to write the models (default: the package's, shipped)"),
    limit: int | None = typer.Option(None, "--limit", help="Train on the first N texts only (a quick check)"),
    score: bool = typer.Option(True, "--score/--no-score", help="Score the dev split after training"),
) -> None:
    """Train the entity recognizer, the entity filter and the relation classifier; score dev."""
    result = train_all(corpus=corpus, out=out or model_dir(), limit=limit, score=score)
    secs = ", ".join(f"{k} {v:.0f} s" for k, v in result.seconds.items())
    typer.echo(f"models in {result.out} ({secs})")
    for name in ("rules", "trained", "rules_given_gold_entities", "trained_given_gold_entities"):
        m = result.metrics.get(name)
        if m:
            typer.echo(f"dev {name:28} entities F1 {m['entities']['f1']:.3f}  relations F1 {m['relations']['f1']:.3f}")
    if result.metrics:
        typer.echo(f"(all figures: {result.out / 'metrics.json'})")


__all__ = ["train_cli"]
