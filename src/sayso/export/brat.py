"""brat standoff (``ID.txt`` + ``ID.ann``) in PolNeAR's roles, written and read back.

Annotators open the output in brat; PolNeAR's tools and ``sayso evaluate`` score it. Each
attribution becomes ``Source``, ``Cue`` and ``Content`` text-bound (``T``) lines, an anchor
``T`` line over the cue, and one event line tying them together, as PolNeAR writes them::

    T1  Source 0 12        The minister
    T2  Cue 13 17          said
    T3  Content 18 38      the talks had failed
    T4  Attribution 13 17  said
    E1  Attribution:T4 Source:T1 Cue:T2 Content:T3
    A1  Kind E1 indirect

An attribution without a source is an ``Attribution-no-source`` event, as in PolNeAR. brat
cannot show a span across a line break, so fragments are split at line breaks (brat does the
same when an annotator marks such a span); that changes no token-level score.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import Errors, SaysoError

Span = tuple[int, int]
RoleSpans = dict[str, list[Span]]
"""One attribution as brat holds it: role (``source``, ``cue``, ``content``) to spans."""

ROLES = ("source", "cue", "content")
ROLE_TYPES = {"source": "Source", "cue": "Cue", "content": "Content"}
ANCHOR = "Attribution"
ANCHOR_NO_SOURCE = "Attribution-no-source"
LINE_BREAKS = re.compile(r"[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")
"""Every character ``str.splitlines`` splits at: a fragment holding one would break the line."""

ANNOTATION_CONF = """\
# sayso attributions in PolNeAR's scheme (Newell, Margolin and Ruths, LREC 2018).
[entities]
Source
Cue
Content

[relations]
# Attributions nest (a content can hold another attribution), so spans may overlap.
<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>

[events]
Attribution\tSource:Source, Cue?:Cue, Content*:Content
Attribution-no-source\tCue?:Cue, Content*:Content

[attributes]
Kind\tArg:<EVENT>, Value:direct|indirect|mixed
"""

VISUAL_CONF = """\
[labels]
Source | Source | Src
Cue | Cue
Content | Content | Cont
Attribution | Attribution | Attr
Attribution-no-source | Attribution (no source) | Attr-ns

