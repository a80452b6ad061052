"""`gk show` output: a readable text page, Markdown, or the stable JSON."""

from __future__ import annotations

from typing import Any

from gkcli.render import Listing, render
from gkcli.render.jsonfmt import dumps
from gkcli.views.show import PARTY_COLUMNS, detail_text


def _parties(detail: dict[str, Any], fmt: str) -> str:
    listing = Listing(detail["parties"], PARTY_COLUMNS, title=f"各责任单位（截至 {detail['as_of']}）")
    return render(listing, fmt)


def text(detail: dict[str, Any]) -> str:
    return detail_text(detail) + "\n" + _parties(detail, "table")


def markdown(detail: dict[str, Any]) -> str:
    body = detail_text(detail).replace("\n", "\n\n")
    return body + "\n" + _parties(detail, "md")


RENDERERS = {"table": text, "md": markdown, "json": dumps}
