"""The ``sayso_attribution`` spaCy component: finds source, cue and content spans.

Spans go to ``doc.spans["sayso"]`` (labels ``SOURCE``, ``CUE``, ``CONTENT``) so displaCy's span
view can render them; the grouped records go to ``doc._.sayso_attributions``. The work is done
by the learned model in :mod:`sayso.pipeline.model` (see ``docs/model-card.md``).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..errors import Errors, ModelError
from . import SPAN_GROUP
from .model import CUE_FILE, META_FILE, ROLE_FILE, AttributionModel, quote_kind
from .quotelist import add_quote_list_attributions

__all__ = ["DEFAULT_MODEL", "SPAN_GROUP", "AttributionComponent", "model_path", "quote_kind"]

DEFAULT_MODEL = "attribution-v2"
"""The model folder under ``sayso/models/`` that ``model="default"`` loads."""
SHIPPED = {"default": DEFAULT_MODEL, "accurate": "attribution-accurate-v6"}
"""Model names users pass to ``--model``; any other value is a model folder."""

NEEDS_PARSE = (
    "sayso_attribution reads the dependency parse: add it after spaCy's tagger, parser and"
    " lemmatizer (sayso.load_nlp() does)"
)

if not Doc.has_extension("sayso_attributions"):
    Doc.set_extension("sayso_attributions", default=None)


def model_path(model: str) -> Path:
    """Folder of a model: a shipped one by name (``default``, ``accurate``), else a path."""
    if model in SHIPPED:
        return Path(str(resources.files("sayso") / "models" / SHIPPED[model]))
    return Path(model)


def _load(model: str) -> AttributionModel:
    path = model_path(model)
    if not all((path / f).is_file() for f in (META_FILE, CUE_FILE, ROLE_FILE)):
        raise ModelError(Errors.E021, name=model, path=path)
    return AttributionModel.load(path)


class AttributionComponent:
    """Runs the attribution model on a parsed doc (needs spaCy's tagger, parser, lemmatizer)."""

    def __init__(self, nlp: Language, name: str, *, model: str = "default") -> None:
        self.name = name
        self.model = model
        self.attribution_model = _load(model)
        self.model_label = self.attribution_model.label

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) and not doc.has_annotation("DEP"):
            raise ModelError(Errors.E022, detail=NEEDS_PARSE)
        found = self.attribution_model.predict(doc)
        # a format rule after the model, for every tier: "“quote” ― Name" lines (vox-pops)
        found = add_quote_list_attributions(doc, found)
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


@Language.factory(
    "sayso_attribution",
    default_config={"model": "default"},
    assigns=["doc._.sayso_attributions", "doc.spans"],
    requires=["token.dep", "token.head", "token.lemma", "token.tag"],
)
def make_attribution(nlp: Language, name: str, model: str) -> AttributionComponent:
    """spaCy factory; ``model`` names a shipped model (``default``) or a folder."""
    return AttributionComponent(nlp, name, model=model)
