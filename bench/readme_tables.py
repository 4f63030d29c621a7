"""Write the figures of the docs from the benchmarks' ``--json`` files, so no
number in the README or ``docs/`` is typed by hand.

    for b in quality crossfit ablation learning_curve extraction parallel scale store_load views fuzz robustness; do
        .venv/bin/python bench/$b.py --json /tmp/bench/$b.json; done
    .venv/bin/python bench/crossfit.py --without gb_lexicon --json /tmp/bench/crossfit-without-gb_lexicon.json   # any component
    .venv/bin/python bench/readme_tables.py /tmp/bench            # print
    .venv/bin/python bench/readme_tables.py /tmp/bench --write    # docs/quality.md, docs/performance.md, README blocks
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCHES = ["quality", "crossfit", "ablation", "learning_curve", "extraction", "parallel", "scale", "store_load", "views", "robustness", "fuzz"]


def table(rows: list[dict], cols: list[str] | None = None) -> str:
    cols = cols or list(rows[0])
    out = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for r in rows:
        out.append("| " + " | ".join(format(r[c], ",.2f") if isinstance(r[c], float) else str(r[c]) for c in cols) + " |")
    return "\n".join(out)


def load(d: Path) -> dict[str, dict]:
    out = {b: json.loads((d / f"{b}.json").read_text("utf-8")) for b in BENCHES if (d / f"{b}.json").exists()}
    for extra in sorted(d.glob("crossfit-without-*.json")):
        out[extra.stem] = json.loads(extra.read_text("utf-8"))
    return out


def section(name: str, b: dict) -> str:
    return f"**{b['title']}** — `.venv/bin/python bench/{name}.py` on {b['machine']}\n\n{table(b['rows'])}\n"


def _row(b: dict, key: str, value: str) -> dict:
    return next(r for r in b["rows"] if str(r[key]).startswith(value))


def targets(bs: dict[str, dict]) -> list[dict]:
    """The targets the issues set, checked against the figures."""
    out = []
    if "quality" in bs:
        q = bs["quality"]["rows"]
        ent, rel = q[0], next(r for r in q if r[""] == "**relations**")
        ent_types = [r for r in q[1 : q.index(rel)]]
        worst = min(ent_types, key=lambda r: float(r["trained"]))
        out += [
            {"target": "dev entity F1 >= 0.85", "measured": ent["trained"], "met": float(ent["trained"]) >= 0.85},
            {"target": "no entity type below 0.70 on dev", "measured": f"{worst[''] } {worst['trained']}", "met": float(worst["trained"]) >= 0.70},
            {"target": "dev relation F1 >= 0.70", "measured": rel["trained"], "met": float(rel["trained"]) >= 0.70},
            {"target": "dev relations given gold entities >= 0.80", "measured": rel["trained, gold entities"], "met": float(rel["trained, gold entities"]) >= 0.80},
        ]
    if "extraction" in bs:
        b = bs["extraction"]
        full, jieba = _row(b, "stage", "full pipeline"), _row(b, "stage", "baseline: jieba")
        ratio = full["chars/s"] / jieba["chars/s"]
        out.append({"target": "full pipeline >= 0.5x jieba posseg's chars/s", "measured": f"{ratio:.2f}x ({full['chars/s']:,.0f} chars/s)", "met": ratio >= 0.5})
        peak = float(re.search(r"peak RSS (\d+) MB", b["title"]).group(1))  # type: ignore[union-attr]
        out.append({"target": "memory per process < 1 GB", "measured": f"{peak:.0f} MB", "met": peak < 1024})
    if "parallel" in bs:
        best = [r["speedup"] for r in bs["parallel"]["rows"] if r["workers"] == 2]
        out.append({"target": "2 workers >= 1.7x one", "measured": " / ".join(f"{s:.2f}x" for s in best), "met": min(best) >= 1.7})
    if "scale" in bs:
        r10 = next((r for r in bs["scale"]["rows"] if r["scale"] == "10x"), None)
        if r10:
            out.append({"target": "one-article rebuild <= 10% of the full build (10x)", "measured": f"{100 * r10['rebuild / full']:.1f}%", "met": r10["rebuild / full"] <= 0.10})
    if "views" in bs:
        rows = bs["views"]["rows"]
        seeds, big = rows[0], rows[-1]
        out.append({"target": "explorer of the seeds < 5 MB", "measured": f"{seeds['MB']} MB", "met": seeds["MB"] < 5})
        out.append({"target": "explorer of the 100x corpus < 50 MB", "measured": f"{big['MB']} MB ({big['corpus']})", "met": big["MB"] < 50 and big["corpus"].startswith("100x")})
        out.append({"target": "explorer usable < 3 s in headless Chromium", "measured": " / ".join(f"{r['open to usable s']} s" for r in rows), "met": all(r["open to usable s"] < 3 for r in rows)})
    if "robustness" in bs:
        ratios = [r["ratio_to_page"] for r in bs["robustness"]["rows"][1:]]
        out.append({"target": "long / unpunctuated text within 2x of a page's chars/s", "measured": f"worst {min(ratios):.2f} of the page's", "met": min(ratios) >= 0.5})
    if "fuzz" in bs:
        f = bs["fuzz"]["rows"][0]
        out.append({"target": "fuzzing: no crash", "measured": f"{f['inputs']:,} inputs, {f['crashes']} crashes", "met": f["crashes"] == 0})
    for t in out:
        t["met"] = "yes" if t["met"] else "**no**"
    return out


QUALITY_INTRO = """# Extraction quality

