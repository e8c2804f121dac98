"""``sayso export``: the store's tables as JSON Lines, CSV or Parquet, the actor network as
GraphML (for Gephi, networkx, igraph).

Rows are streamed in chunks, so exporting a million attributions does not hold them in
memory. Parquet needs the optional ``pyarrow`` (``pip install 'sayso[parquet]'``).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO
from xml.sax.saxutils import quoteattr

import sqlalchemy as sa

from ..errors import Errors, SaysoError
from . import schema as t
from .commands import ExportFormat, What
from .core import Store, claim_dict

CHUNK_ROWS = 10_000


_JSON_COLUMNS = {"names", "roles", "independence", "offsets"}


def _rows(store: Store, what: What) -> Iterator[dict[str, Any]]:
    """The rows of one table as plain dicts (JSON columns decoded), in id order."""
    a, art = t.attributions, t.articles
    with store.engine.connect().execution_options(stream_results=True, yield_per=CHUNK_ROWS) \
            as conn:
        if what is What.articles:
            query = sa.select(art.c.id, art.c.title, art.c.outlet, art.c.published, art.c.url,
                              art.c.n_attributions, art.c.anonymous_share, art.c.record
                              ).order_by(art.c.seq)
        elif what is What.attributions:
            query = sa.select(a, art.c.title).join_from(
                a, art, a.c.article_id == art.c.id).order_by(a.c.id)
            for row in conn.execute(query):
                yield claim_dict(row)
            return
        elif what is What.actors:
            query = sa.select(t.actors).where(t.actors.c.merged_into.is_(None)).order_by(
                t.actors.c.id)
        else:
            query = sa.select(t.clusters).order_by(t.clusters.c.id)
        for row in conn.execute(query):
            out = dict(row._mapping)
            for key in _JSON_COLUMNS & out.keys():
                out[key] = json.loads(out[key])
            yield out


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    """A row for CSV and Parquet: nested values as JSON text."""
    return {k: json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v
            for k, v in row.items()}


def export(store: Store, what: What, fmt: ExportFormat, output: Path) -> int:
    """Write ``what`` to ``output`` in ``fmt``; returns the number of rows (or edges)."""
    if (what is What.network) != (fmt is ExportFormat.graphml):
        hint = ("use --what network" if fmt is ExportFormat.graphml
                else "use --format graphml")
        raise SaysoError(Errors.E047, fmt=fmt.value, what=what.value, hint=hint)
    if fmt is ExportFormat.parquet:
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise SaysoError(Errors.E042) from None
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        if fmt is ExportFormat.parquet:
            return _parquet(_rows(store, what), output)
        with output.open("w", encoding="utf-8", newline="") as fh:
            if fmt is ExportFormat.graphml:
                return write_graphml(store, fh)
            if fmt is ExportFormat.csv:
                return _csv(_rows(store, what), fh)
            n = 0
            for row in _rows(store, what):
                record = json.loads(row["record"]) if what is What.articles else row
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
                n += 1
            return n
    except OSError as exc:
        raise SaysoError(Errors.E036, path=output, detail=exc.strerror or exc) from None


def _csv(rows: Iterator[dict[str, Any]], fh: TextIO) -> int:
    writer: csv.DictWriter[str] | None = None
    n = 0
    for row in rows:
        flat = _flat(row)
        if writer is None:
            writer = csv.DictWriter(fh, fieldnames=list(flat))
            writer.writeheader()
        writer.writerow(flat)
        n += 1
    return n


def _parquet(rows: Iterator[dict[str, Any]], output: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer: pq.ParquetWriter | None = None
    chunk: list[dict[str, Any]] = []
    n = 0
    try:
        for row in rows:
            chunk.append(_flat(row))
            if len(chunk) == CHUNK_ROWS:
                table = pa.Table.from_pylist(chunk, schema=writer.schema if writer else None)
                writer = writer or pq.ParquetWriter(output, table.schema)
                writer.write_table(table)
                n, chunk = n + len(chunk), []
        if chunk or writer is None:
            table = pa.Table.from_pylist(chunk, schema=writer.schema if writer else None)
            writer = writer or pq.ParquetWriter(output, table.schema)
            writer.write_table(table)
            n += len(chunk)
    finally:
        if writer is not None:
            writer.close()
    return n


def network_edges(store: Store) -> list[dict[str, Any]]:
    """Who speaks about whom: (source actor, actor named in the claim, stance, count)."""
    a, about = t.attributions, t.claim_about
    query = (
        sa.select(a.c.actor_id.label("source"), about.c.actor_id.label("target"), a.c.stance,
                  sa.func.count().label("weight"))
        .join_from(a, about, about.c.attribution_id == a.c.id)
        .where(a.c.actor_id.is_not(None), a.c.actor_id != about.c.actor_id)
        .group_by(a.c.actor_id, about.c.actor_id, a.c.stance)
        .order_by(a.c.actor_id, about.c.actor_id, a.c.stance)
    )
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


def write_graphml(store: Store, fh: TextIO) -> int:
    """The actor network as GraphML: a node per actor in an edge, an edge per
    (speaker, actor spoken about, stance) with ``weight`` = number of claims."""
    edges = network_edges(store)
    ids = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
    actors: dict[int, Any] = {}
    with store.engine.connect() as conn:
        for i in range(0, len(ids), 2000):
            for row in conn.execute(sa.select(t.actors).where(
                    t.actors.c.id.in_(ids[i:i + 2000]))):
                actors[row.id] = row
    fh.write(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
        '  <key id="name" for="node" attr.name="name" attr.type="string"/>\n'
        '  <key id="type" for="node" attr.name="type" attr.type="string"/>\n'
        '  <key id="mentions" for="node" attr.name="mentions" attr.type="int"/>\n'
        '  <key id="stance" for="edge" attr.name="stance" attr.type="string"/>\n'
        '  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>\n'
        '  <graph id="actors" edgedefault="directed">\n'
    )
    for i in ids:
        row = actors[i]
        fh.write(
            f'    <node id="a{i}"><data key="name">{_text(row.name)}</data>'
            f'<data key="type">{_text(row.type)}</data>'
            f'<data key="mentions">{row.mentions}</data></node>\n'
        )
    for n, e in enumerate(edges):
        fh.write(
            f'    <edge id="e{n}" source="a{e["source"]}" target="a{e["target"]}">'
            f'<data key="stance">{_text(e["stance"])}</data>'
            f'<data key="weight">{e["weight"]}</data></edge>\n'
        )
    fh.write("  </graph>\n</graphml>\n")
    return len(edges)


def _text(value: str) -> str:
    """XML character data (quoteattr escapes &, <, > and quotes; strip its quotes)."""
    return quoteattr(value)[1:-1]
