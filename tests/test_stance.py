"""``sayso_stance``: cue classes, hedges and denial links; and the scorecard built on them."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sayso.analyze import analyze_text
from sayso.contract import Attribution, json_schema, scorecard
from sayso.pipeline.stance import HEDGE_RE, STANCE_CLASSES, STANCE_LEXICON, cue_stance


def test_schema_lists_exactly_the_stance_classes() -> None:
    """The contract's enum and the lexicon must not drift apart."""
    enum = json_schema()["$defs"]["attribution"]["properties"]["stance"]["enum"]
    assert enum == list(STANCE_CLASSES)


def test_lexicon_gives_each_lemma_one_class() -> None:
    lemmas = [lemma for lemmas in STANCE_LEXICON.values() for lemma in lemmas]
    assert len(lemmas) == len(set(lemmas))


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("the alleged payments", "alleged"),
        ("he reportedly agreed", "reportedly"),
        ("a director is said to be a friend", "is said to"),
        ("is regarded by many at City Hall as", "regarded by many"),
        ("an unconfirmed account", "unconfirmed"),
        ("It is understood that a date was set", "It is understood"),
    ],
)
def test_hedges(text: str, hedge: str) -> None:
    assert [m.group() for m in HEDGE_RE.finditer(text)] == [hedge]


def test_plain_reporting_has_no_hedge() -> None:
    assert HEDGE_RE.search("The mayor said the road had been closed since Monday.") is None


def test_scorecard_counts_types_and_anonymous_share() -> None:
    text = ("Bank says rates will rise\n\nA senior official said the bank would act."
            " Ann Lee said no.")
    official = text.index("A senior official")
    atts = [
        Attribution(source=((0, 4),), cue=((5, 9),), content=((10, 25),), kind="indirect",
                    confidence=1.0, source_type="organisation", actor=0),
        Attribution(source=((official, official + 17),), cue=((official + 18, official + 22),),
                    content=((official + 23, official + 42),), kind="indirect", confidence=1.0,
                    source_type="anonymous_person", anonymous=True),
        Attribution(source=((len(text) - 16, len(text) - 9),),
                    cue=((len(text) - 8, len(text) - 4),),
                    content=((len(text) - 3, len(text) - 1),), kind="indirect", confidence=1.0,
                    source_type="named_person", actor=1),
    ]
    card = scorecard(text, atts)
    assert card["by_source_type"]["organisation"] == 1
    assert card["by_source_type"]["anonymous_person"] == 1
    assert card["anonymous_share"] == round(19 / (15 + 19 + 2), 4)
    assert card["distinct_sources"] == 3
    assert card["headline_anonymous"] is False  # the headline rests on the bank
    assert scorecard(text, [])["anonymous_share"] is None


def test_attribution_keeps_working_from_spans_alone() -> None:
    """Old constructors (the attribution model's) still work; new fields default to untyped."""
    att = Attribution(source=(), cue=((0, 4),), content=((5, 9),), kind="indirect", confidence=0.5)
    assert (att.source_type, att.anonymous, att.actor, att.stance) == (
        "unspecified", False, None, "other")
    assert att.hedges == () and att.denies == () and att.channel == ()


@pytest.mark.model
def test_stance_classes_and_a_denial_link(nlp: Language) -> None:
    record = analyze_text(
        "Councillors accused Mayor Anna Berg of lying about the contract. Berg denied the"
        " allegations. The union warned that jobs were at risk.", nlp=nlp)
    atts = record["attributions"]
    assert [a["stance"] for a in atts] == ["accuse", "deny", "warn"]
    assert atts[1]["denies"] == [atts[0]["id"]]
    assert atts[0]["denies"] == [] and atts[2]["denies"] == []


@pytest.mark.model
def test_denial_of_new_reports_links_nothing(nlp: Language) -> None:
    """ "dismissed reports that …" brings the reports in; it does not point back."""
    record = analyze_text(
        "The union said the plant would close. Anna Berg dismissed reports that she had"
        " resigned.", nlp=nlp)
    deny = [a for a in record["attributions"] if a["stance"] == "deny"]
    assert deny and deny[0]["denies"] == []
    assert deny[0]["denied"]["text"] == "reports that she had resigned"


@pytest.mark.model
def test_denial_of_an_unextracted_allegation_points_at_its_sentence(nlp: Language) -> None:
    """ "It was alleged …" is often missed as an attribution; "denied any wrongdoing" still
    says which claim it answers, as the sentence's span."""
    text = ("It was alleged at a council meeting that the tender had been rewritten. Fell has"
            " denied any wrongdoing, his office said.")
    record = analyze_text(text, nlp=nlp)
    deny = [a for a in record["attributions"] if a["stance"] == "deny"]
    assert deny and deny[0]["denies"] == []
    [(s, e)] = deny[0]["denied"]["spans"]
    assert text[s:e].startswith("It was alleged") and e <= text.index("Fell")


