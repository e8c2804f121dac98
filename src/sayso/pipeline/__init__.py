"""sayso's spaCy components. Each is a factory exposed through ``spacy_factories``.

All of them write their spans to one span group, so displaCy's span view shows the whole
analysis at once: ``displacy.render(doc, style="span", options={"spans_key": SPAN_GROUP})``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc, Span

if TYPE_CHECKING:
    from ..contract import Actor, Attribution

SPAN_GROUP = "sayso"
DASHES = frozenset(["-", "–", "—", "―", "--"])
"""Dash tokens that end a dateline ("VALDENE —") or join names and descriptions."""


def add_spans(doc: Doc, spans: Iterable[Span | None]) -> None:
    """Append spans to the shared group, skipping ``None`` (a char span off token bounds)."""
    group = list(doc.spans[SPAN_GROUP]) if SPAN_GROUP in doc.spans else []
    doc.spans[SPAN_GROUP] = group + [s for s in spans if s is not None]


def cue_span(doc: Doc, a: Attribution) -> Span | None:
    """The tokens from an attribution's first cue piece to its last (``None`` without a cue
    or when the offsets do not fall on the doc's tokens)."""
    if not a.cue:
        return None
    return doc.char_span(a.cue[0][0], a.cue[-1][1], alignment_mode="expand")


def cue_before_conjunct(
    doc: Doc, a: Attribution, atts: list[Attribution], candidates: Iterable[int]
) -> int | None:
    """For a conjunct or participle cue ("X warned … and said …", "X rejected …, saying
    …"): the index, among ``candidates``, of the latest cue before it in its sentence, whose
    source it shares; ``None`` for any other cue."""
    cue = cue_span(doc, a)
    if cue is None or not (
        cue.root.dep_ == "conj" or (cue.root.dep_ in ("advcl", "acl") and cue.root.tag_ == "VBG")
    ):
        return None
    sent = cue.root.sent
    before = [
        (atts[j].cue[0][0], j)
        for j in candidates
        if atts[j].cue and sent.start_char <= atts[j].cue[0][0] < cue.start_char
    ]
    return max(before, key=lambda x: x[0])[1] if before else None


class AttributionLayer:
    """Base of the components that enrich attributions found earlier (sources, stance).

    It reads the attributions, actors and text once, lets :meth:`enrich` return the new
    attributions and any spans to show, and writes both back; docs without attributions
    pass through untouched.
    """

    def __init__(self, nlp: Any, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        atts: list[Attribution] = list(doc._.sayso_attributions or ())
        if not atts:
            return doc
        text = doc.text  # built from the tokens on every access: read it once
        out, spans = self.enrich(doc, text, atts, doc._.sayso_actors or [])
        doc._.sayso_attributions = out
        add_spans(doc, spans)
        return doc

    def enrich(
        self, doc: Doc, text: str, atts: list[Attribution], actors: list[Actor]
    ) -> tuple[list[Attribution], list[Span | None]]:
        """The attributions with this layer's fields filled in, and spans for displaCy."""
        raise NotImplementedError
