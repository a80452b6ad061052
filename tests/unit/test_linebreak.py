"""Display widths and Chinese line breaking (render/linebreak.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gkcli.render.linebreak import NO_END, NO_START, cells, wrap

TASK_60 = (
    "【政务新媒体信息更新（5月6日至5月19日）等 10 期未完成（最早截止 2024-01-14）】"
    "加强政务新媒体信息更新活跃度，及时转发省、市提供的信息，避免2周内信息不更新情况发生。"
)


def visible(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize(
    ("text", "width"),
    [
        ("", 0),
        ("GB/T 9704", 9),
        ("政务公开", 8),
        ("2024年5月", 9),
        ("● 逾期", 6),
        ("Ａ１", 4),  # fullwidth Latin
        ("e\u0301", 1),  # combining acute accent
        ("字\u200b字", 4),  # zero-width space
        ("[red]x[/]", 9),
        ("░░█", 3),
    ],
)
def test_display_width(text: str, width: int) -> None:
    assert cells(text) == width


def test_text_that_fits_is_one_line_as_given() -> None:
    assert wrap("  逾期 13 天  ", 20) == ["  逾期 13 天  "]


def test_breaks_between_chinese_characters_and_fills_lines() -> None:
    assert wrap("一二三四五六七", 6) == ["一二三", "四五六", "七"]


@pytest.mark.parametrize("width", [6, 10, 11, 26, 40])
def test_every_visible_character_survives_in_order(width: int) -> None:
    lines = wrap(TASK_60, width)
    assert visible("".join(lines)) == visible(TASK_60)
    assert all(cells(line) <= width for line in lines)


def test_full_stop_moves_down_with_the_character_before_it() -> None:
    assert wrap("一二三四五。", 10) == ["一二三四", "五。"]
    assert wrap("继续推行政务公开月自查、季督查工作机制。", 38) == ["继续推行政务公开月自查、季督查工作机", "制。"]


def test_comma_and_closing_brackets_never_start_a_line() -> None:
    assert wrap("一二三四）、五", 8) == ["一二三", "四）、五"]
    assert wrap("one two three, four", 13) == ["one two", "three, four"]


def test_opening_bracket_never_ends_a_line() -> None:
    assert wrap("一二三（四五）", 8) == ["一二三", "（四五）"]
    assert wrap("一二三【四五】", 8) == ["一二三", "【四五】"]


def test_numbers_dates_and_standard_codes_stay_whole() -> None:
    assert wrap("发布于 2024-01-14", 14) == ["发布于", "2024-01-14"]
    assert wrap("执行GB/T 9704标准", 6) == ["执行", "GB/T", "9704标", "准"]
    assert wrap("第12345期", 5) == ["第", "12345", "期"]
    assert wrap("共计20个工作日", 7) == ["共计20", "个工作", "日"]


def test_a_run_longer_than_the_line_is_split() -> None:
    url = "https://www.example.gov.cn/zwgk/index.html"
    lines = wrap(f"见 {url}", 10)
    assert lines[0] == "见"
    assert "".join(lines[1:]) == url
    assert all(cells(line) <= 10 for line in lines)


def test_spaces_at_a_break_are_dropped() -> None:
    assert wrap("alpha beta gamma", 10) == ["alpha beta", "gamma"]
    assert wrap("一二   三四", 5) == ["一二", "三四"]


def test_explicit_newlines_start_new_lines() -> None:
    assert wrap("一\n二", 10) == ["一", "二"]
    assert wrap("a\n\nb", 5) == ["a", "", "b"]
    assert wrap("", 5) == [""]


def test_a_glued_group_wider_than_the_line_is_broken_anyway() -> None:
    assert wrap("字。", 3) == ["字", "。"]
    assert wrap("截止（2024-01-14）】加", 12) == ["截止", "（2024-01-14", "）】加"]


def test_a_character_wider_than_the_line_overflows_alone() -> None:
    assert wrap("字字", 1) == ["字", "字"]


def test_combining_marks_stay_with_their_letter() -> None:
    assert wrap("e\u0301" * 4, 2) == ["e\u0301e\u0301"] * 2


CJK = "政务公开信息年月日办理期限"
PUNCT = "".join(sorted(NO_START | NO_END))
ALPHABET = CJK + PUNCT + "abcXYZ019-/" + "  \n" + "\u0301\u3000"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=120), st.integers(min_value=1, max_value=40))
def test_any_text_fits_and_loses_nothing(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert visible("".join(lines)) == visible(text)
    assert all(cells(line) <= max(width, 2) for line in lines)
    assert len(lines) >= text.count("\n") + 1


OPENING = sorted(NO_END)
CLOSING = sorted(NO_START)
WORD = st.text(alphabet="abcdefgXYZ0123456789", min_size=1, max_size=6)
TOKEN = st.tuples(
    st.sampled_from(["", *OPENING]), st.one_of(st.sampled_from(list(CJK)), WORD), st.sampled_from(["", *CLOSING]), st.booleans()
)


@st.composite
def prose(draw: st.DrawFn) -> str:
    """Text in which every kinsoku group is at most 10 cells wide: 'open? core close?' tokens."""
    text = ""
    for opening, core, closing, spaced in draw(st.lists(TOKEN, max_size=40)):
        token = opening + core + closing
        if text and (spaced or (text[-1] < "\u0530" and token[0] < "\u0530")):  # keep narrow runs apart
            text += " "
        text += token
    return text


@settings(max_examples=300, deadline=None)
@given(prose(), st.integers(min_value=10, max_value=50))
def test_no_forbidden_line_start_or_end_when_avoidable(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert visible("".join(lines)) == visible(text)
    assert all(cells(line) <= width for line in lines)
    assert not [line for line in lines[1:] if line[0] in NO_START]
    assert not [line for line in lines[:-1] if line[-1] in NO_END]
