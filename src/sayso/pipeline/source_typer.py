"""A learned source typer: multinomial logistic regression over general features of a source.

Why: the hand-written source-type rules score .92-.98 on the gold sets they were written
from but .86-.91 on each round's fresh held-out set. A small model trained on every labelled
set may carry better to unseen text (``docs/sources.md``, rounds 12 and 13). It runs after
``sayso_sources`` and re-types each attribution from the rules' own parse of the source:

- ``mode="learned"``: the model's type replaces the rules' type, anonymity included;
- ``mode="hybrid"`` (the default pipeline's): the model's type, except that the rules'
  anonymity decision stands (the model is weaker there): an attribution the rules call
  anonymous stays so, and one the model alone calls anonymous keeps the rules' type; and an
  attribution with no source span keeps the rules' type (they may have found its source
  through a conjunct cue the model cannot see: "The club sacked him and thanked him").

In both modes a source the model retypes as a group, a document or outlet, or unspecified
loses the actor the rules linked it to: those types name no one actor (the gold sets never
link one), as the rules themselves drop an outlet's link.

Measured once on round 13's held-out set, frozen before it was labelled: source type .901
(rules) → .923 (learned) → .926 (hybrid), anonymity F1 unchanged in hybrid mode.

Feature names are single words (lemmas, surnames seen twice or more among them), tags and
word-list hits, never passages of text, so the weights (``models/source-typer-v*.json``,
numpy only) can be read for what they learned. They are
rebuilt by ``python benchmarks/source_type_cv.py --polnear DIR --fit FILE``.
"""

from __future__ import annotations

import json
from dataclasses import replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..contract import Actor, Attribution, Offsets
from ..errors import Errors, ModelError
from . import AttributionLayer
from . import sources as src
from .actors import HONORIFICS, TITLE_WORDS, is_outlet

TYPES = ("named_person", "anonymous_person", "organisation", "group", "document", "unspecified")
SHIPPED = "source-typer-v1"
"""The weights ``sayso_source_typer`` loads unless given a file."""

LEXICONS = {
    "doc": src.DOCUMENT_NOUNS,
    "org": src.ORG_NOUNS,
    "genorg": src.GENERIC_ORG_NOUNS,
    "outletnoun": src.OUTLET_NOUNS,
    "spokes": src.SPOKES_NOUNS,
    "anon": src.ANON_NOUNS,
    "group": src.GROUP_WORDS,
    "share": src.SHARE_WORDS,
    "partitive": src.PARTITIVES,
    "personrole": src.PERSON_ROLE_NOUNS,
    "person": src.PERSON_NOUNS,
    "notperson": src.NOT_PERSON_NOUNS,
    "title": TITLE_WORDS,
    "honorific": HONORIFICS,
}
"""The rules' own word lists (imported, never copied), read as features."""


def _bucket(n: int) -> str:
    return str(n) if n < 4 else "4-5" if n < 6 else "6+"


def _root_span(doc: Doc, source: Offsets, cue: Offsets) -> Span | None:
    """The source fragment nearest the cue as tokens, or None."""
    parts = [doc.char_span(s, e, alignment_mode="expand") for s, e in source]
    parts = [p for p in parts if p is not None and len(p)]
    if not parts:
        return None
    cs, ce = (cue[0][0], cue[-1][1]) if cue else (parts[0].start_char, parts[0].end_char)
    return min(parts, key=lambda p: min(abs(p.end_char - cs), abs(p.start_char - ce)))


def features(
    doc: Doc, text: str, att: Attribution, actors: list[Actor], headline: int
) -> list[str]:
    """General features of one attribution, as typed by the rules (actor link included);
    ``headline`` is where the headline ends (:func:`sources._headline_end`)."""
    out = ["bias", f"kind={att.kind}"]
    actor = actors[att.actor] if att.actor is not None and att.actor < len(actors) else None
    out.append(f"actor={actor.type if actor else 'none'}")
    if actor and is_outlet(actor.name):
        out.append("actor_outlet")
    cue = att.cue
    cue_span = doc.char_span(cue[0][0], cue[-1][1], alignment_mode="expand") if cue else None
    out.append(f"cue={cue_span.root.lemma_.lower()}" if cue_span else "cue=none")
    anchor = cue[0][0] if cue else (att.source or ((0, 0),))[0][0]
    sent_span = doc.char_span(anchor, anchor + 1, alignment_mode="expand")
    if sent_span is not None and len(sent_span):
        sent = sent_span[0].sent
        if src.find_anonymity_reasons(text[sent.start_char : sent.end_char]):
            out.append("anon_reason")
    span = _root_span(doc, att.source, cue)
    if span is None:
        out.append("empty_source")
        if anchor < headline:
            out.append("headline")
        return out
    if span.start_char < headline:
        out.append("headline")
    if src._inside_quotation(text, span.start_char):
        out.append("in_quote")
    root = src._root(span)
    lemma = root.lemma_.lower()
    out += [
        f"lemma={lemma}",
        f"suf3={lemma[-3:]}",
        f"tag={root.tag_}",
        f"pos={root.pos_}",
        f"dep={root.dep_}",
        f"ent={root.ent_type_ or 'O'}",
        f"len={_bucket(len(span))}",
        f"propn={_bucket(sum(t.pos_ == 'PROPN' for t in span))}",
    ]
    out += sorted({f"span_ent={t.ent_type_}" for t in span if t.ent_type_})
    plural = root.tag_ in ("NNS", "NNPS") or "Plur" in root.morph.get("Number")
    out.append("plural" if plural else "singular")
    if root.pos_ == "PRON":
        out.append(f"pron={root.lower_}")
    for child in root.children:
        if child.dep_ == "det":
            out.append(f"det={child.lower_}")
        elif child.dep_ == "poss":
            out.append("det=poss" if child.pos_ == "PRON" else "det=poss_name")
        elif child.dep_ in ("compound", "amod") and child.i < root.i:
            out += [f"mod_in_{name}" for name, words in LEXICONS.items()
                    if child.lemma_.lower() in words]
    if root.is_title and root.pos_ == "PROPN":
        out.append("capitalised_name")
    for name, words in LEXICONS.items():
        if lemma in words or root.lower_ in words:
            out.append(f"head_in_{name}")
        if any(t.lemma_.lower() in words for t in span if t != root):
            out.append(f"span_in_{name}")
    if lemma.endswith(src.PERSON_ENDINGS):
        out.append("person_ending")
    if is_outlet(span.text):
        out.append("outlet_name")
    mention = next((a for a in actors for s, e in a.mentions if s <= root.idx < e), None)
    out.append(f"head_actor={mention.type if mention else 'none'}")
    return out


