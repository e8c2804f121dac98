"""``sayso evaluate`` must give exactly the figures of the reference scorer, attr_eval.py.

Fast tests use a tiny fictional brat corpus written to ``tmp_path``; the ``polnear`` test
runs both scorers on the same perturbed predictions over PolNeAR dev. PolNeAR (and the
reference scorer, which lives beside it) are looked for at ``$SAYSO_POLNEAR`` or
``<repo>/../shared/data/polnear``; without them these tests skip, unless
``SAYSO_REQUIRE_POLNEAR=1``, when they fail.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from sayso.cli import app
from sayso.errors import Errors, SaysoError
from sayso.evaluate import (
    TokenIndex,
    greedy_matches,
    load_gold,
    load_predictions,
    score,
    trim,
)
from sayso.export.brat import BratWriter

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT.parent / "shared" / "tools" / "attr_eval.py"
ROLES = ("source", "cue", "content")

DOC1 = (
    'The mayor said the bridge would reopen. "It is safe," the engineer told us.\n'
    "Repairs cost more, officials admitted."
)
DOC2 = "Rain is expected, according to forecasters."
GOLD: dict[str, tuple[str, list[tuple[str, str, str]]]] = {
    "doc1": (
        DOC1,
        [
            ("The mayor", "said", "the bridge would reopen"),
            ("the engineer", "told", '"It is safe,"'),
            ("officials", "admitted", "Repairs cost more"),
        ],
    ),
    "doc2": (DOC2, [("forecasters", "according to", "Rain is expected")]),
}


def polnear_root() -> Path:
    env = os.environ.get("SAYSO_POLNEAR")
    return Path(env) if env else ROOT.parent / "shared" / "data" / "polnear"


def require(path: Path, what: str) -> Path:
    """Skip (or, with SAYSO_REQUIRE_POLNEAR=1, fail) when shared data or tools are missing."""
    if not path.exists():
        reason = f"{what} not found at {path} (set SAYSO_POLNEAR, or fetch ../shared)"
        if os.environ.get("SAYSO_REQUIRE_POLNEAR") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return path


def at(text: str, sub: str) -> list[int]:
    start = text.index(sub)
    return [start, start + len(sub)]


def ann_for(text: str, attributions: list[tuple[str, str, str]]) -> str:
    """A PolNeAR-style .ann: role T lines, an anchor over the cue, one E line each."""
    lines: list[str] = []
    t = 0
    for n, (source, cue, content) in enumerate(attributions, 1):
        ids = {}
        for label, sub in (("Content", content), ("Cue", cue), ("Source", source),
                           ("Attribution", cue)):
            t += 1
            s, e = at(text, sub)
            lines.append(f"T{t}\t{label} {s} {e}\t{sub}")
            ids[label] = f"T{t}"
        lines.append(f"E{n}\tAttribution:{ids['Attribution']} Content:{ids['Content']} "
                     f"Cue:{ids['Cue']} Source:{ids['Source']}")
    return "\n".join(lines) + "\n"


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    """PolNeAR's layout: metadata.tsv names the canonical annotator; a second one disagrees."""
    split = tmp_path / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    for doc, (text, atts) in GOLD.items():
        (split / "text" / f"{doc}.txt").write_text(text, encoding="utf-8")
        (split / "attributions" / f"{doc}_aa11.ann").write_text(ann_for(text, atts), "utf-8")
    other = ann_for(DOC1, [("the engineer", "told", "us")])
    (split / "attributions" / "doc1_bb22.ann").write_text(other, encoding="utf-8")
    (tmp_path / "metadata.tsv").write_text(
        "compartment\tfilename\tannotators\ndev\tdoc1\taa11|bb22\ndev\tdoc2\taa11\n",
        encoding="utf-8",
    )
    return split


def record(doc: str, attributions: list[tuple[str | None, str, str]]) -> dict[str, Any]:
    """A sayso.article/1-shaped prediction; None means an empty source."""
    text = GOLD[doc][0] if doc in GOLD else ""

    def role(sub: str | None) -> dict[str, Any]:
        return {"spans": [at(text, sub)] if sub else [], "text": sub or ""}

    return {
        "schema": "sayso.article/1",
        "id": doc,
        "text": text,
        "meta": {},
        "producer": {"sayso": "0", "spacy_pipeline": "x", "attribution_model": "y"},
        "attributions": [
            {"id": f"a{i}", "kind": "indirect", "confidence": 0.5, "source": role(s),
             "cue": role(c), "content": role(x)}
            for i, (s, c, x) in enumerate(attributions, 1)
        ],
    }


