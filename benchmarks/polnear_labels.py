"""Label PolNeAR articles for the sources gold sets, without copying PolNeAR text.

    python benchmarks/polnear_labels.py show --polnear ../shared/data/polnear --split dev DOC...
    python benchmarks/polnear_labels.py build --polnear ../shared/data/polnear --split dev \\
        LABELS.txt -o tests/gold/NAME.jsonl
    python benchmarks/polnear_labels.py agree --polnear ../shared/data/polnear --split dev \\
        FIRST.jsonl SECOND.jsonl
    python benchmarks/polnear_labels.py dump --polnear ../shared/data/polnear --split train \\
        tests/gold/NAME.jsonl

``agree`` scores a second, blind labelling of some articles against the first with the
scorer of ``benchmarks/sources_eval.py``, the second labeller standing in for the system:
how far two careful people agree bounds what a held-out figure can mean.

``dump`` writes a gold file back out in the labels format below, so new labellers calibrate
on the labelled articles in the very notation they will write.

``show`` prints each article's text and its canonical PolNeAR attributions, numbered, so a
person labels them by reading the article (never the system's output). ``build`` turns a
labels file into gold lines in the shape ``benchmarks/sources_eval.py`` reads: offsets and the
first 12 hex digits of the SHA-1 of each span's text, no text. Labels file format, one
article after another (guidelines in ``docs/sources.md``)::

    @ DOC
    R Actor name as written => role as written ; another role
    N TYPE | actor's canonical name or - | channel words or - | cue class | denied Ns
    x N why it is left out

``N`` is the number ``show`` printed; ``TYPE`` a source type of the contract; names and
channels are located in the text (the channel nearest the attribution's cue); the last field
is optional. An attribution that is neither labelled nor left out with ``x`` is an error, so a
batch cannot lose one silently.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from sayso.evaluate import GoldDocument, load_gold  # noqa: E402

TYPES = {"named_person", "anonymous_person", "organisation", "group", "document", "unspecified"}


def short_sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def numbered(gold: GoldDocument) -> list[dict[str, Any]]:
    """The article's attributions in text order (by cue, else content, else source)."""

    def start(a: dict[str, Any]) -> int:
        spans = a["cue"] or a["content"] or a["source"]
        return min(s for s, _ in spans) if spans else 0

    return sorted(gold.attributions, key=start)


def _find(words: str, text: str) -> list[tuple[int, int]]:
    """Where the words occur, any run of spaces (no-break ones too) between them."""
    pattern = r"[\s\xa0]+".join(map(re.escape, words.split()))
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def show(golds: dict[str, GoldDocument], docs: list[str]) -> None:
    for doc in docs:
        g = golds[doc]
        print(f"=== {doc}\n{g.text}\n--- attributions")
        for n, a in enumerate(numbered(g), 1):
            source, cue, content = (
                " | ".join(g.text[s:e] for s, e in a[role]) or "-"
                for role in ("source", "cue", "content")
            )
            content = content[:90] + ("…" if len(content) > 90 else "")
            print(f"{n}. S[{source}] C[{cue}] :: {content}")
        print()


