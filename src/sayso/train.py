"""Rebuild the shipped attribution model from PolNeAR-layout folders.

``train()`` is the one entry point (wrapped by ``sayso train``): it parses both splits with
the base spaCy pipeline, trains the cue tagger and the role tagger (averaged perceptrons,
see :mod:`sayso.pipeline.model`), writes the model folder and returns dev scores from
:func:`sayso.evaluate.score` (the reference scorer's figures). With ``accurate=True`` it
first trains the neural head of the accurate tier (:mod:`sayso.pipeline.neural`) and the
perceptrons learn to read its output.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from .contract import Attribution
from .evaluate import GoldDocument, TokenIndex, jaccard, load_gold, score
from .export.brat import RoleSpans
from .nlp import base_nlp, pipeline_label
from .pipeline.cuespan import fit_cue_spans
from .pipeline.features import DocView
from .pipeline.model import AttributionModel
from .pipeline.neural import LAYERS, Encoder, Head, RoleHead, fit_head, fit_role_head

MODEL_LABEL = "attribution-v2"
ACCURATE_LABEL = "attribution-accurate-v6"
TIER_BIASES = {
    False: {"cue_start_bias": 0.0, "source_bias": 6.0},
    True: {"cue_start_bias": 1.0, "source_bias": 9.0},
}
"""Per tier (key: ``accurate``): the accurate tier's heads already find more cues and
sources, and chosen on dev with them in place (v6) it starts cues and sources more readily."""
ROLES = ("cue", "source", "content")


def load_split(split: Path, limit: int | None = None) -> list[tuple[str, GoldDocument]]:
    """Gold articles of a split in name order (the first ``limit`` only, when given)."""
    return sorted(load_gold(split).items())[:limit]


def _tokens_in(doc: Doc, spans: Iterable[tuple[int, int]]) -> list[int]:
    """Non-space tokens overlapping any of the character spans."""
    out: set[int] = set()
    for s, e in spans:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None:
            out.update(t.i for t in span if not t.is_space)
    return sorted(out)


def _cue_labels(doc: Doc, gold: GoldDocument) -> list[str]:
    labels = ["O"] * len(doc)
    for att in gold.attributions:
        for s, e in att["cue"]:
            toks = _tokens_in(doc, [(s, e)])
            for k, i in enumerate(toks):
                if labels[i] == "O":
                    labels[i] = "B" if k == 0 else "I"
    return labels


def _role_examples(doc: Doc, gold: GoldDocument) -> list[tuple[list[int], dict[int, str]]]:
    """Per gold attribution: its cue tokens and the BIO role label of every tagged token."""
    out = []
    for att in gold.attributions:
        cue = _tokens_in(doc, att["cue"])
        if not cue:
            continue
        labels: dict[int, str] = {}
        for role, tag in (("source", "S"), ("content", "C")):
            toks = _tokens_in(doc, att[role])
            for i in toks:
                if i not in cue:
                    labels[i] = (
                        "I-" if i - 1 in labels and labels[i - 1][2] == tag else "B-"
                    ) + tag
        out.append((cue, labels))
    return out


def _role_targets(doc: Doc, gold: GoldDocument) -> np.ndarray:
    """1 where a token lies in some gold cue / source / content: the neural head's targets."""
    y = np.zeros((len(doc), len(ROLES)), dtype=np.float32)
    for att in gold.attributions:
        for r, role in enumerate(ROLES):
            y[_tokens_in(doc, att[role]), r] = 1.0
    return y


def _role_head_examples(
    docs: Sequence[tuple[str, GoldDocument]], parsed: Sequence[Doc]
) -> list[tuple[int, list[int], list[int], list[int]]]:
    """``(article, cue, source, content)`` token lists of every gold attribution with a cue."""
    out = []
    for a, (doc, (_, gold)) in enumerate(zip(parsed, docs, strict=True)):
        for att in gold.attributions:
            cue = _tokens_in(doc, att["cue"])
            if cue:
                source, content = (
                    [t for t in _tokens_in(doc, att[r]) if t not in cue]
                    for r in ("source", "content")
                )
                out.append((a, cue, source, content))
    return out


def neural_features(
    train_docs: Sequence[tuple[str, GoldDocument]],
    train_parsed: Sequence[Doc],
    x_train: Sequence[np.ndarray],
    x_dev: Sequence[np.ndarray],
    *,
    seed: int,
    epochs: int,
) -> tuple[list[np.ndarray], list[np.ndarray], Head]:
    """The head's output for train and dev (from their MiniLM vectors), and the head itself.

    Train articles get out-of-fold output (two folds: each half is read by a head trained on
    the other half), so the perceptrons learn how far to trust the head on text it has not
    seen, not on text it has memorised. Dev gets the head trained on all of train. Each
    head trains for ``epochs`` passes (5 for the shipped model: 3 left cue recall lower).
    """
    y_train = [_role_targets(d, g) for d, (_, g) in zip(train_parsed, train_docs, strict=True)]
    out: list[np.ndarray] = [np.empty(0)] * len(x_train)
    for k in (0, 1):
        rest = range(1 - k, len(x_train), 2)
        head = fit_head(
            [x_train[i] for i in rest], [y_train[i] for i in rest], epochs=epochs, seed=seed
        )
        for i in range(k, len(x_train), 2):
            out[i] = head(x_train[i])
    full = fit_head(x_train, y_train, epochs=epochs, seed=seed)
    return out, [full(x) for x in x_dev], full