PERFECT = [record(doc, list(atts)) for doc, (_, atts) in GOLD.items()]
PARTIAL = [
    record("doc1", [
        ("The mayor", "said", "the bridge would reopen"),  # right
        ("the engineer", "told", "It is safe"),  # content Jaccard 0.5: linked, not strict
        (None, "admitted", "Repairs cost more"),  # source missing: not linked
    ]),
    record("ghost", []),  # not in gold: ignored
]


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def run_reference(gold: Path, pred: Path) -> dict[str, Any]:
    require(REFERENCE, "the reference scorer attr_eval.py")
    proc = subprocess.run(
        [sys.executable, str(REFERENCE), "--gold", str(gold), "--pred", str(pred), "--json"],
        capture_output=True, text=True, timeout=600, check=True,
    )
    result = json.loads(proc.stdout)
    del result["gold"], result["pred"]
    return result


def ours(gold: Path, pred: Path) -> dict[str, Any]:
    gold_docs = load_gold(gold)
    return score(gold_docs, load_predictions(pred, gold_docs).attributions)


def test_canonical_annotator_comes_from_metadata(gold_dir: Path) -> None:
    gold = load_gold(gold_dir)
    assert sorted(gold) == ["doc1", "doc2"]
    assert len(gold["doc1"].attributions) == 3  # aa11's, not bb22's single one
    assert gold["doc1"].text == DOC1


def test_perfect_prediction_scores_one_everywhere(gold_dir: Path, tmp_path: Path) -> None:
    result = ours(gold_dir, write_jsonl(tmp_path / "p.jsonl", PERFECT))
    figures = [*result["token"].values(), *result["exact"].values(), result["linked"],
               result["strict_linked"]]
    assert all(m["f1"] == 1.0 and m["fp"] == m["fn"] == 0 for m in figures)
    assert result["counts"] == {"docs": 2, "docs_in_pred": 2, "gold_attributions": 4,
                                "pred_attributions": 4}


def test_empty_prediction_recalls_nothing(gold_dir: Path, tmp_path: Path) -> None:
    result = ours(gold_dir, write_jsonl(tmp_path / "p.jsonl", []))
    assert result["linked"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 4}
    assert result["token"]["Content"]["fn"] > 0 and result["token"]["Content"]["tp"] == 0


def test_partial_prediction_by_hand(gold_dir: Path, tmp_path: Path) -> None:
    gold = load_gold(gold_dir)
    pred = load_predictions(write_jsonl(tmp_path / "p.jsonl", PARTIAL), gold)
    assert pred.unknown == ["ghost"] and pred.other_text == []
    result = score(gold, pred.attributions)
    assert (result["linked"]["tp"], result["linked"]["fp"], result["linked"]["fn"]) == (2, 1, 2)
    assert result["strict_linked"]["tp"] == 1
    # quotes and the comma are trimmed before exact matching, so "It is safe" is exact
    assert result["exact"]["Content"]["tp"] == 3 and result["exact"]["Content"]["fn"] == 1
    source = result["exact"]["Source"]
    assert (source["tp"], source["fp"], source["fn"], source["p"]) == (2, 0, 2, 1.0)
    assert result["counts"]["docs_in_pred"] == 1


def test_helpers() -> None:
    assert trim(' "Hello, world." ', (0, 17)) == (2, 14)
    assert trim("“...”", (0, 5)) is None
    assert TokenIndex("ab, cd").tokens([(1, 2)]) == {0}
    assert TokenIndex("ab, cd").tokens([(2, 4)]) == {1}  # "," in, the space alone is no token
    # best score first; a gold item is used once, so the second pair for g0 loses
    assert greedy_matches([(2.0, 0, 0), (2.5, 0, 1), (1.0, 1, 0)]) == 2


@pytest.mark.parametrize("preds", [PERFECT, PARTIAL, []], ids=["perfect", "partial", "empty"])
def test_same_figures_as_reference_on_tiny_corpus(
    gold_dir: Path, tmp_path: Path, preds: list[dict[str, Any]]
) -> None:
    pred = write_jsonl(tmp_path / "p.jsonl", preds)
    assert ours(gold_dir, pred) == run_reference(gold_dir, pred)


def test_flat_brat_folder_as_gold(tmp_path: Path) -> None:
    """What ``sayso analyze --format brat`` writes can serve as gold for its own JSONL."""
    writer = BratWriter(tmp_path / "brat")
    for r in PERFECT:
        writer.write(r)
    result = ours(tmp_path / "brat", write_jsonl(tmp_path / "p.jsonl", PERFECT))
    assert result["linked"]["f1"] == result["exact"]["Cue"]["f1"] == 1.0
    assert result["counts"]["gold_attributions"] == 4


