"""Bad input: one coded line naming the input, never a traceback, and the rest still analysed.

Reader-level tests need no model; the CLI-level ones run the real pipeline on small texts
(plus one 5 MB article) and are marked ``model``.
"""

from __future__ import annotations

import json
import re
import string
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from sayso import readers
from sayso.analyze import MAX_CHUNK_CHARS
from sayso.cli import app
from sayso.contract import Article
from sayso.errors import Errors, InputError
from sayso.readers import read_inputs

Write = Callable[[str, str | bytes], Path]
ROOT = Path(__file__).resolve().parent.parent

GOOD = "The harbour master said the ferry would sail at noon.\n"
NO_BODY_PAGE = """<html><head><title>The Harbour Gazette</title></head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<main><div class="grid"><a href="/a1">Ferry strike ends</a><a href="/a2">Fees rise</a></div></main>
<footer><p>© 2026 The Harbour Gazette. All rights reserved.</p></footer></body></html>"""

# name, content, expected code: one entry per kind of bad file the issue lists, and more.
BAD_FILES: list[tuple[str, bytes, Errors]] = [
    ("empty.txt", b"", Errors.E002),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", Errors.E003),
    ("utf16.txt", "The mayor said so.".encode("utf-16"), Errors.E003),
    ("latin1.txt", "Caf\xe9 owners said prices would rise.".encode("latin-1"), Errors.E004),
    ("blank.txt", b"  \n\t\r\n  ", Errors.E011),
    ("nobody.html", NO_BODY_PAGE.encode(), Errors.E005),
    ("undeclared.html", b"<html><body><p>Caf\xe9 owners said so.</p></body></html>", Errors.E004),
    ("lying.html", b'<meta charset="utf-8"><p>Caf\xe9 owners said so.</p>', Errors.E004),
    ("bogus.html", b'<meta charset="x-klingon"><p>Caf\xe9 owners said so.</p>', Errors.E004),
    ("empty.html", b"", Errors.E002),
    ("blank.jsonl", b"\n  \n\n", Errors.E002),
    ("scan.pdf", b"%PDF-1.7", Errors.E009),
]


def items(paths: list[str | Path]) -> list[Article | InputError]:
    return list(read_inputs([str(p) for p in paths]))


def only_error(result: list[Article | InputError]) -> InputError:
    assert len(result) == 1, result
    [item] = result
    assert isinstance(item, InputError), item
    return item


# -- readers --------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "content", "code"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_file_gives_one_coded_error_naming_it(
    write: Write, name: str, content: bytes, code: Errors
) -> None:
    path = write(name, content)
    exc = only_error(items([path]))
    assert exc.code is code
    assert exc.where == str(path)
    assert str(exc).startswith(f"{code.name}: ")
    assert str(path) in str(exc)


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope" / "gone.txt"
    exc = only_error(items([missing]))
    assert (exc.code, exc.where) == (Errors.E001, str(missing))


def test_folder_without_articles(write: Write) -> None:
    folder = write("notes/README.md", "# nothing to analyse").parent
    exc = only_error(items([folder]))
    assert (exc.code, exc.where) == (Errors.E012, str(folder))


def test_unreadable_file(write: Write, monkeypatch: pytest.MonkeyPatch) -> None:
    """Permission bits do not stop root, so the OSError is injected."""
    path = write("locked.txt", GOOD)

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    exc = only_error(items([path]))
    assert exc.code is Errors.E010
    assert "Permission denied" in str(exc)


