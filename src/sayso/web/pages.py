"""Server-rendered pages: the same store calls as the API, shown as HTML.

Each page works without JavaScript (plain links and GET/POST forms); ``static/sayso.js``
only adds hover highlighting and smooth jumps in the article reader.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import PurePath
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from ..contract import SOURCE_TYPES, Article
from ..errors import Errors, InputError
from ..readers import read_html, read_text
from . import render
from .api import IntId
from .app import HERE, WebError, found, services_of

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=HERE / "templates")
templates.env.globals.update(
    source_types=render.SOURCE_TYPE_LABELS,
    type_bars=render.type_bars,
)

NAV = (
    ("articles", "/", "Articles"),
    ("analyse", "/analyse", "Analyse"),
    ("search", "/search", "Search"),
    ("actors", "/actors", "Actors"),
    ("clusters", "/clusters", "Claims"),
    ("outlets", "/outlets", "Outlets"),
)
templates.env.globals["nav"] = NAV


def page(request: Request, name: str, section: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, {"section": section, **context})


def outlet_names(request: Request) -> list[str]:
    """For the outlet filters: every named outlet in the store."""
    return [c["outlet"] for c in services_of(request).outlet_scorecards() if c["outlet"]]


def next_link(request: Request, cursor: str | None) -> str | None:
    return str(request.url.include_query_params(cursor=cursor)) if cursor else None


@router.get("/", response_class=HTMLResponse)
def articles(
    request: Request,
    outlet: Annotated[str | None, Query(max_length=200)] = None,
    cursor: Annotated[str | None, Query(max_length=1000)] = None,
) -> Response:
    store = services_of(request).store
    listing = store.list_articles(outlet=outlet or None, cursor=cursor or None, limit=50)
    return page(
        request,
        "articles.html",
        "articles",
        items=listing.items,
        outlet=outlet or "",
        outlets=outlet_names(request),
        next_url=next_link(request, listing.next_cursor),
    )


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article(request: Request, article_id: str) -> Response:
    item = found(services_of(request).store.get_article(article_id), "article", article_id, "/")
    return reader(request, item["record"], stored=item)


def headline(record: dict[str, Any], width: int = 120) -> str:
    """An untitled text's first non-blank line (shortened), else its id."""
    first = next((line.strip() for line in record["text"].splitlines() if line.strip()), "")
    if len(first) > width:
        first = first[: width - 1].rstrip() + "…"
    return first or record["id"]


def reader(request: Request, record: dict[str, Any], stored: dict[str, Any] | None) -> Response:
    """The article reader, for a stored article or a fresh analysis alike."""
    meta = record.get("meta") or {}
    section = "articles" if stored else "analyse"
    return page(
        request,
        "article.html",
        section,
        record=record,
        title=(stored or {}).get("title") or meta.get("title") or headline(record),
        outlet=(stored or {}).get("outlet") or meta.get("outlet"),
        published=(stored or {}).get("published") or meta.get("published"),
        url=(stored or {}).get("url") or meta.get("url"),
        segments=render.segments(record),
        panel=render.source_panel(record),
        scorecard=record.get("scorecard") or {},
        stored=stored is not None,
    )


@router.get("/analyse", response_class=HTMLResponse)
def analyse_form(request: Request) -> Response:
    return page(request, "analyse.html", "analyse")


@router.post("/analyse", response_class=HTMLResponse)
async def analyse(
    request: Request,
    text: Annotated[str, Form()] = "",
    file: Annotated[UploadFile | None, File()] = None,
) -> Response:
    """Pasted text, or an uploaded .txt/.html file read by the same readers as the CLI."""
    if file is not None and file.filename:
        data = await file.read()
        name = PurePath(file.filename).name
        reader_for = read_html if name.lower().endswith((".html", ".htm")) else read_text
        article_in = await run_in_threadpool(reader_for, data, PurePath(name).stem, name)
    elif text.strip():
        article_in = Article(id="pasted", text=text, meta={"format": "text"})
    else:
        raise InputError(Errors.E011)
    record = await run_in_threadpool(services_of(request).analyze, article_in)
    return reader(request, record, stored=None)


