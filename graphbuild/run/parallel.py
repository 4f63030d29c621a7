"""Running extraction over many articles: one process, a pool, or Dask.

Every path produces the same per-article records (the contract), merged later
by the same resolver.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from graphbuild.corpus.articles import Article
from graphbuild.processes import die_with_parent

BATCH = 16  # articles at most in one task
BATCH_CHARS = 6_000  # and about this much text, so tasks cost alike and workers finish together


@dataclass(frozen=True)
class Failure:
    """An article whose extraction raised: its one-line message, in place of a record."""

    message: str


def _extract_batch(articles: list[Article]) -> list[dict[str, Any] | Failure]:
    """The batch's records; when one article makes the batch fail, each is
    extracted alone, and the one that fails gives a Failure (the run goes on)."""
    from graphbuild.extract import extract_article, extract_many

    try:
        return list(extract_many(articles))
    except Exception:  # noqa: BLE001 - isolated below, article by article
        pass
    out: list[dict[str, Any] | Failure] = []
    for art in articles:
        try:
            out.append(extract_article(art))
        except Exception as exc:  # noqa: BLE001 - one article never stops a run
            out.append(Failure(failure_message(art, exc)))
    return out


def failure_message(article: Article, exc: BaseException) -> str:
    from graphbuild.errors import Errors, GraphbuildError

    where = article.meta.get("line") and f"line {article.meta['line']}" or article.doc_id
    detail = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
    return str(GraphbuildError(Errors.E023, path=article.source, article=where, detail=detail))


def _chunks(items: list[Article], size: int, chars: int = BATCH_CHARS) -> Iterator[list[Article]]:
    batch: list[Article] = []
    total = 0
    for art in items:
        if batch and (len(batch) >= size or total + len(art.text) > chars):
            yield batch
            batch, total = [], 0
        batch.append(art)
        total += len(art.text)
    if batch:
        yield batch


def _init_worker() -> None:
    die_with_parent()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    from graphbuild.nlp.pipeline import load_for_extraction

    load_for_extraction()


def run_extraction(
    articles: list[Article],
    *,
    workers: int = 1,
    dask: str | None = None,
) -> Iterable[tuple[Article, dict[str, Any] | Failure]]:
    """Yield (article, record) pairs as they finish: in input order with one
    worker or Dask; with a pool, batch by batch as workers finish them, the
    largest batches first (so no worker is left with a long one at the end).
    The pipeline makes reference cycles, so garbage is collected while it runs
    (and in the pool it forks), whatever the caller set: a build turns
    collection off for itself."""
    with _collecting_garbage():
        yield from _pairs(articles, workers=workers, dask=dask)


@contextmanager
def _collecting_garbage() -> Iterator[None]:
    collecting = gc.isenabled()
    gc.enable()
    try:
        yield
    finally:
        if not collecting:
            gc.disable()


def _pairs(articles: list[Article], *, workers: int, dask: str | None) -> Iterator[tuple[Article, dict[str, Any]]]:
    if not articles:
        return
    batches = list(_chunks(articles, BATCH))
    if dask:
        yield from _run_dask(batches, dask)
        return
    if workers <= 1:
        for batch in batches:
            yield from zip(batch, _extract_batch(batch))
        return
    import multiprocessing as mp

    ctx = mp.get_context("fork" if hasattr(os, "fork") else "spawn")
    largest_first = sorted(enumerate(batches), key=lambda ib: -sum(len(a.text) for a in ib[1]))
    with ctx.Pool(workers, initializer=_init_worker) as pool:
        for i, recs in pool.imap_unordered(_numbered_batch, largest_first):
            yield from zip(batches[i], recs)


def _numbered_batch(item: tuple[int, list[Article]]) -> tuple[int, list[dict[str, Any] | Failure]]:
    return item[0], _extract_batch(item[1])


def _run_dask(batches: list[list[Article]], address: str) -> Iterator[tuple[Article, dict[str, Any]]]:
    from dask.distributed import Client, LocalCluster

    cluster = None
    if address == "local":
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1")
        client = Client(cluster)
    else:
        client = Client(address)
    try:
        futures = client.map(_extract_batch, batches, pure=False)
        for batch, fut in zip(batches, futures):
            yield from zip(batch, fut.result())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
