"""Markdown tables that paste cleanly into reports and chat messages."""

from __future__ import annotations

from gkcli.render import Listing


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")


def render(listing: Listing) -> str:
    lines = [f"**{listing.title}**", ""] if listing.title else []
    lines.append("| " + " | ".join(cell(column.title) for column in listing.columns) + " |")
    lines.append("|" + "|".join(" --- " for _ in listing.columns) + "|")
    for item in listing.shown:
        lines.append("| " + " | ".join(cell(column.value(item)) for column in listing.columns) + " |")
    if listing.summary:
        lines += ["", listing.summary]
    return "\n".join(lines) + "\n"
