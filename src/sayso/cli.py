"""The ``sayso`` command line: thin wrappers over importable functions.

Failures print one coded line (``E0xx: message (input)``) on stderr, never a traceback.
Exit status: 0 when every input was analysed, 1 when some inputs failed (the others were
still written), 2 when nothing could run (a missing model, a bad option, an unwritable output).
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Protocol, TextIO, TypeVar

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.text import Text

from .batch import analyze_items
from .errors import Errors, SaysoError
from .readers import read_inputs
from .store.commands import Db, add_store_commands

app = typer.Typer(
    help="sayso: find every attributed claim in news, and on whose say-so it rests.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False, markup=False)
"""Messages name paths and quote text, which are data: never read as Rich markup."""

F = TypeVar("F", bound=Callable[..., None])


@app.callback()
def _root() -> None:
    """sayso: find every attributed claim in news, and on whose say-so it rests."""


def report_error(exc: SaysoError) -> None:
    """One line on stderr, the input named, never a traceback."""
    where = f" ({exc.where})" if exc.where else ""
    err.print(Text.assemble((exc.message, "red"), where), soft_wrap=True)


def coded(command: F) -> F:
    """Turn whatever escapes a command into one coded line and an exit status, not a traceback."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> None:
        try:
            command(*args, **kwargs)
        except SaysoError as exc:
            report_error(exc)
            raise typer.Exit(2) from None
        except BrokenPipeError:
            # The reader went away (`sayso analyze ... | head`): stop quietly, as Unix tools do.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(1) from None
        except KeyboardInterrupt:
            err.print("interrupted")
            raise typer.Exit(130) from None
        except (typer.Exit, typer.Abort):
            raise
        except Exception as exc:
            report_error(SaysoError(Errors.E022, detail=f"{type(exc).__name__}: {exc}"))
            raise typer.Exit(2) from None

    return run  # type: ignore[return-value]


# -- analyze --------------------------------------------------------------------------


class Format(StrEnum):
    """Output formats of ``analyze`` (see :mod:`sayso.export`)."""

    jsonl = "jsonl"
    text = "text"
    brat = "brat"


class Writer(Protocol):
    """What every exporter's writer offers: records in, one at a time."""

    def write(self, record: dict[str, Any]) -> None: ...


@dataclass
class RunSummary:
    """What a run did, for the closing line and the exit status."""

    analysed: int = 0
    failed: int = 0


@contextlib.contextmanager
def open_writer(fmt: Format, output: Path | None) -> Iterator[Writer]:
    """The writer for a format; files and folders are created, parents included."""
    if fmt is Format.brat:
        from .export.brat import BratWriter

        if output is None or str(output) == "-":
            raise SaysoError(Errors.E033)
        yield BratWriter(output)
        return
    stream: TextIO
    if output is None or str(output) == "-":
        stream = sys.stdout
        close = False
    else:
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
            stream = output.open("w", encoding="utf-8")
        except OSError as exc:
            raise SaysoError(Errors.E036, path=output, detail=exc.strerror or exc) from None
        close = True
    try:
        if fmt is Format.text:
            from .export.text import TextWriter

            console = Console(file=stream, highlight=False, width=None if not close else 100)
            yield TextWriter(console)
        else:
            from .export.jsonl import JsonlWriter

            yield JsonlWriter(stream)
    finally:
        if close:
            stream.close()
        else:
            stream.flush()


def _wants_progress(paths: list[str], output: Path | None) -> bool:
    """A bar only on a terminal, for runs that may hold many articles, and never over output."""
    many = len(paths) > 1 or any(
        p == "-" or Path(p).is_dir() or Path(p).suffix.lower() in (".jsonl", ".ndjson")
        for p in paths
    )
    to_stdout = output is None or str(output) == "-"
    return many and err.is_terminal and not (to_stdout and sys.stdout.isatty())


def run_analyze(
    paths: list[str],
    output: Path | None = None,
    fmt: Format = Format.jsonl,
    jobs: int = 1,
    model: str = "default",
    progress: bool = False,
) -> RunSummary:
    """Analyse every input and write the results; bad inputs are reported and skipped."""
    summary = RunSummary()
    with contextlib.ExitStack() as stack:
        writer = stack.enter_context(open_writer(fmt, output))
        bar = None
        if progress:
            bar = stack.enter_context(
                Progress(
                    SpinnerColumn(),
                    TextColumn("{task.completed} articles analysed, {task.fields[failed]} failed"),
                    TimeElapsedColumn(),
                    console=err,
                    transient=True,
                    redirect_stdout=False,
                    redirect_stderr=False,
                )
            )
            task = bar.add_task("analyse", total=None, failed=0)
        for result in analyze_items(read_inputs(paths), jobs=jobs, model=model):
            if isinstance(result, SaysoError):
                summary.failed += 1
                report_error(result)
            else:
                try:
                    writer.write(result)
                except BrokenPipeError:
                    raise
                except OSError as exc:  # a full disk, a vanished drive
                    where = str(output) if output else "stdout"
                    raise SaysoError(Errors.E036, path=where, detail=exc.strerror or exc) from None
                summary.analysed += 1
            if bar is not None:
                bar.update(task, completed=summary.analysed, failed=summary.failed)
    return summary


