"""The learned entity recognizer: a character CRF over the rules' proposals.

It reads each character with its neighbours, LAC's word and tag, and the
candidates the rule components proposed there (``char_features``), and labels
the outer entity mentions (BIO over the nine types). Its spans then replace
the rules' outer layer:

- a predicted span a rule proposed too keeps that candidate (its canonical
  name and the places split off it), with the predicted type;
- a predicted span no rule proposed becomes a candidate of its own (src
  ``ner``), named as written;
- rule candidates inside a predicted span stay (places inside a union's name,
  SCHEMA's "places inside a name"); the others go.

The resolver after it canonicalizes as before. Without a model file the
component passes the rules' candidates through untouched.

>>> from graphbuild.nlp.pipeline import load
>>> "gb_ner" in load().pipe_names
True
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from graphbuild.nlp.candidates import CANDS, Cand, cands, collector_paused, text_of
from graphbuild.nlp.char_features import char_features
from graphbuild.nlp.components.bodies import body_heads
from graphbuild.nlp.components.lac_tagger import lac_tokens

MODEL_FILE = "ner.crfsuite"
T = TypeVar("T")


def model_dir() -> Path:
    return Path(str(resources.files("graphbuild.nlp").joinpath("models")))


def model_path(model: str) -> Path:
    """A component's ``model`` setting: an absolute path, or a file of the shipped models."""
    path = Path(model)
    return path if path.is_absolute() else model_dir() / path


def loaded(path: str | Path, load: Callable[[str], T]) -> T:
    """A trained model file loaded once, by ``load``; loaded again when the file
    changes (`graphbuild train` may rewrite it in this process)."""
    return _loaded(load, str(path), Path(path).stat().st_mtime_ns)


@lru_cache(maxsize=8)
def _loaded(load: Callable[[str], T], path: str, mtime: int) -> T:
    return load(path)


def _open_tagger(path: str):  # noqa: ANN202 - pycrfsuite.Tagger
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    return tagger


def spans_from_tags(tags: list[str]) -> list[tuple[int, int, str]]:
    """BIO tags to ``(start, end, label)`` spans (an I- without its B- opens one).

    >>> spans_from_tags(["B-Union", "I-Union", "O", "I-Place", "B-Person"])
    [(0, 2, 'Union'), (3, 4, 'Place'), (4, 5, 'Person')]
    """
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if tag == "O":  # most characters: nothing opens
            if start >= 0:
                spans.append((start, i, label))
                start = -1
            continue
        kind, lab = tag[0], tag[2:]
        if start >= 0 and (kind != "I" or lab != label):
            spans.append((start, i, label))
            start = -1
        if start < 0:
            start, label = i, lab
    return spans


_MARKS = (("《", "》"), ("“", "”"), ("‘", "’"), ("「", "」"))


def _without_lone_marks(name: str) -> str:
    """A name without the marks that open or close nothing in it (《园岭街道总工会),
    and without the quotes around it whole (SCHEMA: “吉工·双创贴息贷”); quotes
    inside it stay (“六跨四送双五进”活动).

    >>> _without_lone_marks("《园岭街道总工会"), _without_lone_marks("《中国工人》杂志社")
    ('园岭街道总工会', '《中国工人》杂志社')
    >>> _without_lone_marks("“六跨四送双五进”活动"), _without_lone_marks("“吉工·双创贴息贷”"), _without_lone_marks("双进”宣讲")
    ('“六跨四送双五进”活动', '吉工·双创贴息贷', '双进宣讲')
    """
    name = name.strip(" \n\t")
    for opening, closing in _MARKS:
        if opening == "《":
            if name.startswith(opening) and closing not in name:
                name = name[1:]
            if name.endswith(closing) and opening not in name:
                name = name[:-1]
            continue
        if len(name) > 2 and name[0] == opening and name.find(closing) == len(name) - 1:
            name = name[1:-1]  # quoted whole
        if opening in name and closing not in name:
            name = name.replace(opening, "")
        if closing in name and opening not in name:
            name = name.replace(closing, "")
    return name


_QUOTE_REACH = 30  # characters a name's quote may open before it or close after it
_SENTENCE_END = re.compile(r"[。！？!?\n]")


