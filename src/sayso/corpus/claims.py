"""Claim tracing: which attributions carry the same claim, who ran it first, and how many
independent sources stand behind it.

Three levels of sameness, all without embeddings so that ingest stays fast and needs no model:

- **exact**: equal after normalisation (case, accents, quote marks, punctuation, spacing, a
  leading "that");
- **near duplicate**: most word trigrams shared (Jaccard >= 0.5, or one text's trigrams
  nearly all inside the other's: a trimmed quote);
- **paraphrase**: most content words shared after a crude stemmer and a small synonym table
  (Dice >= 0.6 over at least 4 shared content stems).

Below exact, the polarity (a negation word) must agree, and neither side may have a number
or a name (a capitalised word) the other lacks while the other also has one it lacks: "X met
Y" and "X did not meet Y" are different claims, and so are "5 dead" / "6 dead" and "X met Y"
/ "Z met Y"; "5 dead" / "5 dead and 3 hurt" may still match. What this cannot see:
paraphrases that share few words ("the talks collapsed" / "negotiators walked out"), and
role swaps ("X accused Y" / "Y accused X" share every word).

:func:`claim_keys` gives a few MinHash band keys over content stems, so that a store can
fetch candidates by key and call :func:`same_claim` only on those.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .text import STOPWORDS, fold, stem, words

__all__ = [
    "ClaimMember",
    "Independence",
    "article_wires",
    "claim_fingerprint",
    "claim_keys",
    "claim_similarity",
    "first_reporter",
    "independent_sources",
    "is_claim",
    "normalise_claim",
    "same_claim",
    "wire_credits",
]

NEAR_DUPLICATE_JACCARD = 0.5
CONTAINMENT = 0.8
PARAPHRASE_DICE = 0.6
PARAPHRASE_MIN_SHARED = 3
MIN_STEMS = 3
"""Contents with fewer content stems ("a request for comment") are not matched at all."""

_NEGATORS = frozenset(
    [
        "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "cannot", "without",
        "nowhere",
    ]
)
_NUMBER_WORDS = {
    w: str(i) for i, w in enumerate(
        [
            "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
            "nineteen", "twenty",
        ],
        start=2,
    )
}
"""Number words written as digits; "one" is left alone ("one of them", "no one")."""
_SYNONYMS = [
    "meet talk discuss negotiate negotiation",
    "secret secretly covert covertly clandestine private privately",
    "kill killed dead die died death",
    "resign resignation quit",
    "buy acquire acquisition purchase",
    "reject rejected dismiss dismissed refuse refused",
    "rise increase grow climb jump",
    "fall drop decline decrease reduce reduction",
    "plan intend aim",
    "start begin launch",
    "end stop halt cease",
    "big large major huge",
    "investigate investigation probe inquiry",
    "government administration",
    "attack strike assault",
    "border frontier",
    "soldier troop troops",
    "help aid assist assistance",
    "agreement deal accord pact",
    "money funds cash funding",
    "block blocked obstruct prevent",
    "close closure shut",
    "job post position",
    "week weekly",
]
_CANON = {stem(w): group.split()[0] for group in _SYNONYMS for w in group.split()}
_CALENDAR = frozenset(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
     "saturday", "sunday"]
)
"""Capitalised, but what a claim says rather than whom it is about."""
_CAPITAL = re.compile(r"[A-Z][\w'’-]*|[A-Z]{2,}")


def normalise_claim(text: str) -> str:
    """The text as compared: folded words joined by spaces, a leading "that" dropped."""
    toks = [_NUMBER_WORDS.get(t, t) for t in words(text)]
    while toks and toks[0] in ("that", "whether"):
        toks = toks[1:]
    return " ".join(toks)


def claim_fingerprint(text: str) -> str:
    """Hex digest of the normalised claim: equal for claims that differ only in case,
    accents, quote marks, punctuation or spacing."""
    return hashlib.blake2b(_features(text).norm.encode("utf-8"), digest_size=16).hexdigest()


@dataclass(frozen=True, slots=True)
class _Features:
    norm: str
    shingles: frozenset[tuple[str, ...]]
    stems: frozenset[str]
    numbers: frozenset[str]
    names: frozenset[str]
    tokens: frozenset[str]
    negated: bool
    words: frozenset[str]
    """content stems of the words that are not names: what is said, not about whom"""


@lru_cache(maxsize=65536)
def _features(text: str) -> _Features:
    norm = normalise_claim(text)
    toks = norm.split()
    shingles = frozenset(zip(toks, toks[1:], toks[2:], strict=False)) or frozenset(
        [tuple(toks)]
    )
    names = {fold(w).removesuffix("'s").replace("'", "") for w in _CAPITAL.findall(text)}
    names -= STOPWORDS
    numbers, stems, said, negated = set(), set(), set(), False
    for t in set(toks):
        if t[0].isdigit():
            numbers.add(t)
        elif t in _NEGATORS or t.endswith("n't"):
            negated = True
        elif t not in STOPWORDS:
            s = stem(t)
            s = _CANON.get(s, s)
            stems.add(s)
            if t.removesuffix("'s") not in names or t in _CALENDAR:
                said.add(s)
    return _Features(
        norm, shingles, frozenset(stems), frozenset(numbers), frozenset(names),
        frozenset(t.removesuffix("'s").replace("'", "") for t in toks), negated,
        frozenset(said),
    )


_BANDS, _ROWS = 6, 2
_PRIME = np.uint64((1 << 31) - 1)  # (a * h + b) stays below 2**64 for 32-bit a, b and h
_A = np.array([(0x9E3779B1 * (i + 1)) % ((1 << 31) - 1) or 1 for i in range(_BANDS * _ROWS)],
              dtype=np.uint64)
_B = np.array([(0x85EBCA77 * (i + 7)) % ((1 << 31) - 1) for i in range(_BANDS * _ROWS)],
              dtype=np.uint64)
"""Fixed MinHash permutations: keys must be the same in every process and release."""


def claim_keys(text: str) -> list[str]:
    """Candidate keys: ``f:<fingerprint>`` (exact), then ``m<band>:<hash>`` MinHash bands
    over content stems (6 bands of 2), so two claims sharing ~60% of their stems share a key
    with probability ~0.9. Claims with fewer than 2 content stems get only the exact key."""
    keys = ["f:" + claim_fingerprint(text)[:16]]
    stems = _features(text).stems
    if len(stems) < 2:
        return keys
    hashes = np.fromiter((zlib.crc32(s.encode("utf-8")) for s in stems), np.uint64, len(stems))
    mins = ((_A[:, None] * hashes[None, :] + _B[:, None]) % _PRIME).min(axis=1)
    for band in range(_BANDS):
        digest = zlib.crc32(mins[band * _ROWS : (band + 1) * _ROWS].tobytes())
        keys.append(f"m{band}:{digest:08x}")
    return keys


def claim_similarity(a: str, b: str) -> tuple[float, str]:
    """Score in [0, 1] and kind: "exact", "near_duplicate", "paraphrase" or "different"."""
    fa, fb = _features(a), _features(b)
    if not (is_claim(a) and is_claim(b)):
        return 0.0, "different"  # "a request for comment": too short to be a claim
    if fa.norm == fb.norm:
        return 1.0, "exact"
    if fa.negated != fb.negated:
        return 0.0, "different"
    # a name or number only one side has is detail; one on each side is a contradiction:
    # "5 dead" / "6 dead", "X met Y" / "Z met Y"
    if (fa.numbers - fb.numbers and fb.numbers - fa.numbers) or (
            fa.names - fb.tokens and fb.names - fa.tokens):
        return 0.0, "different"
    short = min(fa, fb, key=lambda f: len(f.shingles))
    inter = len(fa.shingles & fb.shingles)
    jaccard = inter / len(fa.shingles | fb.shingles)
    contained = inter / len(short.shingles)
    if contained >= CONTAINMENT and len(short.shingles) >= 4:  # a trimmed quote
        return round(0.5 + contained / 2 - 0.01, 3), "near_duplicate"
    if jaccard >= NEAR_DUPLICATE_JACCARD:
        return round(jaccard, 3), "near_duplicate"
    # names already agree; the rest of the words must say the same thing
    shared = len(fa.words & fb.words)
    dice = 2 * shared / (len(fa.words) + len(fb.words)) if shared else 0.0
    if (shared >= PARAPHRASE_MIN_SHARED and dice >= PARAPHRASE_DICE) or (
            shared == 2 and dice >= 0.8):  # "a ban on Muslims entering" / "to ban Muslims from…"
        return round(dice * 0.9, 3), "paraphrase"
    return round(dice * 0.5, 3), "different"


def is_claim(text: str) -> bool:
    """Whether a content has enough content words (3 stems) to be traced at all; "a request
    for comment" has not, and :func:`same_claim` never matches it, even to itself."""
    return len(_features(text).stems) >= MIN_STEMS


