"""Training the character CRF of ``gb_ner`` (python-crfsuite).

>>> tags_of(6, [(0, 2, "Union"), (3, 6, "Place")])
['B-Union', 'I-Union', 'O', 'B-Place', 'I-Place', 'I-Place']
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language

from graphbuild.nlp.candidates import cands, text_of
from graphbuild.nlp.char_features import char_features
from graphbuild.nlp.components.lac_tagger import lac_tokens
from graphbuild.nlp.pipeline import components_before
from graphbuild.train.gold import GoldArticle

# the rule components the recognizer reads: everything before it in the trained pipeline
RULE_PIPES = components_before("gb_ner")
# L1 keeps the model small (features it does not need weigh 0), L2 smooths
PARAMS = {"c1": 0.1, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}


def tags_of(n: int, spans: Iterable[tuple[int, int, str]]) -> list[str]:
    tags = ["O"] * n
    for s, e, label in spans:
        tags[s] = f"B-{label}"
        for i in range(s + 1, e):
            tags[i] = f"I-{label}"
    return tags


def featurize(nlp: Language, items: list[GoldArticle]) -> list[tuple[list[list[str]], list[str]]]:
    """(features, gold tags) of each article, from the rule components' output."""
    out = []
    with nlp.select_pipes(enable=[p for p in RULE_PIPES if p in nlp.pipe_names]):
        for item, doc in zip(items, nlp.pipe(it.article.text for it in items)):
            text = text_of(doc)
            out.append((char_features(text, lac_tokens(doc), cands(doc)), tags_of(len(text), item.spans)))
    return out


def train_ner(data: list[tuple[list[list[str]], list[str]]], path: str | Path, *, params: dict | None = None) -> Path:
    """Train the CRF on ``data`` and write it to ``path``. crfsuite's L-BFGS is
    deterministic: the same data and parameters give the same model."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in data:
        if xseq:
            trainer.append(xseq, yseq)
    trainer.set_params({**PARAMS, **(params or {})})
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))
    return path
