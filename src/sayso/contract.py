"""The ``sayso.article/1`` data contract: the one JSON shape every face writes and reads.

Documented in ``docs/contract.md``; the JSON Schema ships as ``schema/article-1.schema.json``.
Offsets are Python ``str`` indices into ``text`` exactly as it was read, so
``text[start:end]`` is always the span's text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, Literal

SCHEMA_ID = "sayso.article/1"
FRAGMENT_JOINER = " … "
"""How the ``text`` of a discontiguous role joins its fragments (documented in the contract)."""

Kind = Literal["direct", "indirect", "mixed"]
Offsets = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attributed claim: who (source) said (cue) what (content), as character spans."""

    source: Offsets
    cue: Offsets
    content: Offsets
    kind: Kind
    confidence: float


@dataclass(slots=True)
class Article:
    """An input article as a reader produced it; ``text`` is never normalised."""

    id: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)


def role_record(text: str, spans: Offsets) -> dict[str, Any]:
    """A role as the contract writes it: the spans and their text."""
    return {
        "spans": [[s, e] for s, e in spans],
        "text": FRAGMENT_JOINER.join(text[s:e] for s, e in spans),
    }


def article_record(
    article: Article, attributions: list[Attribution], producer: dict[str, Any]
) -> dict[str, Any]:
    """Build the ``sayso.article/1`` object for one analysed article."""
    text = article.text
    return {
        "schema": SCHEMA_ID,
        "id": article.id,
        "text": text,
        "meta": article.meta,
        "producer": producer,
        "attributions": [
            {
                "id": f"a{i}",
                "kind": a.kind,
                "confidence": round(a.confidence, 4),
                "source": role_record(text, a.source),
                "cue": role_record(text, a.cue),
                "content": role_record(text, a.content),
            }
            for i, a in enumerate(attributions, 1)
        ],
    }


@cache
def json_schema() -> dict[str, Any]:
    """The JSON Schema of ``sayso.article/1`` as shipped inside the package."""
    path = resources.files("sayso") / "schema" / "article-1.schema.json"
    return json.loads(path.read_text(encoding="utf-8"))
