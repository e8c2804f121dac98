"""The ``sayso_attribution`` component and the learned model behind it.

Fast tests cover the pieces that need no spaCy model (quote kinds, the perceptron, model
loading errors); ``model`` tests run the shipped model on sentences written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from sayso.contract import Attribution
from sayso.errors import Errors, ModelError
from sayso.pipeline.attribution import (
    DEFAULT_MODEL,
    SPAN_GROUP,
    AttributionComponent,
    model_path,
    quote_kind,
)
from sayso.pipeline.features import DocView
from sayso.pipeline.model import (
    CUE_FILE,
    META_FILE,
    ROLE_FILE,
    AttributionModel,
    close_open_phrase,
    next_paragraph,
    one_source_piece,
    to_the_verb,
    token_runs,
    trim_source_edges,
)
from sayso.pipeline.perceptron import Perceptron


def _one(text: str, nlp: Language) -> list[Attribution]:
    return nlp(text)._.sayso_attributions


def _texts(text: str, spans: tuple[tuple[int, int], ...]) -> list[str]:
    return [text[s:e] for s, e in spans]


# -- no model needed ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("“We will win.”", "direct"),
        ("that we will win", "indirect"),
        ("that we will “win big”", "mixed"),
    ],
)
def test_quote_kind(text: str, kind: str) -> None:
    assert quote_kind(text, ((0, len(text)),)) == kind


def test_perceptron_learns_and_round_trips(tmp_path: Path) -> None:
    model = Perceptron(["no", "yes"])
    data = [(["w=said", "b"], 1), (["w=table", "b"], 0), (["w=told", "b"], 1)] * 5
    for feats, truth in data:
        model.update(truth, model.predict(feats), feats)
    model.average()
    model.save(tmp_path / "m.npz")
    loaded = Perceptron.load(tmp_path / "m.npz")
    assert loaded.classes == ["no", "yes"]
    assert [loaded.predict(f) for f, _ in data[:3]] == [1, 0, 1]


def test_ranking_steps_move_a_scorer_towards_the_better_candidate() -> None:
    ranker = Perceptron(["score"])
    for _ in range(3):
        best = max((["end=said"], ["end=in"]), key=lambda f: ranker.scores(f)[0])
        ranker.rank_update(["end=in"], best if best != ["end=in"] else None)
    ranker.average()
    assert ranker.scores(["end=in"])[0] > ranker.scores(["end=said"])[0]


def test_perceptron_keeps_features_with_newlines(tmp_path: Path) -> None:
    model = Perceptron(["a", "b"])
    model.weights = {"w=\n\n": [0.0, 1.0], "b": [0.5, 0.0]}
    model.save(tmp_path / "m.npz")
    assert set(Perceptron.load(tmp_path / "m.npz").weights) == {"w=\n\n", "b"}


def test_missing_model_is_a_coded_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError) as err:
        AttributionComponent(spacy.blank("en"), "sayso_attribution", model=str(tmp_path))
    assert err.value.code is Errors.E021


@pytest.mark.model
def test_unparsed_doc_is_a_coded_error() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sayso_attribution")
    with pytest.raises(ModelError) as err:
        nlp("The mayor said the budget was balanced.")
    assert err.value.code is Errors.E022
    assert nlp("")._.sayso_attributions == []


def test_default_model_ships_inside_the_package() -> None:
    path = model_path("default")
    assert path.name == DEFAULT_MODEL
    for name in (META_FILE, CUE_FILE, ROLE_FILE):
        assert (path / name).is_file()
    assert sum(f.stat().st_size for f in path.iterdir()) < 25_000_000


# -- the shipped model ---------------------------------------------------------------------


@pytest.mark.model
def test_reported_speech_with_that(nlp: Language) -> None:
    text = "The senator said that the new bill would fail in the autumn."
    (att,) = _one(text, nlp)
    assert _texts(text, att.source) == ["The senator"]
    assert _texts(text, att.cue) == ["said"]
    assert " ".join(_texts(text, att.content)).startswith("that the new bill would fail")
    assert att.kind == "indirect"
    assert 0.0 <= att.confidence <= 1.0


@pytest.mark.model
def test_direct_quote_before_the_cue(nlp: Language) -> None:
    text = "“We will rebuild every bridge in this county,” the governor told reporters."
    (att,) = _one(text, nlp)
    assert _texts(text, att.source) == ["the governor"]
    assert _texts(text, att.cue)[0].startswith("told")
    assert "We will rebuild every bridge" in " ".join(_texts(text, att.content))
    assert att.kind == "direct"


@pytest.mark.model
def test_multi_word_cue(nlp: Language) -> None:
    text = "According to the city auditor, the project is two years behind schedule."
    (att,) = _one(text, nlp)
    assert _texts(text, att.cue) == ["According to"]
    assert _texts(text, att.source) == ["the city auditor"]
    assert "two years behind schedule" in " ".join(_texts(text, att.content))


@pytest.mark.model
def test_plain_narration_has_no_attribution(nlp: Language) -> None:
    assert _one("The river rose two metres overnight and flooded the old mill.", nlp) == []


@pytest.mark.model
def test_span_group_and_label(nlp: Language) -> None:
    text = "The mayor said the budget was balanced. Critics said it was not."
    doc = nlp(text)
    assert len(doc._.sayso_attributions) == 2
    labels = {span.label_ for span in doc.spans[SPAN_GROUP]}
    assert labels == {"SOURCE", "CUE", "CONTENT"}
    for att in doc._.sayso_attributions:
        for s, e in att.source + att.cue + att.content:
            assert 0 <= s < e <= len(text)
            assert text[s:e] == text[s:e].strip()
    assert nlp.get_pipe("sayso_attribution").model_label == DEFAULT_MODEL


def test_a_span_runs_across_a_no_break_space() -> None:
    """spaCy makes a no-break space a token of its own; the tokens on both sides of it are one
    span, while a real gap (an unlabelled word) still splits a span in two."""
    doc = spacy.blank("en")("She said that\xa0the plan was dead , he said")
    words = [t.text for t in doc]
    assert words[3] == "\xa0"
    that, the, dead, he = words.index("that"), words.index("the"), words.index("dead"), 9
    runs = token_runs(doc, [that, the, the + 1, the + 2, dead])
    assert [doc.text[s:e] for s, e in runs] == ["that\xa0the plan was dead"]
    assert [doc.text[s:e] for s, e in token_runs(doc, [dead, he])] == ["dead", "he"]


def test_a_content_left_inside_a_phrase_runs_to_the_phrase_end() -> None:
    """A content the tagger stops at "one of" or at "a 30-minute" runs on to the end of that
    phrase; one that ends on a phrase's head, or whose phrase would cross the cue, stays."""
    words = ["He", "said", "he", "built", "a", "club", "at", "one", "of", "the", "courses", "."]
    heads = [1, 1, 3, 1, 5, 3, 3, 6, 7, 10, 8, 1]
    deps = ["nsubj", "ROOT", "nsubj", "ccomp", "det", "dobj", "prep", "pobj", "prep", "det",
            "pobj", "punct"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps,
              sent_starts=[True] + [False] * 11)
    assert close_open_phrase(doc, [2, 3, 4, 5, 6, 7, 8], [1]) == list(range(2, 11))
    assert close_open_phrase(doc, [2, 3, 4], [1]) == [2, 3, 4, 5]
    assert close_open_phrase(doc, [2, 3, 4, 5], [1]) == [2, 3, 4, 5]
    assert close_open_phrase(doc, [2, 3, 4], [5]) == [2, 3, 4]


