"""The FastAPI application: one factory, one error shape, a body limit, a read-only default.

``create_app(store_url)`` builds everything; ``sayso serve`` and the tests call it. Routes
live in :mod:`.api` (JSON under ``/api/v1``) and :mod:`.pages` (server-rendered HTML).
"""

from __future__ import annotations

import json
import secrets
import sys
import threading
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..analyze import analyze_articles
from ..contract import Article
from ..errors import Errors, InputError, SaysoError
from ..nlp import load_nlp
from ..store import Store

HERE = Path(__file__).parent
MAX_BODY_BYTES = 2 * 1024 * 1024
"""Bigger request bodies get 413: a long feature article is 50 kB, the limit is 40 of them."""


class WebError(Exception):
    """An error with its HTTP status and coded message, rendered in the one error shape."""

    def __init__(self, status: int, code: Errors, **kwargs: object) -> None:
        self.status = status
        self.message = code.fmt(**kwargs)
        super().__init__(self.message)


def found(item: dict[str, Any] | None, kind: str, id: object, listing: str) -> dict[str, Any]:
    """``item``, or a 404 that names the listing to pick a valid id from."""
    if item is None:
        raise WebError(404, Errors.E050, kind=kind, id=id, listing=listing)
    return item


class ReadCache:
    """Encoded JSON of single-resource reads, kept while the SQLite store's files are unchanged.

    A busy actor costs the store several queries and a hundred small JSON decodes (about
    7 ms); served again from here it costs two ``stat`` calls and a dict lookup. Any commit
    to the store, an ingest from another process included, changes the database file or its
    write-ahead log, so the stamp changes and the cache is emptied: nothing stale is served.
    PostgreSQL has no such cheap signal, so there nothing is cached.
    """

    def __init__(self, files: list[Path], max_bytes: int = 64 * 2**20) -> None:
        self.files = files
        self.max_bytes = max_bytes
        self._bytes = 0
        self._stamp: tuple[tuple[int, int], ...] = ()
        self._entries: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()

    @classmethod
    def for_store(cls, store: Store) -> ReadCache | None:
        url = store.engine.url
        if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
            return None
        db = Path(url.database)
        return cls([db, db.with_name(db.name + "-wal")])

    def stamp(self) -> tuple[tuple[int, int], ...]:
        stamps = []
        for path in self.files:
            try:
                st = path.stat()
            except FileNotFoundError:
                stamps.append((0, 0))
            else:
                stamps.append((st.st_mtime_ns, st.st_size))
        return tuple(stamps)

    def get(self, key: str, compute: Callable[[], bytes]) -> bytes:
        """The cached body for ``key``, else ``compute()`` stored (an exception stores nothing).

        The lock guards the bookkeeping only; ``compute`` runs outside it, so a slow read
        (the outlet scorecards scan the store) never holds up the cheap ones.
        """
        stamp = self.stamp()
        with self._lock:
            if stamp != self._stamp:
                self._entries.clear()
                self._bytes = 0
                self._stamp = stamp
            body = self._entries.get(key)
            if body is not None:
                self._entries.move_to_end(key)
                return body
        body = compute()
        with self._lock:
            if stamp == self._stamp and key not in self._entries:
                self._entries[key] = body
                self._bytes += len(body)
                while self._bytes > self.max_bytes:  # least recently used first
                    self._bytes -= len(self._entries.popitem(last=False)[1])
        return body


