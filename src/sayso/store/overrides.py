"""User corrections to actor merging: ``sayso actors merge`` and ``sayso actors split``.

Both re-assign the stored mentions (and the attributions and "said about" links that follow
them) and leave a row in ``actor_overrides`` that later ingests obey:

- a merge marks the absorbed actor ``merged_into`` the kept one, so every lookup that lands
  on it is redirected (an alias);
- a split is a cannot-link between a name (casefolded) and the actor it was taken out of,
  so that name is never offered that actor as a candidate again.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa

from ..corpus.actors import ActorMention, CorpusActor, actor_keys, merge_actor
from ..errors import Errors, SaysoError
from . import schema as t
from .ingest import (
    actor_row,
    cluster_row,
    corpus_actor,
    fold_name,
    next_id,
    stored_members,
    update_clusters,
)


def _live(conn: sa.Connection, actor_id: int) -> Any:
    """The actor row an id resolves to today (following earlier merges)."""
    for _ in range(64):
        row = conn.execute(sa.select(t.actors).where(t.actors.c.id == actor_id)).first()
        if row is None:
            raise SaysoError(Errors.E044, kind="actor", id=actor_id, listing="actors")
        if row.merged_into is None:
            return row
        actor_id = row.merged_into
    raise SaysoError(Errors.E044, kind="actor", id=actor_id, listing="actors")


def _recount(conn: sa.Connection, actor: CorpusActor) -> None:
    """Rewrite an actor's row with its mention and article counts taken from the mentions."""
    m = t.actor_mentions.c
    mentions, articles = conn.execute(
        sa.select(sa.func.count(), sa.func.count(sa.distinct(m.article_id)))
        .where(m.actor_id == actor.id)
    ).one()
    row = actor_row(actor, mentions, articles)
    del row["id"]
    conn.execute(t.actors.update().where(t.actors.c.id == actor.id).values(**row))


def _refresh_clusters(conn: sa.Connection, attribution_ids: list[int]) -> None:
    """Recompute independence for the clusters of re-assigned attributions."""
    a, c = t.attributions.c, t.clusters.c
    ids: list[int] = []
    for i in range(0, len(attribution_ids), 2000):
        ids.extend(conn.execute(
            sa.select(a.cluster_id).where(a.id.in_(attribution_ids[i:i + 2000]),
                                          a.cluster_id.is_not(None)).distinct()).scalars())
    ids = sorted(set(ids))
    if not ids:
        return
    claims = dict(conn.execute(sa.select(c.id, c.claim).where(c.id.in_(ids))).all())
    members = stored_members(conn, ids)
    update_clusters(conn, [cluster_row(i, claims[i], members[i]) for i in ids])


def merge(conn: sa.Connection, keep: int, absorb: int) -> None:
    """Fold actor ``absorb`` into ``keep``: its mentions, claims and keys move over."""
    kept, gone = _live(conn, keep), _live(conn, absorb)
    if kept.id == gone.id:
        return
    m, a, about = t.actor_mentions, t.attributions, t.claim_about
    note = f"merged by the user into actor {kept.id} (sayso actors merge {kept.id} {gone.id}); "
    conn.execute(m.update().where(m.c.actor_id == gone.id).values(
        actor_id=kept.id, reason=sa.literal(note) + m.c.reason))
    moved = list(conn.execute(sa.select(a.c.id).where(a.c.actor_id == gone.id)).scalars())
    conn.execute(a.update().where(a.c.actor_id == gone.id).values(actor_id=kept.id))
    both = sa.select(about.c.attribution_id).where(about.c.actor_id == kept.id)
    conn.execute(about.delete().where(about.c.actor_id == gone.id,
                                      about.c.attribution_id.in_(both)))
    conn.execute(about.update().where(about.c.actor_id == gone.id).values(actor_id=kept.id))
    # The absorbed actor keeps its name keys and its names: later mentions still find it
    # and are redirected (ingest follows merged_into).
    conn.execute(t.actors.update().where(t.actors.c.merged_into == gone.id)
                 .values(merged_into=kept.id))
    conn.execute(t.actors.update().where(t.actors.c.id == gone.id)
                 .values(merged_into=kept.id, mentions=0, articles=0))
    # The kept actor's own names stay as they were: they are what later mentions are
    # compared with, and the absorbed actor is still compared under its names.
    _recount(conn, corpus_actor(kept))
    conn.execute(t.actor_overrides.insert().values(
        id=next_id(conn, t.actor_overrides.c.id), kind="merge", actor_id=kept.id,
        other_id=gone.id, name=None))
    _refresh_clusters(conn, moved)


