"""Running extraction over many articles: one process, a pool, or Dask.

Every path produces the same per-article records (the contract), merged later
by the same resolver.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import Any

from graphbuild.corpus.articles import Article

BATCH = 16


def _extract_batch(articles: list[Article]) -> list[dict[str, Any]]:
    from graphbuild.extract import extract_many

    return extract_many(articles)


def _chunks(items: list[Article], size: int) -> Iterator[list[Article]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _init_worker() -> None:
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    from graphbuild.nlp.pipeline import load

    load()


def run_extraction(
    articles: list[Article],
    *,
    workers: int = 1,
    dask: str | None = None,
) -> Iterable[tuple[Article, dict[str, Any]]]:
    """Yield (article, record) pairs as they finish, in input order per batch."""
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
    with ctx.Pool(workers, initializer=_init_worker) as pool:
        for batch, recs in zip(batches, pool.imap(_extract_batch, batches)):
            yield from zip(batch, recs)


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