@pytest.mark.model
def test_the_allegations_recall_what_was_alleged_not_a_later_claim(nlp: Language) -> None:
    """ "described the allegations as false" answers the sentence where something "was
    alleged", not a nearer sentence that mentions someone's "claim"."""
    text = ("It was alleged at a hearing that the permit had been forged. The union's chair"
            " rejected his claim that the strike was illegal. A lawyer for the firm, Omar"
            " Reyes, described the allegations as false.")
    record = analyze_text(text, nlp=nlp)
    deny = [a for a in record["attributions"] if a["cue"]["text"].startswith("described")]
    assert deny and deny[0]["stance"] == "deny"
    [(s, e)] = deny[0]["denied"]["spans"]
    assert text[s:e].startswith("It was alleged")


@pytest.mark.model
def test_rejecting_a_thing_is_not_a_denial_link(nlp: Language) -> None:
    """ "rejected the bill" answers no claim, even after an accusation about the same man."""
    record = analyze_text(
        "Critics accused Senator Tom Hale of blocking reform. Hale rejected the bill on"
        " Tuesday.", nlp=nlp)
    for a in record["attributions"]:
        assert a["denies"] == [] and "denied" not in a


@pytest.mark.model
def test_a_denial_of_someones_remarks_links_to_them(nlp: Language) -> None:
    """ "rejects Lind's remarks" (a headline: the remarks come later) and "dismissed the
    Green Union's accusations" point at what that actor said."""
    for text in ("Olsen rejects Lind's remarks about the port\n\nTomas Lind said the port was"
                 " unsafe for ships. Miriam Olsen said the harbour was open.",
                 "The Green Union accused the Harbour Board of polluting the bay on Monday."
                 " Miriam Olsen dismissed the Green Union's accusations about the bay."):
        atts = analyze_text(text, nlp=nlp)["attributions"]
        deny = next(a for a in atts if a["stance"] == "deny")
        claim = next(a for a in atts if a["source"]["text"] in ("Tomas Lind", "The Green Union"))
        assert deny["denies"] == [claim["id"]]


@pytest.mark.model
def test_disputing_this_answers_the_claim_just_made(nlp: Language) -> None:
    atts = analyze_text("Tomas Lind said the dam was safe. The council disputes that.",
                        nlp=nlp)["attributions"]
    assert [a["stance"] for a in atts] == ["say", "deny"]
    assert atts[1]["denies"] == [atts[0]["id"]]


@pytest.mark.model
def test_an_allegation_said_plainly_is_the_one_denied(nlp: Language) -> None:
    """ "said the mayor had misused the fund" is the allegation "rejected the allegation"
    answers: it is about the denier, though its cue is only "said"."""
    atts = analyze_text("Councillors said the mayor had misused the fund to pay his friends."
                        " Mayor Lind rejected the allegation.", nlp=nlp)["attributions"]
    assert atts[1]["denies"] == [atts[0]["id"]]


@pytest.mark.model
def test_the_charges_answer_every_claim_of_the_run(nlp: Language) -> None:
    """ "called the allegations baseless" after three witnesses' claims, one sentence apart,
    answers all three, not only the nearest."""
    atts = analyze_text(
        "Witnesses said Calder had taken the money. They said she had hidden it in a shed."
        " Several clerks said Calder had shredded files. Calder's office called the"
        " allegations baseless and false.", nlp=nlp)["attributions"]
    assert atts[3]["stance"] == "deny"
    assert atts[3]["denies"] == [atts[0]["id"], atts[1]["id"], atts[2]["id"]]


@pytest.mark.model
def test_the_criticism_is_no_plain_remark_far_back(nlp: Language) -> None:
    """ "dismissed the criticism" does not answer a historian's plain "recalled" many
    sentences back that is not about the denier."""
    atts = analyze_text(
        "Walter Hughes said the mayor had taken the money. A historian, Tom Lark, recalled"
        " that the mayor once sang at a wedding. The tram opened in 1990. It was late. Many"
        " stops were closed. The depot was moved. Fares rose. Buses ran instead. The council"
        " met twice. Ruth Calder dismissed the criticism as noise.", nlp=nlp)["attributions"]
    deny = next(a for a in atts if a["stance"] == "deny")
    assert deny["denies"] == []


