"""Folding missed periods of one checkpoint into one row for people."""

from __future__ import annotations

from typing import Any

from gkcli.views.agenda import fold_missed, occurrence_label


def entry(task: int, occurrence: str | None, due: str, light: str = "red", label: str | None = None) -> dict[str, Any]:
    return {"id": task, "unit_id": "zhengshuju", "occurrence": occurrence, "due": due, "light": light, "label": label}


def test_missed_periods_fold_into_one_row_where_the_latest_stood() -> None:
    entries = [
        entry(70, "monthly:2024-01", "2024-01-31", label="月自查（2024年1月）"),
        entry(55, "quarterly:2024-Q1", "2024-03-31", label="季度检查（2024年第1季度）"),
        entry(70, "monthly:2024-02", "2024-02-29", label="月自查（2024年2月）"),
        entry(12, None, "2024-04-30"),
        entry(70, "monthly:2024-05", "2024-05-31", label="月自查（2024年5月）"),
        entry(70, "monthly:2024-06", "2024-06-30", light="green", label="月自查（2024年6月）"),  # not missed yet
    ]
    rows = fold_missed(entries)
    assert [(row["id"], row["due"]) for row in rows] == [(55, "2024-03-31"), (12, "2024-04-30"), (70, "2024-05-31"), (70, "2024-06-30")]
    folded = rows[2]
    assert (folded["missed"], folded["first_due"]) == (3, "2024-01-31")
    assert occurrence_label(folded) == "月自查（2024年5月）等 3 期未完成（最早截止 2024-01-31）"
    assert occurrence_label(rows[0]) == "季度检查（2024年第1季度）"
    assert len(entries) == 6  # the entries themselves (JSON) are left as they were
