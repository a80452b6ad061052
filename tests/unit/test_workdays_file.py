"""Validation of the override file: every problem at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from gkcli.errors import DataError
from gkcli.load import load_text
from gkcli.workdays_file import check_workdays, load_overrides

BAD = """\
years:
  - year: 2027
    complete: true
    holidays:
      - {name: 元旦, start: 2027-01-01}
      - {name: 春节, start: 2027-02-10, end: 2027-02-08}
      - {name: 劳动节, start: 2027-05-01, end: 2027-05-05}
    makeup_days:
      - {date: 2027-05-08, name: 劳动节}
      - {date: 2027-04-26, name: 劳动节}
      - {date: 2027-05-02}
      - {date: 2026-11-28}
  - year: 2027
    complete: false
  - year: 2028
    complete: true
"""


def problems_of(text: str) -> list[tuple[int, str]]:
    doc = load_text(text, "workdays.yaml")
    _, problems = check_workdays(doc)
    return sorted((problem.line, problem.message) for problem in doc.problems + problems)


def test_every_problem_is_reported_at_its_line() -> None:
    found = problems_of(BAD)
    expected = [
        (6, "“春节”的放假结束日 2027-02-08 早于开始日 2027-02-10"),
        (10, "调休上班日 2027-04-26 是星期一：调休上班日只能是星期六或星期日"),
        (11, "2027-05-02 既是调休上班日，又是第 7 行的“劳动节”放假日：同一天只能写一次"),
        (12, "2026-11-28 不属于 2027 年（只能是 2027 年内，或上一年 12 月的日期）"),
        (13, "重复的年份 2027（第 2 行已有）：每年只写一个条目"),
        (16, "2028 年标记为 complete: true，却没有列出任何放假日期"),
    ]
    assert found == expected


def test_an_impossible_date_points_at_its_line() -> None:
    text = "years:\n  - year: 2027\n    holidays:\n      - name: 春节\n        start: 2027-02-30\n"
    [(line, message)] = problems_of(text)
    assert line == 5
    assert "2027-02-30" in message


def test_schema_problems_are_in_chinese() -> None:
    text = 'years:\n  - year: 2027\n    makeup_days:\n      - date: "2027-05-08"\n        nmae: 劳动节\n'
    assert problems_of(text) == [
        (4, "“date”应为日期，写作 YYYY-MM-DD（如 2024-12-31），而不是文字“2027-05-08”"),
        (5, "未知字段“nmae”：您是不是要写“name”？"),
    ]


def test_overlapping_holidays_are_refused() -> None:
    text = """\
years:
  - year: 2027
    holidays:
      - {name: 甲, start: 2027-10-01, end: 2027-10-07}
      - {name: 乙, start: 2027-10-06}
"""
    assert problems_of(text) == [(5, "2027-10-06 既是“乙”放假日，又是第 4 行的“甲”放假日：同一天只能写一次")]


def test_a_valid_file_has_no_problems() -> None:
    example = Path(__file__).parents[1] / "data" / "workdays" / "example-2026.yaml"
    assert problems_of(example.read_text(encoding="utf-8")) == []


def test_loading_an_invalid_file_raises_with_all_problems(tmp_path: Path) -> None:
    path = tmp_path / "workdays.yaml"
    path.write_text(BAD, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_overrides(path)
    assert len(caught.value.problems) == 6
    assert str(caught.value.problems[0]).startswith(f"{path}:6:")
