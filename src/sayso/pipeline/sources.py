"""The ``sayso_sources`` spaCy component: who each attribution's source really is.

For every attribution it decides, from the source span, the parse and what came before:

- **the actor** the source refers to (an index into ``doc._.sayso_actors``), across sentences:
  a pronoun ("he", "she", "they", "it") goes to the nearest compatible earlier source or actor
  mention, subjects and names outside quotes first, of the right gender; "the official" to an
  earlier source with the same head noun, else to a named actor with that title, and "the
  Vermont senator" to the person who was the subject just before; "who" to its antecedent;
  a description in the headline ("DNC chair dismisses …"), or one with no person named
  before it, to the person the article quotes most (so sources are resolved twice); an "I"
  outside quotation marks to the writer (a closing note's or a column headline's name);
- **the source type**: ``named_person``, ``anonymous_person`` (an unnamed individual: "a senior
  official", "sources", "a neighbour"), ``organisation`` (also an unnamed spokesperson, who
  speaks on the record for one), ``group`` ("analysts", "critics", "many", "46 percent", "A,
  B and C"), ``document`` (reports, studies, polls, statements, news outlets; never linked to
  an actor) or ``unspecified`` (no source span);
- **anonymity**: true for every ``anonymous_person``, with the stated reason when the text
  gives one ("spoke on condition of anonymity because …", "declined to be named"), looked for
  in the attribution's sentence and, for "The officials spoke on condition of anonymity", the
  next sentence; a group with a stated reason becomes ``anonymous_person``;
- **the channel**: "told the Meridian Press Agency", "asked Clinton", "in a statement", "in an
  interview with X", "at a briefing", "on CNN's State of the Union", "on social media",
  "Speaking to X", from the cue's dependents and a few fixed patterns.

The rules and their word lists are documented in ``docs/sources.md``.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..contract import Actor, Attribution, Offsets, SourceType
from . import AttributionLayer, cue_before_conjunct, cue_span
from .actors import HEADLINE_MAX, HONORIFICS, PAPER_WORDS, TITLE_WORDS, actor_at, is_outlet
from .stance import cue_stance

__all__ = ["SourcesComponent", "find_anonymity_reasons"]

DOCUMENT_NOUNS = frozenset(
    [
        "report", "study", "poll", "survey", "statement", "trial", "finding", "analysis", "paper",
        "review", "audit", "document", "documents", "email", "emails", "letter", "memo", "filing",
        "data", "figure", "figures", "record", "records", "research", "ruling", "judgment",
        "judgement", "verdict", "investigation", "inquiry", "assessment", "estimate", "newspaper",
        "paper", "article", "website", "notice", "release", "consultation", "census", "dossier",
        "datum", "ad", "advert", "advertisement", "video", "clip", "footage", "tweet", "transcript",
        "book", "memoir", "summary", "tally", "average", "chart", "motion", "brief", "lawsuit",
        "complaint", "indictment", "editorial", "column", "piece", "story", "blog", "account",
        "message", "petition", "projection", "forecast", "index", "ranking", "recording", "tape",
        "footnote", "table", "graphic", "headline", "results", "result", "numbers", "count",
        "suit", "tabloid", "magazine", "broadcaster", "outlet", "voiceover", "law",
        "constitution", "treaty", "legislation", "bill", "proposal", "measure", "act",
        "amendment", "resolution", "agreement", "platform", "manifesto", "regulation", "photo",
        "photograph", "picture", "image", "journal", "spot", "slide", "presentation", "database",
        "film", "documentary", "precedent", "placard", "publication", "excerpt", "cable",
        "passage", "caption", "polling", "op-ed", "disclosure", "submission", "biography",
        "trove", "drama", "novel", "series", "episode", "show", "program", "programme", "form",
        "decision", "deal", "commentary", "affidavit", "deposition", "paperwork", "material",
        "materials", "warrant", "subpoena"
    ]
)
ORG_NOUNS = frozenset(
    [
        "company", "firm", "government", "ministry", "department", "agency", "council", "union",
        "police", "army", "military", "office", "authority", "service", "court", "trust", "charity",
        "club", "board", "party", "federation", "alliance", "committee", "commission",
        "prosecution", "administration", "embassy", "regulator", "bank", "hospital", "university",
        "school", "group", "organisation", "organization", "institute", "campaign", "forum",
        "association", "coalition", "non-profit", "nonprofit", "pac", "network", "station",
        "bureau", "leadership", "kingdom", "country", "nation", "panel", "city", "town",
        "village", "municipality", "management", "state", "camp", "force"
    ]
)
GENERIC_ORG_NOUNS = frozenset(
    [
        "company", "firm", "agency", "organisation", "organization", "group", "bureau",
        "union", "association"
    ]
)
"""Nouns that refer back to whichever organisation was quoted last ("the company said")."""
OUTLET_NOUNS = frozenset(
    [
        "newspaper", "paper", "daily", "weekly", "tabloid", "magazine", "broadcaster", "outlet",
        "website", "channel"
    ]
)
"""A named organisation with one of these as its role is a news outlet ("the Israeli newspaper
Haaretz"), though its name carries no outlet word."""
SPOKES_NOUNS = frozenset(
    [
        "spokesman", "spokeswoman", "spokesperson", "spokespeople", "representative"
    ]
)
ANON_NOUNS = frozenset(["source", "official", "insider", "aide", "diplomat", "person", "people",
                        "narrator", "announcer"])
"""Unnamed people of these kinds are anonymous even when definite ("the official")."""
GROUP_WORDS = frozenset(
    [
        "many", "some", "others", "most", "several", "few", "all", "both", "team", "staff",
        "crew", "delegation", "everyone", "everybody", "nobody", "each", "family", "neither",
        "none", "those", "much", "base", "establishment", "electorate", "grassroots"
    ]
)
"""Quantifiers and collective nouns: a source of several people, unnamed but not hidden ("much
of the electorate", "the party's base")."""
MEDIUM_NOUNS = frozenset(
    [
        "statement", "interview", "post", "notice", "letter", "email", "e-mail", "ruling", "tweet",
        "video", "broadcast", "podcast", "conference", "briefing", "release", "speech", "message",
        "media", "website", "television", "radio", "blog", "newsletter", "filing", "testimony",
        "programme", "program", "documentary", "column", "judgment", "judgement", "affidavit",
        "submission", "memo", "book", "memoir", "op-ed", "editorial", "episode", "show",
        "appearance", "rally", "event", "gathering", "meeting", "hearing", "gaggle", "debate",
        "session", "call", "conversation", "chat", "ad", "advertisement", "clip", "article",
        "essay", "report", "remarks", "address", "luncheon", "dinner", "forum", "summit",
        "opening", "ceremony", "roundtable", "paper", "stop", "convention", "breakfast",
        "fundraiser", "diatribe", "tirade", "rant", "expose", "exposé", "profile", "newspaper",
        "network", "channel", "twitter", "facebook", "instagram", "listing", "comment",
        "robocall", "mail", "exchange", "document", "commercial", "trail", "panel", "study",
        "poll", "survey", "tribute", "eulogy", "town hall", "victory party",
        "watch party", "analysis", "excerpt", "commentary", "sermon", "homily", "mass", "order",
        "autobiography", "biography", "stump", "scanner", "court", "file"
    ]
)
SHARE_WORDS = frozenset(
    [
        "percent", "%", "per", "majority", "minority", "half", "third", "quarter", "plurality",
        "percentage", "share", "fraction"
    ]
)
"""Heads of a poll's fractions of respondents ("46 percent", "a majority of voters"): groups."""
PARTITIVES = frozenset(
    [
        "pair", "couple", "series", "set", "handful", "number", "dozen", "trio", "string", "slew",
        "chorus", "hundred", "thousand", "million", "billion"
    ]
)
"""Heads that count what follows "of": "the pair of editorials" is typed as editorials,
"hundreds of demonstrators" as demonstrators."""
_BODIES_AND_DOCUMENTS = DOCUMENT_NOUNS | ORG_NOUNS
"""What "it" can be besides an organisation actor: "The white paper … It lays out …"."""
PERSON_ROLE_NOUNS = TITLE_WORDS | frozenset(
    [
        "nominee", "candidate", "businessman", "businesswoman", "mogul", "billionaire",
        "frontrunner", "front-runner", "developer", "lawmaker", "host", "anchor", "founder",
        "executive", "strategist", "economist", "manager", "widow", "veteran", "physician",
        "doctor", "pollster", "star", "contender", "rival", "incumbent", "challenger", "runner",
        "lady", "expert", "professor"
    ]
)
"""Head nouns of a definite description of a known person ("the New York businessman")."""
PERSON_NOUNS = frozenset(
    [
        "man", "woman", "person", "friend", "neighbour", "neighbor", "resident", "witness",
        "relative", "member", "parent", "mother", "father", "child", "citizen", "guy", "girl",
        "boy", "colleague", "ally", "critic", "expert", "analyst", "lawyer", "attorney",
        "clerk", "nurse", "doctor", "judge", "cop", "officer", "veteran", "victim", "fan",
        "student", "teacher", "worker", "employee", "staffer", "adviser", "advisor", "aide",
        "insider", "source", "activist", "mom", "dad", "wife", "husband", "son", "daughter",
        "architect", "chef", "coach", "priest", "rabbi", "imam", "cleric", "monk", "nun",
        "pilot", "guard", "boss", "chief", "poet", "surgeon", "neurosurgeon", "pundit", "cook",
        "landlord", "delegate", "advocate", "graduate", "scholar"
    ]
)
PERSON_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person", "ee",
                  "eer", "ive", "ess", "ar")
"""Endings of nouns for people (speaker, director, activist, politician, resident …)."""
NOT_PERSON_NOUNS = frozenset(
    [
        "district", "list", "letter", "paper", "order", "number", "matter", "center", "centre",
        "chapter", "quarter", "border", "sector", "factor", "event", "incident", "accident",
        "content", "extent", "percent", "cancer", "weather", "water", "summer", "winter",
        "october", "november", "december", "september", "calendar", "dollar", "pillar", "bar",
        "cheer", "jeer", "laughter"
    ]
)
"""Nouns with those endings that name no person ("the district had voted for …", "said to
cheers": a reaction, not a hearer)."""
GENDERED_NOUNS = {
    "businesswoman": "f", "congresswoman": "f", "chairwoman": "f", "spokeswoman": "f",
    "widow": "f", "king": "m", "queen": "f", "prince": "m", "widower": "m", "mother": "f",
    "father": "m", "wife": "f", "husband": "m", "daughter": "f", "son": "m", "sister": "f",
    "brother": "m", "mom": "f", "dad": "m", "grandmother": "f", "grandfather": "m",
    "princess": "f", "actress": "f", "lady": "f", "woman": "f", "man": "m", "girl": "f",
    "boy": "m",
}
"""Words in a role that say he or she, above a given name's guess."""
_MAN_TITLES = {"businessman": "m", "congressman": "m", "chairman": "m", "spokesman": "m"}
"""Titles that say he below a given name's guess: news writing also gives them to women
("Trump spokesman Hope Hicks")."""
_NOUN_GENDER = GENDERED_NOUNS | _MAN_TITLES
"""Whom a description can stand for: "the New York businessman" is a man."""
ABBREVIATED = {
    "sen.": "senator", "sen": "senator", "gov.": "governor", "gov": "governor",
    "rep.": "representative", "rep": "representative", "gen.": "general", "gen": "general",
    "lt.": "lieutenant", "col.": "colonel", "sgt.": "sergeant", "adm.": "admiral",
    "pres.": "president", "sec.": "secretary", "supt.": "superintendent", "insp.": "inspector",
    "det.": "detective", "rev.": "reverend",
}
"""Title abbreviations, spelt out, so "the senator" finds "Vermont Sen. Bernie Sanders"."""
FEMALE_NAMES = frozenset(
    [
        "abigail", "alexis", "alice", "amanda", "amber", "amy", "andrea", "angela", "ann", "anna",
        "anne", "annie", "ashley", "barbara", "betty", "beverly", "brenda", "brittany", "carol",
        "carolyn", "catherine", "cathy", "charlotte", "chelsea", "cheryl", "christina", "christine",
        "claire", "condoleezza", "cynthia", "danielle", "debbie", "deborah", "debra", "denise",
        "diana", "diane", "donna", "doris", "dorothy", "elena", "elizabeth", "ellen", "emily",
        "emma", "evelyn", "frances", "gloria", "grace", "gwen", "hannah", "heather", "helen",
        "hillary", "hope", "huma", "isabella", "ivana", "ivanka", "jacqueline", "jane", "janet",
        "janice", "jean", "jennifer", "jessica", "jill", "joan", "joyce", "judith", "judy", "julie",
        "kamala", "karen", "kate", "katherine", "kathleen", "kathryn", "kathy", "katie", "kayla",
        "kelly", "kellyanne", "kimberly", "laura", "lauren", "linda", "lisa", "lori", "lucy",
        "madison", "margaret", "maria", "marie", "marilyn", "marine", "martha", "mary", "megan",
        "meghan", "megyn", "melania", "melissa", "michele", "michelle", "nancy", "natalie",
        "nicole", "nikki", "olivia", "oprah", "pamela", "patricia", "rachel", "rebecca", "rosie",
        "ruth", "samantha", "sandra", "sara", "sarah", "sharon", "sheila", "shirley", "sonia",
        "sophia", "stephanie", "susan", "susanne", "suzanne", "teresa", "theresa", "tina", "tulsi",
        "victoria", "virginia"
    ]
)
MALE_NAMES = frozenset(
    [
        "aaron", "adam", "al", "alan", "albert", "alexander", "anderson", "andrew", "anthony",
        "arthur", "austin", "barack", "bashar", "benjamin", "bernie", "bill", "billy", "bobby",
        "boris", "brandon", "brian", "bruce", "bryan", "carl", "charles", "chris", "christian",
        "christopher", "chuck", "daniel", "david", "dennis", "dick", "donald", "douglas", "dylan",
        "edward", "elijah", "emmanuel", "eric", "ethan", "eugene", "francois", "frank", "gabriel",
        "gary", "george", "gerald", "gordon", "gregory", "harold", "harry", "henry", "howard",
        "hugh", "jack", "jacob", "jake", "james", "jason", "jeb", "jeffrey", "jeremy", "jerry",
        "jesse", "jimmy", "joe", "john", "jonathan", "jordan", "jose", "joseph", "joshua", "juan",
        "justin", "keith", "kenneth", "kevin", "kyle", "larry", "lawrence", "lester", "lindsey",
        "logan", "louis", "marco", "mark", "mason", "matt", "matthew", "michael", "mike", "mitch",
        "mitt", "nathan", "newt", "nicholas", "nigel", "noah", "patrick", "paul", "peter", "philip",
        "ralph", "rand", "randy", "raymond", "recep", "reince", "richard", "robert", "roger",
        "ronald", "roy", "rudy", "rush", "russell", "ryan", "samuel", "scott", "sean", "stephen",
        "steven", "ted", "terry", "thomas", "tim", "timothy", "tony", "tyler", "vincent",
        "vladimir", "walter", "wayne", "william", "willie", "wolf", "xi", "zachary"
    ]
)
"""Common given names: a pronoun must agree with the person it resolves to."""
GIVEN_NAMES = FEMALE_NAMES | MALE_NAMES | frozenset(
    [
        "abraham", "adrian", "agnes", "ahmad", "ahmed", "aisha", "alberto", "alec", "alejandro",
        "alex", "alexandra", "alexei", "alfred", "ali", "alison", "allen", "allison", "alvin",
        "alyssa", "amelia", "andre", "andres", "andy", "angelica", "angelo", "angie", "anita",
        "antonio", "armando", "arnold", "ava", "ayanna", "barry", "beatrix", "becky", "belinda",
        "ben", "benny", "bernadette", "bernard", "bernice", "bert", "beth", "bethany", "bob",
        "bonnie", "brad", "bradley", "brendan", "brent", "brett", "brooke", "byron", "caitlin",
        "calvin", "cameron", "camila", "candace", "candice", "cara", "carla", "carlos", "carly",
        "carmen", "caroline", "carrie", "cassandra", "cecil", "cecilia", "celeste", "chad",
        "charlie", "chester", "chloe", "christy", "cindy", "clarence", "claude", "claudia",
        "clifford", "clint", "cody", "colin", "colleen", "connie", "connor", "conor", "corey",
        "cory", "courtney", "craig", "crystal", "curtis", "dale", "damian", "dan", "dana", "danny",
        "darlene", "darrell", "darren", "dave", "dean", "derek", "desmond", "devin", "dianne",
        "dina", "dmitry", "dolores", "dominic", "don", "donnie", "doug", "drew", "duane", "duncan",
        "dustin", "dwight", "earl", "ed", "eddie", "edgar", "edna", "eduardo", "edwin", "ehud",
        "eileen", "elaine", "eleanor", "eli", "elise", "ella", "elliot", "elliott", "elton",
        "emil", "enrique", "erica", "erika", "erin", "ernest", "ernesto", "esther", "ethel", "eva",
        "evan", "fatima", "felicia", "felix", "fernando", "fiona", "floyd", "francis", "francisco",
        "franklin", "fred", "freddie", "frederick", "gabriela", "gabrielle", "gail", "garrett",
        "gavin", "gene", "geoffrey", "geraldine", "gerard", "gerhard", "gil", "gilbert", "gina",
        "giuseppe", "gladys", "glen", "glenn", "graham", "greg", "greta", "gretchen", "guadalupe",
        "guillermo", "gustavo", "hailey", "haley", "hank", "hans", "harriet", "harvey", "hassan",
        "hazel", "hector", "heidi", "helmut", "herbert", "herman", "hilda", "holly", "hussein",
        "ian", "ibrahim", "ida", "igor", "ileana", "ingrid", "irene", "irma", "isaac", "isabel",
        "ivan", "jackie", "jacques", "jaime", "janine", "jared", "jasmine", "javier", "jay",
        "jeanine", "jeanne", "jeannie", "jeff", "jeffery", "jenna", "jenny", "jerome", "jesus",
        "jim", "joanna", "joanne", "jocelyn", "jodi", "joel", "johnny", "jon", "jonah", "joni",
        "jorge", "josephine", "josh", "juanita", "julia", "julian", "juliana", "julio", "jurgen",
        "kaitlyn", "kara", "kari", "karina", "karl", "katelyn", "katrina", "kay", "keiko",
        "kelley", "ken", "kendra", "kenny", "khalid", "kim", "kirsten", "klaus", "krista",
        "kristen", "kristin", "kristina", "kurt", "kylie", "lance", "lanny", "leah", "leigh",
        "leila", "lena", "leo", "leon", "leonard", "leroy", "lewis", "lillian", "lily", "liz",
        "lloyd", "lois", "lonnie", "loretta", "lorraine", "lou", "louise", "lourdes", "lucas",
        "lucia", "lucille", "luis", "luisa", "luke", "lydia", "lyle", "lyndon", "lynn", "mabel",
        "mackenzie", "mahmoud", "malcolm", "mandy", "manuel", "marc", "marcia", "marcus",
        "margarita", "mariah", "marianne", "marina", "mario", "marisol", "marjorie", "marlene",
        "marsha", "marshall", "martin", "marvin", "matteo", "maureen", "maurice", "max", "maxine",
        "mazie", "meg", "melanie", "melinda", "melvin", "mia", "michaela", "miguel", "mikhail",
        "mildred", "miles", "milton", "mindy", "miranda", "mohammad", "mohammed", "molly",
        "monica", "monique", "morris", "moshe", "muhammad", "mustafa", "nadia", "naomi",
        "narendra", "natasha", "nate", "neera", "neil", "nelson", "nick", "nicolas", "nikolai",
        "nina", "nora", "norma", "norman", "olga", "oliver", "omar", "orrin", "oscar", "otis",
        "owen", "pablo", "paige", "patty", "paula", "pauline", "pedro", "peggy", "perry", "pete",
        "phil", "phyllis", "pierre", "preston", "priscilla", "priya", "rachael", "rafael", "rahul",
        "ramon", "ramona", "raul", "reggie", "regina", "reid", "renee", "rex", "rhonda", "ricardo",
        "rick", "ricky", "rita", "rob", "robbie", "roberta", "roberto", "rod", "rodney", "roland",
        "ron", "ronnie", "rosa", "rosemary", "ross", "roxanne", "ruben", "sabrina", "sally",
        "salvador", "sam", "sammy", "saul", "selena", "serena", "sergei", "sergio", "seth",
        "shane", "shannon", "shawn", "sherrod", "sherry", "shimon", "shinzo", "sidney", "silvia",
        "silvio", "simon", "sofia", "spencer", "stacey", "stacy", "stan", "stanley", "steve",
        "stuart", "sue", "sunita", "svetlana", "sylvia", "tamara", "tammy", "tanya", "tara",
        "tatiana", "terrence", "thelma", "theodore", "tiffany", "todd", "tom", "tommy", "tracy",
        "travis", "trent", "trey", "trisha", "troy", "ursula", "valerie", "vanessa", "velma",
        "vera", "vernon", "veronica", "vicki", "vickie", "victor", "viktor", "vince", "viola",
        "wade", "wallace", "wanda", "warren", "wendy", "wesley", "whitney", "wilbur", "wilma",
        "wolfgang", "woody", "xavier", "yasmin", "yitzhak", "yolanda", "yuri", "yusuf", "yvonne",
        "zach", "zoe"
    ]
)
"""More given names, ungendered here: they tell a person's name from a firm's ("Carly
Fiorina", tagged ORG, in ``sayso_actors``), never a pronoun's gender (the lists above do
that: widening them changes which mentions merge)."""
TOLD_VERBS = frozenset(["tell", "ask", "question", "press", "assure", "warn", "brief", "inform",
                        "reassure", "email", "e-mail", "phone", "text", "remind", "promise",
                        "lecture"])
