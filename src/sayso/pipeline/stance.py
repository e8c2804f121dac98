"""The ``sayso_stance`` spaCy component: how each source stands towards its content.

Three things per attribution:

- **stance**: a class for the cue, from :data:`STANCE_LEXICON` (cue lemma -> class); "called
  the report false" and "described the allegations as defamatory" count as ``deny``;
- **hedges**: words that put distance between the writer and the claim ("alleged",
  "reportedly", "is said to", "regarded by many", "unconfirmed"), found in the source, cue
  and content spans by :data:`HEDGE_RE`;
- **denials**: a ``deny`` attribution is linked to the earlier accusation or claim it rejects,
  when that one is about the denier (its content mentions the denier's actor, or an actor the
  denier's source names, or the denier's head word): "Y accused X of …" … "X denied the
  allegations". Only the most recent such attribution, within eight sentences, is linked.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..contract import Actor, Attribution
from . import AttributionLayer

__all__ = ["HEDGE_RE", "STANCE_CLASSES", "STANCE_LEXICON", "StanceComponent", "cue_stance"]

STANCE_LEXICON: dict[str, tuple[str, ...]] = {
    "say": ("say", "tell", "add", "state", "note", "explain", "describe", "comment", "speak",
            "write", "reply", "respond", "remark", "observe", "announce", "declare", "recall",
            "continue", "testify", "post", "talk", "answer", "put"),
    "claim": ("claim", "allege", "assert", "argue", "insist", "maintain", "contend", "charge",
              "allegation", "claims"),
    "accuse": ("accuse", "blame", "criticise", "criticize", "condemn", "attack", "fault",
               "accusation", "denounce"),
    "deny": ("deny", "reject", "dismiss", "refute", "rebut", "dispute", "contradict", "denial",
             "plead"),
    "believe": ("believe", "think", "feel", "hope", "fear", "expect", "suspect", "doubt",
                "consider", "regard", "see", "understand", "worry", "trust", "assume", "view"),
    "suggest": ("suggest", "indicate", "imply", "hint", "signal", "appear", "seem",
                "suggestion", "speculate", "predict", "estimate"),
    "confirm": ("confirm", "verify", "corroborate", "affirm"),
    "report": ("report", "find", "show", "reveal", "conclude", "according", "publish",
               "record", "document", "account", "list"),
    "warn": ("warn", "caution", "alert", "threaten"),
    "promise": ("promise", "pledge", "vow", "guarantee", "assure", "commit"),
    "ask": ("ask", "question", "urge", "demand", "request", "appeal", "call", "press",
            "wonder", "query"),
    "admit": ("admit", "acknowledge", "concede", "confess", "accept", "agree"),
    "refuse": ("decline", "refuse"),
    "praise": ("praise", "welcome", "applaud", "hail", "thank", "commend"),
}
"""Cue lemma -> stance class; a cue not listed is ``other``. Documented in docs/sources.md."""

STANCE_CLASSES = (*STANCE_LEXICON, "other")
_CLASS_OF = {lemma: cls for cls, lemmas in STANCE_LEXICON.items() for lemma in lemmas}
_FALSE_WORDS = re.compile(
    r"\b(false|untrue|wrong|baseless|groundless|defamatory|nonsense|lies?|fabricat\w*|"
    r"unfounded|inaccurate|ridiculous|absurd)\b", re.IGNORECASE)
_NEGATED_PLEA = re.compile(r"\bnot guilty\b", re.IGNORECASE)

_CHARGES = ("accuse", "claim")
_VIEWS = ("accuse", "claim", "suggest", "report", "believe", "say")
REFERRING_HEADS: dict[str, tuple[str, ...]] = {
    "allegation": _CHARGES, "accusation": _CHARGES, "charge": _CHARGES, "claim": _CHARGES,
    "wrongdoing": _CHARGES, "suggestion": _VIEWS, "criticism": _VIEWS, "report": _VIEWS,
    "idea": _VIEWS, "view": _VIEWS, "assertion": _VIEWS, "story": _VIEWS, "rumour": _VIEWS,
}
"""A denial whose content is one of these nouns refers back to the latest attribution of
the listed stance classes, whoever it was about ("X denied the allegations")."""

HEDGE_RE = re.compile(
    r"\b(?:alleged(?:ly)?|reportedly|purportedly|supposedly|apparently|ostensibly|"
    r"unconfirmed|unverified|rumou?red|so-called|"
    r"(?:is|are|was|were|be|been)\s+(?:widely\s+)?(?:said|reported|believed|thought|"
    r"understood|rumou?red|alleged|claimed|expected|feared|seen|regarded|considered)\s+"
    r"(?:to|as)\b|"
    r"(?:regarded|seen|considered|viewed)\s+by\s+(?:many|some|most|others)\b|"
    r"widely\s+(?:believed|regarded|seen|thought|considered|reported)|"
    r"[Ii]t\s+is\s+(?:said|understood|believed|thought|claimed|alleged|rumou?red)\b)",
)
"""Hedging expressions; each match becomes one hedge of the attribution it falls in."""


def cue_stance(doc: Doc, a: Attribution, text: str | None = None) -> str:
    """The stance class of an attribution's cue (``other`` when the lexicon lacks it)."""
    if not a.cue:
        return "other"
    cue = doc.char_span(a.cue[0][0], a.cue[-1][1], alignment_mode="expand")
    if cue is None:
        return "other"
    words = [t for t in cue if t.pos_ in ("VERB", "NOUN")] or list(cue)
    lemma = words[0].lemma_.lower()
    if cue[0].lower_ == "according":
        return "report"
    text = doc.text if text is None else text
    content = " ".join(text[s:e] for s, e in a.content)
    if lemma in ("call", "describe", "label", "brand") and _FALSE_WORDS.search(content):
        return "deny"
    if lemma == "plead" and _NEGATED_PLEA.search(content):
        return "deny"
    if lemma == "call" and not any(t.lower_ in ("on", "for") for t in cue):
        return "say"  # "called the recall a stunt"; "called on" and "called for" ask
    return _CLASS_OF.get(lemma, "say" if lemma in ("say", "tell") else "other")


