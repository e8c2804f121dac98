"""Spot-checks actor merging and claim matching against pairs labelled by hand.

    python benchmarks/corpus_eval.py                               # the fictional stories
    python benchmarks/corpus_eval.py --polnear ../shared/data/polnear --records /tmp/pc
    python benchmarks/corpus_eval.py --polnear ... --records /tmp/pc --write-docs
    python benchmarks/corpus_eval.py --polnear ... --records /tmp/pc --sample /tmp/pairs.jsonl

``--records DIR`` holds ``train.jsonl`` and ``dev.jsonl`` written by
``sayso analyze ../shared/data/polnear/{train,dev}/text -o DIR/{train,dev}.jsonl``; without it
the script analyses both splits itself (about 4 minutes on 2 cores).

How the pairs are scored. Actors: every record's actors are fed, in publication order, to
:func:`sayso.corpus.resolve_actor` / :func:`~sayso.corpus.merge_actor` over candidates found by
:func:`~sayso.corpus.actor_keys`, as the store does; a labelled pair (two mention spans in two
articles) is predicted "same" when both spans fall in in-article actors that ended in one
corpus actor. Claims: a labelled pair (two content spans) is predicted "same" when
:func:`sayso.corpus.same_claim` says so on the span texts. Independence (fiction only): the
labelled members of one claim are grouped by :func:`sayso.corpus.independent_sources`.

Gold: ``tests/gold/corpus-examples.jsonl`` (the stories in ``examples/corpus``) and
``tests/gold/corpus-polnear.jsonl`` (PolNeAR train+dev). The PolNeAR file holds only document
names, offsets, a 12-hex SHA-1 of each span's text and the label, never the text. Its pairs
were sampled by ``--sample`` (the frame is described in docs/corpus.md), so recall is recall
within that frame, not over every coreferent pair in the corpus.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from report import write_section  # benchmarks/ is on sys.path when run as a script
from sayso.corpus import (
    ActorMention,
    ClaimMember,
    CorpusActor,
    actor_keys,
    claim_fingerprint,
    claim_keys,
    claim_similarity,
    clear_caches,
    independent_sources,
    same_claim,
)
from sayso.corpus.actors import ActorIndex
from sayso.corpus.claims import article_wires
from sayso.corpus.text import STOPWORDS, stem, words

REPO = Path(__file__).resolve().parent.parent

EXAMPLES = REPO / "examples" / "corpus"
GOLD_EXAMPLES = REPO / "tests" / "gold" / "corpus-examples.jsonl"
GOLD_POLNEAR = REPO / "tests" / "gold" / "corpus-polnear.jsonl"
DOCS = REPO / "docs" / "benchmarks.md"

Span = tuple[int, int]


def sha12(text: str) -> str:
    """The short digest stored beside PolNeAR offsets to detect a changed local copy."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def span_text(text: str, spans: list[list[int]]) -> str:
    """A span list's text as records show it: the pieces joined by " … "."""
    return " … ".join(text[s:e] for s, e in spans)


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


class Corpus:
    """Analysed records with the store's actor resolution replayed over them in memory."""

    def __init__(self, records: Iterable[dict[str, Any]], meta: dict[str, dict[str, str]]) -> None:
        self.records = {r["id"]: r for r in records}
        self.meta = meta
        self.actor_of: dict[tuple[str, str], int] = {}
        self.reasons: dict[tuple[str, str], str] = {}
        self.index = ActorIndex()
        for art in sorted(self.records, key=lambda i: (self.published(i) or "", i)):
            for a in self.records[art]["actors"]:
                m = ActorMention(art, a["id"], a["name"], a["type"], tuple(a["roles"]),
                                 self.outlet(art), self.published(art))
                self.actor_of[(art, a["id"])], decision = self.index.add(m)
                self.reasons[(art, a["id"])] = decision.reason

    @property
    def actors(self) -> dict[int, CorpusActor]:
        return self.index.actors

    def outlet(self, art: str) -> str | None:
        return self.meta.get(art, {}).get("outlet") or self.records[art]["meta"].get("outlet")

    def published(self, art: str) -> str | None:
        return self.meta.get(art, {}).get("published") or self.records[art]["meta"].get(
            "published")

    def local_actor(self, art: str, span: Span) -> dict[str, Any] | None:
        """The in-article actor with a mention overlapping ``span`` most."""
        best, size = None, 0
        for a in self.records[art]["actors"]:
            for s, e in a["mentions"]:
                overlap = min(e, span[1]) - max(s, span[0])
                if overlap > size:
                    best, size = a, overlap
        return best

    def corpus_actor(self, art: str, span: Span) -> int | None:
        local = self.local_actor(art, span)
        return None if local is None else self.actor_of[(art, local["id"])]


