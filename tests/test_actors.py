"""``sayso_actors``: people and organisations, merged mentions, canonical names and roles.

Texts are short and fictional; they load the real pipeline because actors need spaCy's NER.
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from sayso.analyze import analyze_text
from sayso.pipeline.actors import is_outlet


def actors(text: str, nlp: Language) -> dict[str, dict[str, Any]]:
    """The record's actors by canonical name, with their mention texts."""
    record = analyze_text(text, nlp=nlp)
    out = {}
    for actor in record["actors"]:
        actor["texts"] = [text[s:e] for s, e in actor["mentions"]]
        out[actor["name"]] = actor
    return out


def test_outlets_are_recognised_by_name() -> None:
    """Outlets become ``document`` sources, so their names must not read as ordinary firms."""
    assert is_outlet("Harbour Gazette") and is_outlet("Meridian Press Agency")
    assert is_outlet("AP") and is_outlet("Politico") and is_outlet("MSNBC")
    assert not is_outlet("Brennick Components")


@pytest.mark.model
def test_mentions_merge_under_the_fullest_name(nlp: Language) -> None:
    """ "Ms Castell" and "Castell" are Maria Castell Ibáñez: one actor, three mentions."""
    found = actors(
        "The defence minister, Maria Castell Ibáñez, said the army would withdraw. "
        "Ms Castell added that talks would resume. Castell told reporters she was hopeful.",
        nlp,
    )
    assert list(found) == ["Maria Castell Ibáñez"]
    actor = found["Maria Castell Ibáñez"]
    assert actor["type"] == "person"
    assert actor["texts"] == ["Maria Castell Ibáñez", "Castell", "Castell"]
    assert actor["roles"] == ["defence minister"]


@pytest.mark.model
def test_roles_from_titles_and_appositives(nlp: Language) -> None:
    found = actors(
        "Florida senator Ann Whitby said the bill would pass. Opposition leader Tomas Rehn said "
        "it would not. Karl Ode, the chief of the Harbour Safety Agency, said the port was safe.",
        nlp,
    )
    assert found["Ann Whitby"]["roles"] == ["Florida senator"]
    assert found["Tomas Rehn"]["roles"] == ["Opposition leader"]
    assert found["Karl Ode"]["roles"] == ["chief of the Harbour Safety Agency"]
    assert found["Harbour Safety Agency"]["type"] == "organisation"
    assert found["Harbour Safety Agency"]["roles"] == []


@pytest.mark.model
def test_a_quote_on_the_next_line_is_not_a_role(nlp: Language) -> None:
    """In a list of quotes ("“…” ― Name", one a line) the parser hangs the next line's quote
    on the name as an appositive; across a line break and a quotation mark it is no role."""
    found = actors(
        "Readers wrote in after the debate.\n\n“The bridge is late again and nobody answers for"
        " it.” ― Mara Quill Ostrova\n“The most expensive bridge in the history of Valdene.” ―"
        " Tomas Lindqvist Bergh\n“A real fiasco, from start to finish, for every commuter.” ―"
        " Ines Corrado Falk\n",
        nlp,
    )
    assert "Mara Quill Ostrova" in found
    assert all(actor["roles"] == [] for actor in found.values())


@pytest.mark.model
def test_acronym_joins_its_organisation(nlp: Language) -> None:
    found = actors(
        "The Meridian Press Agency (MPA) reported that the border was closed. "
        "MPA said its reporters had seen the queues.",
        nlp,
    )
    assert list(found) == ["Meridian Press Agency"]
    assert found["Meridian Press Agency"]["texts"] == ["Meridian Press Agency", "MPA", "MPA"]
    assert found["Meridian Press Agency"]["roles"] == []  # "(MPA)" is a name, not a role


@pytest.mark.model
def test_title_words_split_a_name_tagged_as_an_organisation(nlp: Language) -> None:
    """NER sometimes tags "Kestwick Mayor Dorian Fell" as ORG; the title makes it a person."""
    found = actors("Organisers said Kestwick Mayor Dorian Fell would face a vote.", nlp)
    assert found["Dorian Fell"]["type"] == "person"
    assert found["Dorian Fell"]["roles"] == ["Kestwick Mayor"]