"""Speech verbs whose object is the person addressed: "told the AP", "asked Clinton",
"emailed the mayor", "lectured the board"; not "urged the council", which the gold reads as
whom the appeal is about."""
_HEARER_VERBS = frozenset(("tell", "assure", "reassure", "brief", "inform", "remind", "lecture"))
"""Verbs whose object is always whom they address ("assured the residents"), unlike *ask*
("asked the question"), *press* ("pressed the point") or *warn*, whose object is often
those at risk, not the hearer ("warned doctors", said in an interview)."""
_TOLD_THINGS = frozenset(("story", "tale", "joke", "truth", "lie", "anecdote", "parable"))
"""What is told, not whom: "told the story of the city" has no hearer."""
_ASKING_VERBS = frozenset(("ask", "question", "press"))
"""Verbs whose fronted participle gives the answer its medium: "Asked on Valdene Radio, X said"
(the one asked is no channel in the gold)."""
ADDRESSEES = frozenset(["them", "him", "her", "us", "me", "you", "reporters", "journalists",
                        "myself", "himself", "herself", "themselves", "ourselves", "yourself"])
CHANNEL_PREPS = frozenset(["in", "on", "to", "during", "via", "at", "with", "for", "through",
                           "before", "by", "over"])
BY_MEDIA = frozenset(["phone", "telephone", "email", "e-mail", "text", "fax", "videolink",
                      "satellite", "letter"])
"""What "by" says words went through ("said by phone"); "by" anything else is an agent."""
OVER_MEDIA = frozenset(["phone", "telephone", "breakfast", "lunch", "dinner", "coffee", "drink",
                        "loudspeaker", "intercom", "airwaves"])
"""What "over" says words went through or were shared at ("said over breakfast"); "over"
anything else is a topic or a span of time ("clashed over taxes", "over the years")."""
UNSPOKEN = frozenset(["believe"])
"""Cue classes of a thought ("learned", "believes"), which no medium or hearer goes with in
the gold; a promise has both ("promised the board", "On his website, X promises …")."""
_VOICING = frozenset(["express", "voice"])
"""Verbs that say a thought aloud: "voiced worry in a podcast" has a medium, as a carrier
verb's has ("released a statement of regret")."""
SPEAKING_VERBS = frozenset(["speak", "talk", "appear", "testify"])
"""Participles whose medium or occasion is the speaker's: "Speaking at a rally, X says"."""
_PRESENCE = frozenset(["be", "go", "appear", "take", "speak", "talk", "come", "turn"])
"""Verbs of being or going somewhere, whose participle speaks there: "was on Valdene Radio
talking about …", "spoke last at the forum, forecasting …", "took to Twitter, writing"."""
TOPIC_VERBS = frozenset(["comment", "remark", "report", "reflect", "elaborate", "focus", "dwell",
                         "expand", "weigh", "brief", "testify"])
"""Verbs whose "on" is mostly the topic: a common noun after it ("commented on the program")
is what was talked about, not where; a name ("commented on CNN") still is a channel."""
GO_BETWEENS = frozenset(["spokesman", "spokeswoman", "spokesperson", "representative",
                         "lawyer", "attorney", "aide", "publicist", "agent"])
"""Whom words pass through: "Through her lawyer, Calder declined to answer"."""
RECIPIENT_VERBS = frozenset(["say", "speak", "talk", "write", "explain", "complain", "insist",
                             "confide", "announce", "declare", "boast", "repeat", "sing",
                             "pitch", "send", "respond", "reply", "mention", "shout", "yell",
                             "whisper", "add", "share", "disclose", "brag", "discuss",
                             "admit", "confess"])
"""Speech verbs whose "to" or "with" names who heard it: "insisting to Priebus that …",
"sings to Clinton", "sent a letter to the board", "added to the Courier", "shared notes with
the Courier", "bragged about it to voters", "discussed the ruling with a radio host", "admitted
to the newspaper" (not "admitted to the affair": no one to hear it)."""
MEDIUM_PREPS = frozenset(["in", "on", "at", "during", "via"])
"""Prepositions that put words in a medium or at an occasion ("in a statement"); "for his
statements" or "to the report" does not."""
PLATFORM_NOUNS = frozenset(["twitter", "facebook", "instagram", "youtube", "website", "site",
                            "media", "television", "tv", "radio", "blog", "show", "programme",
                            "program", "podcast", "broadcast", "air", "channel"])
"""Where "on" puts words even when the parser hangs it on the object ("reported her presence
on Twitter", "blasted X as a disgrace on The Evening Show")."""
OCCASIONS = frozenset(["interview", "speech", "debate", "briefing", "conference", "hearing",
                       "rally", "event", "forum", "summit", "meeting"])
"""Where "in", "at" or "during" puts words even when the parser hangs it on the object
("cited the figures in the interview", "discussed his plan for buses at an event")."""
_HUNG_MEDIA = OCCASIONS | frozenset(["tweet", "statement", "address"])
"""… and the media "in" puts words in there too ("declared victory in a tweet")."""
_ANSWERING = frozenset(("answer", "respond", "field", "take"))
"""Participles of answering, whose object's occasion is the cue's: "said, answering a question
at a town hall"."""
FUTURE_WORDS = frozenset(["upcoming", "next", "future", "coming", "forthcoming"])
"""An occasion still to come is no channel: "advice … in the upcoming debates"."""
CARRIER_VERBS = frozenset(["publish", "issue", "release", "write", "send", "post", "file",
                           "submit", "unleash", "forward", "sign", "use"])
"""Verbs whose object is the medium: "issued a statement denying …", "wrote a letter …",
"signed an open letter making clear …", "used her column to argue …"."""
_PUT_OUT = frozenset(("file", "release", "post"))
"""Carrier verbs whose object, when it is all the words reported, is the thing put out
("filed a lawsuit", "released an ad"), not the medium of other words."""
CARRIED_MEDIA = frozenset(["statement", "letter", "memo", "email", "e-mail", "release",
                           "message", "tweet", "post", "notice", "filing", "op-ed", "editorial",
                           "column", "essay", "video", "ad", "advertisement", "complaint",
                           "paper", "lawsuit", "suit", "petition", "note", "report",
                           "commentary"])
"""… when the object is one of these (a website or a book "asking for …" is the source)."""
AUDIENCE_NOUNS = frozenset(["audience", "crowd", "press", "media", "public", "congregation",
                            "gathering", "meeting", "assembly", "rally", "conference", "camera"])
"""Hearers that are no person noun: "spoke to the crowd", "told the press"."""
ONLOOKERS = AUDIENCE_NOUNS - frozenset(["gathering", "meeting", "assembly", "rally",
                                       "conference"]) | frozenset(
    ["committee", "subcommittee", "panel", "cameras"])
"""Those before whom words are said ("testified before a House committee"); not an occasion,
which "before" makes a time ("before the rally")."""
_CLAUSE_DEPS = frozenset(("ccomp", "relcl", "acl", "advcl", "xcomp", "csubj", "parataxis"))
_PERSON_PRON = {"he": "m", "she": "f", "i": "", "him": "m", "her": "f", "his": "m"}
_PLURAL_PRON = frozenset(("they", "we", "their", "our"))
"""Pronouns, possessives too: "his critique of" is his, as "he criticised" is he."""
_POSSESSIVES = frozenset(("his", "her", "their", "our", "its"))
_FIRST_PERSON = frozenset(("i", "me", "my", "myself"))
_ACQUAINTANCES = frozenset(("friend", "colleague", "neighbour", "neighbor", "classmate",
                            "schoolmate", "roommate", "coworker", "co-worker", "acquaintance",
                            "confidant", "confidante", "teammate"))
"""Someone's friend or colleague, unnamed, is an anonymous source ("her friend said"); a
relative or an aide is someone the story can name ("his wife", "his chief aide")."""
_YOU = frozenset(("you", "your", "yourself"))
_TURN = re.compile(r"^(?:(Q)(?:[:.]\s*|(?=[A-Z][a-z]))|(A)[:.]\s)", re.MULTILINE)
"""A paragraph opening a question or an answer of a printed interview ("Q: …", "A: …";
scraped pages lose the colon after a bold "Q")."""
_RAISING = frozenset(("seem", "appear", "look", "sound", "know", "prove"))
"""Verbs whose subject is part of what they report: "Calder seems to be ready"."""
_WHEN = frozenset(("DATE", "TIME"))
"""Entity types of a date or a time, on which the parser may hang a phrase ("said Nov. 3 on
Harbour FM")."""
_STANDINGS = frozenset(("polls", "surveys"))
"""Where a candidate stands, not where words were given: "trailing in the polls"."""
_RELATIVE = frozenset(("who", "which", "that"))
_CROWDS = frozenset(("audience", "crowd", "congregation"))
"""Singular nouns for many people speaking as one: a group."""
_FAMILIAR = frozenset(("familiar", "knowledge", "knowledgeable", "close", "briefed"))
"""What keeps a source's knowledge and hides its name: "people familiar with …", "a person
with knowledge of …", "people briefed on the talks"."""
_UNNAMING = _FAMILIAR | frozenset(("anonymity", "condition", "declined", "named", "unnamed",
                                   "anonymous", "senior"))
"""Words that keep a description unnamed, so that no name later in the story is its."""
_DEFINITE = frozenset(("the", "this", "that", "these", "those"))
_PLAIN_PEOPLE = frozenset(("man", "woman", "guy", "person", "lady", "gentleman"))
"""Nouns that say nothing of a person but sex: "the man" is whoever was just quoted."""
_COUNTED_BACK = frozenset(("they", "neither", "both", "none", "each", "all"))
"""Subjects that point back at the people just quoted: "(Neither wanted to share his name.)"
gives its reason to the "two men" before it."""
_ANONYMOUS_REACH = 30
"""Sentences back that "the official" still finds "a senior official" who was not named."""
_SUBJECT_DEPS = frozenset(("nsubj", "nsubjpass"))
_SUBJECT_BONUS = 1.5
"""A pronoun prefers a subject one sentence back to a non-subject in its own sentence."""
_MAIN_CLAUSE_BONUS = 0.2
"""… and, in one sentence, the main clause's subject to a subordinate one's."""
_QUOTED_PENALTY = 1.0
"""… and a name outside quoted or reported words to one inside them."""
_SUBORDINATORS = frozenset(("when", "while", "after", "before", "as", "if", "although",
                            "though", "because", "since", "once", "until", "whenever"))
_PAPER_WORDS = frozenset(w.lower() for w in PAPER_WORDS)
"""… and in lower case, as a person's name is compared."""

_NOT_WANTING = (r"(?:declined|refused|(?:did|does|would)(?:n['’]t|\s+not)\s+(?:wish|want)|"
                r"(?:[Nn]either|[Nn]one)\s+(?:of\s+them\s+)?(?:wanted|wished))\s+to\s+")
"""Declining, or not wanting, to do what a named source does: "didn't want to …",
"Neither wanted to …"."""
_ANON_RE = re.compile(
    r"(?:\b(?:who |and )?(?:spoke|speaking|talked|talking)\s+)?\b(?:on|under)\s+(?:the\s+)?"
    r"condition\s+(?:of\s+anonymity|of\s+not\s+being\s+(?:named|identified)|"
    r"(?:that\s+)?(?:he|she|they|it|we)\s+not\s+be\s+(?:named|identified))"
    r"|\b(?:who\s+)?(?:(?:declined|asked|requested|preferred|wished)\s+(?:not\s+)?|"
    r"(?:did|does|would)\s+not\s+(?:wish|want)\s+)to\s+be\s+"
    r"(?:named|identified|quoted\s+by\s+name)"
    r"|\b(?:was|were|is|are|being)(?:\s+not|n['’]t)\s+(?:authori[sz]ed|permitted|allowed)\s+to\s+"
    r"(?:speak|talk|comment|discuss)[^,.;]*"
    r"|\b(?:requested|requesting|asked\s+for|asking\s+for|in\s+exchange\s+for|"
    r"(?:was|were)\s+granted|under)\s+anonymity"
    r"|\b(?:who\s+)?(?:spoke|speaking|talked|talking|responded|responding|commented)\s+"
    r"(?:anonymously|on\s+background)"
    r"|\b(?:who\s+)?" + _NOT_WANTING + r"(?:speak|talk|comment|be\s+quoted)\s+on\s+the\s+record"
    r"|\b(?:who\s+)?" + _NOT_WANTING + r"(?:share|give|provide|reveal|disclose)\s+"
    r"(?:his|her|their|a)\s+(?:(?:full|last)\s+)?names?"
    r"|\b(?:whose\s+)?names?\s+(?:is|was|were|are)\s+(?:being\s+)?withheld"
    r"|\bon\s+(?:the\s+)?condition\s+that\s+(?:his|her|their)\s+(?:last|full|real|family)\s+"
    r"names?\s+not\s+be\s+(?:used|published|printed|given|disclosed)"
    r"|\b(?:identified|named)\s+only\s+by\s+(?:his|her|their)\s+first\s+names?"
)
_NAME_WITHHELD = re.compile(r"\b(?:last|full|real|family|first)\s+names?\b", re.I)
"""A reason that withholds part of a name: whoever the text calls by the rest ("Bob agreed
to talk on the condition that his last name not be used") is anonymous wherever quoted."""
_ANON_TAIL = re.compile(
    r"(?:\s*,)?\s*(?:because|for fear|as|since|in line with|saying|citing)\b[^,.;]*"
)
"""The explanation that often follows: "… because they were not authorised to …"."""
_QUOTATION = re.compile(r"“[^”\n]+”|\"[^\"\n]+\"")
"""Words in quotation marks within a paragraph: "“… Noor phoned me twice. The answer stays
no,” she said" names Noor inside a quote, though the attribution's content may start later."""
_EDITORS_NOTE = re.compile(r"\s*(?:[Ee]ditor[’']s\s+[Nn]ote|EDITOR[’']S\s+NOTE)\b")
_WRITTEN_BY = re.compile(r"[’']s?\s+(?:[\w-]+\s+){0,3}?(?:book|memoir|essay|column|op-ed|novel|"
                         r"autobiography|diary|diaries)\b")
"""A person's own writing: "Ana Vellis’s new book", "Vellis’ essay"."""
_NO_DATE = (r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|"
            r"March|April|May|June|July|August|September|October|November|December)\b)")
