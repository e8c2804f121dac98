"""Readers: every format gives the text exactly as it will be indexed, plus the right id and meta.

No model is loaded here; inputs are fictional and written to ``tmp_path``.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from sayso.contract import Article
from sayso.errors import InputError
from sayso.readers import folder_files, read_inputs, read_jsonl

Write = Callable[[str, str | bytes], Path]

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Ferry strike ends, union says | The Harbour Gazette</title>
<meta property="og:title" content="{og_title}">
<meta property="og:site_name" content="The Harbour Gazette">
<meta name="author" content="Mira Okafor">
<meta property="article:published_time" content="2026-03-14T09:30:00Z">
<link rel="canonical" href="https://gazette.invalid/ferry-strike">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>{h1}
<p>The ferry workers' union said on Saturday that its members would return to work on Monday
after a week-long strike over pay.</p>
<p>"We have an agreement that our members can live with," said Tomas Brekke, the union's
chair, speaking outside the harbour office.</p>
<p>The operator, Fjordline Coastal, confirmed that the first sailing would leave at six in
the morning and that timetables would be back to normal by Wednesday.</p>
</article><footer>© 2026 The Harbour Gazette. All rights reserved.</footer></body></html>"""


def articles(paths: list[str]) -> list[Article]:
    """Read and insist nothing failed, so a reader error shows up as a clear test failure."""
    items = list(read_inputs(paths))
    errors = [i for i in items if isinstance(i, InputError)]
    assert not errors, errors
    return [i for i in items if isinstance(i, Article)]


# -- plain text -----------------------------------------------------------------------------


def test_txt_is_read_verbatim(write: Write) -> None:
    """Offsets index the decoded text, so leading space, CRLF and trailing blanks must stay."""
    raw = "  \r\nThe mayor said the bridge was safe.\r\n\r\n\t“Quite safe,” she added.  \n\n"
    path = write("bridge.txt", raw)
    [article] = articles([str(path)])
    assert article.text == raw
    assert article.id == "bridge"
    assert article.meta == {"path": str(path), "format": "text"}


def test_txt_utf8_bom_is_dropped_but_nothing_else(write: Write) -> None:
    """A BOM is encoding, not text; keeping it would shift every offset by one."""
    path = write("bom.txt", b"\xef\xbb\xbf  Caf\xc3\xa9 owners said prices would rise.\n")
    [article] = articles([str(path)])
    assert article.text == "  Café owners said prices would rise.\n"


def test_txt_keeps_unnormalised_unicode(write: Write) -> None:
    """No NFC normalisation: a decomposed é is two code points and must stay two."""
    raw = "Cafe\u0301 owners 🙂 said prices would rise."
    [article] = articles([str(write("nfd.txt", raw))])
    assert article.text == raw
    assert len(article.text) == len(raw)


def test_file_without_suffix_given_explicitly_is_text(write: Write) -> None:
    path = write("NOTES", "The clerk said the archive was closed.")
    [article] = articles([str(path)])
    assert (article.id, article.meta["format"]) == ("NOTES", "text")


# -- HTML -----------------------------------------------------------------------------------


def test_html_text_and_metadata(write: Write) -> None:
    page = PAGE.format(og_title="Ferry strike ends, union says", h1="")
    [article] = articles([str(write("ferry.html", page))])
    assert article.id == "ferry"
    assert article.meta["title"] == "Ferry strike ends, union says"
    assert article.meta["outlet"] == "The Harbour Gazette"
    assert article.meta["published"] == "2026-03-14"
    assert article.meta["author"] == "Mira Okafor"
    assert article.meta["url"] == "https://gazette.invalid/ferry-strike"
    assert article.meta["format"] == "html"
    assert "Tomas Brekke" in article.text
    assert "Home" not in article.text  # navigation is boilerplate, not article text
    assert "All rights reserved" not in article.text


def test_html_headline_is_prepended_once(write: Write) -> None:
    """The headline leads the text (it carries attributions), on its own line, exactly once."""
    page = PAGE.format(og_title="Ferry strike ends, union says", h1="")
    [article] = articles([str(write("a.html", page))])
    assert article.text.startswith("Ferry strike ends, union says\nThe ferry workers' union")
    assert article.text.count("Ferry strike ends, union says") == 1


def test_html_headline_not_duplicated_when_body_has_it(write: Write) -> None:
    page = PAGE.format(
        og_title="Ferry strike ends, union says", h1="<h1>Ferry strike ends, union says</h1>"
    )
    [article] = articles([str(write("b.htm", page))])
    assert article.text.startswith("Ferry strike ends, union says\n")
    assert article.text.count("Ferry strike ends, union says") == 1
    assert article.id == "b"


def test_html_headline_differing_only_in_spacing_or_case_is_not_repeated(write: Write) -> None:
    page = PAGE.format(
        og_title="Ferry strike ends, union says", h1="<h1>Ferry  Strike Ends,\n union says</h1>"
    )
    [article] = articles([str(write("d.html", page))])
    assert article.text.casefold().count("union says") == 1
    assert article.meta["title"] == "Ferry strike ends, union says"


def test_html_offsets_index_the_returned_text(write: Write) -> None:
    """Whatever the reader prepends, ``text[s:e]`` finds the words where ``find`` says."""
    page = PAGE.format(og_title="Ferry strike ends, union says", h1="")
    [article] = articles([str(write("c.html", page))])
    start = article.text.index("Tomas Brekke")
    assert article.text[start : start + len("Tomas Brekke")] == "Tomas Brekke"
    assert article.text == article.text.strip()


