"""Claim tracing: sameness levels, keys, independent sources and the first reporter."""

from __future__ import annotations

import pytest

from sayso.corpus import (
    ClaimMember,
    claim_fingerprint,
    claim_keys,
    claim_similarity,
    first_reporter,
    independent_sources,
    same_claim,
)
from sayso.corpus.claims import article_wires, is_claim, wire_credits

TALKS = "Ostravia and Kallen held secret talks on the border last week"


def test_fingerprint_ignores_case_quotes_punctuation_and_a_leading_that() -> None:
    assert claim_fingerprint("that the talks were held in secret.") == claim_fingerprint(
        "\u201cThe talks were held   in SECRET,\u201d")
    assert claim_fingerprint("the talks were held") != claim_fingerprint("the talks were not held")
    assert len(claim_fingerprint("x")) == 32


def test_accents_fold() -> None:
    assert claim_similarity("López resigned on Monday", "Lopez resigned on Monday")[1] == "exact"


@pytest.mark.parametrize(("a", "b", "kind"), [
    (TALKS, TALKS.upper(), "exact"),
    (TALKS, "Ostravia and Kallen held secret talks on the border last week, an official said",
     "near_duplicate"),
    ("the talks were held in secret last week and will resume in March",
     "the talks were held in secret last week", "near_duplicate"),
    (TALKS, "officials from Ostravia and Kallen met secretly last week to discuss the border",
     "paraphrase"),
    (TALKS, "Ostravia and Kallen did not hold secret talks on the border last week", "different"),
    ("Ostravia met Kallen", "Ostravia did not meet Kallen", "different"),
    ("five people died in the fire on Tuesday", "six people died in the fire on Tuesday",
     "different"),
    ("5 people died in the fire on Tuesday", "five people died in the fire on Tuesday", "exact"),
    ("Clinton won the Iowa caucus by a narrow margin on Monday",
     "Sanders won the Iowa caucus by a narrow margin on Monday", "different"),
    ("the bridge will reopen in spring", "the minister has no plans to resign", "different"),
])
def test_similarity_kinds(a: str, b: str, kind: str) -> None:
    score, got = claim_similarity(a, b)
    assert got == kind
    assert 0.0 <= score <= 1.0
    assert same_claim(a, b) is (kind != "different")
    assert claim_similarity(b, a)[1] == kind  # symmetric


def test_keys_are_few_and_shared_by_a_paraphrase() -> None:
    keys = claim_keys(TALKS)
    assert 2 <= len(keys) <= 8
    assert keys[0] == "f:" + claim_fingerprint(TALKS)[:16]
    assert claim_keys(TALKS.upper()) == keys
    para = claim_keys(
        "officials from Ostravia and Kallen met secretly last week to discuss the border")
    assert set(keys[1:]) & set(para[1:])
    assert not set(keys[1:]) & set(claim_keys("the bridge will reopen in spring after repairs"))


def test_short_claim_gets_only_the_exact_key() -> None:
    assert claim_keys("No.") == ["f:" + claim_fingerprint("No.")[:16]]


@pytest.mark.parametrize(("text", "wire"), [
    ("SALVEN (MPA) \u2014 A senior official said", "MPA"),
    ("WASHINGTON (AP) \u2014 The", "AP"),
    ("the official told The Associated Press on Friday", "AP"),
    ("according to the Meridian Press Agency, the talks", "MPA"),
    ("Reuters reported on Monday", "Reuters"),
])
def test_wire_credits(text: str, wire: str) -> None:
    assert wire in wire_credits(text)


def test_no_wire_in_plain_text() -> None:
    text = "The minister told the Free Press that (R-Texas) - was wrong"
    assert wire_credits(text) == frozenset()


def member(key: str, source: str, *, anonymous: bool = False, actor: int | None = None,
           outlet: str = "The Ledger", published: str | None = "2026-11-03", article: str = "",
           channel: str = "") -> ClaimMember:
    return ClaimMember(key, key.split("#")[0], outlet, published, source,
                       "anonymous" if anonymous else "named_person", anonymous, actor, channel,
                       TALKS, article or None)


