"""The supervision report's arithmetic, from a ledger built in memory."""

from __future__ import annotations

import datetime as dt
from typing import Any

from gkcli.data import load_data
from gkcli.model import ProgressRecord
from gkcli.obligations import parties
from gkcli.progress import Ledger
from gkcli.report import build_report, report_items
from gkcli.tracking import Tracking
from gkcli.views.report import rate_bar, rate_label
from tests.conftest import DATA


def done(task: int, day: str) -> ProgressRecord:
    return ProgressRecord.model_validate(
        {
            "task": task,
            "event": "done",
            "date": dt.date.fromisoformat(day),
            "evidence": ["x"],
            "recorded_at": "2024-01-01T00:00:00+08:00",
            "recorded_by": "t",
        }
    )


def test_counts_per_unit_category_and_total_add_up() -> None:
    data = load_data(DATA)
    ledger = Ledger()
    ledger.add("zhengfuban", [done(38, "2024-08-20"), done(1, "2025-01-03")])
    ledger.add("shuiwu", [done(62, "2024-10-02")])
    as_of = dt.date(2025, 1, 5)
    items = report_items(data, Tracking(progress=ledger, ledger=ledger), as_of)
    report = build_report(items, as_of, [category.number for category in data.register.categories], parties(data.directory))
    office, tax = report.units["zhengfuban"], report.units["shuiwu"]
    assert (office.obligations, office.done, office.on_time, office.late) == (58, 2, 1, 1)
    assert (tax.done, tax.on_time, tax.late) == (1, 0, 1)
    assert office.open == office.obligations - office.done
    for field in ("obligations", "done", "on_time", "late", "open", "overdue"):
        assert sum(getattr(tally, field) for tally in report.units.values()) == getattr(report.total, field)
        assert sum(getattr(tally, field) for tally in report.categories.values()) == getattr(report.total, field)
    assert report.total.rate == 3 / report.total.obligations


def test_a_category_filter_keeps_only_its_items() -> None:
    data = load_data(DATA)
    items = report_items(data, Tracking(), dt.date(2024, 6, 1), category=12)
    assert {item.duty.task.category for item in items} == {12}


def entry(rate: float | None) -> dict[str, Any]:
    return {"completion_rate": rate}


def test_rate_bar_and_label() -> None:
    assert rate_bar(entry(1.0)) == "██████████ 100.0%"
    assert rate_bar(entry(0.25)) == "██░░░░░░░░  25.0%"
    assert rate_bar(entry(0.0)) == "░░░░░░░░░░   0.0%"
    assert rate_label(entry(None)) == "—"