@pytest.mark.parametrize("label", ["windows-1252", "ISO-8859-1", "latin1"])
def test_html_in_a_declared_legacy_charset(write: Write, label: str) -> None:
    """Saved pages are often windows-1252; browsers read latin-1 labels as windows-1252."""
    page = (
        f'<html><head><meta charset="{label}"><title>Caf\xe9 prices</title></head><body>'
        "<article><p>\x93Prices will rise,\x94 said the caf\xe9 owner, Ren\xe9e Dubois, "
        "on Tuesday morning.</p></article></body></html>"
    ).encode("latin-1")
    [article] = articles([str(write("legacy.html", page))])
    assert "“Prices will rise,” said the café owner, Renée Dubois" in article.text
    assert article.meta["title"] == "Café prices"


def test_html_charset_in_http_equiv(write: Write) -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'
        "</head><body><article><p>\xf0\xd2\xc9\xd7\xc5\xd4, said the visitor from the "
        "harbour office on Tuesday.</p></article></body></html>"
    ).encode("latin-1")
    [article] = articles([str(write("koi.html", page))])
    assert article.text.startswith("Привет, said the visitor")


# -- JSONL ----------------------------------------------------------------------------------


def test_jsonl_fields_ids_and_verbatim_text(write: Write) -> None:
    lines = [
        {"id": "n1", "text": "  The coach said the team was ready.\n", "title": "Ready",
         "outlet": "Valley Times", "published": "2026-05-02", "url": "https://vt.invalid/1"},
        {"text": "Officials said the pool would reopen."},
        {"id": 42, "text": "The baker said bread prices would fall."},
    ]
    path = write("batch.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n")
    a, b, c = articles([str(path)])
    assert a.id == "n1"
    assert a.text == "  The coach said the team was ready.\n"  # not stripped
    assert a.meta["title"] == "Ready"
    assert a.meta["outlet"] == "Valley Times"
    assert a.meta["published"] == "2026-05-02"
    assert a.meta["url"] == "https://vt.invalid/1"
    assert (a.meta["path"], a.meta["line"], a.meta["format"]) == (str(path), 1, "jsonl")
    assert b.id == "batch-2"  # no id: the file name, made unique by the line number
    assert b.meta["title"] is None
    assert c.id == "42"


def test_jsonl_line_separators_inside_strings_do_not_split_lines(write: Write) -> None:
    """``json.dumps(ensure_ascii=False)`` writes U+2028 and U+0085 raw; they are not newlines."""
    text = "The ranger said\u2028the trail\u0085was closed."
    row = json.dumps({"id": "x", "text": text}, ensure_ascii=False)
    [article] = articles([str(write("sep.jsonl", row + "\n"))])
    assert article.text == text


def test_jsonl_crlf_blank_lines_and_line_numbers(write: Write) -> None:
    data = b'{"text": "First, the vet said."}\r\n\r\n   \r\n{"text": "Then the nurse said."}\r\n'
    first, second = articles([str(write("crlf.jsonl", data))])
    assert (first.text, first.meta["line"]) == ("First, the vet said.", 1)
    assert (second.text, second.meta["line"]) == ("Then the nurse said.", 4)


# -- folders, order, stdin ------------------------------------------------------------------


def test_folder_is_recursive_sorted_and_skips_hidden_and_unsupported(write: Write) -> None:
    root = write("corpus/b.txt", "B said so.").parent
    write("corpus/a.txt", "A said so.")
    write("corpus/sub/c.jsonl", '{"id": "c1", "text": "C said so."}\n')
    write("corpus/sub/d.HTML", PAGE.format(og_title="D", h1=""))
    write("corpus/README.md", "# not an article")
    write("corpus/.hidden.txt", "hidden said so.")
    write("corpus/.git/notes.txt", "git said so.")
    write("corpus/sub/.ipynb_checkpoints/e.txt", "checkpoint said so.")
    assert [p.relative_to(root).as_posix() for p in folder_files(root)] == [
        "a.txt", "b.txt", "sub/c.jsonl", "sub/d.HTML",
    ]
    assert [a.id for a in articles([str(root)])] == ["a", "b", "c1", "d"]


def test_inputs_keep_argument_order(write: Write) -> None:
    z = write("z.txt", "Zed said so.")
    a = write("a.txt", "Ay said so.")
    assert [x.id for x in articles([str(z), str(a), str(z)])] == ["z", "a", "z"]


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"  The pilot said the runway was icy.\n")
    [article] = articles(["-"])
    assert (article.id, article.text) == ("stdin", "  The pilot said the runway was icy.\n")


def test_stdin_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b'{"id": "p", "text": "The pilot said so."}\n{"text": "He agreed."}\n')
    first, second = articles(["-"])
    assert (first.id, second.id) == ("p", "stdin-2")
    assert second.meta["format"] == "jsonl"


def test_stdin_starting_with_a_brace_is_still_text(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"{Editor's note} The pilot said so.\nA second line.\n")
    [article] = articles(["-"])
    assert article.meta["format"] == "text"


def test_jsonl_is_streamed_line_by_line() -> None:
    """A huge JSONL corpus must not be read whole: the first article comes before line 2 is read."""
    consumed: list[int] = []

    def lines() -> Iterator[bytes]:
        for n in range(1, 4):
            consumed.append(n)
            yield json.dumps({"id": f"a{n}", "text": f"Story {n}."}).encode() + b"\n"

    stream = read_jsonl(lines(), "corpus.jsonl")
    first = next(stream)
    assert isinstance(first, Article) and first.id == "a1"
    assert consumed == [1]
    assert [item.id for item in stream if isinstance(item, Article)] == ["a2", "a3"]
