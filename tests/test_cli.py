"""The ``sayso`` command line: formats, ``--jobs``, exit codes, help, ``python -m sayso``.

Tests that run the real pipeline are marked ``model``; the others swap the pipeline for a
stand-in (in this process only), which is enough to check ordering, errors and exit codes.
"""

from __future__ import annotations

import json
import pickle
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import typer
from rich.console import Console
from typer.testing import CliRunner

import sayso.batch
import sayso.cli
from sayso.batch import analyze_items
from sayso.cli import app
from sayso.contract import Article, json_schema
from sayso.errors import Errors, InputError, ModelError, SaysoError
from sayso.export.brat import parse_ann, split_at_line_breaks

SPEAKERS = ["Mayor Odile Brandt", "the harbour master", "Inspector Kwame Osei", "a ferry pilot"]
CLAIMS = ["the pier would close on Friday", "the tides were higher than forecast",
          "the lighthouse needed a new lens", "no ship had been damaged"]


def article_text(i: int) -> str:
    """Small fictional articles, different enough that batching could change nothing unseen."""
    s, c = SPEAKERS[i % 4], CLAIMS[(i // 4) % 4]
    return (
        f"{s.capitalize()} said {c}.\n\n"
        f'"We will know more by evening," {SPEAKERS[(i + 1) % 4]} told reporters on day {i}.\n'
        f"Residents of Quay Street {i} complained that nobody had warned them."
    )


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Thirty-five JSONL articles (three chunks), one bad line, and a plain-text file."""
    folder = tmp_path / "in"
    folder.mkdir()
    lines = [json.dumps({"id": f"n{i:02}", "text": article_text(i)}) for i in range(35)]
    lines.insert(20, "{broken")
    (folder / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "b.txt").write_text(article_text(99), encoding="utf-8")
    return folder


def fake_analyze(articles: Iterable[Article], nlp: Any = None) -> Iterator[dict[str, Any]]:
    """Stands in for the pipeline: an empty record per article; "EXPLODE" raises."""
    for a in articles:
        if "EXPLODE" in a.text:
            raise RuntimeError("the parser fell over")
        yield {"schema": "sayso.article/1", "id": a.id, "text": a.text, "meta": a.meta,
               "producer": {"sayso": "0", "spacy_pipeline": "x", "attribution_model": "y"},
               "attributions": []}


@pytest.fixture
def no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sayso.batch, "load_nlp", lambda model="default": None)
    monkeypatch.setattr(sayso.batch, "analyze_articles", fake_analyze)


def invoke(*args: str) -> Any:
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


# -- no model ---------------------------------------------------------------------------


def test_help_for_every_command() -> None:
    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    assert sorted(commands) == [
        "actors", "analyze", "evaluate", "export", "ingest", "query", "serve", "train"
    ]
    for name in commands:
        result = invoke(name, "--help")
        assert result.exit_code == 0, result.output
        assert "Usage:" in result.stdout
    analyze_help = invoke("analyze", "--help").stdout
    for option in ("--output", "--format", "--jobs", "--model"):
        assert option in analyze_help
    assert invoke("--help").exit_code == 0


def test_python_dash_m_sayso() -> None:
    proc = subprocess.run([sys.executable, "-m", "sayso", "--help"], capture_output=True,
                          text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "analyze" in proc.stdout and "evaluate" in proc.stdout


def test_unexpected_error_in_one_article_is_coded_and_the_run_goes_on(
    no_model: None, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text("The mayor said it would rain.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The pilot said EXPLODE.", encoding="utf-8")
    (tmp_path / "c.txt").write_text("The clerk said the forms were lost.", encoding="utf-8")
    result = invoke("analyze", str(tmp_path))
    assert result.exit_code == 1
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["a", "c"]
    lines = result.stderr.splitlines()
    assert lines[0] == (
        f"E022: analysis failed: RuntimeError: the parser fell over ({tmp_path / 'b.txt'})"
    )
    assert lines[-1] == "2 articles analysed, 1 inputs failed"


def test_missing_model_stops_the_run_with_a_coded_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def broken(model: str = "default") -> None:
        raise ModelError(Errors.E020)

    monkeypatch.setattr(sayso.batch, "load_nlp", broken)
    (tmp_path / "a.txt").write_text("The mayor said it would rain.", encoding="utf-8")
    result = invoke("analyze", str(tmp_path / "a.txt"))
    assert result.exit_code == 2
    assert result.stderr.startswith("E020: ") and result.stdout == ""


def test_unexpected_error_outside_articles_is_coded(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def crash(paths: list[str]) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(sayso.cli, "read_inputs", crash)
    result = invoke("analyze", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.strip() == "E022: analysis failed: RuntimeError: disk on fire"


def test_output_problems_are_coded(no_model: None, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("The mayor said it would rain.", encoding="utf-8")
    result = invoke("analyze", str(article), "--format", "brat")
    assert (result.exit_code, result.stderr[:5]) == (2, "E033:")
    result = invoke("analyze", str(article), "--format", "brat", "-o", str(article))
    assert (result.exit_code, result.stderr[:5]) == (2, "E032:")
    result = invoke("analyze", str(article), "-o", str(article / "sub" / "out.jsonl"))
    assert (result.exit_code, result.stderr[:5]) == (2, "E036:")


def test_jsonl_file_output_creates_folders_and_keeps_stdout_clean(
    no_model: None, corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "new" / "deeper" / "out.jsonl"
    result = invoke("analyze", str(corpus), "-o", str(out))
    assert result.exit_code == 1  # the broken line
    assert result.stdout == ""
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == [f"n{i:02}" for i in range(35)] + ["b"]
    # no progress bar or other chatter in a pipe: one error line and the summary
    assert result.stderr.splitlines() == [
        Errors.E006.fmt(line=21, detail="Expecting property name enclosed in double quotes")
        + f" ({corpus / 'a.jsonl'}:21)",
        "36 articles analysed, 1 inputs failed",
    ]


def test_results_keep_input_order_across_chunks(no_model: None) -> None:
    items: list[Article | SaysoError] = []
    for i in range(7):
        items.append(Article(id=f"x{i}", text="EXPLODE" if i == 3 else f"Text {i}."))
        if i % 3 == 0:
            items.append(InputError(Errors.E002, f"bad{i}"))
    results = list(analyze_items(items, chunk_size=2))
    labels = [r["id"] if isinstance(r, dict) else f"{r.code.name}:{r.where}" for r in results]
    assert labels == ["x0", "E002:bad0", "x1", "x2", "E022:x3", "E002:bad3", "x4", "x5",
                      "x6", "E002:bad6"]


def test_progress_bar_only_for_many_articles_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "o.jsonl"
    assert not sayso.cli._wants_progress([str(corpus)], out)  # stderr is no terminal here
    monkeypatch.setattr(sayso.cli, "err", Console(stderr=True, force_terminal=True))
    assert sayso.cli._wants_progress([str(corpus)], out)
    assert sayso.cli._wants_progress([str(corpus / "a.jsonl")], None)  # stdout is a pipe
    assert not sayso.cli._wants_progress([str(corpus / "b.txt")], out)  # one article


def test_coded_errors_survive_pickling_between_processes() -> None:
    exc = InputError(Errors.E006, "feed.jsonl:3", line=3, detail="Expecting value")
    back = pickle.loads(pickle.dumps(exc))
    assert type(back) is InputError
    assert (back.code, back.where, back.message, str(back)) == (
        exc.code, exc.where, exc.message, str(exc))


# -- the real pipeline ------------------------------------------------------------------


@pytest.mark.model
def test_jsonl_records_follow_the_contract(corpus: Path) -> None:
    result = invoke("analyze", str(corpus / "b.txt"))
    assert result.exit_code == 0, result.stderr
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    jsonschema.validate(record, json_schema())
    assert record["id"] == "b" and record["attributions"]


@pytest.mark.model
def test_jobs_two_gives_the_same_bytes_as_jobs_one(corpus: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    first = invoke("analyze", str(corpus), "-o", str(one), "--jobs", "1")
    second = invoke("analyze", str(corpus), "-o", str(two), "--jobs", "2")
    assert first.exit_code == second.exit_code == 1
    assert first.stderr == second.stderr
    assert one.read_bytes() == two.read_bytes()
    records = [json.loads(line) for line in one.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 36 and sum(len(r["attributions"]) for r in records) >= 36


@pytest.mark.model
def test_text_report(corpus: Path) -> None:
    result = invoke("analyze", str(corpus / "b.txt"), "--format", "text")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.splitlines()[0].startswith("b ─")
    assert "A ferry pilot" in out and "said" in out
    assert re.search(r"^\d+ attributions?: \d+ direct, \d+ indirect, \d+ mixed", out, re.M)
    assert "{" not in out  # a report, not JSON


@pytest.mark.model
def test_brat_folder_reads_back_as_the_jsonl_spans(corpus: Path, tmp_path: Path) -> None:
    source = corpus / "b.txt"
    jsonl = invoke("analyze", str(source))
    [record] = [json.loads(line) for line in jsonl.stdout.splitlines()]
    out = tmp_path / "brat"
    result = invoke("analyze", str(source), "--format", "brat", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert (out / "annotation.conf").is_file()
    assert (out / "b.txt").read_text(encoding="utf-8") == record["text"]
    back = parse_ann((out / "b.ann").read_text(encoding="utf-8"))
    text = record["text"]
    assert back == [
        {r: split_at_line_breaks(text, [tuple(s) for s in a[r]["spans"]])
         for r in ("source", "cue", "content")}
        for a in record["attributions"]
    ]


@pytest.mark.model
def test_missing_model_in_workers_is_coded(corpus: Path, tmp_path: Path) -> None:
    """The worker's ModelError crosses the process boundary with its code intact."""
    result = invoke("analyze", str(corpus / "b.txt"), "--jobs", "2", "--model",
                    str(tmp_path / "no-such-model"))
    assert result.exit_code == 2
    assert result.stderr.startswith("E021: ") and result.stdout == ""


def polnear_like(root: Path, n: int) -> Path:
    """A tiny corpus in PolNeAR's layout: one gold attribution per article, fictional."""
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    for i in range(n):
        text = article_text(i)
        source, claim = SPEAKERS[i % 4].capitalize(), CLAIMS[(i // 4) % 4]
        spans = {"Source": (0, len(source)), "Cue": (len(source) + 1, len(source) + 5)}
        start = text.index(claim)
        spans["Content"] = (start, start + len(claim))
        ann = [f"T{k}\t{role} {s} {e}\t{text[s:e]}" for k, (role, (s, e)) in
               enumerate(spans.items(), 1)]
        ann += [f"T4\tAttribution {spans['Cue'][0]} {spans['Cue'][1]}\tsaid",
                "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3"]
        (root / "text" / f"doc{i}.txt").write_text(text, encoding="utf-8")
        (root / "attributions" / f"doc{i}_zz99.ann").write_text("\n".join(ann) + "\n", "utf-8")
    return root


@pytest.mark.model
def test_train_writes_a_model_analyze_can_use(corpus: Path, tmp_path: Path) -> None:
    split = polnear_like(tmp_path / "split", 6)
    model = tmp_path / "model"
    result = invoke("train", "--train", str(split), "--dev", str(split), "-o", str(model),
                    "--cue-epochs", "1", "--role-epochs", "1", "--json")
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)["dev"]
    assert scores["counts"]["gold_attributions"] == 6
    assert any(model.iterdir())
    analysed = invoke("analyze", str(corpus / "b.txt"), "--model", str(model))
    assert analysed.exit_code == 0, analysed.stderr
    assert json.loads(analysed.stdout)["id"] == "b"
    missing = invoke("train", "--train", str(tmp_path / "nope"), "--dev", str(split), "-o",
                     str(model))
    assert missing.exit_code == 2 and missing.stderr.startswith("E030: ")
