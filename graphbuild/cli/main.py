"""The ``graphbuild`` command: one module per command, each a thin wrapper."""

from __future__ import annotations

import typer

from graphbuild import __version__
from graphbuild.cli.build import build_cli
from graphbuild.cli.eval import eval_cli
from graphbuild.cli.extract import extract_cli
from graphbuild.cli.fetch_pkuseg import fetch_pkuseg_cli
from graphbuild.cli.load import load_cli
from graphbuild.cli.query import query_cli
from graphbuild.cli.serve import serve_cli
from graphbuild.cli.train import train_cli
from graphbuild.cli.view import view_cli

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Chinese labor-union news → a knowledge graph.")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"graphbuild {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit"),
) -> None:
    """Extract, build, evaluate, load, query and view the graph."""


app.command("extract")(extract_cli)
app.command("build")(build_cli)
app.command("eval")(eval_cli)
app.command("load")(load_cli)
app.command("query")(query_cli)
app.command("view")(view_cli)
app.command("serve")(serve_cli)
app.command("fetch-pkuseg")(fetch_pkuseg_cli)
app.command("train")(train_cli)

if __name__ == "__main__":
    app()
