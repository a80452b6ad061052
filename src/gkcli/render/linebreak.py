"""Display widths and line breaking for Chinese text in a terminal.

Widths are terminal cells from rich's cell table (`rich.cells`, the one typer's help uses):
wide and fullwidth characters take 2, combining and zero-width ones 0, the rest 1.

A line may break between any two CJK characters and at spaces, which the break swallows (as it
does the spaces around a paragraph that needs breaking). A word of Latin, Greek or Cyrillic
letters, digits and ASCII punctuation ("2024-01-14", "GB/T", the "20" of "20个") stays whole
unless it is wider than a line by itself. Kinsoku (禁则): a line does not start with closing
punctuation (。，、）》… and ASCII ,.;:!?)]) nor end with opening punctuation (（《“… and ASCII
([); the neighbouring character moves to the next line with it. Only when no break that obeys
these rules fits is one made anyway, between words if possible: text never overflows its width
(unless one character is wider than the whole line) and nothing but break spaces is lost.

Lines are filled greedily: take all that fits, then step back to the nearest allowed break.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate

from rich.cells import get_character_cell_size as char_cells

NO_START = frozenset("。．，、；：？！）》」』】〉〕］｝〗〙’”…‥%％‰℃,.;:!?)]}")
NO_END = frozenset("（《「『【〈〔［｛〖〘‘“([{")


@lru_cache(maxsize=4096)  # a table measures each cell text more than once
def cells(text: str) -> int:
    """The display width of `text` in terminal cells."""
    if text.isascii() and text.isprintable():
        return len(text)
    return sum(map(char_cells, text))


def wrap(text: str, width: int) -> list[str]:
    """The lines of `text` within `width` cells; an explicit "\\n" always starts a new line."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if cells(paragraph) <= width:
            lines.append(paragraph)
        else:
            lines += _break(paragraph.strip(), width)
    return lines


def _break(paragraph: str, width: int) -> list[str]:
    widths = list(map(char_cells, paragraph))
    ends = list(accumulate(widths))  # ends[i]: the cells of paragraph[: i + 1]
    lines: list[str] = []
    start = 0
    while start < len(paragraph):
        limit = bisect_right(ends, ends[start] - widths[start] + width, start)  # paragraph[start:limit] fits
        if limit == start:  # one character wider than the line: it has to overflow
            limit = bisect_right(ends, ends[start], start)
        if limit == len(paragraph):
            lines.append(paragraph[start:])
            break
        end, start_next = _break_point(paragraph, widths, start, limit)
        lines.append(paragraph[start:end])
        start = start_next
    return lines


def _break_point(text: str, widths: list[int], start: int, limit: int) -> tuple[int, int]:
    """Where a line of `text` from `start` that may reach `limit` ends, and where the next begins:
    the last allowed break, else the last break between words, else `limit`."""
    for kinsoku in (True, False):
        at = limit
        while at > start:
            if text[at].isspace() or text[at - 1].isspace():
                end, start_next = at, at
                while text[end - 1].isspace():
                    end -= 1
                while text[start_next].isspace():
                    start_next += 1
                if end > start and not (kinsoku and (text[start_next] in NO_START or text[end - 1] in NO_END)):
                    return end, start_next
                at = end - 1
            elif (
                widths[at]
                and not (_in_word(text[at - 1]) and _in_word(text[at]))
                and not (kinsoku and (text[at] in NO_START or text[at - 1] in NO_END))
            ):
                return at, at
            else:
                at -= 1
    return limit, limit


def _in_word(char: str) -> bool:
    """Part of a Latin, Greek or Cyrillic word, number or ASCII symbol run (spaces excluded earlier)."""
    return char < "\u0530"
