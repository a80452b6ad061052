"""The responsible-units cell phrasings seen in published lists."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gkcli.unitcell import CLOSING, OPENING, SEPARATORS, UnitCell, UnitCellError, parse_unit_cell, split_names


@pytest.mark.parametrize(
    ("text", "lead", "units", "open_ended"),
    [
        ("市政府办牵头；各乡镇人民政府、街道办事处按职责分别落实", ["市政府办"], ["各乡镇人民政府", "街道办事处"], False),
        ("市政府办、市政数局牵头，市教育局负责落实", ["市政府办", "市政数局"], ["市教育局"], False),
        ("市政府办牵头，市政数局配合", ["市政府办"], ["市政数局"], False),
        ("市商务局、市文广旅局等相关部门（单位）", [], ["市商务局", "市文广旅局"], True),
        ("（牵头单位：市政府办；责任单位：市政数局、市教育局）", ["市政府办"], ["市政数局", "市教育局"], False),
        ("〔牵头单位：市政府办；配合单位：市政数局〕", ["市政府办"], ["市政数局"], False),
        ("牵头单位：市政府办 责任单位：市政数局", ["市政府办"], ["市政数局"], False),
        ("市政府办(牵头)、市政数局", ["市政府办"], ["市政数局"], False),
        ("由市政府办牵头，各县（市、区）人民政府负责", ["市政府办"], ["各县（市、区）人民政府"], False),
        ("市税务局", [], ["市税务局"], False),
        ("市政府办;市政数局,市教育局", [], ["市政府办", "市政数局", "市教育局"], False),
        ("市政府办牵头，市政数局配合；各乡镇人民政府按职责分别落实", ["市政府办"], ["市政数局", "各乡镇人民政府"], False),
        ("市人社局等有关单位按职责分别落实", [], ["市人社局"], True),
        ("市 政 府 办\n牵头", ["市政府办"], [], False),
    ],
)
def test_phrasings(text: str, lead: list[str], units: list[str], open_ended: bool) -> None:
    assert parse_unit_cell(text) == UnitCell(tuple(lead), tuple(units), open_ended)


def test_separators_inside_brackets_do_not_split() -> None:
    assert [piece for piece, _ in split_names("各县（市、区）人民政府、市政府各相关部门(单位)")] == [
        "各县（市、区）人民政府",
        "市政府各相关部门(单位)",
    ]


def test_comma_ends_a_lead_enumeration() -> None:
    cell = parse_unit_cell("各乡镇人民政府，市政府办、市政数局牵头")
    assert cell.lead == ("市政府办", "市政数局")
    assert cell.units == ("各乡镇人民政府",)


@pytest.mark.parametrize(("text", "message"), [("", "是空的"), ("牵头", "找不到任何单位名称"), ("市人社局等相关部门牵头", "泛指")])
def test_unreadable_cells_are_errors(text: str, message: str) -> None:
    with pytest.raises(UnitCellError, match=message):
        parse_unit_cell(text)


def split_char_by_char(part: str) -> list[tuple[str, str]]:
    """split_names as first written: every character visited (the reference for the fast version)."""
    depth = 0
    balanced = True
    for char in part:
        depth += (char in OPENING) - (char in CLOSING)
        balanced = balanced and depth >= 0
    balanced = balanced and depth == 0
    pieces, depth, start = [], 0, 0
    for index, char in enumerate(part):
        if char in OPENING and balanced:
            depth += 1
        elif char in CLOSING and balanced:
            depth = max(depth - 1, 0)
        elif char in SEPARATORS and depth == 0:
            pieces.append((part[start:index], char))
            start = index + 1
    pieces.append((part[start:], ""))
    return pieces


@given(st.text(alphabet=st.sampled_from([*OPENING, *CLOSING, *SEPARATORS, "市", "局", "各", "县", " "]), max_size=40))
def test_split_names_agrees_with_the_character_by_character_reference(part: str) -> None:
    assert split_names(part) == split_char_by_char(part)
