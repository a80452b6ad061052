"""Rows of a task list from text extracted out of its PDF.

PDF extraction wraps every table cell over several lines, repeats the page title and the column
header on each page and repeats the category cell after a page break. What survives reliably is
the order of the cells within a row: number, [category], content, units, deadline. We therefore
cut the text into rows at the row numbers, drop the layout noise, join each row without white
space and split it at the boundaries the cells themselves mark (a category starts with a Chinese
numeral and "、", a content ends with "。", a deadline has a recognisable shape).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

HEADER_WORDS = ("序号", "完成时间")
ROW_START = re.compile(r"^(\d{1,4})(?:\s+(.*))?$")
CATEGORY_START = re.compile(r"^([一二三四五六七八九十]+)、")
CATEGORY_LINE_MAX = 9  # a category cell is a narrow column: its lines are short
DEADLINE_TAIL = re.compile(
    r"(全年|持续推进|长期坚持|\d{4}年\d{1,2}月(?:\d{1,2}日|底|末)?前?|"
    r"收到申请后.*|(?<!落)(?:[^。，；、）落]|落(?!实))*发布后\d+(?:个工作日|天|日)内)$"
)
WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class RawRow:
    """One table row as found in the text, before any interpretation."""

    number: int
    line: int
    category: str | None  # the full category cell ("一、…") when the row starts one
    content: str
    units_text: str
    deadline_text: str
    problem: str | None = None


def squeeze(text: str) -> str:
    """Remove the white space that PDF line breaks leave inside a cell."""
    return WHITESPACE.sub("", text)


def _is_noise(line: str, title: str | None) -> bool:
    stripped = line.strip()
    if not stripped or stripped == "附件":
        return True
    if all(word in stripped for word in HEADER_WORDS):
        return True
    return title is not None and stripped == title


def guess_title(lines: Iterable[str]) -> str | None:
    """The list's title: the first line that names a 清单 before the column header."""
    for line in lines:
        stripped = line.strip()
        if all(word in stripped for word in HEADER_WORDS):
            return None
        if stripped.endswith("清单"):
            return stripped
    return None


def _row_chunks(lines: list[str], title: str | None) -> Iterator[tuple[int, int, list[str]]]:
    expected = 1
    current: tuple[int, int, list[str]] | None = None
    for index, line in enumerate(lines, start=1):
        if _is_noise(line, title):
            continue
        match = ROW_START.match(line.strip())
        if match and int(match.group(1)) == expected:
            if current is not None:
                yield current
            rest = match.group(2)
            current = (expected, index, [rest] if rest else [])
            expected += 1
        elif current is not None:
            current[2].append(line.strip())
    if current is not None:
        yield current


def _split_category(lines: list[str]) -> tuple[str | None, list[str]]:
    if not lines or not CATEGORY_START.match(lines[0]):
        return None, lines
    # The id line may carry the first category fragment followed by nothing else.
    taken = 1
    while taken < len(lines) and len(lines[taken]) <= CATEGORY_LINE_MAX:
        taken += 1
    return squeeze("".join(lines[:taken])), lines[taken:]


def split_row(number: int, line: int, lines: list[str]) -> RawRow:
    """Split one row's lines into its cells."""
    category, rest = _split_category(lines)
    text = squeeze("".join(rest))
    deadline = DEADLINE_TAIL.search(text)
    if deadline is None:
        return RawRow(number, line, category, text, "", "", "找不到完成时间")
    body = text[: deadline.start()]
    end_of_content = body.rfind("。")
    if end_of_content < 0:
        return RawRow(number, line, category, body, "", deadline.group(1), "找不到任务内容的结尾“。”")
    content, units = body[: end_of_content + 1], body[end_of_content + 1 :]
    problem = None if units else "找不到责任单位"
    return RawRow(number, line, category, content, units, deadline.group(1), problem)


def read_rows(text: str) -> list[RawRow]:
    """All rows of the list in `text`, in order."""
    lines = text.splitlines()
    title = guess_title(lines)
    return [split_row(number, line, chunk) for number, line, chunk in _row_chunks(lines, title)]
