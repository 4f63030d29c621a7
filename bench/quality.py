"""Extraction quality on the genre corpus's dev split (never trained on), by
SCHEMA.md's rules: the rules alone and the trained pipeline in the same run,
per type, and the relation step alone given the gold entities.

    .venv/bin/python bench/quality.py [--quick]     # --quick: the first 8 dev articles
"""

from __future__ import annotations

from common import ROOT, Timer, args, f1_rows, report

from graphbuild.nlp.pipeline import build
from graphbuild.train.devscore import score_split
from graphbuild.train.gold import read_gold


def main() -> None:
    a = args(__doc__)
    dev = read_gold([ROOT / "corpus" / "genre" / "dev.jsonl"])
    if a.quick:
        dev = dev[:8]
    rules, trained = build(learned=False), build()
    with Timer() as t:
        scores = {
            "rules": score_split(rules, dev).as_dict(),
            "trained": score_split(trained, dev).as_dict(),
            "rules, gold entities": score_split(rules, dev, given_gold_entities=True).as_dict(),
            "trained, gold entities": score_split(trained, dev, given_gold_entities=True).as_dict(),
        }
    rows = f1_rows(scores)
    report(f"Dev split ({len(dev)} articles): F1 by SCHEMA.md's rules, {t.seconds:.0f} s", rows, a.json)


if __name__ == "__main__":
    main()
