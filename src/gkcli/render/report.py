"""`gk report` output: two tables (units, categories) and a summary line, in each format.

The terminal table draws a completion bar per unit; categories show the rate only, leaving
room for their long names.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from gkcli.render import render
from gkcli.render.jsonfmt import dumps
from gkcli.views.report import categories_listing, rate_label, units_listing


def table(view: dict[str, Any]) -> str:
    return render(units_listing(view, bars=True), "table") + "\n" + render(categories_listing(view, bars=False), "table")


def markdown(view: dict[str, Any]) -> str:
    return render(units_listing(view, bars=False), "md") + "\n" + render(categories_listing(view, bars=False), "md")


def as_csv(view: dict[str, Any]) -> str:
    """One sheet-like table: a row per unit, a row per category, and the total row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["范围", "名称", "应办", "已完成", "按期完成", "逾期完成", "未完成", "逾期未完成", "完成率"])
    rows = [("单位", entry["unit"], entry) for entry in view["units"]]
    rows += [("类别", f"{entry['category']}、{entry['category_name']}", entry) for entry in view["categories"]]
    rows.append(("合计", "全部", view["total"]))
    for scope, name, entry in rows:
        counts = [entry[key] for key in ("obligations", "done", "done_on_time", "done_late", "open", "overdue")]
        writer.writerow([scope, name, *counts, rate_label(entry)])
    return "\ufeff" + buffer.getvalue()


RENDERERS = {"table": table, "md": markdown, "csv": as_csv, "json": dumps}
