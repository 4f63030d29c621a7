"""``graphbuild query NAME_OR_FILE``: run a named query of ``queries/``."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import typer

from graphbuild.cli.common import friendly
from graphbuild.cli.load import open_store
from graphbuild.queries import library, parse_params, resolve_query, run_query


def query(
    *,
    name: str,
    params: list[str] | None = None,
    build_dir: str | Path = "build",
    uri: str | None = None,
    user: str | None = None,
    password: str | None = None,
) -> list[dict[str, Any]]:
    q = resolve_query(name)
    values = parse_params(params or [], q)
    store = open_store(uri=uri, user=user, password=password, build_dir=build_dir)
    try:
        return run_query(store, q, values)
    finally:
        store.close()


def _cell(v: Any) -> str:
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    return "" if v is None else str(v)


def format_rows(rows: list[dict[str, Any]], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1)
    cols = list(rows[0]) if rows else []
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(cols)
        for r in rows:
            w.writerow([_cell(r[c]) for c in cols])
        return buf.getvalue()
    if not rows:
        return "(no rows)"
    from rich.console import Console
    from rich.table import Table

    table = Table(*cols)
    for r in rows:
        table.add_row(*[_cell(r[c]) for c in cols])
    console = Console(record=True, width=160, file=io.StringIO())
    console.print(table)
    return console.export_text()


@friendly
def query_cli(
    name: str = typer.Argument(None, help="A query name from queries/ or a .cypher file; omit to list them"),
    param: list[str] = typer.Option([], "--param", "-p", help="key=value, repeatable"),
    fmt: str = typer.Option("table", "--format", "-f", help="table, json or csv"),
    build_dir: Path = typer.Option(Path("build"), "--build", help="Build directory of the embedded store"),
    uri: str | None = typer.Option(None, "--uri", help="Bolt URI (or NEO4J_URI) to query Neo4j instead"),
    user: str | None = typer.Option(None, "--user"),
    password: str | None = typer.Option(None, "--password"),
) -> None:
    """Run a named Cypher query against the embedded store (default) or Neo4j."""
    if fmt not in ("table", "json", "csv"):
        raise typer.BadParameter("use table, json or csv", param_hint="--format")
    if name is None:
        for q in library().values():
            typer.echo(f"{q.name:28} {q.answers}")
        return
    typer.echo(format_rows(query(name=name, params=param, build_dir=build_dir, uri=uri, user=user, password=password), fmt))
