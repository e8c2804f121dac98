"""Shared fixtures: the real pipeline, loaded once, and a writer for input files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The full sayso pipeline, loaded once per test session (loading costs about a second).

    Tests that use it must be marked ``@pytest.mark.model``.
    """
    import sayso

    return sayso.load_nlp()


WriteFile = Callable[[str, str | bytes], Path]


@pytest.fixture
def write(tmp_path: Path) -> WriteFile:
    """Write ``content`` (str as UTF-8, bytes verbatim) to ``tmp_path/name``; return the path.

    Bytes are written as they are so tests control BOMs, CRLFs and bad encodings exactly.
    """

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    return _write
