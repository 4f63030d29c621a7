"""The learned relation step: a classifier over candidate pairs of mentions.

For every two mentions of one sentence whose types some relation allows, it
reads ``pair_features`` (types, order, distance, the words between, cue
words, and the rules' verdict on the pair) and predicts a relation type or
none. It decides every pair it sees; a relation the rules found across
sentences (a subject carried on, places on the administrative map) for a
pair it never saw in that sentence stays as the rules found it.

The model is a multinomial logistic regression stored as plain arrays
(``relations.npz``: the feature vocabulary, weights and biases), trained by
``graphbuild train``; without it the component leaves the rules' relations.
A second one stored beside it reads the same features and what the first
decided for the pair of a list's next item (``sibling_features``), so that
the items of one list (X授予甲、乙、丙) are decided together.

>>> from graphbuild.nlp.pipeline import load
>>> load().pipe_names[-2:]
['gb_relation_classifier', 'gb_entity_filter']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, repeat
from pathlib import Path
from typing import NamedTuple

import numpy as np
from scipy.sparse import csr_matrix

try:
    from scipy.sparse._sparsetools import csr_matvecs as _csr_matvecs
except ImportError:  # (a private module: without it, the public sparse product)
    _csr_matvecs = None
from spacy.language import Language
from spacy.tokens import Doc, Span

from graphbuild.nlp.candidates import collector_paused, text_of
from graphbuild.nlp.components.lac_tagger import lac_tokens
from graphbuild.nlp.components.ner import loaded, model_path
from graphbuild.nlp.components.relations import _YEAR, RELATIONS, Relation, _alt, cues, relations
from graphbuild.nlp.pair_features import cross_features, name_features, pair_features
from graphbuild.schema import ACTIVITIES, BODIES, HOLDERS, RELATION_TYPES, SYMMETRIC, allowed

MODEL_FILE = "relations.npz"
# the classifier's sentence: a list after a colon (获得奖章的职工包括：A；B，C…) stays with its head
SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")
NONE = "NONE"
THRESHOLD_FOR_SIBLINGS = 0.5
CUE_CLASSES = ("organize_verbs", "partner_cues", "participate_verbs", "award_verbs", "target_cues", "located_verbs", "title_words")


@dataclass
class Candidate:
    head: Span
    tail: Span
    sent: tuple[int, int]
    features: list[str]
    # the pairs of a list's next item, one per end: (which end, that pair's key)
    siblings: tuple[tuple[str, tuple[int, str, str]], ...] = ()
    # the ends' names and types, read once (a span reads them from the string store each time)
    hid: str = ""
    tid: str = ""
    types: tuple[str, str] = ("", "")

    def __post_init__(self) -> None:
        if not self.hid:
            self.hid, self.tid = self.head.id_, self.tail.id_
            self.types = (self.head.label_, self.tail.label_)

    @property
    def key(self) -> tuple[int, str, str]:
        return (self.sent[0], self.hid, self.tid)


class PairModel:
    """A linear model over sparse string features: ``scores = W[features].sum() + b``."""

    def __init__(
        self, vocab: list[str], weights: np.ndarray, bias: np.ndarray, classes: list[str], keep_rules: Iterable[str] = ()
    ) -> None:
        self.index = {f: i for i, f in enumerate(vocab)}
        self.weights = weights
        # with a zero row after the weights: what a feature the model does not know reads
        self._rows = np.vstack([weights.astype(np.float32), np.zeros((1, weights.shape[1]), dtype=np.float32)])
        self.bias = bias
        self.classes = classes
        # the types whose rule relations stay beside the model's (chosen in training)
        self.keep_rules = set(keep_rules)
        # a second model that also reads what this one decided for the next items of a list
        self.stacked: PairModel | None = None
        self._joint_index: dict[str, int] = {}
        self._joint_rows: np.ndarray | None = None

    @classmethod
    def load(cls, path: str | Path) -> PairModel:
        with np.load(path, allow_pickle=False) as z:
            keep = str(z["keep_rules"]).split("\n") if "keep_rules" in z.files else []
            classes = str(z["classes"]).split("\n")
            model = cls(str(z["vocab"]).split("\n"), z["weights"].astype(np.float32), z["bias"], classes, [k for k in keep if k])
            if "s_vocab" in z.files:
                model.stacked = cls(str(z["s_vocab"]).split("\n"), z["s_weights"].astype(np.float32), z["s_bias"], classes)
            return model

    def save(self, path: str | Path) -> None:
        arrays = {
            "vocab": np.array("\n".join(sorted(self.index, key=self.index.get))),  # type: ignore[arg-type]
            "weights": self.weights.astype(np.float16),
            "bias": self.bias,
            "classes": np.array("\n".join(self.classes)),
            "keep_rules": np.array("\n".join(sorted(self.keep_rules))),
        }
        if self.stacked is not None:
            st = self.stacked
            arrays["s_vocab"] = np.array("\n".join(sorted(st.index, key=st.index.get)))  # type: ignore[arg-type]
            arrays["s_weights"] = st.weights.astype(np.float16)
            arrays["s_bias"] = st.bias
        np.savez_compressed(path, **arrays)

    def decisions(self, cands_: list[Candidate], probs: np.ndarray, threshold: float) -> dict[tuple[int, str, str], str]:
        """Each pair's class, or none below ``threshold``."""
        best = probs.argmax(axis=1).tolist() if len(cands_) else []
        return {
            c.key: self.classes[k] if p[k] >= threshold else NONE for c, k, p in zip(cands_, best, probs)
        }

    def proba_many(self, many: list[list[str]]) -> np.ndarray:
        """Class probabilities of many feature lists at once (one numpy pass)."""
        if not many:
            return np.empty((0, len(self.classes)), dtype=np.float32)
        return _softmax(_sums(many, self.index, self._rows) + self.bias)

    def stacked_proba_many(self, many: list[list[str]], more: Callable[[np.ndarray], list[list[str]]]) -> np.ndarray:
        """The second model's class probabilities: of the features ``many`` and the
        ``more`` that the first model's probabilities give (both models' sums of
        ``many`` in one pass, over the two vocabularies joined)."""
        assert self.stacked is not None
        if not many:
            return np.empty((0, len(self.classes)), dtype=np.float32)
        n = len(self.classes)
        both = _sums(many, *self._joint())
        first = _softmax(both[:, :n] + self.bias)
        st = self.stacked
        return _softmax(both[:, n:] + _sums(more(first), st.index, st._rows) + st.bias)

    def _joint(self) -> tuple[dict[str, int], np.ndarray]:
        if self._joint_rows is None:
            st = self.stacked
            assert st is not None
            index = dict(self.index)
            for f in st.index:
                index.setdefault(f, len(index))
            rows = np.zeros((len(index) + 1, 2 * len(self.classes)), dtype=np.float32)
            rows[: len(self.index), : len(self.classes)] = self.weights
            rows[[index[f] for f in st.index], len(self.classes) :] = st.weights[list(st.index.values())]
            self._joint_index, self._joint_rows = index, rows
        return self._joint_index, self._joint_rows


