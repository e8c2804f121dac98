"""The web UI and HTTP API over a store: ``sayso serve --db URL`` (see docs/web.md)."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
