"""The ``sayso_actors`` spaCy component: the people and organisations an article names.

Mentions come from spaCy's NER (``PERSON``, ``ORG``; a place such as "Ostravia" only when it
is the head of an attribution's source, since a country that "says" is its government).
Mentions of one actor are merged within the doc: a person by surname ("Ms Castell",
"Castell" -> "Maria Castell Ibáñez"), an organisation by prefix or acronym ("Brennick" ->
"Brennick Components", "MPA" -> "Meridian Press Agency"). The canonical name is the fullest
mention with honorifics and titles ("Gov.", "Sen.") taken off; two people with one surname
share its bare mentions by who was named in full last. Headline mentions, where title case
misleads NER, join the body's actors. Roles come from appositives ("the defence minister,
General X", "X, the chief of agency Z") and pre-nominal titles ("Florida senator Y"); a bare
family tie is not a role. The result is ``doc._.sayso_actors`` (a list of
:class:`~sayso.contract.Actor`, char offsets) and ``ACTOR`` spans in ``doc.spans["sayso"]``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..contract import Actor, ActorType
from . import DASHES, add_spans
from .quotelist import is_quote_list

__all__ = ["HEADLINE_MAX", "HONORIFICS", "PAPER_WORDS", "ActorsComponent", "actor_at",
           "is_outlet"]

HONORIFICS = frozenset(
    [
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mister", "dr", "dr.", "sir", "dame",
        "prof", "prof.", "professor"
    ]
)
"""Words before a name that are courtesy, not role: dropped from names and not kept as roles."""

TITLE_WORDS = frozenset(
    [
        "minister", "president", "senator", "governor", "mayor", "councillor", "councilor", "judge",
        "justice", "colonel", "general", "major", "captain", "lieutenant", "sergeant", "detective",
        "inspector", "constable", "chief", "secretary", "chancellor", "ambassador", "commissioner",
        "director", "spokesman", "spokeswoman", "spokesperson", "leader", "chairman", "chairwoman",
        "chair", "prosecutor", "superintendent", "officer", "king", "queen", "prince", "bishop",
        "archbishop", "pope", "rabbi", "imam", "father", "representative", "congressman",
        "congresswoman", "speaker", "sheriff", "admiral", "gov", "gov.", "sen", "sen.", "rep",
        "rep.", "gen", "gen.", "lt", "lt.", "col", "col.", "sgt", "sgt.", "adm", "adm.", "cmdr",
        "cmdr.", "supt", "supt.", "insp", "insp.", "det", "det.", "rev", "rev.", "reverend",
        "attorney", "ceo", "alderman", "alderwoman", "assemblyman", "assemblywoman",
        "councilman", "councilwoman", "whip", "pres", "pres.", "sens", "sens.", "reps", "reps.",
        "recorder", "treasurer", "auditor", "comptroller", "commander", "moderator",
        "committeeman", "committeewoman", "capt", "capt.", "maj", "maj.", "cpl", "cpl.",
        "pvt", "pvt.", "pastor", "counsel"
    ]
)
"""Capitalised words (and their abbreviations: "Gov.", "Sen.") that NER sometimes folds
into a person's name ("Councillor X", "Virginia Gov. Terry McAuliffe")."""

SURNAME_TITLES = frozenset(["king", "bishop", "major", "judge", "prince", "pope"])
"""Title words that are also common surnames ("Larry King", "Mr. Bishop")."""

PARTY_WORDS = frozenset(
    [
        "republican", "democrat", "democratic", "libertarian", "green", "independent",
        "conservative", "labour", "liberal", "socialist", "progressive"
    ]
)
"""Party words that stand before a name as a role, never as a given name."""

KINSHIP = frozenset(
    [
        "husband", "wife", "son", "daughter", "mother", "father", "brother", "sister", "partner",
        "boyfriend", "girlfriend", "fiancé", "fiancée", "grandson", "granddaughter", "child",
        "niece", "nephew", "cousin", "aunt", "uncle", "grandmother", "grandfather", "friend",
        "colleague", "successor", "predecessor"
    ]
)
"""A bare family or personal tie ("her husband, Bill", "my colleague Lea Kell", "his
successor, Ana Roe") tells who someone is to another, not their role ("their longtime mutual
friend" describes more)."""

ORG_WORDS = frozenset(
    [
        "alliance", "union", "party", "federation", "council", "ministry", "department", "agency",
        "office", "company", "group", "trust", "institute", "association", "committee",
        "commission", "board", "authority", "bank", "club", "corporation", "foundation", "society",
        "league", "coalition", "front", "movement", "health", "properties", "securities",
        "holdings", "components", "foods", "markets", "industries", "services", "systems",
        "partners", "charity", "firm", "assembly", "caucus", "center", "centre", "court",
        "administration", "network", "bureau", "institution", "university", "college", "school",
        "museum", "church"
    ]
)
"""Last words that make a name an organisation even when NER calls it a person."""

_CORPORATE = frozenset(
    [
        "inc", "inc.", "corp", "corp.", "co", "co.", "ltd", "ltd.", "llc", "plc", "international",
        "pharmaceuticals", "technologies", "holdings", "capital", "management", "group",
        "partners", "industries", "enterprises", "global", "worldwide", "communications",
        "systems", "services", "corporation", "company"
    ]
)
"""Words after a firm's own name in its full legal name ("Velcor Pharmaceuticals
International"): the firm's name alone is a shorter mention of it."""

_LEADING_ADVERBS = frozenset(
    ["most", "recently", "lately", "also", "notably", "especially", "particularly", "even"]
)
"""Words that lead into a list's next item, not into a role: "endorsements, most recently
entertainer Spike Lee" makes Lee an "entertainer"."""
_DETERMINERS = frozenset(
    [
        "the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "this", "that"
    ]
)
_JURISDICTIONS = frozenset(["state", "federal", "city", "county", "national", "local"])
_ROLE_DEPS = frozenset(("compound", "amod", "nmod"))
_BODY = re.compile(
    r"\b[Tt]he ((?:[A-Z][\w'’-]* (?:(?:and|of|for) (?=[A-Z]))?)+(?:"
    + "|".join(sorted(w.title() for w in ORG_WORDS)) + r"))\b"
)
"""A run of capitalised words ending in an organisation word, after "the"."""
_SUFFIXES = frozenset(["jr", "sr", "ii", "iii", "iv"])
_PARTICLES = frozenset(
    ["de", "da", "di", "del", "della", "van", "von", "der", "den", "le", "la", "du", "bin",
     "ibn", "al", "el", "ben", "dos", "das", "ter", "zu"]
)
"""Lower-case words inside names ("Bill de Blasio", "Osama bin Laden"): no epithets, no
roles."""
_QUOTE = re.compile(r"[\"“”']")
_AGE = re.compile(r"\d+\s*-\s*(?:year|month|week)s?\s*-\s*old")
"""An age before a family tie ("her 6-year-old son"): still a bare tie."""
_BULLET = re.compile(r"[-–—•](?=[A-Z])")
"""A list's bullet the tokenizer left on a name ("-David Rothschild assesses …"): no part of
the name or its mention."""
_HANDLE = re.compile(r"@\w{2,30}")
"""A social media handle ("@kestwickmum"): a name, as the guidelines count it."""
PAPER_WORDS = (
    "Times", "Post", "Herald", "Gazette", "Courier", "Ledger", "Observer", "Journal", "Tribune",
    "Chronicle", "News", "Telegraph", "Guardian", "Review", "Mail", "Express", "Star", "Radio",
    "Magazine", "TV", "Today", "Examiner", "Inquirer", "Enquirer", "Dispatch", "Sentinel",
    "Bulletin", "Register"
)
"""The generic words that end newspaper and broadcaster names ("Charlotte Observer")."""
_OUTLET = re.compile(
    r"\b(" + "|".join(PAPER_WORDS) + r"|Echo|Advertiser|Press Agency|AP|AFP|Reuters|"
    r"UPI|Newsweek|Politico|POLITICO|Politifact|PolitiFact|MSNBC|CNN|CNBC|"
    r"NPR|PBS|BBC|Bloomberg|BuzzFeed|Gawker|Intercept|Breitbart|Daily Caller|HuffPost|"
    r"Huffington Post|Yahoo|Axios|Vox|Slate|Salon|The Hill|The Atlantic|RealClearPolitics|"
    r"Real Clear Politics|FiveThirtyEight|HuffPollster|Fox News|Fox Business|Daily Beast|"
    r"Mother Jones|ProPublica|Associated Press|United Press International|Journalism|HuffPo|"
    r"WSJ|New Yorker|Newsmax)\b"
)
"""Organisation names that are news outlets: as a source they are typed ``document``.
Also the names of major US and UK outlets, which carry none of the generic words."""

_PARTY_TAG = re.compile(r"\(?[DRI]-[A-Z][A-Za-z.]*\)?")
"""A US politician's party and state after the name: "(D-Nev.)", "R-Tex"."""

HEADLINE_MAX = 160
"""A first line at most this long is taken for a headline."""

if not Doc.has_extension("sayso_actors"):
    Doc.set_extension("sayso_actors", default=None)
if not Doc.has_extension("sayso_actor_tokens"):
    Doc.set_extension("sayso_actor_tokens", default=None)


def is_outlet(name: str) -> bool:
    """Whether an organisation's name reads as a newspaper, broadcaster or agency."""
    return bool(_OUTLET.search(name))


@dataclass
class _Cluster:
    type: ActorType
    name: list[Token]
    mentions: list[Span] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)

    def absorb(self, other: _Cluster) -> None:
        """Take another cluster's mentions and new roles; it is left without mentions (and
        so dropped)."""
        self.mentions.extend(other.mentions)
        self.roles.extend(r for r in other.roles if r not in self.roles)
        other.mentions.clear()