@pytest.mark.model
def test_abbreviated_titles_leave_the_name(nlp: Language) -> None:
    """ "Virginia Gov. Terry Kells" is Terry Kells, Virginia Gov.; "FALLIN:" in a transcript
    is the Fallin named before."""
    found = actors(
        "Virginia Gov. Terry Kells said the order was signed. Governor Mary Fallin spoke next."
        "\n\nFALLIN: I think the nation needs to work together.", nlp)
    assert found["Terry Kells"]["roles"] == ["Virginia Gov."]
    assert "FALLIN" in found["Mary Fallin"]["texts"]


@pytest.mark.model
def test_an_outlets_presenter_is_a_person(nlp: Language) -> None:
    """NER tags "Fox News’ Sean Hollis" as one organisation: it is an outlet and a person."""
    found = actors("In an interview with Fox News’ Sean Hollis on Monday, Hollis asked.", nlp)
    assert found["Sean Hollis"]["type"] == "person"
    assert found["Sean Hollis"]["texts"] == ["Sean Hollis", "Hollis"]


@pytest.mark.model
def test_one_surname_two_people(nlp: Language) -> None:
    """A bare "Clinton" goes to the Clinton named in full last before it."""
    text = ("Bill Clinton spoke first. Clinton praised the plan. Later Hillary Clinton spoke."
            " Clinton said she was ready.")
    found = actors(text, nlp)
    bill, hillary = found["Bill Clinton"]["mentions"], found["Hillary Clinton"]["mentions"]
    second = text.index("Clinton said")
    assert [second, second + 7] in hillary and [second, second + 7] not in bill
    assert [text.index("Clinton praised"), text.index("Clinton praised") + 7] in bill


@pytest.mark.model
def test_family_ties_are_not_roles(nlp: Language) -> None:
    found = actors("Ann Lee campaigned with her husband, Tom Lee, a retired judge.", nlp)
    assert all(r.casefold() != "husband" for r in found["Tom Lee"]["roles"])


@pytest.mark.model
def test_a_surname_written_first_joins_the_full_name(nlp: Language) -> None:
    """ "Mr. Lou" is Lou Jiwei: the one person whose name starts with the word."""
    found = actors("Finance minister Lou Jiwei spoke on Monday. Mr. Lou said growth would slow."
                   " Mr. Lou told reporters the yuan was stable.", nlp)
    assert list(found) == ["Lou Jiwei"]
    assert found["Lou Jiwei"]["texts"] == ["Lou Jiwei", "Lou", "Lou"]


@pytest.mark.model
def test_party_state_and_stops_are_not_roles_or_names(nlp: Language) -> None:
    """ "(D-Ore.)" is no role, and the stop of "Col." is no part of a name."""
    found = actors("Senator Dana Reyes (D-Ore.) said the bill would pass. Col. Rhea Tamsin said"
                   " the base was safe.", nlp)
    assert found["Dana Reyes"]["roles"] == ["Senator"]
    assert "Rhea Tamsin" in found


@pytest.mark.model
def test_transcript_speakers_are_people(nlp: Language) -> None:
    """ "ANNA MORROW:" opening a line is a speaker NER may miss, and "MORROW:" is her again;
    "KELLS:" is the Kells named before, not an actor of its own."""
    found = actors("Governor Terry Kells spoke to CNN on Sunday.\n\nANNA MORROW: Do you back the"
                   " plan?\n\nKELLS: I do.\n\nMORROW: Thank you, Governor.", nlp)
    assert found["ANNA MORROW"]["texts"] == ["ANNA MORROW", "MORROW"]
    assert "KELLS" in found["Terry Kells"]["texts"] and "KELLS" not in found