def quotes_closed(text: str, predicted: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Predicted spans that hold one mark of a pair of double quotes reach to
    the other (郏县新春走访慰问困难职工”活动 → “郏县新春走访慰问困难职工”活动), within
    the sentence and short of the spans beside them.

    >>> quotes_closed("开展“郏县新春走访慰问困难职工”活动。", [(3, 17, "Program")])
    [(2, 17, 'Program')]
    """
    out: list[tuple[int, int, str]] = []
    for k, (s, e, label) in enumerate(predicted):
        lo = out[-1][1] if out else 0
        hi = predicted[k + 1][0] if k + 1 < len(predicted) else len(text)
        span = text[s:e]
        close, open_ = span.find("”"), span.find("“")
        if close >= 0 and (open_ < 0 or open_ > close):  # closed, never opened: it opened before
            q = text.rfind("“", max(lo, s - _QUOTE_REACH), s)
            if q >= 0 and "”" not in text[q:s] and not _SENTENCE_END.search(text, q, s):
                s = q
        span = text[s:e]
        if span.count("“") > span.count("”"):  # opened, never closed: it closes after
            q = text.find("”", e, min(hi, e + _QUOTE_REACH))
            if q >= 0 and "“" not in text[e:q] and not _SENTENCE_END.search(text, e, q):
                e = q + 1
        out.append((s, e, label))
    return out


_BODY_KINDS = ("Enterprise", "Organization")
# heads that companies and other bodies share (顺丰创新中心 is a company)
_SHARED_HEADS = {"中心", "部", "委员会", "联合会", "联合体", "联盟", "俱乐部", "工作室", "工作站", "服务站", "司", "办"}


def _by_head(name: str, label: str) -> str:
    """A recognized enterprise or organization is typed by the head of its name
    where the head is one kind's alone (平城区住房城乡建设局 is no company):
    dev 0.784 / 0.591 -> 0.784 / 0.593, train cross-fitted 0.766 / 0.608 -> 0.766 / 0.609."""
    if label not in _BODY_KINDS:
        return label
    suffix = body_heads().suffix(name)
    head = body_heads().label_of.get(suffix or "")
    return head if head in _BODY_KINDS and suffix not in _SHARED_HEADS else label


def merge_with_rules(text: str, predicted: list[tuple[int, int, str]], rule_cands: list[Cand]) -> list[Cand]:
    """The candidates the resolver sees: the predicted outer spans, with the
    rules' names where a rule proposed the same span, and the rules' candidates
    nested inside them."""
    by_span: dict[tuple[int, int], list[Cand]] = {}
    for c in rule_cands:
        by_span.setdefault((c.start, c.end), []).append(c)
    out: list[Cand] = []
    taken: set[int] = set()
    for s, e, label in predicted:
        same = by_span.get((s, e), [])
        if same:
            chosen = [c for c in same if c.label == label] or [max(same, key=lambda c: c.prio)]
            for c in chosen:
                c.label = label
                out.append(c)
                taken.add(id(c))
            continue
        name = _without_lone_marks(text[s:e])
        if name:
            out.append(Cand(s, e, _by_head(name, label), name, "ner"))  # (a rule's span keeps the rule's head)
    # the predicted spans do not overlap: the one that may hold a candidate starts last at or before it
    starts = [s for s, _, _ in predicted]
    for c in rule_cands:
        if id(c) in taken:
            continue
        k = bisect.bisect_right(starts, c.start) - 1
        if k >= 0 and c.end <= predicted[k][1] and (c.start, c.end) != predicted[k][:2]:
            out.append(c)
    return out


@Language.factory("gb_ner", default_config={"model": MODEL_FILE})
def make_ner(nlp: Language, name: str, model: str) -> LearnedEntities:
    return LearnedEntities(model=model)


class LearnedEntities:
    def __init__(self, *, model: str = MODEL_FILE) -> None:
        self.path = model_path(model)

    @property
    def ready(self) -> bool:
        return self.path.is_file()

    def predict(self, doc: Doc) -> list[tuple[int, int, str]]:
        text = text_of(doc)
        if not text:
            return []
        with collector_paused():
            tags = loaded(self.path, _open_tagger).tag(char_features(text, lac_tokens(doc), cands(doc)))
        return spans_from_tags(tags)

    def __call__(self, doc: Doc) -> Doc:
        if not self.ready:
            return doc
        text = text_of(doc)
        doc.user_data[CANDS] = merge_with_rules(text, quotes_closed(text, self.predict(doc)), cands(doc))
        return doc