def _clean(span: Span) -> tuple[list[Token], list[Token]]:
    """Split a NER span into (name tokens, title tokens): drop determiners, possessive
    endings and honorifics; move leading title words ("Councillor", "Finance Minister")
    out of the name."""
    tokens = [t for t in span if t.tag_ != "POS" and t.text not in ("’s", "'s")]
    lines: list[list[Token]] = [[]]
    for t in tokens:  # no name runs across a line break: "Donald Trump\nMANCHESTER, N.H."
        if "\n" in t.text or "\n" in t.whitespace_:  # (a dateline below a scraped line)
            lines[-1] += [] if t.is_space else [t]
            lines.append([])
        else:
            lines[-1].append(t)
    tokens = next((line for line in lines if line), [])
    while tokens and tokens[0].lower_ in _DETERMINERS:
        tokens = tokens[1:]
    colon = next((k for k, t in enumerate(tokens) if t.text == ":"), None)
    tokens = tokens[:colon]  # "Marta Ruiz: Saying …", a name run on into a heading
    while tokens and (tokens[-1].is_punct or tokens[-1].is_quote or tokens[-1].is_space) \
            and tokens[-1].text != ".":
        tokens = tokens[:-1]  # "Vanita Gupta -", a closing quote NER took in
    titles: list[Token] = []
    body = bool(tokens) and (tokens[-1].lower_ in ORG_WORDS or (  # "Justice Department",
        span.label_ == "ORG" and len(tokens) == 2 and tokens[0].text in ("General", "Major")))
    # "General Foundry", "Major League": a firm named with a title word, not a rank
    inner = [k for k, t in enumerate(tokens[:-1])
             if t.lower_ in TITLE_WORDS and k > 0 and not body]
    if inner and all(t.tag_ == "NNP" for t in tokens[inner[-1] + 1 :]):
        titles, tokens = tokens[: inner[-1] + 1], tokens[inner[-1] + 1 :]
    while len(tokens) > 1 and (
        tokens[0].lower_ in HONORIFICS or (tokens[0].lower_ in TITLE_WORDS and not body)
        or (tokens[0].is_lower and not (span.label_ == "ORG" and tokens[0].text[0].isdigit()))
        or tokens[0].is_punct  # the stop of "Col. Steven Warren", split from its title
    ):
        if tokens[0].lower_ not in HONORIFICS and not tokens[0].is_punct:
            titles.append(tokens[0])
        tokens = tokens[1:]
    while tokens:  # given names NER left out: "Pavel" in "Pavel Rusk"
        left = tokens[0].nbor(-1) if tokens[0].i > 0 else None
        if (left is None or left.tag_ != "NNP" or left.dep_ != "compound" or not left.is_alpha
                or not left.is_title  # not "CEO Jane Roe"
                or left.lower_ in TITLE_WORDS or left.lower_ in HONORIFICS or left.ent_type_
                or left.lower_ in PARTY_WORDS  # "Libertarian Gary Johnson": a party, a role
                or _job_word(left.lower_)  # "Journalist Ana Roe" opening a sentence
                or left.head.i != tokens[-1].i):
            break
        tokens = [left, *tokens]
    return tokens, titles


def _given_name(word: str) -> bool:
    """Whether a lower-case word is a common given name."""
    from .sources import FEMALE_NAMES, MALE_NAMES  # sources imports this module
    return word in FEMALE_NAMES or word in MALE_NAMES


def _job_word(word: str) -> bool:
    """Whether a lower-case word is a person noun, or its plural, and no given name
    ("journalist", "economist", "celebrities"): capitalised before a name, it is a role or
    the people a list names, not a given name NER left out."""
    from .sources import PERSON_NOUNS, PERSON_ROLE_NOUNS  # sources imports this module
    if _given_name(word):
        return False
    forms = {word, word[:-1], word[:-3] + "y"} if word.endswith("ies") else \
        {word, word[:-1]} if word.endswith("s") else {word}
    return any(w in PERSON_NOUNS or w in PERSON_ROLE_NOUNS or w in _PERSON_NOUNS
               or w.endswith("ist") for w in forms)


def _role_text(tokens: list[Token]) -> str:
    """A role as written, without a leading determiner or possessive pronoun; empty for a
    bare family tie ("his wife", "both her husband", "whose 6-year-old son")."""
    while tokens and (tokens[0].lower_ in _DETERMINERS or tokens[0].is_punct
                      or tokens[0].is_space or tokens[0].tag_ in ("PDT", "WP$")
                      or tokens[0].lower_ in _LEADING_ADVERBS):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space  # a list's line break
                      or tokens[-1].pos_ == "CCONJ"):  # "X, the former minister, and Y"
        tokens = tokens[:-1]
    owned = next((k + 1 for k in range(len(tokens) - 1, -1, -1) if tokens[k].tag_ == "POS"), 0)
    aged = _AGE.fullmatch("".join(t.text_with_ws for t in tokens[owned:-1]).strip())
    if not tokens or (tokens[-1].lower_ in KINSHIP and (len(tokens) - owned == 1 or aged)) or (
            len(tokens) == 1 and tokens[0].lower_ in _PARTICLES):
        return ""  # "his wife", "Venn's niece": a family tie
    if tokens[-1].lower_ in HONORIFICS and not tokens[-1].lower_.startswith("prof"):
        return ""  # "-- Mr. Varga, Ms. Kell and Mr. Osei --": the next name's courtesy (a
        # "neurology professor" is a role)
    if len(tokens) == 1 and tokens[0].lower_ in _JURISDICTIONS:
        return ""  # "the state Senate", "a state senator": a level of government, no role
    if len(tokens) == 1 and tokens[0].lower_.endswith("s") and \
            tokens[0].lower_[:-1] in PARTY_WORDS:
        return ""  # "Democrats Ana Roe and Tom Vell": a party's members, no one's role
    if all(t.ent_type_ in ("GPE", "LOC", "FAC") and t.lower_ not in TITLE_WORDS
           for t in tokens):
        return ""  # "the Kestwick County GOP": a place, part of a body's name
    if tokens[0].pos_ == "CCONJ" or tokens[-1].pos_ in ("DET", "ADP") or (len(tokens) == 1 and (
            tokens[0].pos_ == "PRON" or _HANDLE.fullmatch(tokens[0].text))):
        return ""  # "… down the", "or for that matter", "we", "@kestwickmum": a misparse or
        # a name, no role
    doc = tokens[0].doc
    inside = {t.i for t in tokens}
    if (tokens[0].i == 0 or doc[tokens[0].i - 1].lower_ != "of") and any(
            t.tag_ == "NNS" and t.is_lower and not t.lower_.endswith("ics")  # "politics"
            and (t.head.i not in inside or t.head.i == t.i or t.head.text.endswith("."))
            for t in tokens):  # ("Sen." a plural modifies: "Democratic Sen.")
        return ""  # "Democratic candidates X and Y", "X and his colleagues": a group, no
        # role; "one of Ostravia's richest men" is one
    text = doc[tokens[0].i : tokens[-1].i + 1].text
    if text.isupper() or _PARTY_TAG.fullmatch(text):
        return ""  # a dateline, or a party and state ("D-Nev."), not a role
    return text


def _prenominal(name: list[Token], titles: list[Token]) -> tuple[str, ...]:
    """Title words before a name in the same noun phrase: "Housing Minister Oskar Brandt";
    a description and a title are two roles: "Democratic vice presidential nominee Sen. Tim
    Kaine" is a "Democratic vice presidential nominee" and a "Sen." (the split falls where a
    capitalised title follows a lower-case noun that does not modify it: not "state Sen.")."""
    root = name[-1]
    first = titles[0].i if titles else name[0].i
    lefts = [t for n in name for t in n.lefts if t.i < first and t.dep_ in _ROLE_DEPS]
    # (on the surname, or on a given name: "County Recorder" hung on "Helen" of "Helen Marwood")
    toks: list[Token] = []
    if lefts:
        start = min(t.left_edge.i for t in lefts)
        toks = [t for t in root.doc[start:first] if t.dep_ != "punct"]
        dash = max((t.i for t in root.doc[start:first] if t.text in DASHES and t.whitespace_),
                   default=-1)  # "the attorney general herself - Ana Roe": no title
        toks = [t for t in toks if t.i > dash]
        owner = _possessor_end(toks)  # "Hillary Clinton’s campaign manager Robby Mook"
        led = bool(toks) and toks[-1].is_lower and toks[-1].pos_ == "NOUN"  # "Clinton
        if any(t.ent_type_ == "DATE" or (  # spokesman Nick Merrill": a person's aide
                t.ent_type_ == "PERSON" and not _in_title(t) and not led)
               for t in toks[owner:]) or any(
            t.dep_ in ("det", "poss", "case") and t.i != start for t in toks[owner:]
        ):
            toks = []
    if toks and toks[0].ent_type_ == "ORG" and toks[-1].ent_type_ == "ORG":
        toks = []  # another organisation's name, not a title
    toks = [t for k, t in enumerate(toks + titles) if t.lower_ not in HONORIFICS or (
        k > 0 and t.lower_.startswith("prof"))]  # "Kestwick University professor" is a job
    if toks and (
        toks[-1].pos_ not in ("NOUN", "PROPN") or toks[-1].tag_ in ("VBG", "JJ")
        or any("\n" in t.whitespace_ for t in toks)
        or _finite([t for t in toks if t.dep_ != "amod"])  # "Presumptive", a VB to the tagger
    ):
        return ()  # not a verb's words: "close loopholes Donald Trump used"
    toks = sorted(toks, key=lambda t: t.i)
    for k in range(1, len(toks)):
        t, before = toks[k], toks[k - 1]
        if t.is_title and t.lower_ in TITLE_WORDS and before.pos_ == "NOUN" and before.is_lower \
                and before.head.i != t.i:
            return tuple(r for r in (_role_text(toks[:k]), _role_text(toks[k:])) if r)
    role = _role_text(toks)
    return (role,) if role else ()


def _possessor_end(toks: list[Token]) -> int:
    """How many tokens a name's possessor takes at the start of a role ("Hillary Clinton’s"
    of "Hillary Clinton’s campaign manager"): a name with its "’s" or "’" ("Sanders’", which
    the tagger may take for a plural noun), else 0."""
    for k, t in enumerate(toks):
        if (t.dep_ == "case" and t.tag_ == "POS") or _apostrophe(t):
            owner = toks[:k]
            if owner and all(o.pos_ == "PROPN" or o.is_title for o in owner) \
                    and k + 1 < len(toks):
                return k + 1
            return 0
        if t.pos_ != "PROPN" and not t.is_title:
            return 0
    return 0


def _in_title(token: Token) -> bool:
    """Whether ``token`` is in an entity that ends with a title word ("Kestwick Mayor"),
    which NER sometimes tags PERSON."""
    end = token.i
    while end + 1 < len(token.doc) and token.doc[end + 1].ent_iob_ == "I":
        end += 1
    return token.doc[end].lower_ in TITLE_WORDS


def _finite(tokens: list[Token]) -> bool:
    """Whether a would-be role holds a finite verb: a clause the parser hung on a name ("Rush
    Limbaugh, the move reeks of fear"), not a title or a description."""
    return any(t.tag_ in ("VB", "VBZ", "VBD", "VBP", "MD") for t in tokens)


