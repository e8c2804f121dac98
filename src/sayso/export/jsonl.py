"""``sayso.article/1`` JSON Lines: the default output, one record a line."""

from __future__ import annotations

import json
from typing import Any, TextIO


def to_line(record: dict[str, Any]) -> str:
    """One record as one line; non-ASCII kept as is so the text stays readable and greppable."""
    return json.dumps(record, ensure_ascii=False) + "\n"


class JsonlWriter:
    """Writes records to an open text stream as they come."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, record: dict[str, Any]) -> None:
        self.stream.write(to_line(record))