@pytest.mark.model
def test_one_full_name_is_one_actor(nlp: Language) -> None:
    """ "Hillary Clinton" twice is one actor, though a fuller name holds the key "Clinton"."""
    record = analyze_text("Anna Clinton Vale said the vote was close. Hillary Clinton said she had"
                          " won. Later Hillary Clinton thanked her staff.", nlp=nlp)
    names = [a["name"] for a in record["actors"]]
    assert names.count("Hillary Clinton") == 1


@pytest.mark.model
def test_parties_in_the_plural_are_people_not_bodies(nlp: Language) -> None:
    record = analyze_text("Republicans warned that the deal was a mistake. Only two Democrats said"
                          " they would back it.", nlp=nlp)
    assert record["actors"] == []
    assert [a["source_type"] for a in record["attributions"]] == ["group", "group"]


def test_components_are_exposed_as_spacy_factories() -> None:
    """``nlp.add_pipe("sayso_sources")`` must work in any pipeline once sayso is installed."""
    from importlib.metadata import entry_points

    from sayso.nlp import SAYSO_PIPES

    names = {ep.name: ep.value for ep in entry_points(group="spacy_factories")}
    for pipe in SAYSO_PIPES:
        module, _, func = names[pipe].partition(":")
        assert callable(getattr(__import__(module, fromlist=[func]), func))


@pytest.mark.model
def test_a_surname_with_a_particle_is_one_person_whatever_its_case(nlp: Language) -> None:
    """ "De Vries" opening a sentence (NER read it as an organisation) is Anna de Vries."""
    found = actors("Mayor Anna de Vries rejected the plan. De Vries said the decision was made"
                   " by the port authority.", nlp)
    assert "De Vries" not in found
    assert found["Anna de Vries"]["type"] == "person"
    assert found["Anna de Vries"]["texts"] == ["Anna de Vries", "De Vries"]


@pytest.mark.model
def test_a_name_after_a_title_is_a_person_though_ner_says_organisation(nlp: Language) -> None:
    found = actors("Transport Commissioner Helena Brask said the line would open in May.", nlp)
    assert found["Helena Brask"]["type"] == "person"
    assert found["Helena Brask"]["roles"] == ["Transport Commissioner"]


@pytest.mark.model
def test_a_surname_goes_to_the_speaker_not_the_person_in_her_description(
        nlp: Language) -> None:
    """ "Patricia Lind, mother of flood victim Jonas Lind": a later "Lind" is Patricia."""
    record = analyze_text("Patricia Lind, mother of flood victim Jonas Lind, said the warnings"
                          " came too late. “Nobody called us,” Lind said.", nlp=nlp)
    names = {a["id"]: a["name"] for a in record["actors"]}
    assert [names[a["actor"]] for a in record["attributions"]] == ["Patricia Lind"] * 2


@pytest.mark.model
def test_an_age_and_a_place_after_a_name_are_no_role(nlp: Language) -> None:
    """A vox-pop's "— Jonas van Tiel, 52, Eastbank" names a place; "61, retired bus driver"
    a job (without the line break after it)."""
    found = actors("“My shop lost half its customers.” — Jonas van Tiel, 52, Eastbank\n\n"
                   "“The trams are quiet.” - Luis D. Carvalho, 61, retired bus driver\n\n"
                   "The council said it would review fares.", nlp)
    assert found["Jonas van Tiel"]["roles"] == []
    assert found["Luis D. Carvalho"]["roles"] == ["retired bus driver"]


@pytest.mark.model
def test_a_name_with_a_straight_or_a_curly_apostrophe_is_one_actor(nlp: Language) -> None:
    """ "Declan O’Rourke" and a later "O'Rourke" (typed with a straight apostrophe) are one
    person, under the fuller name."""
    found = actors(
        "Harbour Commissioner Declan O’Rourke said the pier would reopen. “We are not there"
        " yet,” said O'Rourke, on his first day in the job. O'Rourke said repairs would take"
        " a month.", nlp)
    assert "O'Rourke" not in found
    assert len(found["Declan O’Rourke"]["texts"]) >= 2


