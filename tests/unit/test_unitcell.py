"""The responsible-units cell phrasings seen in published lists."""

from __future__ import annotations

import pytest

from gkcli.unitcell import UnitCell, UnitCellError, parse_unit_cell, split_names


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
