"""Scores sources, actors, channels and stance on the hand-annotated gold sets.

    python benchmarks/sources_eval.py                 # the sample articles, table on stdout
    python benchmarks/sources_eval.py --polnear ../shared/data/polnear --errors
        # and the PolNeAR development sets, with every miss: what rule work reads
    python benchmarks/sources_eval.py --polnear ../shared/data/polnear --held-out --json
        # and the held-out set and all sets pooled, as one JSON object (figures only)

Gold: ``tests/gold/sources-examples.jsonl`` (annotated by hand from ``examples/``; guidelines
in ``docs/sources.md``). The pipeline runs on ``examples/`` through :func:`analyze_articles`.
A gold attribution matches the predicted one whose cue overlaps its cue (ties: the one whose
source overlaps too), else one whose source overlaps and whose cue starts within 80
characters. The figures below are computed over matched pairs, so they measure sources,
stance and actors, not the attribution model's recall, which is reported beside them
(``matched``).

- source-type accuracy: matched pairs with the same ``source_type``;
- anonymity P/R/F1: positives are ``anonymous.is`` true;
- link accuracy: over matched pairs where gold or system names an actor, the system's actor
  has the gold canonical name (case and the kind of whitespace aside: a no-break space in the
  article's name is a space);
- role P/R/F1: (actor, role) pairs per article; a role matches when, lower-cased and without a
  leading determiner, one contains the other; actors match by canonical name or surname;
- channel P/R/F1: over matched pairs, a channel is right when its spans overlap the gold ones;
- denial-link P/R/F1: (denier, denied) pairs, both ends mapped through the matching; a
  denial's ``denied`` words (a claim no attribution holds) count as a link to every gold
  attribution whose cue (or, without a cue, source) they overlap, and are not scored when
  they overlap none; also
  over only the gold links whose two ends the attribution model found (``denial_found_ends``),
  which separates the linker's errors from the extractor's misses;
- stance accuracy: matched pairs with the same cue class (an extra, not a target).

``--polnear DIR`` also scores the PolNeAR gold sets (guidelines and counts in
``docs/sources.md``), which hold only document names, offsets, labels and 12-hex SHA-1s of
the spans' text, checked against the local copy; PolNeAR's text stays outside the repository:

- development, ``tests/gold/sources-polnear-train-devel.jsonl``: every field on 40 PolNeAR
  train articles that rules were written against, like the sample articles;
- development since round 4, ``tests/gold/sources-polnear-dev-full.jsonl``: every field on 40
  dev articles, held out for three rounds of rules and then opened for error reading, with
  ``tests/gold/sources-polnear-dev.jsonl``: source types on PolNeAR's own gold source spans in
  the same articles (a gold source matches the predicted attribution whose source overlaps
  it most);
- development since round 5, ``tests/gold/sources-polnear-dev-heldout.jsonl``: every field on
  42 other dev articles, labelled (``benchmarks/polnear_labels.py``) before the system ever
  ran on them, measured once as round 4's held-out set and then opened;
- development since round 6, ``tests/gold/sources-polnear-train-heldout.jsonl``: every field
  on 40 other PolNeAR train articles, labelled the same way before the system ran on them,
  measured once as round 5's held-out set and then opened;
- development since round 7, ``tests/gold/sources-polnear-train-heldout-round6.jsonl``: every
  field on 40 more train articles, labelled while round 6's rules were written, measured once
  as round 6's held-out set and then opened;
- development since round 8, ``tests/gold/sources-polnear-train-heldout-round7.jsonl``: every
  field on 40 further train articles, labelled while round 7's rules were written, measured
  once as round 7's held-out set and then opened;
- development since round 9, ``tests/gold/sources-polnear-train-heldout-round8.jsonl``: every
  field on 40 more train articles, labelled while round 8's rules were written, measured once
  as round 8's held-out set and then opened;
- development since round 10, ``tests/gold/sources-polnear-train-heldout-round9.jsonl``: every
  field on 40 fresh train articles, labelled while round 9's rules were written, measured
  once as round 9's held-out set and then opened;
- development since round 11, ``tests/gold/sources-polnear-train-heldout-round10.jsonl``: every
  field on 40 more train articles, labelled while round 10's rules were written, measured
  once as round 10's held-out set and then opened;
- development since round 12, ``tests/gold/sources-polnear-train-heldout-round11.jsonl``: every
  field on 40 fresh train articles, labelled while round 11's rules were written, measured
  once as round 11's held-out set and then opened;
- development since round 13, ``tests/gold/sources-polnear-train-heldout-round12.jsonl``: every
  field on 40 further train articles, labelled while round 12's rules were written, measured
  once as round 12's held-out set and then opened;
- development since round 14, ``tests/gold/sources-polnear-train-heldout-round13.jsonl``: every
  field on 40 more train articles, labelled while round 13's learned source typer was fitted,
  measured once as round 13's held-out set and then opened;
- development since round 15, ``tests/gold/sources-polnear-train-heldout-round14.jsonl``: every
  field on 40 further train articles, labelled while round 14's link changes were made,
  measured once as round 14's held-out set and then opened;
- development since round 15, ``tests/gold/sources-polnear-train-heldout-round15.jsonl`` and
  ``tests/gold/sources-polnear-train-heldout-round16.jsonl``: every field on 40 more train
  articles each, labelled blind while round 14's set was read and after its last change,
  both measured once as held-out sets of round 14's pipeline and then opened;
- development since round 16, ``tests/gold/sources-polnear-train-heldout-round17.jsonl``:
  every field on 40 further train articles, labelled blind while rounds 15 and 16's sets were
  read, measured once as round 15's held-out set and then opened;
- development since round 17, ``tests/gold/sources-polnear-train-heldout-round18.jsonl``:
  every field on 40 more train articles, labelled blind after round 15's last change,
  measured once as round 16's held-out set and then opened;
- development since round 18, ``tests/gold/sources-polnear-train-heldout-round19.jsonl``:
  every field on 40 further train articles, labelled blind after round 16's last change,
  measured once as round 17's held-out set and then opened;
- development since round 19, ``tests/gold/sources-polnear-train-heldout-round20.jsonl``:
  every field on 40 more train articles, labelled blind after round 17's last change,
  measured once as round 18's held-out set and then opened;
- development since round 20, ``tests/gold/sources-polnear-train-heldout-round21.jsonl``:
  every field on 40 further train articles, labelled blind after round 18's last change,
  measured once as round 19's held-out set and then opened;
- held out (``--held-out``), ``tests/gold/sources-polnear-train-heldout-round22.jsonl``: every
  field on 40 more train articles, labelled blind by labellers who never saw the system's
  output, during round 19. Only its figures are printed, never its misses.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "tests" / "gold" / "sources-examples.jsonl"
POLNEAR_GOLD = REPO / "tests" / "gold" / "sources-polnear-dev.jsonl"
POLNEAR_FULL = REPO / "tests" / "gold" / "sources-polnear-dev-full.jsonl"
POLNEAR_TRAIN = REPO / "tests" / "gold" / "sources-polnear-train-devel.jsonl"
POLNEAR_DEV_OPENED = REPO / "tests" / "gold" / "sources-polnear-dev-heldout.jsonl"
POLNEAR_TRAIN_OPENED = REPO / "tests" / "gold" / "sources-polnear-train-heldout.jsonl"
POLNEAR_TRAIN_OPENED2 = REPO / "tests" / "gold" / "sources-polnear-train-heldout-round6.jsonl"
POLNEAR_TRAIN_OPENED3 = REPO / "tests" / "gold" / "sources-polnear-train-heldout-round7.jsonl"
POLNEAR_TRAIN_OPENED4 = REPO / "tests" / "gold" / "sources-polnear-train-heldout-round8.jsonl"
POLNEAR_TRAIN_OPENED5 = REPO / "tests" / "gold" / "sources-polnear-train-heldout-round9.jsonl"
POLNEAR_TRAIN_OPENED6 = REPO / "tests" / "gold" / "sources-polnear-train-heldout-round10.jsonl"
POLNEAR_TRAIN_OPENED7 = REPO / "tests" / "gold" / "sources-polnear-train-heldout-round11.jsonl"
POLNEAR_TRAIN_OPENED8 = REPO / "tests" / "gold" / "sources-polnear-train-heldout-round12.jsonl"
POLNEAR_TRAIN_OPENED9 = REPO / "tests" / "gold" / "sources-polnear-train-heldout-round13.jsonl"
POLNEAR_TRAIN_OPENED10 = REPO / "tests" / "gold" / "sources-polnear-train-heldout-round14.jsonl"
POLNEAR_TRAIN_OPENED11 = REPO / "tests" / "gold" / "sources-polnear-train-heldout-round15.jsonl"
POLNEAR_TRAIN_OPENED12 = REPO / "tests" / "gold" / "sources-polnear-train-heldout-round16.jsonl"
POLNEAR_TRAIN_OPENED13 = REPO / "tests" / "gold" / "sources-polnear-train-heldout-round17.jsonl"
POLNEAR_TRAIN_OPENED14 = REPO / "tests" / "gold" / "sources-polnear-train-heldout-round18.jsonl"
POLNEAR_TRAIN_OPENED15 = REPO / "tests" / "gold" / "sources-polnear-train-heldout-round19.jsonl"
POLNEAR_TRAIN_OPENED16 = REPO / "tests" / "gold" / "sources-polnear-train-heldout-round20.jsonl"
POLNEAR_TRAIN_OPENED17 = REPO / "tests" / "gold" / "sources-polnear-train-heldout-round21.jsonl"
POLNEAR_HELDOUT = REPO / "tests" / "gold" / "sources-polnear-train-heldout-round22.jsonl"
EXAMPLES = REPO / "examples"
TARGETS = {
    "source_type_accuracy": 0.90,
    "anonymity_f1": 0.90,
    "link_accuracy": 0.85,
    "role_f1": 0.80,
    "channel_f1": 0.80,
    "denial_f1": 0.75,
}
_DETS = ("the ", "a ", "an ", "its ", "his ", "her ", "their ")

Span = list[int]


def overlaps(a: list[Span], b: list[Span]) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = round(2 * p * r / (p + r), 4) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def norm_role(role: str) -> str:
    role = " ".join(role.casefold().split())  # a no-break space is a space
    for det in _DETS:
        if role.startswith(det):
            role = role[len(det) :]
    return role


def same_name(a: str, b: str) -> bool:
    """One canonical name, case and the kind of whitespace aside."""
    return a.casefold().split() == b.casefold().split()


def same_actor(a: str, b: str) -> bool:
    a, b = a.casefold(), b.casefold()
    return a == b or a.split()[-1] == b.split()[-1]


def match(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Gold id -> predicted attribution, each predicted one used at most once."""
    used: set[str] = set()
    out: dict[str, dict[str, Any]] = {}
    for g in gold:
        cands = [p for p in pred if p["id"] not in used and overlaps(g["cue"], p["cue"]["spans"])]
        cands.sort(key=lambda p: not overlaps(g["source"], p["source"]["spans"]))
        if not cands:
            cands = [
                p
                for p in pred
                if p["id"] not in used
                and g["source"]
                and overlaps(g["source"], p["source"]["spans"])
                and p["cue"]["spans"]
                and abs(p["cue"]["spans"][0][0] - g["cue"][0][0]) <= 80
            ]
        if cands:
            out[g["id"]] = cands[0]
            used.add(cands[0]["id"])
    return out


