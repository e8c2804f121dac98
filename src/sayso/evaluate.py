"""Scoring attributions against brat gold, with the figures of ``shared/tools/attr_eval.py``.

The reference scorer's definitions, in short (its docstring has them in full):

- Text is tokenised with ``\\w+|[^\\w\\s]``; a token is *in* a set of spans when any of its
  characters is. All figures are micro-averaged over the corpus.
- **token**: per role and document, the tokens in any span of that role (all attributions
  together) are compared between gold and prediction.
- **exact**: per role and document, the set of spans (each discontiguous fragment on its own,
  trimmed of non-alphanumeric characters at both ends, empty ones dropped) is compared.
- **linked**: a predicted and a gold attribution are compatible when their cues share a token
  (or both are empty), their sources share a token (or both are empty) and their contents'
  token Jaccard is at least 0.5; compatible pairs are matched one to one, greedily, best first
  (score = the sum of the three roles' Jaccards; ties in document order).
- **strict linked**: the same matching, but every role non-empty on either side needs a
  Jaccard of at least 0.8.

A test runs both scorers on the same predictions over PolNeAR dev and asserts equal figures.
"""

from __future__ import annotations

import bisect
import csv
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.table import Table

from .errors import Errors, InputError, SaysoError
from .export.brat import ROLES, RoleSpans, Span, read_document

TOKEN_RE = re.compile(r"\w+|[^\w\s]")
ROLE_TITLES = {"source": "Source", "cue": "Cue", "content": "Content"}
LOOSE_CONTENT_JACCARD = 0.5
STRICT_JACCARD = 0.8

Scores = dict[str, Any]


@dataclass(frozen=True)
class GoldDocument:
    """A gold article: its exact text and its attributions."""

    text: str
    attributions: list[RoleSpans]


# -- reading gold ----------------------------------------------------------------------


def canonical_annotators(metadata: Path) -> dict[str, str]:
    """PolNeAR's ``metadata.tsv``: document name to its first (canonical) annotator."""
    with metadata.open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        canon = {}
        for row in rows:
            first = (row.get("annotators") or "").split("|")[0].strip()
            if first and row.get("filename"):
                canon[row["filename"]] = first
    return canon


def load_gold(folder: Path) -> dict[str, GoldDocument]:
    """Gold documents by name, from PolNeAR's layout or a flat brat folder.

    PolNeAR's layout is ``text/NAME.txt`` with ``attributions/NAME_ANNOTATOR.ann``; the
    canonical annotator comes from ``../metadata.tsv``, else the only ``.ann`` of the document
    is used. A flat folder (what ``sayso analyze --format brat`` writes) pairs ``NAME.txt``
    with ``NAME.ann``.
    """
    text_dir, ann_dir = folder / "text", folder / "attributions"
    if text_dir.is_dir() and ann_dir.is_dir():
        return _load_polnear(folder, text_dir, ann_dir)
    if folder.is_dir() and any(folder.glob("*.ann")):
        return _load_flat(folder)
    raise SaysoError(Errors.E030, path=folder)


def _load_polnear(folder: Path, text_dir: Path, ann_dir: Path) -> dict[str, GoldDocument]:
    metadata = Path(os.path.abspath(folder)).parent / "metadata.tsv"
    canon = canonical_annotators(metadata) if metadata.is_file() else {}
    candidates: dict[str, list[Path]] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        candidates.setdefault(ann.stem.rsplit("_", 1)[0], []).append(ann)
    gold: dict[str, GoldDocument] = {}
    for txt in sorted(text_dir.glob("*.txt")):
        doc = txt.stem
        found = candidates.get(doc, [])
        if doc in canon:
            ann = ann_dir / f"{doc}_{canon[doc]}.ann"
            if not ann.is_file():
                raise SaysoError(Errors.E034, doc=doc, detail=f"{ann.name} is missing")
        elif len(found) == 1:
            ann = found[0]
        else:
            detail = f"no metadata.tsv row and {len(found)} .ann files"
            raise SaysoError(Errors.E034, doc=doc, detail=detail)
        gold[doc] = GoldDocument(*read_document(txt, ann))
    if not gold:
        raise SaysoError(Errors.E035, path=text_dir)
    return gold


