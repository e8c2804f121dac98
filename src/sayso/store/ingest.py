"""Writing analysed records into the store, one batch per transaction.

A batch is the articles, their attributions, the actor decisions and the cluster updates
they cause, written in ONE transaction: killed at any point, the store holds whole batches
only. Everything a batch does depends on the store's state and the batch's records taken in
input order, never on where the batch boundaries fall, and every id is drawn from
``max(id) + 1`` inside the transaction; so a rerun after a kill (which skips what was stored,
by content hash) ends with exactly the tables, ids included, of an uninterrupted run.

The corpus decisions themselves (which mentions are one actor, which contents are one claim,
how many independent sources a claim has) are :mod:`sayso.corpus`'s pure functions; this
module only finds their candidates through the key tables and records the outcome.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import os
import signal
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from ..contract import SCHEMA_ID
from ..corpus.actors import ActorMention, CorpusActor, actor_keys, merge_actor, resolve_actor
from ..corpus.claims import (
    ClaimMember,
    claim_keys,
    first_reporter,
    independent_sources,
    same_claim,
)
from ..errors import Errors, InputError, SaysoError
from . import schema as t

KILL_ENV = "SAYSO_STORE_KILL_AFTER_BATCHES"
"""Test-only fault injection: SIGKILL the process inside the transaction of batch N + 1."""

LEDE_CHARS = 300
"""How much of an article's text claim tracing sees (enough for a dateline and wire credit)."""

MAX_KEY_CLUSTERS = 64
"""Clusters a near-duplicate key may point to; past that it is saturated (too common)."""

MAX_CLUSTER_CANDIDATES = 20
"""Candidate clusters compared (by ``same_claim``) per attribution, most shared keys first."""

IN_CHUNK = 2000
"""Values per ``IN (...)`` list: well under SQLite's and psycopg's parameter limits."""


@dataclass
class IngestReport:
    """What an ingest did: the summary line and the exit status come from it."""

    stored: int = 0
    duplicates: int = 0
    failed: int = 0
    attributions: int = 0
    batches: int = 0
    errors: list[SaysoError] = field(default_factory=list)

    def summary(self) -> str:
        """The closing line of ``sayso ingest``."""
        return (
            f"{self.stored} articles stored ({self.attributions} attributions),"
            f" {self.duplicates} skipped as duplicate, {self.failed} failed"
        )


def content_hash(text: str) -> str:
    """The article's identity in the store: the same text is the same article."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def fold_name(name: str) -> str:
    """The form a split's cannot-link is keyed by: case and spacing do not matter."""
    return " ".join(name.casefold().split())


# -- checking records ------------------------------------------------------------------

_ROLES = ("source", "cue", "content")


def _check_role(role: Any, what: str) -> None:
    if not isinstance(role, dict) or not isinstance(role.get("text"), str):
        raise ValueError(f"{what} has no text")
    spans = role.get("spans")
    if not isinstance(spans, list) or not all(
        isinstance(s, list) and len(s) == 2 and all(isinstance(x, int) for x in s) for s in spans
    ):
        raise ValueError(f"{what} spans are not [[start, end], ...]")