@router.get("/actors", response_class=HTMLResponse)
def actors(
    request: Request,
    q: Annotated[str | None, Query(max_length=200)] = None,
    cursor: Annotated[str | None, Query(max_length=1000)] = None,
) -> Response:
    listing = services_of(request).store.list_actors(q=q or None, cursor=cursor or None, limit=50)
    return page(
        request,
        "actors.html",
        "actors",
        items=listing.items,
        q=q or "",
        next_url=next_link(request, listing.next_cursor),
    )


def by_month(claims: list[dict[str, Any]]) -> list[tuple[str, int]]:
    """Claims per month (``YYYY-MM``), oldest first; undated claims are left out."""
    months = Counter((c.get("published") or "")[:7] for c in claims)
    months.pop("", None)
    return sorted(months.items())


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor(request: Request, actor_id: IntId) -> Response:
    item = found(services_of(request).store.get_actor(actor_id), "actor", actor_id, "/actors")
    said = sorted(item.get("said", []), key=lambda c: c.get("published") or "")
    about = sorted(item.get("said_about", []), key=lambda c: c.get("published") or "")
    timeline = Counter(dict(by_month(said)))
    about_months = Counter(dict(by_month(about)))
    months = sorted(set(timeline) | set(about_months))
    peak = max([*timeline.values(), *about_months.values(), 1])
    return page(
        request,
        "actor.html",
        "actors",
        actor=item,
        said=said,
        about=about,
        timeline=[(m, timeline[m], about_months[m]) for m in months],
        peak=peak,
    )


@router.get("/clusters", response_class=HTMLResponse)
def clusters(
    request: Request, cursor: Annotated[str | None, Query(max_length=1000)] = None
) -> Response:
    listing = services_of(request).store.list_clusters(min_size=2, cursor=cursor or None, limit=50)
    return page(
        request,
        "clusters.html",
        "clusters",
        items=listing.items,
        next_url=next_link(request, listing.next_cursor),
    )


@router.get("/clusters/{cluster_id}", response_class=HTMLResponse)
def cluster(request: Request, cluster_id: IntId) -> Response:
    store = services_of(request).store
    item = found(store.get_cluster(cluster_id), "cluster", cluster_id, "/clusters")
    members = sorted(item.get("members", []), key=lambda c: c.get("published") or "")
    by_id = {m.get("id"): m for m in members}
    groups = [
        {"reason": g.get("reason", ""), "members": [by_id.get(i, {"id": i}) for i in g["members"]]}
        for g in item.get("independence", [])
    ]
    return page(
        request, "cluster.html", "clusters", cluster=item, members=members, groups=groups
    )


@router.get("/outlets", response_class=HTMLResponse)
def outlets(request: Request) -> Response:
    cards = services_of(request).outlet_scorecards()
    return page(request, "outlets.html", "outlets", cards=cards)


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request,
    q: Annotated[str | None, Query(max_length=200)] = None,
    source_type: Annotated[str | None, Query(max_length=40)] = None,
    outlet: Annotated[str | None, Query(max_length=200)] = None,
    since: Annotated[str | None, Query(max_length=10)] = None,
    until: Annotated[str | None, Query(max_length=10)] = None,
    cursor: Annotated[str | None, Query(max_length=1000)] = None,
) -> Response:
    """Empty form fields arrive as empty strings: they mean "any", not "equal to ''"."""
    store = services_of(request).store
    if source_type and source_type not in SOURCE_TYPES:
        raise WebError(422, Errors.E051, detail=f"unknown source type '{source_type}'")
    for name, value in (("since", since), ("until", until)):
        if value:
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                raise WebError(422, Errors.E051, detail=f"{name} must be YYYY-MM-DD") from None
    listing = store.search_claims(
        q or None,
        source_type=source_type or None,
        outlet=outlet or None,
        since=since or None,
        until=until or None,
        cursor=cursor or None,
        limit=50,
    )
    return page(
        request,
        "search.html",
        "search",
        items=listing.items,
        form={
            "q": q or "",
            "source_type": source_type or "",
            "outlet": outlet or "",
            "since": since or "",
            "until": until or "",
        },
        outlets=outlet_names(request),
        searched=request.url.query != "",
        next_url=next_link(request, listing.next_cursor),
    )