def _epochs(n: int, items: Sequence[Any], rng: random.Random) -> Iterator[Any]:
    """The items ``n`` times over, shuffled afresh each time (perceptrons need the churn)."""
    order = list(range(len(items)))
    for _ in range(n):
        rng.shuffle(order)
        yield from (items[k] for k in order)


def parse(nlp: Language, docs: Sequence[tuple[str, GoldDocument]], n_process: int = 1) -> list[Doc]:
    """Run the base pipeline (no attribution component) over the articles."""
    return list(nlp.pipe((gold.text for _, gold in docs), batch_size=16, n_process=n_process))


def fit(
    train_docs: Sequence[tuple[str, GoldDocument]],
    views: Sequence[DocView],
    *,
    cue_epochs: int = 8,
    role_epochs: int = 8,
    span_epochs: int = 6,
    seed: int = 0,
) -> AttributionModel:
    """Train both taggers and the cue-extent ranker on parsed gold docs (as the taggers'
    views of them)."""
    rng = random.Random(seed)
    vocab: set[str] = {":", "—", "―", "-"}
    cue_data = []
    role_data = []
    for v, (_, gold) in zip(views, train_docs, strict=True):
        labels = _cue_labels(v.doc, gold)
        vocab.update(v.lower[i] for i, lab in enumerate(labels) if lab != "O")
        cue_data.append((v, labels))
        role_data.extend((v, cue, lab) for cue, lab in _role_examples(v.doc, gold))
    model = AttributionModel.new(frozenset(vocab))
    for v, labels in _epochs(cue_epochs, cue_data, rng):
        model.cues(v, gold=labels)
    model.cue.average(min_weight=0.001)
    for v, cue, labels in _epochs(role_epochs, role_data, rng):
        model.roles(v, cue, gold=labels)
    model.role.average(min_weight=0.001)
    cues = {(id(v), tuple(cue)): (v, cue) for v, cue, _ in role_data}  # one per shared cue
    model.cue_span = fit_cue_spans(list(cues.values()), epochs=span_epochs, seed=seed)
    return model


def _correct(text: str, att: Attribution, gold: GoldDocument) -> bool:
    """Would the linked metric accept this attribution against some gold one?"""
    index = TokenIndex(text)
    p = {"source": att.source, "cue": att.cue, "content": att.content}
    pt = {r: index.tokens(list(p[r])) for r in p}
    for g in gold.attributions:
        gt = {r: index.tokens(g[r]) for r in pt}
        source_ok = bool(pt["source"] & gt["source"]) or not (pt["source"] or gt["source"])
        if pt["cue"] & gt["cue"] and source_ok and jaccard(pt["content"], gt["content"]) >= 0.5:
            return True
    return False


def calibrate(
    model: AttributionModel, gold: Sequence[tuple[str, GoldDocument]], views: Sequence[DocView]
) -> tuple[float, float]:
    """Fit ``confidence = sigmoid(a * margin + b)`` to whether each prediction is right
    (logistic regression by Newton steps), so confidence reads as a probability."""
    xs: list[float] = []
    ys: list[float] = []
    for (_, g), v in zip(gold, views, strict=True):
        for att, margin in model.scored(v.doc, v):
            xs.append(margin)
            ys.append(1.0 if _correct(g.text, att, g) else 0.0)
    if len(set(ys)) < 2:
        return (1.0, 0.0)
    x = np.column_stack([np.array(xs), np.ones(len(xs))])
    y = np.array(ys)
    w = np.zeros(2)
    for _ in range(25):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        hess = x.T @ (x * (p * (1 - p))[:, None]) + 1e-3 * np.eye(2)
        w -= np.linalg.solve(hess, x.T @ (p - y) + 1e-3 * w)
    return (round(float(w[0]), 5), round(float(w[1]), 5))


def predict_role_spans(
    model: AttributionModel, names: Sequence[str], views: Sequence[DocView]
) -> dict[str, list[RoleSpans]]:
    """Model output by document name, in the scorer's shape."""
    return {
        name: [
            {"source": list(a.source), "cue": list(a.cue), "content": list(a.content)}
            for a, _ in model.scored(v.doc, v)
        ]
        for name, v in zip(names, views, strict=True)
    }