"""A name after "on" or "in" that is no day or month ("speaking on Monday", "writing in
March")."""
_CHANNEL_RE = re.compile(
    r"\b(?<!and )(?<!or )(?<!of )(?<!by )(?<!from )(?<!about )(?:[Ss]peaking|[Tt]alking)"
    r"\s+(?P<a>(?:to|with)\s+[^,.;]+)"  # a participle, not a gerund: "… and speaking with"
    r"|\b(?:[Ss]peaking|[Tt]alking|[Aa]ppearing|appeared)\s+(?P<f>on\s+(?:the\s+)?" + _NO_DATE
    + r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)"
    r"|\b(?:spoke|talked)\s+(?P<d>(?:to|with)\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)"
    r"|\b[Ww]riting\s+(?P<e>(?:for|on|in)\s+(?:the\s+)?" + _NO_DATE
    + r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)"
    r"|\b[Rr]eached\s+(?P<b>by\s+(?:tele)?phone)"
    r"|\b(?:contacted|reached)\s+by\s+(?P<h>(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)"
    r"|(?P<g>\b[Oo]n\s+(?:(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*[’']s?\s+)?"
    r"(?:[“\"]|'')[A-Z][^”\"\n]{1,60}?(?:[”\"]|''))"  # a programme: "Sunday, on CNN’s “State
    # of the Union,” …", 'On "Face the Nation," X said', "on ''This Week,''" (two apostrophes)
    r"|(?P<c>\b[Ii]n\s+(?:an?|the|his|her|its|their)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:interview|statement|post|notice|letter|email|briefing|speech)(?:e?s)?\b"  # not "posted"
    r"(?:\s+(?:with|to|on)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*"  # no space after
    r"|\s+on\s+social\s+media)?)"
    r"|(?P<i>\b[Ii]n\s+(?:an?|the|his|her|its|their)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:book|memoir|column|op-ed|essay|film|documentary))(?=\s*,)"  # set off by a comma:
    # "In his 2002 book, “…,” X suggested", not another's "as Y put it in her memoir."
)


@dataclass(frozen=True, slots=True)
class _Info:
    """What is known about one source: the fields it passes on to a later reference."""

    type: SourceType
    anonymous: bool
    reason: Offsets
    actor: int | None
    lemma: str
    plural: bool


def _span(doc: Doc, a: Attribution) -> Span | None:
    """The source fragment nearest the cue, as a token span."""
    if not a.source:
        return None
    cs, ce = (a.cue[0][0], a.cue[-1][1]) if a.cue else (_anchor(a), _anchor(a))
    parts = [p for p in (doc.char_span(s, e, alignment_mode="expand") for s, e in a.source) if p]
    named = [p for p in parts if not (p.root.dep_ == "appos" and any(  # "Dean … a former
        q is not p and q.start <= p.root.head.i < q.end for q in parts))]  # chairman and …"
    parts = named or parts
    subjects = [p for p in parts if _is_subject(p.root)]
    if not parts:
        return None  # "Trump, who has relied on …": the subject, not the clause's tail
    return min(subjects or parts,
               key=lambda p: min(abs(p.end_char - cs), abs(p.start_char - ce)))


def _root(span: Span) -> Token:
    """The span's head, skipping a trailing punctuation root spaCy sometimes picks; within
    the span's first sentence (a name the parser split from its title's last words), and a
    name the parser made a second subject of the verb, after a noun that cannot speak ("a
    defeat Obama believes to be the worst")."""
    doc = span.doc
    if span[0].sent.end < span.end:
        rest = doc[span[0].sent.end : span.end]
        span = doc[span.start : span[0].sent.end]
        if not any(t.ent_type_ == "PERSON" for t in span) and any(  # "said Air Force 1st |
                t.ent_type_ == "PERSON" and actor_at(doc, t) is not None  # Lt. Tyler
                for t in rest):  # Livingston": the name split off its title
            span = rest
    root = span.root
    if root.dep_ == "poss" and not span.start <= root.head.i < span.end:
        root = next((t for t in reversed(span) if t.i > root.i and t.pos_ in ("NOUN", "PROPN")
                     and not span.start <= t.head.i < span.end), root)  # "Calder's allies
        # bristle at …", the verb read as a noun: the allies, not Calder
    mute = root.pos_ == "NOUN" and root.is_lower and not _speaks(root.lemma_.lower())  # not
    # a dateline's "KESTWICK, Nov. 27 –"
    bare_title = root.lower_ in TITLE_WORDS and actor_at(doc, root) is None  # "said Army
    # Capt. Ana Roe", the title a subject of its own
    if root.dep_ in _SUBJECT_DEPS and (mute or bare_title):
        root = next((t for t in span if t.i > root.i and t.dep_ in _SUBJECT_DEPS
                     and t.head == root.head and actor_at(doc, t) is not None), root)
    if root.lower_ in TITLE_WORDS and actor_at(doc, root) is None and not _has_conj(root):
        root = next((c for c in root.children if c.dep_ == "conj"  # "Former Ostland Gov.
                     and actor_at(doc, c) is not None), root)  # and party Chairman Ed Roe"
        after = span.end + (span.end < len(doc) and doc[span.end].text == ".")
        if root.lower_ in TITLE_WORDS and after < len(doc) and doc[after].ent_type_ == "PERSON" \
                and actor_at(doc, doc[after]) is not None:
            root = doc[after]  # "said Army Capt" of "said Army Capt. Ana Roe", the name split
            # off into a sentence of its own and out of the source
    if root.is_punct:
        words = [t for t in span if not t.is_punct]
        if words:
            root = words[-1]
    if root.text[:1] in ("'", "’") and len(root) > 1 and root.i > span.start \
            and root.tag_ != "POS":
        root = root.nbor(-1)  # "he’s said", the clitic parsed as the subject: "he"
    if root.dep_ in ("det", "poss", "amod", "compound", "nummod") and root.head.pos_ in (
            "NOUN", "PROPN") and actor_at(span.doc, root) is None \
            and (root.head.i < span.end or root.tag_ not in ("NNS", "NNPS")):
        root = root.head  # a cut-short source ("A" of "A ministry spokeswoman"), not a name,
        # nor plural people before a verb read as a noun ("Transit experts rebuke …")
    last = span[-1]
    if root.pos_ == "VERB" and last.pos_ == "NOUN" and last.head == root:
        root = last  # "festival insiders" with the first word read as a verb
    if len(span) > 2 and span[-2].tag_ == "POS" and last.lemma_.lower() in DOCUMENT_NOUNS \
            and actor_at(span.doc, root) is None:
        root = last  # "the secretary of state’s website", "website" misparsed under "of"
    if root.tag_ == "VBG":  # "residents campaigning to save X" with the participle made
        root = next((c for c in root.children if c.dep_ == "nsubj"  # the clause's head
                     and span.start <= c.i < span.end), root)
    return root


def find_anonymity_reasons(text: str) -> list[tuple[int, int]]:
    """Every stated reason for anonymity in ``text`` as char spans, tails included
    ("… on condition of anonymity because they were not authorised to …")."""
    out: list[tuple[int, int]] = []
    for m in _ANON_RE.finditer(text):
        if out and m.start() < out[-1][1]:
            continue  # inside the tail of the one before
        end = m.end()
        tail = _ANON_TAIL.match(text, end)
        while tail and tail.end() > end:
            end = tail.end()
            tail = _ANON_TAIL.match(text, end)
        out.append((m.start(), end))
    return out


