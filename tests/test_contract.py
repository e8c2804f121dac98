"""The ``sayso.article/1`` contract, checked on real output of the real pipeline.

Texts are short and fictional. Every record must validate against the shipped JSON Schema
and keep the promises the schema cannot express: offsets in range, ``text[s:e]`` joined by
the fragment joiner equals each role's ``text``, ids numbered in order.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from spacy.language import Language
from typer.testing import CliRunner

from sayso.analyze import analyze_articles
from sayso.cli import app
from sayso.contract import FRAGMENT_JOINER, SCHEMA_ID, Article, json_schema

Write = Callable[[str, str | bytes], Path]
ROOT = Path(__file__).resolve().parent.parent
ROLES = ("source", "cue", "content")

TEXTS = {
    "direct": "“The bridge is safe,” said the engineer.",
    "direct-colon": "The engineer said: “The bridge is safe and will open on Monday.”",
    "mixed": "The mayor said the bridge was “perfectly safe” for cyclists.",
    "indirect": "Police said the road would stay closed until Friday.",
    "astral": "🙂🙂 Fans 🙂 said the match had been thrilling.\r\n"
    "The coach told reporters that the team was tired.",
    "paragraphs": "  Ferry strike ends\n\nThe union said its members would return on Monday."
    "\n\n\tThe operator confirmed that sailings would resume at six.  \n",
    "split-quote": "“The plan,” the minister said, “will fail before the summer.”",
    "split-quote-2": "“We are not going back,” said Ana Ruiz, the union leader. "
    "“Not this year, not ever.”",
    "none": "The ferry left at noon. Nobody spoke.",
}


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def contract_violations(record: dict[str, Any]) -> Iterator[str]:
    """Every promise of docs/contract.md that the JSON Schema cannot state."""
    text = record["text"]
    for n, a in enumerate(record["attributions"], 1):
        if a["id"] != f"a{n}":
            yield f"attribution {n} has id {a['id']}"
        for role in ROLES:
            spans = a[role]["spans"]
            for s, e in spans:
                if not 0 <= s < e <= len(text):
                    yield f"{a['id']} {role} span {[s, e]} out of range 0..{len(text)}"
            if any(e1 > s2 for (_, e1), (s2, _) in itertools.pairwise(spans)):
                yield f"{a['id']} {role} spans not sorted and disjoint: {spans}"
            joined = FRAGMENT_JOINER.join(text[s:e] for s, e in spans)
            if joined != a[role]["text"]:
                yield f"{a['id']} {role} text {a[role]['text']!r} != text[s:e] {joined!r}"
        if not a["cue"]["spans"] or not a["content"]["spans"]:
            yield f"{a['id']} has no cue or no content"


def check(record: dict[str, Any], validator: Draft202012Validator) -> None:
    errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(record)]
    assert not errors, errors
    violations = list(contract_violations(record))
    assert not violations, violations


@pytest.fixture(scope="module")
def records(nlp: Language) -> list[dict[str, Any]]:
    """Real records, round-tripped through JSON exactly as the CLI writes them."""
    arts = [Article(id=k, text=v, meta={"format": "text"}) for k, v in TEXTS.items()]
    return [
        json.loads(json.dumps(r, ensure_ascii=False)) for r in analyze_articles(arts, nlp=nlp)
    ]


@pytest.mark.model
def test_real_records_validate_and_keep_offsets(
    records: list[dict[str, Any]], validator: Draft202012Validator
) -> None:
    assert [r["id"] for r in records] == list(TEXTS)
    for record in records:
        check(record, validator)
        assert record["schema"] == SCHEMA_ID
        assert record["text"] == TEXTS[record["id"]]  # never stripped or normalised
    assert sum(len(r["attributions"]) for r in records) >= 7  # the checks were not vacuous


@pytest.mark.model
def test_discontiguous_roles_join_with_the_fragment_joiner(records: list[dict[str, Any]]) -> None:
    """Split quotes give multi-span content; its ``text`` is the fragments joined by " … "."""
    multi = [
        (r["text"], a["content"])
        for r in records
        if r["id"].startswith("split-quote")
        for a in r["attributions"]
        if len(a["content"]["spans"]) > 1
    ]
    assert multi, "no discontiguous role in the output: the joiner went untested"
    for text, role in multi:
        assert role["text"].count(FRAGMENT_JOINER) == len(role["spans"]) - 1
        assert role["text"] == FRAGMENT_JOINER.join(text[s:e] for s, e in role["spans"])


@pytest.mark.model
def test_offsets_are_python_code_point_indices(records: list[dict[str, Any]]) -> None:
    """Astral characters (emoji) count as one: JavaScript's UTF-16 indices would differ."""
    [record] = [r for r in records if r["id"] == "astral"]
    first = record["attributions"][0]
    [[s, e]] = first["cue"]["spans"]
    assert (s, e) == (10, 14) == (record["text"].index("said"), record["text"].index("said") + 4)
    assert record["text"][s:e] == "said"
    assert record["text"].encode("utf-16-le")[2 * s : 2 * e].decode("utf-16-le") != "said"


