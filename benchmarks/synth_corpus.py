"""Generate a synthetic corpus of analysed ``sayso.article/1`` records (the NLP step bypassed).

For loading the store at scale (``benchmarks/store_bench.py``): fictional outlets, people,
organisations and stories, with the repetition a real news corpus has. A story's claim is
relayed by several outlets (verbatim from a wire agency, or reworded), a few hundred actors
are quoted again and again while most appear once or twice, and anonymous officials recur.
Offsets are exact: every span indexes the generated text, as the contract requires.

    python benchmarks/synth_corpus.py --articles 100000 -o out/synth-100k.jsonl

The same ``--seed`` gives the same file.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any


def _items(text: str, sep: str = " ") -> list[str]:
    """A word list written as one string (easier to read and extend than a list literal)."""
    return [item for item in text.split(sep) if item]


FIRST = _items("Anna Boris Carla Dmitri Elena Farid Greta Hugo Ines Jonas Katrin Luca Mirela Nikos "
         "Olga Pavel Queenie Rafael Sofia Tomas Ulla Viktor Wanda Xaver Yara Zoran Amira Bruno "
         "Celine Dario Edda Fabian Gisela Henrik Ilse Jakub Klara Lorenz Marta Nils")
SURNAMES = _items(
    "Adler Brandt Castell Dobrev Eklund Falk Grau Holm Ivanic Jansen Kovac Lind Moreau "
            "Novak Orlov Petrov Quist Rasmussen Stahl Torres Urban Varga Weiss Xenakis Young "
            "Zeller Aalto Berger Cerny Dahl Engel Fischer Gallo Horvat Iversen Jovanovic Keller "
            "Lang Meier Nagy Olsen Popescu Rossi Schmid Tanaka Ulrich Vogel Wolff Yilmaz Ziegler "
            "Abbot Barros Costa Duval Esposito Ferreira Garcia Hartmann Ibsen Juhasz"
            " Kaminski")
ROLES = _items("Finance Minister|Interior Minister|Health Minister|opposition leader|mayor|"
         "chief executive|union leader|party spokesperson|central bank governor|police chief|"
         "senator|prosecutor|defence minister|trade envoy|committee chair|governor", "|")
ORG_HEADS = _items(
    "Ministry of Finance|Ministry of Health|Ostravian Rail|Kallen Energy|Northern Bank|"
             "Harbour Authority|Transport Workers' Union|Tarn Valley Council|Civic Party|"
             "Green Alliance|National Audit Office|Meridian Mining|Salven Port Company|"
             "Federation of Farmers|Teachers' Association|State Water Board", "|")
PLACES = _items("Ostravia Kallen Salven Tarn Vale Corbridge Ashby Millbrook Eastwold Kestwick")
OBJECTS = _items("the rail network|the port expansion|the water tariff|the hospital budget|"
           "the mining licence|fuel subsidies|the border crossing|the pension reform|"
           "the new stadium|teacher salaries|the bridge repairs|the wind farm|the tax rebate|"
           "the airport contract|the housing plan|the grain exports", "|")
VERBS = _items("cut|freeze|double|scrap|delay|review|sell|expand|suspend|fund|privatise|renegotiate"
         , "|")
WHEN = _items("by March|next year|before the election|within six months|this summer|by the end of "
        "the year|in the spring|after the audit", "|")
ANON = _items("a senior official who spoke on condition of anonymity|two people familiar with the "
        "talks|a government source|officials|a person close to the negotiations|diplomats|"
        "an aide who declined to be named", "|")
CUES = [("said", "say"), ("told reporters", "say"), ("claimed", "claim"),
        ("warned", "warn"), ("confirmed", "confirm"), ("denied", "deny"),
        ("accused", "accuse"), ("insisted", "claim")]
WIRES = ("Meridian Press Agency", "Northern Wire", "Continental News Service")


def _outlets(rng: random.Random) -> list[str]:
    kinds = _items("Herald Courier Gazette Observer Echo Sentinel Times Post Chronicle Ledger")
    names = sorted({f"The {p} {k}" for p in PLACES for k in kinds})
    return list(WIRES) + rng.sample(names, 37)


class Corpus:
    """The cast (people, organisations) and the stories, drawn once per seed."""

    def __init__(self, seed: int, n_people: int, n_stories: int) -> None:
        self.rng = random.Random(seed)
        rng = self.rng
        self.outlets = _outlets(rng)
        pairs = [(f, s) for f in FIRST for s in SURNAMES]
        rng.shuffle(pairs)
        self.people = [(f"{f} {s}", rng.choice(ROLES)) for f, s in pairs[:n_people]]
        self.orgs = [o for o in ORG_HEADS] + [f"{p} {o.split()[-1]}" for p in PLACES
                                               for o in ORG_HEADS[:6]]
        self.stories = [self._story() for _ in range(n_stories)]

    def _story(self) -> dict[str, Any]:
        rng = self.rng
        actor = rng.choice(self.orgs)
        claim = (f"{actor} will {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(WHEN)}")
        reworded = claim.replace(" will ", " plans to ", 1)
        return {"claim": claim, "reworded": reworded, "about": actor,
                "source": self._speaker(), "wire": rng.choice(WIRES)}

    def _speaker(self) -> tuple[str, str, str]:
        """(kind, name, role): a busy few people are quoted far more often than the rest."""
        rng = self.rng
        r = rng.random()
        if r < 0.15:
            return ("anon", rng.choice(ANON), "")
        if r < 0.3:
            return ("org", rng.choice(self.orgs), "")
        # Zipf-like: index ~ n * u^3 puts most quotes on the first few hundred people.
        name, role = self.people[int(len(self.people) * rng.random() ** 3)]
        return ("person", name, role)


class Article:
    """Builds one article's text while recording exact spans."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, s: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(s)
        self.length += len(s)
        return start, self.length

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _role(art: Article, s: str) -> dict[str, Any]:
    start, end = art.add(s)
    return {"spans": [[start, end]], "text": s}


