"""Actor merging across articles: merges that must happen, and merges that must not."""

from __future__ import annotations

import pytest

from sayso.corpus import ActorMention, CorpusActor, actor_keys, merge_actor, resolve_actor


def mention(name: str, type: str = "person", roles: tuple[str, ...] = ()) -> ActorMention:
    return ActorMention("art-1", "e1", name, type, roles, "The Ledger", "2026-11-02")


def actor(id: int, name: str, type: str = "person", names: tuple[str, ...] = (),
          roles: tuple[str, ...] = ()) -> CorpusActor:
    return CorpusActor(id, name, type, names or (name,), roles)


CABELLO = actor(1, "Diosdado Cabello", roles=("president of the National Assembly",))


@pytest.mark.parametrize("name", ["Diosdado Cabello", "Mr Cabello", "Cabello", "Mr. Cabello",
                                  "D. Cabello", "DIOSDADO CABELLO", "Gen. Cabello"])
def test_forms_of_one_person_merge(name: str) -> None:
    decision = resolve_actor(mention(name), [CABELLO])
    assert decision.actor_id == 1
    assert "cabello" in decision.reason.lower()


def test_accents_fold_for_keys_and_matching() -> None:
    lopez = actor(3, "María López")
    assert actor_keys(mention("Maria Lopez")) == actor_keys(mention("María López"))
    assert resolve_actor(mention("Ms Lopez"), [lopez]).actor_id == 3


def test_different_given_name_stays_apart() -> None:
    decision = resolve_actor(mention("Maria Cabello"), [CABELLO])
    assert decision.actor_id is None
    assert "given names differ" in decision.reason


def test_generational_suffix_keeps_father_and_son_apart() -> None:
    trump = actor(5, "Donald Trump")
    assert resolve_actor(mention("Donald Trump Jr."), [trump]).actor_id is None
    assert resolve_actor(mention("Donald J. Trump"), [trump]).actor_id == 5


def test_conflicting_roles_keep_a_bare_surname_apart() -> None:
    decision = resolve_actor(mention("Cabello", roles=("a shopkeeper in Salven",)), [CABELLO])
    assert decision.actor_id is None
    assert "roles conflict" in decision.reason


def test_a_rank_does_not_conflict_with_an_office() -> None:
    padrino = actor(2, "Vladimir Padrino", roles=("defence minister",))
    assert resolve_actor(mention("Gen. Padrino"), [padrino]).actor_id == 2


def test_roles_pick_between_two_people_with_one_surname() -> None:
    hillary = actor(10, "Hillary Clinton", roles=("Democratic presidential nominee",))
    bill = actor(11, "Bill Clinton")
    decision = resolve_actor(mention("Clinton", roles=("the Democratic nominee",)), [bill, hillary])
    assert decision.actor_id == 10
    assert "roles agree (democratic, nominee)" in decision.reason
    assert "also compatible: Bill Clinton" in decision.reason


def test_an_office_conflict_rules_a_candidate_out() -> None:
    bill = actor(11, "Bill Clinton", roles=("former president",))
    decision = resolve_actor(mention("Clinton", roles=("Democratic nominee",)), [bill])
    assert decision.actor_id is None
    assert "roles conflict (nominee vs president)" in decision.reason


def test_types_must_agree() -> None:
    firm = actor(4, "Cabello", type="organisation")
    decision = resolve_actor(mention("Cabello"), [firm])
    assert decision.actor_id is None
    assert "organisation" in decision.reason


def test_nickname_matches_given_name() -> None:
    assert resolve_actor(mention("Bill Clinton"), [actor(11, "William Clinton")]).actor_id == 11


@pytest.mark.parametrize(("short", "full"), [
    ("AP", "the Associated Press"),
    ("Justice Department", "Department of Justice"),
    ("FBI", "Federal Bureau of Investigation"),
    ("Brennick Ltd", "Brennick"),
])
def test_organisation_forms_merge(short: str, full: str) -> None:
    org = actor(20, full, type="organisation")
    assert set(actor_keys(mention(short, "organisation"))) & set(
        actor_keys(mention(full, "organisation")))
    decision = resolve_actor(mention(short, "organisation"), [org])
    assert decision.actor_id == 20, decision.reason


def test_different_organisations_stay_apart() -> None:
    org = actor(21, "Department of Justice", type="organisation")
    assert resolve_actor(mention("Department of Energy", "organisation"), [org]).actor_id is None


def test_no_candidates_means_a_new_actor() -> None:
    decision = resolve_actor(mention("Cabello"), [])
    assert decision.actor_id is None and decision.reason.startswith("new actor")


