"""The table writer (render/table.py): layout, fitting to the width, colour, literal text."""

from __future__ import annotations

import io
import re
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gkcli.render import Column, Listing
from gkcli.render.linebreak import NO_START, cells
from gkcli.render.table import column_widths, fill, render

TASK_60 = (
    "【政务新媒体信息更新（5月6日至5月19日）等 10 期未完成（最早截止 2024-01-14）】"
    "加强政务新媒体信息更新活跃度，及时转发省、市提供的信息，避免2周内信息不更新情况发生。"
)
SGR = re.compile(r"\x1b\[[0-9;]*m")


def listing_of(rows: list[list[str]], columns: list[tuple[str, bool, int]], **extra: Any) -> Listing:
    """A Listing whose items are the rows themselves; columns as (title, wrap, ratio)."""
    return Listing(
        [{"cells": row} for row in rows],
        [Column(title, lambda item, index=index: item["cells"][index], wrap, ratio) for index, (title, wrap, ratio) in enumerate(columns)],
        **extra,
    )


DUE_LIKE = listing_of(
    [
        ["● 逾期", "60", "点名", "2024-05-19", "逾期 13 天", TASK_60],
        ["● 正常", "20", "牵头", "每件申请收到后20个工作日内（按申请逐件计算）", "—", "妥善处理政府信息公开申请。"],
        ["● 临近", "7", "组成员", "2024-06-02", "还剩 1 天", "依法依规公开行政执法信息（GB/T 9704）。"],
    ],
    [("状态", False, 1), ("序号", False, 1), ("角色", False, 1), ("截止", True, 1), ("剩余", False, 1), ("任务内容", True, 4)],
    title="市政数局：应办事项（截至 2024-06-01）",
    summary="共 3 项：逾期 1，临近 1，正常 1",
    style=lambda item: {"● 逾期": "red", "● 临近": "yellow"}.get(item["cells"][0]),
)


def table_lines(text: str) -> list[str]:
    """The lines from the top rule to the bottom rule."""
    lines = text.splitlines()
    top = next(index for index, line in enumerate(lines) if line.startswith("┏"))
    bottom = next(index for index, line in enumerate(lines) if line.startswith("└"))
    return lines[top : bottom + 1]


def column_text(text: str, index: int) -> str:
    """Everything printed in body column `index`, whitespace removed."""
    body = [line for line in table_lines(text) if line.startswith("│")]
    return "".join("".join(line.split("│")[index + 1].split()) for line in body)


def visible(texts: list[str]) -> str:
    return "".join("".join(texts).split())


def assert_rectangular_and_complete(text: str, listing: Listing) -> None:
    lines = table_lines(text)
    assert len({cells(line) for line in lines}) == 1, "\n".join(lines)
    for index, column in enumerate(listing.columns):
        assert column_text(text, index) == visible([column.value(item) for item in listing.shown])


def test_same_kind_of_table_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    listing = listing_of(
        [["1", "依法依规建立形成主动公开事项目录。"], ["12", "见 GB/T 9704"]],
        [("序号", False, 1), ("内容", True, 1)],
        title="标题",
        summary="共 2 项",
    )
    assert render(listing) == (
        "标题\n"
        "┏━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓\n"
        "┃ 序号 ┃ 内容                          ┃\n"
        "┡━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┩\n"
        "│ 1    │ 依法依规建立形成主动公开事项  │\n"
        "│      │ 目录。                        │\n"
        "│ 12   │ 见 GB/T 9704                  │\n"
        "└──────┴───────────────────────────────┘\n"
        "共 2 项\n"
    )


@pytest.mark.parametrize("width", [100, 80, 60, 40])
def test_fits_the_width_and_keeps_every_character(monkeypatch: pytest.MonkeyPatch, width: int) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    text = render(DUE_LIKE)
    assert_rectangular_and_complete(text, DUE_LIKE)
    assert all(cells(line) <= width for line in text.splitlines())
    body = [part.strip() for line in table_lines(text) for part in line.split("│")[1:-1]]
    if width >= 80:  # narrower, "2024-01-14）】" no longer fits a line of 任务内容 and has to break
        assert not [part for part in body if part and part[0] in NO_START]


def test_too_narrow_for_every_column_draws_wider_rather_than_losing_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "20")
    text = render(DUE_LIKE)
    assert_rectangular_and_complete(text, DUE_LIKE)
    assert cells(table_lines(text)[0]) == 6 * 2 + 3 * 6 + 1  # every column at 2 cells


def test_title_and_summary_have_no_trailing_spaces() -> None:
    lines = render(DUE_LIKE).splitlines()
    assert lines[0] == "市政数局：应办事项（截至 2024-06-01）"
    assert lines[-1] == "共 3 项：逾期 1，临近 1，正常 1"


