"""The :class:`Store`: a corpus of analysed articles in SQLite or PostgreSQL.

One class, one code path for both databases (SQLAlchemy Core); the read methods return
plain JSON-able dicts that the CLI, the web UI and the tests all use (field names are the
contract in ``docs/store.md``). Listings page with opaque keyset cursors, as datasette
does, so page 1,000 costs what page 1 costs.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import sqlalchemy as sa

from ..errors import Errors, InputError, SaysoError
from . import schema as t
from .ingest import (
    IngestReport,
    check_record,
    content_hash,
    is_record_file,
    maybe_kill,
    read_records,
    refresh_stale_clusters,
    write_batch,
)

DEFAULT_URL = "sqlite:///sayso.db"
LOCK_ID = 0x5A750  # pg_advisory_xact_lock key: one ingest batch writes at a time
LIST_LIMIT = 50
"""Claims listed inline in an actor or cluster page; the counts give the totals."""
MAX_ERRORS_KEPT = 1000
"""Input errors an :class:`IngestReport` keeps (all are counted and passed to ``on_error``)."""

ErrorHook = Callable[[SaysoError], None]
ProgressHook = Callable[[IngestReport], None]


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a listing; pass ``next_cursor`` back to get the next one."""

    items: list[dict[str, Any]]
    next_cursor: str | None


def engine_url(url: str | None) -> str:
    """A SQLAlchemy URL from ``--db``: a plain path is a SQLite file, ``postgresql://`` uses
    psycopg 3 (SQLAlchemy's default driver for that scheme would be psycopg2)."""
    if url is None:
        return DEFAULT_URL
    if "://" not in url:
        return "sqlite:///" + url
    for scheme in ("postgresql://", "postgres://"):
        if url.startswith(scheme):
            return "postgresql+psycopg://" + url[len(scheme):]
    return url