[drawing]
Source\tbgColor:#7fc7ff
Cue\tbgColor:#ff9f9f
Content\tbgColor:#b5e8a8
Attribution\tbgColor:#ffd966
Attribution-no-source\tbgColor:#ffd966
SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken
ARC_DEFAULT\tcolor:black, arrowHead:triangle-5
"""


def split_at_line_breaks(text: str, spans: list[Span]) -> list[Span]:
    """The spans, sorted, each cut where it crosses a line break (breaks left out)."""
    out: list[Span] = []
    for s, e in sorted(spans):
        start = s
        for m in LINE_BREAKS.finditer(text, s, e):
            if m.start() > start:
                out.append((start, m.start()))
            start = m.end()
        if e > start:
            out.append((start, e))
    return out


def _role_spans(record: dict[str, Any], attribution: dict[str, Any], role: str) -> list[Span]:
    spans = [(int(s), int(e)) for s, e in attribution[role]["spans"]]
    return split_at_line_breaks(record["text"], spans)


def to_ann(record: dict[str, Any]) -> str:
    """The ``.ann`` file of one ``sayso.article/1`` record."""
    text = record["text"]
    lines: list[str] = []
    t = 0

    def text_bound(label: str, spans: list[Span]) -> str:
        nonlocal t
        t += 1
        offsets = ";".join(f"{s} {e}" for s, e in spans)
        lines.append(f"T{t}\t{label} {offsets}\t" + " ".join(text[s:e] for s, e in spans))
        return f"T{t}"

    n_event = 0
    for attribution in record["attributions"]:
        spans = {role: _role_spans(record, attribution, role) for role in ROLES}
        anchor_spans = spans["cue"] or spans["content"] or spans["source"]
        if not anchor_spans:
            continue
        args = [
            f"{ROLE_TYPES[role]}:{text_bound(ROLE_TYPES[role], spans[role])}"
            for role in ROLES
            if spans[role]
        ]
        anchor = ANCHOR if spans["source"] else ANCHOR_NO_SOURCE
        trigger = text_bound(anchor, anchor_spans)
        n_event += 1
        lines.append(f"E{n_event}\t{anchor}:{trigger} " + " ".join(args))
        lines.append(f"A{n_event}\tKind E{n_event} {attribution['kind']}")
    return "".join(line + "\n" for line in lines)


def parse_ann(ann: str) -> list[RoleSpans]:
    """The attributions of a ``.ann`` file, one per event line, in file order.

    An event's first argument is its trigger (the anchor) and is not a role; ``Content2``
    counts as ``Content``; unknown roles, lines and references are ignored, as are spans
    no event links (PolNeAR's ``Discard`` and ``Discuss`` flags).
    """
    spans: dict[str, list[Span]] = {}
    events: list[list[str]] = []
    for line in ann.split("\n"):
        fields = line.rstrip("\r").split("\t")
        if len(fields) < 2 or len(fields[0]) < 2 or not fields[0][1:].isdigit():
            continue
        kind = fields[0][0]
        if kind == "T":
            parsed = _parse_offsets(fields[1])
            if parsed is not None:
                spans[fields[0]] = parsed
        elif kind == "E":
            events.append(fields[1].split())
    attributions: list[RoleSpans] = []
    for args in events:
        found: RoleSpans = {role: [] for role in ROLES}
        for arg in args[1:]:
            role, _, ref = arg.partition(":")
            role = role.rstrip("0123456789").lower()
            if role in found and ref in spans:
                found[role].extend(spans[ref])
        attributions.append({role: sorted(set(found[role])) for role in ROLES})
    return attributions


def _parse_offsets(field: str) -> list[Span] | None:
    """``Type S E[;S E...]`` to spans, or None when the field is not text-bound."""
    _, _, offsets = field.partition(" ")
    out: list[Span] = []
    for fragment in offsets.split(";"):
        parts = fragment.split()
        if len(parts) != 2 or not all(p.isdigit() for p in parts):
            return None
        out.append((int(parts[0]), int(parts[1])))
    return out


def read_document(txt: Path, ann: Path) -> tuple[str, list[RoleSpans]]:
    """A brat document: its text exactly as stored (no newline translation) and attributions."""
    return _read_exact(txt), parse_ann(_read_exact(ann))


def _read_exact(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as fh:
        return fh.read()


def file_stem(record_id: str) -> str:
    """A safe file name for an article id (path separators and odd characters replaced)."""
    stem = re.sub(r"[^\w.-]", "_", record_id).strip(".") or "article"
    return stem[:200]


class BratWriter:
    """Writes one ``.txt``/``.ann`` pair per record into a folder brat can open."""

    def __init__(self, folder: Path) -> None:
        if folder.exists() and not folder.is_dir():
            raise SaysoError(Errors.E032, path=folder)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "annotation.conf").write_text(ANNOTATION_CONF, encoding="utf-8")
        (folder / "visual.conf").write_text(VISUAL_CONF, encoding="utf-8")
        self.folder = folder
        self.used: set[str] = set()

    def write(self, record: dict[str, Any]) -> None:
        """Write the pair; a repeated id gets ``-2``, ``-3``... so nothing is overwritten."""
        base = stem = file_stem(record["id"])
        n = 1
        while stem in self.used:
            n += 1
            stem = f"{base}-{n}"
        self.used.add(stem)
        with (self.folder / f"{stem}.txt").open("w", encoding="utf-8", newline="") as fh:
            fh.write(record["text"])
        with (self.folder / f"{stem}.ann").open("w", encoding="utf-8", newline="") as fh:
            fh.write(to_ann(record))
