"""Properties of the parsers and the loader (hypothesis, derandomized so CI runs are repeatable).

Arbitrary input never crashes them: it is parsed, or rejected with a DeadlineError, a
UnitCellError or a problem. Writing a valid value as text and parsing it gives the value back.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from gkcli.deadlines import DayType, DeadlineError, DeadlineKind, parse_deadline
from gkcli.load import Document, load_bytes, load_text
from gkcli.unitcell import UnitCellError, parse_unit_cell
from tests.conftest import DATA

PROPERTY = settings(max_examples=300, deadline=None, derandomize=True, database=None)
YEARS = st.integers(1900, 2100)
REGISTER_YEARS = st.integers(2000, 2100)
DEADLINE_ALPHABET = "0123456789０１２年月日号底末前之以内后个工作天季度第上半全持续推进长期坚持一二三四收到申请发布清单，,。 \t"


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


@PROPERTY
@given(st.one_of(st.text(), st.text(alphabet=DEADLINE_ALPHABET)), REGISTER_YEARS)
def test_any_deadline_text_is_parsed_or_rejected(text: str, year: int) -> None:
    try:
        parsed = parse_deadline(text, year)
    except DeadlineError as error:
        assert str(error)
    else:
        assert parsed.kind in DeadlineKind
        assert (parsed.due is None) == (parsed.kind not in (DeadlineKind.DATE, DeadlineKind.ALL_YEAR))


@PROPERTY
@given(YEARS, st.integers(1, 12), st.sampled_from(["底前", "底", "末", "末前", "底之前", "底以前"]), REGISTER_YEARS)
def test_month_end_phrases(year: int, month: int, tail: str, register_year: int) -> None:
    assert parse_deadline(f"{year}年{month}月{tail}", register_year).due == month_end(year, month)
    assert parse_deadline(f"{month}月{tail}", register_year).due == month_end(register_year, month)


@PROPERTY
@given(st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)), st.sampled_from(["日前", "日", "号前", "日之前"]), REGISTER_YEARS)
def test_day_phrases(day: dt.date, tail: str, register_year: int) -> None:
    parsed = parse_deadline(f"{day.year}年{day.month}月{day.day}{tail}", register_year)
    assert (parsed.kind, parsed.due) == (DeadlineKind.DATE, day)


@PROPERTY
@given(YEARS, st.integers(1, 12), st.integers(29, 40))
def test_days_that_do_not_exist_are_rejected(year: int, month: int, day: int) -> None:
    assume(day > calendar.monthrange(year, month)[1])
    try:
        parse_deadline(f"{year}年{month}月{day}日前", 2024)
    except DeadlineError as error:
        assert "日期不存在" in str(error)
    else:
        raise AssertionError("an impossible date was accepted")


@PROPERTY
@given(YEARS, st.integers(1, 4), st.sampled_from(["一二三四", "1234"]), REGISTER_YEARS)
def test_quarter_phrases(year: int, quarter: int, digits: str, register_year: int) -> None:
    parsed = parse_deadline(f"{year}年第{digits[quarter - 1]}季度末前", register_year)
    assert parsed.due == month_end(year, quarter * 3)


@PROPERTY
@given(REGISTER_YEARS, st.sampled_from(["全年", "年底前", "持续推进", "长期坚持"]))
def test_year_and_ongoing_phrases(year: int, text: str) -> None:
    parsed = parse_deadline(text, year)
    expected = {
        "全年": (DeadlineKind.ALL_YEAR, dt.date(year, 12, 31)),
        "年底前": (DeadlineKind.DATE, dt.date(year, 12, 31)),
    }.get(text, (DeadlineKind.ONGOING, None))
    assert (parsed.kind, parsed.due) == expected


@PROPERTY
@given(st.integers(1, 3660), st.sampled_from(["工作日", "天", "日"]), st.booleans())
def test_relative_phrases(days: int, unit: str, counter: bool) -> None:
    kind = DayType.WORKING if unit == "工作日" else DayType.CALENDAR
    measure = "个" if counter else ""
    event = parse_deadline(f"收到申请后，不能当场答复的，{days}{measure}{unit}内答复。", 2024)
    assert (event.kind, event.days, event.day_type, event.event) == (DeadlineKind.AFTER_EVENT, days, kind, "application_received")
    published = parse_deadline(f"全市政务公开重点工作任务清单发布后{days}{measure}{unit}内", 2024)
    assert (published.kind, published.days, published.day_type) == (DeadlineKind.AFTER_PUBLICATION, days, kind)


REAL_NAMES = sorted(
    {
        entry["name"]
        for section in ("units", "groups")
        for entry in yaml.safe_load((DATA / "units.yaml").read_text(encoding="utf-8"))[section]
    }
)
NAME_ALPHABET = "市政府办数局人社保民医务文广旅教育发改住建卫健农业村财监委网信法院税乡镇街道开区管会（）()"
NAMES = st.one_of(st.sampled_from(REAL_NAMES), st.text(alphabet=NAME_ALPHABET, min_size=1, max_size=10))


@PROPERTY
@given(st.one_of(st.text(), st.text(alphabet=NAME_ALPHABET + "牵头、，,；;等相关部门单位按职责分别落实配合。 ")))
def test_any_unit_cell_is_parsed_or_rejected(text: str) -> None:
    try:
        cell = parse_unit_cell(text)
    except UnitCellError as error:
        assert str(error)
    else:
        assert cell.lead or cell.units or cell.open_ended
        assert all(name and not any(mark in name for mark in "、，,；;") for name in (*cell.lead, *cell.units))


@PROPERTY
@given(
    st.lists(NAMES, max_size=3),
    st.lists(NAMES, max_size=6),
    st.lists(st.sampled_from("、，"), min_size=6, max_size=6),
    st.booleans(),
    st.sampled_from(["按职责分别落实", "按照职能分别落实", "负责落实", ""]),
)
def test_written_unit_cells_give_back_their_names(
    lead: list[str], units: list[str], separators: list[str], open_ended: bool, verb: str
) -> None:
    if not lead and not units:
        units = [REAL_NAMES[0]]
    open_ended = open_ended and bool(units)
    listed = "".join(f"{name}{separators[index]}" for index, name in enumerate(units))[:-1] if units else ""
    text = ("、".join(lead) + "牵头；" if lead else "") + listed + ("等相关部门（单位）" if open_ended else "") + verb
    cell = parse_unit_cell(text)
    assert (list(cell.lead), list(cell.units), cell.open_ended) == (lead, units, open_ended)


YAMLISH = st.text(alphabet="ab中文 :-[]{},&*!#|>'\"\n\t\\%@`?=<\ufeff\u200b\x00", max_size=80)


def assert_well_formed(doc: Document) -> None:
    assert isinstance(doc, Document)
    for problem in doc.problems:
        assert problem.line >= 1 and problem.col >= 1 and problem.message


@PROPERTY
@given(st.binary(max_size=200))
def test_any_bytes_load_to_data_or_problems(raw: bytes) -> None:
    assert_well_formed(load_bytes(raw, "f.yaml"))


@PROPERTY
@given(st.one_of(st.text(max_size=200), YAMLISH))
def test_any_text_loads_to_data_or_problems(text: str) -> None:
    doc = load_text(text, "f.yaml")
    assert_well_formed(doc)
    if not doc.problems:  # accepted: PyYAML's own safe loader (same C parser) reads the same data
        assert doc.data == yaml.load(text, Loader=yaml.CSafeLoader)


KEYS = st.text(alphabet="abcxyz_中文单位任务", min_size=1, max_size=8)
SCALARS = st.one_of(st.text(max_size=20), st.integers(), st.booleans(), st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4), max_leaves=20)


@PROPERTY
@given(st.dictionaries(KEYS, VALUES, min_size=1, max_size=5), st.booleans())
def test_dumped_data_loads_back_unchanged(data: dict[str, Any], flow: bool) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow, sort_keys=False)
    doc = load_text(text, "f.yaml")
    assert doc.problems == []
    assert doc.data == yaml.load(text, Loader=yaml.CSafeLoader)  # PyYAML's own reading is the reference …
    if "\x85" not in text:  # … and gives the data back (PyYAML folds a raw NEL into a space)
        assert doc.data == data
