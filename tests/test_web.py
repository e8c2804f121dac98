"""The web UI and HTTP API, in process (fastapi.testclient), over a small real SQLite store.

The store holds a few short fictional articles analysed by the real pipeline, plus one
hostile article whose text, title, outlet and url are HTML and script payloads. The browser
tests (test_browser.py) and the schemathesis run (test_web_schema.py) reuse the helpers here.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from sayso.analyze import analyze_articles
from sayso.cli import app as cli_app
from sayso.contract import Article, json_schema
from sayso.errors import Errors
from sayso.store import Store
from sayso.web import create_app
from sayso.web.app import MAX_BODY_BYTES
from sayso.web.render import Segment, segments, source_panel

pytestmark = pytest.mark.model

BRIDGE = "The harbour bridge will close for six weeks from Monday"
SAMPLES = [
    Article(
        "ledger-bridge",
        "Harbour bridge to close for repairs, council says\n\n"
        f"{BRIDGE}, the city council said on Tuesday.\n\n"
        "“The cables are older than anyone thought,” said Mayor Ilse Varga.\n\n"
        "Two engineers who inspected the bridge said the cables were badly corroded. They "
        "spoke on condition of anonymity because they were not authorised to talk to the press.",
        {"title": "Harbour bridge to close for repairs, council says",
         "outlet": "The Northern Ledger", "published": "2026-11-02",
         "url": "https://ledger.example/bridge"},
    ),
    Article(
        "courier-bridge",
        f"{BRIDGE}, the city council said.\n\n"
        "A transport campaign group accused the council of hiding the inspection report. "
        "The council denied the accusation in a statement.\n\n"
        "Mayor Ilse Varga told reporters that the bridge would reopen before Christmas.",
        {"title": "Bridge closure: campaigners cry foul", "outlet": "Eastwold Courier",
         "published": "2026-11-03"},
    ),
    Article(
        "mpa-ferry",
        "Ferry operator adds sailings during bridge works\n\n"
        "The ferry operator said it would add four sailings a day while the bridge is shut. "
        "“We are ready,” said Tomas Brel, the operator’s chief executive.",
        {"title": "Ferry operator adds sailings", "outlet": "Meridian Press Agency",
         "published": "2026-11-05"},
    ),
]
PAYLOADS = [
    "<script>window.__pwned = 1; alert(1)</script>",
    '<img src=x onerror="window.__pwned = 2; alert(2)">',
    '<a href="javascript:window.__pwned=3">click me</a>',
    "</textarea><script>window.__pwned = 4</script>",
    '"><svg onload="window.__pwned = 5">',
    "</mark></div><script>alert(6)</script>",
    "{{ 7 * 7 }}",
]
HOSTILE = Article(
    "hostile",
    f"“{PAYLOADS[0]} is safe,” said Mayor Ilse Varga.\n\n"
    f"Police said {PAYLOADS[1]} had been found. {PAYLOADS[2]}\n\n"
    f"A spokesman for {PAYLOADS[4]} said {PAYLOADS[3]} was untrue. {PAYLOADS[5]} {PAYLOADS[6]}",
    {"title": f"Hostile {PAYLOADS[0]}", "outlet": f"Evil {PAYLOADS[1]}",
     "published": "2026-11-04", "url": "javascript:window.__pwned=7"},
)


@functools.cache
def sample_records() -> tuple[dict[str, Any], ...]:
    """The sample and hostile articles, analysed once per test process."""
    return tuple(analyze_articles([*SAMPLES, HOSTILE]))


def build_store(folder: Path) -> str:
    """A fresh SQLite store of the sample records; returns its URL."""
    url = f"sqlite:///{folder / 'web.db'}"
    with Store.open(url) as store:
        report = store.ingest_records(json.loads(json.dumps(r)) for r in sample_records())
    assert report.stored == len(sample_records()), report
    return url


@pytest.fixture(scope="module")
def store_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_store(tmp_path_factory.mktemp("web"))


@pytest.fixture(scope="module")
def client(store_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(store_url), raise_server_exceptions=False) as c:
        yield c


def assert_error(response: Any, status: int, code: Errors) -> None:
    """THE error shape, exactly: these three keys, the coded message, the status twice."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"ok", "error", "status"}
    assert body["ok"] is False
    assert body["status"] == status
    assert body["error"].startswith(f"{code.name}: "), body


# -- the error shape -------------------------------------------------------------------------