def score(records: list[dict[str, Any]], gold_lines: list[dict[str, Any]]) -> dict[str, Any]:
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    roles: dict[str, dict[str, list[str]]] = {}
    for line in gold_lines:
        if line["kind"] == "attribution":
            by_article[line["article"]].append(line)
        else:
            roles[line["article"]] = line["roles"]
    n_gold = matched = type_ok = stance_ok = 0
    anon = [0, 0, 0]
    link_ok = link_n = 0
    chan = [0, 0, 0]
    deny = [0, 0, 0]
    deny_reach = [0, 0, 0]  # only gold links whose two ends the attribution model found
    role = [0, 0, 0]
    errors: list[str] = []
    for record in records:
        art = record["id"]
        gold = by_article.get(art, [])
        names = {a["id"]: a["name"] for a in record["actors"]}
        pairs = match(gold, record["attributions"])
        n_gold += len(gold)
        matched += len(pairs)
        pred_to_gold = {p["id"]: gid for gid, p in pairs.items()}
        for g in gold:
            p = pairs.get(g["id"])
            if p is None:
                errors.append(f"{g['id']} unmatched: {g['source_text']!r} {g['cue_text']!r}")
                continue
            tag = f"{g['id']} {g['source_text'][:40]!r} {g['cue_text']!r}"
            if p["source_type"] == g["source_type"]:
                type_ok += 1
            else:
                errors.append(f"{tag} type {p['source_type']} != {g['source_type']}")
            stance_ok += p["stance"] == g["stance"]
            pa, ga = p["anonymous"]["is"], g["anonymous"]
            anon[0] += pa and ga
            anon[1] += pa and not ga
            anon[2] += ga and not pa
            actor = names.get(p["actor"]) if p["actor"] else None
            if actor or g["actor"]:
                link_n += 1
                if actor and g["actor"] and same_name(actor, g["actor"]):
                    link_ok += 1
                else:
                    errors.append(f"{tag} actor {actor!r} != {g['actor']!r}")
            pc, gc = p["channel"]["spans"], g["channel"]
            if pc and gc and overlaps(pc, gc):
                chan[0] += 1
            else:
                chan[1] += bool(pc)
                chan[2] += bool(gc)
                if pc or gc:
                    errors.append(
                        f"{tag} channel {p['channel']['text']!r} != {g['channel_text']!r}"
                    )
        gold_links = {(g["id"], d) for g in gold for d in g["denies"]}
        pred_links = {
            (pred_to_gold.get(p["id"]), pred_to_gold.get(d))
            for p in record["attributions"]
            for d in p["denies"]
        } | {
            (pred_to_gold.get(p["id"]), g["id"])
            for p in record["attributions"]
            if p.get("denied")
            for g in gold
            if pred_to_gold.get(p["id"]) != g["id"]
            and overlaps(g["cue"] or g["source"], p["denied"]["spans"])
        }
        tp = len(gold_links & pred_links)
        reachable = {(a, b) for a, b in gold_links if a in pairs and b in pairs}
        tp_reach = len(reachable & pred_links)
        deny_reach[0] += tp_reach
        deny_reach[1] += len(pred_links) - tp
        deny_reach[2] += len(reachable) - tp_reach
        deny[0] += tp
        deny[1] += len(pred_links) - tp
        deny[2] += len(gold_links) - tp
        for link in gold_links ^ pred_links:
            errors.append(f"{art} denial {'missed' if link in gold_links else 'wrong'} {link}")
        gold_roles = [(n, norm_role(r)) for n, rs in roles.get(art, {}).items() for r in rs]
        pred_roles = [(a["name"], norm_role(r)) for a in record["actors"] for r in a["roles"]]
        hit: set[int] = set()
        for name, r in pred_roles:
            k = next(
                (
                    k
                    for k, (gn, gr) in enumerate(gold_roles)
                    if k not in hit and same_actor(name, gn) and (r in gr or gr in r)
                ),
                None,
            )
            if k is None:
                role[1] += 1
                errors.append(f"{art} role wrong {name!r}: {r!r}")
            else:
                hit.add(k)
                role[0] += 1
        role[2] += len(gold_roles) - len(hit)
        errors += [
            f"{art} role missed {gold_roles[k]}" for k in range(len(gold_roles)) if k not in hit
        ]
    return {
        "gold_attributions": n_gold,
        "matched": matched,
        "source_type_accuracy": round(type_ok / matched, 4) if matched else 0.0,
        "anonymity": prf(*anon),
        "link_accuracy": round(link_ok / link_n, 4) if link_n else 0.0,
        "link_pairs": link_n,
        "roles": prf(*role),
        "channel": prf(*chan),
        "denial": prf(*deny),
        "denial_found_ends": prf(*deny_reach),
        "stance_accuracy": round(stance_ok / matched, 4) if matched else 0.0,
        "errors": errors,
    }


