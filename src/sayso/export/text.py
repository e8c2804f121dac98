"""A readable report per article: the text with its attributions coloured, a table, a summary.

Meant for a person at a terminal (``sayso analyze --format text``); piped or written to a
file it comes out as plain text, where the table still says who said what.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

ROLE_STYLES = {"content": "green", "source": "bold cyan", "cue": "bold magenta"}
"""Applied in this order, so a source or cue inside some other attribution's content shows."""

CELL_CHARS = 120
"""Table cells longer than this are cut: the full spans are highlighted in the text above."""


def highlighted(record: dict[str, Any]) -> Text:
    """The article text with every source, cue and content span styled by role."""
    text = Text(record["text"])
    for role, style in ROLE_STYLES.items():
        for attribution in record["attributions"]:
            for s, e in attribution[role]["spans"]:
                text.stylize(style, s, e)
    return text


def legend() -> Text:
    """Which colour is which role."""
    parts: list[str | tuple[str, str]] = []
    for role in ("source", "cue", "content"):
        parts += [(role, ROLE_STYLES[role]), "  "]
    return Text.assemble(*parts[:-1])


def _cell(value: str) -> Text:
    value = " ".join(value.split())  # a span across lines reads as one line in a table
    if not value:
        return Text("—", style="dim")
    if len(value) > CELL_CHARS:
        value = value[: CELL_CHARS - 1].rstrip() + "…"
    return Text(value)


def actor_table(record: dict[str, Any]) -> Table | None:
    """One row per actor: canonical name, type, roles, how often named, and the attributions
    it is the source of; None when the record names no one."""
    actors = record.get("actors") or []
    if not actors:
        return None
    spoke: dict[str, list[str]] = {}
    for attribution in record["attributions"]:
        if attribution.get("actor"):
            spoke.setdefault(attribution["actor"], []).append(attribution["id"])
    table = Table(box=box.SIMPLE_HEAD, expand=False, show_edge=False, title="actors")
    for column in ("#", "name", "type", "roles", "named", "source of"):
        table.add_column(column, overflow="fold", style="dim" if column == "#" else "")
    for actor in actors:
        table.add_row(
            actor["id"],
            actor["name"],
            actor["type"],
            _cell("; ".join(actor["roles"])),
            str(len(actor["mentions"])),
            ", ".join(spoke.get(actor["id"], [])) or "—",
        )
    return table


def attribution_table(record: dict[str, Any]) -> Table:
    """One row per attribution: kind, confidence, who the source is, and the roles' text."""
    table = Table(box=box.SIMPLE_HEAD, expand=False, show_edge=False)
    table.add_column("#", justify="right", style="dim")
    table.add_column("kind")
    table.add_column("conf.", justify="right")
    table.add_column("source type / stance", overflow="fold")
    for role in ("source", "cue", "content"):
        table.add_column(role, style=ROLE_STYLES[role], overflow="fold")
    names = {actor["id"]: actor["name"] for actor in record.get("actors") or []}
    for attribution in record["attributions"]:
        table.add_row(
            attribution["id"],
            attribution["kind"],
            f"{attribution['confidence']:.2f}",
            _source_cell(attribution, names),
            *(_cell(attribution[role]["text"]) for role in ("source", "cue", "content")),
        )
    return table


def _source_cell(attribution: dict[str, Any], names: dict[str, str] | None = None) -> Text:
    """``named person = Ana Vellis / deny → denies a3; via in a statement``: who the source
    is, the evidence weight of the claim and where it was said, at a glance."""
    kind = (attribution.get("source_type") or "").replace("_", " ")
    cell = Text(
        kind or "—", style="bold red" if (attribution.get("anonymous") or {}).get("is") else ""
    )
    actor = (names or {}).get(attribution.get("actor") or "")
    if actor:
        cell.append(f" = {actor}", style="bold")
    reason = ((attribution.get("anonymous") or {}).get("reason") or {}).get("text")
    if reason:
        cell.append(f" ({' '.join(reason.split())})", style="dim")
    if attribution.get("stance"):
        cell.append(f" / {attribution['stance']}")
    if attribution.get("denies"):
        cell.append(f" → denies {', '.join(attribution['denies'])}")
    denied = (attribution.get("denied") or {}).get("text")
    if denied:
        cell.append(f" → denies “{_cell(denied).plain}”", style="dim")
    channel = (attribution.get("channel") or {}).get("text")
    if channel:
        cell.append(f"; via {' '.join(channel.split())}", style="dim")
    return cell


def scorecard_line(record: dict[str, Any]) -> str | None:
    """The article's sourcing scorecard in one sentence, or None for records without one."""
    card = record.get("scorecard")
    if not card:
        return None
    by_type = ", ".join(
        f"{kind.replace('_', ' ')} {n}" for kind, n in card["by_source_type"].items() if n
    )
    headline = {True: "yes", False: "no", None: "no attribution in the headline"}[
        card.get("headline_anonymous")
    ]
    share = card.get("anonymous_share")
    anonymous = (
        "no attributed content"
        if share is None
        else f"{share:.0%} of attributed content from anonymous sources"
    )
    distinct = card["distinct_sources"]
    return (
        f"Scorecard: sources by type: {by_type or 'none'}; {anonymous}; "
        f"{distinct} distinct source{'s' if distinct != 1 else ''}; headline rests on an anonymous "
        f"source: {headline}."
    )


def summary_line(record: dict[str, Any]) -> str:
    """How many attributions of which kind, how many lack a source, and the sources most cited."""
    attributions = record["attributions"]
    if not attributions:
        return "No attributions found."
    kinds = Counter(a["kind"] for a in attributions)
    n = len(attributions)
    parts = [
        f"{n} attribution{'s' if n != 1 else ''}: "
        + ", ".join(f"{kinds[k]} {k}" for k in ("direct", "indirect", "mixed"))
    ]
    no_source = sum(1 for a in attributions if not a["source"]["spans"])
    if no_source:
        parts.append(f"{no_source} without a source")
    sources = Counter(a["source"]["text"] for a in attributions if a["source"]["spans"])
    if sources:
        top = ", ".join(
            f"{name} ({count})" if count > 1 else name for name, count in sources.most_common(3)
        )
        parts.append(f"sources: {top}")
    return "; ".join(parts) + "."


def render_article(record: dict[str, Any]) -> RenderableType:
    """The whole report of one article."""
    meta = record.get("meta") or {}
    title = meta.get("title")
    heading = Text(record["id"], style="bold")
    if title:
        heading.append(f" · {title}", style="italic")
    details = [
        str(meta[k])
        for k in ("outlet", "published", "path")
        if meta.get(k) not in (None, "", record["id"])
    ]
    parts: list[RenderableType] = [Rule(heading, align="left")]
    if details:
        parts.append(Text(" · ".join(details), style="dim"))
    body = highlighted(record)
    body.rstrip()  # the blank line below separates; trailing newlines would only add more
    parts += [body, Text()]
    if record["attributions"]:
        parts += [legend(), attribution_table(record)]
    actors = actor_table(record)
    if actors is not None:
        parts.append(actors)
    parts.append(Text(summary_line(record), style="bold"))
    card = scorecard_line(record)
    if card:
        parts.append(Text(card, style="bold"))
    parts.append(Text())
    return Group(*parts)


class TextWriter:
    """Prints each record's report to a Rich console as it comes."""

    def __init__(self, console: Console) -> None:
        self.console = console

    def write(self, record: dict[str, Any]) -> None:
        self.console.print(render_article(record))
