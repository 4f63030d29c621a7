"""Articles: the unit that extraction, the cache and the workers work on.

>>> arts = list(articles_from_text("标题\\n\\n本报讯 大连市总工会开会,好。", path="p.txt"))
>>> a = arts[0]
>>> a.title, a.text[a.text.find("大连"):][:6]
('标题', '大连市总工会')
>>> s = a.text.find("开会")
>>> a.original_text(s, s + 3)
'开会,'
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from graphbuild.corpus.normalize import normalize
from graphbuild.corpus.reader import Problem, Source, iter_files, read_file
from graphbuild.corpus.segment import split_articles
from graphbuild.errors import GraphbuildError


@dataclass
class Article:
    """One article: normalized text plus the map to its source's original text."""

    doc_id: str
    source: str
    title: str
    text: str  # normalized
    starts: tuple[int, ...]  # original offset of each normalized char
    ends: tuple[int, ...]
    original: str  # the original text from starts[0] to ends[-1]
    base: int  # original offset of ``original``
    title_end: int = 0  # normalized offset where the headline block ends
    meta: dict[str, str] = field(default_factory=dict)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the source's original text of normalized ``[start, end)``."""
        if start >= end:
            pos = self.starts[start] if start < len(self.starts) else self.base + len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def original_text(self, start: int, end: int) -> str:
        s, e = self.original_span(start, end)
        return self.original[s - self.base : e - self.base]

    @property
    def content_hash(self) -> str:
        return hashlib.sha1(self.text.encode("utf-8")).hexdigest()


# An article longer than this is extracted in pieces cut at paragraph or sentence ends:
# the rules look across a whole article, and pieces keep their cost in proportion to length.
MAX_ARTICLE_CHARS = 20_000
# A run longer than this without a sentence end (OCR output, a flattened table) gets a line
# break (of no width in the original) before the tagger and the rules see it.
MAX_RUN_CHARS = 300
_SENTENCE_END = re.compile(r"[。！？!?；;\n]")
_SOFT_END = "，,、：: ）)”"


def pieces(text: str, start: int, end: int, limit: int = MAX_ARTICLE_CHARS) -> list[tuple[int, int]]:
    r"""``[start, end)`` cut into pieces of at most ``limit`` characters, each
    ending at a paragraph break, else a sentence end, else where the limit falls.

    >>> pieces("甲。乙乙。\n\n丙丙丙。", 0, 11, limit=6)
    [(0, 6), (6, 11)]
    """
    out = []
    while end - start > limit:
        window = text[start : start + limit]
        cut = window.rfind("\n\n")
        if cut < limit // 4:
            cut = max(window.rfind(ch) for ch in "\n。！？!?；")
        cut = start + (cut + 1 if cut >= limit // 4 else limit)
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def break_long_runs(text: str, starts: list[int], ends: list[int], limit: int = MAX_RUN_CHARS) -> tuple[str, list[int], list[int]]:
    r"""Insert a line break into every run of over ``limit`` characters without a
    sentence end (after its last comma or pause if it has one); each break maps
    to no character of the original (its start and end are the position before it).

    >>> t, s, e = break_long_runs("甲乙，丙丁戊己", [0, 1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6, 7], limit=4)
    >>> t, s[3], e[3]
    ('甲乙，\n丙丁戊己', 3, 3)
    """
    if len(text) <= limit:
        return text, starts, ends
    chars: list[str] = []
    out_s: list[int] = []
    out_e: list[int] = []
    run_start = 0  # index in the output where the current run began
    last_soft = -1
    for i, ch in enumerate(text):
        chars.append(ch)
        out_s.append(starts[i])
        out_e.append(ends[i])
        if _SENTENCE_END.match(ch):
            run_start, last_soft = len(chars), -1
            continue
        if ch in _SOFT_END:
            last_soft = len(chars)
        if len(chars) - run_start > limit:
            at = last_soft if last_soft > run_start + limit // 4 else len(chars) - 1
            pos = out_e[at - 1]
            chars.insert(at, "\n")
            out_s.insert(at, pos)
            out_e.insert(at, pos)
            run_start, last_soft = at + 1, -1
    return "".join(chars), out_s, out_e


def _article(source: Source, index: int, stem: str, norm, start: int, end: int, title: str, title_end: int) -> Article:  # noqa: ANN001
    text, starts, ends = break_long_runs(norm.text[start:end], list(norm.starts[start:end]), list(norm.ends[start:end]))
    base = starts[0] if starts else 0
    top = ends[-1] if ends else 0
    starts, ends = tuple(starts), tuple(ends)
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    meta = dict(source.meta)
    if source.line is not None:
        meta["line"] = str(source.line)
    doc_id = meta.get("id") or f"{stem}-{index:02d}-{digest}"
    return Article(doc_id, source.path, title, text, starts, ends, norm.original[base:top], base, title_end - start, meta)


def articles_from_source(source: Source, *, stem: str | None = None, index0: int = 0) -> list[Article]:
    """Cut one source into articles (a JSONL record is one article)."""
    stem = stem or Path(source.path).stem
    norm = normalize(source.text)
    if not norm.text.strip():
        return []
    if source.kind == "article":
        s = len(norm.text) - len(norm.text.lstrip())
        e = len(norm.text.rstrip())
        spans = [(s, e, source.meta.get("title", ""), s)]
    else:
        fallback_title = source.meta.get("title", "")
        spans = [(sp.start, sp.end, sp.title or fallback_title, sp.title_end) for sp in split_articles(norm.text)]
    out = []
    for s, e, title, title_end in spans:
        for ps, pe in pieces(norm.text, s, e):
            out.append(_article(source, index0 + len(out), stem, norm, ps, pe, title, max(title_end, ps)))
    return out


def articles_from_text(text: str, *, path: str = "<text>") -> Iterator[Article]:
    """Articles of a page given as a string."""
    yield from articles_from_source(Source(path, text, "page"))


def read_articles(paths: Iterable[str | Path]) -> Iterator[Article | Problem]:
    """Articles of every file under ``paths``; bad files come as Problems."""
    for f in iter_files(list(paths)):
        index = 0
        try:
            for item in read_file(f):
                if isinstance(item, Problem):
                    yield item
                    continue
                arts = articles_from_source(item, index0=index)
                index += len(arts)
                yield from arts
        except GraphbuildError as exc:
            yield Problem(str(f), str(exc))
