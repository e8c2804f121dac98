"""Exporters over hand-made ``sayso.article/1`` records: no model needed.

The brat round trip is the contract with annotators and PolNeAR's tools: what we write, brat
(and ``sayso evaluate``) must read back as the same spans.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from sayso.contract import FRAGMENT_JOINER
from sayso.errors import Errors, SaysoError
from sayso.export.brat import (
    ANNOTATION_CONF,
    BratWriter,
    file_stem,
    parse_ann,
    read_document,
    split_at_line_breaks,
    to_ann,
)
from sayso.export.jsonl import to_line
from sayso.export.text import highlighted, render_article, scorecard_line, summary_line

TEXT = (
    "The lighthouse keeper said the lamp had failed twice.\r\n"
    "“We need a new lens,” Ms Varga told the council, “before the winter storms.”\n"
    "According to the harbour board, repairs\nwould take a week. Prices are rising, it warned."
)


def span(sub: str, nth: int = 0) -> list[int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(sub, start + 1)
    return [start, start + len(sub)]


def role(*spans: list[int]) -> dict[str, Any]:
    return {"spans": list(spans), "text": FRAGMENT_JOINER.join(TEXT[s:e] for s, e in spans)}


def attribution(n: int, kind: str, source: Any, cue: Any, content: Any) -> dict[str, Any]:
    return {"id": f"a{n}", "kind": kind, "confidence": 0.75, "source": source, "cue": cue,
            "content": content}


def make_record(record_id: str = "harbour/lamp 1") -> dict[str, Any]:
    """Every shape brat must carry: plain, discontiguous, sourceless, across a line break."""
    return {
        "schema": "sayso.article/1",
        "id": record_id,
        "text": TEXT,
        "meta": {"title": "Lamp fails", "path": "lamp.txt", "format": "text"},
        "producer": {"sayso": "0", "spacy_pipeline": "x", "attribution_model": "y"},
        "attributions": [
            attribution(1, "indirect", role(span("The lighthouse keeper")), role(span("said")),
                        role(span("the lamp had failed twice"))),
            attribution(2, "direct", role(span("Ms Varga")), role(span("told")),
                        role(span("“We need a new lens,”"), span("“before the winter storms.”"))),
            attribution(3, "indirect", role(span("the harbour board")), role(span("According to")),
                        role(span("repairs\nwould take a week"))),
            attribution(4, "indirect", role(), role(span("warned")),
                        role(span("Prices are rising"))),
        ],
    }


def spans_of(a: dict[str, Any], text: str) -> dict[str, list[tuple[int, int]]]:
    """A record attribution's spans as brat holds them: split at line breaks, sorted."""
    return {
        r: split_at_line_breaks(text, [(s, e) for s, e in a[r]["spans"]])
        for r in ("source", "cue", "content")
    }


def test_brat_round_trip_gives_the_same_spans() -> None:
    record = make_record()
    back = parse_ann(to_ann(record))
    assert back == [spans_of(a, TEXT) for a in record["attributions"]]
    # only the span across a line break changes, and only by losing the break itself
    content = back[2]["content"]
    assert [TEXT[s:e] for s, e in content] == ["repairs", "would take a week"]
    assert back[1]["content"] == [tuple(span("“We need a new lens,”")),
                                  tuple(span("“before the winter storms.”"))]


def test_ann_lines_follow_polnear_layout() -> None:
    ann = to_ann(make_record())
    lines = ann.splitlines()
    t_line = re.compile(r"^T\d+\t(Source|Cue|Content|Attribution|Attribution-no-source) "
                        r"\d+ \d+(;\d+ \d+)*\t[^\n]*$")
    for line in lines:
        assert t_line.match(line) or re.match(r"^[EA]\d+\t", line), line
    events = [ln.split("\t")[1] for ln in lines if ln.startswith("E")]
    assert len(events) == 4
    assert re.fullmatch(r"Attribution:T\d+ Source:T\d+ Cue:T\d+ Content:T\d+", events[0])
    assert re.fullmatch(r"Attribution-no-source:T\d+ Cue:T\d+ Content:T\d+", events[3])
    # the anchor spans the cue, as in PolNeAR; fragments are `s e;s e` with texts space-joined
    anchor = next(ln for ln in lines if "\tAttribution " in ln)
    cue = next(ln for ln in lines if "\tCue " in ln)
    assert anchor.split("\t")[1].split(" ", 1)[1] == cue.split("\t")[1].split(" ", 1)[1]
    varga = next(ln for ln in lines if "\tContent " in ln and ";" in ln and "lens" in ln)
    assert varga.endswith("\t“We need a new lens,” “before the winter storms.”")
    assert "A1\tKind E1 indirect" in lines


