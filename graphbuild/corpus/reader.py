"""Reading input files: paths and directories to decoded sources.

Supported: ``.txt``, ``.md``, ``.html``/``.htm`` (scripts and navigation
dropped), ``.jsonl`` (one article per line, ``text`` required), and
directories of them, recursively. Encodings: UTF-8 (BOM or not), GB18030/GBK
and Big5.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_bytes("工会".encode("gb18030"))
>>> [s.text for s in read_path(d / "a.txt")]
['工会']
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from graphbuild.errors import Errors, GraphbuildError

SUFFIXES = {".txt", ".md", ".html", ".htm", ".jsonl"}
MAX_BYTES = 16 * 1024 * 1024
_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass
class Source:
    """One unit of input text: a page file, an HTML page, or a JSONL record."""

    path: str
    text: str
    kind: str  # "page" (may hold several articles) or "article"
    line: int | None = None
    meta: dict[str, str] = field(default_factory=dict)


@dataclass
class Problem:
    """A bad input that was reported and skipped, or (``[W…]``) a warning about one that was read."""

    path: str
    message: str

    @property
    def is_warning(self) -> bool:
        return self.message.rstrip().endswith("]") and "[W" in self.message[-8:]


_ANNOTATIONS = {"gold", "genre"}


def iter_files(paths: list[str | Path]) -> Iterator[Path]:
    """Expand paths and directories (recursively, sorted) to input files."""
    for p in paths:
        path = Path(p)
        if not path.exists():
            raise GraphbuildError(Errors.E001, path=path)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and f.suffix.lower() in SUFFIXES and not _hidden(f, path):
                    yield f
        else:
            yield path


def _hidden(f: Path, root: Path) -> bool:
    """Hidden files, ``gold/`` and ``genre/`` folders (annotated training and
    measuring data) and READMEs: annotations and documentation are not inputs."""
    parts = f.relative_to(root).parts
    return any(part.startswith(".") for part in parts) or bool(_ANNOTATIONS & set(parts[:-1])) or f.stem.upper() == "README"


# binary is judged by its share of control bytes, not by one stray NUL
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f") + b"\x7f"
# what a read text keeps of them: spaces
_CONTROL_TO_SPACE = dict.fromkeys(_CONTROL_BYTES, " ")
MAX_CONTROL_SHARE = 0.10
# a text with at most this share of undecodable bytes is kept, those bytes replaced
MAX_BAD_SHARE = 0.02


def decode(data: bytes, path: str | Path) -> str:
    """Decode bytes as UTF-8, GB18030 or Big5; a clear error otherwise (see ``decode_lenient``)."""
    return decode_lenient(data, path)[0]


def decode_lenient(data: bytes, path: str | Path) -> tuple[str, str | None]:
    r"""The text and, when some bytes could not be decoded and were replaced,
    a one-line warning that says how many.

    >>> decode_lenient("工会".encode() + b"\xff" + "新闻".encode(), "a.txt")
    ('工会�新闻', 'a.txt: 1 undecodable byte(s) replaced (decoded as utf-8) [W002]')
    """
    if not data:
        raise GraphbuildError(Errors.E002, path=path)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:  # a UTF-16 byte order mark, then no UTF-16 (or cut short)
            raise GraphbuildError(Errors.E004, path=path, tried="utf-16 (by its byte order mark)") from None
    head = data[:65536]
    controls = sum(head.count(b) for b in _CONTROL_BYTES)
    if controls > max(8, len(head) * MAX_CONTROL_SHARE):
        raise GraphbuildError(Errors.E003, path=path, what=f"{controls} control bytes in {len(head)}")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    candidates = []
    for enc in ("gb18030", "big5"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((enc, text))
    if len(candidates) == 1:
        return candidates[0][1], None
    if candidates:
        # both decode: the right one reads as common characters
        return max(candidates, key=lambda c: _common_share(c[1]))[1], None
    truncated = _truncated_utf8(data)
    if truncated is not None:  # UTF-8 cut inside its last character: keep the text, say so
        return truncated, f"{path}: truncated UTF-8 at the end; the incomplete last character was dropped [W001]"
    # mostly one encoding with a few bad bytes (a stray GBK phrase in UTF-8): keep what reads
    limit = max(1, len(data) * MAX_BAD_SHARE)
    readable = []
    for enc in ("utf-8", "gb18030", "big5"):
        text = data.decode(enc, errors="replace")
        bad = text.count("\ufffd") - data.decode(enc, errors="ignore").count("\ufffd")
        if bad <= limit:
            readable.append((_common_share(text), enc, text, bad))
    # the right one reads as common characters (random high bytes decode to rare ones)
    share, enc, text, bad = max(readable, default=(0.0, "", "", 0), key=lambda r: r[0])
    if share >= 0.6:
        return text, f"{path}: {bad} undecodable byte(s) replaced (decoded as {enc}) [W002]"
    from charset_normalizer import from_bytes

    guess = from_bytes(data).best()
    if guess is not None and _CJK.search(str(guess)):
        return str(guess), None
    raise GraphbuildError(Errors.E004, path=path, tried="utf-8, gb18030, big5")


def _truncated_utf8(data: bytes) -> str | None:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            return data[: exc.start].decode("utf-8", errors="strict").lstrip("\ufeff") or None
    return None


def _common_share(text: str) -> float:
    """Share of CJK characters among the 3,755 most common (GB2312 level 1)."""
    from graphbuild.corpus.normalize import to_simplified

    chars = [c for c in to_simplified(text[:4000]) if _CJK.match(c)]
    if not chars:
        return 0.0
    common = 0
    for c in chars:
        try:
            b = c.encode("gb2312")
        except UnicodeEncodeError:
            continue
        common += 0xB0 <= b[0] <= 0xD7
    return common / len(chars)


def _check_text(text: str, path: str | Path) -> str:
    if not text.strip():
        raise GraphbuildError(Errors.E002, path=path)
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(8, len(text[:4096]) // 20):
        raise GraphbuildError(Errors.E003, path=path, what=f"{controls} control characters")
    if not _CJK.search(text):
        raise GraphbuildError(Errors.E008, path=path)
    return text


def html_to_text(html: str) -> tuple[str, str]:
    """Visible article text of an HTML page, paragraphs separated by blank lines."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    for tag in soup(["script", "style", "nav", "header", "footer", "aside", "noscript", "form", "iframe", "template"]):
        tag.decompose()
    nav_classes = {"nav", "navbar", "menu", "breadcrumb", "sidebar", "footer", "header"}
    for tag in soup.find_all(lambda t: t.get("role") == "navigation" or bool(nav_classes & set(t.get("class") or []))):
        tag.decompose()
    title = soup.title.get_text(strip=True) if soup.title else ""
    body = soup.body or soup
    blocks = []
    for el in body.find_all(["h1", "h2", "h3", "h4", "p", "li", "td", "figcaption", "pre", "div"]):
        if el.find(["h1", "h2", "h3", "h4", "p", "li", "td", "div"]):
            continue  # only leaf blocks
        text = el.get_text(" ", strip=True)
        if text:
            blocks.append(("# " if el.name in ("h1", "h2", "h3") else "") + text)
    return "\n\n".join(blocks), title


