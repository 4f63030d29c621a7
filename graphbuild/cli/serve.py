"""``graphbuild serve``: keep the embedded store running until interrupted."""

from __future__ import annotations

import time
from pathlib import Path

import typer

from graphbuild.cli.common import friendly
from graphbuild.stores.falkordb import EmbeddedServer


@friendly
def serve_cli(build_dir: Path = typer.Option(Path("build"), "--build", help="Build directory of the embedded store")) -> None:
    """Run the embedded FalkorDB server on its unix socket until Ctrl-C."""
    server = EmbeddedServer(build_dir / "falkordb").start()
    typer.echo(f"FalkorDB is serving graph 'graphbuild' on unix socket {server.socket} (Ctrl-C stops it)")
    try:
        while server.proc is not None and server.proc.poll() is None:
            time.sleep(0.5)
    finally:
        server.stop()
