"""Shared CLI plumbing: one-line errors, progress bars that stay quiet when
output is not a terminal, and the run's problems list."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

import typer

from graphbuild.errors import GraphbuildError

T = TypeVar("T")


def fail(message: str, code: int = 2) -> None:
    typer.echo(f"graphbuild: {message}", err=True)
    raise typer.Exit(code)


def friendly(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn GraphbuildError into one line on stderr and exit code 2."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except GraphbuildError as exc:
            fail(str(exc))
        except KeyboardInterrupt:
            fail("interrupted", 130)

    return wrapper


def progress(items: Iterable[T], *, total: int | None = None, description: str = "") -> Iterator[T]:
    """A rich progress bar on a terminal; the bare iterator otherwise."""
    if not sys.stderr.isatty():
        yield from items
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task(description, total=total)
        for item in items:
            yield item
            bar.advance(task)


def report_problems(problems: list[Any]) -> bool:
    """One line each on stderr; whether any is an error (not a warning): the exit code is then 1."""
    for p in problems:
        typer.echo(f"graphbuild: {p.message}", err=True)
    return any(not getattr(p, "is_warning", False) for p in problems)