class SourceTyper:
    """The fitted weights: one row per feature name, one column per type in :data:`TYPES`."""

    def __init__(self, names: list[str], weights: np.ndarray, label: str) -> None:
        self.index = {f: i for i, f in enumerate(names)}
        self.weights = weights
        self.label = label

    @classmethod
    def load(cls, path: Path) -> SourceTyper:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            weights = np.array(data["weights"], dtype=np.float64)
            if data["types"] != list(TYPES) or weights.shape != (len(data["features"]), 6):
                raise ValueError("types or shape")
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError(Errors.E024, detail=f"{path}: {exc}") from exc
        return cls(data["features"], weights, data.get("label", path.stem))

    def save(self, path: Path, meta: dict[str, object]) -> None:
        names = sorted(self.index, key=self.index.__getitem__)
        data = {"label": self.label, **meta, "types": list(TYPES), "features": names,
                "weights": [[round(float(w), 4) for w in row] for row in self.weights]}
        path.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")

    def predict(self, rows: list[list[str]]) -> list[str]:
        """The most probable type of each row of feature names (unknown names are ignored)."""
        out = []
        for row in rows:
            cols = [self.index[f] for f in set(row) if f in self.index]
            z = self.weights[cols].sum(axis=0) if cols else np.zeros(len(TYPES))
            out.append(TYPES[int(z.argmax())])
        return out


@cache
def shipped_typer() -> SourceTyper:
    """The weights inside the package."""
    path = resources.files("sayso") / "models" / f"{SHIPPED}.json"
    return SourceTyper.load(Path(str(path)))


Mode = Literal["learned", "hybrid"]


_ACTOR_TYPES = frozenset(("named_person", "organisation"))
"""The types whose source is an actor: a group, an outlet or no one in particular is none."""


def retype(att: Attribution, learned: str, mode: Mode, joined: bool = False) -> Attribution:
    """The attribution with the model's type, per ``mode`` (module docstring); a source
    retyped as a group, an outlet or no one in particular loses its actor link. In hybrid
    mode a group the rules found ``joined`` ("X and Y said") stays one where the model took
    it for a person or a body: no feature of the model sees a conjunct."""
    if mode == "hybrid" and (att.anonymous or learned == "anonymous_person" or not att.source
                             or (joined and att.source_type == "group"
                                 and learned in _ACTOR_TYPES)):
        return att
    actor = att.actor if learned in _ACTOR_TYPES else None
    if mode == "hybrid":
        return replace(att, source_type=learned, actor=actor)  # type: ignore[arg-type]
    anonymous = learned == "anonymous_person"
    return replace(att, source_type=learned, anonymous=anonymous,  # type: ignore[arg-type]
                   anonymous_reason=att.anonymous_reason if anonymous else (), actor=actor)


class SourceTyperComponent(AttributionLayer):
    """Re-types the sources ``sayso_sources`` typed, with the learned model."""

    def __init__(self, nlp: Language, name: str, *, mode: Mode, weights: str) -> None:
        super().__init__(nlp, name)
        if mode not in ("learned", "hybrid"):
            raise ModelError(Errors.E024, detail=f"mode {mode!r}")
        self.mode = mode
        self.typer = shipped_typer() if not weights else SourceTyper.load(Path(weights))

    @property
    def label(self) -> str:
        """The weights and the mode, as recorded in every output record's producer."""
        return f"{self.typer.label} {self.mode}"

    def enrich(
        self, doc: Doc, text: str, atts: list[Attribution], actors: list[Actor]
    ) -> tuple[list[Attribution], list[Span | None]]:
        headline = src._headline_end(text)
        types = self.typer.predict([features(doc, text, a, actors, headline) for a in atts])
        return [retype(a, t, self.mode, _joined(doc, a)) for a, t in zip(atts, types, strict=True)
                ], []


def _joined(doc: Doc, att: Attribution) -> bool:
    """Whether the source's head is joined to another by "and" (:func:`sources._has_conj`)."""
    span = _root_span(doc, att.source, att.cue)
    return span is not None and any(t.dep_ == "cc" for t in span) \
        and src._has_conj(src._root(span))


@Language.factory(
    "sayso_source_typer",
    default_config={"mode": "hybrid", "weights": ""},
    assigns=["doc._.sayso_attributions"],
    requires=["doc._.sayso_attributions", "doc._.sayso_actors"],
)
def make_source_typer(nlp: Language, name: str, mode: Mode, weights: str) -> SourceTyperComponent:
    """spaCy factory; runs after ``sayso_sources``. ``weights``: a file, or the shipped ones."""
    return SourceTyperComponent(nlp, name, mode=mode, weights=weights)
