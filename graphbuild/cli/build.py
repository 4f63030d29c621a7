"""``graphbuild build PATH... --out build/``: extract (cached), resolve, export,
load the embedded store, write the views."""

from __future__ import annotations

from pathlib import Path

import typer

from graphbuild.cli.common import friendly, report_problems
from graphbuild.graph.store_graph import GRAPH_FILE
from graphbuild.run.build import build


@friendly
def build_cli(
    paths: list[Path] = typer.Argument(..., help="Files or directories to build the graph from"),
    out: Path = typer.Option(Path("build"), "--out", "-o", help="Output directory"),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Extraction processes"),
    dask: str | None = typer.Option(None, "--dask", help="Dask scheduler address, or 'local' for a LocalCluster"),
    no_store: bool = typer.Option(False, "--no-store", help="Skip loading the embedded store"),
    no_views: bool = typer.Option(False, "--no-views", help="Skip writing HTML views"),
    top: int = typer.Option(300, "--top", help="Entities in the overview view"),
) -> None:
    """Build the resolved graph: exports, embedded store and views under --out."""
    result = build(paths=list(paths), out=out, workers=workers, dask=dask, store=not no_store, views=not no_views, top=top)
    failed = report_problems(result.problems)
    s = result.summary()
    typer.echo(
        f"built {s['nodes']} nodes and {s['edges']} edges from {s['articles_extracted'] + s['articles_cached']} articles ({s['articles_cached']} from cache)"
    )
    typer.echo(f"  entities: {', '.join(f'{k} {v}' for k, v in sorted(s['node_types'].items()))}")
    typer.echo(f"  exports:  {out / GRAPH_FILE}, {out / 'graph.graphml'}, {out / 'graph.gexf'}, {out / 'neo4j-import'}/")
    if result.store_counts:
        typer.echo(
            f"  store:    embedded FalkorDB in {out / 'falkordb'} ({result.store_counts['nodes']} nodes, {result.store_counts['relationships']} relationships)"
        )
    if not no_views:
        typer.echo(f"  views:    {out / 'views' / 'index.html'}")
    if failed:
        raise typer.Exit(1)