def same_claim(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` go in one claim cluster."""
    return claim_similarity(a, b)[1] != "different"


@dataclass(frozen=True, slots=True)
class ClaimMember:
    """One attribution in a claim cluster, with what independence needs to know."""

    key: str
    article_id: str
    outlet: str | None
    published: str | None
    source_text: str
    source_type: str
    anonymous: bool
    actor_id: int | None
    channel_text: str
    content_text: str
    article_text: str | None = None


@dataclass(frozen=True, slots=True)
class Independence:
    """Independent sources behind a claim: member keys grouped by source, a reason each."""

    count: int
    groups: list[list[str]]
    reasons: list[str]


_AGENCIES = {
    "associated press": "AP", "ap": "AP", "reuters": "Reuters", "agence france-presse": "AFP",
    "agence france presse": "AFP", "afp": "AFP", "bloomberg news": "Bloomberg", "dpa": "dpa",
    "efe": "EFE", "ansa": "ANSA", "xinhua": "Xinhua", "tass": "TASS", "upi": "UPI",
    "united press international": "UPI", "press association": "PA", "kyodo": "Kyodo",
}
_AGENCY = (r"(?:[Tt]he\s+)?((?:[A-Z][\w-]+\s+){1,3}(?:Press|News)\s+Agency|Associated\s+Press|"
           r"Reuters|Agence\s+France[- ]Presse|AFP|AP|Bloomberg\s+News|UPI|dpa|EFE|Xinhua|TASS|"
           r"Kyodo)"
           r"\b")
_DATELINE = re.compile(r"\(\s*([A-Z][\w.]{1,12}|Reuters)\s*\)\s*[-—–:]")  # "SALVEN (MPA) —"
_WIRE_COPY = [  # the whole article is wire copy
    re.compile(_AGENCY + r"\s+contributed\b"),
    re.compile(r"(?:©|Copyright)\s*(?:\d{4}\s+)?" + _AGENCY),
]
_WIRE_CITED = [  # the wire is cited for one statement
    re.compile(r"(?i:according\s+to|told|reported\s+by|via|reporting\s+by|an\s+interview\s+"
               r"with|a\s+statement\s+to)\s+" + _AGENCY),
    re.compile(_AGENCY + r"\s+(?:reported|said|wrote|has\s+learned|learned)\b"),
]
_DATELINE_CHARS = 400
"""A dateline credit counts only near the top of an article."""
_NON_WIRE = frozenset({"the", "it", "he", "she", "they", "we", "i", "us"})


def _wire_name(raw: str, *, dateline: bool = False) -> str | None:
    """An agency's short name ("AP", "MPA") if ``raw`` names one; a bare capitalised
    token only counts inside a dateline credit "(MPA) —"."""
    name = " ".join(raw.split())
    folded = fold(name).removeprefix("the ")
    if folded in _AGENCIES:
        return _AGENCIES[folded]
    toks = folded.split()
    if len(toks) >= 3 and toks[-1] == "agency" and toks[-2] in ("press", "news"):
        return "".join(t[0] for t in toks).upper()  # "Meridian Press Agency" -> "MPA"
    if dateline and len(toks) == 1 and name.isupper() and folded not in _NON_WIRE:
        return name  # a dateline credit "(MPA) —"
    return None


def _credits(patterns: list[re.Pattern[str]], text: str) -> set[str]:
    return {name for pattern in patterns for match in pattern.finditer(text)
            if (name := _wire_name(match.group(1)))}


@lru_cache(maxsize=1024)
def wire_credits(text: str) -> frozenset[str]:
    """Wire agencies a passage cites: "told Reuters", "the Associated Press reported",
    "according to the Meridian Press Agency", a dateline "(AP) —"; by short name."""
    found = _credits(_WIRE_CITED + _WIRE_COPY, text)
    found.update(n for m in _DATELINE.finditer(text)
                 if (n := _wire_name(m.group(1), dateline=True)))
    return frozenset(found)


@lru_cache(maxsize=1024)
def article_wires(text: str) -> frozenset[str]:
    """Wire agencies whose copy a whole article is: a dateline credit near the top
    ("SALVEN (MPA) —"), "The Associated Press contributed to this report", a copyright
    line. A wire cited for one statement inside the article does not count."""
    found = _credits(_WIRE_COPY, text)
    found.update(n for m in _DATELINE.finditer(text[:_DATELINE_CHARS])
                 if (n := _wire_name(m.group(1), dateline=True)))
    return frozenset(found)


def _description(text: str) -> str:
    """An anonymous source's description as compared: "A senior official" = "senior officials"."""
    return " ".join(stem(w) for w in words(text) if w not in STOPWORDS and w not in
                    _NUMBER_WORDS)


def _wires(m: ClaimMember) -> frozenset[str]:
    """Wires behind a member: cited in its channel, the copy of its whole article, or its
    outlet is one."""
    found = set(wire_credits(m.channel_text))
    if channel := _wire_name(m.channel_text):  # the channel as extracted: "the AP"
        found.add(channel)
    if m.article_text:
        found |= article_wires(m.article_text)
    outlet = _wire_name(m.outlet) if m.outlet else None
    if outlet:
        found.add(outlet)
    return frozenset(found)


def _relayed_wire(source: str) -> str | None:
    """The agency a source names itself ("the MPA reported"), looking at each piece of a
    discontiguous source too ("the Meridian Press Agency … cited a senior official")."""
    pieces = [source, *re.split(r"\s*(?:…|\.\.\.)\s*", source)]
    for piece in pieces:
        if wire := _wire_name(piece):
            return wire
    return next(iter(sorted(wire_credits(source))), None)


def independent_sources(members: Sequence[ClaimMember]) -> Independence:
    """Group members by the source behind them; each group counts once.

    Members are one source when they share a corpus actor; when they are anonymous (or
    unresolved) and their articles credit the same wire agency; or when they give the same
    anonymous description through the same channel. Distinct named actors stay distinct
    even when the same wire carried them."""
    parent = list(range(len(members)))
    why: dict[int, str] = {}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int, reason: str) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
            why.setdefault(min(ri, rj), reason)

    by_actor: dict[int, int] = {}
    by_wire: dict[str, int] = {}
    by_desc: dict[tuple[str, str], int] = {}
    by_name: dict[str, int] = {}
    wires = [_wires(m) for m in members]
    for i, m in enumerate(members):
        relayed = _relayed_wire(m.source_text)
        if relayed:  # "the Meridian Press Agency reported ...": the wire itself is the source
            j = by_wire.setdefault(relayed, i)
            union(j, i, f"relayed from one {relayed} report (the wire is quoted as the source)")
        named = m.actor_id is not None and not m.anonymous
        if named:
            j = by_actor.setdefault(m.actor_id, i)
            union(j, i, f"the same actor #{m.actor_id} ({m.source_text.strip()})")
            continue
        desc = _description(m.source_text)
        if not m.anonymous and desc:
            j = by_name.setdefault(desc, i)
            union(j, i, f"the same source name '{m.source_text.strip()}'")
        for wire in sorted(wires[i]) if m.anonymous or not desc else ():
            j = by_wire.setdefault(wire, i)
            union(j, i, f"relayed from one {wire} report (the articles credit {wire})")
        channel = _description(m.channel_text)
        if m.anonymous and desc and channel:  # "a senior official" alone is too common
            j = by_desc.setdefault((desc, channel), i)
            union(j, i, f"the same anonymous source '{m.source_text.strip()}' via "
                        f"'{m.channel_text.strip()}'")
    groups: dict[int, list[int]] = {}
    for i in range(len(members)):
        groups.setdefault(find(i), []).append(i)
    out_groups, reasons = [], []
    for root, idx in groups.items():
        out_groups.append([members[i].key for i in idx])
        if len(idx) == 1:
            m = members[idx[0]]
            kind = "anonymous" if m.anonymous else m.source_type or "source"
            reasons.append(f"one member: {kind} '{m.source_text.strip()}'")
        else:
            outlets = sorted({members[i].outlet or "?" for i in idx})
            reasons.append(f"one source: {why.get(root, 'linked members')}; "
                           f"{len(idx)} members in {', '.join(outlets)}")
    return Independence(len(out_groups), out_groups, reasons)


def first_reporter(members: Sequence[ClaimMember]) -> str:
    """The key of the earliest published member; undated ones count as latest, and ties
    go to input order."""
    if not members:
        raise ValueError("first_reporter needs at least one member")
    order = sorted(range(len(members)),
                   key=lambda i: (members[i].published is None, members[i].published or "", i))
    return members[order[0]].key
