"""The Neo4j code path, for real, against a Bolt server.

No Neo4j server can be installed here, so tests/bolt/ runs our official-driver
code against FalkorDB 4.18.3's Bolt listener (falkordblite 0.10.0, installed by
`make test`). That listener binds every interface, so the server and those
tests run inside a private network namespace with only loopback (unshare -n).
This tests our driver code, not Neo4j itself.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _bolt_dir() -> Path | None:
    d = Path(os.environ.get("GB_BOLT_DIR", ROOT / ".cache" / "falkordblite-0.10.0"))
    return d if (d / "redislite" / "bin" / "falkordb.so").exists() else None


def test_neo4j_driver_path_in_a_private_network_namespace():
    bolt = _bolt_dir()
    if bolt is None or shutil.which("unshare") is None:
        if os.environ.get("CI"):
            pytest.fail("CI must run the Bolt tests: `make test` installs falkordblite 0.10.0 into .cache/")
        pytest.skip("falkordblite 0.10.0 not installed (make test installs it)")
    flag = "-n" if os.geteuid() == 0 else "-rn"
    script = f"ip link set lo up && exec {sys.executable} -m pytest -o addopts= -q -p no:cacheprovider {ROOT / 'tests' / 'bolt'}"
    env = {**os.environ, "GB_IN_NETNS": "1", "GB_BOLT_DIR": str(bolt)}
    proc = subprocess.run(["unshare", flag, "sh", "-c", script], capture_output=True, text=True, env=env, cwd=ROOT, timeout=900)
    print(proc.stdout[-4000:], proc.stderr[-2000:])
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    assert " passed" in proc.stdout and " failed" not in proc.stdout
