"""The one pure function that turns articles into ``sayso.article/1`` records.

The CLI, the HTTP API, batch runners and the tests all call :func:`analyze_articles`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language

from . import __version__
from .contract import Article, Attribution, article_record
from .nlp import load_nlp, pipeline_label

MAX_CHUNK_CHARS = 100_000
"""Articles longer than this are analysed in paragraph-aligned pieces.

spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters) and its memory grows with
document length; a news article is far shorter, so only pathological inputs are split, and
always at a blank line (else a line break, else a sentence end) so no attribution is cut.
"""

_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"(?<=[.!?])\s+"))


def chunk_offsets(text: str, limit: int = MAX_CHUNK_CHARS) -> list[tuple[int, int]]:
    """Split ``[0, len(text))`` into consecutive pieces of at most ``limit`` characters."""
    pieces: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    while n - start > limit:
        window = text[start : start + limit]
        cut = 0
        for pattern in _BREAKS:
            ends = [m.end() for m in pattern.finditer(window) if m.end() > limit // 2]
            if ends:
                cut = ends[-1]
                break
        cut = cut or limit  # no break at all: a hard cut is the only option left
        pieces.append((start, start + cut))
        start += cut
    pieces.append((start, n))
    return pieces


def _shift(spans: tuple[tuple[int, int], ...], by: int) -> tuple[tuple[int, int], ...]:
    return tuple((s + by, e + by) for s, e in spans)


def analyze_articles(
    articles: Iterable[Article], nlp: Language | None = None, batch_size: int = 32
) -> Iterator[dict[str, Any]]:
    """Analyse articles lazily, in input order, yielding one contract record each."""
    nlp = nlp or load_nlp()
    producer = {
        "sayso": __version__,
        "spacy_pipeline": pipeline_label(nlp),
        "attribution_model": nlp.get_pipe("sayso_attribution").model_label,
    }
    pending: dict[int, tuple[Article, int, list[Attribution]]] = {}

    def chunks() -> Iterator[tuple[str, tuple[int, int, int]]]:
        for idx, article in enumerate(articles):
            offsets = chunk_offsets(article.text)
            pending[idx] = (article, len(offsets), [])
            for start, end in offsets:
                yield article.text[start:end], (idx, start, len(offsets))

    next_out = 0
    done: dict[int, int] = {}
    for doc, (idx, start, _) in nlp.pipe(chunks(), as_tuples=True, batch_size=batch_size):
        article, n_chunks, found = pending[idx]
        for a in doc._.sayso_attributions:
            found.append(
                Attribution(
                    source=_shift(a.source, start),
                    cue=_shift(a.cue, start),
                    content=_shift(a.content, start),
                    kind=a.kind,
                    confidence=a.confidence,
                )
            )
        done[idx] = done.get(idx, 0) + 1
        while next_out in pending and done.get(next_out) == pending[next_out][1]:
            art, _, atts = pending.pop(next_out)
            del done[next_out]
            yield article_record(art, atts, producer)
            next_out += 1


def analyze_text(text: str, id: str = "text", nlp: Language | None = None) -> dict[str, Any]:
    """Analyse one string; the convenience entry point for library users."""
    return next(analyze_articles([Article(id=id, text=text)], nlp=nlp))