def short_sha1(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:12]


def load_polnear_full(path: Path, texts: dict[str, str]) -> tuple[list[dict[str, Any]], int]:
    """The all-fields PolNeAR gold in :func:`score`'s shape, text filled in from the local copy.

    Returns the lines and the number of spans whose SHA-1 no longer matches the text.
    """
    lines: list[dict[str, Any]] = []
    stale = 0

    def text_of(doc: str, spans: list[Span], digest: str | None) -> str:
        nonlocal stale
        text = " ".join(texts[doc][s:e] for s, e in spans)
        stale += digest is not None and short_sha1(text) != digest
        return text

    for raw in path.read_text(encoding="utf-8").splitlines():
        g = json.loads(raw)
        doc = g["doc"]
        if g["kind"] == "roles":
            roles: dict[str, list[str]] = defaultdict(list)
            for r in g["roles"]:
                name = text_of(doc, [r["actor"]], r["actor_sha1"])
                roles[name].append(text_of(doc, [r["role"]], r["role_sha1"]))
            lines.append({"kind": "roles", "article": doc, "roles": dict(roles)})
            continue
        lines.append(
            {
                **g,
                "article": doc,
                "source_text": text_of(doc, g["source"], g["source_sha1"]),
                "cue_text": text_of(doc, g["cue"], g["cue_sha1"]),
                "actor": text_of(doc, [g["actor"]], g["actor_sha1"]) if g["actor"] else None,
                "channel_text": text_of(doc, g["channel"], g["channel_sha1"]),
            }
        )
    return lines, stale


