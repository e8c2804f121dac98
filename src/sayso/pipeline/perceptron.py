"""A small averaged perceptron: fast in pure Python, trainable on 2 cores, no torch.

Greedy sequence tagging with string features is enough for attribution roles, because
spaCy's parse already carries the hard structure; the weights ship as a compact ``.npz``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np


class Perceptron:
    """Multi-class averaged perceptron over sparse string features."""

    def __init__(self, classes: Sequence[str]) -> None:
        self.classes = list(classes)
        self.n = len(self.classes)
        self.weights: dict[str, list[float]] = {}
        self._totals: dict[str, list[float]] = {}
        self._stamps: dict[str, list[int]] = {}
        self._step = 0
        self._index: dict[str, int] = {}
        self._matrix = np.zeros((1, self.n))

    def scores(self, features: Iterable[str]) -> list[float]:
        """Sum of the weights of the features, one score per class."""
        out = [0.0] * self.n
        get = self.weights.get
        for f in features:
            w = get(f)
            if w is not None:
                for k in range(self.n):
                    out[k] += w[k]
        return out

    def freeze(self) -> None:
        """Stack the weights into one matrix so :meth:`batch_scores` can sum rows in numpy."""
        self._index = {f: k for k, f in enumerate(self.weights)}
        rows = [*self.weights.values(), [0.0] * self.n]  # the last row stands for unknowns
        self._matrix = np.array(rows, dtype=np.float64).reshape(-1, self.n)

    def batch_scores(self, feature_lists: Sequence[Sequence[str]]) -> list[list[float]]:
        """:meth:`scores` for many tokens at once (inference only: needs :meth:`freeze`)."""
        if not feature_lists:
            return []
        unknown = len(self._matrix) - 1
        get = self._index.get
        rows = [get(f, unknown) for feats in feature_lists for f in feats]
        starts = np.cumsum([0] + [len(feats) for feats in feature_lists[:-1]])
        return np.add.reduceat(self._matrix[rows], starts, axis=0).tolist()

    def predict(self, features: Iterable[str]) -> int:
        """Best class index (the lowest on ties)."""
        s = self.scores(features)
        return max(range(self.n), key=lambda k: (s[k], -k))

    def update(self, truth: int, guess: int, features: Sequence[str]) -> None:
        """One perceptron step; lazily accumulates the totals that averaging needs."""
        self._step += 1
        if truth == guess:
            return
        for f in features:
            self._bump(f, truth, 1.0)
            self._bump(f, guess, -1.0)

    def rank_update(self, better: Sequence[str], worse: Sequence[str] | None) -> None:
        """One ranking step on class 0 (a scorer of candidates): towards ``better``'s
        features and away from ``worse``'s, the candidate that outscored it (None: none did)."""
        self._step += 1
        if worse is None:
            return
        for f in better:
            self._bump(f, 0, 1.0)
        for f in worse:
            self._bump(f, 0, -1.0)

    def _bump(self, f: str, k: int, delta: float) -> None:
        """Add ``delta`` to one weight, first banking its value since its last change."""
        w = self.weights.get(f)
        if w is None:
            w = self.weights[f] = [0.0] * self.n
            self._totals[f] = [0.0] * self.n
            self._stamps[f] = [0] * self.n
        tot, st = self._totals[f], self._stamps[f]
        tot[k] += (self._step - st[k]) * w[k]
        st[k] = self._step
        w[k] += delta

    def average(self, min_weight: float = 0.0) -> None:
        """Replace weights by their running averages; drop near-zero rows to keep size down."""
        averaged: dict[str, list[float]] = {}
        step = max(self._step, 1)
        for f, w in self.weights.items():
            tot, st = self._totals[f], self._stamps[f]
            avg = [(tot[k] + (self._step - st[k]) * w[k]) / step for k in range(self.n)]
            if max(abs(x) for x in avg) > min_weight:
                averaged[f] = avg
        self.weights = averaged
        self._totals, self._stamps = {}, {}
        self.freeze()

    def save(self, path: Path) -> None:
        """Write classes, feature names and float16 weights to one compressed ``.npz``.

        Names go in as JSON because a feature may hold any text, newlines included.
        """
        keys = list(self.weights)
        mat = np.array([self.weights[k] for k in keys], dtype=np.float32).reshape(-1, self.n)
        scale = float(np.abs(mat).max()) if mat.size else 1.0
        np.savez_compressed(
            path,
            classes=np.array(json.dumps(self.classes)),
            keys=np.array(json.dumps(keys)),
            weights=(mat / (scale or 1.0)).astype(np.float16),
            scale=np.array(scale),
        )

    @classmethod
    def load(cls, path: Path) -> Perceptron:
        """Read a model written by :meth:`save`."""
        with np.load(path) as data:
            model = cls(json.loads(str(data["classes"])))
            keys = json.loads(str(data["keys"]))
            mat = data["weights"].astype(np.float64) * float(data["scale"])
        model.weights = dict(zip(keys, mat.tolist(), strict=True))
        model.freeze()
        return model