def _crosses_a_break(tokens: list[Token]) -> bool:
    """A line break, a quotation mark or a colon between a name and a phrase: what the
    parser hung on the name as an appositive is then a quote or a label ("Editor’s note:"),
    not a role. The apostrophe of a plural possessive ("Sanders’ campaign manager") is no
    quotation mark."""
    return any("\n" in t.text or (t.is_quote and not _apostrophe(t)) or t.text == ":"
               for t in tokens)


def _apostrophe(token: Token) -> bool:
    """Whether a quotation mark is a possessive apostrophe: "’" or "'" right after a word
    ending in "s" ("Sanders’ campaign manager")."""
    left = token.nbor(-1) if token.i > 0 else None
    return token.text in ("’", "'") and left is not None and not left.whitespace_ \
        and left.lower_.endswith("s")


def _appositive(span: Span, kind: ActorType) -> tuple[str, ...]:
    """Roles given beside the name: "the defence minister, X" or "X, the chief of Z", each
    appositive on the right ("X, a Republican and, at the time, chairman of Z" is two); two
    when an appositive joins two descriptions, each with its article ("X, a professor of
    law and the director of its centre"). A phrase that yields no role (a party tag "(D-Va.)"
    before "a top prospect …") does not hide the next. An appositive goes to the nearest
    name it fits, whatever the parser hung it on: in "X, a lobbyist for the Harbour Trust,
    a charity", "a charity" is the trust's."""
    roles = [_described_role(span, kind)]
    after = _phrase_after(span)
    if after is not None and not (after.dep_ == "appos" and after.head.i < span.start
                                  and _fits(after, kind) and span.root in after.head.subtree):
        after = None  # (when it is, the parser hung it on an earlier word: "a PAC tied to
        # the Club, a group")
    for child in [after] * (after is not None) + list(span.root.rights):
        if child.dep_ != "appos" or child.i < span.end or _nearer_name(span, child):
            continue
        found = [r for r in _right_appositive(span, child) if r]
        roles += found
        if found and not any(c.dep_ == "cc" and c.i == child.right_edge.i
                             for c in child.children):
            break  # one role phrase, unless it ends in a dangling "and"
    return tuple(r for r in roles if r)


def _phrase_after(span: Span) -> Token | None:
    """The head of the phrase that opens right after a name and a comma, if any."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return None
    token = doc[span.end + 1]
    while token.head.i != token.i and token.head.left_edge.i == span.end + 1:
        token = token.head
    return token


def _fits(head: Token, kind: ActorType) -> bool:
    """Whether an appositive's head noun can describe an actor of this kind: a person noun
    for a person, any other noun for an organisation."""
    return _describes_a_person(head) == (kind == "person")


def _nearer_name(span: Span, child: Token) -> bool:
    """Whether an appositive the parser hung on a name follows another name, a person's or
    an organisation's, that it fits ("X, a lobbyist for the Harbour Trust, a charity")."""
    doc = span.doc
    k = child.left_edge.i - 2
    if k < span.end or doc[k + 1].text != "," or doc[k].ent_type_ not in ("ORG", "PERSON"):
        return False
    return _fits(child, "person" if doc[k].ent_type_ == "PERSON" else "organisation")


def _described_role(span: Span, kind: ActorType) -> str:
    """The description given before a name ("the defence minister, X"), or ""."""
    head = _described(span.root, span.start)
    if head is None and kind == "person":
        head = _set_off_before(span)
    if head is None:
        return ""
    doc = span.doc
    toks = list(doc[head.left_edge.i : span.start])
    crossed = _crosses_a_break(toks)  # "“… and our military,” Flynn, a surrogate, said"
    commas = [k for k, t in enumerate(toks) if t.text == ","]
    if commas:  # "the military spokesman, Colonel X": the title belongs to the name
        toks = toks[: commas[-1]]
    dashes = [k for k, t in enumerate(toks) if t.text in DASHES and t.whitespace_]
    toks = toks[dashes[-1] + 1 :] if dashes else toks  # "like most in Ostravia - the
    # utility giant", a clause before a dash
    if toks and not head.ent_type_ and not crossed and not _finite(toks) and (
            kind != "person" or _describes_a_person(head)):
        return _role_text(toks)
    return ""  # a person's description names a person: not "placed in secure storage, X"


_TIES = frozenset(["mate", "counterpart", "envoy", "mastermind", "greatest"])
"""Person nouns no ending gives away ("his running mate", "her counterpart")."""


def _describes_a_person(head: Token) -> bool:
    """Whether the head of a description before a person's name can name one person (not
    "People like Sen. X")."""
    from .sources import _person_noun  # sources imports this module
    lemma = head.lemma_.lower()
    return head.tag_ != "NNS" and (
        _person_noun(lemma) or lemma in _TIES or _names_a_person(head.text))


def _right_appositive(span: Span, child: Token) -> tuple[str, ...]:
    """The roles of one appositive after a name ("X, the chief of Z")."""
    doc = span.doc
    party = child.lower_ in PARTY_WORDS  # "X, Republican of Iowa", "X, a Democrat"
    one_of = child.lower_ == "one" and any(  # "X, one of the family's lawyers"
        c.dep_ == "prep" and c.lower_ == "of" for c in child.children)
    if not one_of and (child.like_num or (child.ent_type_ and not party)
                       or child.tag_ == "CD" or (child.pos_ not in ("NOUN", "PROPN") and not party)
                       or any(c.dep_ == "nummod" and c.ent_type_ != "DATE"
                              for c in child.children)):
        return ()  # an age, a name, a count ("the EPA, 18 states, …"), a misparsed clause;
        # a year is no count ("the 2008 nominee")
    if any(c.tag_ == "WP$" for c in child.children) or _appended_name(child) is not None:
        return ()  # "X, whose husband, Y, …": a relative clause about another person; "X,
        # Darran Whitby of Kestwick": another person's name
    toks = list(child.subtree)
    if _finite(list(doc[span.end : child.left_edge.i])):
        return ()  # not beside the name: "X, who missed the panel's threshold, boarded"
    if _in_party_tag(span.end, child):
        return ()  # a piece of the party tag "(D-Va.)"
    if _crosses_a_break(list(doc[span.end : child.i + 1])):
        return ()  # the next line of a list ("“…” ― Name\n“The worst …”"), not a role
    if any(t.like_num for t in doc[span.end : child.i]) and not any(
            t.pos_ == "NOUN" for t in toks):
        return ()  # "Jonas van Tiel, 52, Eastbank": an age and a place
    clause = [t.left_edge.i for t in toks if t.dep_ == "relcl"]
    toks = [t for t in toks if not clause or t.i < min(clause)]
    while toks and toks[0].pos_ == "ADV":
        toks = toks[1:]
    if _finite(toks):
        return ()  # a clause misread as an apposition: "X, the move reeks of fear"
    dash = next((k for k, t in enumerate(toks) if t.text in DASHES and t.whitespace_), None)
    toks = toks[:dash]  # "X, a former aide — and Y, a delegate, …": the next name's words
    second = next((t for t in toks if t.dep_ == "conj" and _names_a_person(t.text)
                   and any(d.dep_ == "det" for d in t.children)), None)
    if second is None:
        return (_role_text(toks),)
    cc = min(t.i for t in second.subtree) - 1  # "and" before "the director"
    return (_role_text([t for t in toks if t.i < cc]),
            _role_text([t for t in toks if t.i >= cc + 1]))


def _set_off_before(span: Span) -> Token | None:
    """A person noun just before a name set off by commas, which the parser did not hang
    on the name ("a lead of 83 points over the Republican nominee, Ana Roe, among black
    voters"): the head of the name's description. Not before a list ("the nominee, Roe and
    Vell") or a relative clause ("the governor, Vell, who …", which may be a third)."""
    doc = span.doc
    if span.start < 2 or span.end + 1 >= len(doc) or doc[span.start - 1].text != "," \
            or doc[span.end].text != "," or doc[span.end + 1].lower_ in ("who", "whose"):
        return None
    noun = doc[span.start - 2]
    return noun if noun.tag_ == "NN" and noun.is_lower and _describes_a_person(noun) else None


def _in_party_tag(start: int, token: Token) -> bool:
    """Whether ``token`` is inside a bracket that opens at ``start`` and holds a party tag:
    "D" or "Va." of "(D-Va.)", which the parser hangs on the name as appositives."""
    doc = token.doc
    close = next((t.i for t in doc[start : start + 8] if t.text == ")"), None)
    return doc[start].text == "(" and close is not None and token.i < close and \
        _PARTY_TAG.fullmatch(doc[start : close + 1].text.replace(" ", "")) is not None


def _described(root: Token, start: int) -> Token | None:
    """The head of a description given before a name as its appositive: the parser's own
    appositive head; the person noun whose "of"/"for" phrase the parser hung the name on ("the
    chairwoman of the Kestwick GOP, Dana Prell"); or, after a verb, a description the parser
    made a second subject ("said the ambassador at the time, Jonah Pribble")."""
    head = root.head
    if root.dep_ == "appos" and head.i < start:
        owner = head.head.head
        if root.ent_type_ == "PERSON" and head.ent_type_ and head.dep_ == "pobj" \
                and head.head.lower_ in ("of", "for") \
                and owner.is_lower and owner.pos_ == "NOUN" and _names_a_person(owner.text):
            return owner
        return head
    if root.dep_ not in ("nsubj", "npadvmod") or start == 0 or root.doc[start - 1].text != ",":
        return None
    return next((t for t in head.children if t.dep_ == "nsubj" and head.i < t.i < start
                 and t.is_lower and t.pos_ == "NOUN" and _names_a_person(t.text)
                 and not any(x.pos_ in ("VERB", "AUX") or x.is_quote or x.text == ","
                             for x in root.doc[t.i + 1 : start - 1])), None)


def _split_title(span: Span) -> str:
    """A title the parser left out of the name's noun phrase: an abbreviation the tokenizer
    cut from its stop ("Pres" "." "Harlan Voss", "Ostravian Pres. …"), or one hung on
    another word ("The Harbour Board and Sen. Ana Roe of Kestwick, …", where "Sen." went
    to the board as a conjunct). A plural one ("Sens. X and Y") is left out: the gold sets
    disagree on it."""
    doc = span.doc
    start = span.start
    if start == 0:
        return ""
    cut = start >= 2 and doc[start - 1].text == "." and doc[start - 2].is_title \
        and doc[start - 2].lower_ + "." in TITLE_WORDS
    title = doc[start - 2] if cut else doc[start - 1]
    hung_elsewhere = title.is_title and title.lower_ in TITLE_WORDS and title.whitespace_ \
        and title.head.i < title.i and not title.ent_type_  # not on the name, which is
    # _prenominal's, nor on a word after it: a longer name than NER found ("President Ana"
    # of "President Ana Roe Vell")
    if title.lower_.rstrip(".") in ("sens", "reps") or not (cut or hung_elsewhere):
        return ""
    first = min([c.i for c in title.lefts if c.dep_ in ("compound", "amod")] + [title.i])
    role = _role_text(list(doc[first : title.i + 1]))
    return f"{role}." if role and cut else role


