"""CSV that opens correctly in Excel and WPS: UTF-8 with BOM, one header row."""

from __future__ import annotations

import csv
import io

from gkcli.render import Listing


def render(listing: Listing) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(column.title for column in listing.columns)
    for item in listing.items:
        writer.writerow(column.value(item) for column in listing.columns)
    return "\ufeff" + buffer.getvalue()