def prf(counts: dict[str, int]) -> dict[str, float | int]:
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {**counts, "p": round(p, 3), "r": round(r, 3), "f1": round(f, 3)}


def tally(pairs: list[tuple[bool, bool]]) -> dict[str, float | int]:
    counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    for gold, pred in pairs:
        counts[("t" if gold == pred else "f") + ("p" if pred else "n")] += 1
    return prf(counts) | {"pairs": len(pairs), "gold_same": sum(g for g, _ in pairs)}


def score(corpus: Corpus, gold: list[dict[str, Any]], text_of: Any) -> dict[str, Any]:
    """P/R of actor and claim pairs (and independence counts when labelled)."""
    pairs: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    errors = []
    frames: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    unmatched = stale = 0
    indep_ok = indep_n = 0
    for g in gold:
        if g["kind"] == "independence":
            members = [member(corpus, m, text_of) for m in g["members"]]
            got = independent_sources(members)
            indep_n += 1
            indep_ok += got.count == g["count"]
            if got.count != g["count"]:
                errors.append(f"independence {g['claim']}: gold {g['count']}, got {got.count}: "
                              f"{got.reasons}")
            continue
        texts = [span_text(text_of(x["doc"]), x.get("spans") or [x["span"]])
                 for x in (g["a"], g["b"])]
        if any("sha1" in x and sha12(t) != x["sha1"] for x, t in zip((g["a"], g["b"]), texts,
                                                                      strict=True)):
            stale += 1
            continue
        if g["kind"] == "actor":
            ids = [corpus.corpus_actor(x["doc"], tuple(x["span"])) for x in (g["a"], g["b"])]
            if None in ids:
                unmatched += 1
                continue
            pred = ids[0] == ids[1]
        else:
            pred = same_claim(*texts)
        held = "_heldout" if g.get("frame", "").endswith("_heldout") else ""
        pairs[("actors" if g["kind"] == "actor" else "claims") + held].append((g["same"], pred))
        if "frame" in g:
            frames[f"{g['kind']}:{g['frame']}"].append((g["same"], pred))
        if pred != g["same"]:
            errors.append(f"{g['kind']} gold={g['same']} pred={pred}: {texts[0][:80]!r} | "
                          f"{texts[1][:80]!r}")
    out = {k: tally(pairs[k]) for k in ("actors", "claims", "actors_heldout", "claims_heldout")}
    out |= {"frames": {k: tally(v) for k, v in sorted(frames.items())},
            "actor_pairs_unmatched": unmatched, "stale_hashes": stale, "errors": errors}
    if indep_n:
        out["independence"] = {"claims": indep_n, "count_correct": indep_ok}
    return out


def member(corpus: Corpus, m: dict[str, Any], text_of: Any) -> ClaimMember:
    """A labelled cluster member as the store would build it."""
    art = m["doc"]
    text = text_of(art)
    source = text[m["source"][0] : m["source"][1]]
    actor = None if m["anonymous"] else corpus.corpus_actor(art, tuple(m["source"]))
    return ClaimMember(
        f"{art}#{m['source'][0]}", art, corpus.outlet(art), corpus.published(art), source,
        "anonymous" if m["anonymous"] else "named", m["anonymous"], actor,
        m.get("channel", ""), text[m["content"][0] : m["content"][1]], text,
    )


def examples() -> dict[str, Any]:
    from sayso.analyze import analyze_articles
    from sayso.readers import read_inputs

    articles = [a for a in read_inputs([str(EXAMPLES)]) if not isinstance(a, Exception)]
    corpus = Corpus(analyze_articles(articles), {})
    gold = list(read_jsonl(GOLD_EXAMPLES))
    return score(corpus, gold, lambda art: corpus.records[art]["text"])


