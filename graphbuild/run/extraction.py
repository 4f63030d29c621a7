r"""Running extraction over files: reading, the cache, the extraction child and
its pool or Dask, and failure isolation (one bad article is a Problem, not
the end of the run). ``graphbuild extract`` and ``graphbuild build`` both
pass through here.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("标题\n\n本报讯 山东省总工会主席徐海荣说，好。", "utf-8")
>>> ext = extract_records(paths=[d])
>>> len(ext.records), ext.problems
(1, [])
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphbuild.cache import ExtractionCache
from graphbuild.cli.common import progress
from graphbuild.corpus.articles import Article, read_articles
from graphbuild.corpus.reader import Problem, iter_files
from graphbuild.io import atomic_open
from graphbuild.nlp.pipeline import pipeline_fingerprint
from graphbuild.processes import die_with_parent
from graphbuild.run.parallel import Failure, run_extraction


@dataclass
class Extraction:
    records: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    cache_hits: int = 0
    extracted: int = 0


def extract_records(
    *, paths: list[str | Path], workers: int = 1, dask: str | None = None, cache_dir: str | Path | None = None
) -> Extraction:
    """Read, extract (with the cache if given) and return records in input order.

    With a cache, an unchanged file (same path, bytes and pipeline) is not
    even read into articles: its records come back whole; in a changed file,
    only the articles whose text changed are extracted."""
    return start_extraction(paths=paths, workers=workers, dask=dask, cache_dir=cache_dir).result()


def start_extraction(
    *,
    paths: list[str | Path],
    workers: int = 1,
    dask: str | None = None,
    cache_dir: str | Path | None = None,
    background: bool = False,
) -> PendingExtraction:
    """Read the files and the cache now; extract what the cache lacks in
    ``result()``, or, with ``background``, in a child forked first, which loads
    the pipeline while this process reads the cache, then extracts what it is
    sent; the caller prepares its next steps meanwhile (``build`` imports the
    store's client and reads the last build)."""
    cache = ExtractionCache(cache_dir, pipeline_fingerprint()) if cache_dir else None
    pending = PendingExtraction(cache, workers=workers, dask=dask)
    if background and not dask and "fork" in multiprocessing.get_all_start_methods():
        pending.fork()
    try:
        pending.read(paths)
    except BaseException:
        pending.cancel()
        raise
    pending.send_work()
    return pending


class PendingExtraction:
    """An extraction under way: see ``start_extraction``."""

    def __init__(self, cache: ExtractionCache | None, *, workers: int = 1, dask: str | None = None) -> None:
        self.cache, self.workers, self.dask = cache, workers, dask
        self.extraction = Extraction()
        self.per_file: list[tuple[str | None, list[Article] | None, list[dict[str, Any]] | None]] = []
        self.todo: list[Article] = []
        self.done: dict[str, dict[str, Any]] = {}
        self._child: tuple[Any, Any] | None = None
        self._work: Any = None

    def read(self, paths: list[str | Path]) -> None:
        cache, result = self.cache, self.extraction
        for f in iter_files(list(paths)):
            fkey = cache.file_key(f) if cache else None
            hit = cache.get_file(fkey) if cache and fkey else None
            if hit is not None:
                self.per_file.append((fkey, None, hit))
                result.cache_hits += len(hit)
                continue
            arts: list[Article] = []
            bad = False
            for item in read_articles([f]):
                if isinstance(item, Problem):
                    result.problems.append(item)
                    bad = True
                    continue
                cached = cache.get(item) if cache else None
                if cached is not None:
                    self.done[item.doc_id] = cached
                    result.cache_hits += 1
                else:
                    self.todo.append(item)
                arts.append(item)
            self.per_file.append((None if bad else fkey, arts, None))

    def fork(self) -> None:
        ctx = multiprocessing.get_context("fork")
        work, parent_end = ctx.Pipe(duplex=False)
        results, child_end = ctx.Pipe(duplex=False)
        # not a daemon: with workers > 1 it starts a pool of its own
        child = ctx.Process(target=_extract_child, args=(self.workers, work, child_end))
        child.start()
        work.close()
        child_end.close()
        self._child = (child, results)
        self._work = parent_end

    def send_work(self) -> None:
        """Give the child what the cache lacks; with nothing, stop it."""
        if self._child is None:
            return
        if self.todo:
            self._work.send(self.todo)
            self._work.close()
        else:
            self.cancel()

    def cancel(self) -> None:
        """Stop the child, if any (it writes nothing: there is nothing to lose)."""
        if self._child is not None:
            self._child[0].kill()
            self._child[0].join()
            self._child = None
        if self._work is not None:
            self._work.close()

    def _extracted(self) -> Iterator[tuple[Article, dict[str, Any]]]:
        if self._child is None:
            yield from run_extraction(self.todo, workers=self.workers, dask=self.dask)
            return
        child, results = self._child
        try:
            while True:  # the child's records one by one, so the cache keeps each even if the build is killed
                try:
                    message = results.recv()
                except EOFError:  # the child died without a word
                    child.join()
                    raise RuntimeError(f"the extraction process ended with exit code {child.exitcode}") from None
                if message[0] == "record":
                    yield self.todo[message[1]], message[2]
                elif message[0] == "error":
                    raise message[1]
                else:
                    break
            child.join()
            self._child = None
        finally:
            self.cancel()  # (after a failure or an interruption)

    def result(self) -> Extraction:
        result, cache = self.extraction, self.cache
        for art, rec in progress(self._extracted(), total=len(self.todo), description="extracting"):
            if isinstance(rec, Failure):
                result.problems.append(Problem(art.source, rec.message))
                continue
            self.done[art.doc_id] = rec
            if cache:
                cache.put(art, rec)
            result.extracted += 1
        for fkey, arts, hit in self.per_file:
            recs = hit if hit is not None else [self.done[a.doc_id] for a in arts or [] if a.doc_id in self.done]
            if cache and fkey and hit is None and not any(a.doc_id not in self.done for a in arts or []):
                cache.put_file(fkey, recs)
            result.records.extend(recs)
        # the articles (texts and offset maps: more than the records at 100x) are not needed any more
        self.todo, self.per_file, self.done = [], [], {}
        return result


def _extract_child(workers: int, work: Any, results: Any) -> None:
    die_with_parent()
    gc.enable()  # its own process: the build turned collection off for itself only
    try:
        from graphbuild.nlp.components.persons import jieba_posseg
        from graphbuild.nlp.pipeline import load_for_extraction

        if workers > 1:
            jieba_posseg()  # (0.9 s: shared by the pool; one process loads it when a text needs it)
        load_for_extraction()  # while the parent reads the cache (a pool forked from here inherits it)
        articles = work.recv()
        index = {id(a): i for i, a in enumerate(articles)}
        for art, rec in run_extraction(articles, workers=workers):
            results.send(("record", index[id(art)], rec))
        results.send(("done",))
    except BaseException as exc:  # the parent raises it
        try:
            results.send(("error", exc))
        except Exception:  # not picklable: its words then
            results.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))
    finally:
        results.close()


def extract(
    *,
    paths: list[str | Path],
    out: str | Path | None = None,
    workers: int = 1,
    cache_dir: str | Path | None = None,
    dask: str | None = None,
) -> Extraction:
    """Extract ``paths`` and write JSON Lines to ``out`` (stdout when None)."""
    result = extract_records(paths=paths, workers=workers, cache_dir=cache_dir, dask=dask)
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in result.records)
    if out is None:
        sys.stdout.write(lines)
    else:
        with atomic_open(out) as fh:
            fh.write(lines)
    return result
