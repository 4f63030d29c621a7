"""Scoring the pipeline on annotated texts with SCHEMA.md's rules, in-process.

The texts are cut into articles as ``graphbuild extract`` cuts files, and the
records of one text are judged together, as the judge's scorer does.
``given_gold_entities`` scores the relation step alone: the gold entities'
mentions replace the recognizer's and the resolver's, so that the two
stages' losses are seen apart.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.language import Language

from graphbuild.evaluate import Report, evaluate, merge_by_file
from graphbuild.extract import to_record
from graphbuild.train.gold import gold_articles, with_gold_entities


def predict_records(nlp: Language, gold: Iterable[dict[str, Any]], *, given_gold_entities: bool = False) -> dict[str, dict[str, Any]]:
    """Extraction of each gold text, its articles' records merged, by ``doc_id``."""
    items = list(gold_articles(gold))
    if given_gold_entities:
        docs = [with_gold_entities(nlp, it.article.text, it.gold["entities"]) for it in items]
    else:
        docs = list(nlp.pipe(it.article.text for it in items))
    recs = [to_record(it.article, doc) for it, doc in zip(items, docs)]
    return merge_by_file([{**rec, "doc_id": it.doc_id} for it, rec in zip(items, recs)], "doc_id")


def score_split(nlp: Language, gold: Iterable[dict[str, Any]], *, given_gold_entities: bool = False) -> Report:
    gold = list(gold)
    return evaluate(gold, predict_records(nlp, gold, given_gold_entities=given_gold_entities))
