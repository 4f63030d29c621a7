"""Scoring the pipeline on an annotated split with SCHEMA.md's rules, in-process.

The texts are cut into articles as ``graphbuild extract`` cuts files, and the
records of one text are judged together, as the judge's scorer does.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.language import Language

from graphbuild.evaluate import Report, evaluate, merge_by_file
from graphbuild.extract import extract_many
from graphbuild.train.gold import gold_articles


def predict_records(nlp: Language, gold: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Extraction of each gold text, its articles' records merged, by ``doc_id``."""
    items = list(gold_articles(gold))
    recs = extract_many([it.article for it in items], nlp)
    return merge_by_file([{**rec, "doc_id": it.doc_id} for it, rec in zip(items, recs)], "doc_id")


def score_split(nlp: Language, gold: Iterable[dict[str, Any]]) -> Report:
    gold = list(gold)
    return evaluate(gold, predict_records(nlp, gold))