def _sums(many: list[list[str]], index: dict[str, int], rows: np.ndarray) -> np.ndarray:
    """Each feature list's sum of its features' rows (a feature not in ``index`` weighs
    nothing: the last row is zeros), as one sparse product: a fraction of the time of
    gathering the rows and summing them."""
    unknown = len(rows) - 1
    found = np.fromiter(map(index.get, chain.from_iterable(many), repeat(unknown)), dtype=np.int64)
    bounds = np.zeros(len(many) + 1, dtype=np.int64)
    np.cumsum([len(features) for features in many], out=bounds[1:])
    ones = np.ones(len(found), dtype=np.float32)
    if _csr_matvecs is None:
        return np.asarray(csr_matrix((ones, found, bounds), shape=(len(many), len(rows))) @ rows)
    # scipy's kernel itself: the sparse matrix's checks cost more than the product on an article's pairs
    out = np.zeros((len(many), rows.shape[1]), dtype=np.float32)
    _csr_matvecs(len(many), len(rows), rows.shape[1], bounds, found, ones, rows.ravel(), out.ravel())
    return out


def _softmax(z: np.ndarray) -> np.ndarray:
    z = np.exp(z - z.max(axis=1, keepdims=True))
    return z / z.sum(axis=1, keepdims=True)


@lru_cache(maxsize=128)
def _allowed_pair(hl: str, tl: str) -> bool:
    return any(allowed(r, hl, tl) for r in RELATION_TYPES)