@pytest.mark.model
def test_a_restated_claim_stops_before_the_next_cue(nlp: Language) -> None:
    record = analyze_text("Tomas Lind dismissed accusations that the mill had polluted the"
                          " river — saying the company had complied.", nlp=nlp)
    deny = record["attributions"][0]
    assert deny["denied"]["text"] == "accusations that the mill had polluted the river"


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Sanders: Clinton must change course.", "say"),
        ("Critics blasted the plan as reckless.", "accuse"),
        ("The union endorsed Clinton on Thursday.", "praise"),
        ("Lind complained that the port was slow.", "accuse"),
        ("Olsen stressed that the port was safe.", "say"),
    ],
)
@pytest.mark.model
def test_more_cue_classes(nlp: Language, text: str, stance: str) -> None:
    atts = analyze_text(text, nlp=nlp)["attributions"]
    assert atts and atts[0]["stance"] == stance


@pytest.mark.model
def test_passive_hedge_is_found_on_its_cue(nlp: Language) -> None:
    record = analyze_text("It is said that the mayor will resign.", nlp=nlp)
    [att] = record["attributions"]
    assert [h["text"] for h in att["hedges"]] == ["It is said"]
    assert att["source_type"] == "unspecified"


@pytest.mark.model
def test_a_named_owners_claim_may_have_been_said_plainly(nlp: Language) -> None:
    """ "rejected Lind's claim" answers what Lind said, though its cue is only "said"."""
    atts = analyze_text(
        "Councillor Tomas Lind said last week that the new bridge had been built with cheap"
        " steel. On Monday, the city engineer, Maria Olsen, rejected Lind's claim.",
        nlp=nlp)["attributions"]
    assert [a["stance"] for a in atts] == ["say", "deny"]
    assert atts[1]["denies"] == [atts[0]["id"]]


@pytest.mark.model
def test_accusations_by_a_named_critic_are_theirs(nlp: Language) -> None:
    """ "accusations by the Green Union that S" is the union's claim (given after the denial
    here, it must share the words of S); "criticism from Lind that S" is not whatever Lind
    says next about something else."""
    atts = analyze_text(
        "The Harbour Board rejected accusations by the Green Union that it had polluted the"
        " bay. The Green Union said in March that the board had polluted the bay with waste.",
        nlp=nlp)["attributions"]
    assert atts[0]["stance"] == "deny" and atts[0]["denies"] == [atts[1]["id"]]
    atts = analyze_text(
        "Mayor Anna de Vries rejected criticism from opposition leader Tomas Lind that closing"
        " the harbour office had cost the town jobs. De Vries said the decision was made by the"
        " port authority. Lind said on Tuesday that the mayor should resign over the budget.",
        nlp=nlp)["attributions"]
    assert atts[0]["stance"] == "deny" and atts[0]["denies"] == []


@pytest.mark.model
def test_a_nationalitys_criticism_belongs_to_a_source_of_that_nationality(
        nlp: Language) -> None:
    atts = analyze_text(
        "Oslo rejects Swedish criticism of fishing quotas\n\nThe Norwegian government defended"
        " its new fishing quotas on Monday. Swedish officials have complained that the quotas"
        " will empty the northern sea of cod within a decade.", nlp=nlp)["attributions"]
    deny = atts[0]
    swedes = next(a for a in atts if a["source"]["text"] == "Swedish officials")
    assert deny["stance"] == "deny" and deny["denies"] == [swedes["id"]]


@pytest.mark.model
def test_a_statement_denying_is_a_denial_given_in_a_statement(nlp: Language) -> None:
    [att] = analyze_text("Kestrel Foods issued a statement denying the claims on Friday.",
                         nlp=nlp)["attributions"]
    assert att["stance"] == "deny"
    assert att["channel"]["text"] == "a statement"


@pytest.mark.model
def test_a_denied_report_given_after_the_denial(nlp: Language) -> None:
    """ "denied the report. The report, published by …, said …": no earlier report, so "the
    report" is the one the next sentence gives."""
    atts = analyze_text(
        "The Harbour Board denied the report on Tuesday. The report, published by the Coastal"
        " Trust, said that the board had dumped waste in the bay for years.",
        nlp=nlp)["attributions"]
    assert atts[0]["stance"] == "deny" and atts[0]["denies"] == [atts[1]["id"]]


@pytest.mark.model
def test_a_suspicion_stated_after_the_denial(nlp: Language) -> None:
    atts = analyze_text(
        "The ministry has denied any role in the flooding of the valley. Still, many farmers"
        " believe that ministry engineers opened the dam gates too early, causing the"
        " flooding.", nlp=nlp)["attributions"]
    assert [a["stance"] for a in atts] == ["deny", "believe"]
    assert atts[0]["denies"] == [atts[1]["id"]]


@pytest.mark.model
def test_a_later_report_is_not_what_a_lede_denial_answers(nlp: Language) -> None:
    """A report given after a denial is its evidence more often than the claim denied."""
    atts = analyze_text(
        "The minister denied leaking the draft plan to developers. The draft was shared with"
        " a developers' forum, according to emails seen by the Ledger.",
        nlp=nlp)["attributions"]
    deny = next(a for a in atts if a["stance"] == "deny")
    assert deny["denies"] == []