_EVENT_NOUNS = frozenset(["attack", "bombing", "shooting", "massacre", "raid", "riot", "bid",
                          "race", "run", "scandal", "affair", "crisis", "disaster", "tragedy"])
"""Nouns of events and undertakings: a name that only modifies one ("the Harbour attack",
"his Senate bid") names a place or a goal, not an actor."""


def _split_at_dashes(ent: Span) -> list[Span]:
    """A spaced dash inside an entity ends a name: "Scott - Ana Vell", "Ana Vell -" are
    two names and one; a hyphen ("Lindgren-Osei") is part of the name, unless two words
    stand on each side: "the Rafe Dunmore-Kit Selby fight" pairs two people."""
    cuts = [t.i for t in ent if t.text in DASHES and (
        t.whitespace_ or t.doc[t.i - 1].whitespace_ or (
            t.i - ent.start >= 2 and ent.end - t.i >= 3
            and all(w.is_title for w in (t.nbor(-2), t.nbor(-1), t.nbor(1), t.nbor(2)))))]
    bounds = [ent.start - 1, *cuts, ent.end]
    parts = [ent.doc[a + 1 : b] for a, b in pairwise(bounds) if b > a + 1]
    return [Span(ent.doc, p.start, p.end, label=ent.label_) for p in parts]


def _split_pair(ent: Span, text: str) -> list[Span]:
    """ "Braynard and Velcor", tagged as one organisation, names two actors when each name
    also stands alone elsewhere in the text; a body's own name ("Harbour Ways and Means
    Committee", "Office of Trade and Budget") ends in an organisation word or has "of"."""
    ands = [t.i for t in ent if t.lower_ == "and"]
    if ent.label_ != "ORG" or len(ands) != 1 or ent[-1].lower_ in ORG_WORDS or any(
            t.lower_ in ("of", "for") for t in ent):
        return [ent]
    doc = ent.doc
    sides = [doc[ent.start : ands[0]], doc[ands[0] + 1 : ent.end]]
    if any(not side or text.count(side.text) <= text.count(ent.text) for side in sides):
        return [ent]
    return [Span(doc, side.start, side.end, label="ORG") for side in sides]


def _split_possessor(ent: Span) -> list[tuple[Span, str]]:
    """ "Fox News’ Sean Hannity", tagged ORG as a whole, is an outlet and a person."""
    cut = next((t.i for t in ent[:-2] if t.text in ("’", "'", "’s", "'s")), None)
    if ent.label_ != "ORG" or cut is None or cut == ent.start:
        return [(ent, ent.label_)]
    person = ent.doc[cut + 1 : ent.end]
    if len(person) < 2 or not all(t.is_title and t.tag_ == "NNP" for t in person):
        return [(ent, ent.label_)]
    owner = ent.doc[ent.start : cut + (ent.doc[cut].tag_ == "POS")]
    return [(owner, "ORG"), (person, "PERSON")]


def _split_at_comma(ent: Span, label: str) -> list[tuple[Span, str]]:
    """ "Lehigh, Bruce Turry", tagged as one name across a comma ("his best friend at Lehigh,
    Bruce Turry"): a place or body, then a person, when what follows the comma is a given name
    and a surname."""
    comma = next((t.i for t in reversed(ent[1:-2]) if t.text == ","), None)
    if comma is None:
        return [(ent, label)]
    from .sources import GIVEN_NAMES  # sources imports this module
    person = ent.doc[comma + 1 : ent.end]
    if person[0].lower_ not in GIVEN_NAMES or not all(
            t.is_title and t.tag_ == "NNP" for t in person):
        return [(ent, label)]
    return [(ent.doc[ent.start : comma], "ORG" if label == "PERSON" else label),
            (person, "PERSON")]


def _mentions(doc: Doc, text: str, source_roots: set[int]) -> list[tuple[Span, ActorType]]:
    found: list[tuple[Span, ActorType]] = []
    ents = [split for whole in _join_split_names(doc) for pair in _split_pair(whole, text)
            for piece in (_split_at_dashes(pair) if any(t.text in DASHES for t in pair)
                          else [pair])
            for part, kind in _split_possessor(piece) for split in _split_at_comma(part, kind)]
    for ent, label in ents:
        if any(_in_camp(t) for t in ent[:2]) and len([t for t in ent if t.tag_ != "POS"]) <= 2:
            continue  # "Team Crowley": a candidate's camp, no named body
        if len(ent) > 2 and ent[-2:].text == "White House":
            ent, label = ent[-2:], "ORG"  # "the Bremner White House": the name is an owner's
        if len(ent) == 1 and _speaker_label(ent):
            continue  # "TRUMP:" in a transcript: a bare name, for _add_bare_names to place
        core = [t for t in ent if t.lower_ not in _DETERMINERS]
        if len(core) == 1 and core[0].lower_ in ORG_WORDS:
            continue  # "The Bank said": a common noun in capitals, no name
        if label == "PERSON" and len(ent) > 1 and text[ent.start_char - 1 : ent.start_char] \
                in ('"', "“") and text[ent.end_char : ent.end_char + 2].lstrip(",.")[:1] \
                in ('"', "”"):
            continue  # a play called "Los Hijos de Trump,": a title in quotation marks
        if ent[-1].text == "Act" or any(t.text in ("v.", "vs.", "v", "vs") for t in ent[1:-1]):
            continue  # "the Harbour Safety Act": a law, no actor; "Roe v. Wade", "Trump v.
            # Trump": a case or a book named after one (not "Vladimir V. Putin")
        if len(ent) == 1 and ent.root.dep_ == "pobj" and ent.root.head.lower_ == "of" and \
                ent.root.head.head.lower_ in TITLE_WORDS and \
                not any(c.dep_ == "det" for c in ent.root.children):
            continue  # "the former secretary of State", "Minister of Finance": the office
            # ("the Secretary of the Treasury" still names the Treasury)
        if ent[-1].tag_ == "NNS" and ent[-1].is_lower:
            continue  # "the Republican hopefuls": people, no name
        if label != "PERSON" and ent.root.dep_ == "compound" and \
                ent.root.head.lemma_.lower() in _EVENT_NOUNS:
            continue  # "the Benghazi attack", "his White House bid": a place or a goal
        if (ent.text.isupper() and len(ent.text.replace(".", "")) > 5) or (  # not "S.E.C."
                ent[-1].lower_ in TITLE_WORDS and not _surname_title(ent, label)
                and not any(t.lower_ in ("of", "for") for t in ent)):  # "Citizens for Justice"
            continue  # a dateline ("VALDENE —") or a bare title ("Kestwick Mayor")
        body = ent[-1].lower_ in ORG_WORDS or any(t.lower_ in ("of", "for") for t in ent)
        if label == "PERSON" and not body and not (  # not "University of Arkansas … School"
                len(ent) == 1 and (is_outlet(ent.text) or _platform(ent.text))
        ) and (_is_who(ent) or not _org_context(ent)):  # nor "Twitter"
            quoted = _QUOTE.search(text, ent.start_char, ent.end_char)
            found.append((_with_surname(_with_nickname(ent) if quoted else ent), "person"))
        elif (label == "ORG" and ((_is_who(ent) and ent[-1].lower_ not in ORG_WORDS)
                                  or _after_title(ent) or _full_name(ent))) or (
                label in ("ORG", "GPE") and _described_as_person(ent, label == "GPE")
                and (label == "ORG" or ent.root.i in source_roots)):
            found.append((ent, "person"))  # "Gwen Pardoe, who founded the group"; "Vell, a
            # chemistry teacher, said", which NER took for a place
        elif label in ("ORG", "PERSON") or (
            label in ("GPE", "NORP") and any(ent.start <= i < ent.end for i in source_roots)
            and not (label == "NORP" and _people(ent))
        ):
            found.append((ent, "organisation"))
    taken = {t.i for span, _ in found for t in span}
    for token in doc:  # "JAKE TAPPER:", a transcript's speaker that NER missed
        end = token.i
        while end < len(doc) and end - token.i < 3 and doc[end].is_upper and doc[end].is_alpha \
                and not doc[end].is_stop and end not in taken:  # not "FIX IS IN:"
            end += 1
        if end - token.i >= 2 and _speaker_label(doc[token.i : end]):
            found.append((doc[token.i : end], "person"))
            taken.update(range(token.i, end))
    found += _unnamed_bodies(doc, text, taken)
    found += _recurring_speakers(doc, text, source_roots, taken)
    for token in doc:  # "Councillor Beatrix Olumide" that NER missed; "@kestwickmum"
        if _HANDLE.fullmatch(token.text) and token.i not in taken:
            found.append((doc[token.i : token.i + 1], "person"))  # a handle is a name
            continue
        name = _appended_name(token)
        if name is not None and not any(t.i in taken for t in name):
            found.append((name, "person"))
            taken.update(range(name.start, name.end))
            continue
        if token.lower_ not in TITLE_WORDS or not token.is_title:
            continue
        end = token.i + 1
        while (end < len(doc) and end - token.i <= 3 and doc[end].tag_ == "NNP"
               and doc[end].lower_ not in TITLE_WORDS and end not in taken):
            end += 1
        if end - token.i >= 3:  # a given name and a surname
            found.append((doc[token.i + 1 : end], "person"))
            taken.update(range(token.i + 1, end))
    return found


def _join_split_names(doc: Doc) -> list[Span]:
    """The entities, with a person's name NER cut in two put back together ("Ana Porter"
    "Quill III" of "Ana Porter Quill III"): two person entities side by side, the first
    modifying the second, which ends in a suffix (not a headline's "Ana Roe Backs" "Tom
    Vell")."""
    ents: list[Span] = []
    for ent in doc.ents:
        last = ents[-1] if ents else None
        if last is not None and last.end == ent.start and last.label_ == ent.label_ == "PERSON" \
                and last[-1].dep_ == "compound" and ent.start <= last[-1].head.i < ent.end \
                and ent[-1].lower_.rstrip(".") in _SUFFIXES:
            ents[-1] = Span(doc, last.start, ent.end, label="PERSON")
        else:
            ents.append(ent)
    return ents