@app.command()
@coded
def analyze(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders (recursive) or '-' for stdin.")
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", help="Write here instead of stdout (a folder for --format brat)."
        ),
    ] = None,
    fmt: Annotated[
        Format,
        typer.Option(
            "--format",
            "-f",
            help="jsonl: sayso.article/1 records; text: a coloured report; brat: .txt/.ann pairs.",
        ),
    ] = Format.jsonl,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, help="Worker processes (same output for any N).")
    ] = 1,
    model: Annotated[
        str,
        typer.Option("--model", help="Attribution model: 'default', 'accurate' or a model folder."),
    ] = "default",
) -> None:
    """Find the attributions in articles and write them (JSON Lines by default)."""
    summary = run_analyze(paths, output, fmt, jobs, model, progress=_wants_progress(paths, output))
    if summary.failed:
        err.print(f"{summary.analysed} articles analysed, {summary.failed} inputs failed")
        raise typer.Exit(1)


# -- evaluate -------------------------------------------------------------------------


@app.command()
@coded
def evaluate(
    gold: Annotated[
        Path,
        typer.Option(
            "--gold", help="Gold brat folder: PolNeAR layout (text/, attributions/) or flat."
        ),
    ],
    pred: Annotated[Path, typer.Option("--pred", help="Predictions: sayso.article/1 JSONL.")],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the scores as JSON, as attr_eval.py does.")
    ] = False,
) -> None:
    """Score predictions against gold attributions (token, exact and linked P/R/F1)."""
    from .evaluate import load_gold, load_predictions, score, scorecard_table

    gold_docs = load_gold(gold)
    predicted = load_predictions(pred, gold_docs)
    for docs, problem in (
        (predicted.unknown, "are not in the gold set and were ignored"),
        (predicted.other_text, "carry a text unlike gold's, so their offsets may not line up"),
    ):
        if docs:
            err.print(f"warning: {len(docs)} predicted documents {problem} (e.g. {docs[0]})")
    scores = score(gold_docs, predicted.attributions)
    if as_json:
        sys.stdout.write(json.dumps(scores, indent=1) + "\n")
    else:
        Console(highlight=False).print(scorecard_table(scores))


# -- train ----------------------------------------------------------------------------


@app.command()
@coded
def train(
    train_dir: Annotated[Path, typer.Option("--train", help="Training split (PolNeAR layout).")],
    dev_dir: Annotated[Path, typer.Option("--dev", help="Development split (PolNeAR layout).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder for the trained model.")],
    cue_epochs: Annotated[int, typer.Option(min=1, help="Passes of the cue tagger.")] = 8,
    role_epochs: Annotated[int, typer.Option(min=1, help="Passes of the role tagger.")] = 8,
    limit: Annotated[
        int | None, typer.Option(min=1, help="Use only the first N articles of each split.")
    ] = None,
    seed: Annotated[int, typer.Option(help="Random seed (same seed, same model).")] = 0,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Parsing processes.")] = 1,
    accurate: Annotated[
        bool,
        typer.Option(
            "--accurate", help="Train the accurate tier (MiniLM; needs sayso[transformer])."
        ),
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print dev scores and timings as JSON.")
    ] = False,
) -> None:
    """Train an attribution model on brat-annotated news; save it and print its dev scores."""
    from .evaluate import scorecard_table
    from .train import train as run_train  # lazy: only this command needs the training code

    result = run_train(
        train_dir,
        dev_dir,
        output,
        cue_epochs=cue_epochs,
        role_epochs=role_epochs,
        limit=limit,
        seed=seed,
        n_process=jobs,
        accurate=accurate,
    )
    if as_json:
        sys.stdout.write(json.dumps(result, indent=1) + "\n")
    else:
        Console(highlight=False).print(scorecard_table(result["dev"]))
    err.print(f"model written to {output}; use it with `sayso analyze --model {output}`")


# -- serve ----------------------------------------------------------------------------


@app.command()
@coded
def serve(
    db: Db = None,
    host: Annotated[str, typer.Option(help="Address to bind (loopback by default).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    allow_writes: Annotated[
        bool, typer.Option("--allow-writes", help="Enable POST /api/v1/articles (token needed).")
    ] = False,
    token: Annotated[
        str | None,
        typer.Option(envvar="SAYSO_TOKEN", help="Bearer token for writes (else one is made)."),
    ] = None,
) -> None:
    """Serve the web UI and the JSON API over a store (read-only unless --allow-writes)."""
    from .web.app import serve as run_server  # lazy: FastAPI is imported only to serve

    run_server(db, host=host, port=port, allow_writes=allow_writes, token=token)


# -- ingest, query, export, actors (the store; src/sayso/store/commands.py) ----------------

add_store_commands(app, coded, err)


def main() -> None:
    """Console-script entry point."""
    app()