def _load_flat(folder: Path) -> dict[str, GoldDocument]:
    gold: dict[str, GoldDocument] = {}
    for txt in sorted(folder.glob("*.txt")):
        ann = txt.with_suffix(".ann")
        if not ann.is_file():
            raise SaysoError(Errors.E034, doc=txt.stem, detail=f"{ann.name} is missing")
        gold[txt.stem] = GoldDocument(*read_document(txt, ann))
    if not gold:
        raise SaysoError(Errors.E035, path=folder)
    return gold


# -- reading predictions ---------------------------------------------------------------


def _clip(spans: Any, n: int) -> list[Span]:
    """Spans clipped to the text, empty ones dropped, deduplicated and sorted."""
    out: set[Span] = set()
    for span in spans or []:
        if not isinstance(span, list | tuple) or len(span) != 2:
            raise ValueError(f"bad span {span!r}")
        s, e = max(0, int(span[0])), min(n, int(span[1]))
        if e > s:
            out.add((s, e))
    return sorted(out)


def _role(value: Any) -> Any:
    """A role is a ``sayso.article/1`` object with ``spans``, or (attr_eval's input) a list."""
    return value.get("spans", []) if isinstance(value, dict) else value


@dataclass
class Predictions:
    """Predicted attributions by gold document, and what could not be used as it is."""

    attributions: dict[str, list[RoleSpans]] = field(default_factory=dict)
    unknown: list[str] = field(default_factory=list)
    """Predicted documents that are not in the gold set (ignored)."""
    other_text: list[str] = field(default_factory=list)
    """Documents whose record carries a text unlike gold's: their offsets may not line up."""


def load_predictions(path: Path, gold: dict[str, GoldDocument]) -> Predictions:
    """Read ``sayso.article/1`` JSONL (name in ``id``) or attr_eval's ``{"doc": ...}`` lines.

    A document seen twice gets both sets of attributions, as the reference scorer does.
    """
    if not path.is_file():
        raise InputError(Errors.E001, str(path))
    pred = Predictions()
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                doc = obj["doc"] if "doc" in obj else obj["id"]
                if doc not in gold:
                    pred.unknown.append(doc)
                    continue
                text = gold[doc].text
                if "text" in obj and obj["text"] != text:
                    pred.other_text.append(doc)
                found = pred.attributions.setdefault(doc, [])
                for a in obj.get("attributions", []):
                    found.append({role: _clip(_role(a.get(role)), len(text)) for role in ROLES})
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                detail = f"{type(exc).__name__}: {exc}"
                raise InputError(Errors.E031, str(path), line=lineno, detail=detail) from None
    return pred


# -- scoring ---------------------------------------------------------------------------


class TokenIndex:
    """The token boundaries of one text, to map character spans to token sets quickly."""

    def __init__(self, text: str) -> None:
        bounds = [m.span() for m in TOKEN_RE.finditer(text)]
        self.starts = [s for s, _ in bounds]
        self.ends = [e for _, e in bounds]

    def tokens(self, spans: list[Span]) -> set[int]:
        """Indices of the tokens with at least one character inside any of the spans."""
        found: set[int] = set()
        for s, e in spans:
            i = bisect.bisect_right(self.ends, s)  # the first token ending after s
            while i < len(self.starts) and self.starts[i] < e:
                found.add(i)
                i += 1
        return found


def trim(text: str, span: Span) -> Span | None:
    """The span without non-alphanumeric characters at either end; None when nothing is left."""
    s, e = span
    while s < e and not text[s].isalnum():
        s += 1
    while e > s and not text[e - 1].isalnum():
        e -= 1
    return (s, e) if e > s else None


