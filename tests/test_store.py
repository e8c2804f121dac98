"""The store: ingest, cross-article actors and claims, corrections, reads, exports, resume.

Every test that touches a database runs against SQLite and against a real PostgreSQL
server (``SAYSO_TEST_PG_URL``, which ``.ci/run`` starts). Without that variable the
PostgreSQL cases skip with the reason shown by ``-ra``, unless ``SAYSO_REQUIRE_PG=1``
(set in CI), which makes them fail instead. Records are tiny and hand-made; one test
(marked ``model``) ingests sample articles through the real pipeline.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from sayso.cli import app
from sayso.errors import SaysoError
from sayso.store import Store
from sayso.store import schema as t
from sayso.store.ingest import KILL_ENV

REPO = Path(__file__).resolve().parent.parent

# -- hand-made records ------------------------------------------------------------------

Line = dict[str, Any]


def said(source: str, content: str, *, actor: str | None = None, type: str = "person",
         roles: tuple[str, ...] = (), source_type: str = "named_person", cue: str = "said",
         stance: str = "say", about: tuple[str, ...] = ()) -> Line:
    """One attributed sentence: “CONTENT,” SOURCE CUE. ``actor`` is the in-article actor
    the source refers to (its canonical name); ``about`` names organisations in the content."""
    return {"source": source, "content": content, "actor": actor, "type": type,
            "roles": list(roles), "source_type": source_type, "cue": cue, "stance": stance,
            "about": about}


def record(rid: str, lines: list[Line], *, outlet: str | None = None,
           published: str | None = None, lede: str = "") -> dict[str, Any]:
    """A valid ``sayso.article/1`` record whose spans index its text exactly."""
    text = lede
    attributions, actors = [], {}

    def mention(name: str, type: str, span: list[int], roles: list[str]) -> str:
        entry = actors.setdefault(name, {"id": f"e{len(actors) + 1}", "name": name,
                                         "type": type, "mentions": [], "roles": roles})
        entry["mentions"].append(span)
        return str(entry["id"])

    for i, line in enumerate(lines, 1):
        text += "“"
        c0 = len(text)
        text += line["content"]
        c1 = len(text)
        text += ",” "
        s0 = len(text)
        text += line["source"]
        s1 = len(text)
        text += " "
        q0 = len(text)
        text += line["cue"]
        q1 = len(text)
        text += ".\n"
        local = None
        if line["actor"]:
            local = mention(line["actor"], line["type"], [s0, s1], line["roles"])
        for name in line["about"]:
            at = c0 + line["content"].index(name)
            mention(name, "organisation", [at, at + len(name)], [])
        anonymous = line["source_type"] == "anonymous_person"
        attributions.append({
            "id": f"a{i}", "kind": "direct", "confidence": 0.9,
            "source": {"spans": [[s0, s1]], "text": line["source"]},
            "cue": {"spans": [[q0, q1]], "text": line["cue"]},
            "content": {"spans": [[c0, c1]], "text": line["content"]},
            "source_type": line["source_type"], "anonymous": {"is": anonymous, "reason": None},
            "actor": local, "channel": {"spans": [], "text": ""}, "stance": line["stance"],
            "hedges": [], "denies": [],
        })
    for entry in actors.values():
        entry["mentions"].sort()
    return {
        "schema": "sayso.article/1", "id": rid, "text": text,
        "meta": {"title": f"Story {rid}", "outlet": outlet, "published": published,
                 "url": None, "author": None, "path": None, "format": "jsonl"},
        "producer": {"sayso": "test", "spacy_pipeline": "none", "attribution_model": "none"},
        "attributions": attributions, "actors": list(actors.values()),
    }


CLAIM = "the Tannery Road plant will close next spring"


def corpus() -> list[dict[str, Any]]:
    """Three outlets, one claim relayed, one person named three ways, a namesake."""
    return [
        record("herald-1", [
            said("Maria Lenz, the union's negotiator", CLAIM, actor="Maria Lenz",
                 roles=("union negotiator",)),
            said("an official who declined to be named",
                 "Brennick Components misled the workers about the pension fund",
                 source_type="anonymous_person", cue="alleged", stance="accuse",
                 about=("Brennick Components",)),
        ], outlet="Vale Herald", published="2026-03-02"),
        record("courier-1", [
            said("Ms Lenz", CLAIM, actor="Maria Lenz"),
            said("Brennick Components", "the Transport Workers' Union had misled its members",
             actor="Brennick Components", type="organisation", source_type="organisation",
             cue="denied", stance="deny", about=("Transport Workers' Union",)),
        ], outlet="Eastwold Courier", published="2026-03-03", lede="ASHBY (MPA) — "),
        record("gazette-1", [
            said("Lenz", "the ferry timetable would be cut in winter", actor="Maria Lenz"),
            said("Paul Lenz, the harbour master", "the ferry timetable would not change",
                 actor="Paul Lenz", roles=("harbour master",)),
        ], outlet="Harbour Gazette", published="2026-03-05"),
    ]


# -- the two databases -----------------------------------------------------------------

PG_URL = os.environ.get("SAYSO_TEST_PG_URL")
REQUIRE_PG = os.environ.get("SAYSO_REQUIRE_PG") == "1"


def _pg_database() -> Iterator[str]:
    """A fresh PostgreSQL database for one test, dropped afterwards."""
    if not PG_URL:
        message = "PostgreSQL store tests need SAYSO_TEST_PG_URL=postgresql://user@host/db"
        if REQUIRE_PG:
            pytest.fail(f"SAYSO_REQUIRE_PG=1 but {message}")
        pytest.skip(message)
    name = f"sayso_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1),
                             isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    base = PG_URL.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def new_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    """A factory of empty store URLs on the parametrised backend."""
    made: list[Iterator[str]] = []

    def make() -> str:
        if request.param == "sqlite":
            return str(tmp_path / f"{uuid.uuid4().hex[:8]}.db")
        gen = _pg_database()
        made.append(gen)
        return next(gen)

    yield make
    for gen in made:
        next(gen, None)


@pytest.fixture
def store(new_url: Any) -> Iterator[Store]:
    s = Store.open(new_url())
    yield s
    s.close()


def dump(s: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows in primary-key order (ids included), plus what search finds."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with s.engine.connect() as conn:
        for table in t.metadata.sorted_tables:
            order = [c for c in table.primary_key.columns]
            out[table.name] = [tuple(r) for r in conn.execute(
                sa.select(table).order_by(*order))]
    out["search"] = [(c["id"],) for c in s.search_claims("plant", limit=1000).items]
    return out


# -- ingest and read --------------------------------------------------------------------


def test_actors_and_claims_across_articles(store: Store) -> None:
    report = store.ingest_records(corpus())
    assert (report.stored, report.duplicates, report.failed, report.attributions) == (3, 0, 0, 6)

    lenz = store.list_actors(q="maria").items
    assert [a["name"] for a in lenz] == ["Maria Lenz"]
    actor = store.get_actor(lenz[0]["id"])
    assert actor is not None
    assert actor["mentions"] == 3 and actor["articles"] == 3
    assert {m["name"] for m in actor["merges"]} == {"Maria Lenz"}
    assert all(m["reason"] for m in actor["merges"])
    assert actor["said_count"] == 3
    paul = store.list_actors(q="paul lenz").items
    assert len(paul) == 1 and paul[0]["id"] != actor["id"], "a namesake with another role"

    brennick = store.list_actors(q="brennick").items[0]
    about = store.get_actor(brennick["id"])
    assert about is not None
    assert [c["stance"] for c in about["said_about"]] == ["accuse"]

    [cluster] = store.list_clusters().items
    assert cluster["size"] == 2
    full = store.get_cluster(cluster["id"])
    assert full is not None
    assert full["outlets"] == ["Eastwold Courier", "Vale Herald"]
    assert full["first"]["article_id"] == "herald-1"
    assert full["independent_sources"] == 1, "one person said it twice"
    assert sorted(m for g in full["independence"] for m in g["members"]) == sorted(
        c["id"] for c in full["members"])


def test_search_filters_and_cursors(store: Store) -> None:
    store.ingest_records(corpus())
    hits = store.search_claims("plants closing")  # stemmed: plant/plants, close/closing
    assert {c["article_id"] for c in hits.items} == {"herald-1", "courier-1"}
    assert store.search_claims("plant", outlet="Vale Herald").items[0]["article_id"] == "herald-1"
    anon = store.search_claims(source_type="anonymous_person").items
    assert [c["source"] for c in anon] == ["an official who declined to be named"]
    dated = store.search_claims(since="2026-03-03", until="2026-03-03").items
    assert {c["article_id"] for c in dated} == {"courier-1"}
    claim = hits.items[0]
    assert claim["offsets"]["content"][0][1] > claim["offsets"]["content"][0][0]

    seen, cursor = [], None
    while True:
        page = store.list_actors(limit=2, cursor=cursor)
        seen += [a["id"] for a in page.items]
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    everyone = [a["id"] for a in store.list_actors(limit=100).items]
    assert seen == everyone and len(everyone) == 4  # Maria and Paul Lenz, Brennick, the union
    page = store.search_claims(limit=4)
    rest = store.search_claims(limit=4, cursor=page.next_cursor)
    assert len(page.items) == 4 and len(rest.items) == 2 and rest.next_cursor is None
    with pytest.raises(SaysoError, match="E046"):
        store.list_clusters(cursor="not-a-cursor")

    article = store.get_article("courier-1")
    assert article is not None and article["record"]["text"].startswith("ASHBY (MPA)")
    cards = {c["outlet"]: c for c in store.outlet_scorecards()}
    assert cards["Vale Herald"]["by_source_type"] == {"anonymous_person": 1, "named_person": 1}
    assert cards["Vale Herald"]["anonymous_share"] == 0.5
    assert [a["id"] for a in store.list_articles(outlet="Harbour Gazette").items] == [
        "gazette-1"]


def test_ingest_is_idempotent_and_batching_does_not_matter(new_url: Any) -> None:
    records = corpus()
    dumps = []
    for batch_size in (1, 2, 100):
        with Store.open(new_url()) as s:
            s.ingest_records(records, batch_size=batch_size)
            again = s.ingest_records(records, batch_size=batch_size)
            assert (again.stored, again.duplicates) == (0, 3)
            dumps.append(dump(s))
    assert dumps[0] == dumps[1] == dumps[2]


def test_bad_records_are_reported_not_fatal(store: Store, tmp_path: Path) -> None:
    broken = record("broken", [said("Ms Lenz", CLAIM, actor="Maria Lenz")])
    broken["attributions"][0]["content"] = {"spans": "oops", "text": CLAIM}
    errors: list[SaysoError] = []
    report = store.ingest_records([broken, corpus()[0]], on_error=errors.append)
    assert (report.stored, report.failed) == (1, 1)
    assert errors[0].message.startswith("E043") and "content spans" in errors[0].message

    path = tmp_path / "records.jsonl"
    lines = [json.dumps(r) for r in corpus()[1:]]
    path.write_text(lines[0] + "\n{not json\n" + lines[1] + "\n", encoding="utf-8")
    report = store.ingest([str(path)])
    assert (report.stored, report.failed) == (2, 1)
    assert report.errors[0].where == f"{path}:2"


def test_user_corrections_move_mentions_and_bind_later_ingests(store: Store) -> None:
    records = corpus()
    store.ingest_records(records[:1])
    maria = store.list_actors(q="maria lenz").items[0]["id"]
    brennick = store.list_actors(q="brennick").items[0]["id"]

    # A wrong merge, on purpose: Brennick's mentions now belong to Maria Lenz…
    merged = store.merge_actors(maria, brennick)
    assert "Brennick Components" in merged["names"]
    assert store.get_actor(brennick)["id"] == maria  # type: ignore[index]
    assert store.list_actors(q="brennick").items[0]["id"] == maria
    # …and a later article naming Brennick joins her too (the alias is respected).
    store.ingest_records(records[1:2])
    assert store.list_actors(q="brennick").items[0]["id"] == maria
    why = store.why_actor(maria)
    assert why is not None and [o["kind"] for o in why["overrides"]] == ["merge"]
    assert any("merged by the user" in m["reason"] for m in why["mentions_page"])

    # Split them apart again: the mentions leave, and later ingests keep them apart.
    split = store.split_actor(maria, "Brennick Components")
    assert split["id"] not in (maria, brennick) and split["names"] == ["Brennick Components"]
    assert store.get_actor(maria)["mentions"] == 2  # type: ignore[index]
    store.ingest_records([record("later", [
        said("Brennick Components", "the plant was never profitable",
             actor="Brennick Components", type="organisation", source_type="organisation"),
    ])])
    later = store.search_claims("profitable").items[0]
    assert later["actor_id"] != maria
    with pytest.raises(SaysoError, match="E044"):
        store.split_actor(maria, "Nobody Atall")


def test_kill_9_mid_ingest_then_rerun_ends_identical(new_url: Any, tmp_path: Path) -> None:
    """A real SIGKILL inside a batch's transaction; the rerun must finish the job exactly."""
    records = corpus() * 1 + [
        record(f"extra-{i}", [said("Ms Lenz", f"{CLAIM} (update {i})", actor="Maria Lenz")],
               outlet="Vale Herald", published=f"2026-04-{i + 1:02d}") for i in range(9)
    ]
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    reference_url, url = new_url(), new_url()
    with Store.open(reference_url) as ref:
        ref.ingest_records(records)
        expected = dump(ref)

    command = [sys.executable, "-m", "sayso", "ingest", str(path), "--db", url,
               "--batch-size", "2"]
    killed = subprocess.run(command, env={**os.environ, KILL_ENV: "3"}, capture_output=True,
                            timeout=120)
    assert killed.returncode == -signal.SIGKILL, killed.stderr.decode()
    with Store.open(url) as s:
        assert len(dump(s)["articles"]) == 6, "three whole batches, nothing of the fourth"
    rerun = subprocess.run(command, capture_output=True, timeout=120, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert "6 articles stored" in rerun.stderr and "6 skipped as duplicate" in rerun.stderr
    with Store.open(url) as s:
        assert dump(s) == expected


# -- export -------------------------------------------------------------------------------


def test_exports(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sayso.store.commands import ExportFormat, What
    from sayso.store.export import export

    store.ingest_records(corpus())
    out = tmp_path / "net.graphml"
    assert export(store, What.network, ExportFormat.graphml, out) == 1
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    graph = ET.parse(out).getroot()
    [edge] = graph.findall(".//g:edge", ns)
    names = {n.get("id"): n.find("g:data[@key='name']", ns).text  # type: ignore[union-attr]
             for n in graph.findall(".//g:node", ns)}
    assert names[edge.get("source")] == "Brennick Components"
    assert edge.find("g:data[@key='stance']", ns).text == "deny"  # type: ignore[union-attr]

    assert export(store, What.articles, ExportFormat.jsonl, tmp_path / "a.jsonl") == 3
    lines = (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()
    again = [json.loads(line) for line in lines]
    assert again == corpus(), "exported articles are the records, ready to re-ingest"
    assert export(store, What.attributions, ExportFormat.csv, tmp_path / "a.csv") == 6
    assert export(store, What.clusters, ExportFormat.parquet, tmp_path / "c.parquet") >= 5
    import pyarrow.parquet as pq

    assert pq.read_table(tmp_path / "c.parquet").num_rows >= 5
    with pytest.raises(SaysoError, match="E047"):
        export(store, What.actors, ExportFormat.graphml, out)
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(SaysoError, match=r"E042.*sayso\[parquet\]"):
        export(store, What.actors, ExportFormat.parquet, tmp_path / "x.parquet")


# -- opening and the CLI -----------------------------------------------------------------


def test_open_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(SaysoError, match="E045"):
        Store.open(str(tmp_path / "missing.db"), readonly=True)
    with pytest.raises(SaysoError, match="E040"):
        Store.open(str(tmp_path / "no" / "such" / "folder" / "x.db"))
    path = str(tmp_path / "s.db")
    Store.open(path).close()
    with Store.open(path, readonly=True) as ro, pytest.raises(SaysoError, match="E048"):
        ro.ingest_records(corpus())
    monkeypatch.setitem(sys.modules, "psycopg", None)
    with pytest.raises(SaysoError, match="E041"):
        Store.open("postgresql://nobody@127.0.0.1:1/none")


def test_cli_ingest_query_export_actors(tmp_path: Path) -> None:
    runner = CliRunner()
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in corpus()), encoding="utf-8")
    db = str(tmp_path / "cli.db")
    result = runner.invoke(app, ["ingest", str(path), "--db", db])
    assert result.exit_code == 0, result.output
    assert "3 articles stored (6 attributions), 0 skipped as duplicate, 0 failed" in result.output

    result = runner.invoke(app, ["query", "actors", "--db", db, "--q", "lenz", "-f", "jsonl"])
    actors = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["name"] for a in actors] == ["Maria Lenz", "Paul Lenz"]
    result = runner.invoke(app, ["query", "claims", "plant", "--db", db, "-f", "jsonl"])
    assert len(result.stdout.splitlines()) == 2
    result = runner.invoke(app, ["query", "clusters", "--db", db])
    assert result.exit_code == 0 and "Tannery Road" in result.stdout
    result = runner.invoke(app, ["query", "cluster", "999", "--db", db])
    assert result.exit_code == 2 and "E044" in result.output
    result = runner.invoke(app, ["actors", "why", str(actors[0]["id"]), "--db", db])
    assert result.exit_code == 0 and "same name" in result.stdout
    result = runner.invoke(app, ["actors", "merge", str(actors[0]["id"]), str(actors[1]["id"]),
                                 "--db", db])
    assert result.exit_code == 0 and "merged into" in result.output
    result = runner.invoke(app, ["export", "--what", "network", "--format", "csv",
                                 "-o", str(tmp_path / "n.csv"), "--db", db])
    assert result.exit_code == 2 and "E047" in result.output
    result = runner.invoke(app, ["query", "outlets", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "E045" in result.output


@pytest.mark.model
def test_model_backed_ingest_skips_stored_articles_before_analysis(tmp_path: Path) -> None:
    paths = [str(REPO / "examples" / "crime-warehouse-fire.txt"),
             str(REPO / "examples" / "local-library-hours.txt")]
    with Store.open(str(tmp_path / "m.db")) as s:
        report = s.ingest(paths, batch_size=1)
        assert (report.stored, report.failed) == (2, 0) and report.attributions > 2
        article = s.get_article("crime-warehouse-fire")
        assert article is not None and article["record"]["schema"] == "sayso.article/1"
        again = s.ingest(paths)
        assert (again.stored, again.duplicates) == (0, 2)
