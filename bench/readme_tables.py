"""Print the README's results and performance tables from `graphbuild eval --json`
output and the benchmarks' `--json` files (how the README's figures were made).

    .venv/bin/graphbuild eval corpus/gold/*.jsonl corpus/ --json > /tmp/eval.json
    for b in extraction parallel scale store_load views fuzz relation_learning; do .venv/bin/python bench/$b.py --json /tmp/$b.json; done
    .venv/bin/python bench/readme_tables.py /tmp
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def table(rows: list[dict], cols: list[str], fmt: dict[str, str] | None = None) -> str:
    fmt = fmt or {}
    out = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for r in rows:
        out.append("| " + " | ".join(format(r[c], fmt.get(c, ",.2f" if isinstance(r[c], float) else "")) for c in cols) + " |")
    return "\n".join(out)


def main() -> None:
    d = Path(sys.argv[1])
    ev = json.loads((d / "eval.json").read_text())
    rows = [{"": "**entities**", **ev["entities"]}] + [{"": t, **s} for t, s in ev["entity_types"].items()]
    rows += [{"": "**relations**", **ev["relations"]}] + [{"": t, **s} for t, s in ev["relation_types"].items()]
    print(table(rows, ["", "p", "r", "f1", "tp", "fp", "fn"], {"p": ".3f", "r": ".3f", "f1": ".3f"}))
    print()
    for name in ("extraction", "parallel", "scale", "store_load", "views", "fuzz", "relation_learning"):
        p = d / f"{name}.json"
        if not p.exists():
            continue
        b = json.loads(p.read_text())
        print(f"**{b['title']}** — `.venv/bin/python bench/{name}.py` on {b['machine']}\n")
        print(table(b["rows"], list(b["rows"][0]), {"p": ".3f", "r": ".3f", "f1": ".3f"}))
        print()


if __name__ == "__main__":
    main()
