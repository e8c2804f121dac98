"""Merging one article's actors into the corpus's actors, with a reason for every decision.

The store calls :func:`actor_keys` to fetch candidate corpus actors for an in-article actor
(a record's ``actors[]`` entry), :func:`resolve_actor` to pick one of them or none, and
:func:`merge_actor` to fold the mention into the chosen actor. The rules are deliberately
plain, so that a user can read the reason and disagree with it:

- people: the surname must agree ("Mr Cabello", "Gen. Cabello" and "Cabello" go to
  "Diosdado Cabello"); given names must agree when both sides have them ("J." fits "John",
  "Bill" fits "William"; "Maria Cabello" stays apart), and a generational suffix must agree
  ("Donald Trump Jr." is not "Donald Trump"). A bare surname is kept apart from a person
  whose roles share no word with its own ("Cabello, a shopkeeper" vs "the minister"), and a
  single word that is only a middle word of a name needs an agreeing role ("Michelle" is
  not "Sarah Michelle Gellar");
- organisations: the same words in any order ("Justice Department" = "Department of
  Justice"), an acronym of the other's words ("AP" = "Associated Press"), or the same name
  with a legal suffix dropped ("Brennick" = "Brennick Ltd");
- types must agree: a person never merges with an organisation.

No spaCy pipeline runs here: names are split with a regex and folded (case and accents),
so this runs at ingest speed. :class:`ActorIndex` is the store's loop in memory, for tests
and benchmarks.
Titles extend the in-article component's list (``sayso.pipeline.actors.TITLE_WORDS``) with
the words that also stand before names across articles ("former", "acting", "CEO") and with
spelt-out abbreviations ("Gen.", "Sen.").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..pipeline.actors import TITLE_WORDS
from .text import STOPWORDS, acronym, fold, stem, words

__all__ = [
    "ActorIndex",
    "ActorMention",
    "CorpusActor",
    "MatchDecision",
    "NameForm",
    "actor_keys",
    "display_name",
    "merge_actor",
    "name_form",
    "resolve_actor",
]

MERGE_THRESHOLD = 0.5
"""Lowest score at which :func:`resolve_actor` joins a mention to an existing actor."""


@dataclass(frozen=True, slots=True)
class ActorMention:
    """One in-article actor (a record's ``actors[]`` entry) plus where it was seen."""

    article_id: str
    local_id: str
    name: str
    type: str
    roles: tuple[str, ...]
    outlet: str | None
    published: str | None


@dataclass(frozen=True, slots=True)
class CorpusActor:
    """The store's current view of one merged actor."""

    id: int
    name: str
    type: str
    names: tuple[str, ...]
    roles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MatchDecision:
    """Which corpus actor a mention joins (None: a new one), how sure, and why."""

    actor_id: int | None
    score: float
    reason: str


_HONORIFICS = frozenset(
    [
        "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "prof", "professor",
        "rev", "reverend", "hon", "madam", "monsieur", "madame", "senor", "senora", "herr", "frau",
    ]
)
_TITLES = {
    "gen": "general", "sen": "senator", "rep": "representative", "gov": "governor",
    "pres": "president", "col": "colonel", "lt": "lieutenant", "sgt": "sergeant",
    "capt": "captain", "cpt": "captain", "adm": "admiral", "amb": "ambassador",
    "cmdr": "commander", "supt": "superintendent", "insp": "inspector", "det": "detective",
    "atty": "attorney", "maj": "major", "cllr": "councillor",
}
_TITLE_WORDS = (
    TITLE_WORDS
    | frozenset(
        [
            "princess", "sheikh", "commander", "premier", "deputy", "vice", "attorney",
            "candidate", "nominee", "former", "acting", "interim", "foreign", "defence", "defense",
            "finance", "interior", "health", "prime", "state", "first", "lady", "ceo", "cfo", "coo",
            "founder", "billionaire", "businessman", "businesswoman", "presidents", "senators",
            "governors",
        ]
    )
    | frozenset(_TITLES)
)
"""Words that can stand before a name as a title ("Defence Minister X", "Sen. Y")."""

_RANKS = frozenset(
    [
        "general", "colonel", "major", "captain", "lieutenant", "sergeant", "admiral", "commander",
        "marshal", "brigadier", "corporal", "private", "gen", "col", "maj", "capt", "lt", "sgt",
        "adm", "cmdr",
    ]
)
"""Military ranks go with any office ("Gen. Padrino" is also the defence minister), so a
role made only of ranks never proves two people different."""

_ROLE_NOISE = frozenset(
    ["former", "acting", "interim", "then", "current", "new", "longtime", "senior", "top"]
)
"""Role words that say nothing about which office: "former senator" vs "former governor"."""

_OCCUPATIONS = frozenset(
    [
        "shopkeeper", "nurse", "teacher", "coach", "student", "lawyer", "doctor", "farmer",
        "analyst", "economist", "professor", "pastor", "actor", "actress", "singer", "writer",
        "author", "reporter", "journalist", "host", "owner", "driver", "worker", "executive",
        "banker", "investor", "developer", "engineer", "scientist", "researcher", "activist",
        "organiser", "organizer", "strategist", "pollster", "consultant", "adviser", "advisor",
        "aide", "commuter", "resident", "voter", "mother", "father", "son", "daughter", "wife",
        "husband", "widow", "player", "manager", "founder", "historian", "columnist", "editor",
    ]
)
_OFFICE_STEMS = frozenset(
    stem(w) for w in (_TITLE_WORDS | _OCCUPATIONS) - _RANKS - _ROLE_NOISE - set(_TITLES)
    - {"foreign", "defence", "defense", "finance", "interior", "health", "state", "first",
       "prime", "vice", "deputy"}
)
"""Role words that say what a person does; only these can show two people are different
("minister" vs "shopkeeper"). Other role words ("illegal immigrants", "himself") are often
the in-article layer's mistakes and never block a merge."""


_COUNTRY_SHORT = {"us": "US", "usa": "US", "united states": "US", "uk": "UK",
                  "united kingdom": "UK", "un": "UN", "united nations": "UN", "eu": "EU",
                  "european union": "EU"}
_COUNTRY_FORMS = re.compile(r"\bU\.S\.A?\.?|\bU\.K\.|\bU\.N\.|\bE\.U\.|\bUnited States\b|"
                            r"\bUnited Kingdom\b|\bUnited Nations\b|\bEuropean Union\b")
"""Country and union names written several ways inside organisation names."""

_SUFFIXES = frozenset(["jr", "sr", "ii", "iii", "iv", "v"])
_NICKNAMES = {
    frozenset(p) for p in (
        ("bill", "william"), ("will", "william"), ("bob", "robert"), ("rob", "robert"),
        ("mike", "michael"), ("jim", "james"), ("jimmy", "james"), ("joe", "joseph"),
        ("tom", "thomas"), ("chris", "christopher"), ("dick", "richard"), ("rick", "richard"),
        ("ted", "edward"), ("ed", "edward"), ("dan", "daniel"), ("dave", "david"),
        ("steve", "steven"), ("steve", "stephen"), ("tony", "anthony"), ("alex", "alexander"),
        ("andy", "andrew"), ("ben", "benjamin"), ("sam", "samuel"), ("nick", "nicholas"),
        ("pat", "patrick"), ("pete", "peter"), ("matt", "matthew"), ("liz", "elizabeth"),
        ("beth", "elizabeth"), ("kate", "katherine"), ("katie", "katherine"),
        ("jen", "jennifer"), ("sue", "susan"), ("debbie", "deborah"), ("chuck", "charles"),
        ("charlie", "charles"), ("hank", "henry"), ("jack", "john"), ("johnny", "john"),
        ("larry", "lawrence"), ("jerry", "gerald"), ("greg", "gregory"), ("tim", "timothy"),
        ("ken", "kenneth"), ("don", "donald"), ("ron", "ronald"), ("newt", "newton"),
        ("mitch", "mitchell"), ("bernie", "bernard"), ("hillary", "hilary"),
    )
}
_ORG_SUFFIXES = frozenset(
    [
        "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc",
        "plc", "sa", "ag", "gmbh", "group", "holdings",
    ]
)
"""Legal and generic endings that name the same body with or without them."""


@dataclass(frozen=True, slots=True)
class NameForm:
    """A name split for comparison: folded tokens without honorifics, titles or suffix."""

    tokens: tuple[str, ...]
    titles: tuple[str, ...]
    suffix: str

    @property
    def surname(self) -> str:
        return self.tokens[-1] if self.tokens else ""

    @property
    def given(self) -> tuple[str, ...]:
        return self.tokens[:-1]

    @property
    def surnames(self) -> tuple[str, ...]:
        """Words that may be used alone for the person ("Castell" of "Maria Castell Ibáñez").
        Past three words a "name" is usually NER running into a headline ("Hillary Clinton
        Slams Donald Trump"), so only its last word counts."""
        if len(self.tokens) > 3:
            return self.tokens[-1:]
        rest = self.tokens[2:] if len(self.tokens[0]) == 1 else self.tokens[1:]  # "C. Rick Martin"
        return tuple(t for t in rest if len(t) > 1) or self.tokens[-1:]


@lru_cache(maxsize=65536)
def name_form(name: str, type: str = "person") -> NameForm:
    """Split ``name`` into comparable parts; tolerant of "the", possessives and titles.
    Leading lower-case words are NER running into the text ("longtime Hillary Clinton");
    "U.S." and "United States" are one form."""
    if type == "person":
        parts = name.split()
        while len(parts) > 1 and parts[0][:1].islower():
            parts = parts[1:]
        name = " ".join(parts)
    else:
        name = _COUNTRY_FORMS.sub(lambda m: _COUNTRY_SHORT[fold(m.group()).replace(".", "")],
                                  name)
    toks = [t.removesuffix("'s").replace(".", "") for t in words(name)]
    toks = [t for t in toks if t and not (type == "person" and t[0].isdigit())]
    while toks and toks[0] in ("the", "a", "an"):
        toks = toks[1:]
    if type != "person":
        return NameForm(tuple(toks), (), "")
    titles = []
    while len(toks) > 1 and (toks[0] in _HONORIFICS or toks[0] in _TITLE_WORDS):
        if toks[0] not in _HONORIFICS:
            titles.append(_TITLES.get(toks[0], toks[0]))
        toks = toks[1:]
    suffix = ""
    if len(toks) > 1 and toks[-1] in _SUFFIXES:
        suffix, toks = toks[-1], toks[:-1]
    return NameForm(tuple(toks), tuple(titles), suffix)


def actor_keys(m: ActorMention) -> list[str]:
    """Blocking keys: few, and shared by every form of a name that could mean the same actor
    (``person:<surname>``; ``org:<sorted words>`` and ``org:acr:<initials>``)."""
    form = name_form(m.name, m.type)
    if not form.tokens:
        return []
    if m.type == "person":
        return [f"person:{s}" for s in dict.fromkeys(form.surnames)]
    return _org_keys(form.tokens)


def _org_words(tokens: Sequence[str]) -> tuple[str, ...]:
    return tuple(t for t in tokens if t not in STOPWORDS and t not in _ORG_SUFFIXES) or tuple(
        tokens
    )


def _org_keys(tokens: Sequence[str]) -> list[str]:
    keys = ["org:" + " ".join(sorted(set(_org_words(tokens))))]
    if len(tokens) == 1:
        if 2 <= len(tokens[0]) <= 6:
            keys.append(f"org:acr:{tokens[0]}")
    else:
        for acr in (acronym(list(tokens)), acronym(list(_org_words(tokens)))):
            if len(acr) >= 2:
                keys.append(f"org:acr:{acr}")
    return list(dict.fromkeys(keys))


def _given_compatible(a: str, b: str) -> bool:
    """First names agree: equal, an initial of the other, or a known nickname."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return frozenset((a, b)) in _NICKNAMES or (a.startswith(b) and len(b) >= 3) or (
        b.startswith(a) and len(a) >= 3
    )


@lru_cache(maxsize=65536)
def _role_stems(roles: tuple[str, ...]) -> dict[str, str]:
    """Role words by stem ("presid" -> "president"): compared by stem, shown as words.
    Cached (callers must not change the dict): actors are compared again and again."""
    out: dict[str, str] = {}
    for role in roles:
        for w in words(role):
            if w not in STOPWORDS and w not in _ROLE_NOISE and w.isalpha():
                out.setdefault(stem(w), w)
    return out


def _person_match(
    m: NameForm, roles: dict[str, str], c: CorpusActor, forms: list[NameForm]
) -> tuple[float, str]:
    """Score a person mention against a person actor; 0 with the conflict as the reason."""
    shown = c.name
    full = name_form(c.name, c.type)  # the display name: kept free of run-ons by merge_actor
    if not full.tokens:
        full = forms[0]
    if max(len(m.tokens), len(full.tokens)) > 4 and all(m.tokens != f.tokens for f in forms):
        return 0.0, f"'{' '.join(m.tokens)}' or '{shown}' is too long to be one name"
    read = _align(m, full)
    note = f"read '{' '.join(m.tokens)}' as '{' '.join(read.tokens)}'; " if read != m else ""
    m = read
    if not (m.surname in full.surnames or full.surname in m.surnames
            or any(m.surname == f.surname for f in forms)):
        return 0.0, f"surname '{m.surname}' does not match '{shown}'"
    middle_only = (len(m.tokens) == 1 and m.surname != full.surname) or (
        len(full.tokens) == 1 and full.surname != m.surname)
    for form in forms:  # either side may be a run-on ("white Vermonter Bernie Sanders")
        a, f = _align(m, form), _align(form, m)
        if a.given and f.given and not _given_compatible(a.given[0], f.given[0]):
            return 0.0, f"given names differ ('{a.given[0]}' vs '{f.given[0]}' in '{shown}')"
        if a.given and f.given and a.suffix != f.suffix:
            return 0.0, f"suffixes differ ('{a.suffix or '-'}' vs '{f.suffix or '-'}')"
        if len(a.given) > 1 and len(f.given) > 1 and a.given[1][0] != f.given[1][0]:
            return 0.0, (f"middle names differ ('{a.given[1]}' vs '{f.given[1]}' in "
                         f"'{shown}')")  # George W. Bush / George H. W. Bush
    c_roles = _role_stems((*c.roles, *(t for f in forms for t in f.titles)))
    shared = sorted(c_roles[s] for s in roles.keys() & c_roles.keys())
    offices, c_offices = roles.keys() & _OFFICE_STEMS, c_roles.keys() & _OFFICE_STEMS
    if m.tokens == full.tokens and m.suffix == full.suffix and len(m.tokens) > 1:
        score, why = 1.0, f"same name as '{shown}'"
    elif m.given and full.given:
        score = 0.9
        why = f"surname '{m.surname}' and given name '{m.given[0]}' agree with '{shown}'"
    else:
        if offices and c_offices and not offices & c_offices:
            return 0.0, (f"surname '{m.surname}' matches '{shown}' but roles conflict "
                         f"({' '.join(roles[s] for s in offices)} vs "
                         f"{' '.join(c_roles[s] for s in c_offices)})")
        if middle_only and not shared:  # "Michelle" is not "Sarah Michelle Gellar"
            return 0.0, (f"'{m.surname}' is only a middle word of '{shown}' and no role "
                         "agrees")
        score, why = 0.7, f"surname '{m.surname}' matches '{shown}', no given name disagrees"
    if shared:
        score = min(1.0, score + 0.1)
        why += f"; roles agree ({', '.join(shared)})"
    return score, note + why


@lru_cache(maxsize=65536)
def _forms(names: tuple[str, ...], type: str) -> list[NameForm]:
    """The distinct, non-empty name forms of an actor (cached: read-only for callers)."""
    forms = (name_form(n, type) for n in dict.fromkeys(names))
    return [f for f in forms if f.tokens]


def _align(m: NameForm, full: NameForm) -> NameForm:
    """``m`` cut to the part that can name ``full``'s person: NER often runs a name into
    the words around it in headlines ("Donald Trump Leads", "Rip Donald Trump")."""
    toks = m.tokens
    if full.surname in toks[:-1] and len(toks) > 1:  # a word after the surname
        toks = toks[: len(toks) - toks[::-1].index(full.surname)]
    if full.given and full.given[0] in toks[1:-1]:  # a word before the given name
        toks = toks[toks.index(full.given[0]):]
    return m if toks == m.tokens else NameForm(toks, m.titles, m.suffix)


def _org_match(m: NameForm, c: CorpusActor, forms: list[NameForm]) -> tuple[float, str]:
    """Score an organisation mention against an organisation actor."""
    mine = set(_org_words(m.tokens))
    for f in forms:
        theirs = set(_org_words(f.tokens))
        if mine == theirs:
            if m.tokens == f.tokens:
                return 1.0, f"same name as '{c.name}'"
            return 0.95, f"same words as '{c.name}' (order, 'of' and legal suffixes aside)"
    # an acronym must fit the actor's full name, not one of its short forms: otherwise
    # "BS" for "Bear Stearns" would pull in "Bruce Springsteen"
    full = name_form(c.name, c.type)
    short, long = (m, full) if len(m.tokens) < len(full.tokens) else (full, m)
    if len(short.tokens) == 1 and len(long.tokens) > 1 and all(
            len(t) > 2 for t in _org_words(long.tokens)) and short.tokens[0] in (
        acronym(list(long.tokens)), acronym(list(_org_words(long.tokens)))
    ):
        long_name = c.name if long is full else " ".join(m.tokens)
        return 0.85, f"'{short.tokens[0].upper()}' is the acronym of '{long_name}'"
    return 0.0, f"no shared name form with '{c.name}'"


def resolve_actor(m: ActorMention, candidates: Sequence[CorpusActor]) -> MatchDecision:
    """The candidate ``m`` belongs to, or ``actor_id=None`` (a new actor), with the reason.

    Among several compatible candidates the best score wins; on a tie, the one that has
    already been seen under exactly this name, then the one seen under more names."""
    form = name_form(m.name, m.type)
    if not form.tokens:
        return MatchDecision(None, 0.0, "new actor: the name has no words to compare")
    roles = _role_stems((*m.roles, *form.titles))
    best: tuple[float, float, CorpusActor, str] | None = None
    rejected: list[str] = []
    also: list[str] = []
    folded = fold(m.name)
    for c in candidates:
        if c.type != m.type:
            rejected.append(f"'{c.name}' is a {c.type}, this is a {m.type}")
            continue
        forms = _forms((c.name, *c.names), c.type)
        if not forms:
            continue
        if m.type == "person":
            score, why = _person_match(form, roles, c, forms)
        else:
            score, why = _org_match(form, c, forms)
        if score < MERGE_THRESHOLD:
            rejected.append(why)
            continue
        # on a tie, the actor seen under more names (the one the corpus talks about most),
        # then the one already seen under exactly this name
        tie = min(len(c.names), 50) + 0.5 * any(fold(n) == folded for n in c.names)
        if best is not None:
            also.append(best[2].name if (score, tie) > best[:2] else c.name)
        if best is None or (score, tie) > best[:2]:
            best = (score, tie, c, why)
    if best is None:
        why = "; ".join(rejected[:3]) if rejected else "no candidate shares a name key"
        return MatchDecision(None, 0.0, f"new actor: {why}")
    score, _, c, why = best
    if also:
        why += f" (also compatible: {', '.join(sorted(set(also))[:3])})"
    return MatchDecision(c.id, round(score, 3), why)


def merge_actor(a: CorpusActor, m: ActorMention) -> CorpusActor:
    """``a`` with ``m`` folded in: its name, its roles, and the fuller display name."""
    names = a.names if m.name in a.names else (*a.names, m.name)
    seen = {fold(r) for r in a.roles}
    roles = a.roles + tuple(r for r in dict.fromkeys(m.roles) if fold(r) not in seen)
    name = a.name
    new, old = name_form(m.name, a.type), name_form(a.name, a.type)
    same_person = a.type != "person" or ((new.surname == old.surname or (
        len(old.tokens) == 1 and old.surname in new.surnames)) and _align(new, old) == new)
    if same_person and len(new.tokens) <= 4 and (len(new.tokens), bool(new.suffix)) > (
            len(old.tokens), bool(old.suffix)):
        name = display_name(m.name, a.type)
    return CorpusActor(a.id, name, a.type, names, roles)


def display_name(name: str, type: str = "person") -> str:
    """``name`` as written, minus leading titles, honorifics and "the", and spacing tidied:
    "Speaker Paul D. Ryan" -> "Paul D. Ryan"."""
    parts = name.split()
    while len(parts) > 1 and fold(parts[0]).rstrip(".") in (
            _HONORIFICS | _TITLE_WORDS if type == "person" else {"the"}):
        parts = parts[1:]
    return " ".join(parts)


class ActorIndex:
    """Corpus actors in memory: the store's ingest loop without a database (keys ->
    candidates -> :func:`resolve_actor` -> :func:`merge_actor` or a new actor). Used by the
    evaluation and the tests; feed mentions in publication order, as the store does."""

    def __init__(self) -> None:
        self.actors: dict[int, CorpusActor] = {}
        self._by_key: dict[str, set[int]] = {}

    def add(self, m: ActorMention) -> tuple[int, MatchDecision]:
        """File ``m`` under an existing or a new actor; its id and the decision."""
        keys = actor_keys(m)
        ids = sorted({i for k in keys for i in self._by_key.get(k, ())})
        decision = resolve_actor(m, [self.actors[i] for i in ids])
        if decision.actor_id is None:
            actor = CorpusActor(len(self.actors) + 1, display_name(m.name, m.type), m.type,
                                (m.name,), m.roles)
        else:
            actor = merge_actor(self.actors[decision.actor_id], m)
        self.actors[actor.id] = actor
        for k in keys:
            self._by_key.setdefault(k, set()).add(actor.id)
        return actor.id, decision
