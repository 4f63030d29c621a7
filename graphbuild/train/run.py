"""``graphbuild train``: every trained part rebuilt from ``corpus/``.

1. the entity recognizer (``ner.crfsuite``) on the genre train split and the
   seed gold, from the rule components' proposals: the average of eight CRFs,
   each trained without one eighth of the texts (about 3 minutes on 2 cores);
2. the entity filter (``entities.npz``) on what each of the eight found in
   the texts it was trained without;
3. the relation classifier (``relations.npz``) on the candidate pairs of the
   gold entities' mentions in the same texts;
4. the dev split scored three ways in one run: the rules alone, the trained
   pipeline, and its relations given the gold entities (``metrics.json``).

Training is deterministic (crfsuite's L-BFGS, scikit-learn's lbfgs, no
sampling): a rerun gives the same models and the same figures.
"""

from __future__ import annotations

import json
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphbuild.errors import Errors, GraphbuildError
from graphbuild.nlp.pipeline import TRAINED, build
from graphbuild.train.devscore import score_split
from graphbuild.train.entity_filter import train_entity_filter
from graphbuild.train.gold import GoldArticle, gold_articles, read_gold
from graphbuild.train.ner import Features, featurize, train_ner
from graphbuild.train.relations import train_relations


@dataclass
class TrainResult:
    out: Path
    seconds: dict[str, float] = field(default_factory=dict)
    metrics: dict[str, Any] = field(default_factory=dict)


def training_files(corpus: Path) -> tuple[list[Path], list[Path]]:
    """(train gold files, dev gold files) under ``corpus``: genre/train.jsonl and
    the seed gold (gold/*.jsonl) to train on; genre/dev.jsonl to measure."""
    train = [p for p in [corpus / "genre" / "train.jsonl", *sorted((corpus / "gold").glob("*.jsonl"))] if p.is_file()]
    dev = [p for p in [corpus / "genre" / "dev.jsonl"] if p.is_file()]
    return train, dev


def train_recognizer(
    features: Features, items: list[GoldArticle], out: Path, *, params: dict | None = None, without: str | None = None
) -> None:
    """The recognizer (``ner.crfsuite``) on the texts' ``features``, and the entity
    filter (``entities.npz``) on what its eight CRFs find in the texts each was
    trained without (``without``: a rule component left out, for an ablation)."""
    with tempfile.TemporaryDirectory() as members:
        train_ner(features, out / TRAINED["gb_ner"], params=params, members=members)
        found = sorted(Path(members).glob("*.crfsuite"), key=lambda p: int(p.stem))
        if found:
            train_entity_filter(found, items, out / TRAINED["gb_entity_filter"], without=without)


def train_all(*, corpus: str | Path = "corpus", out: str | Path, limit: int | None = None, score: bool = True) -> TrainResult:
    """Train the recognizer, the entity filter and the relation classifier into ``out``; ``limit``
    takes the first N training texts (for a quick check)."""
    corpus, out = Path(corpus), Path(out)
    train_files, dev_files = training_files(corpus)
    if not train_files:
        raise GraphbuildError(Errors.E024, path=corpus)
    records = read_gold(train_files)
    if limit:
        records = records[:limit]
    result = TrainResult(out)
    out.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    items = list(gold_articles(records))
    rules = build(learned=False)
    train_recognizer(featurize(rules, items), items, out)
    result.seconds["ner"] = time.perf_counter() - t
    t = time.perf_counter()
    # the classifier learns from pairs of the gold entities (it does not need the recognizer)
    train_relations(rules, items, out / TRAINED["gb_relation_classifier"])
    result.seconds["relations"] = time.perf_counter() - t
    if score and dev_files:
        t = time.perf_counter()
        dev = read_gold(dev_files)
        trained = build(models=out)
        result.metrics = {
            "rules": score_split(rules, dev).as_dict(),
            "trained": score_split(trained, dev).as_dict(),
            "trained_given_gold_entities": score_split(trained, dev, given_gold_entities=True).as_dict(),
            "rules_given_gold_entities": score_split(rules, dev, given_gold_entities=True).as_dict(),
            "train_texts": len(records),
            "dev_texts": len(dev),
        }
        (out / "metrics.json").write_text(json.dumps(result.metrics, ensure_ascii=False, indent=1) + "\n", "utf-8")
        result.seconds["score"] = time.perf_counter() - t
    return result
