"""Due dates, days left and traffic lights as of a date, at the boundaries."""

from __future__ import annotations

import datetime as dt

import pytest

from gkcli.agenda import Light, Status, agenda, light_for, parse_window
from gkcli.data import Data, load_data
from gkcli.errors import UsageError
from gkcli.obligations import duties_of
from tests.conftest import DATA


@pytest.fixture(scope="module")
def data() -> Data:
    return load_data(DATA)


@pytest.mark.parametrize(
    ("days_left", "light"),
    [(-1, Light.RED), (0, Light.YELLOW), (14, Light.YELLOW), (15, Light.GREEN), (None, Light.NONE)],
)
def test_light_boundaries(days_left: int | None, light: Light) -> None:
    assert light_for(days_left, 14) is light


def items_for(data: Data, party: str, as_of: dt.date, **options: object) -> dict[int, object]:
    duties = list(duties_of(data.register, data.directory, party))
    return {item.duty.task.id: item for item in agenda(duties, data.register, as_of, **options)}  # type: ignore[arg-type]


def test_due_today_is_yellow_one_day_late_is_red(data: Data) -> None:
    assert items_for(data, "zhengshuju", dt.date(2024, 8, 31))[38].light is Light.YELLOW  # type: ignore[attr-defined]
    late = items_for(data, "zhengshuju", dt.date(2024, 9, 1))[38]
    assert (late.light, late.days_left) == (Light.RED, -1)  # type: ignore[attr-defined]
    assert items_for(data, "zhengshuju", dt.date(2024, 8, 17))[38].light is Light.YELLOW  # type: ignore[attr-defined]
    assert items_for(data, "zhengshuju", dt.date(2024, 8, 16))[38].light is Light.GREEN  # type: ignore[attr-defined]


def test_warning_window_is_configurable(data: Data) -> None:
    assert items_for(data, "zhengshuju", dt.date(2024, 8, 1), warn_days=31)[38].light is Light.YELLOW  # type: ignore[attr-defined]


def test_all_year_task_is_ongoing_until_its_end(data: Data) -> None:
    item = items_for(data, "shuiwu", dt.date(2024, 6, 1))[14]
    assert (item.status, item.due) == (Status.ONGOING, dt.date(2024, 12, 31))  # type: ignore[attr-defined]
    assert items_for(data, "shuiwu", dt.date(2025, 1, 1))[14].status is Status.OPEN  # type: ignore[attr-defined]


def test_event_and_publication_relative_deadlines_have_no_date(data: Data) -> None:
    items = items_for(data, "zhengshuju", dt.date(2024, 6, 1))
    assert items[20].due is None and "20个工作日" in items[20].rule  # type: ignore[attr-defined]
    assert items[74].status is Status.PENDING and "发布日期未知" in items[74].rule  # type: ignore[attr-defined]


def test_sorted_by_due_date_then_undated(data: Data) -> None:
    items = list(items_for(data, "zhengshuju", dt.date(2024, 6, 1)).values())
    dated = [item.due for item in items if item.due is not None]  # type: ignore[attr-defined]
    assert dated == sorted(dated)
    assert [item.due for item in items[-2:]] == [None, None]  # type: ignore[attr-defined]
    assert [item.duty.task.id for item in items[:2]] == [38, 62]  # type: ignore[attr-defined]


def test_within_keeps_overdue_and_drops_undated(data: Data) -> None:
    items = items_for(data, "zhengshuju", dt.date(2024, 9, 15), within=30)
    assert set(items) == {38, 62}


@pytest.mark.parametrize(("text", "days"), [("30d", 30), ("2w", 14), ("1m", 30), ("30天", 30), ("2周", 14), ("7", 7)])
def test_parse_window(text: str, days: int) -> None:
    assert parse_window(text) == days


def test_parse_window_rejects_nonsense() -> None:
    with pytest.raises(UsageError, match="时间范围"):
        parse_window("soon")
