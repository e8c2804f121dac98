"""Turning paths into :class:`~sayso.contract.Article` objects, one reader per format.

Readers never stop a run on bad input: :func:`read_inputs` yields an :class:`InputError`
in the article's place, so the caller can report it and go on with the rest.

Offsets in the output index ``Article.text``, so every reader returns exactly the text it
wants analysed: plain text as decoded (never stripped or normalised), HTML as the text
trafilatura extracted (headline first), JSONL as the ``text`` field verbatim.
"""

from __future__ import annotations

import codecs
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .contract import Article
from .errors import Errors, InputError

TEXT_SUFFIXES = frozenset({".txt", ".text", ""})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
JSONL_OPTIONAL = ("title", "outlet", "published", "url", "author")
"""Optional JSONL fields copied into ``meta``; each must be a string or null."""

TITLE_SEPARATOR = "\n"
"""Between a prepended HTML headline and the body: trafilatura's own paragraph separator."""

STDIN = "-"

Item = Article | InputError


def decode(data: bytes, where: str) -> str:
    """Strict UTF-8 (a BOM is dropped, nothing else is touched); coded errors otherwise."""
    if not data:
        raise InputError(Errors.E002, where)
    if b"\x00" in data:
        raise InputError(Errors.E003, where)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(Errors.E004, where, detail=f"byte {exc.start}: {exc.reason}") from None


def read_text(data: bytes, id: str, where: str) -> Article:
    """A plain-text article: offsets index the decoded text, unstripped and unnormalised."""
    text = decode(data, where)
    if not text.strip():
        raise InputError(Errors.E011, where)
    return Article(id=id, text=text, meta={"path": where, "format": "text"})


def _extract_html(html: str, where: str) -> dict[str, Any] | None:
    """trafilatura's main-text extraction, its failures turned into coded errors."""
    try:
        import trafilatura  # lazy: importing it costs half a second
    except ImportError as exc:  # e.g. lxml without lxml_html_clean: say so, per file
        raise InputError(Errors.E014, where, detail=str(exc).splitlines()[0]) from None
    try:
        extracted = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, favor_precision=True
        )
    except Exception as exc:  # lxml and trafilatura raise many types on broken markup
        raise InputError(Errors.E013, where, detail=f"{type(exc).__name__}: {exc}") from None
    if extracted is None:
        return None
    # trafilatura >= 2.0 returns a Document; 1.x returned a dict.
    return extracted if isinstance(extracted, dict) else extracted.as_dict()


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)


def decode_html(data: bytes, where: str) -> str:
    """UTF-8, else the charset the page declares in a ``<meta>`` tag (old pages are often
    windows-1252); offsets index the extracted text, never these bytes, so either is safe.
    """
    try:
        return decode(data, where)
    except InputError as exc:
        if exc.code is not Errors.E004 or not (declared := _META_CHARSET.search(data[:4096])):
            raise
        try:
            name = codecs.lookup(declared.group(1).decode("ascii")).name
        except LookupError:
            raise exc from None
        # As browsers do (WHATWG Encoding): latin-1 and ASCII labels mean windows-1252.
        candidates = ["cp1252", "latin-1"] if name in ("iso8859-1", "ascii", "cp1252") else [name]
        for candidate in candidates:
            if candidate == "utf-8":
                break
            try:
                return data.decode(candidate)
            except UnicodeDecodeError:
                continue
        raise exc from None


def _squash(line: str) -> str:
    """A headline compared loosely: an ``<h1>`` may differ from ``og:title`` in spacing or case."""
    return " ".join(line.split()).casefold()


def read_html(data: bytes, id: str, where: str) -> Article:
    """The main text and metadata of a news page, extracted by trafilatura.

    The headline is prepended (on its own line) when the body does not already start with
    it, because headlines carry attributions too ("Union says strike is over"). Offsets
    index this returned text, so they stay valid; ``meta.title`` keeps the headline alone.
    """
    html = decode_html(data, where)
    doc = _extract_html(html, where) or {}
    body = (doc.get("text") or "").strip()
    if not body:
        raise InputError(Errors.E005, where)
    title = (doc.get("title") or "").strip() or None
    text = body
    if title and _squash(body.split("\n", 1)[0]) != _squash(title):
        text = f"{title}{TITLE_SEPARATOR}{body}"
    meta = {
        "title": title,
        "outlet": doc.get("sitename"),
        "published": doc.get("date"),
        "author": doc.get("author"),
        "url": doc.get("url"),
        "path": where,
        "format": "html",
    }
    return Article(id=id, text=text, meta=meta)


