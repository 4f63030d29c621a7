"""The learned entity filter: drops the found entities unlikely to be the article's.

A logistic regression over ``entity_features`` (the name's head and first
characters, its length and mentions, the rule components that proposed it,
LAC's words and the characters around it) gives each resolved entity the
probability that the gold names it; one below ``threshold`` that takes part
in no relation is dropped, with its mentions; one with a relation only below
``threshold_linked``, and its relations with it (the relation step found it
stated with another: a weaker sign, but a sign). Trained by
``graphbuild train`` on the recognizer's output on texts it was not trained
on (``entities.npz``); without it the component passes the entities through.

>>> from graphbuild.nlp.pipeline import load
>>> load().pipe_names[-1]
'gb_entity_filter'
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from graphbuild.nlp.candidates import cands, collector_paused, text_of
from graphbuild.nlp.components.lac_tagger import lac_tokens
from graphbuild.nlp.components.ner import loaded, model_path
from graphbuild.nlp.components.relation_classifier import PairModel
from graphbuild.nlp.components.relations import RELATIONS, relations
from graphbuild.nlp.components.resolver import ENTITIES
from graphbuild.nlp.entity_features import entity_features

MODEL_FILE = "entities.npz"
RIGHT = "right"  # the class of an entity the gold names (the other: "wrong")


@Language.factory("gb_entity_filter", default_config={"model": MODEL_FILE, "threshold": 0.5, "threshold_linked": 0.1})
def make_entity_filter(nlp: Language, name: str, model: str, threshold: float, threshold_linked: float) -> EntityFilter:
    return EntityFilter(model=model, threshold=threshold, threshold_linked=threshold_linked)


class EntityFilter:
    def __init__(self, *, model: str = MODEL_FILE, threshold: float = 0.5, threshold_linked: float = 0.1) -> None:
        self.path = model_path(model)
        self.threshold = threshold
        self.threshold_linked = threshold_linked

    @property
    def ready(self) -> bool:
        return self.path.is_file()

    def __call__(self, doc: Doc) -> Doc:
        entities = doc.user_data.get(ENTITIES, [])
        if not self.ready or not entities:
            return doc
        model = loaded(self.path, PairModel.load)
        linked = {end for r in relations(doc) for end in (r.head, r.tail)}
        # (only the entities it may drop are read)
        loose = entities if self.threshold_linked > 0 else [e for e in entities if e.name not in linked]
        if not loose:
            return doc
        with collector_paused():
            features = entity_features(text_of(doc), loose, cands(doc), lac_tokens(doc), among=entities)
            right = model.proba_many(features)[:, model.classes.index(RIGHT)]
        drop = {(e.name, e.label) for e, p in zip(loose, right.tolist()) if p < (self.threshold_linked if e.name in linked else self.threshold)}
        if drop:
            doc.user_data[ENTITIES] = [e for e in entities if (e.name, e.label) not in drop]
            gone = {n for n, _ in drop} - {e.name for e in doc.user_data[ENTITIES]}
            if gone:
                doc.user_data[RELATIONS] = [r for r in relations(doc) if r.head not in gone and r.tail not in gone]
            doc.spans["entities"] = [sp for sp in doc.spans["entities"] if (sp.id_, sp.label_) not in drop]
            ents = doc.ents
            if any((sp.id_, sp.label_) in drop for sp in ents):  # (setting doc.ents costs: only when it changes)
                doc.ents = [sp for sp in ents if (sp.id_, sp.label_) not in drop]
        return doc
