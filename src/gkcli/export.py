"""Exporting the ledger workbook: gather the rows and the summary, render, write atomically."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from gkcli.data import Data
from gkcli.obligations import parties
from gkcli.report import build_report, report_items
from gkcli.safewrite import write_atomic
from gkcli.tracking import load_tracking
from gkcli.views.ledger import ledger_sheets
from gkcli.views.report import report_json


def export_ledger(data: Data, as_of: dt.date, output: Path, unit: str | None = None) -> str:
    """Write the ledger of `unit` (or of every unit) to `output`; returns a short Chinese summary."""
    from gkcli.render.xlsx import workbook_bytes  # openpyxl is loaded only when exporting

    tracking = load_tracking(data)
    party = data.directory.resolve(unit) if unit else None
    items = report_items(data, tracking, as_of, unit)
    numbers = [category.number for category in data.register.categories]
    summary = report_json(build_report(items, as_of, numbers, parties(data.directory)), data, party, None)
    sheets = ledger_sheets(items, data, tracking.ledger, as_of)
    write_atomic(output, workbook_bytes(sheets, summary, data.register.title))
    rows = sum(len(sheet.rows) for sheet in sheets)
    return f"{len(sheets)} 个单位、{rows} 行，另有汇总表"