def _jsonl_article(raw: bytes, stem: str, where: str, lineno: int) -> Item | None:
    """One JSONL line as an article, an error, or None for a blank line."""
    here = f"{where}:{lineno}"
    try:
        line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        return InputError(Errors.E004, here, detail=f"byte {exc.start}: {exc.reason}")
    if not line.strip():
        return None
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError(Errors.E006, here, line=lineno, detail=exc.msg)
    text = obj.get("text") if isinstance(obj, dict) else None
    if not isinstance(text, str) or not text.strip():
        return InputError(Errors.E007, here, line=lineno)
    raw_id = obj.get("id")
    # Integer ids are common in exported corpora; anything else that is not a string is a
    # mistake the user should hear about rather than a silently stringified value.
    if raw_id is not None and not (
        isinstance(raw_id, str) or (isinstance(raw_id, int) and not isinstance(raw_id, bool))
    ):
        return InputError(Errors.E008, here, line=lineno, field="id")
    bad = [k for k in JSONL_OPTIONAL if obj.get(k) is not None and not isinstance(obj[k], str)]
    if bad:
        return InputError(Errors.E008, here, line=lineno, field=bad[0])
    meta: dict[str, Any] = {k: obj.get(k) for k in JSONL_OPTIONAL}
    meta.update(path=where, line=lineno, format="jsonl")
    article_id = str(raw_id) if raw_id is not None and str(raw_id) else f"{stem}-{lineno}"
    return Article(id=article_id, text=text, meta=meta)


SNIFF_BYTES = 8192
"""How much of a file is checked for NUL bytes before it is streamed (as git sniffs binaries)."""


def sniff(head: bytes, where: str) -> InputError | None:
    """The error for an empty or binary file, judged from its first bytes; None if fine."""
    if not head:
        return InputError(Errors.E002, where)
    if b"\x00" in head[:SNIFF_BYTES]:
        return InputError(Errors.E003, where)
    return None


def read_jsonl(lines: Iterable[bytes], where: str) -> Iterator[Item]:
    """One article a line, streamed; a bad line is reported and skipped, the others are read.

    ``lines`` are raw lines as a binary file yields them: split on ``\\n`` only
    (``str.splitlines`` would also split inside a JSON string holding U+2028 or U+0085,
    which ``json.dumps(ensure_ascii=False)`` writes raw). Each line is decoded on its own,
    so one bad byte costs one line, not the file, and a corpus of any size reads in
    constant memory. An article without an ``id`` is named ``<file stem>-<line number>``.
    """
    stem = Path(where).stem
    found = False
    for lineno, raw in enumerate(lines, 1):
        item = _jsonl_article(raw.rstrip(b"\n").rstrip(b"\r"), stem, where, lineno)
        if item is not None:
            found = True
            yield item
    if not found:
        yield InputError(Errors.E002, where)


def _stream_jsonl(path: Path, where: str) -> Iterator[Item]:
    with path.open("rb") as fh:
        error = sniff(fh.read(SNIFF_BYTES), where)
        if error:
            yield error
            return
        fh.seek(0)
        yield from read_jsonl(fh, where)


def read_file(path: Path) -> Iterator[Item]:
    """All articles in one file, by its suffix; the article id is the file name's stem."""
    where = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        yield InputError(Errors.E009, where, suffix=suffix)
        return
    try:
        if suffix in JSONL_SUFFIXES:
            yield from _stream_jsonl(path, where)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(Errors.E010, where, detail=exc.strerror or str(exc))
        return
    reader = read_html if suffix in HTML_SUFFIXES else read_text
    try:
        yield reader(data, path.stem, where)
    except InputError as exc:
        yield exc


def read_stdin() -> Iterator[Item]:
    """``-``: standard input, as JSONL when every non-blank line is an object, else as text."""
    try:
        data = sys.stdin.buffer.read()
    except (AttributeError, OSError) as exc:  # stdin closed (None) or unreadable
        yield InputError(Errors.E010, "stdin", detail=str(exc))
        return
    lines = [ln for ln in data.split(b"\n") if ln.strip()]
    if lines and all(ln.lstrip(b"\xef\xbb\xbf \t").startswith(b"{") for ln in lines):
        error = sniff(data, "stdin")
        yield from [error] if error else read_jsonl(data.split(b"\n"), "stdin")
        return
    try:
        yield read_text(data, "stdin", "stdin")
    except InputError as exc:
        yield exc


def folder_files(folder: Path) -> list[Path]:
    """Readable files under ``folder``, recursively, sorted; hidden files and folders skipped.

    Hidden means any part of the path below ``folder`` starts with a dot (``.git``,
    ``.ipynb_checkpoints``), so editor and tool droppings are never analysed.
    """
    found = []
    for p in folder.rglob("*"):
        rel = p.relative_to(folder).parts
        if any(part.startswith(".") for part in rel) or not p.is_file():
            continue
        suffix = p.suffix.lower()
        if suffix and suffix in SUPPORTED_SUFFIXES:
            found.append(p)
    return sorted(found)


def read_inputs(paths: list[str]) -> Iterator[Item]:
    """Every article under ``paths`` in a stable order: folders recursively, sorted."""
    for raw in paths:
        if raw == STDIN:
            yield from read_stdin()
            continue
        path = Path(raw)
        if path.is_dir():
            files = folder_files(path)
            if not files:
                yield InputError(Errors.E012, raw)
            for child in files:
                yield from read_file(child)
        elif path.exists():
            yield from read_file(path)
        else:
            yield InputError(Errors.E001, raw)