class SourcesComponent(AttributionLayer):
    """Types, links and explains every attribution's source; adds the channel."""

    def enrich(
        self, doc: Doc, text: str, atts: list[Attribution], actors: list[Actor]
    ) -> tuple[list[Attribution], list[Span | None]]:
        """Source type, anonymity and its reason, actor link and channel of each attribution."""
        spans = {i: _span(doc, atts[i]) for i in range(len(atts))}
        reasons = self._assign_reasons(doc, text, {  # "“…,” said the woman, who declined …"
            i: sp or _cue_subject(doc, atts[i]) for i, sp in spans.items()})
        infos = self._resolve(doc, text, atts, actors, spans, reasons, None)
        lead = _most_quoted(actors, infos)
        if lead is not None and (
                any(sp is not None and sp.start_char < _headline_end(text)
                    for sp in spans.values())
                or any(i.type == "named_person" and i.actor is None for i in infos.values())
                or (not reasons and any(i.type == "anonymous_person" for i in infos.values()))):
            # a headline, or an opening "the president said", names no one before it: it is
            # the person the article quotes most, known once the body's sources are resolved
            infos = self._resolve(doc, text, atts, actors, spans, reasons, lead)
        for k, reason in _first_name_only(doc, text, actors).items():
            for i, info in infos.items():
                if info.actor == k and info.type == "named_person":
                    infos[i] = _Info("anonymous_person", True, (reason,), None, info.lemma, False)
        out = list(atts)
        extra: list[Span | None] = []
        for i, info in infos.items():
            a = atts[i]
            channel = self._channel(doc, text, a)
            cue = cue_span(doc, a)
            speaker = None if spans[i] is not None or cue is None or cue.root.tag_ == "VBG" \
                else _cue_subject(doc, a)
            if speaker is not None and speaker.root.ent_type_ == "PERSON":  # "“…?” asked Mr.
                # Manafort": who asks is no hearer (but "telling Christie to go" has one)
                channel = tuple(c for c in channel if not (
                    c[0] < speaker.end_char and speaker.start_char < c[1]))
            out[i] = replace(
                a, source_type=info.type, anonymous=info.anonymous, anonymous_reason=info.reason,
                actor=info.actor, channel=channel,
            )
            extra += [doc.char_span(s, e, label="CHANNEL", alignment_mode="expand")
                      for s, e in channel]
            extra += [doc.char_span(s, e, label="ANONYMITY", alignment_mode="expand")
                      for s, e in info.reason]
        return out, extra

    def _resolve(
        self, doc: Doc, text: str, atts: list[Attribution], actors: list[Actor],
        spans: dict[int, Span | None], reasons: dict[int, tuple[int, int]], lead: int | None,
    ) -> dict[int, _Info]:
        """What each source is, in text order, each reference resolved against the sources
        before it; ``lead`` is the person quoted most, for descriptions with no one before."""
        sents = [k for k, sent in enumerate(doc.sents) for _ in sent]  # token -> sentence
        gender = self._genders(text, actors)
        quotes = [m.span() for m in _QUOTATION.finditer(text)]
        quoted = _merged([o for a in atts for o in a.content] + quotes)  # also words the
        # model gave no one
        headline = _headline_end(text)
        introduced = _introductions(doc, headline, quoted)
        used = _first_uses(doc)
        # before anyone is named, "A New York judge has rejected …" opens a story that names
        # the judge later; with no reason for anonymity anywhere, it is the person quoted most
        opening = -1 if lead is None or reasons else min(
            (s for actor in actors if actor.type == "person" for s, _ in actor.mentions
             if s >= headline), default=len(text))
        done: dict[int, tuple[int, int, float, _Info]] = {}  # i -> (sent, char, subject, info)
        infos: dict[int, _Info] = {}
        writer: list[int | None] = []  # found once, at the first "I"
        turns = _interview_turns(text)
        guest = _guest(actors, headline, lead) if turns else None
        for i in sorted(range(len(atts)), key=lambda i: _anchor(atts[i])):
            a = atts[i]
            span = spans[i] or self._shared_source(doc, a, atts, spans) \
                or _cue_subject(doc, a)
            in_headline = span is not None and span.start_char < headline
            own = tuple(q for q in quotes if any(s < q[1] and q[0] < e for s, e in a.content))
            info = self._classify(doc, a, span, actors, done, gender, sents, quoted, lead,
                                  in_headline, introduced, used, own)
            if span is not None and span.start_char < opening and info.anonymous \
                    and lead is not None and _delayed_name(span, actors[lead], headline):
                info = _Info("named_person", False, (), lead, info.lemma, False)
            named = _named_next(span, actors) if span is not None and info.anonymous \
                and i not in reasons else None
            if named is not None:  # "… left one Coralville pastor puzzled. “…,” said Brad
                info = _Info("named_person", False, (), named, info.lemma, False)  # Sherman,
                # pastor of …"
            me = None if span is None else _root(span) if len(span) > 1 else span[0]
            turn = None if me is None or not turns or _inside_quotation(text, me.idx) \
                else next((kind for start, kind in reversed(turns) if start <= me.idx), None)
            if turn is not None and me.lower_ in (_FIRST_PERSON if turn == "A" else _YOU):
                info = _Info("named_person", False, (), guest, me.lower_, False)  # "A: I
                # think", "Q: Were you surprised?": the one interviewed
            elif me is not None and me.lower_ in _FIRST_PERSON \
                    and not _inside_quotation(text, me.idx):  # the writer's own "I"
                writer = writer or [_writer(doc, text, actors, headline)]
                info = _Info("named_person", False, (), writer[0], "i", False)
            if i in reasons:  # a stated reason makes any source an anonymous one
                info = replace(info, reason=(reasons[i],), anonymous=True)
            if info.anonymous:
                info = replace(info, type="anonymous_person", actor=None)
            elif info.type == "document":  # an outlet or a report speaks; no actor is linked
                info = replace(info, actor=None)
            if span is not None:
                root = _root(span)
                weight = _subject_weight(root)
                cue = cue_span(doc, a) if not weight and root.pos_ == "PROPN" else None
                if cue is not None and root.i < cue.start and root.sent == cue.root.sent:
                    weight = 1.0  # the speaker before a cue is its subject, however the parser
                    # hung it ("Beck joked", a compound to the parser)
                done[i] = (sents[root.i], root.idx, weight, info)
                if info.actor is not None and _PERSON_PRON.get(root.lower_):
                    gender.setdefault(info.actor, _PERSON_PRON[root.lower_])
            infos[i] = info
        return infos

    # -- typing and linking --------------------------------------------------------------

    @staticmethod
    def _shared_source(doc: Doc, a: Attribution, atts: list[Attribution],
                       spans: dict[int, Span | None]) -> Span | None:
        """The source a source-less conjunct or participle cue shares with the cue before it
        in its sentence: "X warned … and said …", "X rejected …, saying …". Used for typing
        and linking only; the source spans stay as the attribution model found them."""
        j = cue_before_conjunct(doc, a, atts, [j for j, sp in spans.items() if sp is not None])
        if j is None:
            return None
        cue, before = cue_span(doc, a), cue_span(doc, atts[j])
        if cue is not None and before is not None and not any(
                before.start <= t.i < before.end for t in cue.root.ancestors):
            return None  # "was defensive about a builder who said …, saying …": the participle
            # hangs on the main clause, not on the cue in a relative clause before it
        return spans[j]

    def _classify(
        self, doc: Doc, a: Attribution, span: Span | None, actors: list[Actor],
        done: dict[int, tuple[int, int, float, _Info]], gender: dict[int, str],
        sents: list[int], quoted: Offsets, lead: int | None, in_headline: bool,
        introduced: dict[str, int], used: dict[str, int], own: Offsets,
    ) -> _Info:
        """Resolve a reference if the source is one, else type it from its own words;
        ``quoted`` holds every attribution's content (names there rank lower as antecedents);
        ``own`` the whole quotations its content is part of (no name there is its speaker:
        "“… Sadly Judge Pell ruled against us. We will appeal,” he said", the content being only
        the quote's last sentence);
        ``introduced`` where each person noun first came unnamed ("an employee said"),
        ``used`` where each noun first came at all;
        ``lead`` is the person quoted most, whom a description in the headline, or one with
        no person named before it, stands for."""
        if span is None or _acted_on(doc, a, span):
            return _Info("unspecified", False, (), None, "", False)
        root = _root(span)
        if len(span) == 1 and span[0].lower_ in _POSSESSIVES and any(
                s <= span[0].head.idx < e for s, e in a.cue):
            root = span[0]  # "his critique of" is his, as "he criticised" is he
        low = root.lower_
        if (low == "it" and not [t for t in span if t.pos_ in ("NOUN", "PROPN")]
                and (root.dep_ in ("nsubjpass", "expl") or root.head.tag_ == "VBN")):
            return _Info("unspecified", False, (), None, "", False)  # "It is said that …"
        exclude = a.content + own
        if (low in _PERSON_PRON or low in _PLURAL_PRON or low in ("it", "its")) \
                and not _has_conj(root):  # "She and her aides" are a group
            found = self._antecedent(doc, root, actors, done, gender, sents, exclude, quoted,
                                     introduced)
            if found is not None and low in _PLURAL_PRON and found.type == "organisation":
                return _Info("group", False, (), None, found.lemma, True)  # "they" are its
                # people ("The club … They said"), several speakers, not the body
            if found is not None:
                return found
        noun = _relative_noun(root)
        if noun is not None:
            if low == "who":
                noun = _who_antecedent(doc, actors, root, noun)
                while noun.dep_ == "conj" and noun.head.dep_ in ("appos", "conj") \
                        and actor_at(doc, noun) is None \
                        and (noun.pos_ == "NOUN" or noun.ent_type_ == "NORP"):
                    noun = noun.head  # "X, a consultant and an influential Republican who"
            if noun.dep_ == "appos" and actor_at(doc, noun) is None:
                if actor_at(doc, noun.head) is not None:
                    noun = noun.head  # "Gov. Otter, an early endorser, who …" is Otter
                elif low == "who" and noun.head.pos_ == "PROPN" \
                        and _person_noun(noun.lemma_.lower()):
                    return _Info("named_person", False, (), None, noun.lemma_.lower(), False)
                    # "Hal Dorn, a developer, who …": a name NER missed, not an unnamed one
            k = actor_at(doc, noun)
            if low == "who" and k is not None and actors[k].type == "person" and any(
                    c.dep_ == "conj" for c in noun.children) and all(
                    c.i > root.i for c in noun.children if c.dep_ == "conj"):
                return _Info("named_person", False, (), k, noun.lemma_.lower(), False)
                # "A, a magnate who backed X; and B": the clause is about A alone
            described = self._who_described(doc, actors, noun, gender, quoted, lead) \
                if low == "who" and k is None else None
            if described is not None:
                return _Info("named_person", False, (), described, noun.lemma_.lower(), False)
            return self._base(doc, doc[noun.left_edge.i : noun.i + 1], noun, actors)
        named = None if actor_at(doc, root) is not None or root.tag_ in ("NNS", "NNPS") \
            else _appositive_name(doc, span, actors)  # "The candidates, X and Y" are several
        if named is not None:  # "one of the family's lawyers, Jun Okafor"
            return _Info("named_person", False, (), named, low, False)
        named = _name_beside_title(doc, span, root, actors)
        if named is not None:  # "Vatican spokesman the Rev. Federico Lombardi told"
            return _Info("named_person", False, (), named, low, False)
        name = _trailing_name(root) if _person_noun(root.lemma_.lower()) \
            and root.tag_ == "NN" else None
        if name is not None:  # "One teacher backing the plan, Dara Quill of Eastbank,"
            return _Info("named_person", False, (), actor_at(doc, name), low, False)
        if low in ("one", "another") and root.dep_ in ("appos", "conj") \
                and root.head.tag_ == "NNS" and root.head.lemma_.lower() in DOCUMENT_NOUNS:
            return _Info("document", False, (), None, root.head.lemma_.lower(), False)  # "two
            # tables, one giving …, and another …": one of the documents, no one unnamed
        if low in ("one", "another") and not _is_fraction(root) and not _no_one(root):
            # "One said", "one of the people said"; "Yet another said" after "a Democrat said"
            prior = self._latest(done, sents[root.i], root.idx,
                                 lambda info: (info.plural and info.type != "organisation")
                                 or (low == "another" and info.anonymous))
            last = self._latest(done, sents[root.i], root.idx, lambda info: True) \
                if low == "another" else None
            if prior is not None or (last is not None and not last.plural
                                     and last.type == "named_person"):  # "X tweeted …
                return _Info("anonymous_person", True, (), None, low, False)  # Another tweeted"
            among = _word_before(root.head) if root.dep_ == "pobj" else root
            if root.head.lower_ in ("including", "among") and among.tag_ == "NNS" \
                    and _person_noun(among.lemma_.lower()):  # "questions from attendees,
                return _Info("anonymous_person", True, (), None, low, False)  # including
                # one asking …"
        if in_headline and root.is_title and root.pos_ in ("PROPN", "NOUN") \
                and actor_at(doc, root) is None:  # title case: "Sanders" tagged a noun
            named = _by_surname(actors, root.text)  # "Sanders: Clinton needs to …"
            if named is not None:
                return _Info("named_person", False, (), named, low, False)
        if lead is not None and in_headline:  # "DNC chair dismisses …"
            last = next((t for t in reversed(span) if t.pos_ in ("NOUN", "PROPN")), root)
            named = {k for t in span if (k := actor_at(doc, t)) is not None}
            if last.lower_ in PERSON_ROLE_NOUNS and not last.ent_type_ and not any(
                    c.lower_ in ("a", "an") for c in last.children) and not any(
                    actors[k].type == "person" for k in named):
                titled = self._titled(actors, last, later_only=True, most=True)
                return _Info("named_person", False, (), lead if titled is None else titled,
                             last.lower_, False)  # "Indiana governor endorses Cruz": the
                # governor the body names, though Cruz is quoted more
        dets = {c.lower_ for c in root.children if c.dep_ == "det"}
        possessed = root.lemma_.lower() in PERSON_ROLE_NOUNS - SPOKES_NOUNS and any(
            c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN") for c in root.children)
        owner = {t.i for c in root.children if c.dep_ == "poss" for t in c.subtree}
        owners = {k for i in owner if (k := actor_at(doc, doc[i])) is not None}
        unnamed = self._unnamed_before(done, sents, root) if "the" in dets else None
        if unnamed is not None and any(_names_someone(doc, actors, t) for t in span):
            return unnamed  # "a senior Calder aide, asking for anonymity, … (a page on) the
            # senior Calder aide said": still unnamed, though a name describes the aide
        if (dets & _DEFINITE or possessed) \
                and actor_at(doc, root) is None and not any(  # "Obama's former strategist"
                    _names_someone(doc, actors, t) for t in span if t.i not in owner) \
                and not (root.pos_ == "PROPN" and is_outlet(  # "the Ostwick Examiner" is
                    doc[root.left_edge.i : root.i + 1].text)):  # no epithet of a person
            lemma = root.lemma_.lower()
            several = root.tag_ == "NNS" and lemma in ORG_NOUNS - {"police", "military"}
            same = None if several else self._latest(  # "the departments": both bodies
                done, sents[root.i], root.idx,
                lambda info: info.lemma == lemma and info.actor is not None, within=12)
            if same is not None:
                return same
            if lemma in ORG_NOUNS and not several:
                org = self._org_for(doc, actors, root, exclude)
                if org is not None:
                    return _Info("organisation", False, (), org, lemma, False)
            plural = root.tag_ in ("NNS", "NNPS") or lemma in GROUP_WORDS
            prior = self._latest(done, sents[root.i], root.idx,  # "the official": not "officials"
                                 lambda info: info.lemma == lemma and info.plural == plural)
            prior = prior or unnamed  # "a council member, who asked for anonymity, … (a page
            # on) the council member said": an unnamed source keeps being the same one
            if prior is not None:
                return prior
            if "the" in dets and lemma in _PLAIN_PEOPLE and root.tag_ == "NN":
                last = self._latest(done, sents[root.i], root.idx, lambda info: not info.plural
                                    and info.type in ("named_person", "anonymous_person"),
                                    within=2)
                if last is not None and last.anonymous:  # "Another worshipper, who did not
                    return last  # want to be named, said … “…,” the man said"
            titled = None if lemma in _BODIES_AND_DOCUMENTS or lemma in PARTIES \
                else self._titled(actors, root)  # "the Wisconsin Republican" is no title
            epithet = "the" in dets and _person_noun(lemma) and lemma in used \
                and _definite(doc[used[lemma]]) \
                and lemma not in ANON_NOUNS and lemma not in _BODIES_AND_DOCUMENTS
            described = epithet or (("the" in dets or possessed) and lemma in PERSON_ROLE_NOUNS)
            proper = root.tag_ == "NNP" and "the" in dets and root.ent_type_ in ("", "NORP") \
                and (described or (root.ent_type_ == "NORP" and _is_subject(root)))  # a title
            # tagged as a name ("the former House Speaker", "the billionaire mogul"), one of a
            # party who speaks ("the Texan said"; not "according to The Federalist")
            if titled is None and ((described and root.tag_ == "NN") or proper) \
                    and not _has_conj(root):
                titled = self._salient_person(doc, actors, root, gender, quoted, lead, owners)
            if titled is not None:
                return _Info("named_person", False, (), titled, root.lemma_.lower(), False)
            if "the" in dets and root.tag_ == "NN" and lemma not in PERSON_ROLE_NOUNS \
                    and _person_noun(lemma) and introduced.get(lemma, root.i) < root.i:
                return _Info("anonymous_person", True, (), None, lemma, False)  # "an employee
                # for the firm … The employee told agents"
        if dets & {"a", "an"} and root.tag_ == "NN" and root.lemma_.lower() in TITLE_WORDS \
                and not any(t.lower_ in _UNNAMING for t in span):
            later = self._titled(actors, root, later_only=True)
            if later is not None:  # "a federal judge ruled … Judge Pell wrote": an office
                return _Info("named_person", False, (), later, root.lemma_.lower(), False)
                # holder the story names below
        return self._base(doc, span, root, actors)

    def _who_described(self, doc: Doc, actors: list[Actor], noun: Token,
                       gender: dict[int, str], quoted: Offsets, lead: int | None) -> int | None:
        """The person a "who" clause's unnamed noun stands for: the copula's subject ("Ana
        Roe is the attorney who …"), or the person "the Wisconsin Republican" or "the
        candidate" means, found as for a subject with that description."""
        subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None) \
            if noun.dep_ == "attr" and noun.head.lemma_ == "be" else None
        named = None if subject is None else actor_at(doc, subject)
        if named is not None and actors[named].type == "person":
            return named
        lemma = noun.lemma_.lower()
        if noun.tag_ not in ("NN", "NNP") or not (
                noun.ent_type_ == "NORP" or lemma in PERSON_ROLE_NOUNS) or not any(
                c.lower_ == "the" for c in noun.children) or _has_conj(noun):
            return None
        titled = None if lemma in PARTIES else self._titled(actors, noun)
        return titled if titled is not None else self._salient_person(
            doc, actors, noun, gender, quoted, lead)

    @staticmethod
    def _base(doc: Doc, span: Span, root: Token, actors: list[Actor]) -> _Info:
        """A source typed from its own words, without looking back."""
        lemma = root.lemma_.lower()
        person = _one_titled_name(doc, root, actors)
        if person is not None:  # "chief pollster and strategist Joel Benenson"
            return _Info("named_person", False, (), person, lemma, False)
        if _has_conj(root) or _two_people(doc, span, root):  # "Clinton, Sanders and
            # O'Malley",
            if all(t.lemma_.lower() in DOCUMENT_NOUNS or is_outlet(  # "Multiple reports and a
                    doc[t.left_edge.i : t.i + 1].text) for t in _conjuncts(root)):  # detailed
                return _Info("document", False, (), None, lemma, True)  # account", "the Times
                # and the Journal": documents
            return _Info("group", False, (), None, lemma, True)  # "the Times and Gannett"
        if lemma in SHARE_WORDS or _no_one(root) or (root.like_num and (
                lemma != "one" or _is_fraction(root))):
            return _Info("group", False, (), None, lemma, True)  # "46 percent", "one in five"
        if lemma in _CROWDS or any(c.dep_ in ("det", "predet") and c.lower_ in ("both", "neither")
                                   for c in root.children):
            return _Info("group", False, (), None, lemma, True)  # "The audience cheered",
            # "Neither company would comment": several, whatever the noun's number
        if lemma in PARTITIVES or lemma.removesuffix("s") in PARTITIVES \
                or lemma in ("group", "coalition"):  # "handfuls" tagged as singular
            of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            counted = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
            if counted is not None and (lemma not in ("group", "coalition")
                                        or counted.tag_ in ("NNS", "NNPS")):
                return SourcesComponent._base(doc, span, counted, actors)  # "a group of doctors"
        plural = root.tag_ in ("NNS", "NNPS") or lemma in GROUP_WORDS
        familiar = _familiar(root)
        if plural and root.ent_type_ == "NORP" \
                and not any(c.lower_ == "the" for c in root.children):
            return _Info("anonymous_person", True, (), None, lemma, True) if familiar else \
                _Info("group", False, (), None, lemma, True)  # "Republicans", not "the Saudis";
            # "Democrats close to the campaign" keep their knowledge and hide their names
        at = actor_at(doc, root)
        if at is None:
            at = next((actor_at(doc, c) for c in root.children
                       if c.dep_ == "appos" and actor_at(doc, c) is not None), None)
        if at is not None and _common_plural(actors[at].name):
            at = None  # "Aides said" opening a sentence, taken by NER for a name
        if at is not None:
            actor = actors[at]
            if actor.type == "person" and root.tag_ == "NNPS" and _definite(root):
                return _Info("group", False, (), None, lemma, True)  # "The Clintons": a family
            if actor.type == "person" and (not is_outlet(actor.name) or _given_first(
                    actor, actors)) \
                    and actor.name.lower() not in PLATFORM_NOUNS:  # NER may take "USA Today"
                return _Info("named_person", False, (), at, lemma, False)  # or "Twitter" for one
            outlet = _is_outlet_actor(actor) or is_outlet(  # "The Hill", an actor "Hill"
                doc[root.left_edge.i : root.i + 1].text)
            kind: SourceType = "document" if outlet else "organisation"
            return _Info(kind, False, (), at, lemma, False)
        if familiar and not plural and (root.ent_type_ == "NORP" or (
                root.pos_ == "NOUN" and _person_noun(lemma))):  # "one Democrat familiar with"
            return _Info("anonymous_person", True, (), None, lemma, False)
        inside = next((actor_at(doc, t) for t in span if actor_at(doc, t) is not None), None)
        if any(c.dep_ == "appos" and c.tag_ == "NNP" for c in root.children):
            return _Info("named_person", False, (), None, lemma, False)  # "a spokeswoman, Ana V"
        if lemma in SPOKES_NOUNS:
            org = inside if inside is not None and actors[inside].type == "organisation" else None
            kind_word = next((c for c in root.children if c.dep_ == "compound"
                              and c.lemma_.lower() in GENERIC_ORG_NOUNS), None)
            if org is None and kind_word is not None:  # "a company spokesman"
                org = SourcesComponent._org_for(doc, actors, kind_word, ())
            return _Info("organisation", False, (), org, lemma, plural)
        if lemma in DOCUMENT_NOUNS or any(c.lower_ == "editorial" for c in root.children):
            return _Info("document", False, (), None, lemma, plural)  # "the editorial board"
        if lemma in ORG_NOUNS and (not plural or lemma in ("police", "military")):
            org = inside if inside is not None and actors[inside].type == "organisation" else None
            return _Info("organisation", False, (), org, lemma, False)
        dets = {c.lower_ for c in root.children if c.dep_ in ("det", "nummod")}
        indefinite = bool(dets & {"a", "an", "one", "another", "some", "any"})
        if indefinite and root.pos_ == "PROPN" and not root.ent_type_ \
                and _person_noun(root.lower_):
            return _Info("anonymous_person", True, (), None, root.lower_, False)  # "A Guy Says"
        if indefinite and not plural and root.ent_type_ == "NORP":  # "a New Hampshire
            return _Info("anonymous_person", True, (), None, lemma, False)  # Democrat said"
        if plural and root.pos_ == "PROPN" and not root.ent_type_ and (
                _person_noun(root.lower_.removesuffix("s")) or root.lower_ == "groups"):
            return _Info("group", False, (), None, lemma, True)  # title case: "Terrorism
            # Experts Rebuke …", "Anti-Tax Groups Launch Ads"
        if (root.pos_ == "PROPN" or root.ent_type_) and not _common_plural(root.text):
            body = root.ent_type_ in ("ORG", "GPE", "NORP") or (  # "The Islamic State"
                "the" in dets and root.ent_type_ != "PERSON" and root.tag_ == "NNP") \
                or _acronym(root) or root.lower_ in PLATFORM_NOUNS  # "according to Facebook"
            kind = "organisation" if body else "named_person"
            if is_outlet(doc[root.left_edge.i : root.i + 1].text):
                kind = "document"  # an outlet NER missed or called a person ("Politico")
            return _Info(kind, False, (), None, lemma, plural)
        if familiar and root.lower_ in ("those", "some", "others", "several", "many"):
            return _Info("anonymous_person", True, (), None, lemma, True)  # "some close to her"
        if plural:  # "insiders said", but "most insiders", "the Republican insiders": a group
            anon = lemma == "source" or (lemma == "insider" and not any(
                c.dep_ in ("det", "amod", "nummod") and c.lower_ in GROUP_WORDS | _DEFINITE
                for c in root.children)) or (lemma in ANON_NOUNS and familiar)
            kind = "anonymous_person" if anon else "group"
            return _Info(kind, anon, (), None, lemma, True)
        like = next((actor_at(doc, o) for c in root.children if c.dep_ == "prep"
                     and c.lower_ == "like" for o in c.children if o.dep_ == "pobj"), None)
        if root.lower_ in ("someone", "somebody") and like is not None \
                and actors[like].type == "person":
            return _Info("named_person", False, (), like, lemma, False)  # "someone like Hale"
        if root.pos_ == "PRON" and root.lower_ not in ("one", "someone", "somebody"):
            return _Info("unspecified", False, (), None, lemma, False)
        if indefinite and root.pos_ == "NOUN" and not _person_noun(lemma):
            return _Info("unspecified", False, (), None, lemma, False)  # "an argument about"
        if lemma in ANON_NOUNS or indefinite or root.pos_ == "PRON" or (
                lemma in _ACQUAINTANCES and any(c.dep_ == "poss" for c in root.children)):
            return _Info("anonymous_person", True, (), None, lemma, False)  # "her friend said"
        return _Info("named_person", False, (), None, lemma, False)  # "the mayor", "owner says"

    def _antecedent(
        self, doc: Doc, root: Token, actors: list[Actor],
        done: dict[int, tuple[int, int, float, _Info]], gender: dict[int, str],
        sents: list[int], exclude: Offsets, quoted: Offsets, introduced: dict[str, int],
    ) -> _Info | None:
        """The nearest compatible earlier source or actor mention for a pronoun; also the
        subject that brought in someone unnamed ("A partner at the firm told them … he
        recommended"), who stays unnamed."""
        low = root.lower_
        want = "person" if low in _PERSON_PRON else "plural" if low in _PLURAL_PRON \
            else "organisation"
        g = _PERSON_PRON.get(low, "")
        here = root.idx
        best: tuple[tuple[float, int], _Info] | None = None
        hearers = {actor_at(doc, o) for o in _objects(root.head)} - {None}  # "he told Rubio":
        # not Rubio

        def offer(key: tuple[float, int], info: _Info) -> None:
            nonlocal best
            if (best is None or key > best[0]) and info.actor not in hearers:
                best = (key, info)

        for sent, char, subject, info in done.values():
            if char >= here or info.lemma == "i":  # the writer is no "he" of the story
                continue
            ok = (
                info.type in ("named_person", "anonymous_person") and not info.plural
                if want == "person"
                else info.type in ("organisation", "document") if want == "organisation"
                else info.plural or info.type == "organisation"
            )
            if ok and not (g and info.actor is not None and gender.get(info.actor, g) != g):
                offer((sent + _SUBJECT_BONUS * subject, char), info)
        for k, actor in enumerate(actors):
            if (want == "person") != (actor.type == "person"):
                continue
            if g and gender.get(k, g) != g:
                continue
            for s, e in actor.mentions:
                if e > here or any(cs <= s < ce for cs, ce in exclude):
                    continue
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is None:
                    continue
                head = span.root
                kind: SourceType = "named_person" if actor.type == "person" else (
                    "document" if _is_outlet_actor(actor) else "organisation")
                inside = _covers(quoted, s)
                offer((sents[head.i] + _SUBJECT_BONUS * _subject_weight(head)
                       - _QUOTED_PENALTY * inside, s),
                      _Info(kind, False, (), k, head.lemma_.lower(), False))
        # a subject of the two sentences before: "Twenty-seven states … are challenging …
        # They argue", "the white paper is detailed … It lays out", "The Republican nominee
        # also outlined his plan. He repeatedly linked …"
        start = root.sent.start
        for _ in range(2):
            start = doc[start - 1].sent.start if start > 0 else start
        for t in doc[start : root.i]:
            owner = t.dep_ == "poss" and t.head.dep_ in _SUBJECT_DEPS  # "the nominee's support
            # … he has said": the subject's owner, a title resolved as a subject's would be
            if (t.dep_ not in _SUBJECT_DEPS and not owner) or actor_at(doc, t) is not None \
                    or _covers(quoted, t.idx):
                continue
            lemma = t.lemma_.lower()
            if want == "person" and not owner and introduced.get(lemma) == t.i \
                    and _person_noun(lemma) and _NOUN_GENDER.get(lemma, g) == g \
                    and t.sent != root.sent:
                offer((sents[t.i] + _SUBJECT_BONUS * _subject_weight(t), t.idx),
                      _Info("anonymous_person", True, (), None, lemma, False))
            elif want == "person":
                k = self._described(doc, actors, t, gender, quoted)
                if k is not None and not (g and gender.get(k, g) != g):
                    offer((sents[t.i] + _SUBJECT_BONUS * _subject_weight(t), t.idx),
                          _Info("named_person", False, (), k, lemma, False))
            elif owner:
                continue
            elif t.tag_ in ("NNS", "NNPS") if want == "plural" else (
                    t.tag_ == "NN" and lemma in _BODIES_AND_DOCUMENTS):
                info = self._base(doc, doc[t.left_edge.i : t.i + 1], t, actors)
                offer((sents[t.i] + _SUBJECT_BONUS, t.idx), info)
        return None if best is None else best[1]

    def _described(self, doc: Doc, actors: list[Actor], t: Token, gender: dict[int, str],
                   quoted: Offsets) -> int | None:
        """The person a definite title that is no source stands for ("The Civic nominee is a
        keen cyclist"), resolved as a source with that title would be."""
        if t.tag_ != "NN" or t.lemma_.lower() not in PERSON_ROLE_NOUNS or not any(
                c.lower_ == "the" for c in t.children) or _has_conj(t):
            return None
        titled = self._titled(actors, t)
        return titled if titled is not None else self._salient_person(
            doc, actors, t, gender, quoted, None)

    @classmethod
    def _unnamed_before(cls, done: dict[int, tuple[int, int, float, _Info]], sents: list[int],
                        root: Token) -> _Info | None:
        """The latest anonymous source, up to :data:`_ANONYMOUS_REACH` sentences back, with
        the head noun of a singular definite description ("the senior official")."""
        if root.tag_ != "NN":
            return None
        lemma = root.lemma_.lower()
        return cls._latest(done, sents[root.i], root.idx, lambda info: info.anonymous
                           and not info.plural and info.lemma == lemma, within=_ANONYMOUS_REACH)

    @staticmethod
    def _latest(done: dict[int, tuple[int, int, float, _Info]], sent: int, here: int,
                test: Callable[[_Info], bool], within: int = 5) -> _Info | None:
        """The latest earlier source, at most ``within`` sentences back, passing ``test``."""
        found = [(c, info) for s, c, _, info in done.values()
                 if c < here and sent - s <= within and test(info)]
        return max(found, key=lambda x: x[0])[1] if found else None

    @staticmethod
    def _org_for(doc: Doc, actors: list[Actor], root: Token, exclude: Offsets) -> int | None:
        """The organisation "the agency" or "the company" refers to: one whose name or roles
        hold the noun, else, for a generic noun, the one mentioned last (not a news outlet)."""
        lemma = root.lemma_.lower()
        for k, actor in enumerate(actors):
            words = " ".join((actor.name, *actor.roles)).casefold().split()
            if actor.type == "organisation" and lemma in words and actor.mentions[0][0] < root.idx:
                return k
        if lemma not in GENERIC_ORG_NOUNS or any(
                c.dep_ in ("compound", "amod", "prep", "nmod") for c in root.children):
            return None  # "the opposition group on the council" is a new one
        best: tuple[int, int] | None = None
        for k, actor in enumerate(actors):
            if actor.type != "organisation" or _is_outlet_actor(actor):
                continue
            if lemma in _MEMBERS_BODIES and not _MEMBERS_BODIES[lemma] & set(
                    actor.name.casefold().split()):
                continue  # "the union" is no company: a body of members by its name
            for s, e in actor.mentions:
                if s >= root.idx or any(cs <= s < ce for cs, ce in exclude):
                    continue
                mention = doc.char_span(s, e, alignment_mode="expand")
                if mention is None or mention.root.dep_ == "compound":  # "its Tannery Road plant"
                    continue
                if best is None or s > best[0]:
                    best = (s, k)
        return None if best is None else best[1]

    @staticmethod
    def _titled(actors: list[Actor], root: Token, later_only: bool = False,
                most: bool = False) -> int | None:
        """The named person whose role has this head noun ("the minister"), the one whose
        role shares most of the description's modifiers ("The Republican nominee" is not
        the "Democratic vice presidential nominee"), then the one first named last; with no
        such person named before, the only one named later ("The judge said … Judge Pell"),
        the only answer with ``later_only``; with ``most``, of several named later, the one
        named most often, if no other is named as often."""
        lemma = root.lemma_.lower()
        modifiers = {c.lower_ for c in root.children if c.dep_ in ("amod", "compound")}
        best: tuple[int, int, int] | None = None
        later: list[int] = []
        for k, actor in enumerate(actors):
            if actor.type != "person":
                continue
            if _clash(_parties(modifiers), actor.roles):
                continue  # "The Democratic nominee" is not the "Republican nominee"
            shared = [len(modifiers & words) for role in actor.roles
                      if lemma in (words := {ABBREVIATED.get(w, w)
                                             for w in role.casefold().split()})
                      and not (words & RANKS) - modifiers]  # "the president": no vice president
            first = actor.mentions[0][0]
            if shared and first < root.idx and not later_only \
                    and (best is None or (max(shared), first) > best[:2]):
                best = (max(shared), first, k)
            elif shared and first > root.idx and root.tag_ in ("NN", "NNP") \
                    and _person_noun(lemma):  # one person's title: not "the senators"
                later.append(k)
        if best is not None:
            return best[2]
        if most and len(later) > 1:
            counts = sorted(((len(actors[k].mentions), k) for k in later), reverse=True)
            return counts[0][1] if counts[0][0] > counts[1][0] else None
        return later[0] if len(later) == 1 else None

    @staticmethod
    def _salient_person(doc: Doc, actors: list[Actor], root: Token, gender: dict[int, str],
                        quoted: Offsets, lead: int | None,
                        owners: set[int] | None = None) -> int | None:
        """Whom an unmatched "the Republican nominee" or "the New York businessman" most
        likely means: a person of a fitting gender who was the subject of one of the two
        sentences before, else the one named most often outside quotes (ties: named last),
        else, with no one named before, ``lead``; never the description's possessor (Obama
        is not "Obama's former strategist")."""
        want = _NOUN_GENDER.get(root.lower_, "")
        here = root.idx
        party = _parties([root.lower_, *(c.lower_ for c in root.children)])
        people = {
            k: [(s, e) for s, e in actor.mentions if s < here]
            for k, actor in enumerate(actors)
            if actor.type == "person" and not (want and gender.get(k, want) != want)
            and k not in (owners or ()) and not _clash(party, actor.roles)
        }
        sent = root.sent
        for k, mentions in people.items():  # "As far as whether Sanders still senses …, the
            for s, e in mentions:  # Vermont senator acknowledged": a fronted clause's subject;
                span = doc.char_span(s, e, alignment_mode="expand")  # "Hughes mocked Pell,
                if sent.start_char <= s and span is not None and _is_subject(span.root) \
                        and (span.root.head.dep_ in ("advcl", "pcomp", "ccomp", "csubj") or (
                            root.head.dep_ == "conj" and root.head.head == span.root.head)) \
                        and span.root.head.i < root.i and not _covers(quoted, s):
                    return k  # and the Ostwick governor cornered him": the first clause's
        for _ in range(2):
            if sent.start == 0:
                break
            sent = doc[sent.start - 1].sent
            for k, mentions in people.items():
                for s, e in mentions:
                    span = doc.char_span(s, e, alignment_mode="expand")
                    if sent.start_char <= s < sent.end_char and span is not None \
                            and _is_subject(span.root) \
                            and not _covers(quoted, s):
                        return k
        best: tuple[int, int, int, int] | None = None
        for k, mentions in people.items():
            free = [s for s, _ in mentions if not _covers(quoted, s)]
            if mentions:
                key = (len(free), len(mentions), max(s for s, _ in mentions), k)
                best = key if best is None or key > best else best
        return lead if best is None else best[3]

    @staticmethod
    def _genders(text: str, actors: list[Actor]) -> dict[int, str]:
        """He or she, where an honorific or a gendered title says so."""
        out: dict[int, str] = {}
        for k, actor in enumerate(actors):
            if actor.type != "person":
                continue
            roles = " ".join(actor.roles).casefold()
            for s, _ in actor.mentions:
                # a whole word: "terms.\n\nThomas Hale" holds no "Ms."
                before = re.search(r"(?:^|\s)(\w+)\.?\s*$", text[max(0, s - 12) : s])
                word = before.group(1).casefold() if before else ""
                if word in HONORIFICS and word.startswith("mr"):
                    out[k] = "m" if word in ("mr", "mr.") else "f"
                elif word in ("ms", "miss", "dame"):
                    out[k] = "f"
            # a gendered role ("9/11 widow Terry Strada") outweighs a given name's guess
            words = re.findall(r"[\w-]+", roles)
            said = {GENDERED_NOUNS[w] for w in words if w in GENDERED_NOUNS}
            if len(said) == 1:
                out.setdefault(k, said.pop())
            first = actor.name.split()[0].casefold()
            if first in FEMALE_NAMES:
                out.setdefault(k, "f")
            elif first in MALE_NAMES or any(w in _MAN_TITLES for w in words):
                out.setdefault(k, "m")
        return out

    @staticmethod
    def _assign_reasons(
        doc: Doc, text: str, spans: dict[int, Span | None]
    ) -> dict[int, tuple[int, int]]:
        """Give each stated reason for anonymity to the attribution it explains: the nearest
        one in its sentence (in a relative clause, the source the clause hangs on), and an
        earlier source with the same head noun as the reason
        sentence's subject, when that is plural or the sentence has no source of its own
        ("… according to military officials. Senior officials spoke only on condition of
        anonymity …"), and the plural source before a subject that counts back to it ("two
        men … (Neither wanted to share his name.)")."""
        out: dict[int, tuple[int, int]] = {}
        for s, e in find_anonymity_reasons(text):
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is None:
                continue
            sent = span.sent
            here = [i for i, sp in spans.items() if sp is not None
                    and sent.start <= sp.start < sent.end]
            inside = [i for i in here if spans[i].start_char <= s < spans[i].end_char]  # type: ignore[union-attr]
            clause = next((t for t in span if t.dep_ == "relcl" and t.head.i < span.start), None)
            if clause is not None:  # "Her neighbour, who asked not to be named, said"
                inside += [i for i in here if spans[i].start <= clause.head.i < spans[i].end]  # type: ignore[union-attr]
            for i in inside:
                out.setdefault(i, (s, e))
            who = doc[span.start - (span[0].lower_ not in _COUNTED_BACK and span.start > 0)]
            if who.lower_ in _COUNTED_BACK and who.dep_ in _SUBJECT_DEPS:  # "(Neither wanted
                plural = [i for i, sp in spans.items() if sp is not None  # to share his name.)"
                          and sp.end <= who.i and who.i - sp.start < 120
                          and _root(sp).tag_ in ("NNS", "NNPS")]
                if plural:
                    out.setdefault(max(plural, key=lambda i: spans[i].start), (s, e))  # type: ignore[union-attr]
            if inside:
                continue
            if here:
                best = min(here, key=lambda i: min(abs(spans[i].start_char - s),  # type: ignore[union-attr]
                                                   abs(spans[i].end_char - s)))  # type: ignore[union-attr]
                out.setdefault(best, (s, e))
            subjects = [t for t in sent if t.dep_ in _SUBJECT_DEPS and t.head.dep_ == "ROOT"]
            if not subjects or (here and subjects[0].tag_ != "NNS"):
                continue  # a sentence's own source keeps a reason, unless "officials spoke …"
            lemma = subjects[0].lemma_.lower()
            earlier = [i for i, sp in spans.items() if sp is not None and sp.end <= sent.start
                       and sent.start - sp.start < 120 and _root(sp).lemma_.lower() == lemma]
            if earlier:
                out.setdefault(max(earlier, key=lambda i: spans[i].start), (s, e))  # type: ignore[union-attr]
        return out

    # -- channel ---------------------------------------------------------------------------

    @staticmethod
    def _channel(doc: Doc, text: str, a: Attribution) -> Offsets:
        """Where or to whom the words were said, as char spans (may be empty)."""
        cue = cue_span(doc, a)
        if cue is None:
            return ()
        verb = cue.root
        if cue.start_char < 2 * HEADLINE_MAX and _title_case(verb.sent) \
                and cue.start_char < _headline_end(text):
            return ()  # "Mayor Vows Help For Riders": capitals hide which words are names
        if verb.lower_ == "according":  # "according to sources who spoke to Fox News"
            return _fixed_channel(text, a.source)
        if (cue_stance(doc, a, text) in UNSPOKEN
                and verb.lemma_ not in TOLD_VERBS | _VOICING | CARRIER_VERBS) \
                or verb.lemma_ in ("learn", "know") or any(
                (c.dep_ == "aux" and c.lower_ in ("may", "might", "could", "will"))
                or c.dep_ == "neg" for c in verb.children):
            return ()  # a thought, words still to come ("will argue at the hearing") or never
            # said ("doesn't mention it on the trail"); a promise made to someone has a
            # hearer ("assured the residents that …")
        found = _dependent_channels(doc, verb, cue, a)
        if not found:  # "Hughes, at Thursday's debate, cited …": a parenthesis the parser
            found = _parenthetical_channel(doc, verb, cue)  # hung on the verb before
        word = verb
        while not found and word.dep_ in ("advcl", "conj", "acl", "relcl") \
                and word.head.i < word.i:
            head = word.head  # "filed a complaint, claiming …", "a letter calling for …"
            if word.dep_ == "relcl":
                if head.pos_ == "NOUN" and head.lemma_.lower() in MEDIUM_NOUNS and any(
                        c.dep_ == "prep" and any(o.lower_ in ("which", "whom") for o in c.children)
                        for c in word.children):  # "held a news conference in which he said"
                    found = _outside_source([(head.left_edge.idx, head.idx + len(head))], a)
            elif word.dep_ == "acl" and head.lemma_.lower() in MEDIUM_NOUNS:  # "at a news
                where = head.head if head.dep_ == "pobj" else head  # conference announcing"
                found = _outside_source([_subtree_chars(where)], a)  # not "The book titled"
            elif head.pos_ in ("VERB", "AUX"):
                found = [p for p in _dependent_channels(doc, head, cue, a) if _carried(
                    doc, head, p) or (_is_phrase(doc, p) and (
                        (word.lemma_ in ("say", "add") or head.lemma_ in _PRESENCE
                         if word.tag_ == "VBG" else p[0] < head.idx or (
                             word.dep_ == "conj" and head.lemma_ == "say") or (
                             head.lemma_ in _PRESENCE and word.dep_ == "advcl"
                             and any(c.tag_ == "TO" for c in word.children)))
                        or any(c.dep_ == "advmod" and c.lower_ == "when"
                               for c in word.children)))]
                # one after the head verb covers a "when" clause ("X stretched the truth
                # during the debate, when she claimed …") and a conjunct of "said" ("said at
                # a press conference, and later forecast"), and a participle after a verb of
                # being somewhere ("was on Valdene Radio talking about …") or its purpose ("went
                # on Fox News to criticize …"), while "said in an interview, pointing out …"
                # keeps it the said's
            word = head
        if not found and verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.head.i < verb.i:
            return ()  # "said in an interview, pointing out …": the channel is the said's
        if not found:  # not from the content: "said he began speaking with …" is no channel
            sent = verb.sent
            if sent.start > 0 and not doc[sent.start - 1].is_punct \
                    and "\n" not in doc[sent.start - 1].text:
                sent = doc[sent.start - 1].sent  # a sentence the parser cut at a quotation
                # mark: "Tuesday on WTMJ’s | “Midday,” while discussing …, X said"
            return _fixed_channel(text, ((sent.start_char, verb.sent.end_char),), a.content)
        return tuple(sorted(found))


