"""docs/benchmarks.md is shared by several benchmark scripts; each owns one marked section.

A script rewrites only the text between its own ``<!-- begin NAME -->`` and
``<!-- end NAME -->`` markers, so re-running one benchmark never erases another's figures.
"""

from __future__ import annotations

import re
from pathlib import Path

HEADER = (
    "# Benchmarks\n\n"
    "Every figure here was written by a script in `benchmarks/`; each section names the\n"
    "script and the exact command that produced it, and re-running that command rewrites\n"
    "only its section.\n"
)


def write_section(path: Path, name: str, markdown: str) -> None:
    """Put ``markdown`` between NAME's markers in ``path``, appending the section if new."""
    begin, end = f"<!-- begin {name} -->", f"<!-- end {name} -->"
    block = f"{begin}\n{markdown.strip()}\n{end}"
    text = path.read_text(encoding="utf-8") if path.exists() else HEADER
    pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _: block, text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
