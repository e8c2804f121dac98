"""A format rule for quote lists: lines of the form ``“quote” ― Name`` (a vox-pop).

Vox-pops and "what readers said" pieces print each voice as a paragraph of its own: a
quotation, a dash (``―``, ``—``, ``–`` or ``-``) and the speaker's name, sometimes followed
by an age, a place or a job (``“…” — Amara Okonjo, 34, Ostwick``). The attribution model
never learnt the form (PolNeAR train holds one instance in 840 articles), so
:func:`add_quote_list_attributions` adds, after the model, one attribution per such line
that no attribution the model found already overlaps: the source is the name, the cue the
dash, the content the words inside the quotation marks. ``sayso_attribution`` calls it for
every model tier.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..contract import Attribution
from . import DASHES

__all__ = ["QUOTE_LINE", "QUOTE_LIST_CONFIDENCE", "add_quote_list_attributions", "is_quote_list"]

_NAME_WORD = r"(?:[A-Z][\w’'.-]*|de|del|della|da|das|dos|du|van|von|der|den|ter|la|le|al|bin|ibn)"
QUOTE_LINE = re.compile(
    r"^[^\S\n]*[“”\"](?P<quote>[^\n]*\S)[”\"][^\S\n]*(?P<dash>[―—–]|--?)[^\S\n]*"
    rf"(?P<name>[A-Z][\w’'.-]*(?:[^\S\n]+{_NAME_WORD}){{1,4}})"
    r"[^\S\n]*(?:,[^\n]*)?[^\S\n]*$",
    re.MULTILINE,
)
"""A paragraph that is a quotation, a dash and a name of two to five words ("— Never." is
none), with an optional ``, 34, Houston`` after the name; the name must end the line or be
followed by a comma. A closing mark typed as the opening one (``”Fear…”``) still opens,
and no-break spaces (common in web text) count as spaces."""

QUOTE_LIST_CONFIDENCE = 0.9
"""The confidence given to a quote-list attribution (a format, not a model's guess)."""


def is_quote_list(text: str, a: Attribution) -> bool:
    """Whether an attribution is one of a quote list's: its cue is a lone dash, with one
    source span (the name) after it."""
    return (
        len(a.cue) == 1
        and text[a.cue[0][0] : a.cue[0][1]] in DASHES
        and len(a.source) == 1
        and a.source[0][0] > a.cue[0][1]
    )


def _overlaps(spans: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _read(a: Attribution, line: re.Match[str]) -> bool:
    """Whether the model read a quote-list line already: its attribution has the name as
    source, or holds at least half the quote as content. A claim nested inside the quote
    ("… Trump said Hispanics live in hell …") is no reading of the line."""
    if _overlaps(a.source, line.start("name"), line.end("name")):
        return True
    q0, q1 = line.start("quote"), line.end("quote")
    covered = sum(max(0, min(e, q1) - max(s, q0)) for s, e in a.content)
    return 2 * covered >= q1 - q0


def add_quote_list_attributions(doc: Doc, found: list[Attribution]) -> list[Attribution]:
    """``found`` with one direct attribution added for each quote-list line (see
    :data:`QUOTE_LINE`) that no found attribution overlaps, in text order among them."""
    text = doc.text
    if "\n" not in text:  # a list needs lines; a one-line text is no vox-pop
        return found
    added: list[Attribution] = []
    for m in QUOTE_LINE.finditer(text):
        if any(_read(a, m) for a in found):
            continue  # the model read this line already
        name = m.group("name").rstrip(".")  # a full stop after the name ends the sentence
        added.append(
            Attribution(
                source=((m.start("name"), m.start("name") + len(name)),),
                cue=((m.start("dash"), m.end("dash")),),
                content=((m.start("quote"), m.end("quote")),),
                kind="direct",
                confidence=QUOTE_LIST_CONFIDENCE,
            )
        )
    out: list[Attribution] = []
    for a in found:  # the model's own order is kept; each added one goes before the first
        while added and a.cue and added[0].cue[0][0] < a.cue[0][0]:  # found cue after it
            out.append(added.pop(0))
        out.append(a)
    return [*out, *added]