def _writer(doc: Doc, text: str, actors: list[Actor], headline: int) -> int | None:
    """Who an article's own "I" is (its first person outside quotation marks): the person a
    closing note on the writer names ("Ana Vellis is a playwright …"), else the one person
    whose book or essay the headline or an editor's note says this is ("excerpts from Ana
    Vellis’s new book"), else the one person a column's headline names before a colon ("Ana
    Vellis: …") whom the body never makes the subject of a sentence; else a writer with no
    name (``None``)."""
    noted: list[tuple[int, int]] = []
    last = text.rstrip().rfind("\n\n")
    authored: set[int] = set()
    titled: set[int] = set()
    subjects: set[int] = set()
    for k, actor in enumerate(actors):
        if actor.type != "person":
            continue
        for s, e in actor.mentions:
            if (s < headline or _EDITORS_NOTE.match(text, text.rfind("\n", 0, s) + 1)) \
                    and _WRITTEN_BY.match(text, e):
                authored.add(k)
            if s < headline:
                if text[e : e + 1] == ":":
                    titled.add(k)
                continue
            mention = doc.char_span(s, e, alignment_mode="expand")
            if mention is not None and _is_subject(mention.root) \
                    and not _inside_quotation(text, s):
                subjects.add(k)
            if s > last and not text[last:s].strip() \
                    and re.match(r"\s+(?:is|was|has been)\s", text[e : e + 12]):
                noted.append((s, k))
    only = titled - subjects
    return max(noted)[1] if noted else authored.pop() if len(authored) == 1 \
        else only.pop() if len(only) == 1 else None


def _interview_turns(text: str) -> list[tuple[int, str]]:
    """Where each question ("Q") and answer ("A") of an interview printed as one opens, in
    order; empty unless the article has at least two of each."""
    turns = [(m.start(), "Q" if m.group(1) else "A") for m in _TURN.finditer(text)]
    kinds = [kind for _, kind in turns]
    return turns if kinds.count("Q") >= 2 and kinds.count("A") >= 2 else []


def _guest(actors: list[Actor], headline: int, lead: int | None) -> int | None:
    """Who answers an interview's questions: the one person its headline names ("Q&A with
    Vice President Joe Biden"), else the person quoted most."""
    named = [k for k, actor in enumerate(actors)
             if actor.type == "person" and actor.mentions[0][0] < headline]
    return named[0] if len(named) == 1 else lead


def _title_case(sent: Span) -> bool:
    """Whether a line is in title case ("Mayor Vows Action On Trams"), where every word may
    look like a name."""
    words = [t for t in sent if t.is_alpha]
    return len(words) >= 3 and sum(t.is_title or t.is_upper for t in words) >= 0.8 * len(words)


def _inside_quotation(text: str, pos: int) -> bool:
    """Whether a position is inside quotation marks opened in its paragraph (curly,
    straight, or doubled apostrophes)."""
    before = text[text.rfind("\n", 0, pos) + 1 : pos]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1 \
        or before.count("''") % 2 == 1


def _is_phrase(doc: Doc, phrase: tuple[int, int]) -> bool:
    """Whether a channel is a medium or occasion ("in a statement"), not a hearer ("told the
    group, adding …" gives the group only the telling)."""
    span = doc.char_span(*phrase, alignment_mode="expand")
    return span is not None and span[0].pos_ == "ADP"