def polnear_meta(root: Path) -> dict[str, dict[str, str]]:
    with (root / "metadata.tsv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return {r["filename"]: {"outlet": r["publisher"], "published": r["publication_date"],
                            "split": r["compartment"]} for r in rows
            if r["compartment"] in ("train", "dev")}


def polnear_corpus(root: Path, records: Path | None) -> Corpus:
    if records is None:
        from sayso.analyze import analyze_articles
        from sayso.readers import read_inputs

        paths = [str(root / split / "text") for split in ("train", "dev")]
        recs: Iterable[dict[str, Any]] = analyze_articles(
            a for a in read_inputs(paths) if not isinstance(a, Exception))
    else:
        recs = (r for split in ("train", "dev") for r in read_jsonl(records / f"{split}.jsonl"))
    return Corpus(recs, polnear_meta(root))


def speed(corpus: Corpus) -> dict[str, float]:
    """Ingest-time cost of the corpus functions on these records, in one process."""
    contents = [a["content"]["text"] for r in corpus.records.values() for a in r["attributions"]]
    clear_caches()
    start = time.perf_counter()
    for text in contents:
        claim_fingerprint(text)
        claim_keys(text)
    keys_s = time.perf_counter() - start
    clear_caches()
    start = time.perf_counter()
    replayed = Corpus(corpus.records.values(), corpus.meta)
    actors_s = time.perf_counter() - start
    return {"attributions": len(contents), "claim_keys_per_s": round(len(contents) / keys_s),
            "mentions": len(replayed.actor_of),
            "actor_mentions_per_s": round(len(replayed.actor_of) / actors_s)}


def polnear(root: Path, records: Path | None) -> dict[str, Any]:
    corpus = polnear_corpus(root, records)
    timing = speed(corpus)
    gold = list(read_jsonl(GOLD_POLNEAR))
    meta = corpus.meta

    def text_of(art: str) -> str:
        return (root / meta[art]["split"] / "text" / f"{art}.txt").read_text(encoding="utf-8")

    out = score(corpus, gold, text_of)
    out["articles"] = len(corpus.records)
    out["corpus_actors"] = len(corpus.actors)
    out["in_article_actors"] = len(corpus.actor_of)
    out["speed"] = timing
    out["article_wires"] = wire_check(root)
    return out


def wire_check(root: Path) -> dict[str, Any]:
    """:func:`article_wires` against PolNeAR's own ``wire`` column (``NA`` rows skipped)."""
    with (root / "metadata.tsv").open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t")
                if r["compartment"] in ("train", "dev") and r["wire"] != "NA"]
    pairs = []
    for r in rows:
        text = (root / r["compartment"] / "text" / f"{r['filename']}.txt").read_text(
            encoding="utf-8")
        pairs.append((r["wire"] != "None", bool(article_wires(text))))
    return tally(pairs)