def check_record(record: Any) -> None:
    """Raise ValueError naming the first field the store needs and cannot use.

    Checked before a record enters a batch, so a bad record never leaves half its decisions
    in the batch's state.
    """
    if not isinstance(record, dict) or record.get("schema") != SCHEMA_ID:
        raise ValueError(f"'schema' is not {SCHEMA_ID!r}")
    if not isinstance(record.get("id"), str) or not record["id"]:
        raise ValueError("'id' is not a non-empty string")
    if not isinstance(record.get("text"), str):
        raise ValueError("'text' is not a string")
    meta = record.get("meta", {})
    if not isinstance(meta, dict):
        raise ValueError("'meta' is not an object")
    for key in ("title", "outlet", "published", "url"):
        if meta.get(key) is not None and not isinstance(meta[key], str):
            raise ValueError(f"meta '{key}' is not a string")
    atts = record.get("attributions")
    if not isinstance(atts, list):
        raise ValueError("'attributions' is not a list")
    for a in atts:
        if not isinstance(a, dict) or not isinstance(a.get("id"), str):
            raise ValueError("an attribution has no string 'id'")
        for role in _ROLES:
            _check_role(a.get(role), f"attribution {a['id']} {role}")
        if a.get("channel") is not None:
            _check_role(a["channel"], f"attribution {a['id']} channel")
        if a.get("actor") is not None and not isinstance(a["actor"], str):
            raise ValueError(f"attribution {a['id']} actor is not a string")
        if not isinstance(a.get("anonymous", {}), dict | None):
            raise ValueError(f"attribution {a['id']} anonymous is not an object")
    actors = record.get("actors", [])
    if not isinstance(actors, list):
        raise ValueError("'actors' is not a list")
    for e in actors:
        if not (
            isinstance(e, dict)
            and isinstance(e.get("id"), str)
            and isinstance(e.get("name"), str)
            and e["name"].strip()
            and isinstance(e.get("type"), str)
        ):
            raise ValueError("an actor lacks a string 'id', 'name' or 'type'")
        _check_role({"text": "", "spans": e.get("mentions", [])}, f"actor {e['id']} mentions")
        roles = e.get("roles", [])
        if not isinstance(roles, list) or not all(isinstance(r, str) for r in roles):
            raise ValueError(f"actor {e['id']} roles are not strings")


def read_records(path: str) -> Iterator[dict[str, Any] | InputError]:
    """Analysed records from a JSONL file, a coded error in place of each unusable line."""
    with open(path, "rb") as fh:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            here = f"{path}:{lineno}"
            try:
                record = json.loads(raw)
                check_record(record)
            except (ValueError, UnicodeDecodeError) as exc:
                detail = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
                yield InputError(Errors.E043, here, line=lineno, detail=detail)
                continue
            yield record


def is_record_file(path: str) -> bool:
    """Whether a JSONL file holds analysed records (its first object names the schema)."""
    try:
        with open(path, "rb") as fh:
            for raw in fh:
                if raw.strip():
                    first = json.loads(raw)
                    return isinstance(first, dict) and first.get("schema") == SCHEMA_ID
    except (OSError, ValueError):
        return False
    return False


# -- one batch ----------------------------------------------------------------------------


def _chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for i in range(0, len(values), IN_CHUNK):
        yield values[i : i + IN_CHUNK]


def _pairs_in(
    conn: sa.Connection,
    key: sa.Column[Any],
    value: sa.Column[Any],
    keys: Sequence[Any],
    *where: sa.ColumnElement[bool],
) -> Iterator[tuple[Any, Any]]:
    """``(key, value)`` rows whose key is in ``keys``, asked IN_CHUNK keys at a time (both
    databases cap the parameters of one statement)."""
    for chunk in _chunks(keys):
        yield from conn.execute(sa.select(key, value).where(key.in_(chunk), *where)).tuples()


def next_id(conn: sa.Connection, column: sa.Column[Any]) -> int:
    return int(conn.execute(sa.select(sa.func.coalesce(sa.func.max(column), 0))).scalar_one()) + 1


def corpus_actor(row: Any) -> CorpusActor:
    return CorpusActor(
        id=row.id,
        name=row.name,
        type=row.type,
        names=tuple(json.loads(row.names)),
        roles=tuple(json.loads(row.roles)),
    )


def _inside(span: Sequence[int], spans: Iterable[Sequence[int]]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in spans)


@dataclass
class _Cluster:
    id: int
    claim: str
    new: bool
    members: list[int] = field(default_factory=list)  # new members' attribution ids