def read_file(path: Path, *, max_bytes: int = MAX_BYTES) -> Iterator[Source | Problem]:
    """Sources of one file; per-line problems of a JSONL file come as Problems."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise GraphbuildError(Errors.E007, path=path, suffix=suffix)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise GraphbuildError(Errors.E016, path=path, size=size, limit=max_bytes)
        data = path.read_bytes()
    except OSError as exc:
        raise GraphbuildError(Errors.E019, path=path, detail=exc.strerror or exc) from exc
    try:
        text, warning = decode_lenient(data, path)
        if warning:
            yield Problem(str(path), warning)
    except GraphbuildError:
        # UTF-8 cut inside its last character: keep the text, say so
        text = _truncated_utf8(data)
        if text is None:
            raise
        yield Problem(str(path), f"{path}: truncated UTF-8 at the end; the incomplete last character was dropped [W001]")
    # stray control characters (a NUL or two) become spaces: one for one, so offsets hold
    text = text.translate(_CONTROL_TO_SPACE)
    if suffix == ".jsonl":
        yield from _read_jsonl(path, text)
        return
    if suffix in (".html", ".htm"):
        body, title = html_to_text(text)
        if not body.strip():
            raise GraphbuildError(Errors.E025, path=path)
        yield Source(str(path), _check_text(body, path), "page", meta={"title": title} if title else {})
        return
    yield Source(str(path), _check_text(text, path), "page")


def _read_jsonl(path: Path, text: str) -> Iterator[Source | Problem]:
    any_line = False
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        any_line = True
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Problem(str(path), str(GraphbuildError(Errors.E005, path=path, line=n, detail=exc.msg)))
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str) or not rec["text"].strip():
            yield Problem(str(path), str(GraphbuildError(Errors.E006, path=path, line=n)))
            continue
        meta = {k: str(rec[k]) for k in ("id", "title", "date", "source") if rec.get(k) is not None}
        yield Source(str(path), rec["text"], "article", line=n, meta=meta)
    if not any_line:
        raise GraphbuildError(Errors.E002, path=path)


def read_path(path: str | Path) -> list[Source]:
    """All sources of one path (problems raise). Handy in tests and notebooks."""
    out = []
    for f in iter_files([path]):
        for item in read_file(f):
            if isinstance(item, Problem):
                raise GraphbuildError(Errors.E019, path=item.path, detail=item.message)
            out.append(item)
    return out
