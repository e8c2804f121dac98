"""The store's tables: one SQLAlchemy Core schema for SQLite and PostgreSQL.

Every table is documented in ``docs/store.md`` so users can open ``sayso.db`` in any SQLite
tool. Integer ids are assigned by the ingest itself (never by a sequence), so an ingest
killed mid-batch and rerun ends with exactly the ids of an uninterrupted run: PostgreSQL
sequences are not rolled back with the transaction that drew from them.

Full-text search is the one part the two databases do differently: an FTS5 external-content
table over ``attributions`` in SQLite, a stored ``tsvector`` column with a GIN index in
PostgreSQL. Both are created by dialect-conditional DDL hooked onto the schema.
"""

from __future__ import annotations

import sqlalchemy as sa

SCHEMA_VERSION = 1
"""Bumped when a table changes in a way an older ``sayso.db`` cannot be read with."""

metadata = sa.MetaData()

store_meta = sa.Table(
    "store_meta",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.String(512), primary_key=True),
    sa.Column("seq", sa.Integer, nullable=False, unique=True),
    sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("title", sa.Text),
    sa.Column("outlet", sa.String(512)),
    sa.Column("published", sa.String(64)),
    sa.Column("url", sa.Text),
    sa.Column("n_attributions", sa.Integer, nullable=False),
    sa.Column("anonymous_share", sa.Float),
    sa.Column("lede", sa.Text, nullable=False),  # the text's start, for wire credits
    sa.Column("record", sa.Text, nullable=False),
    sa.Index("ix_articles_outlet_seq", "outlet", "seq"),
)

actors = sa.Table(
    "actors",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("type", sa.String(32), nullable=False),
    sa.Column("names", sa.Text, nullable=False),  # JSON array
    sa.Column("roles", sa.Text, nullable=False),  # JSON array
    sa.Column("search", sa.Text, nullable=False),  # casefolded names, for --q
    sa.Column("mentions", sa.Integer, nullable=False),
    sa.Column("articles", sa.Integer, nullable=False),
    sa.Column("merged_into", sa.Integer),
    sa.Index("ix_actors_rank", "mentions", "id"),
)

actor_mentions = sa.Table(
    "actor_mentions",
    metadata,
    sa.Column("article_id", sa.String(512), primary_key=True),
    sa.Column("local_id", sa.String(32), primary_key=True),
    sa.Column("actor_id", sa.Integer, nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("type", sa.String(32), nullable=False),
    sa.Column("roles", sa.Text, nullable=False),  # JSON array
    sa.Column("seq", sa.Integer, nullable=False),  # ingest order, for stable listings
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Index("ix_actor_mentions_actor", "actor_id", "seq"),
)

actor_keys = sa.Table(
    "actor_keys",
    metadata,
    sa.Column("key", sa.String(512), primary_key=True),
    sa.Column("actor_id", sa.Integer, primary_key=True, autoincrement=False),
)

actor_overrides = sa.Table(
    "actor_overrides",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("kind", sa.String(16), nullable=False),  # "merge" | "split"
    sa.Column("actor_id", sa.Integer, nullable=False),  # merge: kept; split: left
    sa.Column("other_id", sa.Integer, nullable=False),  # merge: absorbed; split: new actor
    sa.Column("name", sa.Text),  # split: the casefolded name that may not join actor_id
    sa.Index("ix_actor_overrides_name", "name"),
)

clusters = sa.Table(
    "clusters",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("claim", sa.Text, nullable=False),  # the representative content
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("n_outlets", sa.Integer, nullable=False),
    sa.Column("first_claim_id", sa.Integer, nullable=False),
    sa.Column("independent_sources", sa.Integer, nullable=False),
    sa.Column("independence", sa.Text, nullable=False),  # JSON [{"members", "reason"}]
    sa.Column("stale", sa.Boolean, nullable=False),  # grown; the three above not yet redone
    sa.Index("ix_clusters_rank", "size", "id"),
    sa.Index("ix_clusters_stale", "stale", "id"),
)

claim_keys = sa.Table(
    "claim_keys",
    metadata,
    sa.Column("key", sa.String(128), primary_key=True),
    sa.Column("cluster_id", sa.Integer, primary_key=True, autoincrement=False),
)

attributions = sa.Table(
    "attributions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("article_id", sa.String(512), nullable=False),
    sa.Column("attribution_id", sa.String(32), nullable=False),
    sa.Column("outlet", sa.String(512)),
    sa.Column("published", sa.String(64)),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("source_type", sa.String(32), nullable=False),
    sa.Column("anonymous", sa.Boolean, nullable=False),
    sa.Column("local_actor", sa.String(32)),
    sa.Column("actor_id", sa.Integer),
    sa.Column("cue", sa.Text, nullable=False),
    sa.Column("stance", sa.String(32), nullable=False),
    sa.Column("content", sa.Text, nullable=False),
    sa.Column("channel", sa.Text, nullable=False),
    sa.Column("cluster_id", sa.Integer),
    sa.Column("offsets", sa.Text, nullable=False),  # JSON {"source": [[s, e]], ...}
    sa.UniqueConstraint("article_id", "attribution_id"),
    sa.Index("ix_attributions_actor", "actor_id", "id"),
    sa.Index("ix_attributions_cluster", "cluster_id", "id"),
    sa.Index("ix_attributions_outlet", "outlet", "id"),
    sa.Index("ix_attributions_source_type", "source_type", "id"),
)

claim_about = sa.Table(
    "claim_about",
    metadata,
    sa.Column("attribution_id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("actor_id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Index("ix_claim_about_actor", "actor_id", "attribution_id"),
)

FTS_TABLE = "claims_fts"

sa.event.listen(
    attributions,
    "after_create",
    sa.DDL(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
        "content, source, content='attributions', content_rowid='id',"
        " tokenize='porter unicode61')"
    ).execute_if(dialect="sqlite"),
)
sa.event.listen(
    attributions,
    "after_create",
    sa.DDL(
        "ALTER TABLE attributions ADD COLUMN IF NOT EXISTS tsv tsvector GENERATED ALWAYS AS"
        " (to_tsvector('english', content || ' ' || source)) STORED"
    ).execute_if(dialect="postgresql"),
)
sa.event.listen(
    attributions,
    "after_create",
    sa.DDL(
        "CREATE INDEX IF NOT EXISTS ix_attributions_tsv ON attributions USING gin (tsv)"
    ).execute_if(dialect="postgresql"),
)
