"""Parallel extraction: `graphbuild build --workers N` for 1 and 2 processes,
speedup and peak memory per worker (a fresh process per run, no cache).

    .venv/bin/python bench/parallel.py [--quick]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from common import Timer, args, report, scale_corpus

CODE = r"""
import resource, sys, time, json
from graphbuild.run.extraction import extract_records
t = time.perf_counter()
res = extract_records(paths=[sys.argv[1]], workers=int(sys.argv[2]))
dt = time.perf_counter() - t
chars = sum(len(open(p, encoding='utf-8').read()) for p in {r['source'] for r in res.records})
print(json.dumps({"seconds": dt, "chars": chars, "articles": len(res.records),
                  "parent_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def main() -> None:
    import json

    a = args(__doc__)
    rows = []
    # two sizes: each worker's start-up (imports, pipeline) weighs more on the smaller
    for factor in (1,) if a.quick else (4, 10):
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp) / "c"
            scale_corpus(corpus, factor)
            base = None
            for n in (1, 2):
                with Timer():
                    out = subprocess.run(
                        [sys.executable, "-c", CODE, str(corpus), str(n)], capture_output=True, text=True, check=True
                    )
                r = json.loads(out.stdout.strip().splitlines()[-1])
                base = base or r["seconds"]
                rows.append({"corpus": f"{factor}x ({r['chars']:,} chars)", "workers": n, "seconds": r["seconds"],
                             "chars/s": r["chars"] / r["seconds"], "speedup": base / r["seconds"],
                             "peak MB per worker": r["worker_mb"] if n > 1 else r["parent_mb"]})  # fmt: skip
    report("Parallel extraction (processes)", rows, a.json)


if __name__ == "__main__":
    main()
