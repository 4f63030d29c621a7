"""The explorer's size and speed: the views of the seed corpus and of the
scale corpus (the seed pages recombined 100 times, about 10,000 nodes), their
size on disk, the time to write them, and in headless Chromium the time from
opening ``index.html`` to a usable page: the search answers and an entity's
neighbourhood is drawn and still. Targets: seeds under 5 MB, 100x under 50 MB,
usable under 3 s.

    .venv/bin/python bench/views.py [--quick]      # --quick: 2x instead of 100x
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

from common import ROOT, Timer, args, report, scale_corpus

sys.path.insert(0, str(ROOT))
from graphbuild.graph.build import build_graph  # noqa: E402
from graphbuild.run.extraction import extract_records  # noqa: E402
from graphbuild.views.site import write_views  # noqa: E402
from tests.browser import browser_page  # noqa: E402


def size_mb(files: list[Path]) -> float:
    return sum(f.stat().st_size for f in files) / 1e6


def usable_seconds(index: Path, query: str) -> tuple[float, bool]:
    """Open the explorer, search, open the first hit's neighbourhood; check it is still."""
    with browser_page() as page:
        t0 = time.perf_counter()
        page.goto(index.as_uri())
        page.wait_for_selector("body[data-ready='1']", state="attached", timeout=60_000)
        page.fill("#search", query)
        page.wait_for_selector("#results li", timeout=60_000)
        key = page.get_attribute("#results li", "data-entity")
        page.goto(index.as_uri() + "#entity=" + quote(key or ""))
        page.wait_for_selector("body[data-drawn-views='1']", state="attached", timeout=60_000)
        seconds = time.perf_counter() - t0
        first = page.evaluate("JSON.stringify(gbNetwork.getPositions())")
        page.wait_for_timeout(300)
        still = first == page.evaluate("JSON.stringify(gbNetwork.getPositions())")
    return seconds, still


def main() -> None:
    a = args(__doc__)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        corpora = [("seeds", ROOT / "corpus", 1)]
        factor = 2 if a.quick else 100
        scaled = Path(tmp) / f"x{factor}"
        chars = scale_corpus(scaled, factor)
        corpora.append((f"{factor}x ({chars:,} chars)", scaled, 2))
        for name, corpus, workers in corpora:
            records = extract_records(paths=[corpus], workers=workers).records
            g = build_graph(records)
            out = Path(tmp) / f"views-{len(rows)}"
            with Timer() as gen:
                files = write_views(g, out, records=records)
            seconds, still = usable_seconds(out / "index.html", "总工会")
            rows.append(
                {
                    "corpus": name,
                    "nodes": g.number_of_nodes(),
                    "articles": len(records),
                    "files": len(files),
                    "MB": round(size_mb(files), 2),
                    "write s": round(gen.seconds, 2),
                    "open to usable s": round(seconds, 2),
                    "still": still,
                }
            )
    report("The explorer: size and time to a usable page in headless Chromium", rows, a.json)


if __name__ == "__main__":
    main()