def test_a_source_in_two_pieces_keeps_the_cues_subject() -> None:
    """PolNeAR's sources are one span: of two pieces, the one holding the cue's subject stays
    ("Ruiz", not the "Lane" of the aside), and without a subject the piece nearest the cue."""
    words = ["Ruiz", ",", "who", "backed", "Lane", ",", "blasted", "the", "plan", "."]
    heads = [6, 0, 3, 0, 3, 0, 6, 8, 6, 6]
    deps = ["nsubj", "punct", "nsubj", "relcl", "dobj", "punct", "ROOT", "det", "dobj", "punct"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps,
              sent_starts=[True] + [False] * 9)
    assert one_source_piece(doc, [0, 4], [6]) == [0]
    assert one_source_piece(doc, [0], [6]) == [0]
    deps2 = ["dep", "punct", "nsubj", "relcl", "dobj", "punct", "ROOT", "det", "dobj", "punct"]
    doc2 = Doc(doc.vocab, words=words, heads=heads, deps=deps2,
               sent_starts=[True] + [False] * 9)
    assert one_source_piece(doc2, [0, 4], [6]) == [4]


def test_a_content_drops_a_dangling_conjunction() -> None:
    """ "Vale talked about [the tram and] made jokes": the "and" joins the next clause, so the
    content is "the tram"."""
    nlp = spacy.blank("en")
    words = ["Vale", "talked", "about", "the", "tram", "and", "made", "jokes", "."]
    doc = Doc(nlp.vocab, words=words, heads=[1, 1, 1, 4, 2, 1, 1, 6, 1],
              deps=["nsubj", "ROOT", "prep", "det", "pobj", "cc", "conj", "dobj", "punct"])
    assert close_open_phrase(doc, [3, 4, 5], [1, 2]) == [3, 4]
    assert close_open_phrase(doc, [3, 4], [1, 2]) == [3, 4]


