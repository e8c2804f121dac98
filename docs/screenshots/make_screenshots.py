"""Take the README's screenshots: every page of `sayso serve`, in headless Chromium.

    python docs/screenshots/make_screenshots.py                   # ingest examples/, serve, shoot
    python docs/screenshots/make_screenshots.py --url http://127.0.0.1:8000   # a running server

Uses Debian's Chromium (/usr/bin/chromium) through Playwright; never downloads a browser.
A fixed viewport (1280x800) keeps the pictures comparable from one run to the next.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 800}
SAMPLE = """Council delays vote on bus lanes, officials say

The city council postponed Tuesday's vote on new bus lanes, two officials familiar with the \
plans said, speaking on condition of anonymity because the talks are private.

"We need another month to hear from shop owners," said Mayor Ilse Varga. A transport \
campaign group accused the council of "stalling for the third time". The mayor's office \
denied the accusation in a statement."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@contextmanager
def demo_server() -> Iterator[str]:
    """`sayso ingest examples/` into a temporary store, then `sayso serve` it."""
    sayso = str(Path(sys.executable).with_name("sayso"))
    with tempfile.TemporaryDirectory() as tmp:
        db = f"sqlite:///{tmp}/demo.db"
        subprocess.run([sayso, "ingest", str(ROOT / "examples"), "--db", db], check=True)
        port = free_port()
        server = subprocess.Popen([sayso, "serve", "--db", db, "--port", str(port)])
        try:
            url = f"http://127.0.0.1:{port}"
            wait_for(url + "/api/v1/outlets")
            yield url
        finally:
            server.terminate()
            server.wait(timeout=10)


def api(url: str, path: str) -> dict:
    with urllib.request.urlopen(url + path) as response:
        return json.load(response)


def pages(url: str) -> list[tuple[str, str]]:
    """(file name, path) for every page, picking the richest article, actor and cluster."""
    articles = api(url, "/api/v1/articles?limit=500")["items"]
    article = max(articles, key=lambda a: (a.get("outlet") is not None, a["attributions"]))
    people = [a for a in api(url, "/api/v1/actors?limit=40")["items"] if a["type"] == "person"]
    said = {a["id"]: api(url, f"/api/v1/actors/{a['id']}") for a in people}
    actor = max(people, key=lambda a: len(said[a["id"]]["said"]) + len(said[a["id"]]["said_about"]))
    shots = [
        ("articles", "/"),
        ("article", f"/articles/{article['id']}"),
        ("actors", "/actors"),
        ("actor", f"/actors/{actor['id']}"),
        ("outlets", "/outlets"),
        ("search", "/search?q=minister"),
        ("clusters", "/clusters"),
    ]
    clusters = api(url, "/api/v1/clusters?limit=1")["items"]
    if clusters:
        shots.append(("cluster", f"/clusters/{clusters[0]['id']}"))
    return shots


def shoot(url: str, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport=VIEWPORT)
        for name, path in pages(url):
            page.goto(url + path)
            written.append(out / f"{name}.png")
            page.screenshot(path=written[-1])
        page.goto(url + "/analyse")
        page.fill("#text", SAMPLE)
        written.append(out / "analyse.png")
        page.screenshot(path=written[-1])
        page.click("button[type=submit]")
        page.wait_for_selector("#text mark")
        page.click(".panel a.jump >> nth=1")
        written.append(out / "analyse-result.png")
        page.screenshot(path=written[-1])
        browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="A running `sayso serve`; default: serve examples/.")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent)
    args = parser.parse_args()
    if not os.path.exists(CHROMIUM):
        sys.exit(f"{CHROMIUM} not found: apt-get install chromium")
    if args.url:
        written = shoot(args.url.rstrip("/"), args.out)
    else:
        with demo_server() as url:
            written = shoot(url, args.out)
    for path in written:
        print(path)


if __name__ == "__main__":
    main()
