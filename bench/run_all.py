"""Run every benchmark (add --quick for the small sizes the suite uses)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
BENCHES = ["quality.py", "crossfit.py", "ablation.py", "learning_curve.py", "extraction.py", "parallel.py", "scale.py", "store_load.py", "views.py", "fuzz.py", "robustness.py"]

if __name__ == "__main__":
    rc = 0
    for b in BENCHES:
        rc |= subprocess.run([sys.executable, str(HERE / b), *sys.argv[1:]], cwd=HERE).returncode
    raise SystemExit(rc)