def _carried(doc: Doc, verb: Token, phrase: tuple[int, int]) -> bool:
    """Whether a channel phrase is the medium a carrier verb's object names ("issued a
    statement"), which every participle after it speaks through."""
    return verb.lemma_ in CARRIER_VERBS and any(
        c.dep_ == "dobj" and c.left_edge.idx == phrase[0] for c in verb.children)


def _dependent_channels(doc: Doc, verb: Token, cue: Span, a: Attribution) -> list[tuple[int, int]]:
    """The channels among a speech verb's dependents: its hearer ("told the AP"), a medium or
    occasion ("in a statement", "explained earlier in the hearing", "Speaking at a rally,
    X says"), a medium it carries ("issued a statement"); never the source itself."""
    phrases: list[tuple[int, int] | None] = []
    heads = [verb, *(c for c in verb.children  # "seemed to confirm before millions of …",
                     if c.dep_ in ("xcomp", "advcl") and cue.start <= c.i < cue.end)]  # "went
    # on to explain to reporters"
    heads += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "by"  # "opened
              and cue.start <= c.i < cue.end for g in c.children  # the hearing by asking X"
              if g.dep_ == "pcomp" and g.lemma_ in TOLD_VERBS and g.i < cue.end]
    if verb.dep_ == "pcomp" and verb.head.lower_ == "by" and verb.head.head.pos_ == "VERB" \
            and not any(c.tag_ == "TO" for c in verb.head.head.children):
        heads.append(verb.head.head)  # "responded to a reader by saying …"; not "is likely
        # to remind voters … by mentioning", still to come
    for head in heads:
        kids = [(head, c) for c in head.children]
        holders = [c for c in head.children if c.dep_ == "advmod" or (  # "explained earlier
            c.dep_ == "npadvmod" and c.ent_type_ in _WHEN)]  # in the council hearing", "said
        holders += [o for c in head.children if c.dep_ == "prep"  # Dec. 6 on Valdene Radio",
                    for o in c.children if o.dep_ == "pobj" and o.ent_type_ in _WHEN]  # "On
        kids += [(head, g) for c in holders  # Dec. 7 on the Ostwick Channel, X said": a
                 for g in c.children if g.dep_ == "prep"]  # phrase hung on the adverb or date
        if head.lemma_ == "discuss":  # "discussed the ruling with a radio host", the "with"
            kids += [(head, g) for o in head.children if o.dep_ == "dobj"  # hung on the
                     for g in o.children if g.dep_ == "prep" and g.lower_ == "with"]  # object
        subjects = [c for c in head.children if c.dep_ == "nsubj"]
        for p in [c for c in head.children if c.dep_ == "advcl"] + [
                c for s in subjects for c in s.children if c.dep_ == "acl"]:
            if p.tag_ == "VBN" and p.lemma_ in _ASKING_VERBS | {"interview"}:
                kids += [(head, g) for g in p.children if g.dep_ == "prep"]  # "Asked on the
                continue  # radio about the depot, she said": where the answer was given
            if p.tag_ != "VBG":
                continue
            if p.lemma_ in SPEAKING_VERBS:  # "Speaking at a rally, X says", "X, appearing at
                kids += [(head, g) for g in p.children if g.dep_ == "prep"]  # the forum, cited"
            elif p.lemma_ in ("give", "deliver") and any(  # "Giving a speech in Eastbank, X says"
                    g.dep_ == "dobj" and g.lemma_.lower() in MEDIUM_NOUNS for g in p.children):
                phrases.append(_subtree_chars(p))
            elif p.i < head.i:  # "Kicking off the day at a town hall meeting in Salem, X
                kids += [(head, g) for g in p.subtree if g.dep_ == "prep"  # accused": the
                         and g.lower_ in ("at", "during") and any(  # occasion opening it
                             o.dep_ == "pobj" and o.lemma_.lower() in OCCASIONS
                             for o in g.children)]
        for owner, child in kids:
            if owner.lemma_ in CARRIER_VERBS and child.dep_ == "dobj":
                medium = _counted(child)
                if owner == verb and verb.lemma_ in _PUT_OUT and child.i >= cue.end \
                        and a.content and a.content[0][0] == child.left_edge.idx:
                    continue  # "filed a lawsuit against the city", "released the emails":
                    # what is reported, not what carried it
                if _word(medium) in CARRIED_MEDIA:
                    phrases.append(_subtree_chars(child))  # "issued a statement denying …",
                    continue  # "unleashed a series of tweets saying …"
            prep = child.dep_ == "prep" or (child.dep_ in ("dative", "advcl")
                                             and child.pos_ == "ADP")  # "while at the congress"
            if child.i in range(cue.start, cue.end) and (not prep or (
                    child.i == cue.end - 1 and (owner.pos_ == "NOUN" or (
                        child.lower_ in ("at", "on", "upon") and (child.i - 1 == owner.i or doc[
                            child.i - 1].dep_ in ("prt", "advmod")) and not (
                            child.lower_ == "on" and owner.lemma_ not in TOPIC_VERBS and any(
                                _aired_on(o) for o in child.children if o.dep_ == "pobj")))))):
                continue  # a cue that ends in its verb's "at" or "on" ("hit back at") aims
                # it, as a noun's does ("Opposition to"); "shouted to" still has a hearer, and
                # "went on" a programme is where
            if owner.lemma_ in TOLD_VERBS and ((child.dep_ in ("dobj", "dative") and _addressed(
                    doc, owner, child)) or (child.dep_ == "advmod" and child.i == owner.i + 1
                                            and child.is_title)):
                phrases.append(_subtree_chars(child, "of" if owner.lemma_ == "remind" else "about"))
                # "told the AP", "asked Clinton", "reminded voters" (not "of" or "about" what); a
                # capitalised "adverb" mid-sentence is a name the tagger missed ("told O’Hara")
            elif prep and child.lower_ in CHANNEL_PREPS and not any(
                    g.dep_ == "mark" for g in child.children):  # not a comparison's "than he
                # has in past debates", "as they did in a debate last week"
                objs = [c for c in child.children if c.dep_ == "pobj"]  # "in an e-mail":
                if any(_channel_object(owner, child, o) for o in objs):  # "e", "-", "mail"
                    phrases.append(_subtree_chars(child))
    if not any(phrases):  # "reported her presence on Twitter": "on" hung on the object, or
        phrases += [_platform_on_object(v) for v in (verb, *(  # on the object of a participle
            c for c in verb.children if c.tag_ == "VBG" and c.lemma_ in _ANSWERING))]  # "said
        # answering a question at a town hall"
    return _outside_source(phrases, a, doc)


def _outside_source(phrases: list[tuple[int, int] | None], a: Attribution,
                    doc: Doc | None = None) -> list[tuple[int, int]]:
    """The phrases that are no part of the source: "a video … is featured in", "The book
    titled …" name the source, not where it spoke. With ``doc``, a fronted phrase the parser
    ran into the source ("At a rally in Lindow, Maine, 71-year-old Ana Vell said", the name
    hung on the place) is cut before it, if a noun is left."""
    out: list[tuple[int, int]] = []
    for p in phrases:
        if p is None:
            continue
        start = min((s for s, e in a.source if s < p[1] and p[0] < e), default=None)
        if start is None:
            out.append(p)
        elif doc is not None and p[0] < start:
            words = [t for t in doc.char_span(p[0], start, alignment_mode="contract") or ()
                     if not (t.is_punct or t.is_space)]
            if any(t.pos_ in ("NOUN", "PROPN") for t in words):  # not the bare "in" of "is
                out.append((p[0], words[-1].idx + len(words[-1])))  # featured in a video"
    return out


def _addressed(doc: Doc, verb: Token, obj: Token) -> bool:
    """Whether the object of *tell*, *ask*, *warn* … is who was addressed: a name or a
    pronoun, any hearer of *tell* or *assure* ("told some of the dock workers"), an audience
    ("asked the crowd"); not what was asked ("asked the question")."""
    if obj.lower_ in ADDRESSEES:
        return True
    if obj.lemma_.lower() in _TOLD_THINGS:
        return False
    if obj.pos_ == "PRON" and obj.lower_ in GROUP_WORDS:  # "some of the miners"
        of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), obj) if of else obj
    if obj.pos_ not in ("NOUN", "PROPN"):
        return False
    if verb.lemma_ in _HEARER_VERBS or obj.ent_type_ in ("PERSON", "ORG") or (
            obj.pos_ == "PROPN" and actor_at(doc, obj) is not None):
        return True
    if verb.lemma_ in _ASKING_VERBS and obj.tag_ == "NN" and _person_noun(obj.lemma_.lower()):
        return True  # "asked the real estate mogul"; not "ask the candidates", often the
        # readers or people an ad or a poll speaks to
    return obj.lemma_.lower() in AUDIENCE_NOUNS | ORG_NOUNS  # "asked the crowd", "asked the
    # campaign"


def _counted(noun: Token) -> Token:
    """What a partitive counts: "tweets" of "a series of tweets" or of "one of a series of
    tweets", else the noun itself."""
    if noun.lemma_.lower() not in PARTITIVES and noun.lower_ != "one":
        return noun
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    counted = next((c for c in of.children if c.dep_ == "pobj"), noun) if of else noun
    return noun if counted is noun else _counted(counted)


def _parenthetical_channel(doc: Doc, verb: Token, cue: Span) -> list[tuple[int, int]]:
    """A medium or occasion set off by commas right before the cue, which the parser hung on
    an earlier verb: "since Hughes, at Thursday's debate, cited …"."""
    k = cue.start - 1
    if k < 3 or doc[k].text != ",":
        return []
    last = doc[k - 1]
    prep = next((t for t in (last, *last.ancestors) if t.dep_ == "prep"
                 and t.right_edge.i == k - 1), None)
    if prep is None or prep.i == 0 or doc[prep.left_edge.i - 1].text != ",":
        return []
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    if not objs or not _channel_object(verb, prep, objs[0]):
        return []
    found = _subtree_chars(prep)
    return [found] if found is not None else []


def _fixed_channel(text: str, where: Offsets, skip: Offsets = ()) -> Offsets:
    """The first channel of :data:`_CHANNEL_RE`'s fixed patterns within some char spans, not
    starting inside ``skip``."""
    for s, e in where:
        for m in _CHANNEL_RE.finditer(text, s, e):
            if any(ks <= m.start() < ke for ks, ke in skip) \
                    or text.startswith("behalf", m.end() + 1):
                continue  # "speaking on Mr. Vell's behalf": for whom, not where
            g = next(k for k in "abcdefghi" if m.group(k))
            return ((m.start(g), m.end(g)),)
    return ()


def _channel_object(verb: Token, prep: Token, obj: Token) -> bool:
    """Whether "PREP OBJ" on a speech verb names where the words were given: a medium
    ("in a statement", "at a briefing"), an outlet or programme ("on CNN's State of the
    Union", "on Fox News"), or a recipient ("said to reporters", "spoke with the AP")."""
    p = prep.lower_
    if verb.lemma_ == "call" and p in ("on", "upon", "for") and prep.i == verb.i + 1:
        return False  # "called on the union to end the strike": whom it asks, not where
    if p == "through":  # "Through her lawyer, Calder declined to answer"
        return obj.lemma_.lower() in GO_BETWEENS
    if p == "over":
        return obj.lemma_.lower() in OVER_MEDIA
    if p == "by":  # "said by phone", not "was asked by a caller"
        return obj.lower_ in BY_MEDIA and not any(c.dep_ in ("det", "poss") for c in obj.children)
    if any(c.lower_ in FUTURE_WORDS for c in obj.children):
        return False  # "advice … in the upcoming debates": not where it was said
    if p == "before" or (p == "in" and obj.lower_ == "front"):  # "before millions of
        return any(_onlookers(o) for o in _of_objects(obj))  # viewers", "in front of a crowd"
    of = _of_objects(obj)  # "an issue of Foreign Policy magazine"
    medium = (any((_word(o) in MEDIUM_NOUNS or o.lower_ in MEDIUM_NOUNS
                   or _compound(o) in MEDIUM_NOUNS)  # "a Tuesday town hall"
                  and not (o.lower_ in _STANDINGS and p == "in")  # "leads in the polls"
                  for o in (obj, _counted(obj)))  # "a series of posts"
              or any(is_outlet(o.text) or o.lemma_.lower() in OUTLET_NOUNS for o in of)) and not (
        obj.lower_ == "stop" and not any(c.dep_ in ("det", "poss") for c in obj.children))
    # (a bare "stop" is as often a verb or part of a name as "a stop in Eastbank")
    if p == "in" and verb.lemma_ == "write" and (
            obj.ent_type_ in ("ORG", "WORK_OF_ART") or is_outlet(obj.text)):
        return True  # "wrote in National Review": the outlet that printed it
    if p == "on" and (obj.lemma_.lower() in OCCASIONS or (
            verb.lemma_ in TOPIC_VERBS and obj.pos_ == "NOUN" and not obj.ent_type_)):
        return False  # a topic: "declined to comment on the debate over encryption",
        # "commented on the program"
    if p in MEDIUM_PREPS and medium:
        return True  # not "with" a medium ("thrilled with the editorial"), nor "for" one
    if p == "to" and _platform(obj):
        return True  # "taking to Twitter", "posted to Facebook"
    if obj.lemma_.lower() in ("response", "reply", "answer"):
        # "in his response", "in response to a question from a reporter"; not "in response
        # to the ruling"
        return any(c.dep_ in ("det", "poss") for c in obj.children) or any(
            t.lemma_.lower() == "question" for t in obj.subtree)
    if p == "on":
        return _aired_on(obj)
    if p in ("to", "with"):
        if any(c.lower_ in ("no", "yes") and c.i < prep.i for c in verb.children) or (
                verb.lemma_ in ("write", "send") and any(
                    c.dep_ == "dobj" and c.pos_ == "NOUN" and _word(_counted(c)) not in
                    MEDIUM_NOUNS | CARRIED_MEDIA for c in verb.children)):
            return False  # "said no to the war": what was refused; "wrote a check to a
            # fund": what was given; not who heard it
        return verb.lemma_ in RECIPIENT_VERBS and (_recipient(obj) or (
            p == "to" and medium and verb.lemma_ not in ("respond", "reply")))  # "responded
        # to reports" answers them; "sent a letter to the board" goes through one
    if p == "for":  # "wrote for Morning Consult"
        return verb.lemma_ == "write" and (
            obj.ent_type_ == "ORG" or is_outlet(obj.text) or medium
            or (obj.pos_ == "PROPN" and obj.ent_type_ not in ("PERSON", "DATE", "TIME", "GPE")))
    return False


def _aired_on(obj: Token) -> bool:
    """Whether "on OBJ" puts words on the air or online: an outlet or programme ("on CNN",
    "on ABC's This Week"), a platform ("on her Facebook page"); not "on Capitol Hill", where
    Congress sits (NER calls it ORG)."""
    named = (obj.ent_type_ in ("ORG", "WORK_OF_ART") or is_outlet(obj.text)) and not (
        obj.lower_ == "hill" and any(c.lower_ == "capitol" for c in obj.children))
    aired = obj.is_title and any(c.dep_ == "poss" and (c.ent_type_ == "ORG" or is_outlet(c.text))
                                 for c in obj.children)
    return named or aired or _platform(obj)


def _word(noun: Token) -> str:
    """A noun's lower-case lemma, joined to a hyphenated first part the tokenizer split off
    ("op-ed" from "op", "-", "ed")."""
    doc, i = noun.doc, noun.i
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ \
            and not doc[i - 1].whitespace_:
        return f"{doc[i - 2].lower_}-{noun.lemma_.lower()}"
    return noun.lemma_.lower()


def _compound(noun: Token) -> str:
    """A noun with the compound word just before it ("town hall"), lower case."""
    before = noun.doc[noun.i - 1] if noun.i else noun
    return f"{before.lower_} {noun.lemma_.lower()}" if before.dep_ == "compound" \
        and before.head == noun else ""


def _of_objects(noun: Token) -> list[Token]:
    """The objects of a noun's "of" ("a crowd of people", "millions of viewers")."""
    return [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
            for o in c.children if o.dep_ == "pobj"]


def _onlookers(noun: Token) -> bool:
    """Whether words said "before" or "in front of" a noun were said to it: an audience, a
    committee or people ("before millions of viewers"), not an occasion, which "before"
    makes a time ("before the debate")."""
    lemma = noun.lemma_.lower()
    return lemma in ONLOOKERS or (noun.tag_ == "NNS" and _person_noun(lemma))


def _recipient(obj: Token) -> bool:
    """Whether the object of "to" or "with" can hear words: a name, a person or a body
    ("sings to Clinton", "spoke with the board"); not "with one notable exception"."""
    if actor_at(obj.doc, obj) is not None:
        return True  # a known name, whatever NER made of it ("talks to Oduya")
    if obj.ent_type_ in ("DATE", "TIME", "GPE"):
        return False
    lemma = obj.lemma_.lower()
    return obj.pos_ == "PROPN" or obj.ent_type_ in ("PERSON", "ORG", "NORP") \
        or obj.lower_ in ADDRESSEES or _person_noun(lemma) or lemma in ORG_NOUNS \
        or lemma in GROUP_WORDS or lemma in AUDIENCE_NOUNS or lemma in OUTLET_NOUNS


def _platform_on_object(verb: Token) -> tuple[int, int] | None:
    """ "on" a platform or outlet, or "in" an occasion, that the parser hung on the cue's
    object, not on the cue ("reported her presence on Twitter", "called X a disgrace on The
    Evening Show", "cited the figures in the interview"), looked for in the object's phrase,
    not in a clause inside it."""
    stack = [c for c in verb.children if c.dep_ in ("dobj", "oprd", "npadvmod", "dative")
             or (c.dep_ == "prep" and c.lower_ == "as")]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in _CLAUSE_DEPS:
                continue
            if c.dep_ == "prep" and c.lower_ in ("on", "in", "during", "at"):
                objs = [o for o in c.children if o.dep_ == "pobj"]
                if objs and (_platform(objs[0]) if c.lower_ == "on" else (
                        (objs[0].lower_ in _HUNG_MEDIA or _compound(objs[0]) in MEDIUM_NOUNS)
                        and any(d.dep_ in ("det", "poss") for d in objs[0].children))):
                    # one occasion, not "in interviews"
                    return _subtree_chars(c)
            stack.append(c)
    return None


