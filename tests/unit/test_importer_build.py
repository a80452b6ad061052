"""Raw rows to a register: categories, units, deadlines, and what goes on the review list."""

from __future__ import annotations

import pytest
import yaml

from gkcli.importer.build import build_register
from gkcli.importer.newunits import certain_kind, is_group, proposals_yaml, propose
from gkcli.importer.pipeline import title_region, title_year
from gkcli.importer.rows import Notice, RawRow, SourceList
from gkcli.importer.writer import register_yaml
from gkcli.model import UnitKind


def row(number: int, category: str | None, content: str = "内容。", units: str = "市政府办", deadline: str = "全年") -> RawRow:
    return RawRow(number, number * 10, category, content, units, deadline, None, f"t:{number * 10}")


def build(*rows: RawRow, notices: list[Notice] | None = None) -> tuple[dict, list]:
    return build_register(SourceList(list(rows), None, notices or []), year=2025, title="T", region="R")


def test_categories_by_numeral_or_in_order() -> None:
    register, review = build(row(1, "一、甲"), row(2, None), row(3, "一、甲"), row(4, "乙类"), row(5, "乙类"))
    assert register["categories"] == [
        {"number": 1, "numeral": "一", "name": "甲"},
        {"number": 2, "numeral": "二", "name": "乙类"},  # no numeral in the source: numbered in order
    ]
    assert [task["category"] for task in register["tasks"]] == [1, 1, 1, 2, 2]
    assert review == []


def test_unreadable_cells_are_kept_and_flagged() -> None:
    register, review = build(row(1, "一、甲", units="牵头", deadline="视情况而定"), row(2, None, content="", deadline=""))
    first, second = register["tasks"]
    assert first["deadline"] == {"text": "视情况而定", "kind": "date"}  # verbatim; fails validation until reviewed
    assert (first["lead"], first["units"]) == ([], [])
    assert second["deadline"]["text"] == "（原文为空，待核）"
    assert [(item.task, item.field, item.where) for item in review] == [
        (1, "units_text", "t:10"),
        (1, "deadline", "t:10"),
        (2, "content", "t:20"),
        (2, "deadline", "t:20"),
    ]
    assert "无法识别的完成时间：“视情况而定”" in review[1].message


def test_content_left_in_the_units_cell_is_flagged() -> None:
    _, review = build(row(1, "一、甲", units="做好公开示例事项的相关工作并及时更新发布相关信息。市政府办"))
    assert [item.field for item in review] == ["units_text"]
    assert "不像单位名称" in review[0].message


def test_deadline_before_the_year_is_flagged() -> None:
    _, review = build(row(1, "一、甲", deadline="2024年12月底前"))
    assert "早于清单年度 2025 年" in review[0].message


def test_numbering_restarting_per_category_is_one_note() -> None:
    register, review = build(row(1, "一、甲"), row(1, "二、乙"), row(2, None))
    assert [task["id"] for task in register["tasks"]] == [1, 2, 3]
    assert [(item.task, item.message[:12]) for item in review] == [(2, "原文序号 1 与出现顺序")]


def test_notices_and_missing_categories_are_reviewed() -> None:
    _, review = build(row(1, None), notices=[Notice(7, "t:7", "无法识别的行")])
    assert [(item.task, item.field) for item in review] == [(None, "row"), (None, "category")]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("甲镇人民政府", UnitKind.TOWNSHIP),
        ("乙乡人民政府", UnitKind.TOWNSHIP),
        ("丙街道办事处", UnitKind.SUBDISTRICT),
        ("市中级人民法院", UnitKind.COURT),
        ("市经济开发区管委会", UnitKind.DEVELOPMENT_ZONE),
        ("市委宣传部", UnitKind.PARTY_ORGAN),
        ("市气象局", None),  # could be a city department or vertically managed: not certain
        ("乡镇人民政府", None),
        ("街道办事处", None),
    ],
)
def test_certain_kinds(name: str, kind: UnitKind | None) -> None:
    assert certain_kind(name) == kind


def test_groups_are_told_from_units() -> None:
    assert [is_group(name) for name in ("各县（市、区）人民政府", "市直有关部门", "市气象局")] == [True, True, False]


def test_proposals_file_marks_undecided_kinds() -> None:
    text = proposals_yaml(propose({"市气象局": [3, 3, 5], "甲镇人民政府": [4], "各县（市、区）人民政府": [1]}), "l.xlsx")
    assert "  - id: new-unit-1\n    name: 市气象局\n    kind: 待定  # 待定；见任务 3、5\n" in text
    assert "    kind: township  # 按名称确定；见任务 4\n" in text
    assert "groups:\n  - id: new-group-1\n    name: 各县（市、区）人民政府\n    member_kinds: [待定]  # 见任务 1\n" in text


@pytest.mark.parametrize(
    ("title", "year", "region"),
    [
        ("2024年舒兰市政务公开重点工作任务清单", 2024, "舒兰市"),
        ("舒兰市2025年度政务公开重点工作任务清单", 2025, "舒兰市"),
        ("2025年政务公开工作要点", None, None),
    ],
)
def test_title_parts(title: str, year: int | None, region: str | None) -> None:
    assert (title_year(title), title_region(title)) == (year, region)


def test_review_notes_are_single_comment_lines() -> None:
    register, _ = build(row(1, "一、甲"))
    text = register_yaml(register, "头", {1: ["待核：第一行\n第二行"]})
    assert "  # 待核：第一行 第二行\n  - id: 1\n" in text
    assert yaml.safe_load(text)["tasks"][0]["id"] == 1
