"""Training the entity filter on entities the recognizer found in texts it was not trained on.

The eight CRFs the shipped recognizer averages are each trained without one
eighth of the texts (``train.ner``): each tags its eighth, and every entity
the pipeline then resolves is labelled by whether the gold names it (the
judge's matching rules). Scored on its own training texts the recognizer is
nearly perfect, and a filter trained there would learn nothing.
"""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from graphbuild.evaluate import entities_found
from graphbuild.extract import to_record
from graphbuild.nlp.candidates import cands, text_of
from graphbuild.nlp.components.entity_filter import RIGHT
from graphbuild.nlp.components.lac_tagger import lac_tokens
from graphbuild.nlp.components.ner import MODEL_FILE as NER_FILE
from graphbuild.nlp.components.resolver import ENTITIES
from graphbuild.nlp.entity_features import entity_features
from graphbuild.nlp.pipeline import build
from graphbuild.train.gold import GoldArticle
from graphbuild.train.relations import MIN_EXAMPLES, Example, fit

C = 1.0  # inverse regularization strength (cross-validated on the training texts: 0.1, 0.3, 1, 3)


def filter_examples(members: Sequence[Path], items: list[GoldArticle], *, without: str | None = None) -> list[Example]:
    """(features, right or wrong) of every entity found in ``items``, the texts of part
    ``k`` (every ``len(members)``-th) tagged by ``members[k]``, trained without them
    (by the trained pipeline ``without`` one of its components, for an ablation)."""
    out: list[Example] = []
    parts = len(members)
    for k, member in enumerate(members):
        with tempfile.TemporaryDirectory() as tmp:
            shutil.copy(member, Path(tmp) / NER_FILE)
            nlp = build(models=tmp)
            if without:
                nlp.remove_pipe(without)
            held_out = [it for i, it in enumerate(items) if i % parts == k]
            for item, doc in zip(held_out, nlp.pipe(it.article.text for it in held_out)):
                entities = doc.user_data.get(ENTITIES, [])
                right = entities_found(item.gold["entities"], to_record(item.article, doc)["entities"])
                features = entity_features(text_of(doc), entities, cands(doc), lac_tokens(doc))
                out += [(f, RIGHT if (e.name, e.label) in right else "wrong") for e, f in zip(entities, features)]
    return out


def train_entity_filter(
    members: Sequence[Path], items: list[GoldArticle], path: str | Path, *, without: str | None = None
) -> Path | None:
    """The filter trained on what ``members`` found in the texts each was not trained on
    (none where too few were found either way: the entities then pass unfiltered)."""
    examples = filter_examples(members, items, without=without)
    path = Path(path)
    if min(Counter(label for _, label in examples).get(k, 0) for k in (RIGHT, "wrong")) < MIN_EXAMPLES:
        path.unlink(missing_ok=True)  # (not an older run's filter beside this run's recognizer)
        return None
    model = fit(examples, c=C)
    path.parent.mkdir(parents=True, exist_ok=True)
    model.save(path)
    return path
