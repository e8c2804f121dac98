"""sayso's spaCy components. Each is a factory exposed through ``spacy_factories``.

All of them write their spans to one span group, so displaCy's span view shows the whole
analysis at once: ``displacy.render(doc, style="span", options={"spans_key": SPAN_GROUP})``.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span

SPAN_GROUP = "sayso"


def add_spans(doc: Doc, spans: Iterable[Span | None]) -> None:
    """Append spans to the shared group, skipping ``None`` (a char span off token bounds)."""
    group = list(doc.spans[SPAN_GROUP]) if SPAN_GROUP in doc.spans else []
    doc.spans[SPAN_GROUP] = group + [s for s in spans if s is not None]
