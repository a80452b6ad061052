"""gk report and gk export xlsx: they agree with gk due / gk overdue on every date, and the workbook is right."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.conftest import gk

EVIDENCE = "https://example.gov.cn/zwgk/2024/a.html"
SCENARIO = [  # command, task, unit, date (recorded as of that date), extra options
    ("start", "6", "市政数局", "2024-05-01", []),
    ("done", "3", "市政数局", "2024-07-01", ["--note", "已在专栏发布", "-e", EVIDENCE]),
    ("done", "3", "市人社局", "2024-07-02", []),
    ("reopen", "3", "市人社局", "2024-07-10", ["--note", "佐证不全，退回"]),
    ("done", "3", "市人社局", "2024-07-20", ["--note", "已补充"]),
    ("done", "38", "市政府办", "2024-08-20", ["-e", "附件/开放月活动总结.pdf"]),
    ("done", "1", "市政府办", "2024-09-01", ["-e", EVIDENCE]),
    ("done", "62", "市税务局", "2024-09-29", []),
    ("done", "62", "市人社局", "2024-10-05", ["--note", "二维码已摆放"]),
    ("done", "4", "市政数局", "2025-01-10", ["-e", EVIDENCE]),
]
DATES = ["2024-06-30", "2024-07-15", "2024-09-15", "2024-10-08", "2025-01-15"]
UNITS = ["市政数局", "市人社局", "市政府办", "市税务局"]


@pytest.fixture
def recorded(data_copy: Path) -> Path:
    for command, task, unit, day, extra in SCENARIO:
        gk(command, task, "--unit", unit, "--as-of", day, "--by", "督查测试", "--data", str(data_copy), *extra)
    return data_copy


def query(data: Path, *args: str) -> Any:
    return json.loads(gk(*args, "--data", str(data), "--format", "json").stdout)


def sheet_rows(path: Path, name: str) -> list[tuple[Any, ...]]:
    book = openpyxl.load_workbook(path)
    return list(book[name].iter_rows(min_row=2, values_only=True))


def red_rows(sheet: Any) -> int:
    return sum(1 for row in sheet.iter_rows(min_row=2) if row[0].fill.fgColor.rgb == "00FFC7CE")


def tasks_only(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The report and the 台账 count tasks; checkpoint periods and requests are extra agenda items."""
    return [item for item in items if item["occurrence"] is None]


@pytest.mark.parametrize("as_of", DATES)
def test_due_report_and_workbook_agree(recorded: Path, as_of: str, tmp_path: Path) -> None:
    report = query(recorded, "report", "--as-of", as_of)
    assert len(tasks_only(query(recorded, "due", "--as-of", as_of))) == report["total"]["open"]
    assert len(tasks_only(query(recorded, "overdue", "--as-of", as_of))) == report["total"]["overdue"]
    workbook = tmp_path / f"台账-{as_of}.xlsx"
    gk("export", "xlsx", "--as-of", as_of, "--data", str(recorded), "-o", str(workbook))
    units = {entry["unit"]: entry for entry in report["units"]}
    book = openpyxl.load_workbook(workbook)
    for unit in UNITS:
        entry = units[unit]
        assert len(tasks_only(query(recorded, "due", "--unit", unit, "--as-of", as_of))) == entry["open"]
        assert len(tasks_only(query(recorded, "overdue", "--unit", unit, "--as-of", as_of))) == entry["overdue"]
        assert query(recorded, "report", "--unit", unit, "--as-of", as_of)["units"] == [entry]
        rows = list(book[unit].iter_rows(min_row=2, values_only=True))
        assert len(rows) == entry["obligations"]
        assert sum(1 for row in rows if row[6] is not None) == entry["done"]
        assert red_rows(book[unit]) == entry["overdue"]
    summary = list(book["汇总"].iter_rows(min_row=2, values_only=True))
    assert [row[:7] for row in summary[: len(report["units"])]] == [
        (entry["unit"], *(entry[key] for key in ("obligations", "done", "done_on_time", "done_late", "open", "overdue")))
        for entry in report["units"]
    ]


def test_report_counts_follow_the_history(recorded: Path) -> None:
    def unit(as_of: str, name: str) -> dict[str, Any]:
        return next(entry for entry in query(recorded, "report", "--as-of", as_of)["units"] if entry["unit"] == name)

    assert unit("2024-06-30", "市人社局")["done"] == 0
    assert unit("2024-07-05", "市人社局")["done"] == 1
    assert unit("2024-07-15", "市人社局")["done"] == 0  # reopened on 07-10
    oct8 = unit("2024-10-08", "市人社局")
    assert (oct8["done"], oct8["done_on_time"], oct8["done_late"]) == (2, 1, 1)  # task 62 was due 09-30
    jan = unit("2025-01-15", "市政数局")
    assert (jan["done"], jan["done_on_time"], jan["done_late"], jan["open"], jan["overdue"]) == (2, 1, 1, 59, 57)
    assert jan["completion_rate"] == round(2 / 61, 4)


def test_units_needing_attention_come_first(recorded: Path) -> None:
    units = query(recorded, "report", "--as-of", "2024-10-08")["units"]
    keys = [(-entry["overdue"], entry["completion_rate"], -entry["open"]) for entry in units]
    assert keys == sorted(keys)
    order = [entry["unit"] for entry in units]
    assert order.index("市人社局") < order.index("市人民法院")  # 市人社局 still owes task 38 (due 08-31); the court owes nothing overdue
    assert units[0]["overdue"] == max(entry["overdue"] for entry in units)


