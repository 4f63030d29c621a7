"""``graphbuild view``: the explorer of a built graph, and the URLs of entities in it."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from graphbuild.cli.common import friendly
from graphbuild.graph.store_graph import read_built_graph
from graphbuild.views.site import entity_url, write_views


def view(*, build_dir: str | Path = "build", out: str | Path | None = None, entity: list[str] | None = None, top: int = 300) -> list[str]:
    """Write the explorer (with the article texts of the build's extractions);
    returns its URL, then the URL of each entity's neighbourhood in it."""
    g = read_built_graph(build_dir)
    views = Path(out) if out else Path(build_dir) / "views"
    extractions = Path(build_dir) / "extractions.jsonl"
    records = []
    if extractions.exists():
        with extractions.open(encoding="utf-8") as fh:
            records = [json.loads(line) for line in fh if line.strip()]
    files = write_views(g, views, records=records, top=top)
    return [files[-1].resolve().as_uri(), *(entity_url(g, views, name) for name in entity or [])]


@friendly
def view_cli(
    build_dir: Path = typer.Option(Path("build"), "--build", help="Build directory holding graph.json"),
    out: Path | None = typer.Option(None, "--out", help="Where to write (default: BUILD/views)"),
    entity: list[str] = typer.Option([], "--entity", "-e", help="Print the URL of this entity's neighbourhood (name or alias)"),
    top: int = typer.Option(300, "--top", min=1, help="Entities in the overview"),
) -> None:
    """Write the offline explorer; print its URL and those of the entities asked for."""
    for url in view(build_dir=build_dir, out=out, entity=entity, top=top):
        typer.echo(url)
