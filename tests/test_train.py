"""``sayso.train.train`` rebuilds a model end to end; here on a tiny corpus written by the test.

The corpus is fictional and laid out like PolNeAR (``text/``, ``attributions/``,
``../metadata.tsv``), so the same code path that rebuilds the shipped model runs in seconds.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sayso.nlp import base_nlp
from sayso.pipeline.model import META_FILE
from sayso.pipeline.neural import HEAD_FILE, ROLE_HEAD_FILE
from sayso.train import ACCURATE_LABEL, MODEL_LABEL, load_split, train

SPEAKERS = ["The mayor", "A spokeswoman", "Officials", "The union leader", "Dr. Ortiz"]
CUES = ["said", "told reporters", "argued", "said on Monday", "warned"]
CLAIMS = [
    "the bridge would reopen in May",
    "the budget had been balanced for the first time",
    "the new rules were too strict",
    "the strike could last for weeks",
    "the vaccine was safe for children",
]
FILLER = "The council met in the old hall on a rainy evening."


def _article(k: int) -> tuple[str, str]:
    """One article and its brat annotation: filler sentences and three attributions."""
    text = FILLER + "\n\n"
    lines: list[str] = []
    for n in range(3):
        i = (k + n) % len(SPEAKERS)
        source, cue, claim = SPEAKERS[i], CUES[(i + k) % len(CUES)], CLAIMS[(i + 2 * k) % 5]
        start = len(text)
        text += f"{source} {cue} that {claim}. {FILLER}\n\n"
        spans = {
            "Source": (start, start + len(source)),
            "Cue": (start + len(source) + 1, start + len(source) + 1 + len(cue)),
        }
        c0 = spans["Cue"][1] + 1
        spans["Content"] = (c0, c0 + len("that ") + len(claim))
        ids = []
        for role, (s, e) in spans.items():
            tid = f"T{len(lines) + 1}"
            lines.append(f"{tid}\t{role} {s} {e}\t{text[s:e]}")
            ids.append(f"{role}:{tid}")
        anchor = f"T{len(lines) + 1}"
        s, e = spans["Cue"]
        lines.append(f"{anchor}\tAttribution {s} {e}\t{text[s:e]}")
        lines.append(f"E{n + 1}\tAttribution:{anchor} " + " ".join(ids))
    return text, "\n".join(lines) + "\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    rows = ["compartment\tfilename\tannotators"]
    for split, ks in (("train", range(8)), ("dev", range(8, 10))):
        for k in ks:
            name = f"story{k}"
            text, ann = _article(k)
            (tmp_path / split / "text").mkdir(parents=True, exist_ok=True)
            (tmp_path / split / "attributions").mkdir(parents=True, exist_ok=True)
            (tmp_path / split / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
            (tmp_path / split / "attributions" / f"{name}_a1.ann").write_text(ann, encoding="utf-8")
            rows.append(f"{split}\t{name}\ta1|b2")
    (tmp_path / "metadata.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return tmp_path


def test_load_split_reads_the_canonical_annotation(corpus: Path) -> None:
    docs = load_split(corpus / "train", limit=2)
    assert [name for name, _ in docs] == ["story0", "story1"]
    gold = docs[0][1]
    assert len(gold.attributions) == 3
    ((s, e),) = gold.attributions[0]["cue"]
    assert gold.text[s:e] in CUES


@pytest.mark.model
def test_train_tiny_model_end_to_end(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "model"
    base = base_nlp(ner=False)
    result = train(corpus / "train", corpus / "dev", out, cue_epochs=3, role_epochs=3, nlp=base)
    assert json.loads((out / META_FILE).read_text())["label"] == MODEL_LABEL
    linked = result["dev"]["linked"]
    assert linked["f1"] > 0.5, result["dev"]
    base.add_pipe("sayso_attribution", config={"model": str(out)})
    text = "The mayor said that the bridge would reopen in May."
    (att,) = base(text)._.sayso_attributions
    assert [text[s:e] for s, e in att.cue] == ["said"]


@pytest.mark.model
@pytest.mark.transformer
def test_train_tiny_accurate_model_end_to_end(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "accurate"
    base = base_nlp(ner=False)
    result = train(
        corpus / "train",
        corpus / "dev",
        out,
        cue_epochs=3,
        role_epochs=3,
        role_head_epochs=40,  # 24 gold cues make one batch: an epoch is a single step
        source_weight=30.0,  # the shipped weights trust heads trained on 840 articles
        content_weight=40.0,
        nlp=base,
        accurate=True,
    )
    assert json.loads((out / META_FILE).read_text())["label"] == ACCURATE_LABEL
    assert (out / HEAD_FILE).is_file()
    assert (out / ROLE_HEAD_FILE).is_file()
    assert result["dev"]["linked"]["f1"] > 0.5, result["dev"]
    base.add_pipe("sayso_attribution", config={"model": str(out)})
    text = "The mayor said that the bridge would reopen in May."
    (att,) = base(text)._.sayso_attributions  # a 5-second model: roughly right is enough
    assert [text[s:e] for s, e in att.source] == ["The mayor"]
    assert text[att.cue[0][0] : att.cue[0][1]].startswith("said")
    assert "would reopen in May" in " ".join(text[s:e] for s, e in att.content)