def _analyze(texts: dict[str, str]) -> dict[str, dict[str, Any]]:
    from sayso.analyze import analyze_articles
    from sayso.contract import Article

    return {r["id"]: r for r in analyze_articles(Article(id=d, text=t) for d, t in texts.items())}


def _texts(polnear: Path, split: str, docs: set[str]) -> dict[str, str]:
    return {
        d: (polnear / split / "text" / f"{d}.txt").read_text(encoding="utf-8") for d in sorted(docs)
    }


def _docs(path: Path) -> set[str]:
    return {json.loads(line)["doc"] for line in path.read_text(encoding="utf-8").splitlines()}


def score_source_spans(records: dict[str, dict[str, Any]], texts: dict[str, str]) -> dict[str, Any]:
    """Source types on PolNeAR's own gold source spans (:data:`POLNEAR_GOLD`): each gold
    source matches the predicted attribution whose source overlaps it most."""
    gold = [json.loads(line) for line in POLNEAR_GOLD.read_text(encoding="utf-8").splitlines()]
    stale = [
        g
        for g in gold
        if short_sha1(texts[g["doc"]][g["source"][0][0] : g["source"][0][1]]) != g["sha1"]
    ]
    matched = type_ok = 0
    anon = [0, 0, 0]
    confusion: dict[str, int] = defaultdict(int)
    for g in gold:
        ((s, e),) = g["source"]

        def overlap(a: dict[str, Any], s: int = s, e: int = e) -> int:
            return max((min(e, pe) - max(s, ps) for ps, pe in a["source"]["spans"]), default=0)

        best = max(records[g["doc"]]["attributions"], key=overlap, default=None)
        if best is None or overlap(best) <= 0:
            continue
        matched += 1
        type_ok += best["source_type"] == g["source_type"]
        confusion[f"{g['source_type']} -> {best['source_type']}"] += 1
        pa, ga = best["anonymous"]["is"], g["anonymous"]
        anon[0] += pa and ga
        anon[1] += pa and not ga
        anon[2] += ga and not pa
    return {
        "gold_sources": len(gold),
        "stale_hashes": len(stale),
        "matched": matched,
        "source_type_accuracy": round(type_ok / matched, 4) if matched else 0.0,
        "anonymity": prf(*anon),
        "confusion": dict(sorted(confusion.items(), key=lambda kv: -kv[1])),
    }


