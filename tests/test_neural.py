"""The accurate tier's neural parts: the head, the encoder's token alignment, the stacking
features, and the coded error when the transformer extra is missing."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
import spacy
from spacy.tokens import Doc

from sayso.errors import ModelError
from sayso.pipeline.features import DocView, cue_static, is_cue_candidate
from sayso.pipeline.neural import (
    DIM,
    REACH,
    WINDOW,
    Encoder,
    Head,
    RoleHead,
    cue_window,
    fit_head,
    fit_role_head,
)


def _data(n_docs: int = 40, length: int = 50) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Random token vectors whose three labels depend on the first two dimensions."""
    rng = np.random.default_rng(0)
    xs = [rng.normal(size=(length, DIM)).astype(np.float32) for _ in range(n_docs)]
    ys = [
        np.stack([x[:, 0] > 0, x[:, 1] > 0, x[:, 0] + x[:, 1] > 0], axis=1).astype(np.float32)
        for x in xs
    ]
    return xs, ys


@pytest.mark.transformer
def test_fit_head_learns_a_separable_problem() -> None:
    xs, ys = _data()
    head = fit_head(xs, ys, epochs=15)
    p = np.concatenate([head(x) for x in xs])
    assert p.shape == (2000, 3)
    assert ((p >= 0) & (p <= 1)).all()
    assert ((p > 0.5) == (np.concatenate(ys) > 0.5)).mean() > 0.9
    assert head(np.zeros((0, DIM), np.float32)).shape == (0, 3)


@pytest.mark.transformer
def test_head_round_trips_through_disk(tmp_path: Path) -> None:
    xs, ys = _data(n_docs=4)
    head = fit_head(xs, ys, epochs=1)
    head.save(tmp_path / "head.npz")
    again = Head.load(tmp_path / "head.npz")
    assert np.array_equal(head(xs[0]), again(xs[0]))


def _cued_data(n_docs: int = 40, length: int = 40) -> tuple[list[np.ndarray], list[tuple]]:
    """Random docs with two cues each; an attribution's source is the token before its cue
    and its content the three after it, so only the cue says which tokens are whose."""
    rng = np.random.default_rng(1)
    xs = [rng.normal(size=(length, 16)).astype(np.float32) for _ in range(n_docs)]
    examples = []
    for a in range(n_docs):
        first = int(rng.integers(2, 14))
        for c in (first, first + 18):
            examples.append((a, [c], [c - 1], [c + 1, c + 2, c + 3]))
    return xs, examples


@pytest.mark.transformer
def test_role_head_labels_the_roles_of_the_cue_it_is_given() -> None:
    xs, examples = _cued_data()
    head = fit_role_head(xs, examples, epochs=60)
    right = total = 0
    for a, cue, source, content in examples[:40]:
        (p,) = head(xs[a], [cue])
        lo, hi = cue_window(len(xs[a]), cue)
        gold = np.zeros((len(xs[a]), 2), bool)
        gold[source, 0] = gold[content, 1] = True
        right += ((p[lo:hi] > 0.5) == gold[lo:hi]).sum()
        total += 2 * (hi - lo)
    assert right / total > 0.97
    a, first, *_ = examples[0]
    second = examples[1][1]
    p1, p2 = head(xs[a], [first, second])  # one batch, two cues: each gets its own roles
    assert p1[first[0] + 1, 1] > 0.5 > p2[first[0] + 1, 1]
    assert p2[second[0] + 1, 1] > 0.5 > p1[second[0] + 1, 1]


@pytest.mark.transformer
def test_role_head_round_trips_and_has_no_opinion_outside_its_window(tmp_path: Path) -> None:
    xs, examples = _cued_data(n_docs=4, length=3 * REACH)
    head = fit_role_head(xs, examples, epochs=1)
    head.save(tmp_path / "role_head.npz")
    again = RoleHead.load(tmp_path / "role_head.npz")
    cue = [REACH + 10]
    (p,) = head(xs[0], [cue])
    assert np.array_equal(p, again(xs[0], [cue])[0])
    lo, hi = cue_window(len(xs[0]), cue)
    assert (lo, hi) == (10, 2 * REACH + 11)
    assert (p[:lo] == 0.5).all() and (p[hi:] == 0.5).all()
    assert head(xs[0], []) == []


def test_missing_extra_gives_e023(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "torch", None)  # `import torch` now raises ImportError
    with pytest.raises(ModelError) as err:
        Encoder()
    assert str(err.value).startswith("E023: ")
    assert "sayso[transformer]" in str(err.value)


def _doc(words: list[str], pos: list[str]) -> Doc:
    """A parsed-looking doc built by hand: every word hangs on the first one."""
    nlp = spacy.blank("en")
    heads = [0] * len(words)
    deps = ["ROOT"] + ["dep"] * (len(words) - 1)
    return Doc(nlp.vocab, words=words, pos=pos, heads=heads, deps=deps, tags=pos)