class Mark(NamedTuple):
    """A mention with what a span would look up in the string store at each read."""

    span: Span
    name: str
    start: int
    end: int
    label: str


def candidates(doc: Doc) -> Iterator[Candidate]:
    """Every ordered pair of mentions of one sentence that some relation allows."""
    text = text_of(doc)
    # the mentions in text order
    marks = sorted(
        (Mark(sp, sp.id_, sp.start_char, sp.end_char, sp.label_) for sp in doc.spans.get("entities", [])), key=lambda m: (m.start, -m.end)
    )
    rule_types: dict[tuple[str, str], set[str]] = {}
    for r in relations(doc):
        rule_types.setdefault((r.head, r.tail), set()).add(r.type)
        if r.type in SYMMETRIC:
            rule_types.setdefault((r.tail, r.head), set()).add(r.type)
    cue_rx, cue_of = _cue_words()
    words = lac_tokens(doc)  # (start, end, text, tag) tuples in text order
    word_starts = [w[0] for w in words]
    mark_starts = [m.start for m in marks]
    prev: list[Mark] = []  # the sentence before, in the same paragraph
    topic: list[Mark] = []  # the article's first activity: what later sentences most often mean
    for m in SENTENCE.finditer(text):
        s, e = m.span()
        ents = [x for x in marks[bisect.bisect_left(mark_starts, s) : bisect.bisect_left(mark_starts, e)] if x.end <= e]
        if not ents:
            if "\n" in m.group():
                prev = []
            continue
        mentions = [(x.start, x.end, x.label) for x in ents]
        # (pair_features reads the verbs among the words: found once for all the sentence's pairs)
        sent_verbs = [w for w in words[bisect.bisect_left(word_starts, s) : bisect.bisect_left(word_starts, e)] if w[3].startswith("v")]
        # the cue words of the sentence, found once for all its pairs
        sent_cues = [(c.start(), c.end(), name) for c in cue_rx.finditer(text, s, e) for name in cue_of[c.group()]]
        # one pair of mentions for two entities in a sentence: the nearest (a text that names
        # the same few bodies again and again costs no more than one that names them once)
        nearest: dict[tuple[str, str], tuple[int, int, int]] = {}
        named = [(x.name, x.start, x.end, x.label) for x in ents]
        for i, (hid, hs, he, hl) in enumerate(named):
            for j, (tid, ts, te, tl) in enumerate(named):
                if i == j or hid == tid or not _allowed_pair(hl, tl):
                    continue
                gap = max(hs, ts) - min(he, te)
                key = (hid, tid)
                if key not in nearest or gap < nearest[key][0]:
                    nearest[key] = (gap, i, j)
        for _, i, j in sorted(nearest.values(), key=lambda x: (x[1], x[2])):
            h, t = ents[i], ents[j]
            feats = pair_features(
                text,
                (s, e),
                mentions[i],
                mentions[j],
                rule_types.get((h.name, t.name), ()),
                sent_cues,
                mentions,  # (the pair's own are never strictly between them)
                sent_verbs,
            )
            yield _candidate(h, t, (s, e), feats, _siblings(s, named, i, j))
        # across sentences: a holder here and an activity of the sentence before or the topic
        # (出席仪式的有…; 当天，…参加); a body before and an activity here (the subject carried on)
        here_ids = {x.name for x in ents}
        for where, others in (("prev", prev), ("topic", topic)):
            for o in others:
                if o.name in here_ids:
                    continue
                for h in ents:
                    if (o.label in ACTIVITIES or o.label == "Award") and h.label in HOLDERS:
                        head, tail = h, o
                    elif where == "prev" and o.label in BODIES and h.label in ACTIVITIES:
                        head, tail = o, h
                    else:
                        continue
                    feats = cross_features(
                        text, (s, e), (h.start, h.end, h.label), where, f"{head.label}>{tail.label}", rule_types.get((head.name, tail.name), ()), sent_cues
                    )
                    yield _candidate(head, tail, (s, e), feats)
        if not topic:
            topic = [x for x in ents if x.label in ACTIVITIES][:1]
        prev = [] if "\n" in text[e : e + 1] else ents
    # a body named after another one (航天科工集团三院306所, 航天科工集团三院): wherever they are written
    first: dict[str, Mark] = {}
    for x in marks:
        if x.label in BODIES:
            first.setdefault(x.name, x)
    for name, x in first.items():
        for other, ox in first.items():
            if other != name and len(other) >= 2 and name.startswith(other):
                sm = next((m for m in SENTENCE.finditer(text, x.start)), None)
                sent = sm.span() if sm else (x.start, x.end)
                feats = name_features(name, other, x.label, ox.label, rule_types.get((name, other), ()))
                yield _candidate(x, ox, sent, feats)


