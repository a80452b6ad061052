"""The responsible-units cell ("市政府办牵头；各乡镇人民政府、…按职责分别落实") to its parts.

A cell names lead units, then implementing units and groups, and may end with an open-ended
mention ("市人社局等相关部门（单位）"): that names 市人社局 and also says "other relevant
departments", which is not the same as the group 市政府各相关部门（单位）.

Lists phrase this in several ways: "X、Y牵头，Z负责落实", "X牵头，Y配合", "X（牵头）、Y",
"（牵头单位：X；责任单位：Y）", or bare names with no verb at all. Names are separated by 、，；,;
but never inside brackets, so "各县（市、区）人民政府" stays one name. A lead mark ("牵头") takes
the names enumerated before it with "、"; a comma or semicolon ends such an enumeration.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from gkcli.errors import GkError

OPENING, CLOSING = "（(〔[【", "）)〕]】"
SEPARATORS = "、，,；;"
BRACKET = re.compile(f"[{re.escape(OPENING + CLOSING)}]")
MARK = re.compile(f"[{re.escape(OPENING + CLOSING + SEPARATORS)}]")  # what split_names looks at
ENUMERATION = "、"
LEAD_MARK = re.compile(r"(?:共同|负责)?牵头$|[（(〔]牵头(?:单位)?[）)〕]$")
VERB_TAIL = re.compile(r"(?:按职责|按照职责|按照职能|按职能|根据职责)?(?:分别|负责|共同|具体|协同)?(?:落实|配合|负责|参与)$")
OPEN_ENDED = re.compile(r"^(.*?)等(?:各|其他)?(?:相关|有关)?(?:部门|单位)(?:[（(〔](?:单位|部门)[）)〕])?$")
LABEL = re.compile(r"(牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门|协办单位|参与单位)[:：]")
SPACE = re.compile(r"\s+")


class UnitCellError(GkError, ValueError):
    """A units cell that cannot be split into names."""


@dataclass(frozen=True)
class UnitCell:
    lead: tuple[str, ...]
    units: tuple[str, ...]
    open_ended: bool = False


@dataclass
class _Collected:
    lead: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    open_ended: bool = False
    lead_open: bool = False


@functools.cache  # many tasks share a cell word for word; the result is immutable
def parse_unit_cell(text: str) -> UnitCell:
    """Split a responsible-units cell into lead units, other units/groups and the open-ended flag."""
    cell = _unwrap(SPACE.sub("", text).strip("。."))
    if not cell:
        raise UnitCellError("责任单位是空的")
    found = _Collected()
    parts = LABEL.split(cell)
    if len(parts) > 1:
        _collect(parts[0], found)
        for label, part in zip(parts[1::2], parts[2::2], strict=True):
            _collect(part, found, all_lead=label.startswith("牵头"))
    else:
        _collect(cell, found)
    if found.lead_open:
        raise UnitCellError(f"牵头单位不能是“等相关部门”这类泛指：“{text}”")
    if not found.lead and not found.units and not found.open_ended:
        raise UnitCellError(f"责任单位中找不到任何单位名称：“{text}”")
    return UnitCell(tuple(found.lead), tuple(found.units), found.open_ended)


def _unwrap(cell: str) -> str:
    """ "（牵头单位：X；责任单位：Y）" without the brackets around the whole cell."""
    while len(cell) > 1 and cell[0] in OPENING and _closing_index(cell, 0) == len(cell) - 1:
        cell = cell[1:-1]
    return cell


def _closing_index(text: str, start: int) -> int:
    depth = 0
    for index in range(start, len(text)):
        if text[index] in OPENING:
            depth += 1
        elif text[index] in CLOSING:
            depth -= 1
            if depth == 0:
                return index
    return -1


def _balanced(text: str) -> bool:
    depth = 0
    for match in BRACKET.finditer(text):
        depth += 1 if match.group() in OPENING else -1
        if depth < 0:
            return False
    return depth == 0


def split_names(part: str) -> list[tuple[str, str]]:
    """The pieces of `part` between separators outside brackets, each with the separator after it.

    Brackets protect separators ("各县（市、区）人民政府") only where every bracket is closed; an
    unbalanced one protects nothing, so a stray "（" cannot swallow the rest of the cell. Only
    brackets and separators are visited: a cell is mostly names.
    """
    balanced = _balanced(part)
    pieces: list[tuple[str, str]] = []
    depth, start = 0, 0
    for match in MARK.finditer(part):
        char = match.group()
        if char in OPENING:
            depth += balanced
        elif char in CLOSING:
            depth = max(depth - balanced, 0)
        elif depth == 0:
            index = match.start()
            pieces.append((part[start:index], char))
            start = index + 1
    pieces.append((part[start:], ""))
    return pieces


def _collect(part: str, found: _Collected, *, all_lead: bool = False) -> None:
    enumerated: list[str] = []  # names joined by "、" since the last comma or semicolon
    for piece, separator in split_names(part):
        name, is_lead = _strip_role(piece)
        name, is_open = _strip_open_ended(name)
        if name:
            enumerated.append(name)
        if is_lead or all_lead:
            found.lead.extend(enumerated)
            found.lead_open |= is_open
            enumerated = []
        else:
            found.open_ended |= is_open
            if separator != ENUMERATION:
                found.units.extend(enumerated)
                enumerated = []


def _strip_role(piece: str) -> tuple[str, bool]:
    """A piece without its verb ("牵头", "按职责分别落实", "配合") and whether it marks a lead."""
    name = piece.removeprefix("由")
    lead = LEAD_MARK.search(name)
    if lead:
        return name[: lead.start()], True
    return VERB_TAIL.sub("", name), False


def _strip_open_ended(name: str) -> tuple[str, bool]:
    match = OPEN_ENDED.match(name)
    return (match.group(1), True) if match else (name, False)
