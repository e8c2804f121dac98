"""The quote-list rule (``pipeline/quotelist.py``): ``“quote” ― Name`` lines of a vox-pop.

The pure pattern is tested without a model; the rest runs the shipped pipeline on the
fictional sample ``examples/voxpop-tram-riders.txt``, written for this rule.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from sayso.analyze import analyze_text
from sayso.contract import Attribution
from sayso.pipeline.quotelist import QUOTE_LINE, add_quote_list_attributions

VOXPOP = Path(__file__).resolve().parent.parent / "examples" / "voxpop-tram-riders.txt"


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("“It took me eleven minutes.” ― Tobias Renfrew", "Tobias Renfrew"),
        ("“I like it.” — Amara Okonjo, 34, Ostwick", "Amara Okonjo"),
        ("“Quiet trams.” - Luis D. Carvalho, 61, retired bus driver", "Luis D. Carvalho"),
        ('"Too dear." ― Priya Ramaswamy Holt', "Priya Ramaswamy Holt"),
        ("“My shop lost half its customers.” — Jonas van Tiel, 52, Eastbank", "Jonas van Tiel"),
        ("“No bike racks.” – Marcus Ebbe, 27", "Marcus Ebbe"),
        ("“Fine by me.”\xa0―\xa0Wendel Osei\xa0", "Wendel Osei"),  # no-break spaces
    ],
)
def test_a_quote_a_dash_and_a_name_make_a_quote_list_line(line: str, name: str) -> None:
    m = QUOTE_LINE.search(f"Headline\n\n{line}\n\nMore text.")
    assert m is not None and m.group("name") == name


@pytest.mark.parametrize(
    "line",
    [
        "“We will go back,” one of them said - and then he left.",  # a sentence, not a credit
        "“It is done.” — and so it was, said the mayor",  # no name after the dash
        "The mayor said “no” — Ruth Calder disagreed.",  # the line does not open with a quote
        "“Will it ever open?” — Never.",  # one word is no credit
    ],
)
def test_other_lines_are_not_quote_list_lines(line: str) -> None:
    assert QUOTE_LINE.search(f"Headline\n\n{line}\n\nMore text.") is None


@pytest.mark.model
def test_every_voice_of_a_voxpop_is_a_named_person(nlp: Language) -> None:
    """The model finds none of the eight quotes; the rule gives each one, with the name as
    source, the dash as cue and the quoted words as content, linked to a person actor."""
    text = VOXPOP.read_text(encoding="utf-8")
    record = analyze_text(text, nlp=nlp)
    names = {a["id"]: a for a in record["actors"]}
    listed = [a for a in record["attributions"] if a["cue"]["text"] in ("―", "—", "–", "-")]
    assert [a["source"]["text"] for a in listed] == [
        "Tobias Renfrew",
        "Amara Okonjo",
        "Luis D. Carvalho",
        "Priya Ramaswamy Holt",
        "Jonas van Tiel",
        "Ingrid Sollberg",
        "Marcus Ebbe",
        "Delphine Arnaud-Kray",
    ]
    for a in listed:
        assert a["source_type"] == "named_person" and not a["anonymous"]["is"]
        assert a["kind"] == "direct" and a["stance"] == "say"
        actor = names[a["actor"]]
        assert actor["type"] == "person" and actor["name"] == a["source"]["text"]
        [(s, e)] = a["content"]["spans"]
        assert text[s - 1] in '“"' and text[e] in '”"'  # the words inside the marks
    assert listed[0]["content"]["text"].startswith("It took me eleven minutes")
    # the ordinary paragraphs keep the model's attributions, in text order around the list
    starts = [a["cue"]["spans"][0][0] for a in record["attributions"]]
    assert starts == sorted(starts)
    assert any(
        a["source"]["text"] == "Transport Commissioner Helena Brask" for a in record["attributions"]
    )


@pytest.mark.model
def test_a_quote_the_model_found_is_left_to_the_model(nlp: Language) -> None:
    """A line the model read already ("…,” Lind said") gets no second attribution."""
    text = "Headline\n\n“The depot stays open,” Tomas Lind said.\n\nMore text follows here."
    record = analyze_text(text, nlp=nlp)
    assert len(record["attributions"]) == 1


def test_a_claim_nested_in_a_listed_quote_keeps_the_line_its_speaker() -> None:
    """A claim the model reads inside the quote ("the mayor said …") is no reading of the
    line: the credit still names who says the whole quote. A closing mark typed as the
    opening one still opens a quote."""
    text = (
        "What riders told us\n\n"
        "“At the hearing the mayor said the tram would be free for a year. It never was, and"
        " nobody has explained why.” ― Odile Brannock\n"
        "”Too slow on the hill, far too slow every single morning.” ― Kaspar Velt\n"
    )
    doc = spacy.blank("en")(text)
    said = text.index("said")
    nested = Attribution(
        source=((said - 10, said - 1),),
        cue=((said, said + 4),),
        content=((said + 5, text.index(" for a year")),),
        kind="indirect",
        confidence=0.8,
    )
    found = add_quote_list_attributions(doc, [nested])
    assert [text[a.source[0][0] : a.source[0][1]] for a in found] == [
        "the mayor",
        "Odile Brannock",
        "Kaspar Velt",
    ]
    assert text[slice(*found[1].content[0])].startswith("At the hearing")
    assert text[slice(*found[2].content[0])].startswith("Too slow")