def _candidate(head: Mark, tail: Mark, sent: tuple[int, int], features: list[str], siblings: tuple = ()) -> Candidate:
    return Candidate(head.span, tail.span, sent, features, siblings, head.name, tail.name, (head.label, tail.label))


def _siblings(s: int, named: list[tuple[str, int, int, str]], i: int, j: int) -> tuple[tuple[str, tuple[int, str, str]], ...]:
    """For the pair of mentions ``i`` and ``j``: at each end, the nearest mention of the
    same type between the two (the next item of a list: A、B、C联合主办X, X授予甲、乙),
    with the pair it makes with the other end."""
    out = []
    for side, a, b in (("h", i, j), ("t", j, i)):
        step = 1 if b > a else -1
        aid, _, _, alabel = named[a]
        bid = named[b][0]
        for k in range(a + step, b, step):
            kid, _, _, kl = named[k]
            if kl == alabel and kid != aid and kid != bid:
                out.append((side, (s, kid, bid) if side == "h" else (s, bid, kid)))
                break
    return tuple(out)


def sibling_features(cand: Candidate, decided: dict[tuple[int, str, str], str]) -> list[str]:
    """What was decided for the pairs of the next items of a list (``Candidate.siblings``)."""
    f = []
    types = "{}>{}".format(*cand.types)
    for side, key in cand.siblings:
        dec = decided.get(key, "nocand")
        f += [f"sib{side}={dec}", f"sib{side}={dec}={types}"]
    return f or ["sib=none"]


@lru_cache(maxsize=1)
def _cue_words() -> tuple[re.Pattern, dict[str, list[str]]]:
    """One regex for the cue words of every class, and each word's classes."""
    c = cues()
    of: dict[str, list[str]] = {}
    for name in CUE_CLASSES:
        for word in c.get(name, []):
            of.setdefault(word, []).append(name)
    return _alt(list(of)), of


@Language.factory("gb_relation_classifier", default_config={"model": MODEL_FILE, "threshold": 0.5})
def make_relation_classifier(nlp: Language, name: str, model: str, threshold: float) -> RelationClassifier:
    return RelationClassifier(model=model, threshold=threshold)


