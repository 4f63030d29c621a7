"""Training the relation classifier from the gold relations and their sentences.

A candidate pair is labelled with the gold relation joining its two entities
when its sentence is the one the gold gives as evidence (else ``NONE``):
the same two entities in another sentence state nothing.

>>> same_sentence("山东省总工会主席徐海荣说。", "山东省总工会主席徐海荣说,好。")
True
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np
from spacy.language import Language

from graphbuild.evaluate import norm
from graphbuild.nlp.components.relation_classifier import NONE, PairModel, candidates
from graphbuild.schema import SYMMETRIC
from graphbuild.train.gold import GoldArticle, with_gold_entities

C = 0.3  # inverse regularization strength of the logistic regression
# a type with fewer examples than this is left to the rules (MENTORS: 6 in train)
MIN_EXAMPLES = 30


def same_sentence(sentence: str, evidence: str) -> bool:
    a, b = norm(sentence).strip("。！？；，"), norm(evidence).strip("。！？；，")
    if not a or not b:
        return False
    return a in b or b in a or (len(a) >= 12 and a[:12] in b) or (len(b) >= 12 and b[:12] in a)


def pair_examples(nlp: Language, items: list[GoldArticle]) -> list[tuple[list[str], str]]:
    """(features, gold label) of every candidate pair of the gold entities' mentions
    in ``items``, through ``nlp``'s rule relations (it has no classifier). Gold
    mentions, not a recognizer's: the classifier learns what the words say of
    two entities (a recognizer run on the texts it was trained on is nearly
    perfect there, and would teach nothing of its errors anyway; measured)."""
    if "gb_relation_classifier" in nlp.pipe_names:
        raise ValueError("pair_examples reads the rules' relations: give it a pipeline without gb_relation_classifier")
    out = []
    for item in items:
        doc = with_gold_entities(nlp, item.article.text, item.gold["entities"])
        by_pair: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for r in item.gold["relations"]:
            ev = r.get("evidence", "")
            by_pair.setdefault((r["head"], r["tail"]), []).append((r["type"], ev))
            if r["type"] in SYMMETRIC:
                by_pair.setdefault((r["tail"], r["head"]), []).append((r["type"], ev))
        for cand in candidates(doc):
            label = NONE
            # (across sentences, the sentence is the one that states it: 出席仪式的有…)
            sentence = doc.text[cand.sent[0] : cand.sent[1]]
            for rel, ev in by_pair.get((cand.head.id_, cand.tail.id_), []):
                # a pair nested in one name (白山市 in 白山市总工会) states its relation wherever written
                nested = cand.head.start_char <= cand.tail.start_char < cand.head.end_char or (
                    cand.tail.start_char <= cand.head.start_char < cand.tail.end_char
                )
                if nested or not ev or same_sentence(sentence, ev):
                    label = rel
                    break
            out.append((cand.features, label))
    return out


def train_relations(examples: Iterable[tuple[list[str], str]], path: str | Path, *, c: float = C) -> Path:
    """A multinomial logistic regression on the examples, saved as ``PairModel`` arrays."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    examples = list(examples)
    counts = Counter(label for _, label in examples)
    examples = [(f, label) for f, label in examples if counts[label] >= MIN_EXAMPLES]
    vec = DictVectorizer()
    x = vec.fit_transform([dict.fromkeys(f, 1) for f, _ in examples])
    y = [label for _, label in examples]
    clf = LogisticRegression(C=c, max_iter=2000, solver="lbfgs")
    clf.fit(x, y)
    classes = [str(k) for k in clf.classes_]
    weights = clf.coef_.T.astype(np.float32)
    keep = np.abs(weights).max(axis=1) > 1e-3
    vocab = [f for f, k in zip(vec.get_feature_names_out(), keep) if k]
    model = PairModel(vocab, weights[keep], clf.intercept_.astype(np.float32), classes)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    model.save(path)
    return path