class Services:
    """What the routes share: one store and the analyser.

    The store is opened when the app is built, so a bad ``--db`` fails at once with the
    store's coded message; its SQLAlchemy engine pools connections across the worker
    threads FastAPI runs plain ``def`` routes on. The spaCy pipeline is loaded once per
    process on first use and guarded by a lock: parsing is CPU-bound, so two analyses at
    once would not finish sooner.
    """

    def __init__(self, store_url: str | None, *, allow_writes: bool, token: str | None) -> None:
        self.store = Store.open(store_url, readonly=not allow_writes)
        self.cache = ReadCache.for_store(self.store)
        self.allow_writes = allow_writes
        self.token = token
        self._nlp_lock = threading.Lock()

    def cached(self, key: str, compute: Callable[[], bytes]) -> bytes:
        """``compute()``, through the read cache when the store has one."""
        return self.cache.get(key, compute) if self.cache else compute()

    def outlet_scorecards(self) -> list[dict[str, Any]]:
        """The scorecards scan every attribution (seconds on a big corpus) and several pages
        show them, so they are cached like the keyed reads."""
        body = self.cached("outlets", lambda: json.dumps(self.store.outlet_scorecards()).encode())
        return json.loads(body)

    def analyze(self, article: Article) -> dict[str, Any]:
        """The one pure function every face calls, on the process's cached pipeline."""
        if not article.text.strip():
            raise InputError(Errors.E011)
        with self._nlp_lock:
            return next(analyze_articles([article], load_nlp()))

    def check_write(self, request: Request) -> None:
        """Writes need --allow-writes and, then, the bearer token (compared in constant time)."""
        if not self.allow_writes:
            raise WebError(403, Errors.E053)
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not self.token or not secrets.compare_digest(
            given.strip().encode(), self.token.encode()
        ):
            raise WebError(401, Errors.E054)

    def close(self) -> None:
        self.store.close()


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes with 413, whether or not they declare a length.

    The check runs as the route reads its body, so the error goes through the app's own
    handlers and comes out in the one error shape.
    """

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"0")
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            if declared.isdigit() and int(declared) > self.limit:
                raise HTTPException(413)
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise HTTPException(413)
            return message

        await self.app(scope, limited, send)


SECURITY_HEADERS = [
    # Defence in depth behind escaping: only our own script file may run, nothing inline;
    # style attributes stay allowed (the bars' widths), nothing loads from elsewhere.
    (b"content-security-policy",
     b"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
     b"img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
     b"frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]


class SecurityHeaders:
    """Add :data:`SECURITY_HEADERS` to every response (plain ASGI: no per-request task)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, with_headers)


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _validation_detail(exc: RequestValidationError) -> str:
    """Pydantic's errors as one line: ``query.limit: Input should be ...; body.text: ...``."""
    parts = []
    for error in exc.errors()[:5]:
        where = ".".join(str(p) for p in error.get("loc", ()))
        parts.append(f"{where}: {error.get('msg', 'invalid')}")
    return "; ".join(parts) or "the request does not match the API"


def error_response(request: Request, status: int, message: str) -> Response:
    """THE error shape: ``{"ok": false, "error": "E0xx: ...", "status": N}``, or a page."""
    if wants_json(request):
        return JSONResponse({"ok": False, "error": message, "status": status}, status_code=status)
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message}, status_code=status
    )


def _install_error_handlers(app: FastAPI) -> None:
    async def web_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, WebError)
        return error_response(request, exc.status, exc.message)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        status = exc.status_code
        if status == 404:
            message = Errors.E056.fmt(path=request.url.path)
        elif status == 413:
            message = Errors.E052.fmt(limit=MAX_BODY_BYTES)
        else:
            message = Errors.E051.fmt(detail=exc.detail)
        response = error_response(request, status, message)
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    async def validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return error_response(request, 422, Errors.E051.fmt(detail=_validation_detail(exc)))

    async def sayso_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, SaysoError)
        return error_response(request, 400, exc.message)

    async def server_error(request: Request, exc: Exception) -> Response:
        # Starlette re-raises after this response, so the ASGI server logs the traceback.
        return error_response(request, 500, Errors.E055.fmt(detail=type(exc).__name__))

    handlers: dict[Any, Callable[[Request, Exception], Awaitable[Response]]] = {
        WebError: web_error,
        HTTPException: http_error,
        RequestValidationError: validation_error,
        SaysoError: sayso_error,
        Exception: server_error,
    }
    for kind, handler in handlers.items():
        app.add_exception_handler(kind, handler)


def create_app(
    store_url: str | None, *, allow_writes: bool = False, token: str | None = None
) -> FastAPI:
    """The whole web face over the store at ``store_url`` (read-only unless ``allow_writes``);
    ``None`` is the store's default, ``sayso.db``."""
    from . import api, pages

    services = Services(store_url, allow_writes=allow_writes, token=token)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        services.close()

    app = FastAPI(
        title="sayso",
        version=__version__,
        summary="Who said what, on whose say-so: articles, actors, claims and outlets.",
        docs_url=None,  # Swagger UI and ReDoc load their scripts from a CDN: not offline-safe
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.services = services
    app.state.templates = pages.templates
    app.add_middleware(BodyLimit)
    app.add_middleware(SecurityHeaders)
    _install_error_handlers(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return app


def services_of(request: Request) -> Services:
    return request.app.state.services



def serve(
    store_url: str | None,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    allow_writes: bool = False,
    token: str | None = None,
) -> None:
    """Run the app with uvicorn in the foreground (``sayso serve``).

    With ``allow_writes`` and no token, a random one is made and printed, as Jupyter does:
    a write endpoint is never open to anyone on the machine.
    """
    import uvicorn

    if allow_writes and not token:
        token = secrets.token_urlsafe(24)
        print(f"write token: {token}", file=sys.stderr)
    app = create_app(store_url, allow_writes=allow_writes, token=token)
    mode = "read-write, token required" if allow_writes else "read-only"
    shown = f"[{host}]" if ":" in host else host
    where = app.state.services.store.url
    print(f"sayso serving {where} ({mode}) at http://{shown}:{port}/", file=sys.stderr)
    print("press Ctrl+C to stop", file=sys.stderr, flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
