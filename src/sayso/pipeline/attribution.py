"""The ``sayso_attribution`` spaCy component: finds source, cue and content spans.

Spans go to ``doc.spans["sayso"]`` (labels ``SOURCE``, ``CUE``, ``CONTENT``) so displaCy's span
view can render them; the grouped records go to ``doc._.sayso_attributions``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..contract import Attribution, Offsets

SPAN_GROUP = "sayso"

if not Doc.has_extension("sayso_attributions"):
    Doc.set_extension("sayso_attributions", default=None)

QUOTES_OPEN = "\"“«"
QUOTES_CLOSE = "\"”»"
SPEECH_LEMMAS = frozenset(
    "say tell add claim deny report state argue insist warn note explain write announce "
    "acknowledge admit allege assert believe confirm contend suggest think accuse".split()
)


def quote_kind(text: str, content: Offsets) -> str:
    """direct when all content lies in quotation marks, mixed when some does, else indirect."""
    inside = outside = 0
    depth = 0
    pos = 0
    for s, e in sorted(content):
        for i in range(pos, e):
            ch = text[i]
            if ch in "“«" or (ch == '"' and depth == 0):
                depth = 1
            elif ch in "”»" or ch == '"':
                depth = 0
            elif i >= s and not ch.isspace() and ch.isalnum():
                if depth:
                    inside += 1
                else:
                    outside += 1
        pos = e
    if inside and not outside:
        return "direct"
    if inside:
        return "mixed"
    return "indirect"


class AttributionComponent:
    """Finds attributions with the shipped model (see ``docs/model-card.md``)."""

    def __init__(self, nlp: Language, name: str, *, model: str = "default") -> None:
        self.name = name
        self.model = model
        self.model_label = "rules-baseline/0"

    def __call__(self, doc: Doc) -> Doc:
        found = extract(doc)
        doc._.sayso_attributions = found
        spans: list[Span] = []
        for a in found:
            for label, offsets in (("SOURCE", a.source), ("CUE", a.cue), ("CONTENT", a.content)):
                for s, e in offsets:
                    span = doc.char_span(s, e, label=label, alignment_mode="expand")
                    if span is not None:
                        spans.append(span)
        doc.spans[SPAN_GROUP] = spans
        return doc


def _subtree_offsets(tokens: list) -> Offsets:
    if not tokens:
        return ()
    return ((tokens[0].idx, tokens[-1].idx + len(tokens[-1])),)


def extract(doc: Doc) -> list[Attribution]:
    """Baseline: a speech verb, its subject as source and its clausal complement as content."""
    found: list[Attribution] = []
    for tok in doc:
        if tok.pos_ != "VERB" or tok.lemma_ not in SPEECH_LEMMAS:
            continue
        comps = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp")]
        if not comps:
            continue
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        content = sorted(comps[0].subtree, key=lambda t: t.i)
        source = sorted(subj[0].subtree, key=lambda t: t.i) if subj else []
        content_offsets = _subtree_offsets(content)
        found.append(
            Attribution(
                source=_subtree_offsets(source),
                cue=((tok.idx, tok.idx + len(tok)),),
                content=content_offsets,
                kind=quote_kind(doc.text, content_offsets),  # type: ignore[arg-type]
                confidence=0.5,
            )
        )
    return found


@Language.factory(
    "sayso_attribution",
    default_config={"model": "default"},
    assigns=["doc._.sayso_attributions", "doc.spans"],
)
def make_attribution(nlp: Language, name: str, model: str) -> AttributionComponent:
    """spaCy factory; ``model`` names a shipped model (``default``) or a folder."""
    return AttributionComponent(nlp, name, model=model)
