"""``graphbuild load``: write the built graph into Neo4j (or the embedded store)."""

from __future__ import annotations

import os
from pathlib import Path

import typer

from graphbuild.cli.common import friendly
from graphbuild.graph.store_graph import read_built_graph
from graphbuild.stores.loader import DEFAULT_BATCH, counts, load_graph


def open_store(*, uri: str | None, user: str | None, password: str | None, build_dir: str | Path = "build"):  # noqa: ANN201 - a Store
    """Neo4j when a URI is given (argument or NEO4J_URI), else the embedded store."""
    uri = uri or os.environ.get("NEO4J_URI")
    if uri:
        from graphbuild.stores.neo4j import Neo4jStore

        return Neo4jStore(uri, user, password)
    from graphbuild.stores.falkordb import FalkorDBStore

    return FalkorDBStore.embedded(Path(build_dir) / "falkordb")


def load(
    *,
    build_dir: str | Path = "build",
    uri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    batch_size: int = DEFAULT_BATCH,
    ddl: bool = True,
) -> dict[str, int]:
    """Load ``build_dir``'s graph; returns the store's node and relationship counts."""
    g = read_built_graph(build_dir)
    store = open_store(uri=uri, user=user, password=password, build_dir=build_dir)
    try:
        load_graph(g, store, batch_size=batch_size, ddl=ddl)
        return counts(store)
    finally:
        store.close()


@friendly
def load_cli(
    build_dir: Path = typer.Option(Path("build"), "--build", help="The build directory holding graph.json"),
    uri: str | None = typer.Option(None, "--uri", help="Bolt URI (or NEO4J_URI); none: the embedded store"),
    user: str | None = typer.Option(None, "--user", help="User (or NEO4J_USER)"),
    password: str | None = typer.Option(None, "--password", help="Password (or NEO4J_PASSWORD; prompted when --ask-password)"),
    ask_password: bool = typer.Option(False, "--ask-password", help="Prompt for the password"),
    batch_size: int = typer.Option(DEFAULT_BATCH, "--batch-size", min=1),
    no_ddl: bool = typer.Option(False, "--no-ddl", help="Skip the store's constraints and indexes"),
) -> None:
    """Load the built graph into Neo4j (constraints, full-text index, UNWIND batches)."""
    if ask_password:
        password = typer.prompt("password", hide_input=True)
    c = load(build_dir=build_dir, uri=uri, user=user, password=password, batch_size=batch_size, ddl=not no_ddl)
    typer.echo(f"loaded: the store holds {c['nodes']} nodes and {c['relationships']} relationships")