def _platform(obj: Token) -> bool:
    """A platform, programme or outlet, not still to come."""
    return not any(c.lower_ in FUTURE_WORDS for c in obj.children) and any(
        t.lower_ in PLATFORM_NOUNS or t.lemma_.lower() in PLATFORM_NOUNS
        or t.ent_type_ == "WORK_OF_ART" or is_outlet(t.text)
        for t in (obj, *(c for c in obj.subtree if c.dep_ == "compound" and c.i < obj.i)))
    # "his Twitter page", "radio show Joney’s Jukebox"


def _subtree_chars(token: Token, before: str = "") -> tuple[int, int] | None:
    """The phrase under ``token``, cut before a clause ("in a statement that …"), and before
    its preposition ``before`` ("reminded the audience of his remarks", "asked the mayor
    about the tram")."""
    toks: list[Token] = []
    for t in token.subtree:
        if t.i > token.i and (t.dep_ in ("mark", "ccomp", "relcl", "acl", "advcl")
                              or t.lower_ in ("that", "who", "which") or "\n" in t.text
                              or (t.lower_ == before and t.head == token)):
            break
        toks.append(t)
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks.pop()
    return (toks[0].idx, toks[-1].idx + len(toks[-1].text)) if toks else None


def _given_first(actor: Actor, actors: list[Actor]) -> bool:
    """Whether a person's name opens with a given name and ends in no newspaper word, and
    no organisation in the story bears it: "Michael Bloomberg" is a person though
    "Bloomberg" names an outlet, unless the story also has "Bloomberg L.P."; "Charlotte
    Observer" stays a paper."""
    words = actor.name.split()
    return len(words) > 1 and words[0].lower() in GIVEN_NAMES \
        and words[-1].lower() not in _PAPER_WORDS and not any(
            other.type == "organisation" and words[-1] in other.name.split()
            for other in actors)


def _is_outlet_actor(actor: Actor) -> bool:
    """Whether an organisation is a news outlet, by its name or by its role ("the Israeli
    newspaper", "the official news agency")."""
    return is_outlet(actor.name) or any(
        role.split()[-1].casefold() in OUTLET_NOUNS
        or role.casefold().endswith(("news agency", "wire service", "news service"))
        for role in actor.roles if role.split())


def _merged(spans: list[tuple[int, int]]) -> Offsets:
    """Char spans sorted and merged where they overlap, for :func:`_covers`."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return tuple(out)


def _covers(merged: Offsets, pos: int) -> bool:
    """Whether ``pos`` falls in one of the sorted, merged spans (a binary search: pronouns
    test every actor mention against every attribution's content)."""
    k = bisect_right(merged, (pos, sys.maxsize)) - 1
    return k >= 0 and merged[k][0] <= pos < merged[k][1]


def _by_surname(actors: list[Actor], word: str) -> int | None:
    """The person a headline's bare surname names, NER having missed it there ("Sanders:
    Clinton needs to …", "Trump questions …"): the body's person with that last name and
    the most mentions."""
    key = word.replace("’", "'").casefold()
    people = [(len(actor.mentions), -k, k) for k, actor in enumerate(actors)
              if actor.type == "person" and actor.name.split()
              and actor.name.split()[-1].replace("’", "'").casefold() == key]
    return max(people)[2] if people else None


def _conjunct_subject(verb: Token) -> Token | None:
    """The subject of the verb a subjectless conjunct cue joins, passive too ("Mr. Trump was
    forced into damage control and said …")."""
    if verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in verb.head.children
                 if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.head.i), None)


def _subject_before(cue: Span) -> Token | None:
    """The subject the parser gave to a clause before a subjectless cue ("One attendee, who
    spoke on condition of anonymity, said …", parsed as "attendee … spoke", said's
    complement), or the noun of a relative clause that ends where the cue begins, hung
    elsewhere ("there is no overlap with his team, a White House official who spoke
    anonymously said …"): the cue's own subject."""
    clause = next((c for c in cue.root.children if c.dep_ == "ccomp" and c.i < cue.start), None)
    subject = None if clause is None else next(
        (c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i), None)
    if subject is not None and subject.pos_ in ("NOUN", "PROPN") \
            and subject.left_edge.i == clause.left_edge.i:  # not "“We will win,” said"
        return subject
    before = cue.doc[cue.start - 1] if cue.start else None  # "a White House official who
    for t in [] if before is None else [before, *before.ancestors]:  # spoke anonymously
        if t.dep_ == "relcl" and t.right_edge.i == cue.start - 1 and t.head.i < t.i \
                and t.head.pos_ in ("NOUN", "PROPN") and any(  # … said", the noun hung
                    c.dep_ == "nsubj" and c.lower_ in ("who", "that") for c in t.children):
            return t.head  # elsewhere: the relative clause ends where the cue begins
    return None


def _cue_subject(doc: Doc, a: Attribution) -> Span | None:
    """The subject of a cue the attribution model left without a source ("“…,” Flynn, a
    top surrogate, said Thursday"), outside the content: typing and linking use it, the
    source spans stay empty."""
    cue = None if a.source else cue_span(doc, a)
    if cue is None:
        return None
    subject = next((c for c in cue.root.children if c.dep_ == "nsubj"), None)  # not "was
    own = subject is not None and (actor_at(doc, subject) is not None or any(
        s == subject.left_edge.idx for s, _ in a.content)) and not (  # the cue's own
        cue.root.lemma_ in _RAISING and not any(  # subject, a name or a phrase the model
            c.dep_ == "xcomp" and c.i < cue.end for c in cue.root.children))  # took for
    # a piece of content ("“…,” said the woman, who …"); not the subject of a bare "seems",
    # which is part of what seems ("Calder seems to be ready")
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in cue.root.children)
    if subject is None and cue.start > 0 and not passive:  # asked": passive
        before = doc[cue.start - 1]  # "“…,” Tulsa police Chief Chuck Jordan said", misparsed
        if before.text == "," and cue.start > 1 and doc[cue.start - 2].dep_ == "appos":
            before = doc[cue.start - 2].head  # "Alarmed by …, Senator Harry Reid, the
            # minority leader, said", the name parsed as a conjunct of "Nevada"
        k = actor_at(doc, before)
        if k is not None and before.pos_ == "PROPN" and not any(
                s <= before.idx < e for s, e in a.content):
            start = before.i
            while start > 0 and actor_at(doc, doc[start - 1]) == k:
                start -= 1
            return doc[start : before.i + 1]
    if subject is None and not passive:
        subject = _governing_subject(cue.root) or _participle_subject(doc, cue, a) \
            or _conjunct_subject(cue.root)
        if subject is None and any(e <= cue.start_char for _, e in a.content):
            subject = _inverted_subject(cue)  # "“…,” said the woman"
            own = subject is not None and any(s == subject.left_edge.idx for s, _ in a.content)
        if subject is None:
            subject = _subject_before(cue)
            own = subject is not None  # the model took it, with its clause, for content
    elif subject is not None and not (
            cue.start - 3 <= subject.right_edge.i and subject.left_edge.i <= cue.end):
        return None  # by the cue ("X, a surrogate, said", "reported Reuters"), not a stray
    if subject is None or (any(s <= subject.idx < e for s, e in a.content) and not own):
        return None  # the cue's own subject is no part of what it says, though the model
        # took it for content ("Mr. Cruz seemed to mock …")
    lemma = subject.lemma_.lower()
    if not (subject.pos_ == "PROPN" or subject.lower_ in _PERSON_PRON
            or subject.lower_ in _PLURAL_PRON or (subject.pos_ == "NOUN" and (
                _person_noun(lemma) or lemma in _BODIES_AND_DOCUMENTS))):
        return None  # "suspicions persist that …": the claim, not who holds it
    return doc[subject.left_edge.i : subject.i + 1]


def _participle_subject(doc: Doc, cue: Span, a: Attribution) -> Token | None:
    """For a participle after a comma that the parser hung nowhere useful ("X dodged the
    point, calling it a joke -- ''…'' -- and, when pressed, insisting …"): the person named as
    its sentence's first subject, outside quoted words."""
    if cue.root.tag_ != "VBG" or cue.start == 0 or doc[cue.start - 1].text != ",":
        return None
    actors = doc._.sayso_actors or []
    found = next((t for t in cue.root.sent if t.i < cue.start and t.dep_ in _SUBJECT_DEPS
                  and (k := actor_at(doc, t)) is not None and actors[k].type == "person"
                  and not any(s <= t.idx < e for s, e in a.content)), None)
    head = cue.root.head
    if found is None and cue.root.dep_ == "advcl" and 0 < head.i < cue.start \
            and doc[head.i - 1].is_punct and not any(
                c.dep_ in _SUBJECT_DEPS for c in head.children):
        found = _inverted_subject(doc[head.i : head.i + 1])  # "“…?” asked Mr. Manafort,
        # referring to …": the participle's subject is the one who asked
    return found if found is None or found.i < cue.start else None


def _inverted_subject(cue: Span) -> Token | None:
    """The noun right after a quote's cue, which the parser did not make its subject
    ("“…,” said the woman, who …"): a name or a noun with at most two words before it."""
    doc = cue.doc
    if cue.end >= len(doc) or cue.root.tag_ == "VBN":  # "also known as Myanmar"
        return None
    first = doc[cue.end]
    noun = first.head if first.dep_ in ("det", "amod", "compound") else first
    if noun.i < first.i or noun.i - first.i > 2 or not (
            _person_noun(noun.lemma_.lower()) if noun.pos_ == "NOUN"
            else noun.pos_ == "PROPN" and noun.ent_type_ in ("PERSON", "ORG")):
        return None
    return noun


def _acted_on(doc: Doc, a: Attribution, span: Span) -> bool:
    """Whether the source is the one a passive participle hanging on it acts upon ("Gross,
    a contractor accused of spying", "a man criticised by the mayor"): a target the model
    took for a speaker. The participle has no object of its own (a misparsed main verb, "X,
    speaking on the radio, called Y …", has one), is followed by "of", "with" or "by", and
    its sentence has a finite main verb (else the parser missed it: "…, the candidate boasted
    of …")."""
    cue = cue_span(doc, a)
    if cue is None:
        return False
    verb = cue.root
    return verb.tag_ == "VBN" and verb.dep_ == "acl" and span.start <= verb.head.i < span.end \
        and verb.i + 1 < len(doc) and doc[verb.i + 1].lower_ in ("of", "with", "by") \
        and not any(c.dep_ in ("dobj", "xcomp", "ccomp", "oprd") for c in verb.children) \
        and verb.sent.root.tag_ in ("VBD", "VBZ", "VBP")


def _governing_subject(verb: Token) -> Token | None:
    """The subject of the clause a participle or infinitive cue hangs on, which is who does
    it ("Calder had a strong night, forcefully denouncing …", "Hale was the fiercest in
    denouncing …", "Hale hopes to convince …", "Hale kept up his habit of tweeting …"); not
    through a noun that is no one's own ("a letter calling for"). A gerund after a
    preposition counts however it was tagged."""
    if verb.tag_ != "VBG" and verb.dep_ not in ("xcomp", "pcomp"):
        return None
    if verb.dep_ == "ROOT" and verb.i == verb.sent.start:  # "Noting that …, Hale warned …"
        main = next((c for c in verb.children if c.dep_ in ("ccomp", "conj", "parataxis")
                     and verb.doc[c.left_edge.i - 1].text == ","  # parsed as the root, its
                     and not any(g.dep_ == "mark" for g in c.children)), None)  # main clause
        return None if main is None else next(  # made a clause of it
            (g for g in main.children if g.dep_ in _SUBJECT_DEPS), None)
    head = verb
    for _ in range(4):
        if (head.dep_ not in ("advcl", "pcomp", "prep", "xcomp", "acomp", "attr") and not (
                head.dep_ == "dobj" and any(c.dep_ == "poss" and c.pos_ == "PRON"
                                            for c in head.children))) or head.head is head:
            return None
        head = head.head
        subject = next((c for c in head.children if c.dep_ in _SUBJECT_DEPS), None)
        if subject is not None and subject.lower_ in _RELATIVE and head.dep_ == "relcl" \
                and head.head.dep_ in ("dobj", "attr"):  # "Sohl had a night that could
            head = head.head.head  # count for much, attacking …": the participle hung on the
            subject = next((c for c in head.children if c.dep_ in _SUBJECT_DEPS), None)
            # relative clause is still the main clause's subject's
        if subject is not None:  # "she's tacked left, criticizing …" parsed as a passive
            return subject
    return None


def _appositive_name(doc: Doc, span: Span, actors: list[Actor]) -> int | None:
    """The person a description names in an apposition that ends it ("one of the family's
    lawyers, Jun Okafor", "A lawyer for Brandt, Ines Molnar,"), wherever the parser hung
    the name in the description."""
    words = [t for t in span if not t.is_punct]
    for t in words:
        k = actor_at(doc, t)
        if t.dep_ == "appos" and k is not None and actors[k].type == "person" \
                and span.start <= t.head.i < t.i and t.right_edge.i >= words[-1].i \
                and t.left_edge.i > 0 and doc[t.left_edge.i - 1].text == ",":
            return k
    return _leading_name(doc, span, actors)


def _name_beside_title(doc: Doc, span: Span, root: Token, actors: list[Actor]) -> int | None:
    """The person a title introduces when the parser made both subjects of the verb
    ("Vatican spokesman the Rev. Federico Lombardi told", "spokesman" and "Lombardi")."""
    if root.dep_ not in _SUBJECT_DEPS or root.tag_ != "NN" \
            or not _person_noun(root.lemma_.lower()):
        return None
    return next((k for t in span if t.i > root.i and t.dep_ == root.dep_ and t.head == root.head
                 and (k := actor_at(doc, t)) is not None and actors[k].type == "person"), None)


def _trailing_name(root: Token) -> Token | None:
    """The given name and surname in apposition that ends a description of a person, set off
    by a comma, wherever the parser hung it: "one teacher backing the plan, Dara Quill of
    …"; NER may have missed it."""
    words = [t for t in root.subtree if not t.is_punct]
    return next((t for t in words if t.i > root.i and t.dep_ == "appos" and t.tag_ == "NNP"
                 and t.ent_type_ in ("", "PERSON") and t.right_edge.i >= words[-1].i
                 and t.doc[t.left_edge.i - 1].text == "," and any(
                     c.dep_ == "compound" and c.tag_ == "NNP" and c.is_title
                     for c in t.children)), None)


def _leading_name(doc: Doc, span: Span, actors: list[Actor]) -> int | None:
    """The person named just before a description when the parser made the description the
    subject and left the name hanging ("Dana Ortiz, the chairwoman of the club, recalled
    …"), in the source or just before it; not one of several ("Ortiz, Hale and Calder")."""
    described = next((t for t in span if t.dep_ in _SUBJECT_DEPS), None)
    if described is None or described.pos_ != "NOUN" or any(
            t.lower_ in ("and", "&") for t in span):
        return None
    comma = next((t.i for t in span if t.text == ","), None) if actor_at(doc, span[0]) \
        is not None else (span.start - 1 if span.start > 1 else None)
    if comma is None or doc[comma].text != "," or comma > described.i:
        return None
    name = doc[comma - 1]
    k = actor_at(doc, name)
    return k if k is not None and actors[k].type == "person" and name.dep_ in (
        "npadvmod", "dep", "nmod") else None


def _who_antecedent(doc: Doc, actors: list[Actor], who: Token, noun: Token) -> Token:
    """The person "who" is about: the person just before it ("Mary Lind and Anna Berg, who
    said", "marchers here, who"), wherever the parser hung the clause; else the clause's
    noun, or the people a place or body after them belongs to ("Greens in the Harbour
    Council, who"), or the nearest person above it ("one Green familiar with it, who")."""
    def person(t: Token) -> bool:
        k = actor_at(doc, t)
        return _person_like(doc, t) and (actors[k].type == "person" if k is not None
                                         else t.ent_type_ not in ("ORG", "GPE", "LOC", "FAC"))

    before = _word_before(who)
    if before.pos_ == "ADV" and before.dep_ == "advmod":
        before = before.head  # "demonstrators here, who"
    if person(before):
        return before
    if not person(noun) and noun.dep_ == "pobj" and person(noun.head.head):
        return noun.head.head  # "Greens in the Harbour Council, who"
    if not person(noun):  # a person above a body's name: "X, the president of the
        above = next((t for t in noun.ancestors if person(t)), None)  # Foundation for Peace,
        if above is not None and noun.ent_type_ == "ORG":  # who"
            return above
    if not _person_like(doc, noun):
        return next((t for t in noun.ancestors if _person_like(doc, t)), noun)
    return noun


def _delayed_name(span: Span, lead: Actor, headline: int) -> bool:
    """Whether a source reads as a lead's description of ``lead``, whom the story names
    later: a title or "official", singular, indefinite or (in a headline) bare, that the
    named person's title fits ("A New York judge has rejected …" for "Manhattan Supreme
    Court Justice Frank Nervo", "a Chinese official said" for the "finance minister"), or,
    when the story gives that person no title, who is named in the next sentence ("A former
    party chairman says … “…,” said Dan Fowley, who led the party …"); without words that
    keep it unnamed ("familiar with", "close to", "declined to be named", "senior")."""
    root = _root(span)
    lemma = root.lemma_.lower()
    if root.pos_ != "NOUN" or root.tag_ != "NN" or not (
            lemma in PERSON_ROLE_NOUNS or lemma in ("official", "diplomat")):
        return False
    titles = {ABBREVIATED.get(w, w) for role in lead.roles for w in role.casefold().split()}
    fits = _FITTING_TITLES.get(lemma, frozenset((lemma,)))
    sent = span.sent
    after = span.doc[sent.end].sent.end_char if sent.end < len(span.doc) else sent.end_char
    named_next = min((s for s, _ in lead.mentions if s >= headline), default=after) < after
    if not titles & fits and (lead.roles or not named_next):
        return False  # "a police officer said", the story then quoting its chief
    dets = {c.lower_ for c in root.children if c.dep_ in ("det", "nummod")}
    if dets - {"a", "an"}:
        return False
    return not any(t.lower_ in _UNNAMING for t in root.subtree)