@pytest.mark.model
def test_kind_says_how_the_content_is_quoted(records: list[dict[str, Any]]) -> None:
    """Clear-cut texts get the kind the contract defines; together they show all three."""
    expected = {"direct": "direct", "direct-colon": "direct", "mixed": "mixed",
                "indirect": "indirect"}
    kinds = {r["id"]: {a["kind"] for a in r["attributions"]} for r in records}
    for text_id, kind in expected.items():
        assert kinds[text_id] <= {kind}, (text_id, kinds[text_id])
    assert set().union(*(kinds[t] for t in expected)) == {"direct", "indirect", "mixed"}
    assert kinds["none"] == set()


@pytest.mark.model
def test_cli_output_of_every_reader_validates(
    write: Write, validator: Draft202012Validator, tmp_path: Path
) -> None:
    """The bytes the CLI writes, for text, HTML and JSONL input, with each reader's meta."""
    write("in/a.txt", TEXTS["mixed"])
    write(
        "in/b.html",
        "<html><head><title>Road closed, police say</title>"
        '<meta property="og:site_name" content="Valley Times"></head><body><article>'
        f"<p>{TEXTS['indirect']}</p><p>{TEXTS['direct']} The council agreed.</p>"
        "</article></body></html>",
    )
    write(
        "in/c.jsonl",
        json.dumps({"id": "c1", "text": TEXTS["astral"], "published": "2026-06-01"},
                   ensure_ascii=False) + "\n",
    )
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["analyze", str(tmp_path / "in"), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["id"], r["meta"]["format"]) for r in records] == [
        ("a", "text"), ("b", "html"), ("c1", "jsonl"),
    ]
    for record in records:
        check(record, validator)
        assert record["attributions"], record["id"]
    assert records[1]["meta"]["outlet"] == "Valley Times"
    assert records[1]["text"].startswith("Road closed, police say\n")
    assert records[2]["meta"]["line"] == 1


# -- the schema rejects what the contract forbids (so passing it means something) ----------


def minimal_record() -> dict[str, Any]:
    text = "Police said the road was closed."
    return {
        "schema": SCHEMA_ID,
        "id": "x",
        "text": text,
        "meta": {},
        "producer": {"sayso": "0", "spacy_pipeline": "p", "attribution_model": "m"},
        "attributions": [
            {
                "id": "a1",
                "kind": "indirect",
                "confidence": 0.5,
                "source": {"spans": [[0, 6]], "text": "Police"},
                "cue": {"spans": [[7, 11]], "text": "said"},
                "content": {"spans": [[12, 31]], "text": "the road was closed"},
            }
        ],
    }


def test_hand_written_record_is_valid(validator: Draft202012Validator) -> None:
    check(minimal_record(), validator)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("schema",), "sayso.article/2"),
        (("attributions", 0, "kind"), "reported"),
        (("attributions", 0, "confidence"), 1.5),
        (("attributions", 0, "cue", "spans"), [[7]]),
        (("attributions", 0, "cue", "spans"), [[7, 11, 12]]),
        (("attributions", 0, "cue", "spans"), [[-1, 4]]),
        (("attributions", 0, "id"), "x1"),
        (("attributions", 0, "cue", "extra"), "field"),
        (("meta", "format"), "pdf"),
        (("id",), ""),
    ],
)
def test_schema_rejects(
    validator: Draft202012Validator, path: tuple[str | int, ...], value: object
) -> None:
    record = minimal_record()
    target: Any = record
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(ValidationError):
        validator.validate(record)


def test_contract_checks_catch_bad_offsets() -> None:
    record = minimal_record()
    record["attributions"][0]["cue"]["spans"] = [[7, 12]]  # "said " != "said"
    record["attributions"][0]["content"]["spans"] = [[12, 99]]
    problems = list(contract_violations(record))
    assert any("cue text" in p for p in problems)
    assert any("out of range" in p for p in problems)


# -- docs/contract.md documents what the schema has -----------------------------------------


def schema_fields(schema: dict[str, Any]) -> set[str]:
    names: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            names.update(node.get("properties", {}))
            for child in node.values():
                walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(schema)
    return names


def test_every_schema_field_is_documented() -> None:
    doc = (ROOT / "docs" / "contract.md").read_text(encoding="utf-8")
    fields = schema_fields(json_schema())
    assert {"schema", "spans", "kind", "outlet", "attribution_model"} <= fields
    missing = sorted(f for f in fields if not re.search(rf"`{re.escape(f)}`", doc))
    assert not missing, f"docs/contract.md does not document {missing}"
    assert f"`{SCHEMA_ID}`" in doc
    assert f'"{FRAGMENT_JOINER}"' in doc
