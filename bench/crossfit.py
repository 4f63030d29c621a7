"""Extraction quality on the training texts, each fold scored by models trained
on the other folds (cross-fitted): an honest second figure beside dev, four
times its size, for judging a rule that fixes what the recognizer gets wrong
(scored in-sample, the recognizer is nearly perfect on its own training texts
and every such rule looks useless). Beside it, in the same run, the shipped
models on dev.

    .venv/bin/python bench/crossfit.py [--quick] [--without gb_activities]
    # --quick: 2 folds of 40 texts, short training; --without: a rule component taken out
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from common import ROOT, Timer, args, f1_rows, report

from graphbuild.evaluate import Report, Score
from graphbuild.nlp.pipeline import TRAINED, build
from graphbuild.train.devscore import score_split
from graphbuild.train.gold import gold_articles, read_gold
from graphbuild.train.ner import featurize
from graphbuild.train.relations import train_relations
from graphbuild.train.run import train_recognizer, training_files

FOLDS = 4


def _add(total: Report, part: Report) -> None:
    for mine, theirs in ((total.entities, part.entities), (total.relations, part.relations)):
        mine.tp, mine.fp, mine.fn = mine.tp + theirs.tp, mine.fp + theirs.fp, mine.fn + theirs.fn
    for mine_types, their_types in ((total.entity_types, part.entity_types), (total.relation_types, part.relation_types)):
        for name, s in their_types.items():
            t: Score = mine_types[name]
            t.tp, t.fp, t.fn = t.tp + s.tp, t.fp + s.fp, t.fn + s.fn


def main() -> None:
    a = args(__doc__, without=True)
    train_files, dev_files = training_files(ROOT / "corpus")
    records = read_gold(train_files)
    folds, params = FOLDS, None
    if a.quick:
        records, folds, params = records[:40], 2, {"max_iterations": 10}
    rules = build(learned=False)
    if a.without:
        rules.remove_pipe(a.without)
    items_of = [list(gold_articles([r for i, r in enumerate(records) if i % folds == k])) for k in range(folds)]
    features_of = [featurize(rules, items) for items in items_of]
    crossfit, given_gold = Report(), Report()
    with Timer() as t, tempfile.TemporaryDirectory() as tmp:
        for k in range(folds):
            out = Path(tmp) / str(k)
            train_recognizer(
                [x for j in range(folds) if j != k for x in features_of[j]],
                [it for j in range(folds) if j != k for it in items_of[j]],
                out,
                params=params,
                without=a.without,
            )
            train_relations(rules, [it for j in range(folds) if j != k for it in items_of[j]], out / TRAINED["gb_relation_classifier"])
            held_out = [r for i, r in enumerate(records) if i % folds == k]
            model = build(models=out)
            if a.without:
                model.remove_pipe(a.without)
            _add(crossfit, score_split(model, held_out))
            _add(given_gold, score_split(model, held_out, given_gold_entities=True))
    dev = read_gold(dev_files)[: 8 if a.quick else None]
    shipped = score_split(build(), dev).as_dict()
    scores = {
        "train, cross-fitted": crossfit.as_dict(),
        "dev, shipped models": shipped,
        "train, cross-fitted, gold entities": given_gold.as_dict(),
    }
    rows = f1_rows(scores)
    report(
        f"Cross-fitted training texts ({len(records)} texts, {folds} folds, each scored by models trained on the others"
        f"{'; without ' + a.without if a.without else ''}) "
        f"and dev ({len(dev)} articles): F1, {t.seconds:.0f} s of training and scoring",
        rows,
        a.json,
    )


if __name__ == "__main__":
    main()