def test_html_parser_crash_is_coded(write: Write, monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    def explode(*args: object, **kwargs: object) -> None:
        raise ValueError("document is empty")

    monkeypatch.setattr(trafilatura, "bare_extraction", explode)
    path = write("odd.html", "<html><body><p>The mayor said so.</p></body></html>")
    exc = only_error(items([path]))
    assert exc.code is Errors.E013
    assert "ValueError: document is empty" in str(exc)


def test_broken_trafilatura_install_is_coded(write: Write, monkeypatch: pytest.MonkeyPatch) -> None:
    """lxml >= 5.2 without lxml_html_clean breaks ``import trafilatura``; say so per file."""
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # makes the import raise ImportError
    path = write("page.html", "<html><body><p>The mayor said so.</p></body></html>")
    exc = only_error(items([path]))
    assert exc.code is Errors.E014


def test_bad_jsonl_lines_are_skipped_and_the_rest_read(write: Write) -> None:
    data = b"\n".join(
        [
            b'{"id": "ok1", "text": "The vet said the dog was fine."}',
            b'{"id": "broken", "text": "unterminated',
            b'{"id": "notext", "title": "No text here"}',
            b'{"id": "emptytext", "text": "   "}',
            b'{"id": "badtitle", "text": "The nurse said so.", "title": 7}',
            b'{"id": ["list"], "text": "The nurse said so."}',
            b'["not", "an", "object"]',
            b'{"id": "latin1", "text": "Caf\xe9 owners said so."}',
            b'{"id": "ok2", "text": "The nurse said the ward was full."}',
        ]
    )
    path = write("mixed.jsonl", data)
    result = items([path])
    good = [i.id for i in result if isinstance(i, Article)]
    bad = [(i.code, i.where) for i in result if isinstance(i, InputError)]
    assert good == ["ok1", "ok2"]
    assert bad == [
        (Errors.E006, f"{path}:2"),
        (Errors.E007, f"{path}:3"),
        (Errors.E007, f"{path}:4"),
        (Errors.E008, f"{path}:5"),
        (Errors.E008, f"{path}:6"),
        (Errors.E007, f"{path}:7"),
        (Errors.E004, f"{path}:8"),
    ]
    assert "field 'title'" in str(next(i for i in result if isinstance(i, InputError) and
                                       i.where == f"{path}:5"))


def test_closed_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    """A process started without standard input has ``sys.stdin is None``."""
    monkeypatch.setattr(sys, "stdin", None)
    exc = only_error(items(["-"]))
    assert (exc.code, exc.where) == (Errors.E010, "stdin")


def test_binary_jsonl_is_one_error_not_one_per_line(write: Write) -> None:
    path = write("blob.jsonl", b'{"text": "a"}\n\x00\x01\x02\n' * 50)
    assert only_error(items([path])).code is Errors.E003


def test_errors_do_not_stop_later_inputs(write: Write, tmp_path: Path) -> None:
    empty = write("empty.txt", b"")
    good = write("good.txt", GOOD)
    result = items([tmp_path / "missing.txt", empty, good])
    assert [type(i).__name__ for i in result] == ["InputError", "InputError", "Article"]


# -- the CLI --------------------------------------------------------------------------------


@pytest.fixture
def mixed_folder(write: Write) -> tuple[Path, list[tuple[str, Errors]]]:
    """Two good articles and one of every bad file kind, in one folder; also the expected errors."""
    root = write("in/a-good.txt", GOOD).parent
    write("in/b-good.jsonl", '{"id": "b1", "text": "The vet said the dog was fine."}\n{oops\n')
    expected = [(str(root / "b-good.jsonl") + ":2", Errors.E006)]
    for name, content, code in BAD_FILES:
        if code is not Errors.E009:  # folders skip unsupported suffixes by design
            write(f"in/{name}", content)
            expected.append((str(root / name), code))
    return root, expected


def stderr_lines(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if ln.strip()]


@pytest.mark.model
def test_cli_reports_each_bad_input_once_and_analyses_the_rest(
    mixed_folder: tuple[Path, list[tuple[str, Errors]]], tmp_path: Path
) -> None:
    root, expected = mixed_folder
    missing = tmp_path / "missing.txt"
    result = CliRunner().invoke(app, ["analyze", str(root), str(missing)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == ["a-good", "b1"]
    assert all(r["attributions"] for r in records)
    lines = stderr_lines(result.stderr)
    expected = [*expected, (str(missing), Errors.E001)]
    errors = [ln for ln in lines if re.match(r"E0\d\d: ", ln)]
    assert len(errors) == len(expected), lines
    for where, code in expected:
        [line] = [ln for ln in errors if ln.endswith(f"({where})")]
        assert line.startswith(f"{code.name}: ")
    assert lines[-1] == f"2 articles analysed, {len(expected)} inputs failed"
    assert "Traceback" not in result.stderr


@pytest.mark.model
def test_cli_all_good_exits_zero(write: Write) -> None:
    path = write("fine.txt", GOOD)
    result = CliRunner().invoke(app, ["analyze", str(path)])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert json.loads(result.stdout)["id"] == "fine"


@pytest.mark.model
def test_installed_sayso_command_prints_no_traceback(
    mixed_folder: tuple[Path, list[tuple[str, Errors]]], tmp_path: Path
) -> None:
    """The real console script in a real process: what a user's terminal would show."""
    root, expected = mixed_folder
    sayso = Path(sys.executable).parent / "sayso"
    assert sayso.exists(), "run `pip install -e .` so the console script exists"
    proc = subprocess.run(
        [str(sayso), "analyze", str(root), str(tmp_path / "missing.txt")],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    lines = stderr_lines(proc.stderr)
    assert all(re.match(r"E0\d\d: .* \(.+\)$", ln) for ln in lines[:-1]), lines
    assert len(lines) == len(expected) + 2  # every error, the missing path, the summary
    assert lines[-1] == f"2 articles analysed, {len(expected) + 1} inputs failed"
    assert len(proc.stdout.splitlines()) == 2


@pytest.mark.model
def test_cli_stdin_text_and_bad_stdin() -> None:
    """``-`` reads standard input; an empty one is a coded error naming ``stdin``."""
    good = CliRunner().invoke(app, ["analyze", "-"], input=GOOD)
    assert good.exit_code == 0, good.stderr
    assert json.loads(good.stdout)["id"] == "stdin"
    empty = CliRunner().invoke(app, ["analyze", "-"], input="")
    assert empty.exit_code == 1
    assert stderr_lines(empty.stderr)[0].startswith("E002: ")
    assert stderr_lines(empty.stderr)[0].endswith("(stdin)")


def test_cli_names_inputs_with_brackets_verbatim(tmp_path: Path) -> None:
    """Paths are data, not markup: an odd file name must be printed as it is."""
    draft = tmp_path / "[draft] notes.txt"
    draft.write_bytes(b"")
    closing = tmp_path / "[/x].txt"  # does not exist: E001
    result = CliRunner().invoke(app, ["analyze", str(draft), str(closing)])
    assert "Traceback" not in result.stderr
    assert result.exit_code == 1
    lines = stderr_lines(result.stderr)
    assert lines[0].endswith(f"({draft})")
    assert lines[1].endswith(f"({closing})")


# -- the 5 MB article -----------------------------------------------------------------------


def long_article() -> tuple[str, list[str]]:
    """A >5,000,000-character article of many short paragraphs; returns it and its speakers.

    Filler paragraphs are one long token and a full stop, so the parser's work (and the
    test's time) stays small while the character count is far beyond spaCy's limit.
    Attributions sit at the start, around chunk boundaries, and in the very last line.
    """
    filler = "Tidelog" + "x" * 480 + ".\n\n"
    parts: list[str] = []
    speakers: list[str] = []
    size = 0
    i = 0
    while size < 5_000_000:
        if i % 400 == 0:
            speaker = f"Inspector{len(speakers)}"
            speakers.append(speaker)
            part = f"{speaker} said the ferry would sail at noon.\n\n"
        else:
            part = filler
        parts.append(part)
        size += len(part)
        i += 1
    speakers.append("Witness")
    parts.append("The last Witness said the storm had passed.")  # no final newline: offsets end
    return "".join(parts), speakers


@pytest.mark.model
def test_five_megabyte_article_is_analysed_whole(write: Write, nlp: Language) -> None:
    """Beyond ``nlp.max_length``: analysed in chunks, written as one record, offsets intact."""
    text, speakers = long_article()

    assert len(text) > 5_000_000 > nlp.max_length  # the default limit is still in force
    path = write("huge.txt", text)
    out = path.parent / "huge.jsonl"
    result = CliRunner().invoke(app, ["analyze", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["text"] == text
    sources = " ".join(a["source"]["text"] for a in record["attributions"])
    found = [s for s in speakers if s in sources]
    assert len(found) >= 0.9 * len(speakers), sorted(set(speakers) - set(found))
    cue_starts = [a["cue"]["spans"][0][0] for a in record["attributions"]]
    for band in range(0, len(text), 1_000_000):  # found in every megabyte, not just the first
        assert any(band <= s < band + 1_000_000 for s in cue_starts), band
    for a in record["attributions"]:
        for role in ("source", "cue", "content"):
            spans = a[role]["spans"]
            assert " … ".join(text[s:e] for s, e in spans) == a[role]["text"]
    last = record["attributions"][-1]
    assert last["cue"]["spans"] == [[text.rindex("said"), text.rindex("said") + 4]]
    assert last["content"]["text"] == "the storm had passed"
    assert last["cue"]["spans"][0][0] > len(text) - 100
    assert len(text) // MAX_CHUNK_CHARS >= 50  # it really went through many chunks


# -- docs -----------------------------------------------------------------------------------


def test_every_error_code_is_documented() -> None:
    """Like datasette's test_docs: a code users can see must have a section in docs/errors.md."""
    doc = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    documented = re.findall(r"^## (E\d{3})\b", doc, flags=re.MULTILINE)
    assert sorted(documented) == sorted(e.name for e in Errors)
    assert len(documented) == len(set(documented))


@pytest.mark.parametrize("code", list(Errors), ids=lambda c: c.name)
def test_every_message_renders(code: Errors) -> None:
    """A typo in a placeholder would raise KeyError in the middle of reporting an error."""
    fields = {name for _, name, _, _ in string.Formatter().parse(code.value) if name}
    text = code.fmt(**dict.fromkeys(fields, "X"))
    assert text.startswith(f"{code.name}: ")
    assert "{" not in text


def test_reader_suffixes_are_documented() -> None:
    doc = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    for suffix in sorted(readers.SUPPORTED_SUFFIXES - {""}):
        assert f"`{suffix}`" in doc, suffix