def _appended_name(token: Token) -> Span | None:
    """A name NER missed, which the parser hung on a person's name as its appositive ("One
    pastor backing Mr. Roe, Darran Whitby of Kestwick, said"): a person's name beside a
    name is another person, not a description. The name: a given name and a surname in
    title case, in no entity."""
    if token.dep_ != "appos" or token.tag_ != "NNP" or token.head.ent_type_ != "PERSON" \
            or token.ent_type_:
        return None
    lefts = list(token.lefts)
    words = [*lefts, token]
    if not 1 <= len(lefts) <= 2 or any(
            t.dep_ != "compound" or t.tag_ != "NNP" or t.ent_type_ for t in lefts) or any(
            not t.is_title or not t.is_alpha or t.lower_ in TITLE_WORDS or t.lower_ in ORG_WORDS
            for t in words) or words[-1].i - words[0].i != len(lefts):
        return None
    return token.doc[words[0].i : token.i + 1]


def _org_context(ent: Span) -> bool:
    """Whether a "person" is an organisation by the words around it: an organisation noun
    beside it ("the law firm Pell Ostrow", "Pell Ostrow, a law firm"), a place of work ("a
    partner at Pell Ostrow"), or a new name in brackets after an organisation's ("Pell &
    Ostrow (now Pell Ostrow Varga)")."""
    root, doc = ent.root, ent.doc
    appos = next((c for c in root.rights if c.dep_ == "appos"), None)  # the first only: not
    if appos is not None and appos.lower_ in ORG_WORDS and not appos.ent_type_:
        return True  # ("X, founder of Y, a company"; not "X, the Harbour Department and …", a
        # list of names)
    if any(c.lower_ in ORG_WORDS and c.dep_ in _ROLE_DEPS and c.i < ent.start
           for c in root.children):
        return True
    if root.dep_ == "appos" and root.head.lower_ in ORG_WORDS \
            and _described(root, ent.start) == root.head:  # not "a spokesman for the
        return True  # Foreign Ministry, Oleg Varenko"
    if root.dep_ == "pobj" and root.head.lower_ == "at" and root.head.head.pos_ == "NOUN":
        return True
    k = ent.start - 1
    while k > 0 and doc[k].pos_ == "ADV":
        k -= 1
    return k > 0 and doc[k].text == "(" and doc[k - 1].ent_type_ == "ORG"


_PERSON_NOUNS = KINSHIP | TITLE_WORDS | {"man", "woman", "boy", "girl", "professor",
                                         "author", "writer", "lecturer", "researcher",
                                         "hotelier", "owner", "celebrity"}
_PLACE_TIES = frozenset(["member", "ally", "partner", "leader", "neighbor", "neighbour",
                         "friend", "rival", "critic", "host", "champion", "founder", "owner"])
"""Appositives a country can hold too ("Ostravia, a member of the alliance")."""


def _described_as_person(ent: Span, place: bool = False) -> bool:
    """Whether an "organisation" is a person by its appositive: "Keld Aran Moss, a
    43-year-old man", "Ines Varga, the mayor", "Mira Solberg, an Ostravian journalist";
    for a "place" (``place``), not by a tie a country can hold too."""
    from .sources import PERSON_NOUNS, PERSON_ROLE_NOUNS  # sources imports this module
    appos = next((c for c in ent.root.rights if c.dep_ == "appos"), None)
    return appos is not None and (appos.is_lower or appos.lower_ in TITLE_WORDS) and not (
        place and appos.lower_ in _PLACE_TIES) and (
        appos.lower_ in _PERSON_NOUNS or appos.lower_ in PERSON_NOUNS
        or appos.lower_ in PERSON_ROLE_NOUNS or appos.lower_.endswith("ist"))


def _with_nickname(ent: Span) -> Span:
    """A person's name NER cut inside a nickname's quotation marks ('Robert C. "Bobby' of
    'Robert C. "Bobby" Scott'): run on past the closing mark to the surname."""
    doc, end = ent.doc, ent.end
    if sum(t.is_quote for t in ent) % 2 == 0:
        return ent
    while end < len(doc) and end - ent.end < 3 and not doc[end].is_quote:
        end += 1  # 'Marcia "' with "Cia" left out too
    if end >= len(doc) or not doc[end].is_quote:
        return ent
    stop = end + 1
    while stop < len(doc) and doc[stop].is_title and doc[stop].pos_ in ("PROPN", "NOUN"):
        stop += 1
    return doc[ent.start : stop] if stop > end + 1 else ent


def _with_surname(ent: Span) -> Span:
    """A person's name with the surname NER left out ("Sally Quillian" of "Sally Quillian
    Yates"): the capitalised word the name's last word modifies, when it is in no entity."""
    head = ent[-1].head
    if ent[-1].dep_ == "compound" and head.i == ent.end and head.is_title and not \
            head.ent_type_ and head.tag_ in ("NNP", "NNPS") and head.lower_ not in ORG_WORDS \
            and head.lower_ not in TITLE_WORDS:
        return ent.doc[ent.start : ent.end + 1]
    return ent


def _surname_title(ent: Span, label: str) -> bool:
    """Whether a person's name ends in a title word that is also a surname ("Mr. King",
    "Dorothy Bishop"): after an honorific or a given name, not a place ("Kestwick Mayor")."""
    doc = ent.doc
    if label != "PERSON" or ent[-1].lower_ not in SURNAME_TITLES:
        return False
    if len(ent) == 1:
        return ent.start > 0 and doc[ent.start - 1].lower_ in HONORIFICS
    given = ent[-2]
    return given.is_title and given.lower_ not in TITLE_WORDS and given.lower_ not in HONORIFICS


def _trim_name_words(
    cleaned: list[tuple[Span, ActorType, list[Token], list[Token]]], lower_words: set[str],
) -> set[int]:
    """A person's name with a word the article's other names lack. Before it ("Crooked
    Hillary Clinton" beside "Hillary Clinton", "Candidate Jones" beside "Ada Jones"), a word
    that is no common given name, which the article also writes in lower case ("rival") or
    which stands before a given name, is an epithet or a title ("Debbie" of "Debbie Wasserman
    Schultz" is kept); so is a word in "-ing" before a given name, a sentence's verb. After
    a known surname ("Obama Speech" in a title-case caption), a word the article writes in
    lower case (``lower_words``) is no name; and after another person's whole name written
    more often, what follows is no part of it ("Ted Cruz Hints Trump …", a scraped heading
    run into the line before, beside "Ted Cruz"), unless a suffix ("Jr.") or a surname
    ("Dena Minning Grayson" beside her maiden name). Cut such words
    off, in place; return the indices of the words cut, which are no roles either."""
    cut: set[int] = set()
    if not cleaned:
        return cut
    from .sources import FEMALE_NAMES, MALE_NAMES  # sources imports this module
    given = FEMALE_NAMES | MALE_NAMES
    doc = cleaned[0][0].doc
    lower = lower_words - _PARTICLES  # not "de" of "Bill de Blasio"
    counts = Counter(tuple(_norm(t.text) for t in name) for _, kind, name, _ in cleaned
                     if kind == "person" and len(name) > 1)
    names = set(counts)
    for k, (_, kind, name, titles) in enumerate(cleaned):
        if kind != "person" or len(name) < 2:
            continue
        words = tuple(_norm(t.text) for t in name)
        others = names - {words}
        known = next((j for j in range(len(name) - 1, 1, -1) if words[:j] in others
                      and counts[words[:j]] > counts[words]
                      and words[-1] not in {n[-1] for n in others}  # "Dena Minning Grayson"
                      and not any(t.lower_.rstrip(".") in _SUFFIXES for t in name[j:])), None)
        if known is not None:  # "Ted Cruz Hints …" run into a title-case line beside "Ted
            cut.update(t.i for t in name[known:])  # Cruz", more often written: the name
            # ends where his does (not "Aung San Suu Kyi" beside her father, "Aung San")
            name = name[:known]
            cleaned[k] = (doc[name[0].i : name[-1].i + 1], kind, name, titles)
            continue
        common = name[0].lower_ not in given and bool(name[0].whitespace_)
        loose = name[0].lower_ in lower or name[0].lower_.endswith("ing") \
            or name[0].tag_ in ("JJ", "JJR", "JJS")  # "Asserting Jones's role", a caption's
        # verb; "Top Sanders strategists", an adjective opening a sentence
        if name[-1].lower_ in lower and name[-2].whitespace_ and any(
                n[-1] == words[-2] for n in others):
            cut.add(name[-1].i)
            name = name[:-1]
        elif common and (loose or name[1].lower_ in given) and (
                words[1:] in others or (  # "Candidate Jones": a known surname
                    len(name) == 2 and loose and any(n[-1] == words[1] for n in others))
                or (name[0].lower_.endswith("ing") and name[1].lower_ in given)):
            # ("Trusting Donald Roe with …" opening a sentence: a verb before a given name)
            cut.add(name[0].i)
            name = name[1:]
        cleaned[k] = (doc[name[0].i : name[-1].i + 1], kind, name, titles)
    return cut


def _recurring_speakers(doc: Doc, text: str, source_roots: set[int],
                        taken: set[int]) -> list[tuple[Span, ActorType]]:
    """People NER missed who speak more than once ("Vandermeer said … Vandermeer told"): a
    capitalised word that heads two or more attributions' sources, with no article, in no
    entity, and that the article never writes in lower case (not "Poll", "Doctor"), is a
    person's surname; added to ``taken``."""
    heads: dict[str, list[Token]] = {}
    for i in source_roots:
        t = doc[i]
        if t.tag_ in ("NN", "NNP") and t.is_title and not t.ent_type_ and i not in taken \
                and t.lower_ not in TITLE_WORDS and t.lower_ not in HONORIFICS \
                and not is_outlet(t.text) and not any(
                    c.dep_ in ("det", "poss") for c in t.children):
            heads.setdefault(t.text, []).append(t)
    found: list[tuple[Span, ActorType]] = []
    for word, tokens in heads.items():
        if len(tokens) < 2 or re.search(rf"\b{re.escape(word.lower())}\b", text):
            continue
        for t in tokens:
            found.append((doc[t.i : t.i + 1], "person"))
            taken.add(t.i)
    return found


def _in_camp(token: Token) -> bool:
    """Whether a name follows "Team" or "Camp": a candidate's camp ("Team Crowley"), a body
    with no name of its own, not the candidate."""
    return token.i > 0 and token.doc[token.i - 1].text in ("Team", "Camp")