def test_keys_are_few_and_shared_by_surname_forms() -> None:
    keys = actor_keys(mention("Maria Castell Ibáñez"))
    assert keys == ["person:castell", "person:ibanez"]
    assert actor_keys(mention("Ms Castell"))[0] in keys
    assert actor_keys(mention("the Meridian Press Agency", "organisation")) == [
        "org:agency meridian press", "org:acr:mpa"]


def test_merge_keeps_id_adds_names_roles_and_the_fullest_name() -> None:
    start = actor(1, "Cabello", roles=("lawmaker",))
    merged = merge_actor(start, mention("Diosdado Cabello", roles=("Lawmaker", "minister")))
    assert merged.id == 1
    assert merged.name == "Diosdado Cabello"
    assert merged.names == ("Cabello", "Diosdado Cabello")
    assert merged.roles == ("lawmaker", "minister")
    again = merge_actor(merged, mention("Mr Cabello"))
    assert again.name == "Diosdado Cabello" and again.names[-1] == "Mr Cabello"


def test_once_a_given_name_is_known_a_different_one_is_refused() -> None:
    start = merge_actor(actor(1, "Cabello"), mention("Diosdado Cabello"))
    assert resolve_actor(mention("Maria Cabello"), [start]).actor_id is None


def test_a_middle_name_alone_needs_an_agreeing_role() -> None:
    gellar = actor(30, "Sarah Michelle Gellar", roles=("actress",))
    refused = resolve_actor(mention("Michelle"), [gellar])
    assert refused.actor_id is None and "middle word" in refused.reason
    assert resolve_actor(mention("Michelle", roles=("the actress",)), [gellar]).actor_id == 30


def test_lower_case_words_before_a_name_are_not_given_names() -> None:
    hillary = actor(10, "Hillary Clinton")
    assert resolve_actor(mention("longtime Hillary Clinton"), [hillary]).actor_id == 10


def test_business_titles_are_not_given_names() -> None:
    assert resolve_actor(mention("CEO Tim Cook"), [actor(40, "Tim Cook")]).actor_id == 40


def test_middle_initials_must_agree() -> None:
    w = actor(50, "George W. Bush")
    assert resolve_actor(mention("George H. W. Bush"), [w]).actor_id is None
    assert resolve_actor(mention("George Bush"), [w]).actor_id == 50


def test_a_headline_run_on_is_not_merged_by_its_first_words() -> None:
    hillary = actor(10, "Hillary Clinton")
    assert actor_keys(mention("Hillary Clinton Slams Donald Trump")) == ["person:trump"]
    trump = actor(9, "Donald Trump")
    decision = resolve_actor(mention("Hillary Clinton Slams Donald Trump"), [hillary, trump])
    assert decision.actor_id is None


def test_country_forms_in_organisation_names_are_one_form() -> None:
    court = actor(60, "United States Supreme Court", type="organisation")
    assert resolve_actor(mention("U.S. Supreme Court", "organisation"), [court]).actor_id == 60


def test_an_acronym_must_fit_the_full_name_not_an_alias() -> None:
    bear = actor(70, "Bear Stearns", type="organisation", names=("Bear Stearns", "BS"))
    decision = resolve_actor(mention("Bruce Springsteen", "organisation"), [bear])
    assert decision.actor_id is None


def test_display_name_drops_titles() -> None:
    start = actor(1, "Ryan")
    assert merge_actor(start, mention("Speaker Paul D. Ryan")).name == "Paul D. Ryan"


def test_role_words_that_are_not_offices_never_block_a_merge() -> None:
    obama = actor(56, "Barack Obama", roles=("President",))
    assert resolve_actor(mention("Obama", roles=("illegal immigrants",)), [obama]).actor_id == 56


def test_a_bare_surname_goes_to_the_most_seen_person_not_a_bare_namesake() -> None:
    barack = actor(56, "Barack Obama", names=("Barack Obama", "Obama", "Sen. Obama", "B. Obama"))
    bare = actor(57, "Obama")
    assert resolve_actor(mention("Obama"), [bare, barack]).actor_id == 56


def test_headline_run_ons_are_read_as_the_name_inside_them() -> None:
    trump = actor(9, "Donald Trump", names=("Donald Trump", "Donald J. Trump"))
    for name in ("Donald Trump Leads", "Rip Donald Trump", "white Vermonter Donald Trump"):
        decision = resolve_actor(mention(name), [trump])
        assert decision.actor_id == 9, decision.reason
    ran_on = merge_actor(trump, mention("Donald Trump Ties"))
    assert ran_on.name == "Donald Trump"  # a run-on never becomes the display name
    assert resolve_actor(mention("Donald J. Trump"), [ran_on]).actor_id == 9
