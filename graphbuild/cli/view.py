"""``graphbuild view``: the HTML views of a built graph."""

from __future__ import annotations

from pathlib import Path

import typer

from graphbuild.cli.common import friendly
from graphbuild.graph.store_graph import read_built_graph
from graphbuild.views.site import write_views


def view(
    *,
    build_dir: str | Path = "build",
    out: str | Path | None = None,
    entity: list[str] | None = None,
    depth: int = 2,
    top: int = 300,
    ego_count: int = 10,
) -> list[Path]:
    g = read_built_graph(build_dir)
    return write_views(
        g, Path(out) if out else Path(build_dir) / "views", top=top, ego_of=entity or None, depth=depth, ego_count=ego_count
    )


@friendly
def view_cli(
    build_dir: Path = typer.Option(Path("build"), "--build", help="Build directory holding graph.json"),
    out: Path | None = typer.Option(None, "--out", help="Where to write (default: BUILD/views)"),
    entity: list[str] = typer.Option([], "--entity", "-e", help="Ego view of this entity (name or alias), repeatable"),
    depth: int = typer.Option(2, "--depth", min=1, max=4),
    top: int = typer.Option(300, "--top", min=1, help="Entities in the overview"),
    ego_count: int = typer.Option(10, "--ego-count", min=0, help="Ego views of the most connected entities"),
) -> None:
    """Write offline HTML views: index, overview, ego and article views."""
    files = view(build_dir=build_dir, out=out, entity=entity, depth=depth, top=top, ego_count=ego_count)
    typer.echo(f"wrote {len(files)} views; open {files[-1]}")
