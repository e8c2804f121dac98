"""The ``sayso`` command line: thin wrappers over importable functions.

Failures print one coded line (``E0xx: message (input)``) on stderr, never a traceback.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from .analyze import analyze_articles
from .contract import Article
from .errors import InputError, SaysoError
from .readers import read_inputs

app = typer.Typer(
    help="sayso: find every attributed claim in news, and on whose say-so it rests.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False)


@app.callback()
def _root() -> None:
    """sayso: find every attributed claim in news, and on whose say-so it rests."""


def report_error(exc: SaysoError) -> None:
    """One line on stderr, the input named, never a traceback."""
    where = f" ({exc.where})" if exc.where else ""
    err.print(f"[red]{exc.message}[/red]{where}", markup=True, soft_wrap=True)


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or '-' for stdin.")],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")
    ] = None,
) -> None:
    """Find the attributions in articles and write them as sayso.article/1 JSON Lines."""
    failed = 0

    def articles() -> list[Article]:
        nonlocal failed
        good: list[Article] = []
        for item in read_inputs(paths):
            if isinstance(item, InputError):
                failed += 1
                report_error(item)
            else:
                good.append(item)
        return good

    try:
        out = output.open("w", encoding="utf-8") if output else sys.stdout
        written = 0
        for record in analyze_articles(articles()):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += 1
        if output:
            out.close()
    except SaysoError as exc:
        report_error(exc)
        raise typer.Exit(2) from None
    if failed:
        err.print(f"{written} articles analysed, {failed} inputs failed")
        raise typer.Exit(1)


def main() -> None:
    """Console-script entry point."""
    app()
