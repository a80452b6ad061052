"""The ledger as an .xlsx workbook that looks right in Excel and WPS, on screen and on paper.

Wrapped text and Chinese-friendly column widths, a bold frozen header row that repeats on
every printed page, landscape A4 fitted to the page width, overdue rows in red.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.header_footer import HeaderFooterItem, _HeaderFooterPart
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from gkcli.views.ledger import HEADERS, Cell, Sheet
from gkcli.views.report import summary_line

WIDTHS = [6, 18, 48, 26, 14, 28, 12, 24]  # in Excel units (a Chinese character is about 2)
CENTRED = {0, 4, 6}  # 序号, 完成时间, 完成日期
SUMMARY_HEADERS = ["单位", "应办", "已完成", "按期完成", "逾期完成", "未完成", "逾期未完成", "完成率"]
SUMMARY_WIDTHS = [30, 8, 8, 10, 10, 8, 12, 10]
COUNT_KEYS = ["obligations", "done", "done_on_time", "done_late", "open", "overdue"]

THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
OVERDUE_FILL = PatternFill("solid", fgColor="FFC7CE")
OVERDUE_FONT = Font(color="9C0006")
BOLD = Font(bold=True)
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
WRAP_CENTRE = Alignment(wrap_text=True, vertical="top", horizontal="center")
LINE_HEIGHT = 14.5  # points per line of 11-point text
SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")


def workbook_bytes(sheets: list[Sheet], report: dict[str, Any], title: str) -> bytes:
    """The workbook: the summary sheet (matching `gk report`) first, then one sheet per unit."""
    book = Workbook()
    summary = book.active
    assert summary is not None
    _summary_sheet(summary, report, title)
    used = {summary.title}
    for sheet in sheets:
        _ledger_sheet(book.create_sheet(_sheet_name(sheet.name, used)), sheet)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _sheet_name(name: str, used: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique in the workbook."""
    base = SHEET_NAME_BAD.sub("_", name)[:31]
    candidate, number = base, 2
    while candidate in used:
        suffix = f"({number})"
        candidate, number = base[: 31 - len(suffix)] + suffix, number + 1
    used.add(candidate)
    return candidate


def _ledger_sheet(ws: Worksheet, sheet: Sheet) -> None:
    _header(ws, HEADERS, WIDTHS)
    for row in sheet.rows:
        ws.append(row.cells)
        _style_row(ws, ws.max_row, row.overdue, CENTRED)
        ws.row_dimensions[ws.max_row].height = _height(row.cells, WIDTHS)
    for cell in ws["G"][1:]:
        cell.number_format = "yyyy-mm-dd"
    _page_setup(ws, sheet.title)


def _summary_sheet(ws: Worksheet, report: dict[str, Any], title: str) -> None:
    ws.title = "汇总"
    _header(ws, SUMMARY_HEADERS, SUMMARY_WIDTHS)
    for entry in report["units"]:
        _summary_row(ws, entry["unit"], entry)
    ws.append([])
    ws.append(["类别", *SUMMARY_HEADERS[1:]])
    for cell in ws[ws.max_row]:
        cell.font, cell.fill, cell.border, cell.alignment = BOLD, HEADER_FILL, BORDER, WRAP_CENTRE
    for entry in report["categories"]:
        _summary_row(ws, f"{entry['category']}、{entry['category_name']}", entry)
    _summary_row(ws, "合计", report["total"])
    for cell in ws[ws.max_row]:
        cell.font = BOLD
    ws.append([])
    ws.append([summary_line(report["total"])])
    ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=len(SUMMARY_HEADERS))
    ws.cell(ws.max_row, 1).alignment = WRAP_TOP
    ws.row_dimensions[ws.max_row].height = _height([summary_line(report["total"])], [sum(SUMMARY_WIDTHS)])
    _page_setup(ws, f"{title}·汇总（截至 {report['as_of']}）")


def _summary_row(ws: Worksheet, name: str, entry: dict[str, Any]) -> None:
    ws.append([name, *(entry[key] for key in COUNT_KEYS), entry["completion_rate"]])
    _style_row(ws, ws.max_row, bool(entry["overdue"]), set(range(1, len(SUMMARY_HEADERS))))
    ws.cell(ws.max_row, len(SUMMARY_HEADERS)).number_format = "0.0%"
    ws.row_dimensions[ws.max_row].height = _height([name], SUMMARY_WIDTHS)


def _header(ws: Worksheet, headers: list[str], widths: list[int]) -> None:
    ws.append(headers)
    for index, cell in enumerate(ws[1]):
        cell.font, cell.fill, cell.border, cell.alignment = BOLD, HEADER_FILL, BORDER, WRAP_CENTRE
        ws.column_dimensions[get_column_letter(index + 1)].width = widths[index]
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"


def _style_row(ws: Worksheet, row: int, overdue: bool, centred: set[int]) -> None:
    for index, cell in enumerate(ws[row]):
        cell.border = BORDER
        cell.alignment = WRAP_CENTRE if index in centred else WRAP_TOP
        if overdue:
            cell.fill, cell.font = OVERDUE_FILL, OVERDUE_FONT


def _page_setup(ws: Worksheet, title: str) -> None:
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.HeaderFooter.oddHeader = HeaderFooterItem(center=_HeaderFooterPart(title.replace("&", "&&")))
    ws.HeaderFooter.oddFooter = HeaderFooterItem(center=_HeaderFooterPart("第 &P 页，共 &N 页"))


def _height(cells: Sequence[Cell], widths: list[int]) -> float:
    """Row height for wrapped text: Excel and WPS do not always grow rows themselves."""
    lines = max(_lines(str(cell or ""), width) for cell, width in zip(cells, widths, strict=False))
    return max(1, lines) * LINE_HEIGHT + 4


def _lines(text: str, width: int) -> int:
    usable = max(1, width - 2)
    return sum(max(1, math.ceil(_display_width(line) / usable)) for line in text.split("\n"))


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