def test_category_filter_and_totals(recorded: Path) -> None:
    report = query(recorded, "report", "--category", "12", "--as-of", "2024-10-08")
    assert [entry["category"] for entry in report["categories"]] == [12]
    assert {key: value for key, value in report["categories"][0].items() if key not in ("category", "category_name")} == report["total"]
    assert sum(entry["obligations"] for entry in report["units"]) == report["total"]["obligations"]


def test_report_formats(recorded: Path) -> None:
    args = ("report", "--as-of", "2024-10-08", "--data", str(recorded))
    table = gk(*args).stdout
    assert "各单位完成情况（截至 2024-10-08）" in table and "各类别合计" in table
    assert "│ 市政数局       │ 61   │ 1      │ 1        │ 0        │ 60     │ 2          │ ░░░░░░░░░░   1.6% │" in table
    assert "合计：应办 1144 项，已完成 6 项（按期 5，逾期完成 1），未完成 1138 项（其中逾期 36 项），完成率 0.5%" in table
    md = gk(*args, "--format", "md").stdout
    assert "| 单位 | 应办 | 已完成 | 按期完成 | 逾期完成 | 未完成 | 逾期未完成 | 完成率 |" in md
    assert "█" not in md
    csv = gk(*args, "--format", "csv").stdout.replace("\r\n", "\n")
    assert csv.startswith("\ufeff范围,名称,应办,已完成,按期完成,逾期完成,未完成,逾期未完成,完成率\n")
    assert csv.endswith("\n合计,全部,1144,6,5,1,1138,36,0.5%\n")
    assert "\n类别,12、加强组织领导," in csv


def test_a_complete_unit_gets_a_full_bar(data_copy: Path) -> None:
    gk("done", "21", "--unit", "市人民法院", "-e", EVIDENCE, "--as-of", "2024-11-01", "--data", str(data_copy))
    table = gk("report", "--unit", "市人民法院", "--as-of", "2024-11-01", "--data", str(data_copy)).stdout
    assert "│ 市人民法院 │ 1    │ 1      │ 1        │ 0        │ 0      │ 0          │ ██████████ 100.0% │" in table


def test_report_rejects_unknown_unit_and_category(data_copy: Path) -> None:
    assert "未知单位“市不存在局”" in gk("report", "--unit", "市不存在局", "--data", str(data_copy), code=2).stderr
    assert "没有类别 99" in gk("report", "--category", "99", "--data", str(data_copy), code=2).stderr


def test_unit_workbook_layout_progress_and_print_settings(recorded: Path, tmp_path: Path) -> None:
    path = tmp_path / "市人社局台账.xlsx"
    out = gk("export", "xlsx", "--unit", "市人社局", "--as-of", "2024-10-08", "--data", str(recorded), "-o", str(path)).stdout
    assert out == f"已导出：{path}（1 个单位、55 行，另有汇总表）\n"
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["汇总", "市人社局"]
    sheet = book["市人社局"]
    header = [cell.value for cell in sheet[1]]
    assert header == ["序号", "任务名称（类别）", "任务内容", "责任单位", "完成时间", "进展情况", "完成日期", "佐证材料"]
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.max_row == 1 + 55
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    assert rows[3][1].value == "一、依法规范做实政府信息主动公开，服务保障中心工作"
    assert rows[3][5].value == "已完成（2024-07-20）：已补充"
    assert rows[62][5].value == "逾期完成（2024-10-05）：二维码已摆放"
    assert rows[62][6].value == dt.datetime(2024, 10, 5)
    assert rows[38][5].value == "尚未填报；已逾期 38 天"
    assert rows[38][0].fill.fgColor.rgb == "00FFC7CE"
    assert rows[3][0].fill.fgColor.rgb != "00FFC7CE"
    assert rows[3][2].alignment.wrap_text
    assert sheet.column_dimensions["C"].width >= 40
    assert sheet.freeze_panes == "A2"
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == 9  # A4
    assert (int(sheet.page_setup.fitToWidth), int(sheet.page_setup.fitToHeight)) == (1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    summary = book["汇总"]
    assert [cell.value for cell in summary[2]] == ["市人社局", 55, 2, 1, 1, 53, 1, round(2 / 55, 4)]
    assert summary.print_title_rows == "$1:$1"


def test_evidence_is_in_the_workbook(recorded: Path, tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    gk("export", "xlsx", "--unit", "市政府办", "--as-of", "2024-10-08", "--data", str(recorded), "-o", str(path))
    rows = {row[0]: row for row in sheet_rows(path, "市政府办")}
    assert rows[38][7] == "附件/开放月活动总结.pdf"
    assert rows[1][7] == EVIDENCE


def test_export_refuses_to_overwrite_without_force(data_copy: Path, tmp_path: Path) -> None:
    path = tmp_path / "台账.xlsx"
    path.write_bytes(b"someone's annotated copy")
    err = gk("export", "xlsx", "--data", str(data_copy), "-o", str(path), code=2).stderr
    assert f"文件已存在：{path}；如需覆盖请加 --force" in err
    assert path.read_bytes() == b"someone's annotated copy"
    gk("export", "xlsx", "--data", str(data_copy), "--as-of", "2024-06-01", "-o", str(path), "--force")
    assert openpyxl.load_workbook(path).sheetnames[0] == "汇总"


def test_export_checks_the_output_name_and_folder(data_copy: Path, tmp_path: Path) -> None:
    assert "输出文件应以 .xlsx 结尾" in gk("export", "xlsx", "--data", str(data_copy), "-o", str(tmp_path / "a.xls"), code=2).stderr
    err = gk("export", "xlsx", "--data", str(data_copy), "-o", str(tmp_path / "nowhere" / "a.xlsx"), code=3).stderr
    assert "所在目录不存在" in err
