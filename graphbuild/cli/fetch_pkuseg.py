"""``graphbuild fetch-pkuseg``: the pkuseg mixed model into the user cache."""

from __future__ import annotations

from pathlib import Path

import typer

from graphbuild.cli.common import friendly
from graphbuild.nlp.pkuseg import fetch


@friendly
def fetch_pkuseg_cli(
    dest: Path | None = typer.Option(
        None, "--dest", help="Directory for the model (default: ~/.cache/graphbuild/pkuseg/default)"
    ),
) -> None:
    """Fetch the pkuseg mixed-domain model (from PyPI's pkuseg 0.0.25 wheel)."""
    path = fetch(dest=dest)
    typer.echo(f"pkuseg model in {path}; build a pipeline with graphbuild.nlp.pipeline.build(segmenter='pkuseg')")