def test_parse_ann_reads_polnear_conventions() -> None:
    """Content2 joins Content, the trigger is not a role, flags and dangling refs are ignored."""
    ann = (
        "T1\tSource 0 21\tThe lighthouse keeper\n"
        "T2\tCue 22 26\tsaid\n"
        "T3\tContent 27 52\tthe lamp had failed twice\n"
        "T4\tAttribution 22 26\tsaid\n"
        "T5\tContent 27 35\tthe lamp\n"
        "T6\tDiscard 0 3\tThe\n"
        "#1\tAnnotatorNotes T1\tnot a span\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1 Content2:T5 Cue:T99 Speaker:T1\n"
        "E2\tAttribution-no-source:T4\n"
    )
    assert parse_ann(ann) == [
        {"source": [(0, 21)], "cue": [(22, 26)], "content": [(27, 35), (27, 52)]},
        {"source": [], "cue": [], "content": []},
    ]


def test_split_at_line_breaks_drops_empty_pieces() -> None:
    text = "ab\n\ncd\r\nef"
    assert split_at_line_breaks(text, [(0, len(text))]) == [(0, 2), (4, 6), (8, 10)]
    assert split_at_line_breaks(text, [(2, 4)]) == []
    assert split_at_line_breaks("a\u2028b", [(0, 3)]) == [(0, 1), (2, 3)]


def test_brat_writer_writes_a_folder_brat_opens(tmp_path: Path) -> None:
    out = tmp_path / "deep" / "brat"
    writer = BratWriter(out)
    writer.write(make_record())
    writer.write(make_record())  # the same id again must not overwrite the first
    stem = file_stem("harbour/lamp 1")
    assert "/" not in stem and " " not in stem
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["annotation.conf", "visual.conf", f"{stem}.txt", f"{stem}.ann", f"{stem}-2.txt",
         f"{stem}-2.ann"]
    )
    assert (out / "annotation.conf").read_text(encoding="utf-8") == ANNOTATION_CONF
    text, attributions = read_document(out / f"{stem}.txt", out / f"{stem}.ann")
    assert text == TEXT  # byte for byte: the CRLF survives, so offsets still index it
    assert (out / f"{stem}.txt").read_bytes() == TEXT.encode("utf-8")
    assert attributions == [spans_of(a, TEXT) for a in make_record()["attributions"]]


def test_brat_writer_refuses_a_file_as_folder(tmp_path: Path) -> None:
    path = tmp_path / "out.txt"
    path.write_text("taken", encoding="utf-8")
    with pytest.raises(SaysoError) as info:
        BratWriter(path)
    assert info.value.code is Errors.E032


def test_jsonl_line_is_one_line_and_keeps_unicode() -> None:
    record = make_record()
    line = to_line(record)
    assert line.endswith("\n") and line.count("\n") == 1
    assert "“We need a new lens,”" in line
    assert json.loads(line) == record


def test_highlighting_styles_every_role_span() -> None:
    record = make_record()
    styled = {(s.start, s.end, str(s.style)) for s in highlighted(record).spans}
    for a in record["attributions"]:
        for r, style in (("source", "bold cyan"), ("cue", "bold magenta"), ("content", "green")):
            for s, e in a[r]["spans"]:
                assert (s, e, style) in styled


def test_text_report_names_roles_and_summarises() -> None:
    console = Console(width=120, record=True, color_system=None)
    console.print(render_article(make_record()))
    report = console.export_text()
    assert "harbour/lamp 1 · Lamp fails" in report
    for needle in ("Ms Varga", "According to", "indirect", "0.75", "the harbour board"):
        assert needle in report
    assert summary_line(make_record()) == (
        "4 attributions: 1 direct, 3 indirect, 0 mixed; 1 without a source; "
        "sources: The lighthouse keeper, Ms Varga, the harbour board."
    )


def test_summary_of_an_article_without_attributions() -> None:
    record = make_record()
    record["attributions"] = []
    assert summary_line(record) == "No attributions found."


def test_scorecard_line_reads_the_record_scorecard() -> None:
    """The text report states the scorecard, and copes with articles that have no content."""
    card = {
        "by_source_type": {"named_person": 2, "anonymous_person": 1, "group": 0},
        "anonymous_share": 0.25,
        "distinct_sources": 3,
        "headline_anonymous": True,
    }
    line = scorecard_line({"scorecard": card})
    assert line is not None
    assert "named person 2, anonymous person 1;" in line
    assert "group" not in line
    assert "25% of attributed content" in line
    assert "3 distinct sources" in line
    assert line.endswith("headline rests on an anonymous source: yes.")
    empty = dict(card, anonymous_share=None, headline_anonymous=None, distinct_sources=1)
    line = scorecard_line({"scorecard": empty})
    assert line is not None
    assert "; no attributed content; 1 distinct source;" in line
    assert line.endswith("no attribution in the headline.")
    assert scorecard_line({"attributions": []}) is None