@pytest.mark.model
def test_a_charge_denied_in_passing_is_the_claim_just_made(nlp: Language) -> None:
    """ "X complained that S, a charge that Y denied": the relative clause on "a charge"
    answers X's complaint in the same sentence."""
    atts = analyze_text(
        "The mayor complained that the vote had been rigged against him, a charge that election"
        " officials strongly denied, noting that the count had been observed.",
        nlp=nlp)["attributions"]
    deny = next(a for a in atts if a["stance"] == "deny")
    assert deny["denies"] == [atts[0]["id"]] and atts[0]["stance"] == "accuse"


@pytest.mark.model
def test_a_rejected_request_and_argument_answer_who_made_them(nlp: Language) -> None:
    """ "has rejected a request …" answers the ``ask`` that made it (a lead's denial comes
    first: the motion is filed in the next paragraph); "filed a motion to …" is an ``ask``;
    "rejected that argument" points back at the "arguing" claim."""
    atts = analyze_text(
        "A Kestwick judge has rejected a request by the Harbour Ledger to open the files on"
        " the port sale, saying courts must not judge what voters need.\n\nThe Harbour Ledger"
        " filed a motion to unseal the records, arguing the sale was a matter of public"
        " interest.\n\nCircuit Judge Ruth Calder rejected that argument in a ruling on"
        " Thursday.", nlp=nlp)["attributions"]
    by_cue = {a["cue"]["text"]: a for a in atts}
    assert by_cue["filed"]["stance"] == "ask" and by_cue["arguing"]["stance"] == "claim"
    assert by_cue["has rejected"]["denies"] == [by_cue["filed"]["id"]]
    assert by_cue["rejected"]["denies"] == [by_cue["arguing"]["id"]]


@pytest.mark.model
def test_a_restated_idea_is_not_a_remark_made_long_before(nlp: Language) -> None:
    """ "disputes the idea that S" restates S; a neighbour's unrelated remark three sentences
    back, sharing no word with S, is not what it denies."""
    atts = analyze_text(
        '"She was always kind to everyone on the street," a neighbour said of the nurse.\n\n'
        "The magazine sent a reporter to her home in Eastbank to watch the debate with her and"
        " her brother.\n\nThe storm had closed the roads for a week before the visit.\n\nThe"
        " nurse disputes the idea that she needed to be treated in hospital at all.",
        nlp=nlp)["attributions"]
    deny = next(a for a in atts if a["stance"] == "deny")
    assert deny["denies"] == []
    assert deny["denied"]["text"].startswith("the idea that she needed to be treated")


@pytest.mark.model
def test_a_conjunct_denial_never_denies_its_own_source(nlp: Language) -> None:
    """ "The statement said S and dismissed the report": the "said" is the denier's own
    words, so "the report" is the union's claim before it."""
    atts = analyze_text(
        "The union said the mill had been sold. The owner's statement said that was wrong and"
        ' dismissed the report as "idle talk."', nlp=nlp)["attributions"]
    deny = next(a for a in atts if a["stance"] == "deny")
    assert deny["denies"] == [atts[0]["id"]]


def _stance_of(nlp: Language, text: str, cue: str) -> str:
    """The class of ``cue`` (first occurrence) in a hand-made attribution whose content is
    the rest of the sentence."""
    doc = nlp(text)
    start = text.index(cue)
    end = start + len(cue)
    att = Attribution(source=(), cue=((start, end),), content=((end + 1, len(text) - 1),),
                      kind="indirect", confidence=1.0)
    return cue_stance(doc, att)


