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


def _article(source: Source, index: int, stem: str, norm, start: int, end: int, title: str, title_end: int) -> Article:  # noqa: ANN001
    text = norm.text[start:end]
    starts = norm.starts[start:end]
    ends = norm.ends[start:end]
    base = starts[0] if starts else 0
    top = ends[-1] if ends else 0
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
        title = source.meta.get("title", "")
        return [_article(source, index0, stem, norm, s, e, title, s)]
    spans = split_articles(norm.text)
    fallback_title = source.meta.get("title", "")
    return [
        _article(source, index0 + i, stem, norm, sp.start, sp.end, sp.title or fallback_title, sp.title_end)
        for i, sp in enumerate(spans)
    ]


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