def _named_next(span: Span, actors: list[Actor]) -> int | None:
    """The person an unnamed "one Coralville pastor" turns out to be: the one person first
    named in the next sentence with that title or job among their roles ("… said Brad
    Sherman, pastor of Solid Rock Church") and no other party; singular and indefinite,
    without words that keep the source unnamed ("familiar with", "declined to be named")."""
    root = _root(span)
    lemma = root.lemma_.lower()
    if root.pos_ != "NOUN" or root.tag_ != "NN" or lemma not in PERSON_ROLE_NOUNS \
            or any(t.lower_ in _UNNAMING for t in root.subtree):
        return None  # a title or a job: "one longtime friend" stays unnamed
    if {c.lower_ for c in root.children if c.dep_ in ("det", "nummod")} - {"a", "an", "one"}:
        return None
    sent = span.sent
    if sent.end >= len(span.doc):
        return None
    after = span.doc[sent.end].sent
    found = [k for k, actor in enumerate(actors) if actor.type == "person"
             and after.start_char <= min(s for s, _ in actor.mentions) < after.end_char
             and any(lemma in role.casefold().split() for role in actor.roles)
             and not _clash(_parties(t.lower_ for t in span), actor.roles)]
    return found[0] if len(found) == 1 else None


_MEMBERS_BODIES: dict[str, frozenset[str]] = {
    "union": frozenset(("union", "association", "federation", "workers", "guild", "teamsters",
                        "brotherhood", "employees", "confederation")),
    "association": frozenset(("association", "federation", "society", "league")),
}
"""For "the union" or "the association", only an organisation whose name says it is one
("The Kestwick Nurses Association … the union"), not the company named last."""

_FITTING_TITLES: dict[str, frozenset[str]] = {
    "judge": frozenset(("judge", "justice")),
    "official": TITLE_WORDS - frozenset(("spokesman", "spokeswoman", "spokesperson")),
    "diplomat": frozenset(("ambassador", "envoy", "diplomat", "minister", "secretary")),
    "lawmaker": frozenset(("senator", "representative", "congressman", "congresswoman",
                           "lawmaker", "legislator")),
}
"""Titles a lead's description may stand for (others only their own word): "a judge" is the
"Justice" named later, "an official" any office holder."""


def _most_quoted(actors: list[Actor], infos: dict[int, _Info]) -> int | None:
    """The person who is the source of the most attributions (ties: the first named)."""
    counts: dict[int, int] = {}
    for info in infos.values():
        if info.actor is not None and actors[info.actor].type == "person":
            counts[info.actor] = counts.get(info.actor, 0) + 1
    return max(counts, key=lambda k: (counts[k], -k)) if counts else None


def _headline_end(text: str) -> int:
    """Where the headline (and any subtitle) ends: the first blank line, when it comes within
    two headline lengths; 0 when the text opens with a paragraph."""
    end = text.find("\n\n")
    return end if 0 < end <= 2 * HEADLINE_MAX else 0


def _anchor(a: Attribution) -> int:
    """Where an attribution sits in the text: its cue, else its source or content."""
    for role in (a.cue, a.source, a.content):
        if role:
            return role[0][0]
    return 0


def _introductions(doc: Doc, headline: int, quoted: Offsets) -> dict[str, int]:
    """Where each singular common noun first introduces someone unnamed ("an employee for
    the firm", a headline's bare "heckler"), so that "the employee" later is that unnamed
    person (also when the headline quotes it: "Mayor says heckler deserves …"); not "a
    woman, Ana Vellis," or "a woman named Ana Vellis", nor a headline's speaker ("Union
    treasurer reveals …", whom the story names), nor one in the body's quoted words or
    in a clause of what someone claims ("the implication is that a woman who …
    is the prototype")."""
    out: dict[str, int] = {}
    for t in doc:
        if t.tag_ != "NN" or t.pos_ != "NOUN" or t.ent_type_ or (
                t.idx >= headline and _covers(quoted, t.idx)):  # a headline's words are news
            continue
        if t.idx < headline and t.dep_ in _SUBJECT_DEPS and t.head.dep_ == "ROOT":
            continue  # "Union treasurer reveals …": the one the story is about, named below
        dets = [c.lower_ for c in t.children if c.dep_ == "det"]
        if (any(d in ("a", "an") for d in dets) or (not dets and t.idx < headline)) and not any(
                c.dep_ in ("appos", "acl") or c.ent_type_ == "PERSON" for c in t.children) \
                and not _supposed(t):
            out.setdefault(t.lemma_.lower(), t.i)
    return out


def _first_name_only(doc: Doc, text: str, actors: list[Actor]) -> dict[int, tuple[int, int]]:
    """The people a story names by a given name alone, with a stated reason that withholds
    the rest of the name in the same sentence ("Bob agreed to talk on the condition that his
    last name not be used"), and that reason, by actor index."""
    out: dict[int, tuple[int, int]] = {}
    for s, e in find_anonymity_reasons(text):
        if not _NAME_WITHHELD.search(text, s, e):
            continue
        reason = doc.char_span(s, e, alignment_mode="expand")
        if reason is None:
            continue
        sent = reason[0].sent
        for k, actor in enumerate(actors):
            if actor.type == "person" and len(actor.name.split()) == 1 \
                    and actor.name.lower() in GIVEN_NAMES and any(
                        sent.start_char <= ms < s for ms, _ in actor.mentions):
                out.setdefault(k, (s, e))
    return out


def _relative_noun(token: Token) -> Token | None:
    """The noun a relative pronoun's clause hangs on, also where the parser did not hang it
    there: "the department, which said", "… and Ms. Warren, who has assailed" (the clause
    read as a modifier)."""
    low = token.lower_
    if low not in _RELATIVE:
        return None
    if token.head.dep_ == "relcl":
        return token.head.head
    before = _word_before(token)
    if (low == "which" and before.pos_ in ("NOUN", "PROPN")) or (
            low == "who" and token.i > 0 and token.nbor(-1).text == ","
            and before.ent_type_ == "PERSON"):
        return before
    return None


def _word_before(token: Token) -> Token:
    """The word before a token, punctuation skipped (the token itself at the start)."""
    k = token.i - 1
    while k > 0 and token.doc[k].is_punct:
        k -= 1
    return token.doc[max(k, 0)]


def _first_uses(doc: Doc) -> dict[str, int]:
    """Where each common noun's lemma first comes: a person noun first used with "the" ("the
    retired surgeon") is an epithet for someone named, not one brought in as "a partner"."""
    out: dict[str, int] = {}
    for t in doc:
        if t.pos_ == "NOUN":
            out.setdefault(t.lemma_.lower(), t.i)
    return out


def _definite(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def _supposed(token: Token) -> bool:
    """Whether a word is in a "that", "if" or "whether" clause, or is the subject of a "for
    … to" infinitive ("It is rare for a judge to weigh in"): a claim, a supposition or a
    case in general, whose "a woman" is a kind of person, not one the story introduces."""
    verb = token.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return any(c.dep_ == "mark" and c.lower_ in ("that", "if", "whether", "for")
               for c in verb.children)


def _speaks(lemma: str) -> bool:
    """Whether a common noun can be a source: a person, a body or a document."""
    return _person_noun(lemma) or lemma in _BODIES_AND_DOCUMENTS or lemma in GROUP_WORDS


def _one_titled_name(doc: Doc, root: Token, actors: list[Actor]) -> int | None:
    """The person two job words describe ("Clinton's chief pollster and strategist Joel
    Benenson", parsed as "pollster" and "Benenson"): the root a lower-case job noun, its one
    conjunct a person's name with a lower-case job noun before it, neither with an article
    ("the mayor and governor Dana Smith" may be two)."""
    conj = [c for c in root.children if c.dep_ == "conj"]
    if len(conj) != 1 or root.tag_ != "NN" or not root.is_lower \
            or not _person_noun(root.lemma_.lower()) \
            or any(c.dep_ == "det" for c in root.children):  # "the mayor and governor X"
        return None
    k = actor_at(doc, conj[0])
    if k is None or actors[k].type != "person" or conj[0].pos_ != "PROPN" or any(
            c.dep_ in ("det", "poss") for c in conj[0].children):
        return None
    jobs = [c for c in conj[0].children if c.dep_ == "compound" and c.tag_ == "NN"
            and c.is_lower and _person_noun(c.lemma_.lower())]
    return k if jobs else None


def _person_noun(lemma: str) -> bool:
    """Whether a common noun can name a person ("a neighbour", "a senior official", "a
    reporter"), by word list or ending; "an argument" or "a voiceover" cannot speak."""
    return lemma in ANON_NOUNS or lemma in PERSON_ROLE_NOUNS or lemma in PERSON_NOUNS or (
        lemma.endswith(PERSON_ENDINGS) and not lemma.endswith(("ment", "ness", "over"))
        and lemma not in NOT_PERSON_NOUNS)


def _names_someone(doc: Doc, actors: list[Actor], token: Token) -> bool:
    """Whether a word of a description is an actor's name, other than a body's name that
    only modifies the head ("The GOP front-runner" describes a person, not the GOP)."""
    k = actor_at(doc, token)
    if k is None:
        return False
    while actor_at(doc, token.head) == k and token.head is not token:  # "Civic" of "Civic Party"
        token = token.head
    return not (actors[k].type == "organisation" and token.dep_ in ("compound", "nmod", "amod")
                and token.head.pos_ == "NOUN" and _person_noun(token.head.lemma_.lower()))


def _person_like(doc: Doc, token: Token) -> bool:
    """Whether a noun can be the person a "who" clause is about: a name, a person noun, or a
    nationality or party ("a Democrat")."""
    return token.pos_ in ("NOUN", "PROPN") and (
        actor_at(doc, token) is not None or token.ent_type_ in ("PERSON", "NORP")
        or _person_noun(token.lemma_.lower()))


RANKS = frozenset(["vice", "deputy", "assistant", "associate", "lieutenant", "acting"])
"""Words that make a title another office: "the president" is not the "Vice President"."""
PARTIES = {"democratic": "D", "democrat": "D", "democrats": "D", "republican": "R",
           "republicans": "R", "gop": "R"}
"""Party words of a description and a role: "The Democratic nominee" is no Republican."""


def _parties(words: Iterable[str]) -> set[str]:
    return {PARTIES[w] for w in words if w in PARTIES}


def _clash(party: set[str], roles: tuple[str, ...]) -> bool:
    """Whether a description's party is not the one a person's roles name."""
    theirs = _parties(w.strip(".,’'") for role in roles for w in role.casefold().split())
    return bool(party and theirs and not party & theirs)


def _familiar(root: Token) -> bool:
    """Whether a source is described by what it knows ("people familiar with …", "close to
    her"); "a close race" says nothing of that."""
    return any(t.lower_ in _FAMILIAR and (t.lower_ != "close" or any(
        c.dep_ == "prep" and c.lower_ == "to" for c in t.children)) for t in root.subtree)


def _no_one(root: Token) -> bool:
    """ "No one expected …", "not one of his rivals hit …": a statement about everybody, a
    group, not one person."""
    return root.lower_ == "one" and any(c.lower_ in ("no", "not") for c in root.children)


def _is_fraction(root: Token) -> bool:
    """ "one in five", "nine out of 10": a poll's share of respondents."""
    return any(c.dep_ == "prep" and c.lower_ in ("in", "out") and any(
        t.like_num for t in c.subtree if t is not c) for c in root.children)


def _has_conj(root: Token) -> bool:
    """Whether the source names several speakers joined by "and" ("A, B and C", "X, as well
    as her campaign", "X, along with Y,") or "nor" ("Neither X nor his rivals"); not a list
    after the subject's verb that the parser hung on the subject ("Nominee Ana Roe on Friday
    endorsed X, Sen. Tom Vell, and Sen. Ed Lum")."""
    near = [*root.children, *(root.head.children if root.dep_ == "nsubj" else ())]
    if any(c.dep_ == "prep" and c.lower_ in ("along", "together") and c.i > root.i and any(
            g.lower_ == "with" for g in c.children) for c in near):
        return True  # "Fields, along with Post reporter Ben Terris, say …"; not "Along with
        # the dispute over the rolls, the court rejected …"
    if root.tag_ == "NN" and any(c.dep_ == "det" for c in root.children) and all(
            c.tag_ == "NN" and not any(d.dep_ == "det" for d in c.children)
            for c in root.children if c.dep_ == "conj"):
        return False  # one person, two titles: "The former mayor and state senator"
    conj = [c for c in root.children if c.dep_ == "conj"]
    if root.lower_ in TITLE_WORDS and len(conj) == 1 and conj[0].ent_type_ == "PERSON" \
            and not any(c.ent_type_ == "PERSON" for c in root.children if c.i != conj[0].i):
        return False  # "Former Ostland Gov. and party Chairman Ed Roe", parsed as two
    chain = [root]  # "A, B and C" may parse as B an apposition of A and C a conjunct of B
    while True:
        kids = list(chain[-1].children)
        nxt = next((c for c in kids if c.dep_ == "conj" and not _amount(c)), None) or next(
            (c for c in kids if c.dep_ == "appos" and c.pos_ == "PROPN"), None)  # not a
        # bracketed state before the "and": "Sen. Ana Roe (Vt.) and Tom Vell"
        if nxt is None or (root.dep_ in _SUBJECT_DEPS and root.i < root.head.i < nxt.i):
            break
        chain.append(nxt)
    joined = [t for t in chain if t.dep_ == "conj"]
    if joined and any(t.lower_ == "both" and t.head is not root
                      for t in root.doc[root.i + 1 : joined[0].i]):
        return False  # "People close to both her camp and his": the pair is what they are
        # close to, misparsed as joined to the speakers
    if root.pos_ == "PROPN" and all(t.tag_ == "NN" and not any(
            c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in t.children) for t in joined
    ) and any(t.dep_ == "appos" for t in (*chain, *root.children)):
        return False  # one person, two descriptions: "X, a Democrat and former senator",
        # "X, a professor at Y, and a co-editor of Z", however the parser hung them; not
        # "X and Post editor Dr. Y", the job a second person's
    return bool(joined) and any(
        c.dep_ == "cc" and c.lower_ in ("and", "&", "as", "nor") for t in chain for c in t.children)


def _acronym(token: Token) -> bool:
    """Whether a name is an acronym NER left untyped ("the mayor's DPW", "the EPA"), a body:
    not a title ("Velcor Bank CEO"), nor in a sentence all in capitals (a headline's "TRUMP
    SAYS")."""
    return len(token) > 1 and token.text.isupper() and token.ent_type_ != "PERSON" \
        and token.lower_ not in TITLE_WORDS \
        and not all(t.text.isupper() for t in token.sent if t.is_alpha)


def _amount(token: Token) -> bool:
    """Whether a conjunct is a sum or a date, which the parser may join to a name in a list of
    gifts ("$9,000 from X, a grocer who funded Y, and $4,000 from Z"): no second speaker."""
    return token.pos_ == "NUM" or token.ent_type_ in ("MONEY", "DATE", "TIME", "QUANTITY")


def _conjuncts(root: Token) -> list[Token]:
    """A head and the heads joined to it by "and" ("reports" and "account" of "reports and
    a detailed account")."""
    return [root, *(t for c in root.children if c.dep_ == "conj" for t in _conjuncts(c))]


def _common_plural(name: str) -> bool:
    """Whether an actor's name is one plural noun for people ("Aides", "Scholars",
    "Historians")."""
    low = name.casefold()
    one = low[:-1]
    return " " not in low and low.endswith("s") and (
        one in PERSON_NOUNS | ANON_NOUNS | PERSON_ROLE_NOUNS or one.endswith(("ist", "ian")))
    # not any "-ers": "Summers" is a name


def _two_people(doc: Doc, span: Span, root: Token) -> bool:
    """Whether a source opens with one person's name and "and" before the name it ends in
    ("Ruth Calder and Deputy Mayor Marco Hale"), however the parser joined them, or names a
    second person after the first one's place ("Calder of Kestwick and Hale of Eastbank")."""
    joint = next((t for t in span if t.lower_ in ("and", "&")), None)
    if joint is None or joint.i == span.start:
        return False
    actors = doc._.sayso_actors or []
    if root.i < joint.i:  # "Ruth Calder of Kestwick and Marco Hale of Eastbank", the second
        first = actor_at(doc, root)  # name hung on the first one's place
        return first is not None and actors[first].type == "person" and any(
            t.dep_ == "conj" and t.head.dep_ == "pobj" and t.head.head.head == root
            and (k := actor_at(doc, t)) is not None
            and k != first and actors[k].type == "person" for t in span if t.i > joint.i)
    first, last = actor_at(doc, doc[joint.i - 1]), actor_at(doc, root)
    before = doc[span.start : joint.i]
    return first is not None and last is not None and first != last and all(
        actors[k].type == "person" for k in (first, last)) and all(
        actor_at(doc, t) == first or t.pos_ in ("DET", "PROPN") for t in before)


def _objects(verb: Token) -> list[Token]:
    """A verb's objects and the objects of its prepositions: "told Rubio", "spoke to Ana
    Roe", whom its subject cannot be."""
    out = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    return out + [o for c in verb.children if c.dep_ == "prep" for o in c.children
                  if o.dep_ == "pobj"]


def _subject_weight(token: Token) -> float:
    """1 for a subject, a little more for the subject of its sentence's main verb ("Obama
    tried …, when a reporter asked …"), else 0: how likely a pronoun later means it. The
    object of "according to" is its sentence's speaker, as a subject ("…, according to
    sources. They said …"), and so is the owner of a subject ("Pell's ruling came …")."""
    token = _phrase_head(token)
    if token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according":
        return 1.0
    if token.dep_ == "poss" and token.head.dep_ in _SUBJECT_DEPS:
        return 1.0  # "Pell's ruling came a year after she blocked …": whose act it is
    if token.dep_ not in _SUBJECT_DEPS:
        return 0.0
    return 1.0 + _MAIN_CLAUSE_BONUS * (token.head.dep_ == "ROOT" and not any(
        c.dep_ in ("advmod", "mark") and c.lower_ in _SUBORDINATORS and c.i < token.i
        for c in token.head.children))  # "When someone shouted …, Beck joked": a root the
    # parser made of a subordinate clause


def _is_subject(token: Token) -> bool:
    return _phrase_head(token).dep_ in _SUBJECT_DEPS


def _phrase_head(token: Token) -> Token:
    """The head of the name or apposition a token is in: "Obama" of "President Obama",
    "Ana Vellis" of "A spokeswoman, Ana Vellis"; not "campaign" of "The Cruz campaign",
    whose subject is the campaign, not Cruz."""
    while token.head is not token and (token.dep_ == "appos" or (
            token.dep_ in ("compound", "flat") and token.head.pos_ == "PROPN")):
        token = token.head
    return token


@Language.factory(
    "sayso_sources",
    assigns=["doc._.sayso_attributions", "doc.spans"],
    requires=["doc._.sayso_attributions", "doc._.sayso_actors", "token.dep"],
)
def make_sources(nlp: Language, name: str) -> SourcesComponent:
    """spaCy factory; runs after ``sayso_actors``."""
    return SourcesComponent(nlp, name)