def test_error_shape_is_the_same_for_every_error(client: TestClient, store_url: str) -> None:
    assert_error(client.get("/api/v1/nowhere"), 404, Errors.E056)
    assert_error(client.get("/api/v1/articles/no-such-article"), 404, Errors.E050)
    assert_error(client.get("/api/v1/actors/999999"), 404, Errors.E050)
    assert_error(client.get("/api/v1/clusters/999999"), 404, Errors.E050)
    assert_error(client.get("/api/v1/articles?limit=0"), 422, Errors.E051)
    assert_error(client.get("/api/v1/actors/not-a-number"), 422, Errors.E051)
    assert_error(client.get("/api/v1/claims?source_type=alien"), 422, Errors.E051)
    assert_error(client.post("/api/v1/analyze", json={"text": ""}), 422, Errors.E051)
    assert_error(client.post("/api/v1/analyze", content=b"{not json"), 422, Errors.E051)
    assert_error(client.delete("/api/v1/articles"), 405, Errors.E051)
    assert_error(client.get("/api/v1/articles?cursor=bm90LWEtY3Vyc29y"), 400, Errors.E046)
    assert_error(client.post("/api/v1/analyze", json={"text": "   \n "}), 400, Errors.E011)
    assert_error(client.post("/api/v1/articles", json={"text": "x"}), 403, Errors.E053)


def test_body_limit_gives_413_declared_or_streamed(client: TestClient) -> None:
    big = json.dumps({"text": "a" * (MAX_BODY_BYTES + 10)}).encode()
    assert_error(client.post("/api/v1/analyze", content=big,
                             headers={"content-type": "application/json"}), 413, Errors.E052)

    def chunks() -> Any:  # no Content-Length: the limit must count what actually arrives
        for i in range(0, len(big), 65536):
            yield big[i : i + 65536]

    assert_error(client.post("/api/v1/analyze", content=chunks(),
                             headers={"content-type": "application/json"}), 413, Errors.E052)


def test_server_error_uses_the_error_shape(store_url: str) -> None:
    app = create_app(store_url)

    def broken(article_id: str) -> None:
        raise RuntimeError("disk on fire")

    app.state.services.store.get_article = broken
    with TestClient(app, raise_server_exceptions=False) as c:
        response = c.get("/api/v1/articles/x")
        assert_error(response, 500, Errors.E055)
        assert "disk on fire" not in response.text  # details go to the log, not to clients
        page = c.get("/articles/x")
        assert page.status_code == 500 and "E055" in page.text


def test_pages_show_errors_as_html(client: TestClient) -> None:
    response = client.get("/articles/no-such-article")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "E050: no article with id &#39;no-such-article&#39;" in response.text
    assert client.get("/no/such/page").status_code == 404
    assert client.get("/search?source_type=alien").status_code == 422
    assert client.get("/search?since=yesterday").status_code == 422


# -- reading ---------------------------------------------------------------------------------


def test_pagination_follows_opaque_cursors_to_the_end(client: TestClient) -> None:
    seen: list[str] = []
    url: str | None = "/api/v1/articles?limit=2"
    while url:
        body = client.get(url).json()
        assert body["ok"] is True and set(body) == {"ok", "items", "next", "next_url"}
        assert len(body["items"]) <= 2
        seen += [a["id"] for a in body["items"]]
        url = body["next_url"]
        assert (url is None) == (body["next"] is None)
        if url:
            assert "limit=2" in url and f"cursor={body['next']}" in url
    assert sorted(seen) == sorted(r["id"] for r in sample_records())
    first = client.get("/api/v1/articles?limit=2").json()
    assert client.get("/api/v1/articles?limit=2&cursor=").json() == first  # empty: page 1


def test_article_actor_claims_clusters_outlets(client: TestClient) -> None:
    article = client.get("/api/v1/articles/ledger-bridge").json()
    assert article["outlet"] == "The Northern Ledger"
    assert article["record"] == next(r for r in sample_records() if r["id"] == "ledger-bridge")

    actors = client.get("/api/v1/actors?q=varga").json()["items"]
    varga = next(a for a in actors if "Varga" in a["name"])
    actor = client.get(f"/api/v1/actors/{varga['id']}").json()
    assert {c["article_id"] for c in actor["said"]} >= {"ledger-bridge"}

    claims = client.get("/api/v1/claims", params={"q": "harbour bridge"}).json()["items"]
    assert {c["article_id"] for c in claims} >= {"ledger-bridge", "courier-bridge"}
    for params, check in (
        ({"outlet": "Eastwold Courier"}, lambda c: c["outlet"] == "Eastwold Courier"),
        ({"source_type": "organisation"}, lambda c: c["source_type"] == "organisation"),
        ({"since": "2026-11-03", "until": "2026-11-04"},
         lambda c: "2026-11-03" <= c["published"][:10] <= "2026-11-04"),
    ):
        items = client.get("/api/v1/claims", params=params).json()["items"]
        assert items and all(check(c) for c in items), params

    clusters = client.get("/api/v1/clusters").json()["items"]
    bridge = next(c for c in clusters if "harbour bridge" in c["claim"].lower())
    cluster = client.get(f"/api/v1/clusters/{bridge['id']}").json()
    assert {m["article_id"] for m in cluster["members"]} == {"ledger-bridge", "courier-bridge"}
    assert cluster["first"]["article_id"] == "ledger-bridge"  # published a day earlier

    outlets = client.get("/api/v1/outlets").json()
    assert outlets["ok"] is True and outlets["next"] is None
    assert {"The Northern Ledger", "Eastwold Courier"} <= {o["outlet"] for o in outlets["items"]}