def test_markup_like_text_is_printed_literally() -> None:
    listing = listing_of([["[red]x[/]", "[bold]加粗[/bold] [link=x]"]], [("甲", False, 1), ("乙", True, 1)], title="[/]")
    text = render(listing)
    assert "[red]x[/]" in text and "[bold]加粗[/bold] [link=x]" in text and text.startswith("[/]\n")


def test_control_characters_are_shown_not_obeyed() -> None:
    text = render(listing_of([["a\x1b[31mb\tc\r\nd"]], [("甲", True, 1)]))
    assert "\x1b" not in text and "\r" not in text and "\t" not in text
    assert "a␛[31mb c" in text and "│ d" in text


@pytest.mark.parametrize("columns", ["", "abc", "0", "-5"])
def test_unusable_columns_variable_means_100(monkeypatch: pytest.MonkeyPatch, columns: str) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    assert cells(table_lines(render(DUE_LIKE))[0]) == 100


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_on_a_terminal_only(monkeypatch: pytest.MonkeyPatch) -> None:
    plain = render(DUE_LIKE)
    assert "\x1b" not in plain  # not a terminal
    monkeypatch.setattr(sys, "stdout", Terminal())
    assert render(DUE_LIKE) == plain  # a terminal, but NO_COLOR is set
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("TERM", "dumb")
    assert render(DUE_LIKE) == plain
    monkeypatch.setenv("TERM", "xterm-256color")
    coloured = render(DUE_LIKE)
    assert SGR.sub("", coloured) == plain
    lines = coloured.splitlines()
    assert "\x1b[1m 状态" in lines[2]  # header in bold
    assert lines[4].startswith("│\x1b[31m ● 逾期 ")  # overdue row in red
    assert any(line.startswith("│\x1b[33m ● 临近 ") for line in lines)
    assert not [line for line in lines if "\x1b" in line and not line.endswith(("\x1b[0m│", "\x1b[0m┃"))]
    assert "\x1b" not in lines[0] + lines[-1]


def test_non_wrapping_columns_keep_their_natural_width_and_wrapping_ones_share_by_ratio() -> None:
    columns = [Column("甲", str), Column("乙", str, wrap=True, ratio=1), Column("丙", str, wrap=True, ratio=4)]
    rows = [["甲", "乙", "丙"], ["1234567890", "字" * 100, "字" * 100]]
    assert column_widths(columns, rows, 110) == [10, 20, 80]
    assert column_widths(columns, rows, 40) == [10, 10, 20]  # the small share is raised to 10
    short = [["甲", "乙", "丙"], ["1234567890", "字" * 3, "字" * 100]]
    assert column_widths(columns, short, 110) == [10, 6, 94]  # never wider than the longest line


def test_when_too_narrow_the_widest_non_wrapping_columns_fold_first() -> None:
    columns = [Column("甲", str), Column("乙", str), Column("丙", str, wrap=True)]
    rows = [["甲", "乙", "丙"], ["x" * 30, "y" * 8, "字" * 50]]
    assert column_widths(columns, rows, 30) == [12, 8, 10]
    assert column_widths(columns, rows, 24) == [7, 7, 10]
    assert column_widths(columns, rows, 10) == [2, 2, 6]  # then the wrapping one too
    assert column_widths(columns, rows, 3) == [2, 2, 2]  # wider than the room: nothing is lost


def test_fill_shares_by_weight_within_bounds() -> None:
    assert fill(50, [10, 10], [100, 100], [1, 4]) == [10, 40]
    assert fill(50, [10, 10], [12, 100], [1, 1]) == [12, 38]
    assert fill(51, [0, 0], [100, 100], [1, 1]) == [26, 25]
    assert fill(5, [3, 3], [3, 3], [1, 1]) == [3, 3]


CELL = st.text(alphabet="政务公开信息年月日（）。，、“”【】abcXYZ 0123-/\n●", max_size=60)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.tuples(st.booleans(), st.integers(min_value=1, max_value=4)), min_size=1, max_size=6),
    st.lists(st.lists(CELL, min_size=6, max_size=6), max_size=5),
    st.integers(min_value=10, max_value=120),
)
def test_any_table_is_rectangular_and_complete(
    monkeypatch: pytest.MonkeyPatch, columns: list[tuple[bool, int]], rows: list[list[str]], width: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    listing = listing_of(rows, [(f"列{index}", wrap, ratio) for index, (wrap, ratio) in enumerate(columns)])
    text = render(listing)
    assert_rectangular_and_complete(text, listing)
    if 3 * len(columns) + 1 + 2 * len(columns) <= width:
        assert all(cells(line) <= width for line in text.splitlines())
