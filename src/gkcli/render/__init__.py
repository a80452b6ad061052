"""Output formats. A command builds a Listing; `render` picks the format's renderer by name."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any


@dataclass(frozen=True)
class Column:
    """One column of human-readable output: a title and how to show an item's value."""

    title: str
    value: Callable[[dict[str, Any]], str]
    wrap: bool = False  # long Chinese text that may wrap in a table
    ratio: int = 1  # share of the spare width among wrapping columns


@dataclass
class Listing:
    """What a listing command produces: JSON-ready items and how to show them to people."""

    items: list[dict[str, Any]]
    columns: list[Column]
    title: str = ""
    summary: str = ""
    style: Callable[[dict[str, Any]], str | None] = field(default=lambda item: None)
    rows: list[dict[str, Any]] | None = None  # what people see in table/md, when it differs from `items`

    @property
    def shown(self) -> list[dict[str, Any]]:
        return self.items if self.rows is None else self.rows


RENDERERS = {"table": "gkcli.render.table", "json": "gkcli.render.jsonfmt", "csv": "gkcli.render.csvfmt", "md": "gkcli.render.md"}


def render(listing: Listing, fmt: str) -> str:
    """The text of `listing` in format `fmt` (renderer modules are imported only when used)."""
    module: Any = import_module(RENDERERS[fmt])
    result: str = module.render(listing)
    return result
