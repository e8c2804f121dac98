"""Turning a record into pieces a template can show: highlighted text, source panels, bars.

Everything here returns plain strings and dicts. Templates print them with Jinja's
autoescaping on, so article text is always escaped: nothing is ever marked safe.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from ..contract import SOURCE_TYPES

ROLES = ("source", "cue", "content")
ROLE_RANK = {"cue": 3, "source": 2, "content": 1, "reason": 0}
"""When roles overlap (one attribution's source inside another's content), the most
specific one colours the piece: a cue over a source over a content over the stated reason
for anonymity ("who was not authorised to speak"), which is shown too."""

SOURCE_TYPE_LABELS = {
    "named_person": "named person",
    "anonymous_person": "anonymous person",
    "organisation": "organisation",
    "group": "group",
    "document": "document",
    "unspecified": "unspecified",
}
assert tuple(SOURCE_TYPE_LABELS) == SOURCE_TYPES


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text covered by the same set of (attribution, role) marks."""

    text: str
    role: str | None  # the top-ranked role covering it, None for plain text
    source_type: str | None  # the source type of the attribution that owns ``role``
    attributions: tuple[str, ...]  # every attribution id covering it
    in_content: bool  # inside some attribution's content (a nested quote shows both)
    anchors: tuple[str, ...]  # attributions whose first span starts here

    @property
    def classes(self) -> str:
        names = []
        if self.role:
            names.append(f"role-{self.role}")
        if self.role == "source" and self.source_type:
            names.append(f"st-{self.source_type}")
        if self.in_content and self.role != "content":
            names.append("in-content")
        return " ".join(names)

    @property
    def title(self) -> str:
        if not self.role:
            return ""
        label = self.role
        if self.role == "source" and self.source_type:
            label += f" ({SOURCE_TYPE_LABELS.get(self.source_type, self.source_type)})"
        return f"{label} · {', '.join(self.attributions)}"


def segments(record: dict[str, Any]) -> list[Segment]:
    """Cut the text at every span boundary, in one sweep (O(n log n) in the number of spans).

    Offsets are code-point indices into ``record["text"]``, the same as Python's, so slicing
    the string here is exact; the browser never has to count characters.
    """
    text: str = record["text"]
    starts: dict[int, list[tuple[str, str]]] = {}
    ends: dict[int, list[tuple[str, str]]] = {}
    types: dict[str, str] = {}
    first: dict[int, list[str]] = {}
    for att in record.get("attributions", []):
        aid = att["id"]
        types[aid] = att.get("source_type") or "unspecified"
        roles = [(role, att[role]["spans"]) for role in ROLES]
        reason = (att.get("anonymous") or {}).get("reason")
        if reason:
            roles.append(("reason", reason["spans"]))
        spans = [
            (s, min(e, len(text)), role)
            for role, role_spans in roles
            for s, e in role_spans
            if 0 <= s < min(e, len(text))  # a record is validated on ingest; stay safe anyway
        ]
        for s, e, role in spans:
            starts.setdefault(s, []).append((aid, role))
            ends.setdefault(e, []).append((aid, role))
        starts_here = [s for s, _, role in spans if role != "reason"]
        if starts_here:
            first.setdefault(min(starts_here), []).append(aid)
    cuts = sorted({0, len(text), *starts, *ends})
    active: dict[tuple[str, str], int] = {}
    out: list[Segment] = []
    for here, there in pairwise(cuts):
        for mark in ends.get(here, []):
            active[mark] -= 1
            if not active[mark]:
                del active[mark]
        for mark in starts.get(here, []):
            active[mark] = active.get(mark, 0) + 1
        role, owner = None, None
        if active:
            owner, role = max(active, key=lambda m: (ROLE_RANK[m[1]], m[0]))
        out.append(
            Segment(
                text=text[here:there],
                role=role,
                source_type=types.get(owner) if owner else None,
                attributions=tuple(sorted({aid for aid, _ in active}, key=_att_order)),
                in_content=any(r == "content" for _, r in active),
                anchors=tuple(first.get(here, [])),
            )
        )
    return out


def _att_order(aid: str) -> tuple[int, str]:
    digits = aid.lstrip("a")
    return (int(digits), aid) if digits.isdigit() else (0, aid)


def source_panel(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The side panel: one entry per source (its actor, else its words case-folded) with its
    type, why it is anonymous, and every claim it made with cue, channel and denial links."""
    atts = record.get("attributions", [])
    actors = {a["id"]: a for a in record.get("actors", [])}
    denied_by: dict[str, list[str]] = {}
    for att in atts:
        for target in att.get("denies", []):
            denied_by.setdefault(target, []).append(att["id"])
    sources: dict[str, dict[str, Any]] = {}
    for att in atts:
        anonymous = att.get("anonymous") or {}
        actor = actors.get(att.get("actor") or "")
        words = att["source"]["text"]
        key = f"actor:{actor['id']}" if actor else f"text:{words.casefold()}"
        source_type = att.get("source_type") or "unspecified"
        entry = sources.setdefault(
            key,
            {
                "name": (actor["name"] if actor else words) or "(no stated source)",
                "source_type": source_type,
                "anonymous": bool(anonymous.get("is")),
                "reasons": [],
                "claims": [],
            },
        )
        reason = (anonymous.get("reason") or {}).get("text")
        if reason and reason not in entry["reasons"]:
            entry["reasons"].append(reason)
        entry["claims"].append(
            {
                "id": att["id"],
                "source": words,
                "content": att["content"]["text"],
                "cue": att["cue"]["text"],
                "stance": att.get("stance") or "",
                "kind": att.get("kind") or "",
                "channel": (att.get("channel") or {}).get("text") or "",
                "denies": list(att.get("denies", [])),
                "denied_by": denied_by.get(att["id"], []),
            }
        )
    return list(sources.values())


def type_bars(counts: dict[str, int]) -> list[dict[str, Any]]:
    """Source-type counts as percentages for a CSS bar, in the contract's type order."""
    total = sum(counts.get(t, 0) for t in SOURCE_TYPES)
    return [
        {
            "type": t,
            "label": SOURCE_TYPE_LABELS[t],
            "count": counts.get(t, 0),
            "percent": round(100 * counts.get(t, 0) / total, 1) if total else 0.0,
        }
        for t in SOURCE_TYPES
    ]
