"""The ``sayso_stance`` spaCy component: how each source stands towards its content.

Three things per attribution:

- **stance**: a class for the cue, from :data:`STANCE_LEXICON` (cue lemma -> class); "called
  the report false" and "described the allegations as defamatory" count as ``deny``;
- **hedges**: words that put distance between the writer and the claim ("alleged",
  "reportedly", "is said to", "regarded by many", "unconfirmed"), found in the source, cue
  and content spans by :data:`HEDGE_RE`;
- **denials**: a ``deny`` attribution is linked to the claim it rejects: the nearest earlier
  claim of a fitting class when it points back ("X denied the allegations"), found by the
  attribution model or not (then the sentence, as ``denied`` spans: "It was alleged …");
  the claim it restates ("dismissed reports that …", also ``denied``); a named owner's
  claim ("rejects Trump's remarks", earlier or later); the claim just made ("disputes
  this", also "'It's rubbish,' X said"); else the nearest accusation or claim about the
  denier or sharing its words, within eight sentences, or, for a denied clause, the worries
  raised however far back that share two of its words.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..contract import Actor, Attribution, Offsets
from . import AttributionLayer, cue_before_conjunct, cue_span
from .actors import actor_at

__all__ = ["HEDGE_RE", "STANCE_CLASSES", "STANCE_LEXICON", "StanceComponent", "cue_stance"]

STANCE_LEXICON: dict[str, tuple[str, ...]] = {
    "say": ("say", "tell", "add", "state", "note", "explain", "describe", "comment", "speak",
            "write", "reply", "respond", "remark", "observe", "announce", "declare", "recall",
            "continue", "testify", "post", "talk", "answer", "put", "tweet", "cite", "mention",
            "discuss", "address", "coin", "express", "trace", "reference", "recount",
            "emphasize", "emphasise", "stress", "reiterate", "point", "sing", "pitch", "quip",
            "shout", "gloat", "brag", "boast", "repeat", "remind", "highlight", "invoke",
            "lecture", "outline", "read", "joke", "email", "inform", "echo", "announcement",
            "refer", "proclaim", "retweet", "exclaim", "recite", "articulate",
            "attribute", "statement", "interject", "dub", "chant", "elaborate", "spout",
            "yell", "muse"),
    "claim": ("claim", "allege", "assert", "argue", "insist", "maintain", "contend", "charge",
              "allegation", "claims", "posit", "rumor", "rumour", "assertion", "insistence",
              "argument"),
    "accuse": ("accuse", "blame", "criticise", "criticize", "condemn", "attack", "fault",
               "accusation", "denounce", "criticism", "critique", "blast", "slam", "rip",
               "swipe", "bash", "lambaste", "decry", "deride", "mock", "ridicule", "scold",
               "complain", "complaint", "admonish", "hit", "bemoan", "rail", "knock", "taunt",
               "condemnation", "critical", "grouse", "assail", "caricature", "rebuke", "hurl",
               "disparage", "characterize", "characterise", "savage", "lament", "hammer",
               "castigate", "chide", "displeasure", "impugn", "scoff", "insult", "broadside",
               "rant", "protest", "chastise", "chastize", "heckle", "eviscerate", "tirade",
               "indictment", "unleash"),
    "deny": ("deny", "reject", "dismiss", "refute", "rebut", "dispute", "contradict", "denial",
             "plead", "debunk", "disagree"),
    "believe": ("believe", "think", "feel", "hope", "fear", "expect", "suspect", "doubt",
                "consider", "regard", "see", "understand", "worry", "trust", "assume", "view",
                "guess", "convince", "concern", "realize", "realise", "suspicion", "know",
                "confident", "skeptical", "sceptical", "thought", "recognize", "recognise",
                "foresee", "imagine", "interpret", "deem", "sentiment", "anxiety", "hopeful",
                "judge", "belief", "certain", "faith", "confidence", "assumption",
                "envision", "envisage"),
    "suggest": ("suggest", "indicate", "imply", "hint", "signal", "appear", "seem",
                "suggestion", "speculate", "predict", "estimate", "propose", "proposal",
                "recommend", "recommendation", "allude", "float", "foreshadow", "speculation",
                "surmise"),
    "confirm": ("confirm", "verify", "corroborate", "affirm", "reaffirm"),
    "report": ("report", "find", "show", "reveal", "conclude", "according", "publish",
               "record", "document", "account", "list", "learn", "project", "reportedly",
               "expose", "disclose", "uncover", "discover", "examine", "demonstrate",
               "chronicle", "illustrate", "conclusion", "quote", "calculate", "detail",
               "underscore", "depict"),
    "warn": ("warn", "caution", "alert", "threaten"),
    "promise": ("promise", "pledge", "vow", "guarantee", "assure", "commit", "intend",
                "assurance"),
    "ask": ("ask", "question", "urge", "demand", "request", "appeal", "call", "press",
            "wonder", "query", "invite", "encourage", "exhort", "plea", "petition",
            "order", "advise", "lobby", "advocate", "seek", "implore", "ponder", "instruct"),
    "admit": ("admit", "acknowledge", "concede", "confess", "accept", "agree", "admission",
              "regret"),
    "refuse": ("decline", "refuse", "rebuff", "spurn"),
    "praise": ("praise", "welcome", "applaud", "hail", "thank", "commend", "endorse",
               "endorsement", "extol", "tout", "laud", "compliment", "champion", "cheer",
               "celebrate", "credit", "cheerleading", "tribute", "vouch", "promote",
               "congratulate"),
}
"""Cue lemma -> stance class; a cue not listed is ``other``. Documented in docs/sources.md."""

STANCE_CLASSES = (*STANCE_LEXICON, "other")
_CLASS_OF = {lemma: cls for cls, lemmas in STANCE_LEXICON.items() for lemma in lemmas}
_FALSE_WORDS = re.compile(
    r"\b(false|untrue|wrong|baseless|groundless|defamatory|nonsense|lies?|fabricat\w*|"
    r"unfounded|inaccurate|ridiculous|absurd)\b", re.IGNORECASE)
_NEGATED_PLEA = re.compile(r"\bnot guilty\b", re.IGNORECASE)
_MEDIUM_VERBS = frozenset(["publish", "issue", "release", "write", "post", "send", "put",
                           "repeat", "conclude", "seem", "appear", "express", "statement"])
"""Verbs that carry a speech act named after them in the cue ("issued a statement denying
…", "wrote a letter rejecting …", "repeated his claim", "seemed to confirm", "expressed
doubts"): the later verb or noun gives the class; so does a statement's ("a statement
condemning …")."""
_PROMOTED_CLAIM = re.compile(
    r"\b(theor(?:y|ies)|thes[ie]s|conspirac(?:y|ies)|claims?|lies|myths?|rumou?rs?|hoax\w*|"
    r"stor(?:y|ies)|falsehoods?)\b", re.IGNORECASE)
"""What is promoted as a claim, not praised ("promoting a debunked thesis")."""
_PEJORATIVE = re.compile(
    r"\b(careless|reckless|liars?|amoral|bull(?:y|ies)|deplorables?|rapists?|criminals|"
    r"disgrace\w*|worse|worst|extreme|liability|unacceptable|nasty|unstable|"
    r"sick|crap|crazy|charlatans?|dangerous|delusional|blowhards?|violation|rigged|panic|"
    r"offen[cs]e|unhinged|losers?|pigs?|derogatory|corrupt|incompetent|disast\w*|"
    r"shameful|disgusting|outrageous|irresponsible|stupid|dumb|idiots?|racists?|bigot\w*|"
    r"hypocri\w+|dishonest|crooked|fraud|terrible|horrible|awful|pathetic|phony|traitors?|"
    r"unfit|troubling|weak|failure|moron\w*|clowns?|insult\w*|mistakes?|divisive|attack|"
    r"ignorant|disqualif\w*|robotic|scripted|foes?|amok|lapse|risk|welfare|petulant|dopey|"
    r"cartel)\b",
    re.IGNORECASE)
"""Words that make "called X …" or "described X as …" an accusation ("called him a liar")."""
_LAUDATORY = re.compile(
    r"\b(champions?|hero(?:es|ic)?|genius|master|star|great|wonderful|brilliant|excellent|"
    r"outstanding|remarkable|extraordinary|inspir\w+|courag\w+|brave|terrific|fantastic|"
    r"tremendous|amazing|visionary|huge win|good news|pragmatic|effective|pioneer)\b",
    re.IGNORECASE)
"""Words that make "called X …" or "described X as …" praise ("called her a rising star")."""
_CALLED_UNTRUE = re.compile(
    r"^\W*(?:that\s+)?(?:[\w’'.-]+\s+){0,3}(?:claims?|allegations?|charges?|accusations?|"
    r"suggestions?|assertions?|reports?|stor(?:y|ies)|rumou?rs?)\b[^.]{0,200}?"
    r"\b(?:is|are|was|were)\s+[\"“'‘]?(?:\w+\s+)?"
    r"(?:not\s+true|untrue|false|baseless|groundless|nonsense|inaccurate|a\s+lie|lies)\b",
    re.IGNORECASE)
"""A plain "said" whose words open with a claim they call untrue ("said that X's claim that
S is completely untrue"): a denial."""
_QUOTED_DENIAL = re.compile(
    r"^\W*(?:(?:it|that|this)(?:['’]s|\s+is|\s+was)\s+(?:(?:just|simply|all|complete|"
    r"completely|total|totally|utter|utterly|absolute|absolutely)\s+)?(?:nonsense|not\s+true|"
    r"untrue|false|a\s+lie|lies|garbage|rubbish|baloney|ridiculous|absurd)|"
    r"i\s+(?:\w+ly\s+)?disagree)\b", re.IGNORECASE)
"""A plain "said" whose quote opens by calling what came before untrue ("'It's rubbish,'
Hale said", "'I strongly disagree,' she said"): a denial of the claim just made."""
_GIFTS = frozenset(["nomination", "award", "prize", "medal", "honor", "honour", "invitation",
                    "offer", "donation", "gift", "contribution", "money", "job", "post",
                    "position", "refugee"])
"""What is accepted as it is given, not admitted as true ("accepted the nomination")."""
_WARMTH = frozenset(["support", "gratitude", "admiration", "appreciation", "sympathy",
                     "thanks", "praise"])
"""What "expressed" or "voiced" gives that makes it praise ("expressed support for X")."""
_DOUBTING = frozenset(["challenge", "contest"])
"""Verbs that deny a claim when their object is a claim noun ("challenged the assertion that
…", "contested the claim"), while "challenged him to a debate" does not."""
_DESCRIBING = frozenset(["call", "describe", "label", "brand", "refer", "characterize",
                         "characterise", "paint", "portray"])
"""Verbs that put a word on someone ("referred to them as rapists", "painted him as unfit"):
the word gives the class."""
_NEGATABLE = frozenset(["say", "promise", "praise"])
"""Classes of a speech act that a negation undoes: "did not promise" promises nothing, while
"did not think", "didn't suggest" and "has never accused" keep their class, as the gold
reads them."""
_TOLD_TO = re.compile(r"\W*(?:not\s+|never\s+)?to\s+\w", re.IGNORECASE)
"""The words of a "told" that are an order, not a statement ("to leave", "never to …")."""
_PHRASAL = {("push", "back"): "deny", ("beat", "back"): "deny", ("laugh", "off"): "deny",
            ("shrug", "off"): "deny", ("brush", "off"): "deny", ("brush", "aside"): "deny",
            ("make", "clear"): "say", ("go", "after"): "accuse", ("count", "on"): "believe",
            ("push", "for"): "ask", ("double", "down"): "claim", ("weigh", "in"): "say",
            ("lay", "out"): "say"}
"""Cues whose class lies in a verb and its particle or complement ("pushed back on the
claims", "laughed off the warning", "made clear that …"; also past an "it": "made it clear",
"laughed it off")."""

_CHARGES = ("accuse", "claim")
_VIEWS = ("accuse", "claim", "suggest", "report", "believe", "say", "ask")
"""Claims a denial may answer; a pointed question ("questioned why …") is one."""
REFERRING_HEADS: dict[str, tuple[str, ...]] = {
    "allegation": _CHARGES, "accusation": _CHARGES, "charge": _CHARGES, "claim": _CHARGES,
    "wrongdoing": _CHARGES, "suggestion": _VIEWS, "criticism": _VIEWS, "report": _VIEWS,
    "idea": _VIEWS, "view": _VIEWS, "assertion": _VIEWS, "story": _VIEWS, "rumour": _VIEWS,
    "remark": _VIEWS, "comment": _VIEWS, "argument": _CHARGES, "contention": _CHARGES,
    "notion": _VIEWS, "theory": _VIEWS, "critique": _VIEWS,
}
"""A denial whose content is one of these nouns refers back to the latest attribution of
the listed stance classes, whoever it was about ("X denied the allegations")."""
CLAIM_NOUNS = frozenset([*REFERRING_HEADS, "rumor", "notion", "speculation", "argument",
                         "concern", "complaint", "objection", "suspicion",
                         "contention", "theory", "insinuation", "impression"])
"""Nouns that restate a claim when a "that" clause follows ("reports that he resigned")."""
REQUEST_NOUNS = frozenset(["request", "motion", "petition", "appeal", "application", "plea",
                           "demand", "call"])
"""What a denial may reject that is no claim but a request someone made ("rejected a media
request to unseal the file", "denied the motion"): it answers that ``ask`` attribution."""
OFFER_NOUNS = frozenset(["offer", "push", "proposal", "invitation", "overture", "bid",
                         "question"])
"""What a "rejected" or "dismissed" turns down without denying a claim: ``refuse``."""
_FILING_VERBS = frozenset(["file", "submit", "lodge", "bring"])
"""Verbs that make a request in a document: "filed a motion to unseal" is an ``ask``."""
_CHARGE_EVENT = re.compile(
    r"\b(?:alleg(?:ed|es|ing|ation|ations)|accus(?:ed|es|ing|ation|ations)|charged\s+with|"
    r"claim(?:ed|s)?)\b", re.IGNORECASE)
_VIEW_EVENT = re.compile(
    r"\b(?:alleg(?:ed|es|ation|ations)|accus(?:ed|es|ation|ations)|claim(?:ed|s)?|"
    r"suggest(?:ed|s|ion)|reported(?:ly)?|rumou?r(?:ed|s)?|critici[sz](?:ed|es|m)|"
    r"(?:is|are|was|were)\s+(?:widely\s+)?(?:said|believed|thought|understood|seen))\b",
    re.IGNORECASE)
"""Words of a claim the attribution model may have missed ("It is widely believed that …",
"prosecutors alleged"); the sentence is then the denied claim."""

HEDGE_RE = re.compile(
    r"\b(?:alleged(?:ly)?|reportedly|purportedly|supposedly|apparently|ostensibly|"
    r"unconfirmed|unverified|rumou?red|so-called|"
    r"(?:is|are|was|were|be|been)\s+(?:widely\s+)?(?:said|reported|believed|thought|"
    r"understood|rumou?red|alleged|claimed|expected|feared|seen|regarded|considered)\s+"
    r"(?:to|as)\b|"
    r"(?:regarded|seen|considered|viewed)\s+by\s+(?:many|some|most|others)\b|"
    r"widely\s+(?:believed|regarded|seen|thought|considered|reported)|"
    r"[Ii]t\s+is\s+(?:said|understood|believed|thought|claimed|alleged|rumou?red)\b)",
)
"""Hedging expressions; each match becomes one hedge of the attribution it falls in."""


def cue_stance(doc: Doc, a: Attribution, text: str | None = None) -> str:
    """The stance class of an attribution's cue (``other`` when the lexicon lacks it)."""
    cue = cue_span(doc, a)
    if cue is None:
        return "other"
    words = [t for t in cue if t.pos_ in ("VERB", "NOUN")] or list(cue)
    if all(t.is_punct for t in cue):
        return "say"  # "Sanders: Clinton needs to …", a transcript's "FALLIN:"
    phrasal = next((_PHRASAL[t.lemma_.lower(), _particle(t)] for t in cue[:-1]
                    if (t.lemma_.lower(), _particle(t)) in _PHRASAL), None)
    if phrasal:
        return phrasal
    known = [t for t in words if _lemma(t) in _CLASS_OF] or [  # "was quick to add"
        t for t in cue if t.pos_ == "ADJ" and _lemma(t) in _CLASS_OF]  # "remain confident"
    if len(known) > 1 and _lemma(known[0]) in _MEDIUM_VERBS:
        known = known[1:]  # "published a letter disputing …": the letter is how, not what
    verb = (known or words)[0]
    lemma = _lemma(verb)
    if _known_as(verb):
        return "other"  # "also known as", "is not known for": no belief
    if any(t.lower_ == "according" for t in cue[:2]):
        return "report"  # also "’s according to": the stop of "that’s" in the cue
    text = doc.text if text is None else text
    content = " ".join(text[s:e] for s, e in a.content)
    if lemma == "tell" and _TOLD_TO.match(content):
        return "ask"  # "told them to leave", "told her never to speak of it": an order
    if lemma == "seek" and verb.i + 1 < len(doc) and doc[verb.i + 1].lower_ == "to":
        return "other"  # "sought to limit …" is an aim; "sought Republican suggestions" asks
    if lemma == "allegation" and any(t.lower_ == "against" for t in cue):
        return "accuse"  # "made the same allegations against the union": aimed at someone
    if lemma == "charge" and not content.lower().startswith("that"):
        return "accuse"  # "charged him with murder"; "charged that …" is a claim
    calls_on = any(t.lower_ in ("on", "for") and t.i > verb.i for t in cue)  # not "went on
    # to call him a liar"
    if lemma in _DESCRIBING and not calls_on:
        if _FALSE_WORDS.search(content):
            return "deny"
        if _PEJORATIVE.search(content):
            return "accuse"  # "called him a liar"
        if _LAUDATORY.search(content):
            return "praise"
    if lemma == "plead":
        return _plea(verb, content)
    if lemma in _FILING_VERBS and _first_noun(doc, (*a.cue[1:], *a.content[:1])) in REQUEST_NOUNS:
        return "ask"  # "filed a motion to unseal the records"
    if lemma == "call" and not calls_on:
        return "say"  # "called the recall a stunt"; "called on" and "called for" ask
    stance = _CLASS_OF.get(lemma, "say" if lemma in ("say", "tell") else "other")
    if stance in _NEGATABLE and lemma != "say" and (
            any(c.dep_ == "neg" and c.i < verb.i for c in verb.children)
            or (verb.dep_ == "xcomp" and verb.head.lemma_ == "fail")):
        return "other"  # "did not mention", "failed to mention", "did not promise": no
        # speech act ("has not said" is read as one; "did not think" is still a belief)
    if lemma in _DOUBTING and {"dobj", "prep"} <= {
            c.dep_ for c in verb.children if c.tag_ == "PRP" or c.lower_ in ("over", "on")}:
        return "accuse"  # "challenging him over his comments": at him, not his claim
    if lemma in _DOUBTING and verb.pos_ == "VERB" and \
            _first_noun(doc, a.content[:1]) in CLAIM_NOUNS:
        return "deny"  # "challenged the assertion that …"
    if lemma == "buy" and any(c.dep_ == "neg" for c in verb.children) and any(
            c.dep_ == "dobj" and c.lemma_.lower() in CLAIM_NOUNS for c in verb.children):
        return "deny"  # "did not buy her argument"
    if stance == "deny" and _first_noun(doc, (*a.cue[1:], *a.content[:1])) in OFFER_NOUNS:
        return "refuse"  # "rejected a push by the minister", "dismissed questions"
    if stance == "say" and any(t.lower_ == "against" and t.i > verb.i for t in cue):
        return "accuse"  # "spoke out against the law", "testified against him"
    if lemma == "find" and _judged(verb):
        return "believe"  # "finds his message chilling": a judgement, not a finding
    if lemma == "accept" and any(c.dep_ == "dobj" and c.lemma_.lower() in _GIFTS
                                 for c in verb.children):
        return "other"  # "accepted the party's nomination": no admission
    if lemma in ("express", "voice") and any(c.dep_ == "dobj" and c.lemma_.lower() in _WARMTH
                                             for c in verb.children):
        return "praise"  # "expressed their support for X", "voiced gratitude"
    if lemma == "disagree" and not any(t.lower_ == "with" for t in cue):
        return "other"  # "disagree with him" denies; "officials disagree on what …" differ
    if lemma == "promote" and _PROMOTED_CLAIM.search(content[:120]):
        return "claim"  # "promoting a debunked theory"; "promoting her plans" praises
    return "deny" if stance in ("say", "report") and (
        _CALLED_UNTRUE.search(content) or _QUOTED_DENIAL.search(content)) else stance


def _judged(verb: Token) -> bool:
    """Whether a verb takes an object and an adjective said of it ("finds the plan
    appealing", "found the gesture wholly appropriate"; not "found it difficult to …")."""
    adj = next((c for c in verb.rights if c.pos_ == "ADJ"
                and c.dep_ in ("oprd", "ccomp", "xcomp", "acomp")), None)
    said_of = [c for c in (*verb.children, *(adj.children if adj is not None else ()))
               if c.dep_ in ("dobj", "nsubj") and c.i > verb.i]  # the parser's small clause
    return adj is not None and bool(said_of) and all(c.lower_ != "it" for c in said_of)


def _particle(verb: Token) -> str:
    """The word after a verb, past an object "it" ("made it clear", "laughed it off")."""
    after = verb.nbor()
    if after.lower_ == "it" and after.i + 1 < len(verb.doc):
        after = after.nbor()
    return after.lower_


def _plea(verb: Token, content: str) -> str:
    """A plea's class: "pleaded not guilty" denies, "pleaded guilty" or "pleaded to a
    charge" admits, "pleaded with them" or "pleaded for mercy" asks."""
    if _NEGATED_PLEA.search(content):
        return "deny"
    after = verb.doc[verb.i + 1 : verb.i + 3]
    if any(t.lower_ in ("with", "for") for t in after[:1]):
        return "ask"
    if any(t.lower_ in ("guilty", "to", "no") for t in after) or \
            content.lower().startswith(("guilty", "to ")):
        return "admit"
    return "deny"


def _lemma(token: Token) -> str:
    """The lexicon's lemma of a cue word, repairing the lemmatizer where it strips too much
    ("hopes" -> "hop", "lambasted" -> "lambast"): the word less its ending, with or without
    an "e", when that is a lemma the lexicon knows."""
    lemma = token.lemma_.lower()
    if lemma in _CLASS_OF:
        return lemma
    word = token.lower_
    if word.endswith("ied") and word[:-3] + "y" in _CLASS_OF:
        return word[:-3] + "y"  # "worried", an adjective to the tagger
    for ending in ("ing", "ed", "es", "s", "d"):
        stem = word[: -len(ending)]
        if word.endswith(ending) and (stem in _CLASS_OF or stem + "e" in _CLASS_OF):
            return stem if stem in _CLASS_OF else stem + "e"
    return lemma


def _known_as(token: Token) -> bool:
    """ "Know" that is no belief: "known as", "knows how to", "is not known for"."""
    if token.lemma_.lower() != "know":
        return False
    after = token.doc[token.i + 1 : token.i + 3].text.lower()
    return token.tag_ == "VBN" or after.startswith(("as", "for", "how to"))


def find_hedges(text: str, a: Attribution) -> tuple[tuple[tuple[int, int], ...], ...]:
    """Hedges inside the attribution's source, cue and content spans, as one-span roles."""
    found: set[tuple[int, int]] = set()
    for s, e in (*a.source, *a.cue, *a.content):
        for m in HEDGE_RE.finditer(text, s, e):
            found.add((m.start(), m.end()))
    # a passive cue ("is said") spills past its span: "It is said", "is said to"
    for s, e in a.cue:
        for m in HEDGE_RE.finditer(text, max(0, s - 3), min(len(text), e + 4)):
            if m.start() <= s < m.end() or s <= m.start() < e:
                found.add((m.start(), m.end()))
    return tuple(((s, e),) for s, e in sorted(found))


class StanceComponent(AttributionLayer):
    """Stance class, hedges and denial links; word lists only, so it costs next to nothing."""

    def enrich(
        self, doc: Doc, text: str, atts: list[Attribution], actors: list[Actor]
    ) -> tuple[list[Attribution], list[Span | None]]:
        """Cue stance and hedges of each attribution; what each denial denies."""
        out = [replace(a, stance=cue_stance(doc, a, text), hedges=find_hedges(text, a))
               for a in atts]
        links = {i: self._denies(doc, text, out, i, actors)
                 for i, a in enumerate(out) if a.stance == "deny"}
        out = [replace(a, denies=links[i][0], denied=links[i][1]) if i in links else a
               for i, a in enumerate(out)]
        extra: list[Span | None] = [
            doc.char_span(s, e, label="HEDGE", alignment_mode="expand")
            for a in out for h in a.hedges for s, e in h
        ]
        return out, extra

    @staticmethod
    def _denies(doc: Doc, text: str, atts: list[Attribution], i: int,
                actors: list[Actor]) -> tuple[tuple[int, ...], Offsets]:
        """What attribution ``i`` denies: earlier (or, failing those, later) attributions, and
        the words of a denied claim no attribution holds, as char spans."""
        d = atts[i]
        here = _start(d)
        restated = _restated_claim(doc, d, [a.cue[0][0] for a in atts if a.cue])
        noun = _referring_noun(doc, d)
        head = "" if noun is None else noun.lemma_.lower()
        who = _deniers(d, actors)
        sents = [s.start_char for s in doc.sents]
        here_sent = bisect_right(sents, here)
        own = _own_words(doc, atts, i)
        if _content_head(doc, d) in REQUEST_NOUNS and (
                noun is None or noun.lemma_.lower() in REQUEST_NOUNS):
            asked = _requested(doc, atts, i, who, own, sents, here_sent)
            return ((asked,) if asked is not None else ()), ()
        charge = _charge_denied_in_passing(doc, d)
        if charge is not None:  # "X complained that S, a charge that Y denied"
            sent = charge.sent
            earlier = [j for j, p in enumerate(atts) if j != i and p.stance in _VIEWS
                       and sent.start_char <= _start(p) < charge.idx
                       and (p.actor is None or p.actor not in who)]
            if earlier:
                return (max(earlier, key=lambda j: _start(atts[j])),), ()
        if noun is not None and head in REFERRING_HEADS:  # "denied the allegations"
            named = _named_after(doc, atts, i, head, sents, here_sent)
            if named is not None:  # "denied the report. The report, published by …, said"
                return (named,), restated
            personal = any(c.dep_ == "poss" for c in noun.children)  # "his claim": a person's
            both = any(c.lower_ == "both" for c in noun.children)  # "both critiques": two
            plural = noun.tag_ == "NNS" and not personal and (
                both or REFERRING_HEADS[head] == _CHARGES)
            ids, event = _referred(doc, text, atts, i, head, who, personal, actors, own, sents)
            if plural and len(ids) == 1:
                ids = _run_of_claims(atts, ids[0], who, own, sents, here)
                if both:  # the nearest two
                    ids = tuple(sorted(sorted(ids, key=lambda j: _start(atts[j]))[-2:]))
            stated = _content_words(doc, restated)
            if stated and not stated & _content_words(doc, (*event, *(
                    o for j in ids for o in atts[j].content))) and not any(
                    here_sent - bisect_right(sents, _start(atts[j])) <= 1 for j in ids):
                return (), restated  # "disputes the idea that S": S, not a remark long before
            return ids, tuple(sorted({*restated, *event}))
        said = _said_by_document(doc, atts, i, who, own, sents, here_sent)
        if said:  # "laughed off the new campaign ad": what "the ad" said, just before
            return said, ()
        denied = _content_words(doc, d.content)
        owned = _owned_claim(doc, d)
        if owned is not None:  # "rejects Trump's remarks", "dismissed Sanders' accusations"
            owner, people, classes = owned
            # the claim as the denial states it ("criticism from X that S"): a later remark
            # of the owner's must share a word with it
            stated = _content_words(doc, restated) or (denied if _has_clause(doc, d) else set())
            near: list[tuple[int, int, int, int]] = []  # (owner's, earlier, -distance, index)
            for j, p in enumerate(atts):
                if j == i or (p.actor is not None and p.actor in who):
                    continue
                distance = abs(here_sent - bisect_right(sents, _start(p)))
                earlier = _start(p) < here
                if owner is not None and p.actor == owner and p.stance in _VIEWS:
                    theirs = True  # any view of the named owner: "Clinton's claim" was a "said"
                elif people is not None and p.stance in (*_VIEWS, "warn"):
                    # "American criticism", "Saudi concerns": a source of that nationality
                    theirs = any(people.search(text, s, e) for s, e in p.source)
                else:
                    theirs = False
                restates = theirs and bool(stated & _content_words(doc, p.content))
                if distance > (20 if earlier and restates else 8):
                    continue  # the owner's own words of the claim restated reach further back
                if not earlier and stated and theirs and not restates:
                    continue  # "rejected X's criticism that S": a later remark not about S
                if theirs or (p.stance in classes
                              and len(denied & _content_words(doc, p.content)) >= 2):
                    near.append((int(theirs), int(earlier), -distance, j))
            if near:
                return (max(near)[3],), restated
        if restated:  # "dismissed reports that he had threatened to resign"
            return (), restated
        if _points_back(doc, text, d):  # "Israel disputes this": the claim just made
            first = min(here, *(s for s, _ in d.content))  # "'It's rubbish,' X said"
            first_sent = bisect_right(sents, first)
            earlier = [j for j, p in enumerate(atts) if j != i and p.stance in _VIEWS
                       and _start(p) < first and first_sent - bisect_right(sents, _start(p)) <= 1
                       and (p.actor is None or p.actor not in who)
                       and not (p.actor is None and p.source_type == "named_person")]
            # (a person described but not named may be the denier, named only now: "The
            # army's former adviser argued S. 'I disagree,' said Gen. Ode")
            return ((max(earlier, key=lambda j: _start(atts[j])),) if earlier else ()), ()
        if _denies_a_thing(doc, d):
            return (), ()  # "dismissed Walker as an ineffective leader", "rejected the bill"
        best: tuple[int, int, int, int] | None = None  # (earlier, accusation, -distance, index)
        for j, p in enumerate(atts):
            start = _start(p)
            if j == i or j in own or p.stance not in _VIEWS or (
                    p.actor is not None and p.actor in who) \
                    or any(s <= here < e for s, e in p.content):  # it reports the denial
                continue
            distance = abs(here_sent - bisect_right(sents, start))
            earlier = start < here
            if distance > 8 or (not earlier and p.stance not in _CHARGES):
                continue
            about = _is_about(doc, text, p, who, actors)
            shared = len(denied & _content_words(doc, p.content))
            if not (shared >= 2 or (about and (shared or p.stance in _CHARGES))) or (
                    not earlier and not (about and shared)):
                continue  # a mere mention of the denier, or a later accusation of another deed
            key = (int(earlier), int(p.stance in _CHARGES), -distance, j)
            if best is None or key > best:
                best = key
        if best is None:  # "denied any role in the attacks. Still, suspicions persist that …"
            later = _stated_after(doc, atts, i, who, denied, sents, here_sent)
            if later is not None:
                return (later,), ()
            return _raised_before(doc, atts, i, who, own, denied), ()
        return (best[3],), ()


_SPEAKING_DOCUMENTS = frozenset(["ad", "advert", "advertisement", "commercial", "letter",
                                 "memo", "video", "tweet", "editorial", "column", "op-ed",
                                 "lawsuit", "suit", "book", "film", "documentary", "speech"])
"""Documents that make claims of their own ("The ad claims …") and that a denial may name
("laughed off the new campaign ad")."""


def _said_by_document(doc: Doc, atts: list[Attribution], i: int, who: set[int], own: set[int],
                      sents: list[int], here_sent: int) -> tuple[int, ...]:
    """The claims a denial rejects by naming the document that made them ("dismissed the
    letter", "laughed off the campaign ad", "rebut the points in Hale's letter"): every
    earlier view, within eight sentences, whose source is that kind of document (also
    through a relative pronoun: "an ad that attacks …")."""
    d = atts[i]
    span = doc.char_span(d.content[0][0], d.content[0][1], alignment_mode="expand") \
        if d.content else None
    noun = next((t for t in span or () if t.pos_ == "NOUN" and t.dep_ != "compound"
                 and t.lemma_.lower() in _SPEAKING_DOCUMENTS and any(
                     c.lower_ in ("the", "that", "this", "those", "these") or c.dep_ == "poss"
                     for c in t.children)), None)  # also "the points in X's letter"
    if noun is None:
        return ()
    here = _start(d)
    found = []
    for j, p in enumerate(atts):
        if j == i or j in own or p.stance not in _VIEWS or _start(p) >= here or (
                p.actor is not None and p.actor in who) or \
                here_sent - bisect_right(sents, _start(p)) > 8 or not p.source:
            continue
        source = doc.char_span(p.source[0][0], p.source[0][1], alignment_mode="expand")
        root = None if source is None else source.root
        if root is not None and root.lower_ in ("that", "which") and root.head.dep_ == "relcl":
            root = root.head.head  # "an ad that attacks the mayor": the ad
        if root is not None and root.lemma_.lower() == noun.lemma_.lower():
            found.append(j)
    return tuple(found)


def _charge_denied_in_passing(doc: Doc, d: Attribution) -> Token | None:
    """The claim noun a denial's relative clause hangs on, when the claim it names was just
    made in the same sentence: "X complained that S, a charge that Y denied"."""
    cue = cue_span(doc, d)
    if cue is None:
        return None
    root = cue.root
    noun = root.head
    if root.dep_ == "relcl" and noun.pos_ == "NOUN" and noun.lemma_.lower() in CLAIM_NOUNS \
            and noun.i < root.i:
        return noun
    return None


def _source_head(doc: Doc, a: Attribution) -> str:
    """The lemma of the root of an attribution's source ("report" for "The report, …")."""
    if not a.source:
        return ""
    span = doc.char_span(a.source[0][0], a.source[0][1], alignment_mode="expand")
    return "" if span is None else span.root.lemma_.lower()


def _named_after(doc: Doc, atts: list[Attribution], i: int, head: str, sents: list[int],
                 here_sent: int) -> int | None:
    """A claim the denial names and the text then gives, in the next two sentences, under
    that name as its source ("denied the report. The report, published by …, said that …"),
    when no earlier attribution has that name (then "the report" points back)."""
    here = _start(atts[i])
    for j, p in enumerate(atts):
        if j != i and _start(p) < here and (_source_head(doc, p) == head or any(
                doc.char_span(s, e, alignment_mode="expand") is not None
                and head in {t.lemma_.lower() for t in doc.char_span(
                    s, e, alignment_mode="expand")} for s, e in p.cue)):
            return None
    later = [j for j, p in enumerate(atts) if j != i and _start(p) > here
             and 0 < bisect_right(sents, _start(p)) - here_sent <= 2
             and _source_head(doc, p) == head]
    return min(later, key=lambda j: _start(atts[j])) if later else None


def _stated_after(doc: Doc, atts: list[Attribution], i: int, who: set[int], denied: set[str],
                  sents: list[int], here_sent: int) -> int | None:
    """The claim a denial answers when the text states it only afterwards: the first later
    belief, suggestion, claim or accusation (not a plain "said", nor a report, which is
    evidence more often than the claim) within the next three sentences, by someone else,
    that shares a content word with the denial ("… denied any role in the attacks. Still,
    suspicions persist that … the attacks")."""
    here = _start(atts[i])
    for j, p in sorted(enumerate(atts), key=lambda jp: _start(jp[1])):
        start = _start(p)
        if j == i or start <= here or p.stance not in (*_CHARGES, "believe", "suggest"):
            continue
        if bisect_right(sents, start) - here_sent > 3:
            break
        if (p.actor is None or p.actor not in who) and denied & _content_words(doc, p.content):
            return j
    return None


def _raised_before(doc: Doc, atts: list[Attribution], i: int, who: set[int], own: set[int],
                   denied: set[str]) -> tuple[int, ...]:
    """The worries a denial in a clause puts to rest when nothing near it is the claim ("He
    denied that the ransom would invite more kidnappings"): every earlier claim, accusation,
    belief or suggestion by someone else, however far back (the worry is often raised at
    the top of the story), that shares two content words with it."""
    span = doc.char_span(*atts[i].content[0], alignment_mode="expand") if atts[i].content \
        else None
    if span is None or span.root.pos_ not in ("VERB", "AUX"):
        return ()
    here = _start(atts[i])
    return tuple(j for j, p in enumerate(atts)
                 if j != i and j not in own and _start(p) < here
                 and p.stance in (*_CHARGES, "believe", "suggest")
                 and (p.actor is None or p.actor not in who)
                 and len(denied & _content_words(doc, p.content)) >= 2)


def _deniers(d: Attribution, actors: list[Actor]) -> set[int]:
    """The denier's actor, any actor its source names, and organisations its roles name
    ("Corvane's managing director" speaks for Corvane Properties)."""
    who: set[int] = set()
    if d.actor is not None:
        who.add(d.actor)
    for k, actor in enumerate(actors):
        if any(s < e2 and s2 < e for s, e in actor.mentions for s2, e2 in d.source):
            who.add(k)
    roles = " ".join(r for k in who for r in actors[k].roles).casefold()
    for k, actor in enumerate(actors):
        if actor.type == "organisation" and roles and re.search(
                rf"\b{re.escape(actor.name.split()[0].casefold())}\b", roles):
            who.add(k)
    return who


def _is_about(doc: Doc, text: str, p: Attribution, who: set[int], actors: list[Actor]) -> bool:
    """Whether attribution ``p`` is about one of the deniers: one of them is named in its
    content (or, for an accusation, anywhere in its sentence: "X has been accused by Y of
    …"), by name, surname or a title of theirs ("the minister")."""
    if not who:
        return False
    where: list[tuple[int, int]] = list(p.content)
    if p.stance == "accuse" and (p.cue or p.source):
        anchor = doc.char_span(*(p.cue or p.source)[0], alignment_mode="expand")
        if anchor is not None:
            sent = anchor.sent
            where.append((sent.start_char, sent.end_char))
    words = {actors[k].name.split()[-1] for k in who}
    titles = {r.split()[-1].casefold() for k in who for r in actors[k].roles if r.split()}
    pattern = "|".join([*(re.escape(w) for w in words),
                        *(rf"the\s+(?:[\w-]+\s+)?{re.escape(t)}" for t in titles)])
    if any(s < we and ws < e for k in who for s, e in actors[k].mentions for ws, we in where
           if not any(ss <= s < se for ss, se in p.source)):
        return True
    return bool(pattern) and any(
        re.search(rf"\b(?:{pattern})\b", text[ws:we], re.IGNORECASE) for ws, we in where)


def _denies_a_thing(doc: Doc, d: Attribution) -> bool:
    """Whether a denial rejects a thing, not a claim: a person or body ("dismissed Walker
    as weak"), a bill or a proposal. A claim is a clause ("denied that …", "denied blocking
    the convoy"), a claim noun, or "any/all X" ("denied any involvement")."""
    if not d.content:
        return True
    span = doc.char_span(d.content[0][0], d.content[0][1], alignment_mode="expand")
    if span is None:
        return True
    root = span.root
    if root.pos_ in ("VERB", "AUX", "PRON") or root.lemma_.lower() in CLAIM_NOUNS:
        return False  # a clause, a claim, or "calling it untrue"
    return not any(c.lower_ in ("any", "all", "no") for c in root.children)


def _content_words(doc: Doc, spans: Offsets) -> set[str]:
    """The lemmas of the nouns, verbs and adjectives in some spans: what a claim is about."""
    out: set[str] = set()
    for s, e in spans:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None:
            out |= {t.lemma_.lower() for t in span if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ")
                    and not t.is_stop and len(t) > 2}
    return out


def _owned_claim(
    doc: Doc, d: Attribution
) -> tuple[int | None, re.Pattern[str] | None, tuple[str, ...]] | None:
    """Whose claim a denial names, and the stance classes a claim by someone else that shares
    its words may have: "Trump's remarks" and "criticism from Donald Trump" are Trump's;
    "American criticism" and "Saudi concerns" belong to a source of that nationality (the
    second item, a pattern for the source's words). None when the claim noun has no owner."""
    for s, e in (*d.cue, *d.content[:1]):
        span = doc.char_span(s, e, alignment_mode="expand")
        for noun in [] if span is None else span:
            head = noun.lemma_.lower()
            if noun.pos_ != "NOUN" or head not in CLAIM_NOUNS:
                continue
            classes = REFERRING_HEADS.get(head, _VIEWS)
            after = [c for c in noun.head.children if c.i == noun.i + 1]  # a misattached "by"
            for c in [*noun.children, *after]:
                owner = actor_at(doc, c) if c.dep_ == "poss" and c.pos_ == "PROPN" else None
                if c.dep_ == "prep" and c.lower_ in ("by", "from"):  # "accusations by Exxon"
                    owner = next((actor_at(doc, o) for o in c.children if o.dep_ == "pobj"
                                  and o.pos_ == "PROPN"), None)
                if owner is not None:
                    return owner, None, classes
            for c in noun.children:
                if c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP" and c.i < noun.i:
                    stem = re.escape(c.text.rstrip("s"))
                    return None, re.compile(rf"\b{stem}", re.IGNORECASE), classes
    return None


def _has_clause(doc: Doc, d: Attribution) -> bool:
    """Whether a denial's content states a claim in a clause of its own ("criticism that the
    city is less safe"), not only names it ("Sanders' accusations")."""
    for s, e in d.content:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None and any(t.pos_ in ("VERB", "AUX") for t in span):
            return True
    return False


def _points_back(doc: Doc, text: str, d: Attribution) -> bool:
    """Whether a denial's content is only a demonstrative ("Israel disputes this") or opens
    by calling what came before untrue ("'It's rubbish,' Hale said")."""
    if d.content and _QUOTED_DENIAL.search(text[d.content[0][0] : d.content[0][1]]):
        return True
    if len(d.content) != 1:
        return False
    span = doc.char_span(*d.content[0], alignment_mode="expand")
    return span is not None and [t.lower_ for t in span if not t.is_punct] in (["this"], ["that"])


def _restated_claim(doc: Doc, d: Attribution, cues: list[int]) -> Offsets:
    """The claim a denial restates in its own words: "dismissed reports that S", "rejected his
    claim that S": the noun and its clause, as a char span (empty when there is none), cut
    before another attribution's cue ("… — saying …")."""
    for s, e in (*d.cue, *d.content):
        span = doc.char_span(s, e, alignment_mode="expand")
        for noun in [] if span is None else span:
            if noun.pos_ != "NOUN" or noun.lemma_.lower() not in CLAIM_NOUNS:
                continue
            clause = [c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl")
                      and any(t.lower_ == "that" and t.dep_ == "mark" for t in c.children)]
            if clause:
                end = max(t.idx + len(t) for t in clause[0].subtree)
                end = min([end, *(c for c in cues if noun.idx < c < end)])
                text = doc.text[noun.left_edge.idx : end].rstrip(" ,;:—–-\n")
                return ((noun.left_edge.idx, noun.left_edge.idx + len(text)),)
    return ()


def _referred(doc: Doc, text: str, atts: list[Attribution], i: int, head: str,
              who: set[int], personal: bool, actors: list[Actor],
              own: set[int] | None = None,
              sents: list[int] | None = None) -> tuple[tuple[int, ...], Offsets]:
    """What "the allegations" or "that suggestion" refers to: the nearest earlier claim of a
    fitting class within 1,200 characters, whether the attribution model found it (an
    attribution) or not (a sentence with "alleged", "accused", "is widely believed" …); an
    allegation may be said plainly ("X's team said the committee skirts the law"), when it
    is about the denier; a plain "said" answers "the criticism" or "the suggestion" only when
    it is about the denier or at most two sentences back (a historian's recollection ten
    sentences up is not the criticism). "The report" means the first of the run of claims by
    the source it reports. An unfound claim whose word shares the noun's stem ("alleged" for
    "the allegations") is preferred to a nearer one that does not ("his claim")."""
    here = _start(atts[i])
    here_sent = bisect_right(sents or [], here)
    classes = REFERRING_HEADS[head]
    covered = [o for a in atts for o in (*a.cue, *a.source)]
    found: list[tuple[int, int, tuple[int, int] | None]] = []  # (position, index, sentence)
    for j, p in enumerate(atts):
        start = _start(p)
        if j != i and j not in (own or ()) and start < here and here - start < 1200 \
                and (p.actor is None or p.actor not in who) and (
                    (p.stance in classes and p.stance != "say")
                    or (p.stance == "say" and (_is_about(doc, text, p, who, actors) or (
                        "say" in classes and here_sent - bisect_right(sents or [], start) <= 2)))):
            found.append((start, j, None))
    event_re = _CHARGE_EVENT if classes == _CHARGES else _VIEW_EVENT
    events: list[tuple[int, int, tuple[int, int] | None]] = []
    kin: list[tuple[int, int, tuple[int, int] | None]] = []  # "alleged" for "the allegations"
    for m in () if personal else event_re.finditer(text, max(0, here - 1200), here):
        if any(s <= m.start() < e for s, e in covered):
            continue  # an attribution the model found already stands for it
        token = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if token is not None and token.sent.end_char <= here:
            event = (m.start(), -1, (token.sent.start_char, token.sent.end_char))
            events.append(event)
            if m.group().lower()[:5] == head[:5]:
                kin.append(event)
    found += kin or events  # "the allegations" recalls what was "alleged", not a later "claim"
    if not found:
        return (), ()
    position, j, sentence = max(found, key=lambda x: x[0])
    if sentence is not None:
        return (), (sentence,)
    if head in ("report", "story"):
        run = sorted((start, k) for start, k, sent in found if sent is None)
        first = j
        for _, k in reversed([x for x in run if x[0] < position]):
            if not _same_source(atts[k], atts[first]):
                break
            first = k
        j = first
    return (j,), ()


def _run_of_claims(atts: list[Attribution], j: int, who: set[int], own: set[int],
                   sents: list[int], until: int) -> tuple[int, ...]:
    """The claims "the charges" or "the allegations" answer: the nearest one, ``j``, and the
    claims by others just before it, each at most two sentences before the next ("Witnesses
    said Calder took the money. They said she hid it. Clerks said … Calder's office called
    the allegations false"); a claim's continuation with no source of its own is part of
    the one before. What ``j``'s source said after it, before the denial (at ``until``), is
    part of the run too ("Lind told reporters that … '…,' Lind said. Brask pushed back on
    the claims")."""
    run = [j]
    run += [k for k, p in enumerate(atts) if _start(atts[j]) < _start(p) < until
            and k not in own and p.stance in _VIEWS and p.actor is not None
            and _same_source(p, atts[j])]
    last = bisect_right(sents, _start(atts[j]))
    for k in sorted(range(len(atts)), key=lambda k: _start(atts[k]), reverse=True):
        p = atts[k]
        if _start(p) >= _start(atts[j]) or k in own or not p.source or (
                p.actor is not None and p.actor in who) or p.source_type == "unspecified":
            continue  # ("a row that signaled …": no one's claim)
        sent = bisect_right(sents, _start(p))
        if last - sent > 2:
            break
        if p.stance in _VIEWS:
            run.append(k)
            last = sent
    return tuple(sorted(run))


def _same_source(a: Attribution, b: Attribution) -> bool:
    """Whether two attributions come from one source (one actor, or both anonymous)."""
    if a.actor is not None or b.actor is not None:
        return a.actor == b.actor
    return a.anonymous and b.anonymous


def _referring_noun(doc: Doc, a: Attribution) -> Token | None:
    """The noun a denial points back to: "the allegations", "that suggestion", "his claim",
    "any wrongdoing", in its content or folded into its cue ("rejected the suggestion that
    …"); None when it introduces something new ("dismissed reports that …")."""
    for offsets in (a.cue, a.content[:1]):
        if not offsets:
            continue
        span = doc.char_span(offsets[0][0], offsets[-1][1], alignment_mode="expand")
        for noun in [] if span is None else [t for t in span if t.pos_ == "NOUN"][:1]:
            dets = {c.lower_ for c in noun.children if c.dep_ in ("det", "poss", "predet")}
            if noun.lemma_.lower() == "wrongdoing" or dets & {
                    "the", "that", "this", "these", "those", "such", "his", "her", "its",
                    "their", "both"}:
                return noun
    return None


def _first_noun(doc: Doc, spans: Offsets) -> str:
    """The lemma of the first noun in some spans ("" when there is none)."""
    for s, e in spans:
        span = doc.char_span(s, e, alignment_mode="expand")
        for t in [] if span is None else span:
            if t.pos_ == "NOUN":
                return t.lemma_.lower()
    return ""


def _content_head(doc: Doc, a: Attribution) -> str:
    """The lemma of the root of an attribution's first content span ("" without one)."""
    if not a.content:
        return ""
    span = doc.char_span(a.content[0][0], a.content[0][1], alignment_mode="expand")
    return "" if span is None else span.root.lemma_.lower()


def _own_words(doc: Doc, atts: list[Attribution], i: int) -> set[int]:
    """The attributions that are the denier's own words: those with its source, and, for a
    conjunct or participle cue with no source of its own ("the brief said S and dismissed
    the reports"), the cue before it in its sentence, whose source it shares."""
    d = atts[i]
    own = {j for j, p in enumerate(atts) if j != i and d.source and p.source == d.source}
    if d.source:
        return own
    j = cue_before_conjunct(doc, d, atts, [j for j in range(len(atts)) if j != i])
    return own if j is None else own | {j}


def _requested(doc: Doc, atts: list[Attribution], i: int, who: set[int], own: set[int],
               sents: list[int], here_sent: int) -> int | None:
    """The request a denial rejects ("has rejected a media request to …", "denied the
    motion"): the nearest earlier ``ask`` attribution within eight sentences, else the first
    later one within three (a headline's or a lead's denial comes before the request)."""
    here = _start(atts[i])
    best: tuple[int, int, int] | None = None  # (earlier, -distance, index)
    for j, p in enumerate(atts):
        if j == i or j in own or p.stance != "ask" or (p.actor is not None and p.actor in who):
            continue
        distance = bisect_right(sents, _start(p)) - here_sent
        earlier = _start(p) < here
        if (earlier and -distance > 8) or (not earlier and distance > 3):
            continue
        key = (int(earlier), -abs(distance) if earlier else -distance, j)
        if best is None or key > best:
            best = key
    return None if best is None else best[2]


def _start(a: Attribution) -> int:
    for role in (a.cue, a.source, a.content):
        if role:
            return role[0][0]
    return 0


@Language.factory(
    "sayso_stance",
    assigns=["doc._.sayso_attributions", "doc.spans"],
    requires=["doc._.sayso_attributions", "token.lemma"],
)
def make_stance(nlp: Language, name: str) -> StanceComponent:
    """spaCy factory; runs after ``sayso_sources`` (it reads the linked actors)."""
    return StanceComponent(nlp, name)