@dataclass
class Counts:
    """True positives, false positives and false negatives, summed over documents."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set[Any], pred: set[Any]) -> None:
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    def add_matches(self, matched: int, n_gold: int, n_pred: int) -> None:
        self.tp += matched
        self.fp += n_pred - matched
        self.fn += n_gold - matched

    def prf(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": p, "r": r, "f1": f1, "tp": self.tp, "fp": self.fp, "fn": self.fn}


def jaccard(a: set[int], b: set[int]) -> float:
    """Token overlap; two empty sets agree completely."""
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def greedy_matches(pairs: list[tuple[float, int, int]]) -> int:
    """One-to-one matches of (score, gold index, predicted index) pairs, best score first."""
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for _, g, p in sorted(pairs, key=lambda pair: (-pair[0], pair[1], pair[2])):
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
    return len(used_gold)


def _link_pairs(
    gold: list[dict[str, set[int]]], pred: list[dict[str, set[int]]]
) -> tuple[list[tuple[float, int, int]], list[tuple[float, int, int]]]:
    """Candidate pairs for linked and strict linked matching."""
    loose: list[tuple[float, int, int]] = []
    strict: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            j = {role: jaccard(g[role], p[role]) for role in ROLES}
            score = j["source"] + j["cue"] + j["content"]
            cue_ok = bool(g["cue"] & p["cue"]) or not (g["cue"] or p["cue"])
            source_ok = bool(g["source"] & p["source"]) or not (g["source"] or p["source"])
            if cue_ok and source_ok and j["content"] >= LOOSE_CONTENT_JACCARD:
                loose.append((score, gi, pi))
            if all(j[role] >= STRICT_JACCARD for role in ROLES if g[role] or p[role]):
                strict.append((score, gi, pi))
    return loose, strict


def score(gold: dict[str, GoldDocument], pred: dict[str, list[RoleSpans]]) -> Scores:
    """All figures, shaped like ``attr_eval.py --json`` output."""
    token = {role: Counts() for role in ROLES}
    exact = {role: Counts() for role in ROLES}
    linked, strict = Counts(), Counts()
    n_gold = n_pred = 0
    for doc, g in gold.items():
        index = TokenIndex(g.text)
        gold_atts, pred_atts = g.attributions, pred.get(doc, [])
        n_gold += len(gold_atts)
        n_pred += len(pred_atts)
        for role in ROLES:
            gold_spans = [span for a in gold_atts for span in a[role]]
            pred_spans = [span for a in pred_atts for span in a[role]]
            token[role].add(index.tokens(gold_spans), index.tokens(pred_spans))
            exact[role].add(
                {t for t in (trim(g.text, span) for span in gold_spans) if t},
                {t for t in (trim(g.text, span) for span in pred_spans) if t},
            )
        gold_tokens = [{role: index.tokens(a[role]) for role in ROLES} for a in gold_atts]
        pred_tokens = [{role: index.tokens(a[role]) for role in ROLES} for a in pred_atts]
        loose_pairs, strict_pairs = _link_pairs(gold_tokens, pred_tokens)
        linked.add_matches(greedy_matches(loose_pairs), len(gold_atts), len(pred_atts))
        strict.add_matches(greedy_matches(strict_pairs), len(gold_atts), len(pred_atts))
    return {
        "token": {ROLE_TITLES[role]: token[role].prf() for role in ROLES},
        "exact": {ROLE_TITLES[role]: exact[role].prf() for role in ROLES},
        "linked": linked.prf(),
        "strict_linked": strict.prf(),
        "counts": {
            "docs": len(gold),
            "docs_in_pred": sum(1 for doc in gold if doc in pred),
            "gold_attributions": n_gold,
            "pred_attributions": n_pred,
        },
    }


def scorecard_table(scores: Scores) -> Table:
    """The figures as a Rich table, one row per metric and role."""
    c = scores["counts"]
    table = Table(
        title=(
            f"{c['docs']} documents ({c['docs_in_pred']} predicted), "
            f"{c['gold_attributions']} gold and {c['pred_attributions']} predicted attributions"
        ),
        title_justify="left",
    )
    for name in ("metric", "role", "P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(name, justify="left" if name in ("metric", "role") else "right")
    rows = [
        (kind, role, scores[kind][role])
        for kind in ("token", "exact")
        for role in ROLE_TITLES.values()
    ] + [(kind, "-", scores[kind]) for kind in ("linked", "strict_linked")]
    for kind, role, m in rows:
        table.add_row(
            kind,
            role,
            *(f"{m[k]:.3f}" for k in ("p", "r", "f1")),
            *(str(m[k]) for k in ("tp", "fp", "fn")),
        )
    return table
