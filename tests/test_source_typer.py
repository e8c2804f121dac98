"""``sayso_source_typer``: the learned source typer after ``sayso_sources`` (hybrid mode in
the default pipeline).

The weights and the retyping rule are tested without a model; the component on short
fictional texts through the real pipeline (``model``).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from spacy.language import Language

from sayso.contract import Attribution
from sayso.errors import ModelError
from sayso.pipeline.source_typer import (
    SHIPPED,
    TYPES,
    SourceTyper,
    SourceTyperComponent,
    features,
    retype,
    shipped_typer,
)

ANON = Attribution(source=((0, 10),), cue=((11, 15),), content=(), kind="indirect",
                   confidence=1.0, source_type="anonymous_person", anonymous=True,
                   anonymous_reason=((20, 50),))
NAMED = Attribution(source=((0, 10),), cue=((11, 15),), content=(), kind="indirect",
                    confidence=1.0, source_type="named_person")


def test_hybrid_keeps_the_rules_anonymity_decision() -> None:
    """The model is weaker on anonymity than the rules: in hybrid mode neither direction of
    an anonymity change goes through, every other type change does."""
    assert retype(ANON, "group", "hybrid") == ANON
    assert retype(NAMED, "anonymous_person", "hybrid") == NAMED
    assert retype(NAMED, "organisation", "hybrid").source_type == "organisation"


def test_hybrid_keeps_the_rules_type_of_a_source_it_cannot_see() -> None:
    """With no source span the model sees only the cue; the rules may have resolved the
    source through a conjunct cue, so their type stands."""
    spanless = Attribution(source=(), cue=((11, 15),), content=(), kind="indirect",
                           confidence=1.0, source_type="organisation", actor=None)
    assert retype(spanless, "unspecified", "hybrid") == spanless
    assert retype(spanless, "unspecified", "learned").source_type == "unspecified"


def test_learned_mode_moves_anonymity_with_the_type() -> None:
    dropped = retype(ANON, "group", "learned")
    assert (dropped.source_type, dropped.anonymous, dropped.anonymous_reason) == ("group",
                                                                                 False, ())
    added = retype(NAMED, "anonymous_person", "learned")
    assert (added.source_type, added.anonymous) == ("anonymous_person", True)
    assert retype(ANON, "anonymous_person", "learned") == ANON  # its reason is kept


def test_a_source_retyped_as_no_one_actor_loses_its_link() -> None:
    """Groups, outlets and unspecified sources name no one actor; a person or a body keeps
    the actor the rules linked."""
    linked = replace(NAMED, actor=2)
    for mode in ("hybrid", "learned"):
        assert retype(linked, "organisation", mode).actor == 2
        assert retype(linked, "named_person", mode).actor == 2
        for kind in ("group", "document", "unspecified"):
            assert retype(linked, kind, mode).actor is None
    assert retype(linked, "anonymous_person", "learned").actor is None
    assert retype(linked, "anonymous_person", "hybrid") == linked  # the rules' call stands


def test_predict_sums_the_rows_of_known_features_only() -> None:
    weights = np.zeros((3, len(TYPES)))
    weights[0, TYPES.index("unspecified")] = 0.5  # bias
    weights[1, TYPES.index("group")] = 2.0
    weights[2, TYPES.index("document")] = 1.0
    typer = SourceTyper(["bias", "plural", "head_in_doc"], weights, "toy")
    assert typer.predict([["bias"], ["bias", "plural", "head_in_doc"],
                          ["bias", "head_in_doc", "never-seen"], []]) == [
        "unspecified", "group", "document", "named_person"]


def test_weights_round_trip_through_their_file(tmp_path: Path) -> None:
    weights = np.arange(12, dtype=float).reshape(2, 6) / 7
    SourceTyper(["bias", "plural"], weights, "toy").save(tmp_path / "t.json", {"version": "0"})
    back = SourceTyper.load(tmp_path / "t.json")
    assert back.index == {"bias": 0, "plural": 1}
    assert np.allclose(back.weights, weights, atol=1e-4)


@pytest.mark.parametrize("content", ["not json", '{"types": ["a"], "features": [], '
                                     '"weights": []}', '{"features": ["bias"]}'])
def test_a_broken_weights_file_is_a_coded_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "w.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ModelError, match="E024"):
        SourceTyper.load(path)
    with pytest.raises(ModelError, match="E024"):
        SourceTyper.load(tmp_path / "missing.json")


def test_an_unknown_mode_is_a_coded_error() -> None:
    with pytest.raises(ModelError, match="E024"):
        SourceTyperComponent(None, "typer", mode="guess", weights="")  # type: ignore[arg-type]


def test_the_shipped_weights_are_small_and_name_general_features() -> None:
    typer = shipped_typer()
    assert typer.label == SHIPPED
    assert typer.weights.shape == (len(typer.index), len(TYPES))
    assert 500 < len(typer.index) < 5000
    assert next(iter(typer.index)) == "bias"
    # one word per feature (lemmas, tags, word-list hits), never a passage of text
    assert all("=" in f or f.replace("_", "").isalpha() for f in typer.index)


@pytest.fixture(scope="module")
def typed_nlp() -> Language:
    """The full pipeline with the typer in ``learned`` mode (its own copy: the shared ``nlp``
    fixture stays the default pipeline, in ``hybrid`` mode)."""
    from sayso.nlp import SAYSO_PIPES, base_nlp

    nlp = base_nlp()
    for pipe in SAYSO_PIPES:
        nlp.add_pipe(pipe, config={"mode": "learned"} if pipe == "sayso_source_typer" else {})
    return nlp


@pytest.mark.model
@pytest.mark.parametrize(("text", "want"), [
    ("Senator Jane Roe said on Monday that the bill would pass the chamber.", "named_person"),
    ("A senior official, who spoke on condition of anonymity, told reporters that the talks "
     "had failed.", "anonymous_person"),
    ("The ministry said in a statement that bread prices would rise in the spring.",
     "organisation"),
    ("Analysts say the merger is fragile and could collapse by the summer.", "group"),
    ("A report published on Tuesday found that the river was badly polluted.", "document"),
])
def test_the_learned_typer_types_plain_sources(typed_nlp: Language, text: str,
                                               want: str) -> None:
    atts = typed_nlp(text)._.sayso_attributions
    assert atts and atts[0].source_type == want
    assert atts[0].anonymous == (want == "anonymous_person")


@pytest.mark.model
def test_the_features_are_those_of_the_rules_parse(nlp: Language) -> None:
    """The typer reads the source the rules chose: its head lemma, the cue's lemma and the
    anonymity reason in the sentence."""
    from sayso.pipeline.sources import _headline_end

    text = "A senior official, who spoke on condition of anonymity, said the talks failed."
    doc = nlp(text)
    att = doc._.sayso_attributions[0]
    fs = features(doc, text, att, list(doc._.sayso_actors), _headline_end(text))
    assert {"lemma=official", "cue=say", "anon_reason", "det=a", "singular"} <= set(fs)
