"""Draw the pictures of the docs: the explorer on the seed corpus (a screenshot
in headless Chromium) and the graph model (from ``graphbuild/schema.py``).

    .venv/bin/python bench/docs_images.py     # writes docs/img/explorer.png and docs/img/graph-model.png
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

from common import ROOT

sys.path.insert(0, str(ROOT))
from graphbuild.schema import BODIES, RELATION_TYPES, TYPE_STYLE  # noqa: E402

IMG = ROOT / "docs" / "img"


def explorer_png(path: Path) -> None:
    from graphbuild.graph.build import build_graph
    from graphbuild.run.extraction import extract_records
    from graphbuild.views.site import find_entity, write_views
    from tests.browser import browser_page

    records = extract_records(paths=[ROOT / "corpus"]).records
    g = build_graph(records)
    with tempfile.TemporaryDirectory() as tmp:
        write_views(g, Path(tmp), records=records)
        node = find_entity(g, "大连市总工会")
        with browser_page(1400, 820) as page:
            page.goto((Path(tmp) / "index.html").as_uri() + "#entity=" + quote(node))
            page.wait_for_selector("body[data-drawn-views='1']", state="attached")
            page.fill("#search", "大连")
            page.wait_for_selector("#results li")
            page.wait_for_timeout(300)
            page.screenshot(path=str(path))


def graph_model_png(path: Path) -> None:
    """Types as nodes (the three bodies as one), relation types as labelled arrows."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from graphbuild.analysis import use_cjk_font

    use_cjk_font()
    boxes = ["Union / Enterprise / Organization", "Person", "Place", "Program", "Event", "Award", "Group"]
    at = {
        "Union / Enterprise / Organization": (0.0, 0.0),
        "Person": (0.0, 2.1),
        "Place": (0.0, -2.1),
        "Program": (2.8, 1.1),
        "Event": (2.8, -1.1),
        "Award": (-2.8, 0.0),
        "Group": (5.2, 0.0),
    }
    # where a type's arrows to itself are drawn
    loops = {"Person": (-1.1, 0.35), "Union / Enterprise / Organization": (-1.5, -1.0), "Place": (-1.0, -0.45)}

    def box(t: str) -> str:
        return "Union / Enterprise / Organization" if t in BODIES else t

    arrows: dict[tuple[str, str], set[str]] = {}
    for rel, (heads, tails) in RELATION_TYPES.items():
        for h in heads:
            for t in tails:
                arrows.setdefault((box(h), box(t)), set()).add(rel)
    fig, ax = plt.subplots(figsize=(11, 6.2))
    for (h, t), rels in sorted(arrows.items()):
        (x1, y1), (x2, y2) = at[h], at[t]
        label = "\n".join(sorted(rels))
        if h == t:
            dx, dy = loops[h]
            ax.annotate(label, at[h], xytext=(at[h][0] + dx, at[h][1] + dy), fontsize=8, ha="center", color="#444",
                        arrowprops={"arrowstyle": "->", "color": "#888", "connectionstyle": "arc3,rad=0.6"})  # fmt: skip
            continue
        ax.annotate("", xy=(x2, y2), xytext=(x1, y1), arrowprops={"arrowstyle": "-|>", "color": "#888", "shrinkA": 38, "shrinkB": 38})
        k = 0.3 if h == "Person" else 0.5  # Person's arrows fan out: label them near it
        mx, my = x1 + k * (x2 - x1), y1 + k * (y2 - y1)
        off = 0.12 if abs(x2 - x1) > abs(y2 - y1) else 0.0
        ax.text(mx + (0.1 if off == 0 else 0), my + off, label, fontsize=8, ha="center", va="center", color="#333",
                bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.85})  # fmt: skip
    for name in boxes:
        x, y = at[name]
        color = TYPE_STYLE["Union" if "/" in name else name][0]
        ax.text(x, y, name.replace(" / ", "\n"), ha="center", va="center", fontsize=11, color="white", weight="bold",
                bbox={"boxstyle": "round,pad=0.5", "fc": color, "ec": "#333"})  # fmt: skip
    ax.set_xlim(-3.6, 6.0)
    ax.set_ylim(-2.6, 2.9)
    ax.axis("off")
    ax.set_title("graphbuild's graph: nine entity types, nine relation types (each with its evidence)", fontsize=12)
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main() -> None:
    IMG.mkdir(parents=True, exist_ok=True)
    graph_model_png(IMG / "graph-model.png")
    explorer_png(IMG / "explorer.png")
    print(f"wrote {IMG / 'graph-model.png'} and {IMG / 'explorer.png'}")


if __name__ == "__main__":
    main()