def test_neural_probabilities_become_binned_features() -> None:
    doc = _doc(["Critics", "slammed", "plan"], ["NOUN", "VERB", "NOUN"])
    neural = np.array([[0.05, 0.9, 0.0], [0.97, 0.0, 0.1], [0.3, 0.0, 0.8]], np.float32)
    plain, stacked = DocView(doc), DocView(doc, neural=neural)
    assert not any(f.startswith("nc=") for f in cue_static(plain, 1))
    assert "nc=9" in cue_static(stacked, 1)
    assert "ncc=099" not in cue_static(stacked, 1)  # neighbours: 0 before, 3 after
    assert "ncc=093" in cue_static(stacked, 1)


def test_a_noun_the_head_trusts_becomes_a_cue_candidate() -> None:
    doc = _doc(["His", "admission", "came", "late"], ["PRON", "NOUN", "VERB", "ADV"])
    neural = np.zeros((4, 3), np.float32)
    neural[1, 0] = 0.6
    assert not is_cue_candidate(DocView(doc), 1, frozenset())
    assert is_cue_candidate(DocView(doc, neural=neural), 1, frozenset())
    assert not is_cue_candidate(DocView(doc, neural=neural), 3, frozenset())


@pytest.mark.transformer
@pytest.mark.model
def test_encoder_gives_one_vector_per_token_across_windows() -> None:
    nlp = spacy.blank("en")
    sentence = "The minister said on Tuesday that the talks had failed.  "
    doc = nlp(sentence * 40)  # 12 tokens (one a space) a sentence; two encoder windows
    vectors = Encoder(threads=1).token_vectors(doc)
    assert len(doc) > WINDOW
    assert vectors.shape == (len(doc), DIM)
    assert not np.isnan(vectors).any()
    spaces = [t.i for t in doc if t.is_space]
    words = [t.i for t in doc if not t.is_space]
    assert len(spaces) == 40
    assert all(not vectors[i].any() for i in spaces)
    assert all(vectors[i].any() for i in words)
    # the same word in the same context, in the other window, is closer than another word
    unit = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    first, late = 2, 2 + 12 * 30
    assert doc[first].text == doc[late].text == "said"
    assert unit[first] @ unit[late] > 0.8
    assert unit[first] @ unit[late] > unit[first] @ unit[late - 1] + 0.2  # "minister"


def test_head_probabilities_move_role_boundaries_when_weighted() -> None:
    """With weights, the head's p(source)/p(content) add to the role scores directly; an
    untrained role tagger (all scores 0) then follows the head, and without weights it does
    not."""
    from sayso.pipeline.model import AttributionModel

    words = ["Critics", "said", "the", "plan", "failed", "badly"]
    doc = _doc(words, ["NOUN", "VERB", "DET", "NOUN", "VERB", "ADV"])
    neural = np.zeros((6, 3), np.float32)
    neural[0, 1] = 0.95  # source
    neural[2:5, 2] = 0.9  # content: "the plan failed", not "badly"
    model = AttributionModel.new(frozenset({"said"}))
    v = DocView(doc, neural=neural)
    assert model.roles(v, [1]) == ([], [])
    model.source_weight = model.content_weight = 20.0
    assert model.roles(v, [1]) == ([0], [2, 3, 4])


@pytest.mark.transformer
@pytest.mark.model
def test_a_model_encodes_as_it_was_trained_and_int8_stays_close_to_fp32() -> None:
    from sayso.pipeline.model import AttributionModel

    model = AttributionModel.new(frozenset(), {"encoder": {"int8": False, "stride": 150}})
    fp32 = model.new_encoder()
    assert fp32.settings == {"int8": False, "stride": 150, "layers": [3, 2, 1]}
    int8 = Encoder(stride=150, threads=1)
    assert int8.settings["int8"] is True
    doc = spacy.blank("en")("The minister said on Tuesday that the talks had failed. " * 30)
    a, b = fp32.token_vectors(doc), int8.token_vectors(doc)
    words = [t.i for t in doc if not t.is_space]
    cos = (a[words] * b[words]).sum(1) / (
        np.linalg.norm(a[words], axis=1) * np.linalg.norm(b[words], axis=1)
    )
    assert np.median(cos) > 0.9 and cos.min() > 0.8
    assert not np.array_equal(a, b)  # quantised weights really are in use


@pytest.mark.transformer
def test_minilm_runs_only_up_to_the_highest_layer_read() -> None:
    """A head that reads layers 4 and 2 needs no layer above 4: the encoder drops them, and
    its layer-4 vectors are exactly those of the full model."""
    doc = spacy.blank("en")("The minister said on Tuesday that the talks had failed. " * 3)
    short = Encoder(int8=False, layers=(4,), threads=1)
    full = Encoder(int8=False, layers=(6, 4), threads=1)
    assert len(short.model.encoder.layer) == 4 and len(full.model.encoder.layer) == 6
    assert short.settings == {"int8": False, "stride": 230, "layers": [4]}
    a, b = short.token_vectors(doc), full.token_vectors(doc)
    assert a.shape == (len(doc), 384) and b.shape == (len(doc), 768)
    assert np.allclose(a, b[:, 384:], atol=1e-5)
    assert not np.allclose(a, b[:, :384], atol=1e-3)  # layer 6 is another layer
