"""Every page in a real browser: Playwright driving Debian's Chromium against the real server.

uvicorn serves the app on a free loopback port in a thread, over the sample store of
test_web.py (hostile article included). Without /usr/bin/chromium these tests skip, with
the reason shown, unless SAYSO_REQUIRE_BROWSER=1 (CI), where they fail instead.
Never run `playwright install`: nothing is downloaded.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from sayso.web import create_app
from test_web import BRIDGE, PAYLOADS, build_store

pytestmark = [pytest.mark.browser, pytest.mark.model]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def _no_browser(reason: str) -> None:
    if os.environ.get("SAYSO_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason}, and SAYSO_REQUIRE_BROWSER=1 says the browser tests must run")
    pytest.skip(f"{reason} (apt-get install chromium; CI sets SAYSO_REQUIRE_BROWSER=1)")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real app under uvicorn, on a port the OS picked, stopped after the module."""
    app = create_app(build_store(tmp_path_factory.mktemp("browser")))
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not srv.started:  # startup is a few milliseconds; the thread sets the flag
        if not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        _no_browser(f"{CHROMIUM} not found")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _no_browser("the playwright package is not installed")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    """A fresh tab that records dialogs and script errors; a test fails on either."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, base_url=server)
    tab = context.new_page()
    tab.dialogs = []
    tab.errors = []

    def on_dialog(dialog: Any) -> None:
        tab.dialogs.append(dialog.message)
        dialog.dismiss()

    tab.on("dialog", on_dialog)
    tab.on("pageerror", lambda exc: tab.errors.append(str(exc)))
    yield tab
    assert tab.dialogs == [], "a dialog opened: injected script ran"
    assert tab.errors == [], "the page threw a script error"
    context.close()


def test_articles_list_leads_to_the_reader(page: Any) -> None:
    page.goto("/")
    assert page.locator("nav a[aria-current=page]").inner_text() == "Articles"
    page.select_option("select[name=outlet]", "The Northern Ledger")
    page.click("form.filters button")
    page.wait_for_url("**/?outlet=*")
    assert page.locator("#articles tbody tr").count() == 1
    page.click("#articles tbody a")
    page.wait_for_url("**/articles/ledger-bridge")
    assert page.locator("#text mark.role-cue").count() >= 1


def test_reader_links_claims_and_highlights_both_ways(page: Any) -> None:
    page.goto("/articles/courier-bridge")
    jump = page.locator(".panel a.jump").first
    att = jump.get_attribute("data-att")
    jump.click()
    assert page.url.endswith(f"#att-{att}")
    active = page.locator("#text mark.active")
    assert active.count() >= 1
    assert all(att in (m.get_attribute("data-att") or "").split() for m in active.all())
    assert "active" in (page.locator(f"#claim-{att}").get_attribute("class") or "")
    # and from the text back to the panel
    other = page.locator("#text mark.role-cue").last
    other_att = (other.get_attribute("data-att") or "").split()[0]
    other.click()
    assert "active" in (page.locator(f"#claim-{other_att}").get_attribute("class") or "")
    assert page.locator(".panel .badge").count() >= 1
    # the text on screen is exactly the record's text: offsets were sliced right
    record = page.request.get("/api/v1/articles/courier-bridge").json()["record"]
    assert page.locator("#text").inner_text() == record["text"]


def test_reader_without_javascript_still_jumps(browser: Any, server: str) -> None:
    context = browser.new_context(java_script_enabled=False, base_url=server)
    tab = context.new_page()
    tab.goto("/articles/ledger-bridge")
    tab.locator(".panel a.jump").first.click()
    assert "#att-a" in tab.url
    assert tab.locator("#text mark").count() >= 3
    context.close()


def test_analyse_pasted_text_and_an_uploaded_file(page: Any, tmp_path: Path) -> None:
    page.goto("/analyse")
    page.fill("#text", "“We are ready,” said Tomas Brel. Officials said the port was closed.")
    page.click("form.analyse button")
    page.wait_for_selector("#text mark.role-source")
    assert "not stored" in page.locator(".meta").inner_text()
    upload = tmp_path / "note.txt"
    upload.write_text("The harbour master said the fog would lift by noon.", encoding="utf-8")
    page.goto("/analyse")
    page.set_input_files("#file", str(upload))
    page.click("form.analyse button")
    page.wait_for_selector("#text mark.role-cue")
    assert page.locator("h1").inner_text().startswith("The harbour master said")


def test_actor_page_from_the_actor_search(page: Any) -> None:
    page.goto("/actors")
    page.fill("input[name=q]", "varga")
    page.click("form.filters button")
    page.click("#actors tbody a >> nth=0")
    page.wait_for_url("**/actors/*")
    assert "Varga" in page.locator("h1").inner_text()
    said = page.locator("#said-h + ol li.claim")
    assert said.count() >= 1
    said.first.locator("blockquote a").click()
    page.wait_for_url("**/articles/**#att-*")
    assert page.locator("#text mark.active").count() >= 1


def test_cluster_page_shows_first_reporter_and_independence(page: Any) -> None:
    page.goto("/clusters")
    page.locator("#clusters a", has_text="harbour bridge").first.click()
    page.wait_for_url("**/clusters/*")
    assert BRIDGE.lower() in page.locator("h1").inner_text().lower()
    assert "The Northern Ledger" in page.locator("#first").inner_text()
    assert int(page.locator("#independent").inner_text()) >= 1
    assert page.locator(".groups .reason").count() >= 1
    assert page.locator("ol.claims-list li.claim").count() == 2


def test_outlets_side_by_side_with_source_type_bars(page: Any) -> None:
    page.goto("/outlets")
    cards = page.locator("#outlets .card")
    assert cards.count() >= 3
    assert page.locator("#outlets .card .bar .seg-bar").count() >= 3
    box0, box1 = cards.nth(0).bounding_box(), cards.nth(1).bounding_box()
    assert box0 and box1 and abs(box0["y"] - box1["y"]) < 1  # side by side, not stacked
    page.locator("#outlets h2 a", has_text="Eastwold Courier").click()
    page.wait_for_url("**/?outlet=Eastwold*")
    assert page.locator("#articles tbody tr").count() == 1


def test_search_filters_by_words_type_outlet_and_date(page: Any) -> None:
    page.goto("/search")
    page.fill("input[name=q]", "harbour bridge")
    page.select_option("select[name=outlet]", "Eastwold Courier")
    page.fill("input[name=since]", "2026-11-01")
    page.fill("input[name=until]", "2026-11-30")
    page.click("form.search button")
    page.wait_for_selector("#results li.claim")
    wheres = page.locator("#results .where").all_inner_texts()
    assert wheres and all("Eastwold Courier" in w for w in wheres)
    page.select_option("select[name=source_type]", "document")
    page.click("form.search button")
    page.wait_for_load_state()
    assert page.locator("#results li.claim").count() == 0
    assert "No claims match" in page.locator("main").inner_text()


def test_hostile_article_runs_no_script(page: Any) -> None:
    """Payloads in text, title, outlet and url are shown as text; none executes."""
    for path in ("/articles/hostile", "/", "/outlets", "/search?q=pwned",
                 "/search?q=said", "/actors?q=varga"):
        page.goto(path)
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__pwned") == "undefined", path
    page.goto("/articles/hostile")
    shown = page.locator("#text").inner_text()
    for payload in PAYLOADS:
        assert payload in shown  # visible, literally, as the article's words
    assert page.locator("main img, main svg, main iframe").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    page.locator(".panel a.jump").first.click()  # clicking around runs nothing either
    assert page.evaluate("typeof window.__pwned") == "undefined"


def test_unknown_page_is_a_readable_404(page: Any) -> None:
    response = page.goto("/articles/no-such-article")
    assert response is not None and response.status == 404
    assert "E050" in page.locator("[role=alert]").inner_text()
