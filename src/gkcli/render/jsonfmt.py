"""Stable JSON: English keys, ISO dates, items in the order the command sorted them."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from gkcli.render import Listing


def _default(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=_default) + "\n"


def render(listing: Listing) -> str:
    return dumps(listing.items)
