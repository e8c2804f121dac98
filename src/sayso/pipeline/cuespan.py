"""Cue boundaries: choose a found cue's exact extent among the spans around its head word.

The greedy cue tagger finds cues well but often stops a word short or runs a word long
("said at" where the annotators marked "said at a briefing", "signed the" for "signed"), and
the exact-span metric counts each such cue as a miss and a false alarm at once. A ranking
perceptron, trained on PolNeAR's gold cues, scores every contiguous span that holds the cue's
head word (up to ``LEFT`` tokens before it and ``RIGHT`` after, ``MAX_LEN`` at most, within
its sentence and line); the best one becomes the cue. Given the gold head word it picks the
gold extent for 88% of PolNeAR dev cues (``docs/model-card.md``).
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from .features import DocView
from .perceptron import Perceptron

CUE_SPAN_FILE = "cue_span.npz"
LEFT, RIGHT, MAX_LEN = 4, 6, 8


def candidates(v: DocView, anchor: int) -> list[tuple[int, int]]:
    """``(first, last)`` token pairs of the spans the ranker chooses among for a head word."""
    first_of_sent, end_of_sent = v.sent_bounds[v.sent[anchor]]
    doc = v.doc
    lo = anchor
    while lo > max(first_of_sent, anchor - LEFT) and not v.space[lo - 1]:
        if "\n" in doc[lo - 1].whitespace_:
            break
        lo -= 1
    hi = anchor
    while hi < min(end_of_sent - 1, anchor + RIGHT) and not v.space[hi + 1]:
        if "\n" in doc[hi].whitespace_:
            break
        hi += 1
    return [
        (s, e) for s in range(lo, anchor + 1) for e in range(anchor, min(hi, s + MAX_LEN - 1) + 1)
    ]


def features(v: DocView, anchor: int, s: int, e: int) -> list[str]:
    """What the ranker reads of one candidate: its words by position from the head word, its
    edges and the words just outside them, its shape, and the parse links it cuts."""
    lemma, pos, dep, lower, head = v.lemma, v.pos, v.dep, v.lower, v.head
    n = v.n
    al = lemma[anchor]
    left, right = str(anchor - s), str(e - anchor)
    feats = ["n=" + str(e - s + 1), "ls=" + left, "rs=" + right]
    feats += ["als=" + al + "|" + left, "ars=" + al + "|" + right]
    cut = 0
    for j in range(s, e + 1):
        if j == anchor:
            continue
        k = str(max(-4, min(6, j - anchor)))
        attached = "h" if s <= head[j] <= e else "x"
        cut += attached == "x"
        feats += [
            "in=" + k + "|" + lemma[j],
            "ip=" + k + "|" + pos[j],
            "id=" + dep[j] + "|" + attached,
            "ial=" + al + "|" + lemma[j],
            "iad=" + al + "|" + dep[j] + "|" + attached,
        ]
    prev = lower[s - 1] if s else "<s>"
    prev_pos = pos[s - 1] if s else "<s>"
    after = lower[e + 1] if e + 1 < n else "</s>"
    after_pos = pos[e + 1] if e + 1 < n else "</s>"
    feats += [
        "cut=" + str(min(cut, 3)),
        "first=" + lemma[s] + "|" + pos[s],
        "fd=" + dep[s],
        "last=" + lemma[e] + "|" + pos[e],
        "ld=" + dep[e],
        "prev=" + prev,
        "prevp=" + prev_pos,
        "next=" + after,
        "nextp=" + after_pos,
        "nextd=" + (dep[e + 1] if e + 1 < n else "</s>"),
        "lastnext=" + lemma[e] + "|" + after_pos,
        "prevfirst=" + prev_pos + "|" + lemma[s],
        "alast=" + al + "|" + lemma[e] + "|" + after_pos,
        "afirst=" + al + "|" + lemma[s],
        "aprev=" + al + "|" + prev,
        "anext=" + al + "|" + after,
    ]
    neural = v.neural
    if neural is not None:  # the accurate tier's p(cue) bins at and just outside each edge
        feats += [
            "nl=" + (neural[s - 1][0] if s else "<") + neural[s][0],
            "nr=" + neural[e][0] + (neural[e + 1][0] if e + 1 < n else ">"),
        ]
    return feats


def refine(ranker: Perceptron, v: DocView, cue: list[int]) -> list[int]:
    """The best-scoring extent for a found cue (a discontinuous cue is kept as found)."""
    if cue != list(range(cue[0], cue[-1] + 1)):
        return cue
    anchor = v.cue_head(cue)
    spans = candidates(v, anchor)
    scores = ranker.batch_scores([features(v, anchor, s, e) for s, e in spans])
    s, e = spans[max(range(len(spans)), key=lambda k: scores[k][0])]
    return list(range(s, e + 1))


def fit_cue_spans(
    examples: Sequence[tuple[DocView, list[int]]], *, epochs: int = 6, seed: int = 0
) -> Perceptron:
    """Train the ranker on gold cues (a view and the cue's tokens): a perceptron step towards
    the gold extent whenever another candidate outscores it. Cues the candidates cannot
    express (discontinuous, or longer than the reach) are left out."""
    ranker = Perceptron(["score"])
    items: list[tuple[int, list[list[str]]]] = []
    for v, cue in examples:
        anchor = v.cue_head(cue)
        spans = candidates(v, anchor)
        gold = (cue[0], cue[-1])
        if cue == list(range(gold[0], gold[1] + 1)) and gold in spans:
            items.append((spans.index(gold), [features(v, anchor, *span) for span in spans]))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(items)
        for gold_k, feats in items:
            scores = [ranker.scores(f)[0] for f in feats]
            guess = max(range(len(feats)), key=lambda k: scores[k])
            ranker.rank_update(feats[gold_k], feats[guess] if guess != gold_k else None)
    ranker.average(min_weight=0.001)
    return ranker