def test_one_anonymous_official_relayed_by_a_wire_is_one_source() -> None:
    members = [
        member("a#1", "a senior official", anonymous=True, outlet="Post",
               article="SALVEN (MPA) \u2014 A senior official said ..."),
        member("b#1", "a senior Ostravian official", anonymous=True, outlet="Star",
               channel="the Meridian Press Agency"),
        member("c#1", "the official", anonymous=True, outlet="Echo",
               article="The talks ... (Reporting by the Meridian Press Agency; the Meridian"
                       " Press Agency contributed to this report.)"),
    ]
    result = independent_sources(members)
    assert result.count == 1
    assert result.groups == [["a#1", "b#1", "c#1"]]
    assert "MPA" in result.reasons[0]


def test_two_named_ministers_are_two_sources_even_on_one_wire() -> None:
    wire = "SALVEN (MPA) \u2014"
    members = [member("a#1", "Minister Tomas Varga", actor=4, article=wire),
               member("b#1", "Foreign Minister Ilse Brandt", actor=7, article=wire)]
    assert independent_sources(members).count == 2


def test_one_actor_in_many_outlets_is_one_source() -> None:
    members = [member("a#1", "Tomas Varga", actor=4, outlet="Post"),
               member("b#1", "Mr Varga", actor=4, outlet="Star"),
               member("c#1", "Varga", actor=4, outlet="Echo")]
    result = independent_sources(members)
    assert result.count == 1 and "actor #4" in result.reasons[0]


def test_uncredited_anonymous_sources_in_different_outlets_stay_apart() -> None:
    members = [member("a#1", "a senior official", anonymous=True, outlet="Post"),
               member("b#1", "a diplomat", anonymous=True, outlet="Star")]
    assert independent_sources(members).count == 2


def test_same_anonymous_description_through_the_same_channel_is_one_source() -> None:
    members = [member("a#1", "a senior official", anonymous=True, channel="in a briefing"),
               member("b#1", "senior officials", anonymous=True, outlet="Star",
                      channel="in a briefing")]
    result = independent_sources(members)
    assert result.count == 1 and "anonymous" in result.reasons[0]


def test_first_reporter_is_the_earliest_then_input_order() -> None:
    dates = {"a#1": "2026-11-03", "b#1": None, "c#1": "2026-11-01", "d#1": "2026-11-01"}
    assert first_reporter([member(k, "x", published=d) for k, d in dates.items()]) == "c#1"
    undated = [member("b#1", "x", published=None), member("a#1", "x", published=None)]
    assert first_reporter(undated) == "b#1"
    with pytest.raises(ValueError):
        first_reporter([])


def test_contents_too_short_to_be_claims_never_match() -> None:
    assert not is_claim("a request for comment") and is_claim(TALKS)
    assert claim_similarity("a request for comment", "a request for comment")[1] == "different"
    assert not same_claim("the Bush administration", "the Bush administration")


def test_shared_names_alone_do_not_make_a_paraphrase() -> None:
    a = ("that the FBI probe into Hillary Clinton's use of a private email server is free of"
         " outside influence")
    b = "Hillary Clinton's use of a private email server while she was secretary of state"
    assert not same_claim(a, b)


def test_a_wire_quoted_as_the_source_joins_the_wire_relays() -> None:
    members = [
        member("a#1", "a senior official", anonymous=True, outlet="Post",
               article="SALVEN (MPA) \u2014 A senior official said ..."),
        member("b#1", "the Meridian Press Agency", outlet="Star", actor=12),
    ]
    result = independent_sources(members)
    assert result.count == 1 and "MPA" in result.reasons[0]


def test_a_wire_named_in_one_piece_of_a_split_source_joins_the_wire_relays() -> None:
    members = [
        member("a#1", "a senior official", anonymous=True, outlet="Post",
               article="SALVEN (MPA) \u2014 A senior official said ..."),
        member("b#1", "the Meridian Press Agency \u2026 cited a senior official at the ministry",
               outlet="Gazette"),
        member("c#1", "The finance ministry", outlet="Gazette", actor=7),
    ]
    result = independent_sources(members)
    assert result.count == 2
    assert result.groups[0] == ["a#1", "b#1"] and "MPA" in result.reasons[0]


def test_a_wire_cited_once_in_an_article_is_not_its_source_for_everything() -> None:
    article = "Turnout rose, according to the Associated Press. A senior official said ..."
    assert wire_credits(article) == {"AP"} and article_wires(article) == frozenset()
    members = [member("a#1", "a senior official", anonymous=True, outlet="Post", article=article),
               member("b#1", "a senior official", anonymous=True, outlet="Star",
                      article="WASHINGTON (AP) \u2014 A senior official said ...")]
    assert independent_sources(members).count == 2