@pytest.mark.parametrize(
    ("text", "cue", "stance"),
    [
        ("Mayor Ines Varga called her rival a reckless liar on Tuesday.", "called", "accuse"),
        ("Councillor Tomas Brenn called the harbour chief a genius at the meeting.", "called",
         "praise"),
        ("Varga called the plan a starting point for the talks.", "called", "say"),
        ("Critics described the levy as shameful and dishonest.", "described", "accuse"),
        ("Prosecutors charged Olaf Renn with fraud on Monday.", "charged", "accuse"),
        ("The union charged that the port had hidden its losses.", "charged", "claim"),
        ("Senator Ada Brevik proposed a tax on empty homes.", "proposed", "suggest"),
        ("The panel recommended that the port be sold.", "recommended", "suggest"),
        ("Brevik seemed to confirm the rumours about the sale.", "seemed to confirm",
         "confirm"),
        ("Brevik appeared to blame the clerks for the delay.", "appeared to blame", "accuse"),
        ("Varga knows that the vote will be close.", "knows", "believe"),
        ("The port is known as the gateway to the north.", "is known as", "other"),
        ("Brevik pushed back on the report on Thursday.", "pushed back on", "deny"),
        ("Varga laughed off the council's warning.", "laughed off", "deny"),
        ("Brenn made clear that the port would stay open.", "made clear", "say"),
        ("The board rebuffed the city's bid.", "rebuffed", "refuse"),
        ("Brenn quipped that the port had never looked better.", "quipped", "say"),
        ("The mayor reportedly wanted the deal dead.", "reportedly", "report"),
        ("Brevik repeated her claim that the port was losing money.",
         "repeated her claim", "claim"),
        ("Varga hopes the vote will pass.", "hopes", "believe"),
        ("Critics lambasted the plan again.", "lambasted", "accuse"),
        ("Oskar Lind bemoaned the loss of the port.", "bemoaned", "accuse"),
        ("The mayor encouraged residents to vote early.", "encouraged", "ask"),
        ("The audit disclosed that the port had lost money.", "disclosed", "report"),
        ("Oskar Lind railed against the levy.", "railed against", "accuse"),
        ("The audit demonstrates that the port lost money.", "demonstrates", "report"),
        ("That’s according to the harbour audit.", "’s according to", "report"),
        ("Varga is worried that the port will close.", "is worried", "believe"),
        ("The mayor did not mention the harbour in her speech.", "did not mention", "other"),
        ("Brask failed to mention the losses.", "failed to mention", "other"),
        ("Varga has not said whether she will run.", "has not said", "say"),
        ("The mayor told the clerks never to open the files.", "told the clerks", "ask"),
        ("Brevik posits that the port is worth more.", "posits", "claim"),
        ("The council made a plea for calm.", "made a plea for", "ask"),
        ("\"We are ready,\" the letter reads.", "reads", "say"),
        ("Voss referred to the bankers as crooked thieves.", "referred to", "accuse"),
        ("Voss painted his rival as unfit to lead.", "painted", "accuse"),
        ("The Harbour Board has deemed the files secret.", "has deemed", "believe"),
        ("Calder is counting on a late surge.", "is counting on", "believe"),
        ("Voss went after the mayor over the tram.", "went after", "accuse"),
        ("The Gazette quoted a witness as saying the car sped up.", "quoted", "report"),
        ("Ruth Calder echoed the mayor's concerns.", "echoed", "say"),
        ("Voss floated the notion of a new port.", "floated the notion", "suggest"),
        ("Voss went on to call Calder \"the most ignorant mayor we have had.\"",
         "went on to call", "accuse"),
        ("Calder called him a pragmatic and effective leader.", "called", "praise"),
        ("The mayor did not promise a new port.", "did not promise", "other"),
        ("Voss castigated the mayor for the delays.", "castigated", "accuse"),
        ("Voss lamented the state of the harbour.", "lamented", "accuse"),
        ("The crowd cheered the mayor's plan.", "cheered", "praise"),
        ("Calder credited the mayor with the new port.", "credited", "praise"),
        ("Voss expressed doubts that the port would open.", "expressed doubts", "believe"),
        ("Voss expressed regret over the delays.", "expressed", "say"),
        ("Traders are hopeful the port will open.", "are hopeful", "believe"),
        ("Calder challenged the assertion that the port was late.", "challenged", "deny"),
        ("Calder challenged Voss to a debate.", "challenged", "other"),
        ("The council has sought new proposals for the port.", "has sought", "ask"),
        ("The council has sought to delay the port.", "has sought", "other"),
        ("Voters judge that the port is too costly.", "judge", "believe"),
        ("Calder retweeted the mayor's message.", "retweeted", "say"),
        ("The paper made the same allegations against the union.",
         "made the same allegations against", "accuse"),
        ("The port was closed amid allegations of fraud.", "allegations of", "claim"),
        ("Calder made it clear that the port would open.", "made it clear", "say"),
        ("Voss laughed it off as a stunt.", "laughed it off", "deny"),
        ("Calder doubled down on her plan for the port.", "doubled down on", "claim"),
        ("Voss chastised the mayor for the delays.", "chastised", "accuse"),
        ("Protesters heckled the mayor at the harbour.", "heckled", "accuse"),
        ("Calder congratulated the mayor on the new port.", "congratulated", "praise"),
        ("Voss instructed the staff to close the port.", "instructed", "ask"),
        ("The board reaffirmed that the port would open.", "reaffirmed", "confirm"),
        ("The council spurned the offer from the port.", "spurned", "refuse"),
        ("\"That is wrong,\" Calder interjected.", "interjected", "say"),
        ("Voss dubbed the plan a folly.", "dubbed", "say"),
        ("Calder weighed in on the port.", "weighed in on", "say"),
        ("Calder elaborated on her plan for the port.", "elaborated", "say"),
        ("Voss spouts figures about the port all day.", "spouts", "say"),
        ("Voss yelled that the port was a folly.", "yelled", "say"),
        ("Calder eviscerated the mayor's port plan.", "eviscerated", "accuse"),
        ("Voss delivered a tirade against the harbour board.", "delivered a tirade against",
         "accuse"),
        ("Calder unleashed a torrent of abuse at the mayor.", "unleashed", "accuse"),
        ("The mayor regrets the delays at the port.", "regrets", "admit"),
        ("Calder envisions a port open to all.", "envisions", "believe"),
        ("Calder laid out her plan for the port.", "laid out", "say"),
        ("Calder accepted the party's nomination on Thursday.", "accepted", "other"),
        ("Voss accepted that the port had lost money.", "accepted", "admit"),
        ("The crowd expressed its support for the mayor.", "expressed", "praise"),
        ("Calder voiced gratitude to the harbour staff.", "voiced", "praise"),
        ("I find his plan chilling.", "find", "believe"),
        ("Voss found it difficult to explain the delays.", "found", "report"),
        ("Not everyone finds that pitch compelling.", "finds", "believe"),
        ("The audit found that the port had lost money.", "found", "report"),
    ],
)
@pytest.mark.model
def test_cue_classes_read_from_the_words_around_the_verb(
        nlp: Language, text: str, cue: str, stance: str) -> None:
    """The class of a cue as the guidelines read it: "called X a liar" is an accusation and
    "called X a genius" praise; "charged X with" accuses, "charged that" claims; "seemed to
    confirm" confirms; "known as" is no belief; a verb and its particle ("pushed back on",
    "laughed off", "made clear") make the class; "repeated her claim" is the claim; a word
    the lemmatizer cuts too short ("hopes" -> "hop") still finds its class; a speech act
    negated ("did not mention") is none, though "has not said" is read as one; "told X to
    …" is an order."""
    assert _stance_of(nlp, text, cue) == stance


