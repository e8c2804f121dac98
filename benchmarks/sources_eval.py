"""Scores sources, actors, channels and stance on the hand-annotated sample articles.

    python benchmarks/sources_eval.py                 # table on stdout
    python benchmarks/sources_eval.py --json          # the figures as JSON
    python benchmarks/sources_eval.py --errors        # and every miss, for error analysis
    python benchmarks/sources_eval.py --polnear ../shared/data/polnear   # held-out check too
    python benchmarks/sources_eval.py --polnear ../shared/data/polnear --devel-only --errors
        # the PolNeAR train articles only: development figures and misses, nothing held out

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
  has the gold canonical name (case-insensitive);
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

``--polnear DIR`` also scores two PolNeAR gold sets (guidelines and counts in
``docs/sources.md``), which hold only document names, offsets, labels and 12-hex SHA-1s of
the spans' text, checked against the local copy; PolNeAR's text stays outside the repository:

- held out, ``tests/gold/sources-polnear-dev.jsonl``: source types on PolNeAR's own gold
  source spans in 40 dev articles (a gold source matches the predicted attribution whose
  source overlaps it most), and ``tests/gold/sources-polnear-dev-full.jsonl``: every field
  on the same 40 articles' attributions, scored as above. No rule was written from them;
- development, ``tests/gold/sources-polnear-train-devel.jsonl``: every field on 32 PolNeAR
  train articles that rules were written against, like the sample articles
  (``--devel-only`` scores only these, leaving the held-out sets unread).
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
    role = role.casefold().strip()
    for det in _DETS:
        if role.startswith(det):
            role = role[len(det) :]
    return role


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
                if actor and g["actor"] and actor.casefold() == g["actor"].casefold():
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


def score_polnear(polnear: Path) -> dict[str, Any]:
    """Scores the PolNeAR dev labels (held out): source types on PolNeAR's source spans, and
    every field on the 40 articles' attributions (:data:`POLNEAR_FULL`, through :func:`score`).
    """
    from sayso.analyze import analyze_articles
    from sayso.contract import Article

    gold = [json.loads(line) for line in POLNEAR_GOLD.read_text(encoding="utf-8").splitlines()]
    full_docs = {
        json.loads(line)["doc"] for line in POLNEAR_FULL.read_text(encoding="utf-8").splitlines()
    }
    docs = sorted({g["doc"] for g in gold} | full_docs)
    texts = {d: (polnear / "dev" / "text" / f"{d}.txt").read_text(encoding="utf-8") for d in docs}
    stale = [
        g
        for g in gold
        if short_sha1(texts[g["doc"]][g["source"][0][0] : g["source"][0][1]]) != g["sha1"]
    ]
    articles = (Article(id=d, text=texts[d]) for d in docs)
    records = {r["id"]: r for r in analyze_articles(articles)}
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
    full_gold, full_stale = load_polnear_full(POLNEAR_FULL, texts)
    full = score([records[d] for d in sorted(full_docs)], full_gold)
    return {
        "articles": len(docs),
        "gold_sources": len(gold),
        "stale_hashes": len(stale) + full_stale,
        "matched": matched,
        "source_type_accuracy": round(type_ok / matched, 4) if matched else 0.0,
        "anonymity": prf(*anon),
        "confusion": dict(sorted(confusion.items(), key=lambda kv: -kv[1])),
        "all_fields": full,
    }


def score_polnear_train(polnear: Path) -> dict[str, Any]:
    """Every field on the PolNeAR train articles labelled for rule development
    (:data:`POLNEAR_TRAIN`): a development figure, like the sample articles'."""
    from sayso.analyze import analyze_articles
    from sayso.contract import Article

    lines = POLNEAR_TRAIN.read_text(encoding="utf-8").splitlines()
    docs = sorted({json.loads(line)["doc"] for line in lines})
    texts = {d: (polnear / "train" / "text" / f"{d}.txt").read_text(encoding="utf-8") for d in docs}
    gold, stale = load_polnear_full(POLNEAR_TRAIN, texts)
    records = list(analyze_articles(Article(id=d, text=texts[d]) for d in docs))
    return {**score(records, gold), "articles": len(docs), "stale_hashes": stale}


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


def report_held_out(polnear: Path, devel: dict[str, Any], as_json: bool) -> list[str]:
    """Scores and prints the held-out PolNeAR dev figures; returns their misses."""
    held_out = score_polnear(polnear)
    full = held_out.pop("all_fields")
    errors = [f"polnear {e}" for e in full.pop("errors")]
    if as_json:
        # one object: "polnear_dev" holds every field on the 40 held-out articles (its
        # gold_sources counts their gold attributions); the span-level type figures and
        # the train development figures ride along
        dev = {**full, "gold_sources": full["gold_attributions"]}
        print(
            json.dumps(
                {
                    "polnear_dev": dev,
                    "polnear_dev_source_spans": held_out,
                    "polnear_train_devel": devel,
                },
                indent=2,
            )
        )
    else:
        a = held_out["anonymity"]
        print(
            f"\nPolNeAR dev (held out): {held_out['articles']} articles,"
            f" {held_out['matched']}/{held_out['gold_sources']} gold sources matched"
            f" ({held_out['stale_hashes']} stale hashes)"
        )
        print(f"source_type_accuracy   {held_out['source_type_accuracy']:.3f}")
        print(
            f"anonymity F1           {a['f1']:.3f}   P {a['p']:.3f} R {a['r']:.3f}"
            f" (tp {a['tp']} fp {a['fp']} fn {a['fn']})"
        )
        print(
            "errors: "
            + ", ".join(
                f"{k} {v}"
                for k, v in held_out["confusion"].items()
                if k.split(" -> ")[0] != k.split(" -> ")[1]
            )
        )
        print("\nPolNeAR dev, all fields on the same 40 articles (held out):")
        print_table(full)
    return errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--errors", action="store_true", help="print every miss")
    parser.add_argument("--polnear", type=Path, help="PolNeAR folder: also score its dev labels")
    parser.add_argument(
        "--devel-only",
        action="store_true",
        help="with --polnear, score only the train articles labelled for development, so that "
        "rule work never sees the held-out dev figures or misses",
    )
    args = parser.parse_args(argv)

    from sayso.analyze import analyze_articles
    from sayso.readers import read_inputs

    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]
    annotated = {g["article"] for g in gold}  # examples/ also holds other helpers' corpora
    articles = [
        a
        for a in read_inputs([str(EXAMPLES)])
        if not isinstance(a, Exception) and a.id in annotated
    ]
    records = list(analyze_articles(articles))
    result = score(records, gold)
    if args.json:
        print(json.dumps({k: v for k, v in result.items() if k != "errors"}, indent=2))
    else:
        print_table(result)
    errors = result["errors"]
    if args.polnear:
        devel = score_polnear_train(args.polnear)
        errors += [f"polnear-train {e}" for e in devel.pop("errors")]
        if not args.json:
            print(
                f"\nPolNeAR train, {devel['articles']} articles labelled for rule development"
                f" ({devel['stale_hashes']} stale hashes):"
            )
            print_table(devel)
        if not args.devel_only:
            errors += report_held_out(args.polnear, devel, args.json)
        elif args.json:
            print(json.dumps({"polnear_train_devel": devel}, indent=2))
    if args.errors:
        print("\n".join(errors), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
