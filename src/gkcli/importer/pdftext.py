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

from gkcli.importer.rows import RawRow, SourceList, squeeze

HEADER_WORDS = ("序号", "完成时间")
ROW_START = re.compile(r"^(\d{1,4})(?:\s+(.*))?$")
CATEGORY_START = re.compile(r"^([一二三四五六七八九十]+)、")
CATEGORY_LINE_MAX = 9  # a category cell is a narrow column: its lines are short
_YEAR = r"(?:\d{4}年)?"
_BEFORE = r"(?:之?前|以前)?"
_COUNT = r"(?:\d+|[一二两三四五六七八九十]+)个?(?:工作日|天|日)内"
DEADLINE_SHAPES = (
    rf"{_YEAR}\d{{1,2}}月(?:\d{{1,2}}[日号]|底|末|份)?{_BEFORE}",
    rf"{_YEAR}(?:年底|年末){_BEFORE}|\d{{4}}年底{_BEFORE}",
    rf"{_YEAR}第?[一二三四1-4]季度(?:末|底)?{_BEFORE}",
    rf"{_YEAR}[上下]半年{_BEFORE}",
    r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}",
    rf"{_YEAR}全年(?:持续推进)?|持续推进|长期坚持|常态化推进|持续开展|长期",
    rf"收到申请(?:后|之日起).*|(?<!落)(?:[^。，；、）落]|落(?!实))*(?:发布|印发|公布)(?:后|之日起){_COUNT}",
)
DEADLINE_TAIL = re.compile(rf"((?:{'|'.join(DEADLINE_SHAPES)})(?:完成)?)$")


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


def split_row(number: int, line: int, lines: list[str], where: str = "") -> RawRow:
    """Split one row's lines into its cells."""
    category, rest = _split_category(lines)
    text = squeeze("".join(rest))
    deadline = DEADLINE_TAIL.search(text)
    if deadline is None:
        return RawRow(number, line, category, text, "", "", "找不到完成时间，无法把这一行分成任务内容、责任单位和完成时间", where)
    body = text[: deadline.start()]
    end_of_content = body.rfind("。")
    if end_of_content < 0:
        return RawRow(number, line, category, body, "", deadline.group(1), "找不到任务内容的结尾“。”，无法分开任务内容和责任单位", where)
    content, units = body[: end_of_content + 1], body[end_of_content + 1 :]
    problem = None if units else "找不到责任单位"
    return RawRow(number, line, category, content, units, deadline.group(1), problem, where)


def read_text(text: str, name: str = "") -> SourceList:
    """All rows of the list in `text` (from a file called `name`), in order, and its title."""
    lines = text.splitlines()
    title = guess_title(lines)
    rows = [split_row(number, line, chunk, f"{name}:{line}") for number, line, chunk in _row_chunks(lines, title)]
    return SourceList(rows, title)
