"""The JSON API under ``/api/v1``: thin wrappers over the store's read side and the analyser.

Lists come in datasette's envelope ``{"ok": true, "items": [...], "next": cursor,
"next_url": url}`` with the store's opaque keyset cursors; a single resource is the store's
dict as it is; every error is ``{"ok": false, "error": "E0xx: ...", "status": N}``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from ..contract import Article, SourceType
from .app import found, services_of

router = APIRouter(prefix="/api/v1", tags=["api"])

NoNul = r"^[^\x00]*$"  # PostgreSQL text cannot hold NUL; refuse it up front, for every store

Cursor = Annotated[
    str | None,
    Query(
        max_length=1000,
        pattern=r"^[A-Za-z0-9_=-]*$",
        description="`next` of the last page; empty or absent for the first.",
    ),
]
Limit = Annotated[int, Query(ge=1, le=500, description="Items per page.")]
IntId = Annotated[int, Path(ge=1, le=2**63 - 1)]


class ErrorBody(BaseModel):
    """The one error shape, for every status (404, 413, 422, 500, ...)."""

    ok: Literal[False] = False
    error: str = Field(description="`E0xx: message`; the codes are in docs/errors.md.")
    status: int


class PageBody(BaseModel):
    ok: Literal[True] = True
    items: list[dict[str, Any]]
    next: str | None = Field(description="Opaque cursor for the next page; null on the last.")
    next_url: str | None


class ArticleIn(BaseModel):
    """An article to analyse: the text exactly as it should be indexed, and what is known of it."""

    text: str = Field(min_length=1, pattern=NoNul)
    id: str = Field("text", min_length=1, max_length=200, pattern=NoNul)
    title: str | None = Field(None, max_length=1000, pattern=NoNul)
    outlet: str | None = Field(None, max_length=200, pattern=NoNul)
    published: dt.date | None = None
    url: str | None = Field(None, max_length=2000, pattern=NoNul)

    def article(self) -> Article:
        meta: dict[str, Any] = {
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published.isoformat() if self.published else None,
            "url": self.url,
            "format": "text",
        }
        return Article(id=self.id, text=self.text, meta=meta)


ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody} for status in (400, 404, 413, 422, 500)
}


def page_response(request: Request, page: Any) -> JSONResponse:
    """The list envelope; ``next_url`` is this request with only the cursor replaced."""
    nxt = page.next_cursor
    next_url = str(request.url.include_query_params(cursor=nxt)) if nxt else None
    return JSONResponse({"ok": True, "items": page.items, "next": nxt, "next_url": next_url})


def one(request: Request, read: Callable[[], dict[str, Any] | None], kind: str, id: object,
        listing: str) -> Response:
    """A single resource as JSON, or 404 in the error shape; through the read cache if any.

    These routes are ``async``: a keyed lookup is a few milliseconds of work, cheaper on the
    event loop than a hop to the thread pool (docs/web.md, Speed).
    """

    def body() -> bytes:
        return JSONResponse(found(read(), kind, id, listing)).body

    cached = services_of(request).cached(f"{kind}:{id}", body)
    return Response(cached, media_type="application/json")


@router.post("/analyze", responses=ERRORS, summary="Analyse a text (nothing is stored)")
async def analyze(request: Request, body: ArticleIn) -> JSONResponse:
    """The sayso.article/1 record for the text, from the same function as `sayso analyze`."""
    record = await run_in_threadpool(services_of(request).analyze, body.article())
    return JSONResponse(record)


@router.get("/articles", responses=ERRORS, response_model=PageBody, summary="List articles")
def list_articles(
    request: Request,
    outlet: Annotated[str | None, Query(max_length=200, pattern=NoNul)] = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> JSONResponse:
    page = services_of(request).store.list_articles(
        outlet=outlet, cursor=cursor or None, limit=limit
    )
    return page_response(request, page)


@router.post(
    "/articles",
    status_code=201,
    responses={**ERRORS, 401: {"model": ErrorBody}, 403: {"model": ErrorBody}},
    summary="Analyse and store an article (needs --allow-writes and the token)",
)
async def ingest_article(request: Request, body: ArticleIn) -> JSONResponse:
    services = services_of(request)
    services.check_write(request)
    record = await run_in_threadpool(services.analyze, body.article())
    report = await run_in_threadpool(services.store.ingest_records, [record])
    url = str(request.url_for("get_article", article_id=record["id"]))
    result = {
        "ok": True,
        "id": record["id"],
        "url": url,
        "stored": report.stored,
        "duplicates": report.duplicates,
        "errors": [e.message for e in report.errors],
    }
    return JSONResponse(result, status_code=201 if report.stored else 200)


@router.get("/articles/{article_id:path}", responses=ERRORS, summary="One article and its record")
async def get_article(
    request: Request, article_id: Annotated[str, Path(max_length=200, pattern=NoNul)]
) -> Response:
    store = services_of(request).store
    return one(request, lambda: store.get_article(article_id), "article", article_id,
               "/api/v1/articles")


@router.get("/actors", responses=ERRORS, response_model=PageBody, summary="List actors")
def list_actors(
    request: Request,
    q: Annotated[str | None, Query(max_length=200, pattern=NoNul)] = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> JSONResponse:
    store = services_of(request).store
    return page_response(request, store.list_actors(q=q, cursor=cursor or None, limit=limit))


@router.get("/actors/{actor_id}", responses=ERRORS, summary="One actor: roles, said, said about")
async def get_actor(request: Request, actor_id: IntId) -> Response:
    store = services_of(request).store
    return one(request, lambda: store.get_actor(actor_id), "actor", actor_id, "/api/v1/actors")


@router.get("/claims", responses=ERRORS, response_model=PageBody, summary="Search claims")
def search_claims(
    request: Request,
    q: Annotated[
        str | None, Query(max_length=200, pattern=NoNul, description="Full-text query.")
    ] = None,
    source_type: SourceType | None = None,
    outlet: Annotated[str | None, Query(max_length=200, pattern=NoNul)] = None,
    since: Annotated[dt.date | None, Query(description="Published on or after (YYYY-MM-DD).")]
    = None,
    until: Annotated[dt.date | None, Query(description="Published on or before (YYYY-MM-DD).")]
    = None,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> JSONResponse:
    page = services_of(request).store.search_claims(
        q or None,
        source_type=source_type,
        outlet=outlet,
        since=since.isoformat() if since else None,
        until=until.isoformat() if until else None,
        cursor=cursor or None,
        limit=limit,
    )
    return page_response(request, page)


@router.get("/clusters", responses=ERRORS, response_model=PageBody, summary="List claim clusters")
def list_clusters(
    request: Request,
    min_size: Annotated[int, Query(ge=1, le=1_000_000)] = 2,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> JSONResponse:
    store = services_of(request).store
    return page_response(
        request, store.list_clusters(min_size=min_size, cursor=cursor or None, limit=limit)
    )


@router.get("/clusters/{cluster_id}", responses=ERRORS, summary="One claim across outlets")
async def get_cluster(request: Request, cluster_id: IntId) -> Response:
    store = services_of(request).store
    return one(request, lambda: store.get_cluster(cluster_id), "cluster", cluster_id,
               "/api/v1/clusters")


@router.get("/outlets", responses=ERRORS, summary="Outlet scorecards")
def outlets(request: Request) -> JSONResponse:
    items = services_of(request).outlet_scorecards()
    return JSONResponse({"ok": True, "items": items, "next": None, "next_url": None})
