"""The LAC layer as a spaCy component: words, POS and PER/ORG/LOC on the doc."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from graphbuild.nlp.lac import Token, tag

TOKENS = "gb_lac"


@Language.factory("gb_lac")
def make_lac_tagger(nlp: Language, name: str) -> LacTagger:
    return LacTagger()


class LacTagger:
    def __call__(self, doc: Doc) -> Doc:
        doc.user_data[TOKENS] = tag(doc.text)
        return doc


def lac_tokens(doc: Doc) -> list[Token]:
    return doc.user_data.get(TOKENS, [])