@pytest.mark.model
def test_a_denial_naming_a_document_answers_what_it_claimed(nlp: Language) -> None:
    """ "laughed off the new campaign ad" rejects what "the ad" claimed just before; "rebut
    the points in Hale's letter", what the letter said."""
    atts = analyze_text(
        "A new ad from the Harbour Alliance attacks Mayor Ines Varga over the port sale. The "
        "ad claims that the developers paid for her campaign. Varga laughed off the new "
        "campaign ad on Tuesday.", nlp=nlp)["attributions"]
    by_cue = {a["cue"]["text"]: a for a in atts}
    assert by_cue["laughed off"]["stance"] == "deny"
    assert by_cue["laughed off"]["denies"] == [by_cue["claims"]["id"]]
    atts = analyze_text(
        "Oskar Hale sent the council a long letter on Monday. The letter accuses the council "
        "of hiding the costs of the tram. Councillor Ruth Calder went on to rebut the points "
        "in Hale's letter.", nlp=nlp)["attributions"]
    assert atts[-1]["stance"] == "deny" and atts[-1]["denies"] == [atts[0]["id"]]


@pytest.mark.model
def test_a_plain_said_calling_a_claim_untrue_is_a_denial(nlp: Language) -> None:
    """ "said that Marsh's claim that S is completely untrue" denies Marsh's claim."""
    atts = analyze_text(
        "Tobin Marsh said the mayor had sold the harbour to his friends. A spokeswoman for the "
        "mayor said on Thursday that Marsh's claim that the harbour was sold is completely "
        "untrue.", nlp=nlp)["attributions"]
    assert atts[1]["stance"] == "deny" and atts[1]["denies"] == [atts[0]["id"]]


@pytest.mark.model
def test_shrugging_off_someones_comments_denies_them(nlp: Language) -> None:
    atts = analyze_text(
        "Tobin Marsh told reporters that the mayor had sold the harbour to his friends. Mayor "
        "Ines Varga's office shrugged off Marsh's criticism.", nlp=nlp)["attributions"]
    assert atts[1]["stance"] == "deny" and atts[1]["denies"] == [atts[0]["id"]]


@pytest.mark.model
def test_those_claims_include_what_the_claimant_said_next(nlp: Language) -> None:
    """ "pushed back on the claims" answers Lind's telling and the quote he gave after it,
    though only the first names Brask; a row "that signaled" a feud is nobody's claim."""
    atts = analyze_text(
        "Oskar Lind attacked Tomas Brask on Thursday in a row that signaled a long feud "
        "between the two men. Lind told reporters that Brask had hidden the losses. \"He "
        "buried the figures,\" Lind said. Brask pushed back on the claims on Friday.",
        nlp=nlp)["attributions"]
    by_cue = {a["cue"]["text"]: a for a in atts}
    denies = by_cue["pushed back on"]["denies"]
    assert by_cue["told"]["id"] in denies and by_cue["said"]["id"] in denies
    assert by_cue["signaled"]["id"] not in denies


