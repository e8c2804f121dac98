"""Text keys shared by actor merging and claim tracing: folding, words, a light stemmer.

Everything here is plain Python on short strings, because the store calls it once per actor
and once per attribution at ingest (a million times on a large corpus). Originals are kept
by the callers for display; these functions only build comparison keys.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["STOPWORDS", "acronym", "fold", "stem", "words"]

_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"', "\u2013": "-", "\u2014": "-", "\u2212": "-",
})
_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:'[^\W\d_]+)*")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case- and accent-free form: "López" and "LOPEZ" both give "lopez"; curly quotes and
    dashes become ASCII so that outlets' typography never splits a key."""
    text = text.translate(_QUOTES)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    return text.casefold()


def words(text: str) -> list[str]:
    """Folded word tokens; numbers keep a decimal point and lose thousands commas ("3.5",
    "1000"), and an apostrophe stays inside a word ("didn't"), so negation survives."""
    return [w.replace(",", "") if w[0].isdigit() else w for w in _WORD.findall(fold(text))]


STOPWORDS = frozenset(
    [
        "a", "an", "the", "and", "or", "but", "if", "then", "than", "that", "this", "these",
        "those", "there", "here", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as",
        "into", "onto", "over", "under", "about", "after", "before", "between", "during", "through",
        "against", "within", "without", "up", "down", "out", "off", "is", "are", "was", "were",
        "be", "been", "being", "am", "do", "does", "did", "done", "has", "have", "had", "having",
        "will", "would", "shall", "should", "can", "could", "may", "might", "must", "it", "its",
        "it's", "he", "him", "his", "she", "her", "hers", "they", "them", "their", "theirs", "we",
        "us", "our", "you", "your", "i", "me", "my", "mine", "who", "whom", "whose", "which",
        "what", "when", "where", "why", "how", "also", "just", "so", "such", "very", "too", "more",
        "most", "some", "any", "all", "each", "both", "other", "another", "only", "own", "same",
        "s", "t", "said", "says", "say", "saying", "told", "tell", "telling", "according", "also",
        "which", "while", "because", "since", "until", "unless", "whether", "mr", "mrs", "ms", "dr",
    ]
)
"""Function words (and the reporting verbs themselves): no evidence that two claims agree."""

_IRREGULAR = {
    "met": "meet", "held": "hold", "took": "take", "taken": "take", "went": "go", "gone": "go",
    "gave": "give", "given": "give", "made": "make", "won": "win", "lost": "lose", "paid": "pay",
    "sent": "send", "left": "leave", "sold": "sell", "bought": "buy", "brought": "bring",
    "thought": "think", "knew": "know", "known": "know", "saw": "see", "seen": "see",
    "found": "find", "began": "begin", "begun": "begin", "ran": "run", "wrote": "write",
    "written": "write", "spoke": "speak", "spoken": "speak", "chose": "choose", "fell": "fall",
    "fallen": "fall", "rose": "rise", "risen": "rise", "struck": "strike", "led": "lead",
    "kept": "keep", "meant": "mean", "spent": "spend", "built": "build", "fought": "fight",
    "sought": "seek", "caught": "catch", "taught": "teach", "broke": "break",
    "broken": "break", "hid": "hide", "hidden": "hide", "drew": "draw", "drawn": "draw",
    "stole": "steal", "stolen": "steal", "shot": "shoot", "cut": "cut", "hit": "hit",
    "quit": "quit", "men": "man", "women": "woman", "children": "child", "people": "person",
    "secretary": "secretary", "secretaries": "secretary", "felt": "feel", "heard": "hear",
    "understood": "understand", "withdrew": "withdraw",
    "withdrawn": "withdraw", "forgave": "forgive", "froze": "freeze", "frozen": "freeze",
}
_SUFFIXES = ("ingly", "edly", "ations", "ation", "ings", "ing", "ies", "ied", "ely", "ly",
             "ed", "es", "s")


@lru_cache(maxsize=131072)
def stem(word: str) -> str:
    """A crude stem: irregular forms mapped, one inflectional suffix stripped, then cut to
    six letters, so "meeting"/"meets"/"met" and "secret"/"secretly" collide. Crude on
    purpose: it is a candidate key and a similarity feature, never shown to users."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if not word.isalpha() or len(word) <= 3:
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            if suffix in ("ies", "ied"):
                base += "y"
            elif suffix == "s" and base.endswith(("s", "u", "i")):  # "crisis", "bus", "status"
                base = word
            elif len(base) > 2 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]  # "stopped" -> "stop"
            word = base
            break
    return word[:6]


def acronym(tokens: list[str]) -> str:
    """Initials of a name's words ("department of justice" -> "doj")."""
    return "".join(t[0] for t in tokens if t)
