"""The supervision report as stable JSON and as tables for people (with completion bars)."""

from __future__ import annotations

from typing import Any

from gkcli.data import Data
from gkcli.render import Column, Listing
from gkcli.report import Report, Tally

BAR_WIDTH = 10


def tally_json(tally: Tally) -> dict[str, Any]:
    rate = tally.rate
    return {
        "obligations": tally.obligations,
        "done": tally.done,
        "done_on_time": tally.on_time,
        "done_late": tally.late,
        "open": tally.open,
        "overdue": tally.overdue,
        "completion_rate": round(rate, 4) if rate is not None else None,
    }


def report_json(report: Report, data: Data, unit: str | None, category: int | None) -> dict[str, Any]:
    """The stable JSON of `gk report` (documented in README.md)."""
    directory = data.directory
    return {
        "as_of": report.as_of,
        "unit": directory.name(unit) if unit else None,
        "category": category,
        "units": [{"unit_id": party, "unit": directory.name(party)} | tally_json(tally) for party, tally in report.units.items()],
        "categories": [
            {"category": number, "category_name": data.category_name(number)} | tally_json(tally)
            for number, tally in report.categories.items()
        ],
        "total": tally_json(report.total),
    }


def rate_label(entry: dict[str, Any]) -> str:
    rate = entry["completion_rate"]
    return "—" if rate is None else f"{rate * 100:.1f}%"


def rate_bar(entry: dict[str, Any]) -> str:
    """A terminal bar: ██████░░░░  60.0%."""
    rate = entry["completion_rate"] or 0.0
    filled = round(rate * BAR_WIDTH)
    return "█" * filled + "░" * (BAR_WIDTH - filled) + f" {rate_label(entry):>6}"


def _counts() -> list[Column]:
    return [
        Column("应办", lambda entry: str(entry["obligations"])),
        Column("已完成", lambda entry: str(entry["done"])),
        Column("按期完成", lambda entry: str(entry["done_on_time"])),
        Column("逾期完成", lambda entry: str(entry["done_late"])),
        Column("未完成", lambda entry: str(entry["open"])),
        Column("逾期未完成", lambda entry: str(entry["overdue"])),
    ]


def _overdue_style(entry: dict[str, Any]) -> str | None:
    return "red" if entry["overdue"] else None


def units_listing(view: dict[str, Any], bars: bool) -> Listing:
    rate = Column("完成率", rate_bar if bars else rate_label)
    columns = [Column("单位", lambda entry: entry["unit"]), *_counts(), rate]
    return Listing(view["units"], columns, title=f"{view['unit'] or '各单位'}完成情况（截至 {view['as_of']}）", style=_overdue_style)


def categories_listing(view: dict[str, Any], bars: bool) -> Listing:
    rate = Column("完成率", rate_bar if bars else rate_label)
    columns = [Column("类别", lambda entry: f"{entry['category']}、{entry['category_name']}", wrap=True), *_counts(), rate]
    return Listing(view["categories"], columns, title="各类别合计", summary=summary_line(view["total"]), style=_overdue_style)


def summary_line(total: dict[str, Any]) -> str:
    return (
        f"合计：应办 {total['obligations']} 项，已完成 {total['done']} 项（按期 {total['done_on_time']}，逾期完成 {total['done_late']}），"
        f"未完成 {total['open']} 项（其中逾期 {total['overdue']} 项），完成率 {rate_label(total)}"
    )