def test_cli_json_matches_library_and_table_prints(gold_dir: Path, tmp_path: Path) -> None:
    pred = write_jsonl(tmp_path / "p.jsonl", PARTIAL)
    runner = CliRunner()
    result = runner.invoke(app, ["evaluate", "--gold", str(gold_dir), "--pred", str(pred),
                                 "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == ours(gold_dir, pred)
    assert "1 predicted documents are not in the gold set" in result.stderr
    table = runner.invoke(app, ["evaluate", "--gold", str(gold_dir), "--pred", str(pred)])
    assert table.exit_code == 0
    assert "strict_linked" in table.stdout and "0.667" in table.stdout  # linked P = 2/3


def test_predictions_on_another_text_are_flagged(gold_dir: Path, tmp_path: Path) -> None:
    """Offsets into an edited text would be scored against the wrong words: say so."""
    edited = [dict(PERFECT[0], text=DOC1.replace("mayor", "mayoress")), PERFECT[1]]
    pred = write_jsonl(tmp_path / "p.jsonl", edited)
    assert load_predictions(pred, load_gold(gold_dir)).other_text == ["doc1"]
    result = CliRunner().invoke(app, ["evaluate", "--gold", str(gold_dir), "--pred", str(pred)])
    assert result.exit_code == 0
    assert "1 predicted documents carry a text unlike gold's" in result.stderr


def test_bad_gold_and_predictions_give_coded_errors(gold_dir: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    pred = write_jsonl(tmp_path / "p.jsonl", PERFECT)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(PERFECT[0]) + "\n{not json\n", encoding="utf-8")
    cases = [
        (["--gold", str(tmp_path / "nowhere"), "--pred", str(pred)], Errors.E030),
        (["--gold", str(gold_dir), "--pred", str(bad)], Errors.E031),
        (["--gold", str(gold_dir), "--pred", str(tmp_path / "none.jsonl")], Errors.E001),
    ]
    for args, code in cases:
        result = runner.invoke(app, ["evaluate", *args])
        assert result.exit_code == 2, result.output
        assert result.stderr.startswith(f"{code.name}: "), result.stderr
        assert "Traceback" not in result.output
    assert f"({bad})" in runner.invoke(app, ["evaluate", "--gold", str(gold_dir), "--pred",
                                             str(bad)]).stderr


def test_ambiguous_or_empty_gold(gold_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "metadata.tsv").unlink()  # doc1 now has two .ann files and nothing to choose
    with pytest.raises(SaysoError) as info:
        load_gold(gold_dir)
    assert info.value.code is Errors.E034
    empty = tmp_path / "empty"
    (empty / "text").mkdir(parents=True)
    (empty / "attributions").mkdir()
    with pytest.raises(SaysoError) as info:
        load_gold(empty)
    assert info.value.code is Errors.E035


def perturbed(gold_dir: Path) -> list[dict[str, Any]]:
    """Gold made wrong in every way the metrics see, deterministically, in both input shapes."""
    lines: list[dict[str, Any]] = []
    i = 0
    for n, (doc, g) in enumerate(sorted(load_gold(gold_dir).items())):
        atts = []
        for a in g.attributions:
            i += 1
            spans = {r: [list(s) for s in a[r]] for r in ROLES}
            if i % 6 == 0:
                continue  # missed
            if i % 6 == 1 and spans["content"]:
                spans["content"][0][0] += 3  # content start off (exact misses, linked keeps)
            if i % 6 == 2:
                spans["source"] = []  # source dropped
            if i % 6 == 3 and spans["cue"]:
                spans["cue"][-1][1] += 5  # cue too long
                if spans["content"]:
                    spans["content"][-1][1] -= 40  # content cut short (maybe past its start)
            atts.append(spans)
        atts.append({"source": [], "cue": [[0, 4]], "content": [[5, 60]]})  # a false alarm
        if n % 2:
            lines.append({"doc": doc, "attributions": atts})
        else:
            lines.append({"id": doc, "attributions": [
                {r: {"spans": a[r], "text": ""} for r in ROLES} for a in atts]})
    lines.append({"id": "not-in-polnear", "attributions": []})
    return lines


@pytest.mark.polnear
def test_same_figures_as_reference_on_polnear_dev(tmp_path: Path) -> None:
    dev = require(polnear_root() / "dev", "PolNeAR dev")
    pred = write_jsonl(tmp_path / "dev.jsonl", perturbed(dev))
    mine = ours(dev, pred)
    assert mine == run_reference(dev, pred)
    assert mine["counts"]["docs"] == 84
    assert 0.3 < mine["linked"]["f1"] < 1.0 and 0 < mine["strict_linked"]["f1"] < 1.0