def make_record(corpus: Corpus, n: int, n_attributions: int) -> dict[str, Any]:
    """One article: a headline, then ``n_attributions`` attributed sentences."""
    rng = corpus.rng
    outlet = rng.choice(corpus.outlets)
    day = f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}"
    lead = rng.choice(corpus.stories)
    art = Article()
    headline = f"{lead['about']} faces questions over {rng.choice(OBJECTS)}"
    art.add(headline + "\n\n")
    if outlet not in WIRES and rng.random() < 0.4:
        art.add(f"{rng.choice(PLACES).upper()} ({lead['wire']}) — ")
    actors: dict[str, dict[str, Any]] = {}
    attributions = []
    for i in range(n_attributions):
        story = lead if i == 0 else rng.choice(corpus.stories) if rng.random() < 0.5 else None
        if story is not None:
            kind, name, role = story["source"]
            content_text = story["claim"] if rng.random() < 0.6 else story["reworded"]
            about = story["about"]
        else:
            kind, name, role = corpus._speaker()
            about = rng.choice(corpus.orgs)
            content_text = (f"{about} had failed to {rng.choice(VERBS)} "
                            f"{rng.choice(OBJECTS)} {rng.choice(WHEN)}")
        cue_text, stance = rng.choice(CUES)
        a: dict[str, Any] = {"id": f"a{i + 1}", "kind": "direct", "confidence": 0.97}
        art.add("“")
        content = _role(art, content_text)
        about_start = content["spans"][0][0] + content_text.find(about)
        art.add(",” ")
        if kind == "person" and rng.random() < 0.3:
            source_text = role + " " + name  # "Finance Minister Anna Adler"
        elif kind == "person" and rng.random() < 0.2:
            source_text = "Mr " + name.split()[-1] if rng.random() < 0.5 else name.split()[-1]
        else:
            source_text = name
        source = _role(art, source_text)
        art.add(" ")
        cue = _role(art, cue_text)
        art.add(".\n\n")
        local = None
        if kind != "anon":
            local = _mention(actors, name, "person" if kind == "person" else "organisation",
                             source["spans"][0], role)
        _mention(actors, about, "organisation", [about_start, about_start + len(about)], "")
        source_type = {"anon": "anonymous_person", "org": "organisation",
                       "person": "named_person"}[kind]
        a.update({
            "source": source, "cue": cue, "content": content, "source_type": source_type,
            "anonymous": {"is": kind == "anon", "reason": None}, "actor": local,
            "channel": {"spans": [], "text": ""}, "stance": stance, "hedges": [],
            "denies": [],
        })
        attributions.append(a)
    text = art.text
    return {
        "schema": "sayso.article/1",
        "id": f"synth-{n:07d}",
        "text": text,
        "meta": {"title": headline, "outlet": outlet, "published": day, "author": None,
                 "url": f"https://example.invalid/{n}", "path": None, "format": "jsonl"},
        "producer": {"sayso": "synthetic", "spacy_pipeline": "none",
                     "attribution_model": "synthetic"},
        "attributions": attributions,
        "actors": list(actors.values()),
    }


def _mention(actors: dict[str, dict[str, Any]], name: str, type: str, span: list[int],
             role: str) -> str:
    """Add a mention to the article's actor list (one entry per name); return its id."""
    entry = actors.get(name)
    if entry is None:
        entry = {"id": f"e{len(actors) + 1}", "name": name, "type": type, "mentions": [],
                 "roles": [role] if role else []}
        actors[name] = entry
    entry["mentions"].append(list(span))
    entry["mentions"].sort()
    return str(entry["id"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--attributions", type=int, default=10, help="per article")
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--stories", type=int, default=None,
                        help="distinct claims (default: articles / 4)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("-o", "--output", type=Path, default=None, help="default: stdout")
    args = parser.parse_args(argv)
    corpus = Corpus(args.seed, args.people, args.stories or max(10, args.articles // 4))
    out = args.output.open("w", encoding="utf-8") if args.output else sys.stdout
    try:
        for n in range(args.articles):
            out.write(json.dumps(make_record(corpus, n, args.attributions),
                                 ensure_ascii=False) + "\n")
    finally:
        if args.output:
            out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
