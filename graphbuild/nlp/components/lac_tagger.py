"""The LAC layer as a spaCy component: words, POS and PER/ORG/LOC on the doc."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from graphbuild.nlp.candidates import text_of
from graphbuild.nlp.lac import Token, tag_many

TOKENS = "gb_lac"


@Language.factory("gb_lac", default_config={"batch_size": 32})
def make_lac_tagger(nlp: Language, name: str, batch_size: int) -> LacTagger:
    return LacTagger(batch_size=batch_size)


class LacTagger:
    """Tags one doc, or (``nlp.pipe``) up to ``batch_size`` docs whose sentences
    share the encoder's batches. ``nlp.pipe``'s own batch size (1000 by
    default) only lowers it: more docs at once gain nothing and cost memory."""

    def __init__(self, *, batch_size: int = 32) -> None:
        self.batch_size = batch_size

    def __call__(self, doc: Doc) -> Doc:
        (doc.user_data[TOKENS],) = tag_many([text_of(doc)])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        for batch in minibatch(docs, size=min(batch_size or self.batch_size, self.batch_size)):
            for doc, tokens in zip(batch, tag_many([text_of(d) for d in batch])):
                doc.user_data[TOKENS] = tokens
                yield doc


def lac_tokens(doc: Doc) -> list[Token]:
    return doc.user_data.get(TOKENS, [])
