"""End-to-end `graphbuild build` on the corpus at 1x, 10x and 100x (recombined
real articles with substituted names), time and peak memory; and the
incremental rebuild after adding one article, versus the full build.

    .venv/bin/python bench/scale.py [--quick]
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from common import ROOT, args, report, scale_corpus

CODE = r"""
import resource, sys, time, json
from graphbuild.run.build import build
t = time.perf_counter()
r = build(paths=[sys.argv[1]], out=sys.argv[2], workers=int(sys.argv[3]), views=False)
print(json.dumps({"seconds": time.perf_counter() - t, "nodes": r.graph.number_of_nodes(), "edges": r.graph.number_of_edges(),
                  "extracted": r.extracted, "cached": r.cache_hits, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run_build(corpus: Path, out: Path, workers: int = 1) -> dict:
    proc = subprocess.run(
        [sys.executable, "-c", CODE, str(corpus), str(out), str(workers)], capture_output=True, text=True, check=True
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    a = args(__doc__)
    factors = (1, 2) if a.quick else (1, 10, 100)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for f in factors:
            corpus = Path(tmp) / f"x{f}"
            chars = scale_corpus(corpus, f)
            out = Path(tmp) / f"b{f}"
            full = run_build(corpus, out, workers=1 if a.quick else 2)
            # one new article, then rebuild: only it is extracted
            src = sorted((ROOT / "corpus").glob("*.txt"))[0].read_text("utf-8")
            (corpus / "new_article.txt").write_text(
                "新增报道\n\n本报讯 " + src[200:1400].replace("大连", "营口"), encoding="utf-8"
            )
            inc = run_build(corpus, out, workers=1)
            rows.append({"scale": f"{f}x", "chars": chars, "build s": full["seconds"], "chars/s": chars / full["seconds"], "peak MB": full["peak_mb"],
                         "nodes": full["nodes"], "edges": full["edges"], "rebuild +1 article s": inc["seconds"],
                         "rebuild / full": inc["seconds"] / full["seconds"], "re-extracted": inc["extracted"]})  # fmt: skip
            shutil.rmtree(out, ignore_errors=True)
    base = rows[0]
    for r in rows:
        r["time per char vs 1x"] = (r["build s"] / r["chars"]) / (base["build s"] / base["chars"])
    report("End-to-end build at scale, and incremental rebuild after one new article", rows, a.json)


if __name__ == "__main__":
    main()