def _unnamed_bodies(doc: Doc, text: str, taken: set[int]) -> list[tuple[Span, ActorType]]:
    """Organisations NER missed: after "the", a run of capitalised words ending in an
    organisation word ("the Central and East Ostravian Coalition"), with "and", "of" or
    "for" between capitalised words; added to ``taken``. Found in the text, not token by
    token, which is slow."""
    found: list[tuple[Span, ActorType]] = []
    for match in _BODY.finditer(text):
        span = doc.char_span(match.start(1), match.end(1))
        if span is None or span[-1].ent_type_ in ("ORG", "PERSON") or any(
                t.i in taken for t in span):
            continue
        found.append((span, "organisation"))
        taken.update(range(span.start, span.end))
    return found


def _in_description(mention: Span) -> bool:
    """Whether a name is named only inside someone's description ("Patricia Smith, mother
    of Benghazi victim Sean Smith", "Bill Clinton … for his wife Hillary Clinton"): the
    object of an "of" on a noun, or the apposition of a noun with a possessor ("his wife",
    "a nurse's aide")."""
    root = mention.root
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and any(  # "for his wife Hillary
            c.dep_ == "poss" for c in root.head.children):  # Clinton", "a nurse's aide, X"
        return True
    return root.dep_ == "pobj" and root.head.lower_ == "of" and \
        root.head.head.pos_ == "NOUN"


def _turn_label(name: list[Token]) -> bool:
    """Whether a name is an interview's "Q:" or "A:", one letter and a colon opening a
    paragraph."""
    first = name[0]
    return len(name) == 1 and len(first.text) == 1 and (
        first.i == 0 or "\n" in first.nbor(-1).text + first.nbor(-1).whitespace_) \
        and first.i + 1 < len(first.doc) and first.nbor().text == ":"


def _as_object(token: Token) -> bool:
    """Whether a name is an object, itself or as a conjunct or appositive of one."""
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head
    return token.dep_ in ("dobj", "pobj")


def _quoted(text: str, char: int) -> bool:
    """Whether a character stands inside a quotation opened earlier in its paragraph."""
    para = text[text.rfind("\n", 0, char) + 1 : char]
    return para.count("“") > para.count("”") or para.count('"') % 2 == 1


def _after_title(ent: Span) -> bool:
    """Whether an "organisation" is a person's name after a title: "Transport Commissioner
    Helena Brask", where NER tagged only the name, as ORG; also after a lower-case person
    noun ("bestselling author Mira Vell’s new book")."""
    doc = ent.doc
    title = doc[ent.start - 1] if ent.start > 0 else None
    name = [t for t in ent if t.tag_ != "POS"]
    return title is not None and (
        (title.lower_ in TITLE_WORDS and (title.is_title or title.is_upper))
        or (title.is_lower and title.lower_ in _PERSON_NOUNS)) and len(name) >= 2 and \
        all(_capitalised(t) and t.tag_ in ("NNP", "NN") for t in name) and \
        name[-1].lower_ not in ORG_WORDS


def _full_name(ent: Span) -> bool:
    """Whether an "organisation" is a common given name and a surname ("Amanda Renteria"),
    which no firm's name ends in a corporate or body word beside ("Harbour Trust")."""
    words = [t for t in ent if t.tag_ != "POS"]
    return len(words) == 2 and all(_capitalised(t) and t.pos_ == "PROPN" for t in words) and \
        _given_name(words[0].lower_) and words[1].lower_ not in ORG_WORDS and \
        words[1].lower_ not in _CORPORATE and not is_outlet(ent.text)


def _people(ent: Span) -> bool:
    """Whether a nationality or party names people, not a body: plural, or with an article or
    a number ("Republicans", "one Democrat")."""
    return ent.root.tag_ in ("NNS", "NNPS") or any(
        c.dep_ in ("det", "nummod") for c in ent.root.children)


def _speaker_label(ent: Span) -> bool:
    """Whether an upper-case name opens a line and is followed by a colon: a transcript's
    speaker ("JAKE TAPPER: …"), not a dateline."""
    doc = ent.doc
    return ent.text.isupper() and ent.end < len(doc) and doc[ent.end].text == ":" and (
        ent.start == 0 or "\n" in doc[ent.start - 1].text_with_ws)


def _is_who(span: Span) -> bool:
    """Whether a relative clause on the name starts with "who": people, not bodies."""
    return any(c.dep_ == "relcl" and any(t.lower_ == "who" for t in c.children)
               for c in span.root.children)


def _acronym(tokens: list[Token]) -> str:
    return "".join(t.text[0] for t in tokens if t.text[:1].isupper())


def _same_org(short: list[Token], long: list[Token]) -> bool:
    """ "Brennick" of "Brennick Components", "Kestwick Institute" of "Kestwick Institute for
    Peace" (the long name less one word or a complement), "MPA" or "M.P.A." of "Meridian
    Press Agency", "U.N. Security Council" of "United Nations Security Council", "Supreme
    Court" of "U.S. Supreme Court" and "Policy Council" of "Farrow-Ince Policy Council" (the
    long name with a place or another name in front), "Harbour Museum" of "Harbour Maritime
    Museum" (its words in order, with the same last organisation word)."""
    s = [t.text for t in short]
    words = [t.text for t in long]
    n = len(s)
    if n < len(words) and s == words[:n] and s[0][:1].isupper() and (
            n + 1 == len(words) or words[n] in ("for", "of", "on")):
        return True  # not "Senate" of "Senate Armed Services Committee"
    extra = long[: len(long) - n + 1]  # the words the short name's first word stands for
    if n > 1 and s[1:] == words[len(extra):] and s[0].replace(".", "") == _acronym(extra):
        return True
    if n > 1 and s == words[len(words) - n :] and long[-1].lower_ in ORG_WORDS:
        return True
    if 1 < n < len(words) and s[-1] == words[-1] and long[-1].lower_ in ORG_WORDS and \
            s[0] in words and s == [w for w in words[words.index(s[0]) :] if w in s]:
        return True  # "Harbour Museum" of "the National Harbour Maritime Museum"
    initials = s[0].replace(".", "")
    return (n == 1 and initials.isupper() and len(initials) > 1
            and initials == _acronym(long)) or _legal_name(short, long)


def _legal_name(short: list[Token], long: list[Token]) -> bool:
    """Whether ``long`` is ``short`` with corporate words after it ("Velcor" of "Velcor
    Pharmaceuticals International", "Orin Square" of "Orin Square Capital Management")."""
    n = len(short)
    return n < len(long) and [t.text for t in short] == [t.text for t in long[:n]] and all(
        t.lower_ in _CORPORATE for t in long[n:])