@pytest.mark.model
def test_both_critiques_are_the_two_just_made(nlp: Language) -> None:
    """ "disputed both critiques" answers the two views just before it, not only the
    nearest."""
    atts = analyze_text(
        "Critics have portrayed her use of the fund as a reckless gamble. Some of Calder's "
        "allies have described it as a serious error. Calder has disputed both critiques.",
        nlp=nlp)["attributions"]
    assert atts[0]["stance"] == "accuse"
    assert atts[2]["stance"] == "deny" and atts[2]["denies"] == [atts[0]["id"], atts[1]["id"]]


@pytest.mark.model
@pytest.mark.parametrize("quote",
                         ["It is complete rubbish", "That is just not true", "I strongly disagree"])
def test_a_quote_calling_the_claim_just_made_untrue_denies_it(nlp: Language, quote: str) -> None:
    """ "'It is complete rubbish,' Varga said" is a denial of the claim before it, though its
    cue is a plain "said"."""
    atts = analyze_text(f"Tomas Lind said the mayor had sold the harbour. \"{quote},\" Mayor Ines "
                        "Varga said on Friday.", nlp=nlp)["attributions"]
    assert atts[1]["stance"] == "deny" and atts[1]["denies"] == [atts[0]["id"]]


@pytest.mark.model
def test_a_quoted_denial_does_not_answer_a_speaker_described_but_not_named(
        nlp: Language) -> None:
    """The port's former engineer may be Brandt himself, named only in the quote's attribution:
    his disagreement is not with that argument."""
    atts = analyze_text("The port's former chief engineer argued that the new dam would fail. "
                        "\"I completely disagree,\" said Ivo Brandt.", nlp=nlp)["attributions"]
    assert atts[-1]["stance"] == "deny" and atts[-1]["denies"] == []


@pytest.mark.model
def test_challenging_an_assertion_denies_it(nlp: Language) -> None:
    atts = analyze_text(
        "Tomas Lind said Mayor Ines Varga had insulted the dock workers. Varga's spokeswoman "
        "challenged the assertion that the mayor insulted any workers.",
        nlp=nlp)["attributions"]
    assert atts[1]["stance"] == "deny" and atts[1]["denies"] == [atts[0]["id"]]


@pytest.mark.model
def test_challenging_a_rival_to_a_debate_is_no_denial(nlp: Language) -> None:
    atts = analyze_text("Mayor Ines Varga challenged Tomas Lind to a debate on the harbour.",
                        nlp=nlp)["attributions"]
    assert all(a["stance"] != "deny" for a in atts)


@pytest.mark.model
def test_a_named_owners_restated_claim_reaches_back_past_eight_sentences(nlp: Language) -> None:
    """ "rejected Lind's claim that Varga wants to legalise the casinos" answers Lind's own words
    about legalising, though many sentences lie between, not Lind's later remark on casinos."""
    filler = " ".join(f"The {w} stall was open on {d}." for w, d in [
        ("fish", "Monday"), ("fruit", "Tuesday"), ("bread", "Wednesday"), ("cheese", "Thursday"),
        ("flower", "Friday"), ("book", "Saturday"), ("toy", "Sunday"), ("shoe", "Monday"),
        ("lamp", "Tuesday"), ("rug", "Wednesday"), ("hat", "Thursday")])
    atts = analyze_text(
        f"Tomas Lind said Ines Varga would legalise the casinos. {filler} A spokeswoman for "
        "Varga rejected Lind's claim that Varga wants to legalise the casinos. Lind said the "
        "casinos would bring in tourists.",
        nlp=nlp)["attributions"]
    deny = next(a for a in atts if a["stance"] == "deny")
    assert deny["denies"] == [atts[0]["id"]]


@pytest.mark.model
def test_a_denied_clause_answers_the_worry_raised_long_before(nlp: Language) -> None:
    """ "denied that the payment would encourage kidnappers" answers the critics' argument at
    the top of the story, far beyond eight sentences, as it shares its words; a belief that
    shares one word only is not what was denied."""
    filler = " ".join(f"The {w} market reopened on {d}." for w, d in [
        ("fish", "Monday"), ("fruit", "Tuesday"), ("bread", "Wednesday"), ("cheese", "Thursday"),
        ("flower", "Friday"), ("book", "Saturday"), ("toy", "Sunday"), ("shoe", "Monday"),
        ("lamp", "Tuesday"), ("rug", "Wednesday"), ("hat", "Thursday")])
    atts = analyze_text(
        "Critics argue that the ransom payment will encourage kidnappers to seize more sailors. "
        f"Fishermen believe the payment was small. {filler} Foreign Minister Ines Varga denied "
        "that the payment would encourage more kidnappers.", nlp=nlp)["attributions"]
    deny = next(a for a in atts if a["stance"] == "deny")
    assert deny["denies"] == [atts[0]["id"]]


