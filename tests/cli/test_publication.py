"""Task 74 is due 30 calendar days after the list's publication, which the seed does not state."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import gk


def task_74(*args: str) -> dict:
    items = json.loads(gk("due", "--unit", "市政数局", "--format", "json", *args).stdout)
    return next(item for item in items if item["id"] == 74)


def test_unknown_publication_date_is_pending_with_its_reason() -> None:
    item = task_74("--as-of", "2024-06-01")
    assert item["due"] is None
    assert item["days_left"] is None
    assert item["status"] == "pending"
    assert item["rule"] == "清单发布后30天内（清单发布日期未知，待定）"
    table = gk("due", "--unit", "市政数局", "--as-of", "2024-06-01").stdout
    assert "待定" in table


def test_unknown_publication_date_never_shows_as_overdue() -> None:
    items = json.loads(gk("overdue", "--unit", "市政数局", "--as-of", "2024-12-31", "--format", "json").stdout)
    assert 74 not in {item["id"] for item in items}


def set_published(data: Path, day: str) -> None:
    register = data / "tasks-2024.yaml"
    text = register.read_text(encoding="utf-8")
    register.write_text(text.replace("published: null", f"published: {day}", 1), encoding="utf-8")


def test_known_publication_date_gives_a_date_thirty_days_later(data_copy: Path) -> None:
    set_published(data_copy, "2024-03-15")
    item = task_74("--data", str(data_copy), "--as-of", "2024-04-01")
    assert (item["due"], item["days_left"], item["status"], item["rule"]) == ("2024-04-14", 13, "open", None)
    overdue = json.loads(gk("overdue", "--data", str(data_copy), "--unit", "市政数局", "--as-of", "2024-04-15", "-f", "json").stdout)
    assert [item["days_left"] for item in overdue if item["id"] == 74] == [-1]
