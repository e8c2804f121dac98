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
SourceType = Literal[
    "named_person", "anonymous_person", "organisation", "group", "document", "unspecified"
]
SOURCE_TYPES: tuple[SourceType, ...] = (
    "named_person", "anonymous_person", "organisation", "group", "document", "unspecified"
)
ActorType = Literal["person", "organisation"]


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attributed claim: who (source) said (cue) what (content), as character spans.

    The fields after ``confidence`` are filled by ``sayso_sources`` and ``sayso_stance``;
    their defaults describe an attribution nobody has typed yet, so the attribution model
    (and any older caller) can build one from spans alone. ``actor`` indexes the doc's actor
    list and ``denies`` the doc's attribution list (0-based); the record turns both into ids.
    """

    source: Offsets
    cue: Offsets
    content: Offsets
    kind: Kind
    confidence: float
    source_type: SourceType = "unspecified"
    anonymous: bool = False
    anonymous_reason: Offsets = ()
    actor: int | None = None
    channel: Offsets = ()
    stance: str = "other"
    hedges: tuple[Offsets, ...] = ()
    denies: tuple[int, ...] = ()
    denied: Offsets = ()


@dataclass(frozen=True, slots=True)
class Actor:
    """A person or organisation named in an article: every mention, its fullest name, roles."""

    name: str
    type: ActorType
    mentions: Offsets
    roles: tuple[str, ...] = ()


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


def actor_id(index: int) -> str:
    """The record id of the actor at 0-based ``index``: ``e1``, ``e2``, …"""
    return f"e{index + 1}"


def _headline_end(text: str) -> int:
    """End of the first non-blank line: the headline of a text or HTML record, else the lede."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def scorecard(text: str, attributions: list[Attribution]) -> dict[str, Any]:
    """Article-level sourcing figures a reader checks first (documented in the contract)."""
    by_type = dict.fromkeys(SOURCE_TYPES, 0)
    for a in attributions:
        by_type[a.source_type] += 1
    chars = sum(e - s for a in attributions for s, e in a.content)
    anon_chars = sum(e - s for a in attributions if a.anonymous for s, e in a.content)
    sources: set[str] = set()
    for a in attributions:
        if a.actor is not None:
            sources.add(actor_id(a.actor))
        elif a.source and a.source_type != "unspecified":
            sources.add(" ".join(text[s:e] for s, e in a.source).casefold().strip(" ,"))
    end = _headline_end(text)
    headline = [a for a in attributions if any(s < end for s, _ in a.cue or a.content)]
    return {
        "by_source_type": by_type,
        "anonymous_share": round(anon_chars / chars, 4) if chars else None,
        "distinct_sources": len(sources),
        "headline_anonymous": any(a.anonymous for a in headline) if headline else None,
    }


def article_record(
    article: Article,
    attributions: list[Attribution],
    producer: dict[str, Any],
    actors: list[Actor] | None = None,
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
                "source_type": a.source_type,
                "anonymous": {
                    "is": a.anonymous,
                    "reason": role_record(text, a.anonymous_reason)
                    if a.anonymous_reason
                    else None,
                },
                "actor": None if a.actor is None else actor_id(a.actor),
                "channel": role_record(text, a.channel),
                "stance": a.stance,
                "hedges": [role_record(text, h) for h in a.hedges],
                "denies": [f"a{j + 1}" for j in a.denies],
                **({"denied": role_record(text, a.denied)} if a.denied else {}),
            }
            for i, a in enumerate(attributions, 1)
        ],
        "actors": [
            {
                "id": actor_id(i),
                "name": actor.name,
                "type": actor.type,
                "mentions": [[s, e] for s, e in actor.mentions],
                "roles": list(actor.roles),
            }
            for i, actor in enumerate(actors or [])
        ],
        "scorecard": scorecard(text, attributions),
    }


@cache
def json_schema() -> dict[str, Any]:
    """The JSON Schema of ``sayso.article/1`` as shipped inside the package."""
    path = resources.files("sayso") / "schema" / "article-1.schema.json"
    return json.loads(path.read_text(encoding="utf-8"))