def sample(root: Path, records: Path | None, path: Path, seed: int = 5) -> None:
    """Write candidate pairs, with context, for labelling by hand (not into the repo).

    Frame. Actors: 70 random pairs of distinct folded name forms of one type sharing a
    blocking key (one random article each); 20 pairs of one name form in two articles; 20
    random cross-article pairs of one type; 40 key-sharing name-form pairs where exactly one
    form is a single word ("Cruz" / "Ted Cruz"). Claims: 80 random cross-article attribution
    pairs sharing a claim key; 30 random cross-article pairs sharing at least two content
    stems and no key; 60 key-sharing pairs whose content stems overlap (Dice >= 0.3); 40
    key-sharing pairs that :func:`claim_similarity` calls the same, and 40 it calls different
    with a score of 0.2 or more (content-stem Dice >= 0.4)."""
    rng = random.Random(seed)
    corpus = polnear_corpus(root, records)
    forms: dict[tuple[str, str], list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for art, rec in corpus.records.items():
        for a in rec["actors"]:
            forms[(a["type"], " ".join(words(a["name"])))].append((art, a))
    by_key: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for (typ, form), items in forms.items():
        art, a = items[0]
        m = ActorMention(art, a["id"], a["name"], typ, (), None, None)
        for k in actor_keys(m):
            by_key[k].add((typ, form))
    form_pairs = sorted({tuple(sorted((x, y))) for group in by_key.values() for x in group
                         for y in group if x < y})
    out: list[dict[str, Any]] = []

    def actor_pair(x: tuple[str, dict[str, Any]], y: tuple[str, dict[str, Any]], frame: str
                   ) -> None:
        spans = []
        for art, a in (x, y):
            s, e = a["mentions"][0]
            spans.append({"doc": art, "span": [s, e], "name": a["name"], "roles": a["roles"],
                          "type": a["type"]})
        out.append({"kind": "actor", "frame": frame, "a": spans[0], "b": spans[1]})

    for fx, fy in rng.sample(form_pairs, min(70, len(form_pairs))):
        x, y = rng.choice(forms[fx]), rng.choice(forms[fy])
        if x[0] != y[0]:
            actor_pair(x, y, "key")
    multi = [f for f, items in forms.items() if len({art for art, _ in items}) > 1]
    for f in rng.sample(sorted(multi), 20):
        x, y = rng.sample(forms[f], 2)
        if x[0] != y[0]:
            actor_pair(x, y, "same_form")
    everyone = [(art, a) for art, rec in corpus.records.items() for a in rec["actors"]]
    while sum(p["frame"] == "random" for p in out) < 20:
        x, y = rng.sample(everyone, 2)
        if x[0] != y[0] and x[1]["type"] == y[1]["type"]:
            actor_pair(x, y, "random")

    attrs = [(art, a) for art, rec in sorted(corpus.records.items())
             for a in rec["attributions"] if len(a["content"]["text"]) > 20]
    claim_index: dict[str, list[int]] = defaultdict(list)
    for i, (_, a) in enumerate(attrs):
        for k in claim_keys(a["content"]["text"]):
            claim_index[k].append(i)
    keyed = sorted({(i, j) for ids in claim_index.values() if len(ids) < 200 for i in ids
                    for j in ids if i < j and attrs[i][0] != attrs[j][0]})

    def claim_pair(i: int, j: int, frame: str) -> None:
        pair = []
        for art, a in (attrs[i], attrs[j]):
            pair.append({"doc": art, "spans": a["content"]["spans"],
                         "text": a["content"]["text"], "source": a["source"]["text"]})
        out.append({"kind": "claim", "frame": frame, "a": pair[0], "b": pair[1]})

    for i, j in rng.sample(keyed, min(80, len(keyed))):
        claim_pair(i, j, "key")
    stems = [{stem(w) for w in words(a["content"]["text"]) if w not in STOPWORDS}
             for _, a in attrs]
    keyed_set = set(keyed)
    found = 0
    while found < 30:
        i, j = sorted(rng.sample(range(len(attrs)), 2))
        if attrs[i][0] != attrs[j][0] and (i, j) not in keyed_set and len(
                stems[i] & stems[j]) >= 2:
            claim_pair(i, j, "topical")
            found += 1
    # strata that hold most of the positives, drawn last so the draws above stay as labelled
    overlap = [(i, j) for i, j in keyed
               if 2 * len(stems[i] & stems[j]) >= 0.3 * (len(stems[i]) + len(stems[j]))]
    for i, j in rng.sample(overlap, min(60, len(overlap))):
        claim_pair(i, j, "key_overlap")
    short = [(x, y) for x, y in form_pairs if (len(x[1].split()) == 1) != (len(y[1].split()) == 1)]
    for fx, fy in rng.sample(short, min(40, len(short))):
        x, y = rng.choice(forms[fx]), rng.choice(forms[fy])
        if x[0] != y[0]:
            actor_pair(x, y, "short_form")
    # the pairs above hold almost no same claims, so two strata by the system's own score:
    # what it calls the same (precision) and what it narrowly calls different (recall)
    texts = [a["content"]["text"] for _, a in attrs]
    scored = [(i, j, *claim_similarity(texts[i], texts[j])) for i, j in keyed]
    said_same = [(i, j) for i, j, _, kind in scored if kind != "different"]
    near_miss = [(i, j) for i, j, score, kind in scored if kind == "different" and score >= 0.2]
    for frame, pool in (("system_same", said_same), ("near_miss", near_miss)):
        for i, j in rng.sample(pool, min(40, len(pool))):
            claim_pair(i, j, frame)
    with path.open("w", encoding="utf-8") as f:
        for p in out:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    print(f"{len(out)} candidate pairs ({len(form_pairs)} key-sharing name-form pairs, "
          f"{len(keyed)} key-sharing claim pairs) -> {path}")


def table(name: str, result: dict[str, Any]) -> list[str]:
    lines = []
    for kind in ("actors", "claims", "actors_heldout", "claims_heldout"):
        t = result[kind]
        if t["pairs"]:
            label = kind.replace("_heldout", ", held out")
            lines.append(f"| {name} | {label} | {t['pairs']} ({t['gold_same']} same) | "
                         f"{t['p']:.3f} | {t['r']:.3f} | {t['f1']:.3f} | "
                         f"tp {t['tp']} fp {t['fp']} fn {t['fn']} tn {t['tn']} |")
    return lines


def markdown(results: dict[str, dict[str, Any]]) -> str:
    lines = [
        "## Corpus: actor merging and claim matching",
        "",
        "`python benchmarks/corpus_eval.py --polnear ../shared/data/polnear --records DIR "
        "--write-docs`\n(DIR from `sayso analyze ../shared/data/polnear/{train,dev}/text -o "
        "DIR/{train,dev}.jsonl`).\nPairs labelled by hand: `tests/gold/corpus-*.jsonl`; the "
        "sampling frames are in\n`docs/corpus.md`, and recall is recall within them.",
        "",
        "| data | decision | labelled pairs | precision | recall | F1 | counts |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, result in results.items():
        lines += table(name, result)
    for name, result in results.items():
        if result.get("frames"):
            lines += ["", f"{name}, by sampling frame (pairs, same, tp/fp/fn):", ""]
            lines += [f"- `{k}`: {t['pairs']} pairs, {t['gold_same']} same, "
                      f"tp {t['tp']} fp {t['fp']} fn {t['fn']}"
                      for k, t in result["frames"].items()]
    for name, result in results.items():
        if "speed" in result:
            t = result["speed"]
            lines += ["", f"Speed on {name} ({result['articles']} articles, one process, "
                          "caches cold): `claim_fingerprint` + `claim_keys` "
                          f"{t['claim_keys_per_s']:,} attributions/s over {t['attributions']:,}; "
                          f"actor resolution (keys, `resolve_actor`, `merge_actor`) "
                          f"{t['actor_mentions_per_s']:,} in-article actors/s over "
                          f"{t['mentions']:,}, ending in {result['corpus_actors']:,} corpus "
                          "actors."]
    for name, result in results.items():
        if "article_wires" in result:
            t = result["article_wires"]
            lines += ["", f"Wire copy on {name}: `article_wires` against the corpus's own "
                          f"`wire` column ({t['pairs']} articles, {t['gold_same']} wire): "
                          f"precision {t['p']:.3f}, recall {t['r']:.3f} (tp {t['tp']} fp "
                          f"{t['fp']} fn {t['fn']}); the misses carry no credit in their text."]
    ind = results.get("fiction", {}).get("independence")
    if ind:
        lines += ["", f"Independent-source counts on the fictional stories: "
                      f"{ind['count_correct']}/{ind['claims']} labelled claims right."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, help="PolNeAR folder (train+dev are used)")
    parser.add_argument("--records", type=Path, help="folder with train.jsonl and dev.jsonl")
    parser.add_argument("--sample", type=Path, help="write candidate pairs for labelling here")
    parser.add_argument("--seed", type=int, default=5, help="--sample's seed (5; 11 held out)")
    parser.add_argument("--errors", action="store_true", help="print every wrong pair")
    parser.add_argument("--write-docs", action="store_true", help="update docs/benchmarks.md")
    args = parser.parse_args(argv)
    if args.sample:
        if not args.polnear:
            parser.error("--sample needs --polnear")
        sample(args.polnear, args.records, args.sample, seed=args.seed)
        return 0
    results = {"fiction": examples()}
    if args.polnear:
        results["PolNeAR train+dev"] = polnear(args.polnear, args.records)
    for name, result in results.items():
        errors = result.pop("errors")
        print(f"{name}: {json.dumps(result)}")
        if args.errors:
            for e in errors:
                print(f"  {e}")
    if args.write_docs:
        write_section(DOCS, "corpus", markdown(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