class Batch:
    """One transaction's worth of records: decisions made in memory, then written in bulk.

    The state a decision sees is the store's (loaded for the batch's keys) plus everything
    decided earlier in the batch, so decisions come out the same however the input is cut
    into batches.
    """

    def __init__(self, conn: sa.Connection) -> None:
        self.conn = conn
        self.sqlite = conn.dialect.name == "sqlite"
        self.next_actor = next_id(conn, t.actors.c.id)
        self.next_cluster = next_id(conn, t.clusters.c.id)
        self.next_attribution = next_id(conn, t.attributions.c.id)
        self.next_article_seq = next_id(conn, t.articles.c.seq)
        self.next_mention_seq = next_id(conn, t.actor_mentions.c.seq)
        self.articles: list[dict[str, Any]] = []
        self.attributions: list[dict[str, Any]] = []
        self.mentions: list[dict[str, Any]] = []
        self.about: list[dict[str, Any]] = []
        self.actors: dict[int, CorpusActor] = {}
        self.actor_counts: dict[int, list[int]] = {}  # id -> [mentions, articles]
        self.new_actors: set[int] = set()
        self.changed_actors: set[int] = set()
        self.actor_key_index: dict[str, list[int]] = {}
        self.new_actor_keys: list[dict[str, Any]] = []
        self.alias: dict[int, int] = {}
        self.forbidden: dict[str, set[int]] = defaultdict(set)
        self.cluster_key_index: dict[str, list[int]] = {}
        self.clusters: dict[int, _Cluster] = {}
        self.new_claim_keys: list[dict[str, Any]] = []
        self.claim_key_cache: list[list[list[str]]] = []  # per record, per attribution

    # -- loading the state the batch's keys can reach --------------------------------

    def load(self, records: list[dict[str, Any]], mention_keys: list[list[list[str]]]) -> None:
        """Fetch the key rows, actors, overrides and clusters these records can touch."""
        conn = self.conn
        akeys = sorted({k for per in mention_keys for keys in per for k in keys})
        for key, actor_id in _pairs_in(conn, t.actor_keys.c.key, t.actor_keys.c.actor_id, akeys):
            self.actor_key_index.setdefault(key, []).append(actor_id)
        for ids in self.actor_key_index.values():
            ids.sort()
        for key in akeys:
            self.actor_key_index.setdefault(key, [])
        names = sorted({fold_name(e["name"]) for r in records for e in r.get("actors", [])})
        overrides = t.actor_overrides.c
        split = overrides.kind == "split"
        for name, actor_id in _pairs_in(conn, overrides.name, overrides.actor_id, names, split):
            self.forbidden[name].add(actor_id)
        self._load_actors({i for ids in self.actor_key_index.values() for i in ids})
        self.claim_key_cache = [[self._claim_keys(a) for a in r["attributions"]] for r in records]
        ckeys = sorted({k for per in self.claim_key_cache for keys in per for k in keys})
        cluster_ids: set[int] = set()
        for key, cluster_id in _pairs_in(
            conn, t.claim_keys.c.key, t.claim_keys.c.cluster_id, ckeys
        ):
            self.cluster_key_index.setdefault(key, []).append(cluster_id)
        for key, ids in self.cluster_key_index.items():
            ids.sort()
            if key.startswith("f:") or len(ids) < MAX_KEY_CLUSTERS:  # saturated keys unused
                cluster_ids.update(ids)
        for cid, claim in _pairs_in(conn, t.clusters.c.id, t.clusters.c.claim, sorted(cluster_ids)):
            self.clusters[cid] = _Cluster(cid, claim, new=False)

    def _load_actors(self, ids: set[int]) -> None:
        """Load actors, and for those a user merged away, the actor that absorbed them."""
        todo = sorted(ids - self.actors.keys())
        while todo:
            found = []
            for chunk in _chunks(todo):
                found.extend(self.conn.execute(sa.select(t.actors).where(t.actors.c.id.in_(chunk))))
            for row in found:
                self.actors[row.id] = corpus_actor(row)
                self.actor_counts[row.id] = [row.mentions, row.articles]
                if row.merged_into is not None:
                    self.alias[row.id] = row.merged_into
            todo = sorted(set(self.alias.values()) - self.actors.keys())

    def _canonical(self, actor_id: int) -> int:
        while actor_id in self.alias:
            actor_id = self.alias[actor_id]
        return actor_id

    @staticmethod
    def _content(a: dict[str, Any]) -> str:
        return a["content"]["text"].strip()

    def _claim_keys(self, a: dict[str, Any]) -> list[str]:
        content = self._content(a)
        return claim_keys(content) if content else []

    # -- decisions ------------------------------------------------------------------------

    def resolve(self, m: ActorMention, keys: list[str]) -> tuple[int, float, str]:
        """The corpus actor for one in-article actor: an existing one or a new one."""
        # Actors a user merged away stay candidates under their own names (so what would
        # have joined them still does) and the decision is mapped to the absorbing actor;
        # a split's cannot-link bans the actor and everything merged into it.
        banned = self.forbidden.get(fold_name(m.name), set())
        ids = sorted(
            i for i in {i for k in keys for i in self.actor_key_index[k]}
            if i not in banned and self._canonical(i) not in banned
        )
        decision = resolve_actor(m, [self.actors[i] for i in ids])
        if decision.actor_id is None or decision.actor_id not in ids:
            actor_id = self.next_actor
            self.next_actor += 1
            self.actors[actor_id] = CorpusActor(
                id=actor_id, name=m.name, type=m.type, names=(m.name,), roles=m.roles
            )
            self.actor_counts[actor_id] = [0, 0]
            self.new_actors.add(actor_id)
        else:
            actor_id = self._canonical(decision.actor_id)
            self.actors[actor_id] = merge_actor(self.actors[actor_id], m)
            self.changed_actors.add(actor_id)
        for key in keys:
            if actor_id not in self.actor_key_index[key]:
                self.actor_key_index[key].append(actor_id)
                self.new_actor_keys.append({"key": key, "actor_id": actor_id})
        return actor_id, decision.score, decision.reason

    def cluster_for(self, content: str, keys: list[str], attribution_id: int) -> int:
        """The claim cluster for one content: the first candidate that is the same claim.

        ``keys[0]`` is the exact fingerprint key. A near-duplicate key shared by
        :data:`MAX_KEY_CLUSTERS` clusters is saturated: it is no longer used or extended,
        as search engines drop stop words, so lookups stay bounded as the corpus grows.
        """
        shared: dict[int, int] = {}
        live = [k for k in keys[1:] if len(self.cluster_key_index.get(k, ())) < MAX_KEY_CLUSTERS]
        for k in (keys[0], *live):
            for c in self.cluster_key_index.get(k, ()):
                shared[c] = shared.get(c, 0) + 1
        # The clusters sharing the most keys first, and only the best few: a candidate that
        # shares one LSH band of many is rarely the same claim.
        candidates = heapq.nsmallest(MAX_CLUSTER_CANDIDATES, shared,
                                     key=lambda c: (-shared[c], c))
        exact = set(self.cluster_key_index.get(keys[0], []))
        chosen = next(
            (c for c in candidates if c in exact or same_claim(content, self.clusters[c].claim)),
            None,
        )
        if chosen is None:
            chosen = self.next_cluster
            self.next_cluster += 1
            self.clusters[chosen] = _Cluster(chosen, content, new=True)
            for key in (keys[0], *live):
                self.cluster_key_index.setdefault(key, []).append(chosen)
                self.new_claim_keys.append({"key": key, "cluster_id": chosen})
        self.clusters[chosen].members.append(attribution_id)
        return chosen

    def add(self, record: dict[str, Any], article_id: str, digest: str,
            mention_keys: list[list[str]], claim_keys: list[list[str]]) -> None:
        """Decide everything about one record and queue its rows."""
        meta = record.get("meta") or {}
        outlet, published = meta.get("outlet"), meta.get("published")
        text = record["text"]
        local: dict[str, int] = {}
        counted: set[int] = set()
        spans_of: dict[str, list[list[int]]] = {}
        for e, keys in zip(record.get("actors", []), mention_keys, strict=True):
            m = ActorMention(
                article_id=article_id,
                local_id=e["id"],
                name=e["name"],
                type=e["type"],
                roles=tuple(e.get("roles", [])),
                outlet=outlet,
                published=published,
            )
            actor_id, score, reason = self.resolve(m, keys)
            local[e["id"]] = actor_id
            spans_of[e["id"]] = e.get("mentions", [])
            counts = self.actor_counts[actor_id]
            counts[0] += 1
            if actor_id not in counted:
                counted.add(actor_id)
                counts[1] += 1
            self.mentions.append({
                "article_id": article_id, "local_id": e["id"], "actor_id": actor_id,
                "name": e["name"], "type": e["type"], "roles": json.dumps(list(m.roles)),
                "seq": self.next_mention_seq, "score": float(score), "reason": reason,
            })
            self.next_mention_seq += 1
        for a, keys in zip(record["attributions"], claim_keys, strict=True):
            aid = self.next_attribution
            self.next_attribution += 1
            content = self._content(a)
            cluster = self.cluster_for(content, keys, aid) if keys else None
            actor = local.get(a.get("actor") or "")
            content_spans = a["content"]["spans"]
            about = {
                local[local_id]
                for local_id, spans in spans_of.items()
                if any(_inside(s, content_spans) for s in spans)
            }
            self.about.extend({"attribution_id": aid, "actor_id": i} for i in sorted(about))
            anonymous = a.get("anonymous") or {}
            self.attributions.append({
                "id": aid, "article_id": article_id, "attribution_id": a["id"],
                "outlet": outlet, "published": published,
                "kind": a.get("kind", "indirect"), "confidence": float(a.get("confidence", 0.0)),
                "source": a["source"]["text"], "source_type": a.get("source_type", "unspecified"),
                "anonymous": bool(anonymous.get("is", False)), "local_actor": a.get("actor"),
                "actor_id": actor, "cue": a["cue"]["text"], "stance": a.get("stance", "other"),
                "content": a["content"]["text"],
                "channel": (a.get("channel") or {}).get("text", ""),
                "cluster_id": cluster,
                "offsets": json.dumps({
                    role: (a.get(role) or {}).get("spans", [])
                    for role in ("source", "cue", "content", "channel")
                }),
                "_lede": text[:LEDE_CHARS],
            })
        scorecard = record.get("scorecard") or {}
        self.articles.append({
            "id": article_id, "seq": self.next_article_seq, "content_hash": digest,
            "title": meta.get("title"), "outlet": outlet, "published": published,
            "url": meta.get("url"), "lede": text[:LEDE_CHARS],
            "n_attributions": len(record["attributions"]),
            "anonymous_share": scorecard.get("anonymous_share"),
            "record": json.dumps(record, ensure_ascii=False),
        })
        self.next_article_seq += 1

    # -- writing ----------------------------------------------------------------------

    def _cluster_rows(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Rows for the clusters this batch created, and size bumps for those it grew.

        Both are marked ``stale``: first reporter and independent sources depend on every
        member, so they are computed once per cluster when the ingest ends
        (:func:`refresh_stale_clusters`), not once per batch that touches the cluster.
        """
        new, grown = [], []
        for cid, cl in sorted(self.clusters.items()):
            if not cl.members:
                continue
            if cl.new:
                new.append({
                    "id": cid, "claim": cl.claim, "size": len(cl.members), "n_outlets": 0,
                    "first_claim_id": cl.members[0], "independent_sources": 0,
                    "independence": "[]", "stale": True,
                })
            else:
                grown.append({"b_id": cid, "grow": len(cl.members)})
        return new, grown

    def write(self) -> None:
        """Write every queued row; the caller commits."""
        conn = self.conn
        if self.articles:
            conn.execute(t.articles.insert(), self.articles)
        if self.attributions:
            rows = [{k: v for k, v in r.items() if k != "_lede"} for r in self.attributions]
            new_clusters, changed_clusters = self._cluster_rows()
            conn.execute(t.attributions.insert(), rows)
            if self.sqlite:
                conn.execute(
                    sa.text(
                        f"INSERT INTO {t.FTS_TABLE}(rowid, content, source)"
                        " VALUES (:id, :content, :source)"
                    ),
                    [{"id": r["id"], "content": r["content"], "source": r["source"]}
                     for r in rows],
                )
            if new_clusters:
                conn.execute(t.clusters.insert(), new_clusters)
            if changed_clusters:
                c = t.clusters.c
                conn.execute(
                    t.clusters.update().where(c.id == sa.bindparam("b_id"))
                    .values(size=c.size + sa.bindparam("grow"), stale=True),
                    changed_clusters,
                )
        if self.new_claim_keys:
            conn.execute(t.claim_keys.insert(), self.new_claim_keys)
        if self.about:
            conn.execute(t.claim_about.insert(), self.about)
        if self.mentions:
            conn.execute(t.actor_mentions.insert(), self.mentions)
        self._write_actors()
        if self.new_actor_keys:
            conn.execute(t.actor_keys.insert(), self.new_actor_keys)

    def _write_actors(self) -> None:
        rows = {i: actor_row(self.actors[i], *self.actor_counts[i])
                for i in self.new_actors | self.changed_actors}
        if self.new_actors:
            self.conn.execute(t.actors.insert(), [rows[i] for i in sorted(self.new_actors)])
        changed = sorted(self.changed_actors - self.new_actors)
        if changed:
            c = t.actors.c
            self.conn.execute(
                t.actors.update().where(c.id == sa.bindparam("b_id")).values(
                    name=sa.bindparam("name"), names=sa.bindparam("names"),
                    roles=sa.bindparam("roles"), search=sa.bindparam("search"),
                    mentions=sa.bindparam("mentions"), articles=sa.bindparam("articles"),
                ),
                [{**{k: v for k, v in rows[i].items() if k not in ("id", "type", "merged_into")},
                  "b_id": i} for i in changed],
            )


def actor_row(actor: CorpusActor, mentions: int, articles: int) -> dict[str, Any]:
    """An ``actors`` row for a corpus actor and its counts."""
    return {
        "id": actor.id, "name": actor.name, "type": actor.type,
        "names": json.dumps(list(actor.names), ensure_ascii=False),
        "roles": json.dumps(list(actor.roles), ensure_ascii=False),
        "search": " | ".join(fold_name(n) for n in actor.names),
        "mentions": mentions, "articles": articles, "merged_into": None,
    }


def stored_members(conn: sa.Connection, cluster_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """The stored members of clusters, as rows, in attribution-id order."""
    out: dict[int, list[dict[str, Any]]] = defaultdict(list)
    a, art = t.attributions, t.articles
    columns = (a.c.id, a.c.article_id, a.c.attribution_id, a.c.outlet, a.c.published,
               a.c.source, a.c.source_type, a.c.anonymous, a.c.actor_id, a.c.channel,
               a.c.content, a.c.cluster_id, art.c.lede.label("_lede"))
    for chunk in _chunks(cluster_ids):
        rows = conn.execute(
            sa.select(*columns)
            .join_from(a, art, a.c.article_id == art.c.id)
            .where(a.c.cluster_id.in_(chunk))
            .order_by(a.c.id)
        )
        for row in rows:
            out[row.cluster_id].append(dict(row._mapping))
    return out


def cluster_row(cluster_id: int, claim: str, members: list[dict[str, Any]]) -> dict[str, Any]:
    """A ``clusters`` row: size, outlets, first reporter and independent sources."""
    claim_members = [
        ClaimMember(
            key=f"{m['article_id']}#{m['attribution_id']}", article_id=m["article_id"],
            outlet=m["outlet"], published=m["published"], source_text=m["source"],
            source_type=m["source_type"], anonymous=bool(m["anonymous"]),
            actor_id=m["actor_id"], channel_text=m["channel"], content_text=m["content"],
            article_text=m["_lede"],
        )
        for m in members
    ]
    by_key = {cm.key: m["id"] for cm, m in zip(claim_members, members, strict=True)}
    independence = independent_sources(claim_members)
    return {
        "id": cluster_id, "claim": claim, "size": len(members),
        "n_outlets": len({m["outlet"] for m in members if m["outlet"]}),
        "first_claim_id": by_key[first_reporter(claim_members)],
        "independent_sources": independence.count,
        "independence": json.dumps([
            {"members": [by_key[k] for k in group], "reason": reason}
            for group, reason in zip(independence.groups, independence.reasons, strict=True)
        ]),
    }


def update_clusters(conn: sa.Connection, rows: list[dict[str, Any]]) -> None:
    """Write recomputed cluster rows over the stored ones."""
    if not rows:
        return
    c = t.clusters.c
    conn.execute(
        t.clusters.update().where(c.id == sa.bindparam("b_id")).values(
            size=sa.bindparam("size"), n_outlets=sa.bindparam("n_outlets"),
            first_claim_id=sa.bindparam("first_claim_id"),
            independent_sources=sa.bindparam("independent_sources"),
            independence=sa.bindparam("independence"), stale=False,
        ),
        [{**{k: v for k, v in r.items() if k not in ("id", "claim")}, "b_id": r["id"]}
         for r in rows],
    )


def refresh_stale_clusters(conn: sa.Connection, limit: int = IN_CHUNK) -> int:
    """Recompute up to ``limit`` stale clusters (lowest ids first); returns how many."""
    c = t.clusters.c
    rows = conn.execute(sa.select(c.id, c.claim).where(c.stale).order_by(c.id).limit(limit)).all()
    if rows:
        members = stored_members(conn, [r.id for r in rows])
        update_clusters(conn, [cluster_row(r.id, r.claim, members[r.id]) for r in rows])
    return len(rows)


def write_batch(conn: sa.Connection, records: list[dict[str, Any]], report: IngestReport) -> None:
    """Store a batch of checked records inside the caller's transaction."""
    digests = [content_hash(r["text"]) for r in records]
    stored: set[str] = set()
    for chunk in _chunks(sorted(set(digests))):
        stored.update(conn.execute(
            sa.select(t.articles.c.content_hash).where(t.articles.c.content_hash.in_(chunk))
        ).scalars())
    fresh: list[tuple[dict[str, Any], str]] = []
    for record, digest in zip(records, digests, strict=True):
        if digest in stored:
            report.duplicates += 1
            continue
        stored.add(digest)
        fresh.append((record, digest))
    if not fresh:
        return
    wanted = sorted({r["id"] for r, _ in fresh})
    taken: set[str] = set()
    for chunk in _chunks(wanted):
        taken.update(conn.execute(
            sa.select(t.articles.c.id).where(t.articles.c.id.in_(chunk))
        ).scalars())
    batch = Batch(conn)
    mention_keys = [
        [
            actor_keys(ActorMention(
                article_id=r["id"], local_id=e["id"], name=e["name"], type=e["type"],
                roles=tuple(e.get("roles", [])), outlet=(r.get("meta") or {}).get("outlet"),
                published=(r.get("meta") or {}).get("published"),
            ))
            for e in r.get("actors", [])
        ]
        for r, _ in fresh
    ]
    batch.load([r for r, _ in fresh], mention_keys)
    for (record, digest), keys, ckeys in zip(fresh, mention_keys, batch.claim_key_cache,
                                             strict=True):
        # Two different articles may share an id (two folders with a "story.txt"): the later
        # one gets its hash appended, which does not depend on batching.
        article_id = record["id"] if record["id"] not in taken else f"{record['id']}~{digest[:12]}"
        taken.add(article_id)
        batch.add(record, article_id, digest, keys, ckeys)
        report.stored += 1
        report.attributions += len(record["attributions"])
    batch.write()


def maybe_kill(batches_done: int) -> None:
    """Fault injection for the resumability test: die like ``kill -9``, mid-transaction."""
    limit = os.environ.get(KILL_ENV)
    if limit is not None and batches_done >= int(limit):
        os.kill(os.getpid(), signal.SIGKILL)