def _encode(values: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


def _decode(cursor: str | None, arity: int) -> list[Any] | None:
    if cursor is None:
        return None
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except ValueError:
        raise SaysoError(Errors.E046) from None
    if not isinstance(values, list) or len(values) != arity:
        raise SaysoError(Errors.E046)
    return values


def _page(rows: list[dict[str, Any]], limit: int, key: Callable[[dict[str, Any]], list[Any]]
          ) -> Page:
    """Cut a ``limit + 1`` fetch into a page and the cursor of its last item."""
    if len(rows) > limit:
        rows = rows[:limit]
        return Page(rows, _encode(key(rows[-1])))
    return Page(rows, None)


_FTS_WORD = re.compile(r"\w+", re.UNICODE)


class Store:
    """A sayso corpus; open with :meth:`Store.open`, close (or use ``with``) when done."""

    def __init__(self, engine: sa.Engine, url: str, readonly: bool) -> None:
        self.engine = engine
        self.url = url
        self.readonly = readonly
        self.dialect = engine.dialect.name

    # -- opening ------------------------------------------------------------------------

    @classmethod
    def open(cls, url: str | None = None, *, readonly: bool = False) -> Store:
        """Open (and, unless read-only, create) the store at ``url``; None is ``sayso.db``."""
        full = engine_url(url)
        shown = url or "sayso.db"
        if full.startswith("postgresql"):
            try:
                import psycopg  # noqa: F401  (fail early with the install hint)
            except ImportError:
                raise SaysoError(Errors.E041) from None
        elif full.startswith("sqlite:///"):
            path = Path(full[len("sqlite:///"):])
            if readonly and not path.exists():
                raise SaysoError(Errors.E045, path=shown, table="articles")
        try:
            engine = sa.create_engine(full, future=True)
        except (sa.exc.ArgumentError, ValueError) as exc:
            raise SaysoError(Errors.E040, url=shown, detail=str(exc)) from None
        if engine.dialect.name == "sqlite":
            _sqlite_setup(engine, readonly)
        store = cls(engine, shown, readonly)
        try:
            store._prepare()
        except sa.exc.OperationalError as exc:
            engine.dispose()
            detail = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
            raise SaysoError(Errors.E040, url=shown, detail=detail) from None
        except SaysoError:
            engine.dispose()
            raise
        return store

    def _prepare(self) -> None:
        """Create the schema (writable stores) and check its version."""
        with self.engine.begin() as conn:
            if not self.readonly:
                if self.dialect == "postgresql":
                    conn.execute(sa.select(sa.func.pg_advisory_xact_lock(LOCK_ID)))
                t.metadata.create_all(conn)
                if conn.execute(sa.select(t.store_meta.c.value).where(
                        t.store_meta.c.key == "schema_version")).first() is None:
                    conn.execute(t.store_meta.insert(), [
                        {"key": "schema_version", "value": str(t.SCHEMA_VERSION)}])
            elif not sa.inspect(conn).has_table("articles"):
                raise SaysoError(Errors.E045, path=self.url, table="articles")
            found = conn.execute(sa.select(t.store_meta.c.value).where(
                t.store_meta.c.key == "schema_version")).scalar()
            if found != str(t.SCHEMA_VERSION):
                raise SaysoError(Errors.E049, found=found, want=t.SCHEMA_VERSION)

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def _writable(self) -> None:
        if self.readonly:
            raise SaysoError(Errors.E048, url=self.url)

    def transaction(self) -> Any:
        """A write transaction holding the store's writer lock (one writer at a time)."""
        self._writable()
        return _Transaction(self)

    # -- write side ---------------------------------------------------------------------

    def ingest(
        self,
        paths: Sequence[str],
        *,
        model: str = "default",
        jobs: int = 1,
        batch_size: int = 64,
        on_error: ErrorHook | None = None,
        on_progress: ProgressHook | None = None,
    ) -> IngestReport:
        """Analyse and store articles from files, folders or ``-``; analysed JSONL
        (``"schema": "sayso.article/1"``) is stored as it is, without re-analysis.

        Articles already stored (same text) are skipped before analysis, so a rerun after
        an interruption only analyses what is missing.
        """
        self._writable()
        report = IngestReport()
        return self._ingest(self._path_items(paths, model, jobs, report), report, batch_size,
                            on_error, on_progress)

    def ingest_records(
        self,
        records: Iterable[dict[str, Any]],
        *,
        batch_size: int = 500,
        on_error: ErrorHook | None = None,
        on_progress: ProgressHook | None = None,
    ) -> IngestReport:
        """Store already analysed ``sayso.article/1`` records (no NLP)."""
        self._writable()

        def checked() -> Iterator[dict[str, Any] | SaysoError]:
            for n, record in enumerate(records, 1):
                try:
                    check_record(record)
                except ValueError as exc:
                    where = record.get("id") if isinstance(record, dict) else None
                    yield InputError(Errors.E043, str(where or n), line=n, detail=str(exc))
                    continue
                yield record

        return self._ingest(checked(), IngestReport(), batch_size, on_error, on_progress)

    def _ingest(self, items: Iterable[dict[str, Any] | SaysoError], report: IngestReport,
                batch_size: int, on_error: ErrorHook | None,
                on_progress: ProgressHook | None) -> IngestReport:
        batch: list[dict[str, Any]] = []
        for item in items:
            if isinstance(item, SaysoError):
                report.failed += 1
                if len(report.errors) < MAX_ERRORS_KEPT:
                    report.errors.append(item)
                if on_error is not None:
                    on_error(item)
            else:
                batch.append(item)
                if len(batch) >= batch_size:
                    self._write(batch, report)
                    batch = []
            if on_progress is not None:
                on_progress(report)
        if batch:
            self._write(batch, report)
        while True:  # also finishes the work of an earlier ingest that was killed
            with self.transaction() as conn:
                if not refresh_stale_clusters(conn):
                    break
        if on_progress is not None:
            on_progress(report)
        return report

    def _write(self, batch: list[dict[str, Any]], report: IngestReport) -> None:
        with self.transaction() as conn:
            write_batch(conn, batch, report)
            maybe_kill(report.batches)
        report.batches += 1

    def _path_items(self, paths: Sequence[str], model: str, jobs: int,
                    report: IngestReport) -> Iterator[dict[str, Any] | SaysoError]:
        """Records and analysis results in input order; runs of raw inputs are analysed
        together (one worker pool per run)."""
        from ..readers import folder_files

        raw: list[str] = []
        for given in paths:
            path = Path(given)
            files = folder_files(path) if given != "-" and path.is_dir() else [path]
            for f in files or [path]:
                if f.is_file() and f.suffix.lower() in (".jsonl", ".ndjson") \
                        and is_record_file(str(f)):
                    if raw:
                        yield from self._analysed(raw, model, jobs, report)
                        raw = []
                    yield from read_records(str(f))
                else:
                    raw.append(given if f is path else str(f))
        if raw:
            yield from self._analysed(raw, model, jobs, report)

    def _analysed(self, paths: list[str], model: str, jobs: int,
                  report: IngestReport) -> Iterator[dict[str, Any] | SaysoError]:
        from ..batch import analyze_items
        from ..readers import read_inputs

        def unstored() -> Iterator[Any]:
            with self.engine.connect() as conn:
                for item in read_inputs(paths):
                    if not isinstance(item, SaysoError):
                        stored = conn.execute(sa.select(t.articles.c.seq).where(
                            t.articles.c.content_hash == content_hash(item.text))).first()
                        conn.rollback()  # hold no read snapshot while batches are written
                        if stored is not None:
                            report.duplicates += 1
                            continue
                    yield item

        yield from analyze_items(unstored(), jobs=jobs, model=model)

    # -- user corrections ---------------------------------------------------------------

    def merge_actors(self, keep: int, absorb: int) -> dict[str, Any]:
        """Record that two corpus actors are one; see :mod:`sayso.store.overrides`."""
        from .overrides import merge

        with self.transaction() as conn:
            merge(conn, keep, absorb)
        actor = self.get_actor(keep)
        assert actor is not None
        return actor

    def split_actor(self, actor_id: int, name: str) -> dict[str, Any]:
        """Move the mentions named ``name`` out of an actor into a new one, for good."""
        from .overrides import split

        with self.transaction() as conn:
            new_id = split(conn, actor_id, name)
        actor = self.get_actor(new_id)
        assert actor is not None
        return actor

    def why_actor(self, actor_id: int, *, cursor: str | None = None,
                  limit: int = LIST_LIMIT) -> dict[str, Any] | None:
        """An actor with every mention merged into it, each with its score and reason, and
        the user corrections that touch it."""
        actor = self.get_actor(actor_id)
        if actor is None:
            return None
        m = t.actor_mentions
        after = _decode(cursor, 1)
        query = sa.select(m.c.article_id, m.c.local_id, m.c.name, m.c.score, m.c.reason,
                          m.c.seq).where(m.c.actor_id == actor["id"])
        if after is not None:
            query = query.where(m.c.seq > after[0])
        o = t.actor_overrides
        with self.engine.connect() as conn:
            rows = [dict(r._mapping)
                    for r in conn.execute(query.order_by(m.c.seq).limit(limit + 1))]
            touches = sa.or_(o.c.actor_id == actor["id"], o.c.other_id == actor["id"])
            overrides = [dict(r._mapping)
                         for r in conn.execute(sa.select(o).where(touches).order_by(o.c.id))]
        page = _page(rows, limit, lambda r: [r["seq"]])
        actor["mentions_page"] = page.items
        actor["next_cursor"] = page.next_cursor
        actor["overrides"] = overrides
        return actor

    # -- read side ----------------------------------------------------------------------

    def get_article(self, article_id: str) -> dict[str, Any] | None:
        """An article with its full ``sayso.article/1`` record."""
        a = t.articles
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(a.c.id, a.c.title, a.c.outlet, a.c.published, a.c.url, a.c.record)
                .where(a.c.id == article_id)
            ).first()
        if row is None:
            return None
        out = dict(row._mapping)
        out["record"] = json.loads(out["record"])
        return out

    def list_articles(self, *, outlet: str | None = None, cursor: str | None = None,
                      limit: int = LIST_LIMIT) -> Page:
        """Articles, most recently stored first."""
        a = t.articles
        query = sa.select(a.c.id, a.c.title, a.c.outlet, a.c.published,
                          a.c.n_attributions.label("attributions"), a.c.anonymous_share, a.c.seq)
        if outlet is not None:
            query = query.where(a.c.outlet == outlet)
        after = _decode(cursor, 1)
        if after is not None:
            query = query.where(a.c.seq < after[0])
        with self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in
                    conn.execute(query.order_by(a.c.seq.desc()).limit(limit + 1))]
        return _page(rows, limit, lambda r: [r["seq"]])

    def _actor_row(self, conn: sa.Connection, actor_id: int) -> Any:
        """The actor row, following user merges to the actor that absorbed it."""
        for _ in range(64):  # merges form chains, never cycles; the bound is a safeguard
            row = conn.execute(sa.select(t.actors).where(t.actors.c.id == actor_id)).first()
            if row is None or row.merged_into is None:
                return row
            actor_id = row.merged_into
        return None

    def get_actor(self, actor_id: int) -> dict[str, Any] | None:
        """An actor's page: names, roles, what they said, what was said about them, and
        why mentions were merged (the latest :data:`LIST_LIMIT` of each, with totals)."""
        a, m, about = t.attributions, t.actor_mentions, t.claim_about
        with self.engine.connect() as conn:
            row = self._actor_row(conn, actor_id)
            if row is None:
                return None
            said = self._claims(conn, sa.select(a.c.id).where(a.c.actor_id == row.id)
                                .order_by(a.c.id.desc()).limit(LIST_LIMIT))
            about_ids = sa.select(about.c.attribution_id).where(about.c.actor_id == row.id)
            said_about = self._claims(
                conn, about_ids.order_by(about.c.attribution_id.desc()).limit(LIST_LIMIT))
            said_count = conn.execute(
                sa.select(sa.func.count()).select_from(a).where(a.c.actor_id == row.id)
            ).scalar_one()
            about_count = conn.execute(
                sa.select(sa.func.count()).select_from(about).where(about.c.actor_id == row.id)
            ).scalar_one()
            merges = [dict(r._mapping) for r in conn.execute(
                sa.select(m.c.name, m.c.article_id, m.c.reason, m.c.score)
                .where(m.c.actor_id == row.id).order_by(m.c.seq.desc()).limit(LIST_LIMIT))]
            absorbed = [json.loads(names) for names in conn.execute(
                sa.select(t.actors.c.names).where(t.actors.c.merged_into == row.id)
                .order_by(t.actors.c.id)).scalars()]
        actor = _actor_dict(row)
        actor["names"] = list(dict.fromkeys([*actor["names"], *(n for ns in absorbed for n in ns)]))
        return {
            **actor,
            "said": said, "said_count": said_count,
            "said_about": said_about, "said_about_count": about_count,
            "merges": merges,
        }

    def list_actors(self, *, q: str | None = None, cursor: str | None = None,
                    limit: int = LIST_LIMIT) -> Page:
        """Actors, most mentioned first; ``q`` matches any of their names (case-free)."""
        from .ingest import fold_name

        c = t.actors.c
        query = sa.select(t.actors).where(c.merged_into.is_(None))
        if q and q.strip():
            pattern = "%" + re.sub(r"([\\%_])", r"\\\1", fold_name(q)) + "%"
            found = c.search.like(pattern, escape="\\")
            merged = sa.select(c.merged_into).where(c.merged_into.is_not(None), found)
            query = query.where(sa.or_(found, c.id.in_(merged)))
        after = _decode(cursor, 2)
        if after is not None:
            query = query.where(sa.or_(c.mentions < after[0],
                                       sa.and_(c.mentions == after[0], c.id < after[1])))
        with self.engine.connect() as conn:
            rows = [_actor_dict(r) for r in conn.execute(
                query.order_by(c.mentions.desc(), c.id.desc()).limit(limit + 1))]
        return _page(rows, limit, lambda r: [r["mentions"], r["id"]])

    def search_claims(self, q: str | None = None, *, source_type: str | None = None,
                      outlet: str | None = None, since: str | None = None,
                      until: str | None = None, cursor: str | None = None,
                      limit: int = LIST_LIMIT) -> Page:
        """Claims (attributions) matching every word of ``q`` in their content or source,
        newest stored first; ``since``/``until`` bound ``published`` (ISO dates, inclusive)."""
        a = t.attributions
        words = _FTS_WORD.findall(q or "")
        query = sa.select(a.c.id)
        order = a.c.id
        if words and self.dialect == "sqlite":
            fts = sa.table(t.FTS_TABLE, sa.column("rowid"))
            order = fts.c.rowid
            query = (sa.select(fts.c.rowid.label("id"))
                     .select_from(fts.join(a, a.c.id == fts.c.rowid))
                     .where(sa.text(f"{t.FTS_TABLE} MATCH :match").bindparams(
                         match=" ".join('"' + w.replace('"', "") + '"' for w in words))))
        elif words:
            query = query.where(sa.literal_column("attributions.tsv").op("@@")(
                sa.func.plainto_tsquery("english", " ".join(words))))
        for column, value in ((a.c.source_type, source_type), (a.c.outlet, outlet)):
            if value is not None:
                query = query.where(column == value)
        if since:
            query = query.where(a.c.published >= since)
        if until:
            query = query.where(a.c.published <= until + "\uffff")
        after = _decode(cursor, 1)
        if after is not None:
            query = query.where(order < after[0])
        with self.engine.connect() as conn:
            rows = self._claims(conn, query.order_by(order.desc()).limit(limit + 1))
        return _page(rows, limit, lambda r: [r["id"]])

    def get_claim(self, claim_id: int) -> dict[str, Any] | None:
        """One claim by its store id."""
        with self.engine.connect() as conn:
            found = self._claims(conn, sa.select(t.attributions.c.id)
                                 .where(t.attributions.c.id == claim_id))
        return found[0] if found else None

    def get_cluster(self, cluster_id: int, *, limit: int = 200) -> dict[str, Any] | None:
        """A claim cluster: its members (the first ``limit``), outlets, first reporter and
        independent sources with the reason for each grouping."""
        a, c = t.attributions, t.clusters
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(c).where(c.c.id == cluster_id)).first()
            if row is None:
                return None
            members = self._claims(conn, sa.select(a.c.id).where(a.c.cluster_id == row.id)
                                   .order_by(a.c.id).limit(limit))
            first = self._claims(conn, sa.select(a.c.id).where(a.c.id == row.first_claim_id))
            outlets = sorted(conn.execute(
                sa.select(a.c.outlet).where(a.c.cluster_id == row.id, a.c.outlet.is_not(None))
                .distinct()).scalars())
        return {
            "id": row.id, "claim": row.claim, "size": row.size, "outlets": outlets,
            "first": first[0] if first else None,
            "independent_sources": row.independent_sources,
            "independence": json.loads(row.independence),
            "stale": bool(row.stale),
            "members": members,
        }

    def list_clusters(self, *, min_size: int = 2, cursor: str | None = None,
                      limit: int = LIST_LIMIT) -> Page:
        """Claim clusters, largest first."""
        c = t.clusters.c
        query = sa.select(c.id, c.claim, c.size, c.n_outlets, c.independent_sources,
                          c.first_claim_id).where(c.size >= min_size)
        after = _decode(cursor, 2)
        if after is not None:
            query = query.where(sa.or_(c.size < after[0], sa.and_(c.size == after[0],
                                                                   c.id < after[1])))
        with self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(
                query.order_by(c.size.desc(), c.id.desc()).limit(limit + 1))]
        return _page(rows, limit, lambda r: [r["size"], r["id"]])

    def outlet_scorecards(self) -> list[dict[str, Any]]:
        """Per outlet: how its stories are sourced (a full scan: seconds on a big corpus)."""
        a, art = t.attributions, t.articles
        out: dict[str | None, dict[str, Any]] = {}
        with self.engine.connect() as conn:
            for outlet, n in conn.execute(sa.select(art.c.outlet, sa.func.count())
                                          .group_by(art.c.outlet)):
                out[outlet] = {"outlet": outlet, "articles": n, "attributions": 0,
                               "by_source_type": {}, "anonymous_share": None,
                               "distinct_sources": 0, "named_share": None}
            anonymous: dict[str | None, int] = {}
            for outlet, stype, n, anon in conn.execute(
                sa.select(a.c.outlet, a.c.source_type, sa.func.count(),
                          sa.func.sum(sa.case((a.c.anonymous, 1), else_=0)))
                .group_by(a.c.outlet, a.c.source_type)
            ):
                card = out[outlet]
                card["by_source_type"][stype] = n
                card["attributions"] += n
                anonymous[outlet] = anonymous.get(outlet, 0) + int(anon or 0)
            source_key = sa.case(
                (a.c.actor_id.is_not(None), sa.cast(a.c.actor_id, sa.String)),
                else_=sa.func.lower(a.c.source))
            for outlet, n in conn.execute(
                sa.select(a.c.outlet, sa.func.count(sa.distinct(source_key)))
                .where(a.c.source_type != "unspecified").group_by(a.c.outlet)
            ):
                out[outlet]["distinct_sources"] = n
        for outlet, card in out.items():
            if card["attributions"]:
                card["anonymous_share"] = round(anonymous[outlet] / card["attributions"], 4)
                card["named_share"] = round(
                    card["by_source_type"].get("named_person", 0) / card["attributions"], 4)
        return sorted(out.values(), key=lambda c: (-c["articles"], c["outlet"] or ""))

    # -- helpers ------------------------------------------------------------------------

    def _claims(self, conn: sa.Connection, ids: sa.Select[Any]) -> list[dict[str, Any]]:
        """Claim dicts for the attribution ids a query selects, in the query's order."""
        id_list = [r[0] for r in conn.execute(ids)]
        if not id_list:
            return []
        a, art = t.attributions, t.articles
        rows = conn.execute(
            sa.select(a, art.c.title).join_from(a, art, a.c.article_id == art.c.id)
            .where(a.c.id.in_(id_list))
        )
        by_id = {r.id: claim_dict(r) for r in rows}
        return [by_id[i] for i in id_list if i in by_id]


