"""Content-addressed cache of per-article extractions.

The key is the article's normalized text plus the pipeline fingerprint (code,
config and rule files), so an unchanged article is never extracted twice and a
changed pipeline misses everything it must. Offsets are stored relative to the
article's position in its file, so a moved article still hits. Each entry is
written atomically: a build killed part way leaves only whole entries.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from graphbuild.corpus.articles import Article
from graphbuild.io import atomic_write_text


class ExtractionCache:
    def __init__(self, root: str | Path, fingerprint: str) -> None:
        self.dir = Path(root) / fingerprint
        self.fingerprint = fingerprint

    def file_key(self, path: Path) -> str | None:
        """Key of a whole input file: its path, its bytes and the pipeline."""
        try:
            data = path.read_bytes()
        except OSError:
            return None
        h = hashlib.sha256(self.fingerprint.encode() + b"\0" + str(path).encode("utf-8") + b"\0")
        h.update(data)
        return h.hexdigest()

    def get_file(self, key: str) -> list[dict[str, Any]] | None:
        try:
            return json.loads((self.dir / "files" / f"{key}.json").read_text("utf-8"))
        except (FileNotFoundError, json.JSONDecodeError):
            return None

    def put_file(self, key: str, records: list[dict[str, Any]]) -> None:
        atomic_write_text(self.dir / "files" / f"{key}.json", json.dumps(records, ensure_ascii=False))

    def key(self, article: Article) -> str:
        return hashlib.sha256((self.fingerprint + "\0" + article.text).encode("utf-8")).hexdigest()

    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.json"

    def get(self, article: Article) -> dict[str, Any] | None:
        path = self._path(self.key(article))
        try:
            stored = json.loads(path.read_text("utf-8"))
        except (FileNotFoundError, json.JSONDecodeError):
            return None
        return _rebase(stored, article, +article.base)

    def put(self, article: Article, record: dict[str, Any]) -> None:
        atomic_write_text(self._path(self.key(article)), json.dumps(_rebase(record, article, -article.base), ensure_ascii=False))


def _rebase(record: dict[str, Any], article: Article, delta: int) -> dict[str, Any]:
    out = json.loads(json.dumps(record))
    out.update({"doc_id": article.doc_id, "source": article.source, "title": article.title})
    if "date" in article.meta:
        out["date"] = article.meta["date"]
    for e in out["entities"]:
        for m in e["mentions"]:
            m["start"] += delta
            m["end"] += delta
    for r in out["relations"]:
        r["evidence"]["start"] += delta
        r["evidence"]["end"] += delta
    return out
