"""Does every component earn its place? Each rule component is taken out in
turn, both models are retrained without it (on the genre train split and the
seed gold) and the dev split is scored; a component whose removal does not
lower dev should go.

    .venv/bin/python bench/ablation.py [--quick]    # --quick: 24 training texts, 8 dev articles
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from common import ROOT, Timer, args, report

from graphbuild.nlp.pipeline import build
from graphbuild.train.devscore import score_split
from graphbuild.train.gold import gold_articles, read_gold
from graphbuild.train.ner import RULE_PIPES, featurize
from graphbuild.train.relations import train_relations
from graphbuild.train.run import train_recognizer, training_files

# the rule components of the trained pipeline (gb_activities runs only in the rules-only one)
COMPONENTS = [p for p in RULE_PIPES if p != "gb_lac"] + ["gb_relations"]


def without(drop: str | None, models: Path | None = None):  # noqa: ANN201 - a spaCy Language
    nlp = build(models=models) if models else build(learned=False)
    if drop:
        nlp.remove_pipe(drop)
    return nlp


def main() -> None:
    a = args(__doc__)
    train_files, dev_files = training_files(ROOT / "corpus")
    train, dev = read_gold(train_files), read_gold(dev_files)
    if a.quick:
        train, dev = train[:24], dev[:8]
    items = list(gold_articles(train))
    rows = []
    for drop in [None, *COMPONENTS]:
        with tempfile.TemporaryDirectory() as tmp, Timer() as t:
            out = Path(tmp)
            train_recognizer(featurize(without(drop), items), items, out, without=drop)
            train_relations(without(drop), items, out / "relations.npz")
            report_ = score_split(without(drop, out), dev)
        rows.append(
            {
                "without": drop or "(nothing: the shipped pipeline)",
                "entities F1": f"{report_.entities.f1:.3f}",
                "relations F1": f"{report_.relations.f1:.3f}",
                "seconds": round(t.seconds),
            }
        )
    report(f"Ablation on the dev split ({len(dev)} articles; models retrained on {len(train)} texts each time)", rows, a.json)


if __name__ == "__main__":
    main()