def claim_dict(row: Any) -> dict[str, Any]:
    """The API's claim shape from an ``attributions`` row (joined with the title)."""
    return {
        "id": row.id, "article_id": row.article_id, "attribution_id": row.attribution_id,
        "outlet": row.outlet, "published": row.published, "title": row.title,
        "source": row.source, "source_type": row.source_type, "anonymous": bool(row.anonymous),
        "actor_id": row.actor_id, "cue": row.cue, "stance": row.stance, "kind": row.kind,
        "content": row.content, "channel": row.channel, "cluster_id": row.cluster_id,
        "offsets": json.loads(row.offsets),
    }


def _actor_dict(row: Any) -> dict[str, Any]:
    return {
        "id": row.id, "name": row.name, "type": row.type, "names": json.loads(row.names),
        "roles": json.loads(row.roles), "articles": row.articles, "mentions": row.mentions,
    }


class _Transaction:
    """``with store.transaction() as conn``: BEGIN IMMEDIATE in SQLite, an advisory lock in
    PostgreSQL, so two writers never interleave their id assignments."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn: sa.Connection | None = None
        self.tx: sa.RootTransaction | None = None

    def __enter__(self) -> sa.Connection:
        self.conn = self.store.engine.connect()
        if self.store.dialect == "sqlite":
            self.conn.info["immediate"] = True
        self.tx = self.conn.begin()
        if self.store.dialect == "postgresql":
            self.conn.execute(sa.select(sa.func.pg_advisory_xact_lock(LOCK_ID)))
        return self.conn

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        assert self.conn is not None and self.tx is not None
        try:
            if exc_type is None:
                self.tx.commit()
            else:
                self.tx.rollback()
        finally:
            self.conn.info.pop("immediate", None)
            self.conn.close()


def _sqlite_setup(engine: sa.Engine, readonly: bool) -> None:
    """WAL (readers never wait for the ingest), and transactions sayso controls: the
    stdlib driver's implicit BEGIN would not take the write lock up front."""

    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA busy_timeout = 60000")
        if readonly:
            cur.execute("PRAGMA query_only = ON")
        else:
            cur.execute("PRAGMA journal_mode = WAL")
            cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    @sa.event.listens_for(engine, "begin")
    def _begin(conn: sa.Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.info.get("immediate") else "BEGIN")
