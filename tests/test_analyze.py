"""``analyze``: chunking of long texts (fast, no model) and the ordered, chunked pipeline run."""

from __future__ import annotations

import itertools
import random
from typing import Any

import pytest
from spacy.language import Language

from sayso import __version__
from sayso.analyze import MAX_CHUNK_CHARS, analyze_articles, analyze_text, chunk_offsets
from sayso.contract import Article

# -- chunk_offsets (no model) ---------------------------------------------------------------


def assert_tiles(text: str, pieces: list[tuple[int, int]], limit: int) -> None:
    """Pieces cover the text exactly, in order, none empty, none over the limit."""
    assert pieces[0][0] == 0
    assert pieces[-1][1] == len(text)
    for (_, end), (start, _) in itertools.pairwise(pieces):
        assert end == start
    for start, end in pieces:
        assert 0 < end - start <= limit or len(text) == 0


def test_short_text_is_one_piece() -> None:
    assert chunk_offsets("The mayor said so.") == [(0, 18)]
    assert chunk_offsets("x" * MAX_CHUNK_CHARS) == [(0, MAX_CHUNK_CHARS)]


def test_empty_text_is_one_empty_piece() -> None:
    """An empty article still yields one (empty) doc, so it still gets a record."""
    assert chunk_offsets("") == [(0, 0)]


def test_cuts_prefer_blank_lines() -> None:
    para = "The clerk said the office was shut. The mayor agreed.\nA second line.\n\n"
    text = para * 40
    pieces = chunk_offsets(text, limit=500)
    assert_tiles(text, pieces, 500)
    assert len(pieces) > 1
    for _, end in pieces[:-1]:
        assert text[end - 2 : end] == "\n\n"


def test_falls_back_to_line_break_then_sentence_then_space() -> None:
    lines = "The clerk said the office was shut. The mayor agreed.\n" * 40
    assert all(lines[e - 1] == "\n" for _, e in chunk_offsets(lines, 500)[:-1])
    sentences = "The clerk said the office was shut. " * 40
    assert all(sentences[e - 2 : e] == ". " for _, e in chunk_offsets(sentences, 500)[:-1])
    words = "clerk " * 200
    pieces = chunk_offsets(words, 500)
    assert all(words[e - 1] == " " for _, e in pieces[:-1])
    assert_tiles(words, pieces, 500)


def test_hard_cut_when_there_is_no_break() -> None:
    text = "x" * 1234
    assert chunk_offsets(text, 500) == [(0, 500), (500, 1000), (1000, 1234)]


def test_a_break_only_early_in_the_window_is_not_used() -> None:
    """Cutting at position 3 of a 500 window would make tiny pieces; hard-cut instead."""
    text = "ab\n\n" + "x" * 996
    assert chunk_offsets(text, 500)[0] == (0, 500)


def test_limit_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        chunk_offsets("text", 0)


@pytest.mark.parametrize("seed", range(20))
def test_random_texts_always_tile(seed: int) -> None:
    rng = random.Random(seed)
    alphabet = ["said", " ", "\n", "\n\n", ". ", "“", "”", "🙂", "x" * rng.randint(1, 90)]
    text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 3000)))
    limit = rng.randint(1, 700)
    assert_tiles(text, chunk_offsets(text, limit), limit)


# -- the pipeline ---------------------------------------------------------------------------

SAID = "The harbour master said the ferry would sail at noon."


@pytest.mark.model
def test_analyze_text_finds_an_attribution(nlp: Language) -> None:
    record = analyze_text(SAID, id="t1", nlp=nlp)
    assert record["id"] == "t1"
    [a] = record["attributions"]
    assert a["source"]["text"] == "The harbour master"
    assert a["cue"]["text"] == "said"
    assert a["content"]["text"] == "the ferry would sail at noon"
    assert record["producer"]["sayso"] == __version__


@pytest.mark.model
def test_empty_and_blank_articles_get_records_without_attributions(nlp: Language) -> None:
    records = list(analyze_articles([Article("e", ""), Article("b", " \n\n ")], nlp=nlp))
    assert [(r["id"], r["attributions"]) for r in records] == [("e", []), ("b", [])]


@pytest.mark.model
def test_records_come_back_in_input_order(nlp: Language) -> None:
    """More articles than a batch holds, of very different lengths, still in order."""
    arts = [
        Article(f"n{i}", f"Speaker{i} said the ferry would sail. " * (1 + (i * 7) % 5))
        for i in range(11)
    ]
    records = list(analyze_articles(arts, nlp=nlp, batch_size=3))
    assert [r["id"] for r in records] == [a.id for a in arts]
    assert [r["text"] for r in records] == [a.text for a in arts]


@pytest.mark.model
def test_chunked_analysis_matches_whole_analysis(nlp: Language) -> None:
    """Articles split into many chunks across several batches find the same attributions at
    the same offsets as when analysed whole (paragraph-aligned cuts, offsets shifted back).

    Only cues are compared exactly: tok2vec sees a few tokens across a paragraph break, so a
    span's edge next to a cut may legitimately move by a token (a quotation mark).
    """
    paragraphs = [
        f"Councillor {name} said the {thing} would reopen in {month}.\n\n"
        f"“We are confident,” {name} told reporters.\n\n"
        for name, thing, month in [
            ("Ahn", "library", "May"), ("Berg", "pool", "June"), ("Costa", "bridge", "July"),
            ("Dubois", "market", "August"), ("Eze", "pier", "September"),
        ]
    ]
    arts = [Article("one", "".join(paragraphs)), Article("short", SAID),
            Article("two", "".join(reversed(paragraphs)))]
    whole = list(analyze_articles(arts, nlp=nlp))
    chunked = list(analyze_articles(arts, nlp=nlp, batch_size=2, max_chunk_chars=150))
    assert len(chunk_offsets(arts[0].text, 150)) >= 4  # the split really happens
    assert [r["id"] for r in chunked] == ["one", "short", "two"]
    for w, c in zip(whole, chunked, strict=True):
        assert w["attributions"], w["id"]
        assert cues(c) == cues(w)
        for a in c["attributions"]:
            for role in ("source", "cue", "content"):
                assert " … ".join(c["text"][s:e] for s, e in a[role]["spans"]) == a[role]["text"]


def cues(record: dict[str, Any]) -> list[tuple[str, list[list[int]]]]:
    return [(a["cue"]["text"], a["cue"]["spans"]) for a in record["attributions"]]


@pytest.mark.model
def test_chunk_size_is_capped_by_spacy_max_length(nlp: Language) -> None:
    """A caller asking for chunks beyond ``nlp.max_length`` must not make spaCy refuse them."""
    text = (SAID + "\n\n") * 20
    whole = next(analyze_articles([Article("cap", text)], nlp=nlp))
    old = nlp.max_length
    nlp.max_length = 200
    try:
        [capped] = analyze_articles([Article("cap", text)], nlp=nlp, max_chunk_chars=10**9)
    finally:
        nlp.max_length = old
    assert len(whole["attributions"]) >= 10
    assert cues(capped) == cues(whole)


@pytest.mark.model
def test_analysis_is_lazy(nlp: Language) -> None:
    """Records stream out as input arrives: the first comes before the input is exhausted."""
    consumed: list[str] = []

    def feed() -> object:
        for i in range(50):
            consumed.append(f"n{i}")
            yield Article(f"n{i}", SAID)

    first = next(analyze_articles(feed(), nlp=nlp, batch_size=4))  # type: ignore[arg-type]
    assert first["id"] == "n0"
    assert len(consumed) < 50