def split(conn: sa.Connection, actor_id: int, name: str) -> int:
    """Move the mentions called ``name`` out of an actor into a new one; returns its id."""
    old = _live(conn, actor_id)
    folded = fold_name(name)
    m, a, art = t.actor_mentions, t.attributions, t.articles
    moved = [r for r in conn.execute(
        sa.select(m, art.c.outlet, art.c.published).join_from(m, art, m.c.article_id == art.c.id)
        .where(m.c.actor_id == old.id).order_by(m.c.seq))
        if fold_name(r.name) == folded]
    if not moved:
        raise SaysoError(Errors.E044, kind=f"mention named {name!r} under actor", id=old.id,
                         listing=f"actor {old.id}")
    new_id = next_id(conn, t.actors.c.id)
    first = moved[0]
    new = CorpusActor(id=new_id, name=first.name, type=first.type, names=(first.name,),
                      roles=tuple(json.loads(first.roles)))
    mentions = [ActorMention(r.article_id, r.local_id, r.name, r.type,
                             tuple(json.loads(r.roles)), r.outlet, r.published) for r in moved]
    for mention in mentions[1:]:
        new = merge_actor(new, mention)
    conn.execute(t.actors.insert().values(**actor_row(new, 0, 0)))
    note = f"split by the user from actor {old.id} (sayso actors split {old.id} --name {name!r})"
    pairs = [(r.article_id, r.local_id) for r in moved]
    where_moved = sa.tuple_(m.c.article_id, m.c.local_id).in_(pairs)
    conn.execute(m.update().where(where_moved).values(actor_id=new_id, reason=note, score=1.0))
    moved_claims = sa.select(a.c.id).where(
        a.c.actor_id == old.id, sa.tuple_(a.c.article_id, a.c.local_actor).in_(pairs))
    claim_ids = list(conn.execute(moved_claims).scalars())
    if claim_ids:
        conn.execute(a.update().where(a.c.id.in_(claim_ids)).values(actor_id=new_id))
    _move_about(conn, old.id, new_id, moved)
    have: set[str] = set()
    for mention in mentions:
        for key in actor_keys(mention):
            if key not in have:
                have.add(key)
                conn.execute(t.actor_keys.insert().values(key=key, actor_id=new_id))
    conn.execute(t.actor_overrides.insert().values(
        id=next_id(conn, t.actor_overrides.c.id), kind="split", actor_id=old.id,
        other_id=new_id, name=folded))
    remaining = [n for n in json.loads(old.names) if fold_name(n) != folded] or [old.name]
    rest = CorpusActor(id=old.id, name=old.name if old.name in remaining else remaining[0],
                       type=old.type, names=tuple(remaining), roles=tuple(json.loads(old.roles)))
    _recount(conn, rest)
    _recount(conn, new)
    _refresh_clusters(conn, claim_ids)
    return new_id


def _move_about(conn: sa.Connection, old_id: int, new_id: int, moved: list[Any]) -> None:
    """Re-point "said about" links: a claim is about the new actor where the content holds
    a mention of one of the moved in-article actors (read back from the stored record)."""
    about, a = t.claim_about, t.attributions
    by_article: dict[str, set[str]] = {}
    for r in moved:
        by_article.setdefault(r.article_id, set()).add(r.local_id)
    for article_id, local_ids in by_article.items():
        record = json.loads(conn.execute(
            sa.select(t.articles.c.record).where(t.articles.c.id == article_id)).scalar_one())
        spans = [s for e in record.get("actors", []) if e["id"] in local_ids
                 for s in e.get("mentions", [])]
        ids = dict(conn.execute(sa.select(a.c.attribution_id, a.c.id)
                                .where(a.c.article_id == article_id)).all())
        for att in record["attributions"]:
            content = att["content"]["spans"]
            if not any(s <= x and y <= e for x, y in spans for s, e in content):
                continue
            claim = ids[att["id"]]
            conn.execute(about.delete().where(about.c.attribution_id == claim,
                                              about.c.actor_id == old_id))
            exists = conn.execute(sa.select(about.c.actor_id).where(
                about.c.attribution_id == claim, about.c.actor_id == new_id)).first()
            if exists is None:
                conn.execute(about.insert().values(attribution_id=claim, actor_id=new_id))
