"""Every benchmark runs in quick mode and prints its figures, so none rots."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .browser import chromium_path
from .conftest import ROOT

BENCH = ROOT / "bench"


@pytest.mark.parametrize("name", ["quality", "crossfit", "ablation", "learning_curve", "extraction", "parallel", "scale", "store_load", "views", "fuzz", "robustness"])
def test_benchmark_quick_mode_prints_figures(name, tmp_path):
    if name == "views" and chromium_path() is None:
        pytest.skip("chromium not installed")
    out = tmp_path / "r.json"
    proc = subprocess.run(
        [sys.executable, str(BENCH / f"{name}.py"), "--quick", "--json", str(out)],
        cwd=BENCH,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-3000:]
    assert proc.stdout.startswith("## ")
    rows = json.loads(out.read_text())["rows"]
    assert rows
    if name == "fuzz":
        assert rows[0]["crashes"] == 0
