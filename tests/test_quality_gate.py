"""Quality gate: both shipped models on all of PolNeAR dev must not fall below pinned floors.

``sayso.analyze`` runs over the 84 dev articles (about 15 s on 2 cores for the default
model, about a minute for the accurate one) with the base pipeline and
``sayso_attribution`` only: the components after it add fields to attributions but never
move their spans, and leaving them out keeps this gate about the model. The reference
scorer, ``shared/tools/attr_eval.py``, scores the records. The floors in
``eval_baseline.json`` sit just below what each shipped model measures, so a regression in
a model, the features or the pipeline around them fails here. PolNeAR is looked for at
``$SAYSO_POLNEAR`` or ``<repo>/../shared/data/polnear``; without it the gate skips, unless
``SAYSO_REQUIRE_POLNEAR=1``, when it fails.
"""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path
from types import ModuleType

import pytest

from sayso.analyze import analyze_articles
from sayso.contract import Article
from sayso.nlp import base_nlp

REPO = Path(__file__).resolve().parents[1]
BASELINE = Path(__file__).with_name("eval_baseline.json")


def _polnear() -> Path:
    return Path(os.environ.get("SAYSO_POLNEAR", REPO.parent / "shared" / "data" / "polnear"))


def _scorer() -> ModuleType:
    path = Path(__file__).resolve().parents[2] / "shared" / "tools" / "attr_eval.py"
    if not path.is_file():
        path = _polnear().parents[1] / "tools" / "attr_eval.py"
    spec = importlib.util.spec_from_file_location("attr_eval", path)
    if spec is None or spec.loader is None or not path.is_file():
        _missing(f"reference scorer not found at {path}")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _missing(reason: str) -> None:
    if os.environ.get("SAYSO_REQUIRE_POLNEAR") == "1":
        pytest.fail(f"{reason} and SAYSO_REQUIRE_POLNEAR=1")
    pytest.skip(reason)


@pytest.mark.polnear
@pytest.mark.model
@pytest.mark.parametrize("model", ["default", "accurate"])
def test_dev_scores_stay_above_floors(model: str, tmp_path: Path) -> None:
    dev = _polnear() / "dev"
    if not (dev / "text").is_dir():
        _missing(f"PolNeAR dev not found at {dev} (set SAYSO_POLNEAR)")
    scorer = _scorer()
    articles = [
        Article(id=p.stem, text=p.read_text(encoding="utf-8"))
        for p in sorted((dev / "text").glob("*.txt"))
    ]
    nlp = base_nlp(ner=False)
    nlp.add_pipe("sayso_attribution", config={"model": model})
    pred = tmp_path / "dev.jsonl"
    with pred.open("w", encoding="utf-8") as fh:
        for record in analyze_articles(articles, nlp=nlp):
            fh.write(json.dumps(record) + "\n")
    gold = scorer.load_gold(str(dev))
    scores = scorer.score(gold, scorer.load_pred(str(pred), gold))
    floors = json.loads(BASELINE.read_text(encoding="utf-8"))["floors"][model]
    measured = {
        "linked_f1": scores["linked"]["f1"],
        **{f"token_{r}_f1": scores["token"][r.title()]["f1"] for r in ("source", "cue", "content")},
        **{f"exact_{r}_f1": scores["exact"][r.title()]["f1"] for r in ("source", "cue", "content")},
    }
    below = {k: (round(v, 4), floors[k]) for k, v in measured.items() if v < floors[k]}
    assert not below, f"below the floors (measured, floor): {below}"


SOURCE_SETS = {"dev_40": "POLNEAR_FULL", "dev_42": "POLNEAR_DEV_OPENED"}
"""The sources gold sets on PolNeAR dev (``benchmarks/sources_eval.py`` names their files)."""


@pytest.mark.polnear
@pytest.mark.model
@pytest.mark.parametrize("name", sorted(SOURCE_SETS))
def test_dev_sources_figures_stay_above_floors(name: str) -> None:
    """The sources layer (actors, rules, the learned typer, stance) on the 82 PolNeAR dev
    articles of the sources gold sets, scored by ``benchmarks/sources_eval.py``, the default
    pipeline; floors in ``eval_baseline.json`` under ``sources``."""
    if not (_polnear() / "dev" / "text").is_dir():
        _missing(f"PolNeAR dev not found at {_polnear()} (set SAYSO_POLNEAR)")
    spec = importlib.util.spec_from_file_location(
        "sources_eval", REPO / "benchmarks" / "sources_eval.py")
    assert spec is not None and spec.loader is not None
    se = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(se)
    figs, _, _ = se.score_polnear_set(_polnear(), "dev", getattr(se, SOURCE_SETS[name]))
    assert figs["stale_hashes"] == 0
    measured = {
        "source_type_accuracy": figs["source_type_accuracy"],
        "link_accuracy": figs["link_accuracy"],
        "stance_accuracy": figs["stance_accuracy"],
        **{f"{k}_f1": figs[k]["f1"] for k in ("anonymity", "roles", "channel", "denial")},
    }
    floors = json.loads(BASELINE.read_text(encoding="utf-8"))["sources"][name]
    assert set(floors) == set(measured)
    below = {k: (round(v, 4), floors[k]) for k, v in measured.items() if v < floors[k]}
    assert not below, f"below the floors (measured, floor): {below}"