def find_hedges(text: str, a: Attribution) -> tuple[tuple[tuple[int, int], ...], ...]:
    """Hedges inside the attribution's source, cue and content spans, as one-span roles."""
    found: set[tuple[int, int]] = set()
    for s, e in (*a.source, *a.cue, *a.content):
        for m in HEDGE_RE.finditer(text, s, e):
            found.add((m.start(), m.end()))
    # a passive cue ("is said") spills past its span: "It is said", "is said to"
    for s, e in a.cue:
        for m in HEDGE_RE.finditer(text, max(0, s - 3), min(len(text), e + 4)):
            if m.start() <= s < m.end() or s <= m.start() < e:
                found.add((m.start(), m.end()))
    return tuple(((s, e),) for s, e in sorted(found))


class StanceComponent(AttributionLayer):
    """Stance class, hedges and denial links; word lists only, so it costs next to nothing."""

    def enrich(
        self, doc: Doc, text: str, atts: list[Attribution], actors: list[Actor]
    ) -> tuple[list[Attribution], list[Span | None]]:
        """Cue stance and hedges of each attribution; what each denial denies."""
        out = [replace(a, stance=cue_stance(doc, a, text), hedges=find_hedges(text, a))
               for a in atts]
        out = [replace(a, denies=self._denies(doc, text, out, i, actors))
               if a.stance == "deny" else a for i, a in enumerate(out)]
        extra: list[Span | None] = [
            doc.char_span(s, e, label="HEDGE", alignment_mode="expand")
            for a in out for h in a.hedges for s, e in h
        ]
        return out, extra

    @staticmethod
    def _denies(doc: Doc, text: str, atts: list[Attribution], i: int,
                actors: list[Actor]) -> tuple[int, ...]:
        """The earlier accusation or claim about the denier that attribution ``i`` rejects."""
        d = atts[i]
        here = _start(d)
        who: set[int] = set()
        if d.actor is not None:
            who.add(d.actor)
        for k, actor in enumerate(actors):
            if any(s < e2 and s2 < e for s, e in actor.mentions for s2, e2 in d.source):
                who.add(k)
        names = [actors[k].name.split()[-1] for k in who]
        head = _referring_head(doc, d)
        if head in REFERRING_HEADS:  # "denied the allegations": the latest one, named or not
            classes = REFERRING_HEADS[head]
            earlier = [j for j, p in enumerate(atts) if j != i and p.stance in classes
                       and _start(p) < here and here - _start(p) < 1200
                       and (p.actor is None or p.actor not in who)]
            return (max(earlier, key=lambda j: _start(atts[j])),) if earlier else ()
        sent_starts = [s.start_char for s in doc.sents]
        here_sent = sum(1 for s in sent_starts if s <= here)
        best: tuple[int, int, int] | None = None  # (preferred, start, index)
        for j, p in enumerate(atts):
            start = _start(p)
            if j == i or start >= here or p.stance not in ("accuse", "claim", "report", "say",
                                                            "believe", "suggest"):
                continue
            if here_sent - sum(1 for s in sent_starts if s <= start) > 8:
                continue
            about = any(
                s < ce and cs < e for k in who for s, e in actors[k].mentions
                for cs, ce in (*p.content, *(() if p.stance != "accuse" else p.source))
            ) or any(
                re.search(rf"\b{re.escape(n)}\b", text[cs:ce]) for n in names
                for cs, ce in p.content
            )
            if not about or (p.actor is not None and p.actor in who):
                continue
            key = (int(p.stance in ("accuse", "claim")), start, j)
            if best is None or key > best:
                best = key
        return () if best is None else (best[2],)


def _referring_head(doc: Doc, a: Attribution) -> str:
    """The lemma of the noun a denial points back to: "the allegations", "that suggestion",
    "any wrongdoing", in its content or folded into its cue ("rejected the suggestion that
    …"); "" when it introduces something new ("dismissed reports that …")."""
    for offsets in (a.cue, a.content[:1]):
        if not offsets:
            continue
        span = doc.char_span(offsets[0][0], offsets[-1][1], alignment_mode="expand")
        for noun in [] if span is None else [t for t in span if t.pos_ == "NOUN"][:1]:
            lemma = noun.lemma_.lower()
            dets = {c.lower_ for c in noun.children if c.dep_ in ("det", "poss", "predet")}
            if lemma == "wrongdoing" or dets & {"the", "that", "this", "these", "those", "such",
                                                 "his", "her", "its", "their"}:
                return lemma
    return ""


def _start(a: Attribution) -> int:
    for role in (a.cue, a.source, a.content):
        if role:
            return role[0][0]
    return 0


@Language.factory(
    "sayso_stance",
    assigns=["doc._.sayso_attributions", "doc.spans"],
    requires=["doc._.sayso_attributions", "token.lemma"],
)
def make_stance(nlp: Language, name: str) -> StanceComponent:
    """spaCy factory; runs after ``sayso_sources`` (it reads the linked actors)."""
    return StanceComponent(nlp, name)
