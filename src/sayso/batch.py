"""Analysing a stream of inputs in order, in one process or several, never stopping on one.

The stream is cut into chunks of :data:`CHUNK_ARTICLES` articles. One process analyses the
chunks in turn; N worker processes (each loading the pipeline once) analyse them side by
side. Both feed spaCy the very same batches, so the records do not depend on ``jobs``, and
at most ``2 * jobs`` chunks are in flight, so memory does not grow with the corpus.
"""

from __future__ import annotations

import copyreg
import multiprocessing
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from multiprocessing.pool import AsyncResult
from typing import Any

from .analyze import analyze_articles
from .contract import Article
from .errors import Errors, SaysoError
from .nlp import load_nlp

CHUNK_ARTICLES = 16
"""Articles per chunk: big enough for spaCy to batch well, small enough to spread the work."""

Result = dict[str, Any] | SaysoError
"""A ``sayso.article/1`` record, or the coded error standing in for an input."""


def where(article: Article) -> str:
    """Where an article came from, for error lines: ``path:line``, the path, or its id."""
    path = article.meta.get("path")
    if not path:
        return article.id
    line = article.meta.get("line")
    return f"{path}:{line}" if line else str(path)


def _analyze_one(article: Article, model: str) -> Result:
    try:
        return next(analyze_articles([article], nlp=load_nlp(model)))
    except SaysoError as exc:
        return exc
    except Exception as exc:  # one broken article must not end the run
        return SaysoError(Errors.E022, where(article), detail=f"{type(exc).__name__}: {exc}")


def analyze_chunk(articles: list[Article], model: str = "default") -> list[Result]:
    """Records for a chunk, in order; if the batch fails, each article is retried alone.

    A missing or broken model raises :class:`~sayso.errors.ModelError`: nothing could work.
    """
    nlp = load_nlp(model)
    try:
        return list(analyze_articles(articles, nlp=nlp))
    except Exception:
        return [_analyze_one(article, model) for article in articles]


def _chunks(
    items: Iterable[Article | SaysoError], size: int
) -> Iterator[list[Article | SaysoError]]:
    """Consecutive slices holding ``size`` articles each (errors ride along in place)."""
    chunk: list[Article | SaysoError] = []
    n_articles = 0
    for item in items:
        chunk.append(item)
        if isinstance(item, Article):
            n_articles += 1
            if n_articles == size:
                yield chunk
                chunk, n_articles = [], 0
    if chunk:
        yield chunk


def _merge(chunk: list[Article | SaysoError], records: list[Result]) -> Iterator[Result]:
    """Put the chunk's input errors back between its analysed articles."""
    done = iter(records)
    for item in chunk:
        yield item if isinstance(item, SaysoError) else next(done)


def _articles(chunk: list[Article | SaysoError]) -> list[Article]:
    return [item for item in chunk if isinstance(item, Article)]


def _worker_init() -> None:
    """Ctrl-C is the parent's to handle (it stops the pool); workers must not print tracebacks."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def analyze_items(
    items: Iterable[Article | SaysoError],
    *,
    jobs: int = 1,
    model: str = "default",
    chunk_size: int = CHUNK_ARTICLES,
) -> Iterator[Result]:
    """One result per item, in input order: a record per article, input errors passed on."""
    if jobs <= 1:
        for chunk in _chunks(items, chunk_size):
            articles = _articles(chunk)
            yield from _merge(chunk, analyze_chunk(articles, model) if articles else [])
        return
    # spawn, not fork: a forked copy of a process that has loaded torch or BLAS threads can hang.
    context = multiprocessing.get_context("spawn")
    with context.Pool(jobs, initializer=_worker_init) as pool:
        in_flight: deque[tuple[list[Article | SaysoError], AsyncResult[list[Result]]]] = deque()
        for chunk in _chunks(items, chunk_size):
            in_flight.append((chunk, pool.apply_async(analyze_chunk, (_articles(chunk), model))))
            if len(in_flight) >= 2 * jobs:
                done, result = in_flight.popleft()
                yield from _merge(done, result.get())
        while in_flight:
            done, result = in_flight.popleft()
            yield from _merge(done, result.get())


def _rebuild_error(cls: type[SaysoError], code: str, where: str | None, message: str) -> SaysoError:
    """Unpickle a coded error as it was (its ``__init__`` needs the unformatted arguments)."""
    exc = cls.__new__(cls)
    Exception.__init__(exc, message if where is None else f"{message} ({where})")
    exc.code, exc.where, exc.message = Errors[code], where, message
    return exc


def _reduce_error(exc: SaysoError) -> tuple[Any, ...]:
    return _rebuild_error, (type(exc), exc.code.name, exc.where, exc.message)


def _register_pickling(cls: type[SaysoError]) -> None:
    """Coded errors cross process boundaries (worker to parent) with code and place intact."""
    copyreg.pickle(cls, _reduce_error)
    for sub in cls.__subclasses__():
        _register_pickling(sub)


_register_pickling(SaysoError)
