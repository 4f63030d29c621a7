"""spaCy's Chinese tokenizer with a linear-time ``char`` segmenter.

spaCy's char path aligns every character with ``text[pos:].index(c)``, which
copies the rest of the text for each character (quadratic: 2-3 µs a character
on an article, more than half of what all our rule components take). This
subclass makes the same words and spaces in one pass; ``pkuseg`` and ``jieba``
are spaCy's own. Registered as ``graphbuild.ChineseTokenizer.v1``.

>>> from spacy.util import get_words_and_spaces
>>> text = "新就业 形态\\n\\n 劳动者 "
>>> char_words_and_spaces(text) == get_words_and_spaces(list(text), text)
True
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.lang.zh import ChineseTokenizer, Segmenter
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

from graphbuild.nlp.candidates import TEXT


def char_words_and_spaces(text: str) -> tuple[list[str], list[bool]]:
    """One word a non-space character; a space right after it is its trailing
    space; any other whitespace run is a word of its own (what
    ``spacy.util.get_words_and_spaces(list(text), text)`` returns)."""
    words: list[str] = []
    spaces: list[bool] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            j = i + 1
            while j < n and text[j].isspace():
                j += 1
            words.append(text[i:j])
            spaces.append(False)
            i = j
        else:
            words.append(c)
            i += 1
            if i < n and text[i] == " ":
                spaces.append(True)
                i += 1
            else:
                spaces.append(False)
    return words, spaces


class FastCharChineseTokenizer(ChineseTokenizer):
    def __call__(self, text: str) -> Doc:
        if self.segmenter != Segmenter.char.value:
            return super().__call__(text)
        words, spaces = char_words_and_spaces(text)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data[TEXT] = text  # spares text_of() rebuilding it from the tokens
        return doc


@registry.tokenizers("graphbuild.ChineseTokenizer.v1")
def create_tokenizer(segmenter: str = "char") -> Callable[[Language], ChineseTokenizer]:
    def make(nlp: Language) -> ChineseTokenizer:
        return FastCharChineseTokenizer(nlp.vocab, segmenter=segmenter)

    return make