def test_openapi_lists_every_api_operation(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert paths == {
        "/api/v1/analyze", "/api/v1/articles", "/api/v1/articles/{article_id}",
        "/api/v1/actors", "/api/v1/actors/{actor_id}", "/api/v1/claims",
        "/api/v1/clusters", "/api/v1/clusters/{cluster_id}", "/api/v1/outlets",
    }
    assert "ErrorBody" in spec["components"]["schemas"]


# -- analysing -------------------------------------------------------------------------------


def test_analyze_returns_the_same_record_as_the_library(client: TestClient) -> None:
    text = "“We will not resign,” said Maria Lenz, the union’s negotiator."
    response = client.post("/api/v1/analyze", json={"text": text, "id": "lenz"})
    assert response.status_code == 200
    record = response.json()
    Draft202012Validator(json_schema()).validate(record)
    expected = next(analyze_articles([Article("lenz", text)]))
    assert record["attributions"] == expected["attributions"]
    assert record["text"] == text


def test_analyse_page_takes_pasted_text_and_uploads(client: TestClient) -> None:
    text = "Police said the road would stay closed until Friday."
    pasted = client.post("/analyse", data={"text": text})
    assert pasted.status_code == 200 and 'class="role-cue"' in pasted.text
    assert "not stored" in pasted.text
    html = b"<html><head><title>Road shut</title></head><body><article><h1>Road shut</h1>" \
        b"<p>Police said the road would stay closed until Friday because of the flood.</p>" \
        b"<p>The mayor told reporters that the council would pay for the repairs.</p>" \
        b"</article></body></html>"
    uploaded = client.post("/analyse", files={"file": ("road.html", html, "text/html")})
    assert uploaded.status_code == 200 and "role-source" in uploaded.text
    empty = client.post("/analyse", data={"text": "  "})
    assert empty.status_code == 400 and "E011" in empty.text


# -- writing ---------------------------------------------------------------------------------


def test_writes_need_allow_writes_and_the_token(tmp_path: Path) -> None:
    url = build_store(tmp_path)
    body = {"text": "The port authority said the pier would reopen.", "id": "pier",
            "outlet": "Test Outlet"}
    with TestClient(create_app(url, allow_writes=True, token="s3cret")) as c:
        assert_error(c.post("/api/v1/articles", json=body), 401, Errors.E054)
        assert_error(c.post("/api/v1/articles", json=body,
                            headers={"Authorization": "Bearer wrong"}), 401, Errors.E054)
        assert_error(c.post("/api/v1/articles", json=body,
                            headers={"Authorization": "Basic s3cret"}), 401, Errors.E054)
        created = c.post("/api/v1/articles", json=body,
                         headers={"Authorization": "Bearer s3cret"})
        assert created.status_code == 201, created.text
        assert created.json()["url"].endswith("/api/v1/articles/pier")
        assert c.get("/api/v1/articles/pier").json()["outlet"] == "Test Outlet"
    with TestClient(create_app(url)) as c:  # and read-only again by default
        assert_error(c.post("/api/v1/articles", json=body,
                            headers={"Authorization": "Bearer s3cret"}), 403, Errors.E053)


def test_read_cache_serves_repeats_and_sees_a_concurrent_ingest(tmp_path: Path) -> None:
    url = build_store(tmp_path)
    app = create_app(url)
    store = app.state.services.store
    calls: list[str] = []
    real = store.get_article

    def counted(article_id: str) -> dict[str, Any] | None:
        calls.append(article_id)
        return real(article_id)

    store.get_article = counted
    with TestClient(app) as c:
        first = c.get("/api/v1/articles/mpa-ferry")
        assert c.get("/api/v1/articles/mpa-ferry").content == first.content
        assert calls == ["mpa-ferry"]
        assert c.get("/api/v1/articles/late").status_code == 404  # a miss is not cached
        with Store.open(url) as writer:  # another process's ingest, as far as the app knows
            late = dict(sample_records()[0], id="late", text=sample_records()[0]["text"] + " ")
            assert writer.ingest_records([late]).stored == 1
        assert c.get("/api/v1/articles/late").status_code == 200
        assert c.get("/api/v1/articles/mpa-ferry").content == first.content
        assert calls == ["mpa-ferry", "late", "late", "mpa-ferry"]


# -- escaping --------------------------------------------------------------------------------


class TagAudit(HTMLParser):
    """Every element the page really has: what a browser would build, not what the text says."""

    def __init__(self) -> None:
        super().__init__()
        self.bad: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("img", "svg", "iframe", "object", "embed", "textarea") or (
            tag == "script" and dict(attrs).get("src") != "/static/sayso.js"
        ):
            self.bad.append(tag)
        for name, value in attrs:
            if name.startswith("on") or (
                name in ("href", "src", "action") and (value or "").strip().lower()
                .startswith("javascript:")
            ):
                self.bad.append(f"{tag} {name}={value}")


def test_every_page_escapes_hostile_text(client: TestClient) -> None:
    varga = next(a for a in client.get("/api/v1/actors?q=varga").json()["items"])
    pages = ["/articles/hostile", "/", "/outlets", "/search?q=pwned", "/search?q=said",
             f"/actors/{varga['id']}"]
    for path in pages:
        body = client.get(path).text
        for payload in PAYLOADS[:6]:
            assert payload not in body, (path, payload)
        audit = TagAudit()
        audit.feed(body)
        assert audit.bad == [], path
    response = client.get("/articles/hostile")
    reader = response.text
    assert "&lt;script&gt;window.__pwned = 1; alert(1)&lt;/script&gt;" in reader
    policy = response.headers["content-security-policy"]  # and a second line of defence
    assert "script-src 'self';" in policy and "unsafe-inline" not in policy.split("style-src")[0]
    assert "{{ 7 * 7 }}" in reader and "49" not in reader


# -- rendering (pure functions) --------------------------------------------------------------


def test_segments_cover_the_text_and_nest_roles() -> None:
    text = "🙂 “Go,” she said, as the mayor said."
    record = {
        "text": text,
        "attributions": [
            {"id": "a1", "source_type": "named_person",
             "source": {"spans": [[8, 11]]}, "cue": {"spans": [[12, 16]]},
             "content": {"spans": [[2, 7], [18, 36]]}},
            {"id": "a2", "source_type": "organisation",
             "source": {"spans": [[21, 30]]}, "cue": {"spans": [[31, 35]]},
             "content": {"spans": []}},
        ],
    }
    segs = segments(record)
    assert "".join(s.text for s in segs) == text  # code points, astral emoji included
    by_text = {s.text: s for s in segs}
    assert by_text["she"].role == "source" and by_text["she"].source_type == "named_person"
    mayor = by_text["the mayor"]
    assert mayor.role == "source" and mayor.source_type == "organisation"
    assert mayor.in_content and mayor.attributions == ("a1", "a2")
    assert "in-content" in mayor.classes and "st-organisation" in mayor.classes
    assert by_text["“Go,”"].anchors == ("a1",)
    assert by_text["🙂 "].role is None
    record["attributions"][1]["anonymous"] = {"is": True, "reason": {"spans": [[0, 1]]}}
    assert segments(record)[0] == Segment(
        text="🙂", role="reason", source_type="organisation", attributions=("a2",),
        in_content=False, anchors=())  # shown, owned by a2, but a2 still starts at its source


def test_source_panel_groups_claims_and_links_denials() -> None:
    record = next(r for r in sample_records() if r["id"] == "courier-bridge")
    panel = source_panel(record)
    claims = [c for src in panel for c in src["claims"]]
    assert sorted(c["id"] for c in claims) == sorted(a["id"] for a in record["attributions"])
    for att in record["attributions"]:
        for target in att["denies"]:
            denied = next(c for c in claims if c["id"] == target)
            assert att["id"] in denied["denied_by"]


# -- the command -----------------------------------------------------------------------------


def test_serve_fails_fast_with_a_coded_error_on_a_missing_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli_app, ["serve", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 2
    assert "E045" in result.output and "Traceback" not in result.output
