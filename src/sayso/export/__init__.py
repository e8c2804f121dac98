"""Writers that turn ``sayso.article/1`` records into other formats.

Each module has pure functions over a record (a dict, as :func:`sayso.analyze_articles`
yields it) and a small writer class the CLI feeds one record at a time, so a run streams.
"""

from __future__ import annotations

FORMATS = ("jsonl", "text", "brat")