def build(golds: dict[str, GoldDocument], labels: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """Gold lines and the problems found (a name not in the text, an unlabelled attribution)."""
    out: list[dict[str, Any]] = []
    problems: list[str] = []
    per_doc: dict[str, dict[str, Any]] = {}
    doc = ""
    for k, raw in enumerate(labels.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@ "):
            doc = line[2:].strip()
            if doc not in golds:
                problems.append(f"line {k}: no article {doc!r}")
            per_doc[doc] = {"labels": {}, "roles": [], "left_out": set()}
            continue
        if doc not in golds:
            continue
        entry = per_doc[doc]
        if line.startswith("R "):
            name, _, roles = line[2:].partition("=>")
            entry["roles"] += [(name.strip(), r.strip()) for r in roles.split(";") if r.strip()]
        elif line.startswith("x "):
            entry["left_out"].add(int(line.split()[1]))
        else:
            head, _, rest = line.partition(" ")
            fields = [f.strip() for f in rest.split("|")]
            if not head.isdigit() or len(fields) < 4 or fields[0] not in TYPES:
                problems.append(f"line {k}: cannot read {raw!r}")
                continue
            entry["labels"][int(head)] = fields
    for doc, entry in per_doc.items():
        if doc not in golds:
            continue
        text = golds[doc].text
        atts = numbered(golds[doc])
        for n, a in enumerate(atts, 1):
            fields = entry["labels"].get(n)
            if fields is None:
                if n not in entry["left_out"]:
                    problems.append(f"{doc} #{n}: neither labelled nor left out")
                continue
            stype, actor, channel, stance = fields[:4]
            denied = fields[4].replace(",", " ").split() if len(fields) > 4 else []
            denies = [int(d) for d in denied]
            rec: dict[str, Any] = {
                "kind": "attribution",
                "doc": doc,
                "id": f"{doc}#{n}",
                "source": [list(s) for s in a["source"]],
                "source_sha1": short_sha1(" ".join(text[s:e] for s, e in a["source"])),
                "cue": [list(c) for c in a["cue"]],
                "cue_sha1": short_sha1(" ".join(text[s:e] for s, e in a["cue"])),
                "source_type": stype,
                "anonymous": stype == "anonymous_person",
                "actor": None,
                "actor_sha1": None,
                "channel": [],
                "channel_sha1": None,
                "stance": stance,
                "denies": [f"{doc}#{d}" for d in denies],
            }
            if actor not in ("", "-"):
                hits = _find(actor, text)
                if not hits:
                    problems.append(f"{doc} #{n}: actor {actor!r} not in the text")
                else:
                    rec["actor"] = list(hits[0])
                    rec["actor_sha1"] = short_sha1(text[hits[0][0] : hits[0][1]])
            if channel not in ("", "-"):
                anchor = (a["cue"] or a["source"] or a["content"])[0][0]
                hits = _find(channel, text)
                if not hits:
                    problems.append(f"{doc} #{n}: channel {channel!r} not in the text")
                else:
                    s, e = min(hits, key=lambda h: abs(h[0] - anchor))
                    rec["channel"] = [[s, e]]
                    rec["channel_sha1"] = short_sha1(text[s:e])
            for d in denies:
                if not 1 <= d <= len(atts) or d not in entry["labels"]:
                    problems.append(f"{doc} #{n}: denies #{d}, which is not labelled")
            out.append(rec)
        roles = []
        for name, role in entry["roles"]:
            names, spans = _find(name, text), _find(role, text)
            if not names or not spans:
                problems.append(f"{doc}: role {name!r} => {role!r} not in the text")
                continue
            roles.append(
                {
                    "actor": list(names[0]),
                    "actor_sha1": short_sha1(text[names[0][0] : names[0][1]]),
                    "role": list(spans[0]),
                    "role_sha1": short_sha1(text[spans[0][0] : spans[0][1]]),
                }
            )
        out.append({"kind": "roles", "doc": doc, "roles": roles})
    return out, problems


def dump(golds: dict[str, GoldDocument], gold_file: Path) -> str:
    """A gold file in the labels format: the inverse of ``build`` for the articles it holds."""
    lines = [json.loads(x) for x in gold_file.read_text(encoding="utf-8").splitlines()]
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for g in lines:
        by_doc.setdefault(g["doc"], []).append(g)
    out: list[str] = []
    for doc, recs in by_doc.items():
        text = golds[doc].text

        def words(spans: list[list[int]], text: str = text) -> str:
            return " ".join(" ".join(text[s:e].split()) for s, e in spans) or "-"

        out.append(f"@ {doc}")
        for r in (r for g in recs if g["kind"] == "roles" for r in g["roles"]):
            out.append(f"R {words([r['actor']])} => {words([r['role']])}")
        labelled = {g["id"]: g for g in recs if g["kind"] == "attribution"}
        for n, _ in enumerate(numbered(golds[doc]), 1):
            g = labelled.get(f"{doc}#{n}")
            if g is None:
                out.append(f"x {n} left out")
                continue
            actor = words([g["actor"]]) if g["actor"] else "-"
            denied = " ".join(d.rpartition("#")[2] for d in g["denies"])
            fields = [g["source_type"], actor, words(g["channel"]), g["stance"]]
            out.append(f"{n} " + " | ".join(fields + ([denied] if denied else [])))
        out.append("")
    return "\n".join(out)


def _actor_id(rec: dict[str, Any], name: str) -> str:
    """The id of the record's actor with this name, added when new."""
    for a in rec["actors"]:
        if a["name"] == name:
            return str(a["id"])
    rec["actors"].append({"id": f"e{len(rec['actors']) + 1}", "name": name, "roles": []})
    return str(rec["actors"][-1]["id"])


def as_records(lines: list[dict[str, Any]], texts: dict[str, str]) -> list[dict[str, Any]]:
    """Gold lines in the shape of sayso's records, so a labelling can be scored as a system."""
    records: dict[str, dict[str, Any]] = {}
    for g in lines:
        text = texts[g["doc"]]
        rec = records.setdefault(g["doc"], {"id": g["doc"], "actors": [], "attributions": []})
        if g["kind"] == "roles":
            for r in g["roles"]:
                key = _actor_id(rec, text[r["actor"][0] : r["actor"][1]])
                entry = next(a for a in rec["actors"] if a["id"] == key)
                entry["roles"].append(text[r["role"][0] : r["role"][1]])
            continue
        actor = _actor_id(rec, text[g["actor"][0] : g["actor"][1]]) if g["actor"] else None
        rec["attributions"].append(
            {
                "id": g["id"],
                "source": {"spans": g["source"]},
                "cue": {"spans": g["cue"]},
                "source_type": g["source_type"],
                "anonymous": {"is": g["anonymous"]},
                "actor": actor,
                "channel": {
                    "spans": g["channel"],
                    "text": " ".join(text[s:e] for s, e in g["channel"]),
                },
                "stance": g["stance"],
                "denies": list(g["denies"]),
                "denied": None,
            }
        )
    return list(records.values())


def agree(golds: dict[str, GoldDocument], first: Path, second: Path) -> dict[str, Any]:
    """The second labelling scored against the first, on the articles both labelled."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from sources_eval import load_polnear_full, score

    texts = {d: g.text for d, g in golds.items()}
    two = [json.loads(line) for line in second.read_text(encoding="utf-8").splitlines()]
    docs = {g["doc"] for g in two}
    one, _ = load_polnear_full(first, texts)
    one = [g for g in one if g["article"] in docs]
    result = score(as_records(two, texts), one)
    result.pop("errors")
    return {**result, "articles": len(docs)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("command", choices=["show", "build", "agree", "dump"])
    ap.add_argument(
        "args",
        nargs="+",
        help="show: article names; build: the labels file; agree: two gold files; "
        "dump: a gold file",
    )
    ap.add_argument("--polnear", type=Path, required=True, help="PolNeAR folder")
    ap.add_argument("--split", default="dev", choices=["train", "dev"])
    ap.add_argument("-o", "--output", type=Path, help="build: the gold JSONL to write")
    a = ap.parse_args()
    golds = load_gold(a.polnear / a.split)
    if a.command == "show":
        show(golds, a.args)
        return 0
    if a.command == "dump":
        print(dump(golds, Path(a.args[0])))
        return 0
    if a.command == "agree":
        print(json.dumps(agree(golds, Path(a.args[0]), Path(a.args[1])), indent=2))
        return 0
    lines, problems = build(golds, Path(a.args[0]))
    for p in problems:
        print(p, file=sys.stderr)
    n_att = sum(r["kind"] == "attribution" for r in lines)
    n_roles = sum(len(r["roles"]) for r in lines if r["kind"] == "roles")
    print(f"{n_att} attributions, {n_roles} roles, {len(problems)} problems", file=sys.stderr)
    if a.output and not problems:
        with a.output.open("w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in lines)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