def score_polnear_set(
    polnear: Path, split: str, path: Path
) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    """Every field on one PolNeAR gold file: the figures, the system's records and the gold
    lines (the last two let :func:`main` pool all the sets)."""
    texts = _texts(polnear, split, _docs(path))
    gold, stale = load_polnear_full(path, texts)
    records = _analyze(texts)
    result = {**score(list(records.values()), gold), "articles": len(texts), "stale_hashes": stale}
    if path == POLNEAR_FULL:
        result["source_spans"] = score_source_spans(records, texts)
    return result, list(records.values()), gold


def figures(result: dict[str, Any]) -> dict[str, float]:
    return {
        "source_type_accuracy": result["source_type_accuracy"],
        "anonymity_f1": result["anonymity"]["f1"],
        "link_accuracy": result["link_accuracy"],
        "role_f1": result["roles"]["f1"],
        "channel_f1": result["channel"]["f1"],
        "denial_f1": result["denial"]["f1"],
    }


def print_table(result: dict[str, Any]) -> None:
    print(
        f"gold attributions {result['gold_attributions']}, matched {result['matched']}"
        f" ({result['matched'] / max(1, result['gold_attributions']):.1%})"
    )
    for name, value in figures(result).items():
        flag = "ok" if value >= TARGETS[name] else "below"
        print(f"{name:22} {value:.3f}   target {TARGETS[name]:.2f}  {flag}")
    for part in ("anonymity", "roles", "channel", "denial", "denial_found_ends"):
        r = result[part]
        print(f"  {part:17} P {r['p']:.3f} R {r['r']:.3f} (tp {r['tp']} fp {r['fp']} fn {r['fn']})")
    print(f"stance accuracy (extra) {result['stance_accuracy']:.3f}")


