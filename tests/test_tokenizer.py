"""The linear-time char tokenizer makes exactly spaCy's words and spaces."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.util import get_words_and_spaces

from graphbuild.nlp.tokenizer import char_words_and_spaces

_TEXT = st.text(st.sampled_from(list(" \n\t\r\u3000\xa0ab中文工会，。“”")), max_size=60)


@settings(max_examples=500, deadline=None)
@given(text=_TEXT)
def test_same_words_and_spaces_as_spacy(text: str) -> None:
    assert char_words_and_spaces(text) == get_words_and_spaces(list(text), text)


def test_pipeline_uses_it_and_keeps_the_text(nlp) -> None:
    text = "大连市总工会 开展\n\n“六跨四送双五进”活动。 "
    doc = nlp.make_doc(text)
    assert type(nlp.tokenizer).__name__ == "FastCharChineseTokenizer"
    assert doc.text == text and len(doc) == len(char_words_and_spaces(text)[0])