Measured on the genre corpus's **dev split** (`corpus/genre/dev.jsonl`), which
nothing is trained on and no rule was written from, by SCHEMA.md's matching
rules (`graphbuild/evaluate.py`, the judge's rules). The rules alone and the
trained pipeline are scored in the same run; "gold entities" scores the
relation step alone, given the gold entities' mentions (`graphbuild eval
--gold-entities`). Reproduce: `.venv/bin/python bench/quality.py`, or
`graphbuild eval corpus/genre/dev.jsonl` (add `--rules-only`, `--gold-entities`).
`graphbuild train` prints the same four figures after training
(`graphbuild/nlp/models/metrics.json`).

"""

PERF_INTRO = """# Performance

Every table is printed by the benchmark named above it (`bench/`); this page
is written from their `--json` files by `bench/readme_tables.py`. Speeds are
compared as ratios within one run: the machines are shared and noisy.

"""


def crossfit_ablation(bs: dict[str, dict]) -> str:
    """The cross-fitted figures without a component (``crossfit-without-NAME.json``,
    from ``bench/crossfit.py --without NAME``) beside the full pipeline's."""
    runs = {name[len("crossfit-without-") :]: b for name, b in bs.items() if name.startswith("crossfit-without-")}
    if not runs or "crossfit" not in bs:
        return ""
    full = bs["crossfit"]["rows"]
    rows = [{"without": "(nothing)", "entities F1": full[0]["train, cross-fitted"], "relations F1": _row(bs["crossfit"], "", "**relations")["train, cross-fitted"]}]
    for name, b in sorted(runs.items()):
        rows.append({"without": name, "entities F1": b["rows"][0]["train, cross-fitted"], "relations F1": _row(b, "", "**relations")["train, cross-fitted"]})
    return (
        "\nThe same taken out on the cross-fitted training texts (`bench/crossfit.py --without COMPONENT` retrains "
        "every fold without it). They are honest for the trained models but not for rule components whose rules "
        "were written while reading training texts: on a rule component's worth, dev is the honest figure.\n\n"
        + table(rows)
        + "\n"
    )


def quality_md(bs: dict[str, dict]) -> str:
    text = QUALITY_INTRO + section("quality", bs["quality"])
    if "crossfit" in bs:
        text += (
            "\n## The training texts, cross-fitted\n\nEach fold of the training texts scored by models trained on "
            "the other folds (`bench/crossfit.py`): a second honest figure beside dev, four times its size. "
            "Scored in-sample, the recognizer is nearly perfect on its own training texts, so a rule that mends its "
            "errors can only look harmful there; judge such rules here and on dev (rules written from the training "
            "texts look better here than they are).\n\n" + section("crossfit", bs["crossfit"])
        )
    if "ablation" in bs:
        text += "\n## Does every component earn its place?\n\n" + section("ablation", bs["ablation"]) + crossfit_ablation(bs)
    if "learning_curve" in bs:
        text += (
            "\n## How far more annotated text would go\n\nThe models retrained on shares of the training texts "
            "(every k-th, so each share holds every slice), scored on dev beside the shipped ones: each doubling of "
            "the text has added about as much as the one before, so the curve has not flattened yet.\n\n"
            + section("learning_curve", bs["learning_curve"])
        )
    return text


def performance_md(bs: dict[str, dict]) -> str:
    parts = [PERF_INTRO, "## Targets\n\n" + table(targets(bs)) + "\n"]
    quality = ("quality", "crossfit", "ablation", "learning_curve")
    parts += [section(name, b) for name, b in bs.items() if name not in quality and not name.startswith("crossfit-")]
    return "\n".join(parts)


def readme_quality(bs: dict[str, dict]) -> str:
    q = bs["quality"]["rows"]
    split = next(i for i, r in enumerate(q) if r[""] == "**relations**")
    ents, rels = q[:split], q[split:]
    rows = []
    for k in range(max(len(ents), len(rels))):
        e = ents[k] if k < len(ents) else {"": "", "rules": "", "trained": ""}
        r = rels[k] if k < len(rels) else {"": "", "rules": "", "trained": "", "trained, gold entities": ""}
        rows.append({"entities": e[""], "rules ": e["rules"], "trained ": e["trained"], "relations": r[""], "rules": r["rules"],
                     "trained": r["trained"], "given gold entities": r["trained, gold entities"]})  # fmt: skip
    return f"F1 on the dev split ({bs['quality']['title'].split('(')[1].split(')')[0]}), `.venv/bin/python bench/quality.py`:\n\n{table(rows)}\n"


def readme_speed(bs: dict[str, dict]) -> str:
    return table([{k: t[k] for k in ("target", "measured", "met")} for t in targets(bs) if "dev" not in t["target"]]) + "\n"


def replace_block(text: str, name: str, body: str) -> str:
    pattern = re.compile(rf"(<!-- {name} -->\n).*?(<!-- /{name} -->)", re.S)
    if not pattern.search(text):
        raise SystemExit(f"README.md has no <!-- {name} --> block")
    return pattern.sub(lambda m: m.group(1) + body + m.group(2), text)


def main() -> None:
    d = Path(sys.argv[1])
    bs = load(d)
    if "--write" not in sys.argv:
        print(performance_md(bs))
        if "quality" in bs:
            print(quality_md(bs))
        return
    docs = ROOT / "docs"
    if "quality" in bs:
        (docs / "quality.md").write_text(quality_md(bs), "utf-8")
    (docs / "performance.md").write_text(performance_md(bs), "utf-8")
    readme = (ROOT / "README.md").read_text("utf-8")
    if "quality" in bs:
        readme = replace_block(readme, "quality", readme_quality(bs))
    readme = replace_block(readme, "speed", readme_speed(bs))
    (ROOT / "README.md").write_text(readme, "utf-8")


if __name__ == "__main__":
    main()
