"""Rich tables for people: CJK-aware widths, wrapped content, colour only on a terminal."""

from __future__ import annotations

import io
import os
import shutil
import sys
from typing import IO

from rich.console import Console
from rich.table import Table

from gkcli.render import Listing


def console(file: IO[str] | None = None) -> Console:
    """A console that writes plain text (no ANSI codes) unless stdout is a colour terminal."""
    tty = sys.stdout.isatty()
    plain = bool(os.environ.get("NO_COLOR")) or not tty
    width = shutil.get_terminal_size().columns if tty else int(os.environ.get("COLUMNS") or 100)
    return Console(
        file=file,
        force_terminal=not plain,
        no_color=plain,
        color_system=None if plain else "auto",
        width=width,
        highlight=False,
        emoji=False,
    )


def render(listing: Listing) -> str:
    table = Table(title=listing.title or None, show_lines=False, header_style="bold", title_justify="left")
    for column in listing.columns:
        if column.wrap:
            table.add_column(column.title, overflow="fold", ratio=column.ratio, min_width=10)
        else:
            table.add_column(column.title, no_wrap=True)
    for item in listing.shown:
        table.add_row(*(column.value(item) for column in listing.columns), style=listing.style(item))
    buffer = io.StringIO()
    out = console(buffer)
    out.print(table)
    if listing.summary:
        out.print(listing.summary)
    return buffer.getvalue()