@pytest.mark.model
def test_a_name_in_a_relatives_description_does_not_take_the_surname(nlp: Language) -> None:
    """ "John Miller … for his wife Mary Miller": a later bare "Miller" is still John, the man
    the sentence is about, not the wife named in his description."""
    found = actors(
        "John Miller spoke at a rally in Eastbank for his wife Mary Miller. “The depot must"
        " stay open,” Miller said.", nlp)
    assert "Miller" in found["John Miller"]["texts"]
    assert "Miller" not in found["Mary Miller"]["texts"]


@pytest.mark.model
def test_a_possessor_a_party_and_a_title_after_a_description_are_roles(nlp: Language) -> None:
    """ "Ruth Calder’s campaign manager Tomas Lind": the possessor belongs to the role;
    "Libertarian Gary Johnson" is a party, not a given name; "Democratic vice presidential
    nominee Sen. Tim Kaine" has two roles, but "state Sen. Richard Black" one."""
    found = actors("Ruth Calder’s campaign manager Tomas Lind said as much in an interview.",
                   nlp)
    assert found["Tomas Lind"]["roles"] == ["Ruth Calder’s campaign manager"]
    found = actors("On Friday, Libertarian Gary Johnson said the debate was rigged.", nlp)
    assert found["Gary Johnson"]["roles"] == ["Libertarian"]
    found = actors("Democratic vice presidential nominee Sen. Tim Kaine said he was ready.", nlp)
    assert found["Tim Kaine"]["roles"] == ["Democratic vice presidential nominee", "Sen."]
    found = actors("Cruz endorser and state Sen. Richard H. Black won a seat.", nlp)
    assert found["Richard H. Black"]["roles"] == ["state Sen."]


def test_no_role_across_a_closing_quote_or_with_a_finite_verb() -> None:
    """Parses the parser gets wrong: "“… our military,” Flynn said" with the name hung on
    "military" as an apposition (the quote is no role, even cut at its comma), and "close
    loopholes Walter Hughes used" with a verb's words before the name."""
    import spacy
    from spacy.tokens import Doc

    from sayso.pipeline.actors import _appositive, _prenominal

    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=["the", "military", ",", "”", "Flynn", "said", "."],
              heads=[1, 5, 1, 1, 1, 5, 5],
              deps=["det", "nsubj", "punct", "punct", "appos", "ROOT", "punct"],
              tags=["DT", "NN", ",", "''", "NNP", "VBD", "."],
              pos=["DET", "NOUN", "PUNCT", "PUNCT", "PROPN", "VERB", "PUNCT"])
    assert _appositive(doc[4:5]) == ""
    doc = Doc(vocab, words=["close", "loopholes", "Walter", "Hughes", "used"],
              heads=[1, 3, 3, 4, 4], deps=["amod", "compound", "compound", "nsubj", "ROOT"],
              tags=["VB", "NNS", "NNP", "NNP", "VBD"],
              pos=["VERB", "NOUN", "PROPN", "PROPN", "VERB"])
    assert _prenominal([doc[2], doc[3]], []) == ()


@pytest.mark.model
def test_a_social_media_handle_is_a_person_without_roles(nlp: Language) -> None:
    """ "one Twitter user @kestwickmum pointed out …": the handle is a name (the guidelines
    count handles), the source is linked to it; "my friend @tramfan" gives it no role."""
    record = analyze_text(
        "Mayor Ruth Calder spoke on Monday. But one Twitter user @kestwickmum pointed out with"
        " a side-by-side photo that the depot was closed. “Proud of my friend @tramfan,”"
        " Calder wrote.", nlp=nlp)
    handles = {a["name"]: a for a in record["actors"] if a["name"].startswith("@")}
    assert set(handles) == {"@kestwickmum", "@tramfan"}
    assert all(a["type"] == "person" and a["roles"] == [] for a in handles.values())
    user = next(a for a in record["attributions"] if "@kestwickmum" in a["source"]["text"])
    assert user["actor"] == handles["@kestwickmum"]["id"]
