"""Training the character CRF of ``gb_ner`` (python-crfsuite).

>>> tags_of(6, [(0, 2, "Union"), (3, 6, "Place")])
['B-Union', 'I-Union', 'O', 'B-Place', 'I-Place', 'I-Place']
"""

from __future__ import annotations

import multiprocessing
import tempfile
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from spacy.language import Language

from graphbuild.nlp.candidates import cands, text_of
from graphbuild.nlp.char_features import char_features
from graphbuild.nlp.components.lac_tagger import lac_tokens
from graphbuild.nlp.pipeline import components_before
from graphbuild.train.crf_weights import averaged_weights, write_weights
from graphbuild.train.gold import GoldArticle

# the rule components the recognizer reads: everything before it in the trained pipeline
RULE_PIPES = components_before("gb_ner")
# L1 keeps the model small (features it does not need weigh 0), L2 smooths
PARAMS = {"c1": 0.1, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}
# the shipped CRF averages this many, each trained without one part of the texts
# (``crf_weights``: one CRF's small types swing by a few names with its data)
PARTS = 8

Features = list[tuple[list[list[str]], list[str]]]  # per article: each character's features, the gold tags


def tags_of(n: int, spans: Iterable[tuple[int, int, str]]) -> list[str]:
    tags = ["O"] * n
    for s, e, label in spans:
        tags[s] = f"B-{label}"
        for i in range(s + 1, e):
            tags[i] = f"I-{label}"
    return tags


def featurize(nlp: Language, items: list[GoldArticle]) -> Features:
    """(features, gold tags) of each article, from the rule components' output."""
    out = []
    with nlp.select_pipes(enable=[p for p in RULE_PIPES if p in nlp.pipe_names]):
        for item, doc in zip(items, nlp.pipe(it.article.text for it in items)):
            text = text_of(doc)
            out.append((char_features(text, lac_tokens(doc), cands(doc)), tags_of(len(text), item.spans)))
    return out


_shared: Features = []  # the members' training data, inherited by the forked workers


def _train_one(data: Features, path: Path, params: dict) -> Path:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in data:
        if xseq:
            trainer.append(xseq, yseq)
    trainer.set_params({**PARAMS, **params})
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))
    return path


def _train_member(part: int, parts: int, path: Path, params: dict) -> Path:
    return _train_one([x for i, x in enumerate(_shared) if i % parts != part], path, params)


def train_ner(
    data: Features,
    path: str | Path,
    *,
    params: dict | None = None,
    parts: int = PARTS,
    workers: int = 2,
    members: str | Path | None = None,
) -> Path:
    """Train the recognizer on ``data`` and write it to ``path``: the average of
    ``parts`` CRFs, each trained without one part of the texts (``parts=1``: one
    CRF on all of them), ``workers`` at a time; ``members`` is a directory to
    keep them in (``k.crfsuite``, trained without every ``parts``-th text from
    the ``k``-th). crfsuite's L-BFGS is deterministic: the same data and
    parameters give the same model."""
    global _shared
    path, params = Path(path), params or {}
    if parts <= 1 or len(data) < parts:
        return _train_one(data, path, params)
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(members) if members else Path(tmp)
        jobs = [(k, parts, home / f"{k}.crfsuite", params) for k in range(parts)]
        _shared = data
        try:
            if workers > 1:
                # forked, the workers share the features instead of pickling them
                context = multiprocessing.get_context("fork")
                with ProcessPoolExecutor(min(workers, parts), mp_context=context) as pool:
                    members = list(pool.map(_train_member, *zip(*jobs)))
            else:
                members = [_train_member(*job) for job in jobs]
        finally:
            _shared = []
        state, transitions = averaged_weights(members)
        attributes = {a for a, _ in state}
        # one iteration of L2 alone keeps every observed feature of these attributes
        skeleton = _train_one(
            [([[f for f in fs if f in attributes] for fs in x], y) for x, y in data],
            Path(tmp) / "skeleton.crfsuite",
            {"c1": 0.0, "c2": 1.0, "max_iterations": 1},
        )
        return write_weights(skeleton, path, state, transitions)
