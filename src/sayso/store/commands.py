"""The store's CLI commands: ``ingest``, ``query``, ``export`` and ``actors``.

Thin wrappers over :class:`~sayso.store.Store`, registered on the main Typer app by
:func:`add_store_commands` (``sayso.cli`` passes its error decorator, so failures print one
coded line like every other command). The store is imported lazily: ``sayso analyze``
does not pay for SQLAlchemy.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from ..errors import Errors, SaysoError

if TYPE_CHECKING:
    from .core import Page, Store

DB_HELP = "The store: a SQLite file (default sayso.db) or a postgresql:// URL."
Db = Annotated[str | None, typer.Option("--db", help=DB_HELP, envvar="SAYSO_DB")]
Limit = Annotated[int, typer.Option("--limit", min=1, max=10_000, help="Items per page.")]
Cursor = Annotated[str | None, typer.Option("--cursor", help="Next page (printed after a page).")]


class QueryFormat(StrEnum):
    """How ``sayso query`` prints."""

    table = "table"
    jsonl = "jsonl"


class What(StrEnum):
    """What ``sayso export`` writes."""

    articles = "articles"
    attributions = "attributions"
    actors = "actors"
    clusters = "clusters"
    network = "network"


class ExportFormat(StrEnum):
    """Formats of ``sayso export``."""

    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    graphml = "graphml"


Fmt = Annotated[QueryFormat, typer.Option("--format", "-f", help="A table, or JSON Lines.")]


def _open(db: str | None, readonly: bool = True) -> Store:
    from .core import Store

    return Store.open(db, readonly=readonly)


def _not_found(kind: str, id: object, listing: str) -> SaysoError:
    return SaysoError(Errors.E044, kind=kind, id=id, listing=listing)


def add_store_commands(app: typer.Typer, coded: Callable[[Any], Any], err: Console) -> None:
    """Register the store commands on ``app``."""
    out = Console(highlight=False, markup=False)

    def emit(items: list[dict[str, Any]], fmt: QueryFormat, table: Callable[[], Table]) -> None:
        if fmt is QueryFormat.jsonl:
            for item in items:
                sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")
        else:
            out.print(table())

    def emit_page(page: Page, fmt: QueryFormat, columns: list[tuple[str, str]]) -> None:
        def table() -> Table:
            tab = Table(*(title for title, _ in columns))
            for item in page.items:
                tab.add_row(*(_cell(item.get(key)) for _, key in columns))
            return tab

        emit(page.items, fmt, table)
        if page.next_cursor:
            err.print(f"more: --cursor {page.next_cursor}")

    # -- ingest -------------------------------------------------------------------------

    @app.command()
    @coded
    def ingest(
        paths: Annotated[list[str], typer.Argument(
            help="Files, folders or '-'; analysed sayso.article/1 JSONL is stored as is.")],
        db: Db = None,
        jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes.")] = 1,
        model: Annotated[str, typer.Option(help="Attribution model: 'default' or a folder.")
                         ] = "default",
        batch_size: Annotated[int, typer.Option(min=1, help="Articles per transaction.")] = 64,
    ) -> None:
        """Analyse articles and store them; safe to rerun (stored articles are skipped)."""
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        from .ingest import IngestReport

        store = _open(db, readonly=False)

        def on_error(exc: SaysoError) -> None:
            where = f" ({exc.where})" if exc.where else ""
            err.print(f"{exc.message}{where}", style="red", soft_wrap=True)

        with store, Progress(
            SpinnerColumn(),
            TextColumn("{task.fields[line]}"),
            TimeElapsedColumn(),
            console=err,
            transient=True,
            disable=not err.is_terminal,
        ) as bar:
            task = bar.add_task("ingest", total=None, line="")

            def on_progress(r: IngestReport) -> None:
                bar.update(task, line=r.summary())

            report = store.ingest(paths, model=model, jobs=jobs, batch_size=batch_size,
                                  on_error=on_error, on_progress=on_progress)
        err.print(report.summary())
        if report.failed:
            raise typer.Exit(1)

    # -- query --------------------------------------------------------------------------

    query = typer.Typer(help="Read the store: actors, claims, clusters, outlets.",
                        no_args_is_help=True)
    app.add_typer(query, name="query")

    @query.command("actors")
    @coded
    def q_actors(db: Db = None, q: Annotated[str | None, typer.Option(
                     "--q", help="Part of a name (case-free).")] = None,
                 limit: Limit = 50, cursor: Cursor = None,
                 fmt: Fmt = QueryFormat.table) -> None:
        """Actors across articles, most mentioned first."""
        with _open(db) as store:
            page = store.list_actors(q=q, cursor=cursor, limit=limit)
        emit_page(page, fmt, [("id", "id"), ("name", "name"), ("type", "type"),
                              ("mentions", "mentions"), ("articles", "articles"),
                              ("also named", "names"), ("roles", "roles")])

    @query.command("actor")
    @coded
    def q_actor(actor_id: Annotated[int, typer.Argument(help="Actor id.")], db: Db = None,
                fmt: Fmt = QueryFormat.table) -> None:
        """One actor: what they said, what was said about them, why mentions were merged."""
        with _open(db) as store:
            actor = store.get_actor(actor_id)
        if actor is None:
            raise _not_found("actor", actor_id, "actors")

        def table() -> Table:
            tab = Table("", "claim", title=f"#{actor['id']} {actor['name']} ({actor['type']}),"
                        f" {actor['mentions']} mentions in {actor['articles']} articles")
            for c in actor["said"]:
                tab.add_row("said", _claim_cell(c))
            for c in actor["said_about"]:
                tab.add_row("about", _claim_cell(c))
            return tab

        emit([actor], fmt, table)

    @query.command("claims")
    @coded
    def q_claims(
        text: Annotated[str | None, typer.Argument(help="Words the claim or source holds.")
                        ] = None,
        db: Db = None,
        source_type: Annotated[str | None, typer.Option(help="e.g. anonymous_person.")] = None,
        outlet: Annotated[str | None, typer.Option(help="Exact outlet name.")] = None,
        since: Annotated[str | None, typer.Option(help="Published on or after (ISO).")] = None,
        until: Annotated[str | None, typer.Option(help="Published on or before (ISO).")] = None,
        limit: Limit = 50, cursor: Cursor = None, fmt: Fmt = QueryFormat.table,
    ) -> None:
        """Full-text search over claims (content and source), newest first."""
        with _open(db) as store:
            page = store.search_claims(text, source_type=source_type, outlet=outlet,
                                       since=since, until=until, cursor=cursor, limit=limit)
        emit_page(page, fmt, [("id", "id"), ("outlet", "outlet"), ("published", "published"),
                              ("source", "source"), ("type", "source_type"),
                              ("cue", "cue"), ("content", "content"), ("cluster", "cluster_id")])

    @query.command("clusters")
    @coded
    def q_clusters(db: Db = None, min_size: Annotated[int, typer.Option(
                       min=1, help="Smallest cluster listed.")] = 2,
                   limit: Limit = 50, cursor: Cursor = None,
                   fmt: Fmt = QueryFormat.table) -> None:
        """Claims carried by several attributions, largest first."""
        with _open(db) as store:
            page = store.list_clusters(min_size=min_size, cursor=cursor, limit=limit)
        emit_page(page, fmt, [("id", "id"), ("size", "size"), ("outlets", "n_outlets"),
                              ("independent sources", "independent_sources"),
                              ("claim", "claim")])

    @query.command("cluster")
    @coded
    def q_cluster(cluster_id: Annotated[int, typer.Argument(help="Cluster id.")],
                  db: Db = None, fmt: Fmt = QueryFormat.table) -> None:
        """One claim: who carried it, who was first, how many independent sources."""
        with _open(db) as store:
            cluster = store.get_cluster(cluster_id)
        if cluster is None:
            raise _not_found("cluster", cluster_id, "clusters")

        def table() -> Table:
            first = cluster["first"]["id"] if cluster["first"] else None
            tab = Table("claim", "outlet", "published", "source", "content",
                        title=f"cluster {cluster['id']}: {cluster['size']} attributions,"
                        f" {cluster['independent_sources']} independent sources;"
                        f" first: claim {first}")
            for c in cluster["members"]:
                tab.add_row(str(c["id"]), _cell(c["outlet"]), _cell(c["published"]),
                            c["source"], c["content"])
            for group in cluster["independence"]:
                tab.add_row("source", "", "", _cell(group["members"]), group["reason"])
            return tab

        emit([cluster], fmt, table)

    @query.command("outlets")
    @coded
    def q_outlets(db: Db = None, fmt: Fmt = QueryFormat.table) -> None:
        """Outlet scorecards: how each outlet's stories are sourced."""
        with _open(db) as store:
            cards = store.outlet_scorecards()

        def table() -> Table:
            tab = Table("outlet", "articles", "attributions", "anonymous", "named",
                        "distinct sources")
            for c in cards:
                tab.add_row(_cell(c["outlet"]), str(c["articles"]), str(c["attributions"]),
                            _cell(c["anonymous_share"]), _cell(c["named_share"]),
                            str(c["distinct_sources"]))
            return tab

        emit(cards, fmt, table)

    # -- export -------------------------------------------------------------------------

    @app.command()
    @coded
    def export(
        what: Annotated[What, typer.Option("--what", help="Which table, or the actor network.")],
        output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")],
        db: Db = None,
        fmt: Annotated[ExportFormat, typer.Option(
            "--format", "-f", help="jsonl, csv, parquet (sayso[parquet]) or graphml (network).")
        ] = ExportFormat.jsonl,
    ) -> None:
        """Export the store for analysis tools (pandas, R, Gephi)."""
        from .export import export as run_export

        with _open(db) as store:
            n = run_export(store, what, fmt, output)
        unit = "edges" if what is What.network else "rows"
        err.print(f"{n} {unit} written to {output}")

    # -- actors -------------------------------------------------------------------------

    actors = typer.Typer(help="Correct actor merging; later ingests respect the corrections.",
                         no_args_is_help=True)
    app.add_typer(actors, name="actors")

    @actors.command("merge")
    @coded
    def a_merge(keep: Annotated[int, typer.Argument(help="Actor to keep.")],
                absorb: Annotated[int, typer.Argument(help="Actor folded into it.")],
                db: Db = None) -> None:
        """Two actors are one: move B's mentions and claims to A, for good."""
        with _open(db, readonly=False) as store:
            actor = store.merge_actors(keep, absorb)
        err.print(f"actor {absorb} merged into {actor['id']} {actor['name']}"
                  f" ({actor['mentions']} mentions)")

    @actors.command("split")
    @coded
    def a_split(actor_id: Annotated[int, typer.Argument(help="Actor to split.")],
                name: Annotated[str, typer.Option("--name", help="Mentions of this name leave.")],
                db: Db = None) -> None:
        """Mentions called NAME are someone else: move them to a new actor, for good."""
        with _open(db, readonly=False) as store:
            actor = store.split_actor(actor_id, name)
        err.print(f"{actor['mentions']} mentions of {name!r} moved to new actor {actor['id']}")

    @actors.command("why")
    @coded
    def a_why(actor_id: Annotated[int, typer.Argument(help="Actor id.")], db: Db = None,
              limit: Limit = 50, cursor: Cursor = None, fmt: Fmt = QueryFormat.table) -> None:
        """Why each mention was merged into an actor (and the corrections that apply)."""
        with _open(db) as store:
            actor = store.why_actor(actor_id, cursor=cursor, limit=limit)
        if actor is None:
            raise _not_found("actor", actor_id, "actors")

        def table() -> Table:
            tab = Table("article", "name", "score", "reason",
                        title=f"#{actor['id']} {actor['name']}: {actor['mentions']} mentions")
            for m in actor["mentions_page"]:
                tab.add_row(m["article_id"], m["name"], f"{m['score']:.2f}", m["reason"])
            for o in actor["overrides"]:
                tab.add_row("(user)", _cell(o["name"]), "", f"{o['kind']} {o['actor_id']}"
                            f" / {o['other_id']}")
            return tab

        emit([actor], fmt, table)
        if actor["next_cursor"]:
            err.print(f"more: --cursor {actor['next_cursor']}")


def _cell(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _claim_cell(c: dict[str, Any]) -> str:
    return f"[{c['id']}] {c['source']} {c['cue']}: {c['content']} ({_cell(c['outlet'])})"