class ActorsComponent:
    """Groups NER mentions into actors and reads their roles; cheap: one pass over entities
    and one over proper nouns."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text  # built from the tokens on every access: read it once
        source_roots = set()
        listed: list[Span] = []  # the names of a quote list ("“…” ― Name"): people
        for a in doc._.sayso_attributions or ():
            for s, e in a.source:
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is not None:
                    source_roots.add(span.root.i)
                    if is_quote_list(text, a):
                        listed.append(span)
        clusters: list[_Cluster] = []
        cleaned = []
        mentions = _mentions(doc, text, source_roots)
        taken = {t.i for span, _ in mentions for t in span}
        mentions += [(span, "person") for span in listed if not any(t.i in taken for t in span)]
        for span, kind in mentions:
            name, titles = _clean(span)
            if any(t.lower_ in TITLE_WORDS for t in titles):
                kind = "person"  # "Kestwick Mayor Dorian Fell", tagged ORG
            if name and any(_capitalised(t) or t.is_upper or _HANDLE.fullmatch(t.text)
                            for t in name) and not _turn_label(name):
                cleaned.append((doc[name[0].i : name[-1].i + 1], kind, name, titles))
        lower_words = set(_LOWER_WORD.findall(text))
        cut = _trim_name_words(cleaned, lower_words)  # "Activist" is a role, "Crooked" none
        modifiers = {t.text for t in doc if t.is_lower and t.pos_ in ("ADJ", "VERB")} \
            if cut else set()
        epithets = {doc[i].text for i in cut if doc[i].lower_ in modifiers
                    or doc[i].lower_.endswith(("ed", "ing"))}
        # the fullest forms found the clusters; shorter ones join them. Headline mentions
        # come last: title case there makes NER run on ("Donald Trump Featured")
        headline_end = text.find("\n")
        if headline_end > HEADLINE_MAX:  # a first paragraph, not a headline
            headline_end = -1
        captions = [r for r in _title_case_lines(text) if r[0] > headline_end]  # subheadings;
        # a headline's names may be its speakers' ("Rush Limbaugh: Hillary Asking …")
        late = [cleaned[k][0].start_char < headline_end
                or _inside(captions, cleaned[k][0].start_char) for k in range(len(cleaned))]
        order = sorted(range(len(cleaned)), key=lambda k: (
            late[k], _cut_to_initial([t.text for t in cleaned[k][2]]), -len(cleaned[k][2]), k))
        person_keys: dict[str, _Cluster] = {}
        for k in order:
            mention, kind, name, titles = cleaned[k]
            cluster = self._find(clusters, person_keys, kind, name)
            if cluster is None and late[k]:
                known = [t for t in name if _norm(t.text) in person_keys]
                if known:
                    cluster = person_keys[_norm(known[-1].text)]
                    if len(cluster.name) == 1 and cluster.type == "person":
                        cluster.name = _given_names(name, known[-1])  # "Clinton" in the body
                    words = {t.text for t in cluster.name}
                    inside = [t for t in name if t.text in words]
                    name = [t for t in name if inside[0].i <= t.i <= inside[-1].i]
                    mention, titles = doc[name[0].i : name[-1].i + 1], []
            if cluster is None and _inside(captions, mention.start_char):
                continue  # "Veto Power Impedes Peace Efforts", a subheading: no actor
            if cluster is None:
                cluster = _Cluster(kind, name)
                clusters.append(cluster)
                if kind == "person" and len(name) == 1:  # "Mr. Obama" beside "Michelle
                    person_keys[_norm(name[0].text)] = cluster  # Obama": bare "Obama" is he
                elif kind == "person":  # every surname-like word: "Castell" of "Castell Ibáñez"
                    for token in name[1:]:  # not an initial, a suffix or a quotation mark,
                        if len(token.text.rstrip(".")) > 1 and token.text[0].isupper() \
                                and token.lower_.rstrip(".") not in _SUFFIXES \
                                and not _platform(token.text):  # nor "Twitter" of a
                            # headline NER ran on ("Will Twitter Be Next")
                            person_keys.setdefault(_norm(token.text), cluster)
            cluster.mentions.append(mention)
            handle = _HANDLE.fullmatch(name[0].text)  # "my friend @GovernorVA": no role
            before = _prenominal(name, titles)
            if late[k]:  # "Lonely Crowley Skips Debate": a headline's epithet, no title
                before = tuple(r for r in before if _names_a_person(r.split()[-1]))
            for role in () if handle else (*before, *_appositive(mention, kind),
                                           _split_title(mention)):
                if role and role not in epithets and \
                        role.casefold() not in {r.casefold() for r in cluster.roles}:
                    cluster.roles.append(role)
        headline_tokens = doc.char_span(0, headline_end, alignment_mode="expand") \
            if headline_end > 0 and not text[:headline_end].rstrip().endswith(".") else None
        # (a first line that ends in a stop is a sentence: "… my parents, Olive Meehan, …")
        self._add_bare_names(doc, clusters, person_keys,
                             0 if headline_tokens is None else headline_tokens.end,
                             lower_words)
        self._retype_named_orgs(clusters)  # before "Carly Fiorina" shares her surname
        self._share_surnames(clusters, text)
        self._fold_brand_names(clusters)
        self._fold_namesakes(clusters)
        clusters = [c for c in clusters if c.mentions]
        clusters.sort(key=lambda c: min(m.start for m in c.mentions))
        actors: list[Actor] = []
        tokens: dict[int, int] = {}
        for i, c in enumerate(clusters):
            mentions = sorted({(m.start_char + bool(_BULLET.match(m.text)), m.end_char)
                               for m in c.mentions})
            actors.append(Actor(name=_words_text(c.name), type=c.type,
                                mentions=tuple(mentions), roles=_fullest(c.roles)))
            for m in c.mentions:
                for t in m:
                    tokens[t.i] = i
        doc._.sayso_actors = actors
        doc._.sayso_actor_tokens = tokens
        add_spans(doc, (Span(doc, m.start, m.end, label="ACTOR") for c in clusters
                        for m in c.mentions))
        return doc

    @staticmethod
    def _find(
        clusters: list[_Cluster], person_keys: dict[str, _Cluster], kind: ActorType,
        name: list[Token],
    ) -> _Cluster | None:
        """The cluster a mention belongs to, or None for a new actor."""
        text = [_norm(t.text) for t in name]  # "O'Neill" is "O’Neill"
        same = next((c for c in clusters if c.type == kind
                     and [_norm(t.text) for t in c.name] == text), None)
        if same is not None:  # "Hillary Clinton" again, whoever holds the key "Clinton"
            return same
        if kind == "person" or len(name) == 1 or text[-1] in person_keys:
            cluster = person_keys.get(text[-1])
            # case aside: "De Blasio" opening a sentence is "Bill de Blasio"; an organisation
            # only as a shorter form of a person's name ("De Vries", NER's ORG, said)
            if cluster is not None and {w.lower() for w in text} <= {
                    _norm(t.lower_) for t in cluster.name} and (
                    kind == "person" or len(name) == 1 or len(cluster.name) > len(name)):
                if _may_be(name, cluster.name):
                    return cluster
                kin = [c for c in clusters if c.type == "person" and len(c.name) > 1
                       and _surname_key(c.name) == text[-1]
                       and _gender(c.name) == _gender(name)]
                return kin[0] if len(kin) == 1 else None  # "Mrs. Vell" of Ana, not Tom Vell
            if kind == "person" and _cut_to_initial(text):  # "Alicia M", cut short
                whole = [c for c in clusters if c.type == "person" and len(c.name) >= len(text)
                         and [_norm(t.text) for t in c.name[-len(text) : -1]] == text[:-1]
                         and c.name[-1].text.startswith(text[-1][0])]
                return whole[0] if len(whole) == 1 else None
            if kind == "person":  # "Mr. Lou" of "Lou Jiwei": a surname written first
                firsts = [c for c in clusters if c.type == "person" and len(c.name) > 1
                          and _norm(c.name[0].text) == text[0]] if len(text) == 1 else []
                return firsts[0] if len(firsts) == 1 else None
        orgs = [c for c in clusters if c.type == "organisation" and (
            [_norm(t.text) for t in c.name] == text or _same_org(name, c.name))]
        return orgs[0] if len(orgs) == 1 else None  # not "Supreme Court" of two courts

    @staticmethod
    def _share_surnames(clusters: list[_Cluster], text: str) -> None:
        """Two people with one surname ("Bill Clinton", "Hillary Clinton"): a bare "Clinton"
        goes to whichever of them was named in full last before it, not counting a name
        given as an object ("Trump accused Rafael Cruz, …" leaves "Cruz" to Ted Cruz, also
        "a tribute to X and a nurse, Jo Cruz") or inside a quotation (a speaker's words name
        people the article does not follow), nor one named in full under a third as often
        as the other (the article's subject's brother, named once, takes no bare "Cruz"). With
        no such name before it, one named in full only as another's relative ("her husband,
        Frank Fiorina") leaves a bare surname to the one other person of that surname. A
        bare surname NER kept as an actor of its own is shared out the same way."""
        by_surname: dict[str, list[_Cluster]] = {}
        for c in clusters:
            if c.type == "person" and len(c.name) > 1:
                by_surname.setdefault(_surname_key(c.name), []).append(c)
        for people in by_surname.values():
            if len(people) < 2:
                continue  # a full mention opens with a given name ("Bobby Scott" too)
            full = sorted((m.start_char, c) for c in people for m in c.mentions
                          if len(m) > 1 and m[0].text in {t.text for t in c.name[:-1]}
                          and not _in_description(m) and not _as_object(m.root)
                          and not _quoted(text, m.start_char))
            counts = Counter(c.name[0].i for _, c in full)
            full = [(start, c) for start, c in full
                    if 3 * counts[c.name[0].i] >= max(counts.values())]
            described = [c for c in people if any(len(m) > 1 for m in c.mentions) and all(
                _in_description(m) for m in c.mentions if len(m) > 1)]
            others = [c for c in people if c not in described]
            fallback = others[0] if described and len(others) == 1 else None
            surname = _surname_key(people[0].name)
            bare = [c for c in clusters if c.type == "person" and len(c.name) == 1
                    and _norm(c.name[0].text) == surname]  # "Mrs. Clinton" kept apart
            for c in people + bare:  # a bare given name ("Freddy" of "Freddy Trump") stays
                for m in [m for m in c.mentions if len(m) == 1 and _norm(m[0].text) == surname]:
                    before = [owner for start, owner in full if start < m.start_char
                              and _may_be(list(m), owner.name)]  # "Mrs. Clinton" is not Bill
                    if not before and fallback is not None and _may_be(list(m), fallback.name):
                        before = [fallback]  # "her husband, Frank Fiorina" named only as her
                        # relative takes no bare "Fiorina" the article names no one before
                    if before and before[-1] is not c:
                        c.mentions.remove(m)
                        before[-1].mentions.append(m)

    @staticmethod
    def _fold_brand_names(clusters: list[_Cluster]) -> None:
        """A one-word "person" that is a word of an organisation's name is that
        organisation ("Corvane’s managing director" beside "Corvane Properties", "Vexa" of
        "Orbit and Vexa"), unless it opens a name that ends in no organisation word and
        is no outlet's ("Vexa" of "Vexa News" is the outlet): a movement named after a
        person ("the Dunmore Train") is no firm of his. An
        "organisation" of a given name and that word ("Sean Keld" beside "Keld said") is
        the person, whom NER mistook. A two-word "person" whose first word is no given name
        and whose last is a one-word organisation's name ("Outside Velcor", from "Outside
        Velcor's plant" opening a sentence) is that organisation."""
        from .sources import GIVEN_NAMES  # sources imports this module
        surnames = {_surname_key(c.name) for c in clusters
                    if c.type == "person" and len(c.name) > 1 and c.mentions}
        for c in clusters:
            if c.type != "person" or len(c.name) > 2 or (
                    len(c.name) == 1 and _norm(c.name[0].text) in surnames):
                continue  # "Clinton" beside Hillary Clinton is no word of the Clinton Foundation
            word = c.name[-1].text
            if len(c.name) == 2:
                org = None if c.name[0].lower_ in GIVEN_NAMES else next(
                    (o for o in clusters if o.type == "organisation"
                     and [t.text for t in o.name] == [word]), None)
            else:
                org = next((o for o in clusters if o.type == "organisation" and len(o.name) > 1
                            and word in {t.text for t in o.name[1:]} | (
                                {o.name[0].text} if o.name[-1].lower_ in ORG_WORDS
                                or is_outlet(_words_text(o.name))
                                or _legal_name(c.name, o.name) else set())),
                           None)
            if org is None:
                continue
            if len(org.name) == 2 and org.name[-1].text == word and \
                    _given_name(org.name[0].lower_):
                org.type = "person"
            org.absorb(c)

    @staticmethod
    def _retype_named_orgs(clusters: list[_Cluster]) -> None:
        """An "organisation" named by a given name and a surname, with no organisation word
        or outlet name ("Carly Fiorina", NER's ORG every time), is a person; a bare
        "Fiorina" NER called a person joins her when no one else has that surname."""
        from .sources import GIVEN_NAMES  # sources imports this module
        for o in clusters:
            if o.type == "organisation" and 2 <= len(o.name) <= 3 \
                    and o.name[0].lower_ in GIVEN_NAMES and o.name[-1].lower_ not in ORG_WORDS \
                    and not is_outlet(_words_text(o.name)) \
                    and all(t.is_title and t.is_alpha for t in o.name):
                words = [_norm(t.text) for t in o.name]
                same = next((c for c in clusters if c.type == "person" and c.mentions
                             and [_norm(t.text) for t in c.name] == words), None)
                if same is not None:  # NER's PERSON elsewhere: one person
                    same.absorb(o)
                    continue
                o.type = "person"
                surname = _surname_key(o.name)
                kin = [c for c in clusters if c.type == "person" and c.mentions
                       and _surname_key(c.name) == surname]
                for c in kin:
                    if len(c.name) == 1 and len(kin) == 2:
                        o.absorb(c)

    @staticmethod
    def _fold_namesakes(clusters: list[_Cluster]) -> None:
        """A name NER tagged a person once and an organisation once ("Tamsin Orlov") is
        the person when a common given name or a person's title ("Orlov, the former CEO")
        says so; and a one-word "organisation", no outlet, that is the surname of exactly
        one person named in full with a given name ("Fiorina" beside her) is that person."""
        people = {tuple(_norm(t.text) for t in c.name): c for c in clusters
                  if c.type == "person" and len(c.name) > 1 and (
                      _given_name(c.name[0].lower_) or any(_titled(r) for r in c.roles))}
        for o in clusters:
            c = people.get(tuple(_norm(t.text) for t in o.name)) \
                if o.type == "organisation" else None
            if c is not None:
                c.absorb(o)
        from .sources import GIVEN_NAMES  # sources imports this module
        surnames: dict[str, list[_Cluster]] = {}
        for c in clusters:
            if c.type == "person" and len(c.name) > 1 and c.mentions \
                    and c.name[0].lower_ in GIVEN_NAMES:
                surnames.setdefault(_surname_key(c.name), []).append(c)
        for o in clusters:
            owners = surnames.get(_norm(o.name[0].text), []) if o.type == "organisation" \
                and len(o.name) == 1 and not is_outlet(o.name[0].text) else []  # "Bloomberg"
            if len(owners) == 1 and o.mentions:
                owners[0].absorb(o)

    @staticmethod
    def _add_bare_names(doc: Doc, clusters: list[_Cluster], person_keys: dict[str, _Cluster],
                        headline_end: int, lower: set[str]) -> None:
        """Names NER missed ("Braskov, for his part,"): a proper noun equal to a known
        surname or one-word organisation name, with the given names before it. A
        capitalised word before it in a headline (the token index ``headline_end`` on), or
        one the article also writes in lower case (``lower``), is no given name."""
        keys: dict[str, _Cluster] = {  # "Quayside" for "Quayside Group", not "New" for
            c.name[0].text: c for c in clusters  # "New York Times"
            if c.type == "organisation" and c.name[0].tag_ == "NNP" and c.name[0].is_title
            and len(c.name) <= 2
        }
        keys.update(person_keys)
        from .sources import FEMALE_NAMES, MALE_NAMES  # sources imports this module
        given = FEMALE_NAMES | MALE_NAMES
        taken = {t.i for c in clusters for m in c.mentions for t in m}
        for token in doc:
            speaker = token.is_upper and len(token) > 2 and token.i + 1 < len(doc) \
                and doc[token.i + 1].text == ":"  # "FALLIN:" in a transcript, not a dateline
            word = _norm(token.text)
            word = word.title() if speaker and word not in keys else word
            if token.i in taken or word not in keys or not (
                    token.tag_ == "NNP" or speaker
                    or (token.is_title and token.dep_ in ("nsubj", "nsubjpass"))
                    or (token.is_title and not token.is_sent_start and not token.ent_type_
                        and keys[word].type == "person")):
                continue  # a known name ("FALLIN:" in a transcript); "Fell denied" is a verb;
                # a surname capitalised inside a sentence is one, whatever its tag ("said
                # Skelly", an adverb to the tagger)
            cluster = keys[word]
            if cluster.type == "organisation" and (
                    token.ent_type_ not in ("", "ORG", "PERSON") or (
                    token.i + 1 < len(doc) and doc[token.i + 1].is_title
                    and doc[token.i + 1].tag_ == "NNP")):
                continue  # a word of another name: "United" of "United States"
            if _in_camp(token):
                continue  # "Team Crowley argues …": the camp, not the candidate
            name, _ = _clean(doc[token.i : token.i + 1])
            if cluster.type == "organisation" and len(cluster.name) == 1 and len(name) == 2 \
                    and name[0].i >= headline_end and name[0].lower_ not in lower \
                    and not _platform(cluster.name[0].text):
                cluster.type = "person"  # "Colorado’s Kendal Unruh": a given name before
                # a one-word "organisation" makes it a person NER mistook (not "Wilayat
                # Twitter", a nickname)
            elif cluster.type == "organisation":
                name = [token]
            elif len(name) > 1 and (name[0].i < headline_end or name[0].lower_ in lower
                                    or name[0].lower_.endswith("ing") or (
                                        name[0].is_sent_start and token.dep_ == "compound"
                                        and token.head.is_lower and token.head.tag_ == "NNS")) \
                    and name[0].lower_ not in given:
                name = [token]  # "Absent Bremner mocks …", "… Rebuking Bremner as …", "Top
                # Bremner aides said": no given name
            elif len(name) > 1 and len(cluster.name) > 1 and \
                    name[0].lower_ not in {t.lower_ for t in cluster.name}:
                cluster = _Cluster("person", name)  # "Olive Meehan" beside "Charlotte
                clusters.append(cluster)  # Meehan": another of the family, with her titles
                cluster.roles += _prenominal(name, [])
            cluster.mentions.append(doc[name[0].i : token.i + 1])
            if len(name) > len(cluster.name):
                cluster.name = name


