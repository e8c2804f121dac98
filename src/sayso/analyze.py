"""The one pure function that turns articles into ``sayso.article/1`` records.

The CLI, the HTTP API, batch runners and the tests all call :func:`analyze_articles`.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from spacy.language import Language

from . import __version__
from .contract import Actor, Article, Attribution, article_record
from .nlp import load_nlp, pipeline_label

MAX_CHUNK_CHARS = 100_000
"""Articles longer than this are analysed in paragraph-aligned pieces.

spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters) and its memory grows with
document length; a news article is far shorter, so only pathological inputs are split, and
at a blank line where possible (else a line break, else a sentence end, else any space) so
no attribution is cut. Offsets are shifted back, so the record indexes the whole text.
"""

_SPACES = str.maketrans(dict.fromkeys("\u00a0\u2007\u202f", " "))
"""No-break spaces are read as spaces: spaCy makes each one a token of its own, which cuts
names and parses in two ("his friend\u00a0Mahamat Saleh Oumar"). One character stands for
one, so every offset still indexes the article's own text, and the record quotes that."""

_BREAKS = (
    re.compile(r"\n\s*\n"),
    re.compile(r"\n"),
    re.compile(r"(?<=[.!?])\s+"),
    re.compile(r"\s+"),
)


def chunk_offsets(text: str, limit: int = MAX_CHUNK_CHARS) -> list[tuple[int, int]]:
    """Split ``[0, len(text))`` into consecutive pieces of at most ``limit`` characters.

    The pieces cover the text exactly (no gap, no overlap), so shifting each piece's offsets
    by its start gives offsets into the whole text. A cut falls in the second half of the
    window, so pieces never shrink below ``limit // 2`` except the last one.
    """
    if limit < 1:
        raise ValueError(f"limit must be at least 1, got {limit}")
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
        cut = cut or limit  # one unbroken run of characters: a hard cut is all that is left
        pieces.append((start, start + cut))
        start += cut
    pieces.append((start, n))
    return pieces


def _shift(spans: tuple[tuple[int, int], ...], by: int) -> tuple[tuple[int, int], ...]:
    return tuple((s + by, e + by) for s, e in spans)


def _shift_attribution(a: Attribution, by: int, first: int, first_actor: int) -> Attribution:
    """A chunk's attribution in whole-article terms: every span shifted by the chunk start,
    attribution and actor indexes by the number already found in earlier chunks."""
    return replace(
        a,
        source=_shift(a.source, by),
        cue=_shift(a.cue, by),
        content=_shift(a.content, by),
        anonymous_reason=_shift(a.anonymous_reason, by),
        channel=_shift(a.channel, by),
        hedges=tuple(_shift(h, by) for h in a.hedges),
        actor=None if a.actor is None else a.actor + first_actor,
        denies=tuple(j + first for j in a.denies),
    )


def analyze_articles(
    articles: Iterable[Article],
    nlp: Language | None = None,
    batch_size: int = 32,
    *,
    max_chunk_chars: int = MAX_CHUNK_CHARS,
) -> Iterator[dict[str, Any]]:
    """Analyse articles lazily, in input order, yielding one contract record each.

    Every chunk of every article goes through one ``nlp.pipe`` stream, so batching works
    across articles and an article's chunks may span batches; single-process ``nlp.pipe``
    yields docs in input order, so an article is complete when its last chunk comes back.
    """
    nlp = nlp or load_nlp()
    producer = {
        "sayso": __version__,
        "spacy_pipeline": pipeline_label(nlp),
        "attribution_model": nlp.get_pipe("sayso_attribution").model_label,
    }
    if "sayso_source_typer" in nlp.pipe_names:
        producer["source_typer"] = nlp.get_pipe("sayso_source_typer").label
    limit = min(max_chunk_chars, nlp.max_length)
    pending: deque[Article] = deque()

    def chunks() -> Iterator[tuple[str, tuple[int, int]]]:
        for article in articles:
            offsets = chunk_offsets(article.text, limit)
            pending.append(article)
            for i, (start, end) in enumerate(offsets):
                yield article.text[start:end].translate(_SPACES), (start, len(offsets) - 1 - i)

    found: list[Attribution] = []
    actors: list[Actor] = []
    for doc, (start, chunks_left) in nlp.pipe(chunks(), as_tuples=True, batch_size=batch_size):
        before, actors_before = len(found), len(actors)
        found.extend(_shift_attribution(a, start, before, actors_before)
                     for a in doc._.sayso_attributions)
        actors.extend(replace(actor, mentions=_shift(actor.mentions, start))
                      for actor in doc._.sayso_actors or ())
        if chunks_left == 0:
            yield article_record(pending.popleft(), found, dict(producer), actors)
            found = []
            actors = []


def analyze_text(text: str, id: str = "text", nlp: Language | None = None) -> dict[str, Any]:
    """Analyse one string; the convenience entry point for library users."""
    return next(analyze_articles([Article(id=id, text=text)], nlp=nlp))
