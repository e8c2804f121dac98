"""Turning paths into :class:`~sayso.contract.Article` objects, one reader per format.

Readers never stop a run on bad input: :func:`read_inputs` yields an :class:`InputError`
in the article's place, so the caller can report it and go on with the rest.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .contract import Article
from .errors import Errors, InputError

TEXT_SUFFIXES = frozenset({".txt", ".text", ""})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
JSONL_OPTIONAL = ("id", "title", "outlet", "published", "url", "author")

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


def read_html(data: bytes, id: str, where: str) -> Article:
    """The main text and metadata of a news page, extracted by trafilatura."""
    import trafilatura  # lazy: importing it costs half a second

    html = decode(data, where)
    extracted = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, favor_precision=True
    )
    doc = extracted.as_dict() if hasattr(extracted, "as_dict") else (extracted or {})
    text = (doc.get("text") or "").strip()
    if not text:
        raise InputError(Errors.E005, where)
    meta = {
        "title": doc.get("title"),
        "outlet": doc.get("sitename"),
        "published": doc.get("date"),
        "author": doc.get("author"),
        "url": doc.get("url"),
        "path": where,
        "format": "html",
    }
    if meta["title"] and not text.startswith(meta["title"]):
        text = f"{meta['title']}\n\n{text}"  # headlines carry attributions too
    return Article(id=id, text=text, meta=meta)


def read_jsonl(data: bytes, where: str) -> Iterator[Item]:
    """One article a line; a bad line is reported and skipped, the others are read."""
    try:
        content = decode(data, where)
    except InputError as exc:
        yield exc
        return
    stem = Path(where).stem
    for lineno, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            continue
        here = f"{where}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(Errors.E006, here, line=lineno, detail=exc.msg)
            continue
        text = obj.get("text") if isinstance(obj, dict) else None
        if not isinstance(text, str) or not text.strip():
            yield InputError(Errors.E007, here, line=lineno)
            continue
        bad = [k for k in JSONL_OPTIONAL if obj.get(k) is not None and not isinstance(obj[k], str)]
        if bad:
            yield InputError(Errors.E008, here, line=lineno, field=bad[0])
            continue
        meta: dict[str, Any] = {k: obj.get(k) for k in JSONL_OPTIONAL if k != "id"}
        meta.update(path=where, line=lineno, format="jsonl")
        yield Article(id=obj.get("id") or f"{stem}-{lineno}", text=text, meta=meta)


def read_file(path: Path) -> Iterator[Item]:
    """All articles in one file, by its suffix."""
    where = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        yield InputError(Errors.E009, where, suffix=suffix)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(Errors.E010, where, detail=exc.strerror or str(exc))
        return
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(data, where)
        return
    reader = read_html if suffix in HTML_SUFFIXES else read_text
    try:
        yield reader(data, path.stem, where)
    except InputError as exc:
        yield exc


def read_stdin() -> Iterator[Item]:
    """``-``: standard input, as JSONL when every non-blank line is an object, else as text."""
    data = sys.stdin.buffer.read()
    lines = [ln for ln in data.splitlines() if ln.strip()]
    if lines and all(ln.lstrip().startswith(b"{") for ln in lines):
        yield from read_jsonl(data, "stdin")
        return
    try:
        yield read_text(data, "stdin", "stdin")
    except InputError as exc:
        yield exc


def read_inputs(paths: list[str]) -> Iterator[Item]:
    """Every article under ``paths`` in a stable order: folders recursively, sorted."""
    for raw in paths:
        if raw == "-":
            yield from read_stdin()
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                suffix = child.suffix.lower()
                if suffix and suffix in SUPPORTED_SUFFIXES and not child.name.startswith("."):
                    yield from read_file(child)
        elif path.exists():
            yield from read_file(path)
        else:
            yield InputError(Errors.E001, raw)