class RelationClassifier:
    def __init__(self, *, model: str = MODEL_FILE, threshold: float = 0.5) -> None:
        self.path = model_path(model)
        self.threshold = threshold

    @property
    def ready(self) -> bool:
        return self.path.is_file()

    def __call__(self, doc: Doc) -> Doc:
        if self.ready:
            doc.user_data[RELATIONS] = classify(doc, loaded(self.path, PairModel.load), self.threshold)
        return doc


def classify(doc: Doc, model: PairModel, threshold: float) -> list[Relation]:
    """The relations of ``doc`` by ``model``, with the rules' where it does not decide."""
    return decide(doc, *scored(doc, model), model, threshold)


def scored(doc: Doc, model: PairModel) -> tuple[list[Candidate], np.ndarray]:
    """``doc``'s candidate pairs and the model's class probabilities for each."""
    with collector_paused():
        cands_ = list(candidates(doc))
        if model.stacked is None:
            probs = model.proba_many([c.features for c in cands_])
        else:

            def siblings(first: np.ndarray) -> list[list[str]]:
                decided = model.decisions(cands_, first, THRESHOLD_FOR_SIBLINGS)
                return [sibling_features(c, decided) for c in cands_]

            probs = model.stacked_proba_many([c.features for c in cands_], siblings)
    return cands_, probs


def decide(doc: Doc, cands_: list[Candidate], probs: np.ndarray, model: PairModel, threshold: float) -> list[Relation]:
    """The relations the scored pairs state, with the rules' where the model does not decide."""
    text = text_of(doc)
    best: dict[tuple[str, str, str], tuple[float, Relation]] = {}
    # each pair's two likeliest classes, for all pairs at once
    seen = {(c.hid, c.tid, c.sent[0]) for c in cands_}
    # only the pairs some relation reaches the threshold for are read further
    none = model.classes.index(NONE) if NONE in model.classes else -1
    reached = probs >= threshold
    if none >= 0:
        reached[:, none] = False
    chosen = np.flatnonzero(reached.any(axis=1)).tolist() if len(cands_) else []
    top_two = np.argsort(-probs[chosen], axis=1)[:, :2].tolist()
    for k, top in zip(chosen, top_two):
        cand, p = cands_[k], probs[k].tolist()
        for ci in top:
            rel = model.classes[ci]
            if rel == NONE or p[ci] < threshold or not allowed(rel, *cand.types):
                continue
            hn, tn = (cand.hid, cand.tid)
            if rel in SYMMETRIC and hn > tn:
                hn, tn = tn, hn
            year = None
            if rel == "AWARDED":
                y = _YEAR.search(text, cand.sent[0], cand.sent[1])
                year = int(y.group(1)) if y else None
            key = (hn, rel, tn)
            if key not in best or p[ci] > best[key][0]:
                best[key] = (float(p[ci]), Relation(hn, rel, tn, cand.sent[0], cand.sent[1], None, year))
    kept = {(r.head, r.type, r.tail): r for _, r in best.values()}
    starts = [m.start() for m in SENTENCE.finditer(text)]
    places = {sp.id_ for sp in doc.spans.get("entities", []) if sp.label_ == "Place"}
    for r in relations(doc):
        key = (r.head, r.type, r.tail)
        # a type the model was not trained on stays the rules', and so do places on the
        # administrative map (SCHEMA: PART_OF between places may follow it) and the
        # relations of the types whose rules training found worth keeping beside the model
        if r.type not in model.classes or r.type in model.keep_rules or r.type == "PART_OF" and r.head in places and r.tail in places:
            if key not in kept or r.title and not kept[key].title:
                kept[key] = r
            continue
        if key in kept:
            if r.title and not kept[key].title:
                kept[key] = r
            continue
        at = starts[max(bisect.bisect_right(starts, r.start) - 1, 0)] if starts else 0
        if (r.head, r.tail, at) not in seen and (r.tail, r.head, at) not in seen:
            kept[key] = r
    return list(kept.values())