POLNEAR_SETS = (
    # (JSON key, title, split, gold file, held out?)
    (
        "polnear_train_devel",
        "PolNeAR train, 40 articles (development)",
        "train",
        POLNEAR_TRAIN,
        False,
    ),
    (
        "polnear_dev_devel",
        "PolNeAR dev, 40 articles (development since round 4)",
        "dev",
        POLNEAR_FULL,
        False,
    ),
    (
        "polnear_dev_opened",
        "PolNeAR dev, 42 other articles (held out in round 4, development since round 5)",
        "dev",
        POLNEAR_DEV_OPENED,
        False,
    ),
    (
        "polnear_train_opened",
        "PolNeAR train, 40 other articles (held out in round 5, development since round 6)",
        "train",
        POLNEAR_TRAIN_OPENED,
        False,
    ),
    (
        "polnear_train_opened2",
        "PolNeAR train, 40 more articles (held out in round 6, development since round 7)",
        "train",
        POLNEAR_TRAIN_OPENED2,
        False,
    ),
    (
        "polnear_train_opened3",
        "PolNeAR train, 40 further articles (held out in round 7, development since round 8)",
        "train",
        POLNEAR_TRAIN_OPENED3,
        False,
    ),
    (
        "polnear_train_opened4",
        "PolNeAR train, 40 more articles (held out in round 8, development since round 9)",
        "train",
        POLNEAR_TRAIN_OPENED4,
        False,
    ),
    (
        "polnear_train_opened5",
        "PolNeAR train, 40 fresh articles (held out in round 9, development since round 10)",
        "train",
        POLNEAR_TRAIN_OPENED5,
        False,
    ),
    (
        "polnear_train_opened6",
        "PolNeAR train, 40 new articles (held out in round 10, development since round 11)",
        "train",
        POLNEAR_TRAIN_OPENED6,
        False,
    ),
    (
        "polnear_train_opened7",
        "PolNeAR train, 40 fresh articles (held out in round 11, development since round 12)",
        "train",
        POLNEAR_TRAIN_OPENED7,
        False,
    ),
    (
        "polnear_train_opened8",
        "PolNeAR train, 40 further articles (held out in round 12, development since round 13)",
        "train",
        POLNEAR_TRAIN_OPENED8,
        False,
    ),
    (
        "polnear_train_opened9",
        "PolNeAR train, 40 more articles (held out in round 13, development since round 14)",
        "train",
        POLNEAR_TRAIN_OPENED9,
        False,
    ),
    (
        "polnear_train_opened10",
        "PolNeAR train, 40 further articles (held out in round 14, development since round 15)",
        "train",
        POLNEAR_TRAIN_OPENED10,
        False,
    ),
    (
        "polnear_train_opened11",
        "PolNeAR train, 40 more articles (held out in round 14, development since round 15)",
        "train",
        POLNEAR_TRAIN_OPENED11,
        False,
    ),
    (
        "polnear_train_opened12",
        "PolNeAR train, 40 further articles (held out in round 14 as a second set, development"
        " since round 15)",
        "train",
        POLNEAR_TRAIN_OPENED12,
        False,
    ),
    (
        "polnear_train_opened13",
        "PolNeAR train, 40 further articles (held out in round 15, development since round 16)",
        "train",
        POLNEAR_TRAIN_OPENED13,
        False,
    ),
    (
        "polnear_train_opened14",
        "PolNeAR train, 40 more articles (held out in round 16, development since round 17)",
        "train",
        POLNEAR_TRAIN_OPENED14,
        False,
    ),
    (
        "polnear_train_opened15",
        "PolNeAR train, 40 further articles (held out in round 17, development since round 18)",
        "train",
        POLNEAR_TRAIN_OPENED15,
        False,
    ),
    (
        "polnear_train_opened16",
        "PolNeAR train, 40 more articles (held out in round 18, development since round 19)",
        "train",
        POLNEAR_TRAIN_OPENED16,
        False,
    ),
    (
        "polnear_train_opened17",
        "PolNeAR train, 40 further articles (held out in round 19, development since round 20)",
        "train",
        POLNEAR_TRAIN_OPENED17,
        False,
    ),
    (
        "polnear_train_heldout",
        "PolNeAR train, 40 more articles (held out)",
        "train",
        POLNEAR_HELDOUT,
        True,
    ),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument("--errors", action="store_true", help="print every development miss")
    parser.add_argument(
        "--polnear", type=Path, help="PolNeAR folder: also score the PolNeAR development sets"
    )
    parser.add_argument(
        "--held-out",
        action="store_true",
        help="with --polnear, also score the held-out sets (their figures only: their misses "
        "are never printed, so rule work cannot read them) and the pooled figures",
    )
    parser.add_argument(
        "--source-typer",
        choices=["rules", "learned", "hybrid"],
        default="hybrid",
        help="who types the sources: the rules alone, or the learned typer after them "
        "(``sayso_source_typer``), alone or keeping the rules' anonymity (hybrid, the "
        "default pipeline)",
    )
    args = parser.parse_args(argv)

    from sayso.analyze import analyze_articles
    from sayso.nlp import load_nlp
    from sayso.readers import read_inputs

    nlp = load_nlp()  # the cached pipeline every analysis below reuses
    if args.source_typer == "rules":
        nlp.remove_pipe("sayso_source_typer")
    else:
        nlp.get_pipe("sayso_source_typer").mode = args.source_typer

    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]
    annotated = {g["article"] for g in gold}  # examples/ also holds other helpers' corpora
    articles = [
        a
        for a in read_inputs([str(EXAMPLES)])
        if not isinstance(a, Exception) and a.id in annotated
    ]
    records = list(analyze_articles(articles))
    result = score(records, gold)
    errors = result.pop("errors")
    out: dict[str, Any] = {"examples": result}
    pooled_records, pooled_gold = list(records), list(gold)
    if not args.json:
        print("Sample articles (development):")
        print_table(result)
    for key, title, split, path, held_out in POLNEAR_SETS if args.polnear else ():
        if held_out and not args.held_out:
            continue
        figs, recs, lines = score_polnear_set(args.polnear, split, path)
        pooled_records += recs
        pooled_gold += lines
        misses = figs.pop("errors")
        if not held_out:
            errors += [f"{key} {e}" for e in misses]
        out[key] = figs
        if not args.json:
            print(f"\n{title}: {figs['stale_hashes']} stale hashes")
            print_table(figs)
            spans = figs.get("source_spans")
            if spans:
                a = spans["anonymity"]
                print(
                    f"  on PolNeAR's {spans['gold_sources']} gold source spans: type accuracy"
                    f" {spans['source_type_accuracy']:.3f}, anonymity F1 {a['f1']:.3f}"
                )
    if args.polnear and args.held_out:
        pooled = score(pooled_records, pooled_gold)
        pooled.pop("errors")
        out["pooled"] = pooled
        if not args.json:
            print("\nAll gold sets pooled (samples and the twenty-one PolNeAR sets):")
            print_table(pooled)
    if args.json:
        print(json.dumps(out, indent=2))
    if args.errors:
        print("\n".join(errors), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
