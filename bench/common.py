"""Shared helpers for the benchmarks: timing, peak memory, the scale corpus."""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def args(description: str, *, without: bool = False) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--quick", action="store_true", help="small sizes: the suite runs this so the benchmark never rots")
    p.add_argument("--json", type=Path, help="also write the figures here")
    if without:
        p.add_argument("--without", metavar="COMPONENT", help="take this rule component out (models retrained without it)")
    return p.parse_args()


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def peak_rss_mb(children: bool = False) -> float:
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return resource.getrusage(who).ru_maxrss / 1024


class Timer:
    def __enter__(self) -> Timer:
        self.t0 = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self.t0


def f1_rows(scores: dict[str, dict]) -> list[dict]:
    """F1 overall and per type of each run's ``Report.as_dict()``, a column a run;
    a run given the gold entities ("gold entities" in its name) shows no entity figures."""
    from graphbuild.schema import ENTITY_TYPES, RELATION_TYPES

    rows = []
    for kind, types, key in (("entities", ENTITY_TYPES, "entity_types"), ("relations", RELATION_TYPES, "relation_types")):
        for name in ["", *types]:
            row: dict = {"": f"**{kind}**" if not name else name}
            for run, s in scores.items():
                if kind == "entities" and "gold entities" in run:
                    row[run] = ""
                    continue
                part = s[kind] if not name else s[key].get(name, {"f1": 0.0})
                row[run] = f"{part['f1']:.3f}"
            rows.append(row)
    return rows


def report(title: str, rows: list[dict], out: Path | None = None) -> None:
    print(f"## {title}  ({machine()})")
    if rows:
        cols = list(rows[0])
        print(" | ".join(cols))
        for r in rows:
            print(" | ".join(f"{r[c]:,.2f}" if isinstance(r[c], float) else str(r[c]) for c in cols))
    if out:
        out.write_text(json.dumps({"title": title, "machine": machine(), "rows": rows}, ensure_ascii=False, indent=1))


def scale_corpus(dst: Path, factor: int, *, seed: int = 7) -> int:
    """Recombine the real seed pages ``factor`` times with names substituted
    from the gazetteer and lexicons, so the graph grows instead of repeating.
    Returns the number of characters written."""
    from graphbuild.nlp.gazetteer import gazetteer

    rnd = random.Random(seed)
    gaz = gazetteer()
    cities = sorted(n for n, ds in gaz.by_name.items() if ds[0].level == "city" and n.endswith("市"))
    counties = sorted(n for n, ds in gaz.by_name.items() if ds[0].level == "county" and n.endswith("县"))
    surnames = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段漕钱汤尹黎易常武乔贺赖龚文"
    given = "建国伟强军华平明辉丽红霞芳燕玲静敏杰涛斌超波海鹏飞宇晨阳磊鑫浩然志刚新民德兴亮振东"
    pages = sorted((ROOT / "corpus").glob("*.txt"))
    texts = [p.read_text("utf-8") for p in pages]
    city_re = re.compile(
        "|".join(
            sorted(
                {c[:-1] for c in cities if len(c) >= 3} & {m for t in texts for m in re.findall(r"([\u4e00-\u9fff]{2,3})市", t)},
                key=len,
                reverse=True,
            )
        )
        or "淄博"
    )
    dst.mkdir(parents=True, exist_ok=True)
    written = 0
    for i in range(factor):
        mapping: dict[str, str] = {}
        for j, text in enumerate(texts):
            if i:
                text = city_re.sub(lambda m, mp=mapping: mp.setdefault(m.group(), rnd.choice(cities)[:-1]), text)
                text = re.sub(r"(?<=[，。、])([\u4e00-\u9fff]{2})县", lambda m: rnd.choice(counties), text)
                for name in sorted(
                    set(re.findall(r"(?:主席|书记|董事长|经理|劳模|工匠)([\u4e00-\u9fff]{2,3})(?=[，。说表])", text))
                ):
                    text = text.replace(name, rnd.choice(surnames) + "".join(rnd.choice(given) for _ in range(len(name) - 1)))
            path = dst / f"s{i:03d}_{j}.txt"
            path.write_text(text, encoding="utf-8")
            written += len(text)
    return written