@pytest.mark.parametrize(
    ("text", "cue", "stance"),
    [
        ("Voss pleaded guilty to fraud on Monday.", "pleaded", "admit"),
        ("Voss pleaded to a lesser charge of theft.", "pleaded", "admit"),
        ("Voss pleaded not guilty to fraud.", "pleaded", "deny"),
        ("His mother pleaded for mercy in court.", "pleaded", "ask"),
        ("The union pushed for a new port.", "pushed for", "ask"),
        ("Calder spoke out against the port plan.", "spoke out against", "accuse"),
        ("Calder rejected an offer by the mayor to meet.", "rejected", "refuse"),
        ("Calder dismissed questions about the port.", "dismissed", "refuse"),
        ("Calder rejected the claim that the port was late.", "rejected", "deny"),
        ("Calder disagreed with the mayor about the port.", "disagreed with", "deny"),
        ("Engineers disagree on how long the repairs will take.", "disagree on", "other"),
        ("Voss keeps promoting a conspiracy theory about the port.", "promoting", "claim"),
        ("The mayor is promoting the new ferry service.", "is promoting", "praise"),
        ("Traders remain confident that the port will open.", "remain confident", "believe"),
        ("The board released a statement condemning the delay.",
         "released a statement condemning", "accuse"),
        ("Calder stood by her statement that the port was safe.", "statement", "say"),
        ("Voss impugned the mayor's motives.", "impugned", "accuse"),
        ("Voss scoffed at the mayor's plan.", "scoffed", "accuse"),
        ("Voss kept repeating a broadside against the mayor.", "repeating a broadside",
         "accuse"),
        ("Dockers protested the pay cuts outside the port.", "protested", "accuse"),
        ("The report debunks the mayor's figures.", "debunks", "deny"),
        ("Calder surmised that the port would close.", "surmised", "suggest"),
        ("Calder implored the council to act.", "implored", "ask"),
        ("Calder paid tribute to the dockers.", "paid tribute", "praise"),
        ("Calder asked her brother to vouch for him.", "to vouch for", "praise"),
        ("Calder exclaimed that the port was open.", "exclaimed", "say"),
        ("Calder articulated her worries at length.", "articulated", "say"),
        ("The council attributed the delay to the storm.", "attributed", "say"),
        ("A film depicting the port's last days.", "depicting", "report"),
        ("Voters share a belief that the port is too costly.", "belief", "believe"),
    ],
)
@pytest.mark.model
def test_cue_classes_of_pleas_offers_and_phrases(
        nlp: Language, text: str, cue: str, stance: str) -> None:
    """A plea admits, denies or asks by what follows it; rejecting an offer or dismissing
    questions refuses; speaking "against" accuses; "disagree" denies only "with" someone;
    promoting a theory claims it; a statement carries the verb after it; and the lexicon's
    later additions."""
    assert _stance_of(nlp, text, cue) == stance


@pytest.mark.parametrize(
    ("text", "cue", "stance"),
    [
        ("Critics pressed Voss, challenging him over his remarks about the port.",
         "challenging", "accuse"),
        ("Calder challenged him to a debate on the port.", "challenged", "other"),
        ("The editors did not buy the mayor's argument that the port was safe.", "did not buy",
         "deny"),
        ("Voss said the port was safe, but several audits show that is untrue.", "show",
         "deny"),
    ],
)
@pytest.mark.model
def test_challenges_at_a_person_and_denials_by_idiom_or_report(
        nlp: Language, text: str, cue: str, stance: str) -> None:
    """Challenging someone over their remarks attacks them, no claim denied; not buying an
    argument denies it; a report whose words call what came before untrue denies it."""
    assert _stance_of(nlp, text, cue) == stance


@pytest.mark.model
def test_a_report_calling_a_remark_untrue_denies_it(nlp: Language) -> None:
    """ "Voss said …, but several audits show that is untrue" links the audits' denial to
    Voss's remark."""
    text = ("The mayor Anna Voss said the harbour fund kept honest books, but several audits "
            "show that is untrue.")
    atts = analyze_text(text, nlp=nlp)["attributions"]
    deny = [a for a in atts if a["stance"] == "deny"]
    said = [a["id"] for a in atts if a["cue"]["text"] == "said"]
    assert deny and said and said[0] in deny[0]["denies"]
