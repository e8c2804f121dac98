"""The learned attribution model: a cue tagger, then a source/content tagger per cue.

Grouping comes for free: every predicted cue starts one attribution, and the role tagger,
reading the parse relative to that cue, says which tokens are its source and content.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc

from ..contract import Attribution, Offsets
from . import DASHES
from .cuespan import CUE_SPAN_FILE, refine
from .features import (
    CUE_CLASSES,
    ROLE_ALLOWED_AFTER,
    ROLE_CLASSES,
    DocView,
    cue_dynamic,
    cue_static,
    is_cue_candidate,
    role_dynamic,
    role_sequence_features,
)
from .neural import HEAD_FILE, ROLE_HEAD_FILE, Encoder, Head, RoleHead
from .perceptron import Perceptron

META_FILE = "meta.json"
CUE_FILE = "cue.npz"
ROLE_FILE = "role.npz"
CUE_ALLOWED = {"O": (0, 1), "B": (0, 1, 2), "I": (0, 1, 2)}
I_CONTENT = ROLE_CLASSES.index("I-C")
B_CONTENT = ROLE_CLASSES.index("B-C")
B_SOURCE = ROLE_CLASSES.index("B-S")
I_SOURCE = ROLE_CLASSES.index("I-S")
B_CUE = CUE_CLASSES.index("B")
I_CUE = CUE_CLASSES.index("I")


def quote_depths(text: str) -> bytearray:
    """1 for each character inside quotation marks, scanning the text once from its start.

    A straight quote opens when none is open and closes otherwise; curly and guillemet quotes
    say which they are. Computed once per doc, so classifying every attribution stays linear.
    """
    depths = bytearray(len(text))
    depth = 0
    for i, ch in enumerate(text):
        if ch in "“«" or (ch == '"' and depth == 0):
            depth = 1
        elif ch in "”»" or ch == '"':
            depth = 0
        else:
            depths[i] = depth
    return depths


def quote_kind(text: str, content: Offsets, depths: bytearray | None = None) -> str:
    """direct when all content lies in quotation marks, mixed when some does, else indirect.

    Only letters and digits count, so the punctuation around a quote does not make it mixed.
    """
    if depths is None:
        depths = quote_depths(text)
    inside = outside = 0
    for s, e in content:
        for i in range(s, e):
            if text[i].isalnum():
                if depths[i]:
                    inside += 1
                else:
                    outside += 1
    if inside and not outside:
        return "direct"
    if inside:
        return "mixed"
    return "indirect"


def token_pieces(doc: Doc, tokens: list[int]) -> list[list[int]]:
    """The runs of consecutive token indices. A run bridges whitespace tokens: spaCy makes a
    no-break space a token of its own, the taggers never label it, and text on both sides of
    it is still one span (split in two, both halves miss exactly)."""
    pieces: list[list[int]] = []
    for i in sorted(tokens):
        if pieces and all(doc[k].is_space for k in range(pieces[-1][-1] + 1, i)):
            pieces[-1].append(i)
        else:
            pieces.append([i])
    return pieces


def token_runs(doc: Doc, tokens: list[int]) -> Offsets:
    """Character spans of :func:`token_pieces`."""
    return tuple(
        (doc[p[0]].idx, doc[p[-1]].idx + len(doc[p[-1]])) for p in token_pieces(doc, tokens)
    )


# Dependencies of a word that cannot end the phrase it opens ("a", "30-minute", "one of").
_PHRASE_OPENERS = frozenset({"det", "amod", "compound", "poss", "nummod", "aux", "cc", "case",
                             "nmod", "quantmod"})


def close_open_phrase(doc: Doc, content: list[int], cue: list[int]) -> list[int]:
    """A content or source, run on to the end of a phrase its last word leaves open. The
    greedy role tagger sometimes stops at a modifier whose head follows ("a 30-minute |
    interview"), at a relative pronoun ("a study that | appeared in …") or at a preposition
    before its object ("at one of | the golf courses"); the phrase is finished within the
    sentence, never across the cue. A last word that only joins what follows ("the market
    and | made comments") is dropped instead."""
    last = max(content)
    t = doc[last]
    end = last
    if (t.dep_ in _PHRASE_OPENERS or t.tag_ in ("WDT", "WP")) and t.head.i > last:
        end = t.head.right_edge.i  # "a 30-minute | interview", "a study that | appeared in"
    elif t.dep_ in ("prep", "agent"):
        end = max((c.right_edge.i for c in t.rights), default=last)
    if t.dep_ == "cc" and len(content) > 1 and t.head.i < last:  # "the stock market and |
        return [i for i in content if i != last]  # made comments": the conjunction opens
        # the clause after it
    if end == last or end >= t.sent.end or any(last < i <= end for i in cue):
        return content
    return content + list(range(last + 1, end + 1))


def trim_source_edges(doc: Doc, source: list[int]) -> list[int]:
    """The source without a leading dateline ("WASHINGTON -- President Obama": the place a
    story was filed from is no part of who spoke) or a trailing ", who" whose clause it left
    out ("Mr. Kamin, who")."""
    k = source[0]
    while k < source[-1] and doc[k].is_upper and doc[k].is_alpha:
        k += 1
    if k > source[0] and k < source[-1] and doc[k].text in DASHES:
        source = [i for i in source if i > k]
    last = source[-1]
    if len(source) > 2 and doc[last].tag_ in ("WDT", "WP") and doc[last - 1].text == ",":
        source = [i for i in source if i < last - 1]
    return source


_LEADERS = frozenset({"aux", "auxpass", "neg", "advmod"})


def to_the_verb(doc: Doc, cue: list[int]) -> list[int]:
    """A cue of auxiliaries with only negations and adverbs beside them ("did", "has not")
    runs on to the verb they lean on ("did not want", "has endorsed"): alone they say
    nothing. An adverb alone ("reportedly") is a cue of its own and stays."""
    deps = [doc[i].dep_ for i in cue]
    if not set(deps) <= _LEADERS or not {"aux", "auxpass"} & set(deps):
        return cue
    head = doc[cue[-1]].head
    if not (head.pos_ == "VERB" and 0 < head.i - cue[-1] <= 3):
        return cue
    return list(range(cue[0], head.i + 1))


def next_paragraph(v: DocView, cue: list[int]) -> list[int]:
    """The paragraph after a cue that ends its line on a colon ("He added:"): the role
    tagger reads only the cue's own paragraph, so the quote below would be lost."""
    doc = v.doc
    end = cue[-1] + (cue[-1] + 1 < v.n and doc[cue[-1] + 1].text == ":")
    out: list[int] = []
    if doc[end].text != ":":
        return out
    for i in range(end + 1, v.n):
        if v.space[i]:
            continue
        if (v.para[i] == v.para[end]) if not out else (v.para[i] != v.para[out[0]]):
            break  # the colon does not end its line; the next paragraph is over
        out.append(i)
    return out


_SUBJECTS = frozenset({"nsubj", "nsubjpass", "agent", "poss"})
# Links a cue's subject may sit above ("X, speaking to voters, said", "X wants to explain").
_SUBJECT_CLIMB = frozenset({"xcomp", "conj", "advcl", "acl", "relcl", "ccomp"})


def one_source_piece(doc: Doc, source: list[int], cue: list[int]) -> list[int]:
    """One contiguous source. The role tagger sometimes marks a second piece ("Christie, who
    backed Trump, blasted": "Christie" and "Trump"), but a source is one span: keep the piece
    that holds the cue's grammatical subject, else the piece nearest the cue."""
    pieces = token_pieces(doc, source)
    if len(pieces) < 2:
        return source
    head = doc[cue[0]]
    while head.head.i in cue and head.head.i != head.i:
        head = head.head
    for _ in range(4):
        subjects = {c.i for c in head.children if c.dep_ in _SUBJECTS}
        if subjects or head.dep_ not in _SUBJECT_CLIMB or head.head.i == head.i:
            break
        head = head.head
    holding = [p for p in pieces if subjects.intersection(p)]
    if len(holding) == 1:
        return holding[0]
    lo, hi = min(cue), max(cue)
    return min(pieces, key=lambda p: lo - p[-1] if p[-1] < lo else p[0] - hi)


@dataclass
class AttributionModel:
    """Two perceptrons plus the cue vocabulary that decides which tokens are worth scoring."""

    cue: Perceptron
    role: Perceptron
    cue_vocab: frozenset[str]
    meta: dict[str, Any] = field(default_factory=dict)
    calibration: tuple[float, float] = (1.0, 0.0)
    """``a, b`` of ``confidence = sigmoid(a * margin + b)``, fitted on dev by :mod:`sayso.train`."""
    content_bias: float = 0.0
    """Added to the score of continuing a content span at inference: the greedy tagger
    otherwise stops too early, at prepositions and relative pronouns (chosen on dev)."""
    cue_bias: float = 0.0
    """The same for continuing a cue: keeps function words inside multi-word cues."""
    cue_start_bias: float = 0.0
    """Added to the score of starting a cue: the tagger misses more cues than it invents
    (accurate tier from v6; chosen on dev)."""
    source_bias: float = 0.0
    """Added to the score of starting a source: the tagger leaves too many cues without
    one, and linked scoring needs only a token of overlap (chosen on dev)."""
    source_weight: float = 0.0
    content_weight: float = 0.0
    """Accurate tier: the head's p(source) and p(content), less 0.5 and times these weights,
    are added to the role tagger's source and content scores at inference, so the head moves
    span boundaries directly and not only through binned features (chosen on dev)."""
    head: Head | None = None
    """The accurate tier's neural head (``head.npz``): when present, both taggers also read
    MiniLM's p(cue), p(source), p(content) per token (see :mod:`sayso.pipeline.neural`)."""
    encoder: Encoder | None = None
    role_head: RoleHead | None = None
    """Accurate tier from v4: the cue-conditioned head (``role_head.npz``). Its p(source) and
    p(content) for the cue at hand are mixed into the head's (``role_mix`` of them) before the
    two weights apply, so the boundaries follow *this* attribution, not any attribution."""
    role_mix: float = 0.0
    cue_span: Perceptron | None = None
    """From v2 and accurate v5: the ranker that sets each found cue's exact extent
    (``cue_span.npz``, :mod:`sayso.pipeline.cuespan`) before its source and content are read."""

    @classmethod
    def new(cls, cue_vocab: frozenset[str], meta: dict[str, Any] | None = None) -> AttributionModel:
        """An untrained model (for :mod:`sayso.train`)."""
        return cls(Perceptron(CUE_CLASSES), Perceptron(ROLE_CLASSES), cue_vocab, meta or {})

    @classmethod
    def load(cls, path: Path) -> AttributionModel:
        """Read a model folder written by :meth:`save`."""
        meta = json.loads((path / META_FILE).read_text(encoding="utf-8"))
        vocab = frozenset(meta.pop("cue_vocab"))
        a, b = meta.get("calibration", (1.0, 0.0))
        cue, role = Perceptron.load(path / CUE_FILE), Perceptron.load(path / ROLE_FILE)
        kinds = ("content", "cue", "cue_start", "source")
        biases = (float(meta.get(f"{k}_bias", 0.0)) for k in kinds)
        weights = (float(meta.get(f"{k}_weight", 0.0)) for k in ("source", "content"))
        model = cls(cue, role, vocab, meta, (float(a), float(b)), *biases, *weights)
        model.role_mix = float(meta.get("role_mix", 0.0))
        if (path / CUE_SPAN_FILE).is_file():
            model.cue_span = Perceptron.load(path / CUE_SPAN_FILE)
        if (path / HEAD_FILE).is_file():
            model.head = Head.load(path / HEAD_FILE)
            if (path / ROLE_HEAD_FILE).is_file():
                model.role_head = RoleHead.load(path / ROLE_HEAD_FILE)
            model.encoder = model.new_encoder()  # fails here, with E023, without the extra
        return model

    def save(self, path: Path) -> None:
        """Write the weights and ``meta.json`` (label, training settings, dev scores)."""
        path.mkdir(parents=True, exist_ok=True)
        self.cue.save(path / CUE_FILE)
        self.role.save(path / ROLE_FILE)
        if self.cue_span is not None:
            self.cue_span.save(path / CUE_SPAN_FILE)
        if self.head is not None:
            self.head.save(path / HEAD_FILE)
        meta = {**self.meta, "calibration": list(self.calibration)}
        if self.role_head is not None:
            self.role_head.save(path / ROLE_HEAD_FILE)
            meta["role_mix"] = self.role_mix
        meta["content_bias"] = self.content_bias
        meta["cue_bias"] = self.cue_bias
        meta["cue_start_bias"] = self.cue_start_bias
        meta["source_bias"] = self.source_bias
        meta["source_weight"] = self.source_weight
        meta["content_weight"] = self.content_weight
        meta["cue_vocab"] = sorted(self.cue_vocab)
        (path / META_FILE).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")

    @property
    def label(self) -> str:
        """``name-vN`` as recorded in every output record."""
        return str(self.meta.get("label", "attribution"))

    # -- inference -----------------------------------------------------------------------

    def cues(self, v: DocView, gold: list[str] | None = None) -> list[tuple[list[int], float]]:
        """Predicted cue spans (token lists), each with its perceptron margin.

        With ``gold`` (a label per token) it trains instead: one perceptron step per token,
        decoding on its own guesses, as at inference.
        """
        found: list[tuple[list[int], float]] = []
        cands = [i for i in range(v.n) if is_cue_candidate(v, i, self.cue_vocab)]
        statics = [cue_static(v, i) for i in cands]
        base = self.cue.batch_scores(statics) if gold is None else None
        prev = "O"
        last = -2
        for pos, i in enumerate(cands):
            if i != last + 1:
                prev = "O"
            last = i
            dynamic = cue_dynamic(v, i, prev)
            if base is not None:
                s = [a + b for a, b in zip(base[pos], self.cue.scores(dynamic), strict=True)]
                s[I_CUE] += self.cue_bias
                s[B_CUE] += self.cue_start_bias
                allowed = CUE_ALLOWED[prev]
                k = max(allowed, key=lambda c: s[c])
            elif gold is not None:
                feats = statics[pos] + dynamic
                s = self.cue.scores(feats)
                allowed = (0, 1, 2)
                k = max(allowed, key=lambda c: s[c])
                self.cue.update(CUE_CLASSES.index(gold[i]), k, feats)
            label = CUE_CLASSES[k]
            if label == "B" or (label == "I" and not found):
                margin = s[k] - max(s[c] for c in allowed if c != k)
                found.append(([i], margin))
            elif label == "I":
                found[-1][0].append(i)
            prev = label
        return found

    def roles(
        self,
        v: DocView,
        cue: list[int],
        gold: dict[int, str] | None = None,
        cued: np.ndarray | None = None,
    ) -> tuple[list[int], list[int]]:
        """Source and content tokens for one cue (with ``gold`` labels: train on them).
        ``cued`` is the role head's (p(source), p(content)) per token for this cue."""
        win, static = role_sequence_features(v, cue)
        base = self.role.batch_scores(static) if gold is None else None
        weighted = base is not None and (self.source_weight or self.content_weight)
        probs = v.probs if weighted else None
        mix = self.role_mix if cued is not None else 0.0
        cue_set = set(cue)
        labels: dict[int, str] = {}
        source: list[int] = []
        content: list[int] = []
        prev, prev_rel = "O", "none"
        for pos, j in enumerate(win):
            feats = static[pos]
            if len(feats) == 1 or v.space[j]:
                prev, prev_rel = "O", feats[0] if len(feats) == 1 else "sp"
                continue
            h = v.head[j]
            head_label = labels.get(h, "O") if h < j else ("cue" if h in cue_set else ">")
            dynamic = role_dynamic(feats, prev, prev_rel, head_label)
            if base is not None:
                s = [a + b for a, b in zip(base[pos], self.role.scores(dynamic), strict=True)]
                s[I_CONTENT] += self.content_bias
                s[B_SOURCE] += self.source_bias
                if probs is not None:
                    _, p_source, p_content = probs[j]
                    if mix and cued is not None:
                        p_source += mix * (float(cued[j, 0]) - p_source)
                        p_content += mix * (float(cued[j, 1]) - p_content)
                    to_source = self.source_weight * (p_source - 0.5)
                    to_content = self.content_weight * (p_content - 0.5)
                    s[B_SOURCE] += to_source
                    s[I_SOURCE] += to_source
                    s[B_CONTENT] += to_content
                    s[I_CONTENT] += to_content
                k = max(ROLE_ALLOWED_AFTER[prev], key=lambda c: s[c])
            elif gold is not None:
                full = feats + dynamic
                k = self.role.predict(full)
                self.role.update(ROLE_CLASSES.index(gold.get(j, "O")), k, full)
            label = ROLE_CLASSES[k]
            labels[j] = label[-1]
            if label.endswith("S"):
                source.append(j)
            elif label.endswith("C"):
                content.append(j)
            prev, prev_rel = label, feats[1]
        return source, content

    def new_encoder(self) -> Encoder:
        """MiniLM set up as it was when the head was trained (``meta.json``, ``encoder``)."""
        return Encoder(**self.meta.get("encoder", {}))

    def view(self, doc: Doc, neural: np.ndarray | None = None) -> DocView:
        """The doc as the taggers read it; the accurate tier adds the neural head's output
        (computed here unless ``neural`` is given, as in training)."""
        vectors = None
        if neural is None and self.head is not None:
            if self.encoder is None:
                self.encoder = self.new_encoder()
            vectors = self.encoder.token_vectors(doc)
            neural = self.head(vectors)
        return DocView(doc, neural=neural, vectors=vectors if self.role_head else None)

    def scored(self, doc: Doc, v: DocView | None = None) -> list[tuple[Attribution, float]]:
        """All attributions of a parsed doc with their raw cue margins; a cue without content
        yields none. ``v`` is a view already built by :meth:`view`."""
        if v is None:
            v = self.view(doc)
        a, b = self.calibration
        text = doc.text  # built from the tokens on every access: read it once
        depths: bytearray | None = None
        out: list[tuple[Attribution, float]] = []
        cues = self.cues(v)
        if self.cue_span is not None:
            cues = [(refine(self.cue_span, v, cue), margin) for cue, margin in cues]
        cues = [(to_the_verb(doc, cue), margin) for cue, margin in cues]
        cued: list[np.ndarray | None] = [None] * len(cues)
        if self.role_head is not None and v.vectors is not None and cues:
            cued = list(self.role_head(v.vectors, [c for c, _ in cues]))
        for (cue, margin), p in zip(cues, cued, strict=True):
            source, content = self.roles(v, cue, cued=p)
            if not content:
                content = next_paragraph(v, cue)
            if not content:
                continue
            content = close_open_phrase(doc, content, cue)
            source = one_source_piece(doc, source, cue)
            if source:
                source = close_open_phrase(doc, trim_source_edges(doc, source), cue)
            content_offsets = token_runs(doc, content)
            if depths is None:
                depths = quote_depths(text)
            z = max(-30.0, min(30.0, a * margin + b))
            att = Attribution(
                source=token_runs(doc, source),
                cue=token_runs(doc, cue),
                content=content_offsets,
                kind=quote_kind(text, content_offsets, depths),  # type: ignore[arg-type]
                confidence=round(1.0 / (1.0 + math.exp(-z)), 4),
            )
            out.append((att, margin))
        return out

    def predict(self, doc: Doc) -> list[Attribution]:
        """All attributions of a parsed doc, confidence calibrated."""
        return [att for att, _ in self.scored(doc)]
