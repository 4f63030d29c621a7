"""Training the relation classifier from the gold relations and their sentences.

A candidate pair is labelled with the gold relation joining its two entities
when its sentence is the one the gold gives as evidence (else ``NONE``):
the same two entities in another sentence state nothing.

>>> same_sentence("山东省总工会主席徐海荣说。", "山东省总工会主席徐海荣说,好。")
True
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from graphbuild.errors import Errors, GraphbuildError
from graphbuild.evaluate import norm, relation_key
from graphbuild.nlp.components.relation_classifier import (
    NONE,
    THRESHOLD_FOR_SIBLINGS,
    Candidate,
    PairModel,
    candidates,
    decide,
    scored,
    sibling_features,
)
from graphbuild.nlp.pipeline import component_setting
from graphbuild.schema import RELATION_TYPES, SYMMETRIC
from graphbuild.train.gold import GoldArticle, with_gold_entities

C = 0.3  # inverse regularization strength of the logistic regression
# a type with fewer examples than this is left to the rules (MENTORS: 6 in train)
MIN_EXAMPLES = 30
FOLDS = 4  # of the cross-validation that chooses the rule types kept beside the model
THRESHOLD = float(component_setting("gb_relation_classifier", "threshold"))


def same_sentence(sentence: str, evidence: str) -> bool:
    a, b = norm(sentence).strip("。！？；，"), norm(evidence).strip("。！？；，")
    if not a or not b:
        return False
    return a in b or b in a or (len(a) >= 12 and a[:12] in b) or (len(b) >= 12 and b[:12] in a)


Example = tuple[list[str], str]


def item_examples(nlp: Language, items: list[GoldArticle]) -> Iterator[tuple[Doc, list[Example], list[Candidate]]]:
    """Each item's doc and the (features, gold label) of every candidate pair of
    its gold entities' mentions, through ``nlp``'s rule relations. Gold mentions,
    not a recognizer's: the classifier learns what the words say of two entities
    (trained on the recognizer's output on its own training texts, where it is
    nearly perfect, it did no better on dev)."""
    for item in items:
        doc = with_gold_entities(nlp, item.article.text, item.gold["entities"], steps=("gb_relations",))
        by_pair: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for r in item.gold["relations"]:
            ev = r.get("evidence", "")
            by_pair.setdefault((r["head"], r["tail"]), []).append((r["type"], ev))
            if r["type"] in SYMMETRIC:
                by_pair.setdefault((r["tail"], r["head"]), []).append((r["type"], ev))
        examples = []
        cands_ = list(candidates(doc))
        for cand in cands_:
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
            examples.append((cand.features, label))
        yield doc, examples, cands_


def _triples(rels: Iterable[tuple[str, str, str]]) -> set[tuple]:
    return {relation_key(r, h, t) for h, r, t in rels}


def rule_types_to_keep(
    docs: list[Doc], examples: list[list[Example]], items: list[GoldArticle], *, folds: int = FOLDS, threshold: float = THRESHOLD
) -> list[str]:
    """The relation types whose rule relations are worth keeping beside the model's,
    by cross-validation on the training texts: for each fold a model fit on
    the others decides the fold's pairs, with and without each type's rule
    relations kept, scored against the gold (never the dev split)."""
    counts: dict[tuple[str, bool], Counter] = {}
    every = sorted(RELATION_TYPES)
    for k in range(folds):
        rest = [e for i, ex in enumerate(examples) if i % folds != k for e in ex]
        if not trainable(rest):
            return []  # no evidence for any rule type on so few texts
        model = fit(rest)
        for i in range(k, len(docs), folds):
            gold = _triples((r["head"], r["type"], r["tail"]) for r in items[i].gold["relations"])
            pairs, probs = scored(docs[i], model)  # (the pairs are scored once for both ways)
            for keep in (False, True):
                model.keep_rules = set(every) if keep else set()
                found = _triples((r.head, r.type, r.tail) for r in decide(docs[i], pairs, probs, model, threshold))
                for rel in every:
                    c = counts.setdefault((rel, keep), Counter())
                    g, f = {x for x in gold if x[0] == rel}, {x for x in found if x[0] == rel}
                    c["tp"] += len(g & f)
                    c["fp"] += len(f - g)
                    c["fn"] += len(g - f)

    def f1(c: Counter) -> float:
        return 2 * c["tp"] / max(2 * c["tp"] + c["fp"] + c["fn"], 1)

    return [rel for rel in every if f1(counts[(rel, True)]) > f1(counts[(rel, False)])]


def stacked_examples(examples: list[list[Example]], cands_: list[list[Candidate]], *, folds: int = FOLDS) -> list[Example]:
    """The examples with what a first model decided for the next items of their lists
    (``sibling_features``), each text's decisions made by a model fit on the other folds:
    the second model learns how far to trust decisions it will see on unseen texts."""
    out: list[Example] = []
    for k in range(folds):
        model = fit([e for i, ex in enumerate(examples) if i % folds != k for e in ex])
        for i in range(k, len(examples), folds):
            probs = model.proba_many([f for f, _ in examples[i]])
            decided = model.decisions(cands_[i], probs, THRESHOLD_FOR_SIBLINGS)
            out += [(f + sibling_features(c, decided), label) for (f, label), c in zip(examples[i], cands_[i])]
    return out


def _learnable(examples: Iterable[Example]) -> set[str]:
    """The labels with the examples ``fit`` learns from (the others are left to the rules)."""
    return {label for label, n in Counter(label for _, label in examples).items() if n >= MIN_EXAMPLES}


def trainable(examples: list[Example]) -> bool:
    """Whether ``fit`` has a relation to tell from none (a tiny slice has not)."""
    labels = _learnable(examples)
    return NONE in labels and len(labels) > 1


def fit(examples: Iterable[Example], *, c: float = C) -> PairModel:
    """A (multinomial) logistic regression on the examples, as ``PairModel`` arrays."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    examples = list(examples)
    labels = _learnable(examples)
    examples = [(f, label) for f, label in examples if label in labels]
    vec = DictVectorizer()
    x = vec.fit_transform([dict.fromkeys(f, 1) for f, _ in examples])
    y = [label for _, label in examples]
    clf = LogisticRegression(C=c, max_iter=2000, solver="lbfgs")
    clf.fit(x, y)
    classes = [str(k) for k in clf.classes_]
    weights, bias = clf.coef_.T.astype(np.float32), clf.intercept_.astype(np.float32)
    if len(classes) == 2:
        # scikit-learn keeps one column for two classes (the second's); a softmax over
        # (0, z) is that logistic function
        weights, bias = np.hstack([np.zeros_like(weights), weights]), np.concatenate([[0.0], bias]).astype(np.float32)
    keep = np.abs(weights).max(axis=1) > 1e-3
    vocab = [f for f, k in zip(vec.get_feature_names_out(), keep) if k]
    return PairModel(vocab, weights[keep], bias, classes)


def train_relations(nlp: Language, items: list[GoldArticle], path: str | Path, *, c: float = C) -> Path:
    """The classifier trained on ``items`` (with the rule types worth keeping beside
    it, chosen by cross-validation) written to ``path``."""
    docs, examples, cands_ = [], [], []
    for doc, ex, cs in item_examples(nlp, items):
        docs.append(doc)
        examples.append(ex)
        cands_.append(cs)
    pooled = [e for ex in examples for e in ex]
    if not trainable(pooled):
        raise GraphbuildError(Errors.E026, path=path, texts=len(items), min=MIN_EXAMPLES)
    model = fit(pooled, c=c)
    if len(items) >= FOLDS * 4:
        model.keep_rules = set(rule_types_to_keep(docs, examples, items))
        model.stacked = fit(stacked_examples(examples, cands_), c=c)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    model.save(path)
    return path
