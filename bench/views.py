"""View generation time, and time from load to a still, usable view in
headless Chromium, for 500, 2,000 and 10,000 nodes.

    .venv/bin/python bench/views.py [--quick]
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx
from common import ROOT, Timer, args, report

sys.path.insert(0, str(ROOT))
from graphbuild.views.render import write_view  # noqa: E402
from tests.browser import browser_page  # noqa: E402


def graph(n: int, seed: int = 7) -> nx.MultiDiGraph:
    rnd = random.Random(seed)
    types = ["Union", "Enterprise", "Organization", "Person", "Place", "Program", "Event", "Award", "Group"]
    g = nx.MultiDiGraph()
    for i in range(n):
        g.add_node(i, type=types[i % 9], name=f"节点{i}", aliases=[])
    for i in range(1, n):
        g.add_edge(
            i,
            rnd.randrange(i),
            key="PART_OF",
            type="PART_OF",
            evidence=[{"doc_id": "a", "sentence": "句子。", "start": 0, "end": 3}],
        )
    for _ in range(n // 2):
        u, v = rnd.randrange(n), rnd.randrange(n)
        if u != v:
            g.add_edge(u, v, key="PARTNERS_WITH", type="PARTNERS_WITH", evidence=[])
    return g


def main() -> None:
    a = args(__doc__)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in (300, 1000) if a.quick else (500, 2000, 10000):
            g = graph(n)
            with Timer() as gen:
                path = write_view(g, Path(tmp) / f"v{n}.html", title=f"{n} nodes")
            with browser_page() as page:
                t0 = time.perf_counter()
                page.goto(path.as_uri())
                page.wait_for_function("window.gbReady === true", timeout=120_000)
                # still: no physics, positions do not move between two frames
                pos1 = page.evaluate("JSON.stringify(gbNetwork.getPositions([0, 1]))")
                page.wait_for_timeout(200)
                pos2 = page.evaluate("JSON.stringify(gbNetwork.getPositions([0, 1]))")
                ready = time.perf_counter() - t0 - 0.2
            rows.append(
                {
                    "nodes": n,
                    "edges": g.number_of_edges(),
                    "generate s": gen.seconds,
                    "MB": path.stat().st_size / 1e6,
                    "load to usable s": ready,
                    "still": pos1 == pos2,
                }
            )
    report("HTML views in headless Chromium", rows, a.json)


if __name__ == "__main__":
    main()