def test_a_cue_of_only_auxiliaries_runs_on_to_its_verb() -> None:
    """ "did" alone says nothing: the cue is "did not want"; a cue with its verb, an adverb
    alone ("reportedly" is a cue of its own) and an auxiliary with no verb stay as they are."""
    nlp = spacy.blank("en")
    words = ["Vale", "did", "not", "want", "a", "vote", "."]
    doc = Doc(nlp.vocab, words=words, heads=[3, 3, 3, 3, 5, 3, 3],
              deps=["nsubj", "aux", "neg", "ROOT", "det", "dobj", "punct"],
              pos=["PROPN", "AUX", "PART", "VERB", "DET", "NOUN", "PUNCT"])
    assert to_the_verb(doc, [1]) == [1, 2, 3]
    assert to_the_verb(doc, [1, 2, 3]) == [1, 2, 3]
    assert to_the_verb(doc, [5]) == [5]
    doc = Doc(nlp.vocab, words=["Vale", "reportedly", "wants", "a", "vote"],
              heads=[2, 2, 2, 4, 2], deps=["nsubj", "advmod", "ROOT", "det", "dobj"],
              pos=["PROPN", "ADV", "VERB", "DET", "NOUN"])
    assert to_the_verb(doc, [1]) == [1]
    doc = Doc(nlp.vocab, words=["Vale", "did", "."], heads=[1, 1, 1],
              deps=["nsubj", "ROOT", "punct"], pos=["PROPN", "VERB", "PUNCT"])
    assert to_the_verb(doc, [1]) == [1]


def test_a_cue_ending_its_line_on_a_colon_takes_the_next_paragraph() -> None:
    """ "Vale added:" and a blank line: the quote below is the content the role tagger, which
    reads only the cue's paragraph, cannot reach; a colon inside a line gives nothing."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    v = DocView(nlp("Vale added:\n\n\u201cThe tram runs late.\u201d\n\nMore news."))
    content = next_paragraph(v, [1])
    assert v.doc[content[0]].idx == v.doc.text.index("\u201c")
    assert v.doc[content[-1]].text == "\u201d"
    assert next_paragraph(v, [1, 2]) == content
    assert next_paragraph(DocView(nlp("Vale added: the tram runs late.")), [1]) == []


def test_a_source_loses_its_dateline_and_keeps_its_relative_clause() -> None:
    """"WASHINGTON -- Ms. Vale" is Ms. Vale and "Mr. Okoro, who" Mr. Okoro; a source cut at
    its relative pronoun ("A study that") runs through the clause, which ends before the
    cue."""
    nlp = spacy.blank("en")
    doc = nlp("WASHINGTON -- Ms. Vale said it .")
    assert trim_source_edges(doc, [0, 1, 2, 3]) == [2, 3]
    assert trim_source_edges(doc, [2, 3]) == [2, 3]
    doc = Doc(nlp.vocab, words=["Mr.", "Okoro", ",", "who", "ran", ",", "said", "so"],
              tags=["NNP", "NNP", ",", "WP", "VBD", ",", "VBD", "RB"])
    assert trim_source_edges(doc, [0, 1, 2, 3]) == [0, 1]
    assert trim_source_edges(doc, [0, 1, 2, 3, 4]) == [0, 1, 2, 3, 4]
    words = ["A", "study", "that", "appeared", "in", "May", "found", "gains", "."]
    heads = [1, 6, 3, 1, 3, 4, 6, 6, 6]
    deps = ["det", "nsubj", "nsubj", "relcl", "prep", "pobj", "ROOT", "dobj", "punct"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps,
              tags=["DT", "NN", "WDT", "VBD", "IN", "NNP", "VBD", "NNS", "."],
              sent_starts=[True] + [False] * 8)
    assert close_open_phrase(doc, [0, 1, 2], [6]) == [0, 1, 2, 3, 4, 5]
    assert close_open_phrase(doc, [0, 1, 2], [4]) == [0, 1, 2]


def test_blank_line_starts_a_sentence() -> None:
    """``sayso_paragraphs`` must end an unpunctuated headline at the blank line."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("sayso_paragraphs")
    doc = nlp("Union walks out, leader says\n\nThe strike began at dawn. It went on.")
    first = next(iter(doc.sents))
    assert first.text.strip() == "Union walks out, leader says"
    assert [t.is_sent_start for t in doc if t.text == "The"] == [True]