def _fullest(roles: list[str]) -> tuple[str, ...]:
    """The roles less a bare title that another one spells out in full: "Judge" of a later
    "Judge Roe" beside "U.S. District Judge", "Col." beside "retired Lt. Col." (one title,
    given twice; "pollster" beside "a pollster with X" is a second description)."""
    words = [f" {r.casefold().rstrip('.')} " for r in roles]
    return tuple(r for r, w in zip(roles, words, strict=True)
                 if r.casefold() not in TITLE_WORDS or not any(w != o and w in o for o in words))


def _platform(word: str) -> bool:
    """Whether a word names a platform or medium ("Twitter"): no person's name or surname,
    whatever NER tagged it."""
    from .sources import PLATFORM_NOUNS  # sources imports this module
    return word.lower() in PLATFORM_NOUNS


def _capitalised(token: Token) -> bool:
    """Whether a word is written as a name: title case, or a capital first letter with
    more capitals inside ("WikiLeaks", "McCrory"), which is no title case."""
    return token.is_title or (token.is_alpha and token.text[:1].isupper() and not token.is_upper)


def _titled(role: str) -> bool:
    """Whether a role ends in a person's title or job ("the former Harbour Trust CEO"),
    which no organisation holds."""
    word = role.split()[-1]
    return word.lower() in TITLE_WORDS or _names_a_person(word)


def _gender(name: list[Token]) -> str | None:
    """ "m" or "f" from the honorific before a name ("Mr.", "Mrs.") or, lacking one, from
    a common given name ("Michelle"); None when neither tells."""
    from .sources import FEMALE_NAMES, MALE_NAMES  # sources imports this module
    first = name[0]
    before = first.doc[first.i - 1].lower_.rstrip(".") if first.i > 0 else ""
    given = len(name) > 1 and not (not first.whitespace_ and name[1].text in _HYPHENS)
    # ("Paul-Osei" is a double-barrelled surname, not a man called Paul)
    if before == "mr" or (before not in _HER and first.lower_ in MALE_NAMES and given):
        return "m"
    if before in _HER or (first.lower_ in FEMALE_NAMES and given):
        return "f"
    return None


_HYPHENS = frozenset(["-", "‐", "‑"])


_HER = frozenset(["mrs", "ms", "miss"])


def _may_be(mention: list[Token], name: list[Token]) -> bool:
    """Whether a mention's gender, where known, agrees with that of a person's name."""
    one, other = _gender(mention), _gender(name)
    return one is None or other is None or one == other


_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]*\b")
_LONG_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    """The character ranges of lines in title case ("Veto Power Impedes Peace Efforts"),
    headlines and subheadings, where NER takes capitalised words for names: every word of
    four letters or more is capitalised, and the line is short and not in upper case (a
    transcript's "JAKE TAPPER:")."""
    ranges: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        words = _LONG_WORD.findall(line)
        if len(words) >= 2 and len(line) <= HEADLINE_MAX and not line.isupper() and all(
                w[0].isupper() for w in words):
            ranges.append((start, start + len(line)))
        start += len(line) + 1
    return ranges


def _names_a_person(word: str) -> bool:
    """Whether a headline word before a name is a person noun ("Candidate", "Aide",
    "Owner"), not an epithet or a verb title case disguises ("Lonely", "Rips")."""
    from .sources import PERSON_NOUNS, PERSON_ROLE_NOUNS  # sources imports this module
    word = word.lower()
    return word in PERSON_ROLE_NOUNS or word in PERSON_NOUNS or word.endswith(
        ("er", "or", "ist", "man", "woman"))


def _inside(ranges: list[tuple[int, int]], char: int) -> bool:
    """Whether a character offset falls in one of a few ranges (subheadings: a short list)."""
    return any(a <= char < b for a, b in ranges)


def _given_names(name: list[Token], surname: Token) -> list[Token]:
    """A surname with the common given name before it in a headline's run ("Donna Ortega"
    of "Donna Ortega Attacks Her"): a fuller name for an actor the body names only by
    surname."""
    from .sources import FEMALE_NAMES, MALE_NAMES  # sources imports this module
    k = name.index(surname)
    if k > 0 and name[k - 1].lower_ in FEMALE_NAMES | MALE_NAMES:
        return name[k - 1 : k + 1]  # not "Derelict Obama"
    return [surname]


def _cut_to_initial(words: list[str]) -> bool:
    """Whether a name ends in a bare initial ("Alicia M"): a surname cut short, as in a
    tweet, which joins the one full name it begins."""
    return len(words) > 1 and re.fullmatch(r"[A-Z]\.?", words[-1]) is not None


def _norm(word: str) -> str:
    """A name's word with its apostrophes made plain: "O'Neill" and "O’Neill" are one name."""
    return word.replace("’", "'").replace("‘", "'")


def _surname_key(name: list[Token]) -> str:
    """A person's surname as clusters are matched on it ("O’Neill" is "O'Neill")."""
    return _norm(_surname(name).text)


def _surname(name: list[Token]) -> Token:
    """A person's surname: the last word of the name before a suffix ("Harris" of "Harry
    B. Harris Jr."; two men called "Jr." share no surname)."""
    words = [t for t in name if t.lower_.rstrip(".") not in _SUFFIXES]
    return words[-1] if words else name[-1]


def _words_text(tokens: list[Token]) -> str:
    doc = tokens[0].doc
    text = doc[tokens[0].i : tokens[-1].i + 1].text
    return text[1:] if _BULLET.match(text) else text


def actor_at(doc: Doc, token: Token) -> int | None:
    """Index of the actor one of whose mentions covers ``token``, if any."""
    tokens = doc._.sayso_actor_tokens or {}
    return tokens.get(token.i)


@Language.factory(
    "sayso_actors",
    assigns=["doc._.sayso_actors", "doc.spans"],
    requires=["doc.ents", "token.dep", "token.head", "doc._.sayso_attributions"],
)
def make_actors(nlp: Language, name: str) -> ActorsComponent:
    """spaCy factory; runs after ``sayso_attribution`` and needs ``ner``."""
    return ActorsComponent(nlp, name)
