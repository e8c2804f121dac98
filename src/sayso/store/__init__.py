"""The corpus store: analysed articles, actors across articles and claim clusters in SQLite
or PostgreSQL, with a read API that the CLI and the web UI share (``docs/store.md``).

Names are loaded on first use, so ``sayso analyze`` (whose CLI registers the store's
commands) never imports SQLAlchemy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .core import DEFAULT_URL, Page, Store
    from .ingest import IngestReport

__all__ = ["DEFAULT_URL", "IngestReport", "Page", "Store"]


def __getattr__(name: str) -> Any:
    if name == "IngestReport":
        from .ingest import IngestReport

        return IngestReport
    if name in ("DEFAULT_URL", "Page", "Store"):
        from . import core

        return getattr(core, name)
    raise AttributeError(f"module 'sayso.store' has no attribute {name!r}")