@pytest.mark.model
def test_headline_attribution_stays_in_the_headline(nlp: Language) -> None:
    """A headline's attribution must not run across the blank line into the body."""
    text = (
        "Harbour deal collapses, union leader says\n\n"
        "PORTVALE - Talks over the harbour contract broke down on Monday."
    )
    cut = text.index("\n\n")
    for att in nlp(text)._.sayso_attributions:
        spans = att.source + att.cue + att.content
        assert all(e <= cut for _, e in spans) or all(s > cut for s, _ in spans), att


@pytest.mark.model
def test_the_component_adds_quote_list_lines_after_the_model(nlp: Language) -> None:
    """ "“…” ― Name" lines, which the model never learnt, come out of ``sayso_attribution``
    itself (so every tier has them), with their spans in the span group."""
    text = (
        "Riders give their verdict\n\n“It took me eleven minutes to get to work.” ― Tobias"
        " Renfrew\n\n“Four euros is too much for a ticket.” — Amara Okonjo, 34, Ostwick\n"
    )
    doc = nlp(text)
    listed = [a for a in doc._.sayso_attributions if text[a.cue[0][0] : a.cue[0][1]] in "―—"]
    assert [text[a.source[0][0] : a.source[0][1]] for a in listed] == [
        "Tobias Renfrew",
        "Amara Okonjo",
    ]
    labels = {(s.label_, s.text) for s in doc.spans[SPAN_GROUP]}
    assert ("SOURCE", "Amara Okonjo") in labels and ("CUE", "―") in labels


@pytest.mark.model
def test_cue_extent_ranker_learns_where_a_cue_ends() -> None:
    """Trained on cues that take "in an interview" along and cues that stop before a
    date, the ranker extends a bare "said" in the first case and trims "said on" in the
    second, on sentences it did not see."""
    from sayso.nlp import base_nlp
    from sayso.pipeline.cuespan import fit_cue_spans, refine
    from sayso.pipeline.features import DocView

    base = base_nlp(ner=False)
    names = ("The mayor", "Ms. Oduya", "The senator", "A spokesman", "The coach", "Mr. Lind")
    train = []
    for name in names:
        for tail, words in ((" in an interview that", 4), (" on Monday that", 1)):
            v = DocView(base(f"{name} said{tail} the bridge would reopen soon."))
            said = next(t.i for t in v.doc if t.text == "said")
            train.append((v, list(range(said, said + words))))
    ranker = fit_cue_spans(train, epochs=4)

    def extent(text: str, found_words: int) -> str:
        v = DocView(base(text))
        said = next(t.i for t in v.doc if t.text == "said")
        cue = refine(ranker, v, list(range(said, said + found_words)))
        return v.doc[cue[0] : cue[-1] + 1].text

    assert extent("The governor said in an interview that taxes would fall.", 1) == (
        "said in an interview"
    )
    assert extent("The governor said on Monday that taxes would fall.", 2) == "said"


@pytest.mark.model
def test_cue_start_bias_trades_precision_for_recall(nlp: Language, tmp_path: Path) -> None:
    """Starting cues more readily only adds cues; the setting survives save and load."""
    model = AttributionModel.load(model_path("default"))
    doc = nlp("The mayor said the bridge would reopen in May. Residents fear the cost will "
              "rise, and the plan remains popular with drivers.")
    view = DocView(doc)

    def cues(bias: float) -> set[tuple[int, ...]]:
        model.cue_start_bias = bias
        return {tuple(cue) for cue, _ in model.cues(view)}

    found = cues(0.0)
    assert len(found) == 2
    assert cues(-100.0) == set()
    assert found < cues(20.0)
    model.save(tmp_path)
    assert AttributionModel.load(tmp_path).cue_start_bias == 20.0
