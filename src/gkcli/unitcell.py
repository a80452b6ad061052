"""The responsible-units cell ("市政府办牵头；各乡镇人民政府、…按职责分别落实") to its parts.

A cell names lead units (before 牵头), then implementing units and groups, and may end with an
open-ended mention ("市人社局等相关部门（单位）"): that names 市人社局 and also says "other
relevant departments", which is not the same as the group 市政府各相关部门（单位）.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gkcli.errors import GkError

LEAD_WORD = "牵头"
SEPARATORS = re.compile(r"[、，,；;]")
VERB_TAIL = re.compile(r"(?:按职责|按照职责|按照职能|按职能)?(?:分别|负责|共同)?(?:落实|配合)$")
OPEN_ENDED = re.compile(r"^(.*?)等(?:各|其他)?相关(?:部门|单位)(?:[（(]单位[）)])?$")
SPACE = re.compile(r"\s+")


class UnitCellError(GkError, ValueError):
    """A units cell that cannot be split into names."""


@dataclass(frozen=True)
class UnitCell:
    lead: tuple[str, ...]
    units: tuple[str, ...]
    open_ended: bool = False


def parse_unit_cell(text: str) -> UnitCell:
    """Split a responsible-units cell into lead units, other units/groups and the open-ended flag."""
    cell = SPACE.sub("", text).strip("。")
    if not cell:
        raise UnitCellError("责任单位是空的")
    lead_part, _, rest = cell.rpartition(LEAD_WORD) if LEAD_WORD in cell else ("", "", cell)
    rest = VERB_TAIL.sub("", rest.lstrip("、，,；;"))
    lead, lead_open = _names(lead_part)
    units, units_open = _names(rest)
    if lead_open:
        raise UnitCellError(f"牵头单位不能是“等相关部门”这类泛指：“{text}”")
    if not lead and not units and not units_open:
        raise UnitCellError(f"责任单位中找不到任何单位名称：“{text}”")
    return UnitCell(tuple(lead), tuple(units), units_open)


def _names(part: str) -> tuple[list[str], bool]:
    names: list[str] = []
    open_ended = False
    for piece in SEPARATORS.split(part):
        if not piece:
            continue
        match = OPEN_ENDED.match(piece)
        if match:
            open_ended = True
            piece = match.group(1)
            if not piece:
                continue
        names.append(piece)
    return names, open_ended