def train(
    train_dir: Path,
    dev_dir: Path,
    out_dir: Path,
    *,
    cue_epochs: int = 8,
    role_epochs: int = 8,
    span_epochs: int = 6,
    head_epochs: int = 5,
    role_head_epochs: int = 3,
    role_mix: float = 0.7,
    layers: Sequence[int] = LAYERS,
    limit: int | None = None,
    seed: int = 0,
    content_bias: float = 10.0,
    cue_bias: float = 3.0,
    cue_start_bias: float | None = None,
    source_bias: float | None = None,
    source_weight: float = 60.0,
    content_weight: float = 120.0,
    n_process: int = 1,
    nlp: Language | None = None,
    accurate: bool = False,
) -> dict[str, Any]:
    """Train on ``train_dir``, write the model to ``out_dir``, return dev scores.

    ``limit`` caps the articles read from each split (a tiny end-to-end run for tests).
    ``span_epochs`` trains the ranker that sets each found cue's extent.
    ``accurate`` trains the accurate tier (needs the transformer extra); its heads read
    MiniLM's hidden states ``layers``: the token head for ``head_epochs``, the cue-conditioned
    role head for ``role_head_epochs`` (its output weighs ``role_mix`` against the token
    head's in the role tagger).
    ``content_bias``, ``cue_bias``, ``cue_start_bias`` and ``source_bias`` nudge the greedy
    taggers at inference (chosen on dev; see :class:`~sayso.pipeline.model.AttributionModel`);
    the last two default to the tier's own values (``TIER_BIASES``); with ``accurate``,
    ``source_weight`` and ``content_weight`` let the head's probabilities move role boundaries.
    """
    started = time.perf_counter()
    if nlp is None:
        nlp = base_nlp(ner=False)
    train_docs = load_split(train_dir, limit)
    dev_docs = load_split(dev_dir, limit)
    train_parsed = parse(nlp, train_docs, n_process)
    dev_parsed = parse(nlp, dev_docs, n_process)
    parsed_s = time.perf_counter() - started
    head: Head | None = None
    role_head: RoleHead | None = None
    encoder = Encoder(layers=layers) if accurate else None
    train_neural: Sequence[np.ndarray | None] = [None] * len(train_parsed)
    dev_neural: Sequence[np.ndarray | None] = [None] * len(dev_parsed)
    x_dev: Sequence[np.ndarray | None] = [None] * len(dev_parsed)
    if encoder is not None:
        x_train = [encoder.token_vectors(d) for d in train_parsed]
        x_dev = [encoder.token_vectors(d) for d in dev_parsed]
        train_neural, dev_neural, head = neural_features(
            train_docs, train_parsed, x_train, x_dev, seed=seed, epochs=head_epochs
        )
        examples = _role_head_examples(train_docs, train_parsed)
        role_head = fit_role_head(x_train, examples, epochs=role_head_epochs, seed=seed)
        del x_train
    train_views = [DocView(d, neural=n) for d, n in zip(train_parsed, train_neural, strict=True)]
    model = fit(
        train_docs,
        train_views,
        cue_epochs=cue_epochs,
        role_epochs=role_epochs,
        span_epochs=span_epochs,
        seed=seed,
    )
    model.head, model.role_head = head, role_head
    tier = TIER_BIASES[accurate]
    model.content_bias, model.cue_bias = content_bias, cue_bias
    model.cue_start_bias = tier["cue_start_bias"] if cue_start_bias is None else cue_start_bias
    model.source_bias = tier["source_bias"] if source_bias is None else source_bias
    if accurate:
        model.source_weight, model.content_weight = source_weight, content_weight
        model.role_mix = role_mix
    dev_views = [
        DocView(d, neural=n, vectors=x if role_head is not None else None)
        for d, n, x in zip(dev_parsed, dev_neural, x_dev, strict=True)
    ]
    model.calibration = calibrate(model, dev_docs, dev_views)
    names = [name for name, _ in dev_docs]
    scores = score(dict(dev_docs), predict_role_spans(model, names, dev_views))
    model.meta = {
        "label": ACCURATE_LABEL if accurate else MODEL_LABEL,
        "base_pipeline": pipeline_label(nlp),
        "train": {
            "dir": train_dir.name,
            "docs": len(train_docs),
            "cue_epochs": cue_epochs,
            "role_epochs": role_epochs,
            "cue_span_epochs": span_epochs,
            **(
                {"head_epochs": head_epochs, "role_head_epochs": role_head_epochs}
                if accurate
                else {}
            ),
            "seed": seed,
        },
        **({"encoder": encoder.settings} if encoder is not None else {}),
        "dev_scores": scores,
        "seconds": {"parse": round(parsed_s, 1), "total": round(time.perf_counter() - started, 1)},
    }
    model.save(out_dir)
    return {"dev": scores, "seconds": model.meta["seconds"], "out_dir": str(out_dir)}
