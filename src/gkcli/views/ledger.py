"""The Excel ledger (台账) as plain rows: one sheet per unit, one row per obligation, in 序号 order."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from gkcli.agenda import Item, Light
from gkcli.data import Data
from gkcli.obligations import parties
from gkcli.progress import Ledger
from gkcli.views.agenda import item_json
from gkcli.views.progress import evidence_label, ledger_progress, progress_json

HEADERS = ["序号", "任务名称（类别）", "任务内容", "责任单位", "完成时间", "进展情况", "完成日期", "佐证材料"]
Cell = str | int | dt.date | None


@dataclass(frozen=True)
class Row:
    cells: list[Cell]
    overdue: bool


@dataclass(frozen=True)
class Sheet:
    name: str  # the unit's name
    title: str  # printed in the page header
    rows: list[Row]


def ledger_row(item: Item, data: Data, ledger: Ledger, as_of: dt.date) -> Row:
    entry = item_json(item, data) | progress_json(item, ledger, as_of)
    task = item.duty.task
    category = next(category for category in data.register.categories if category.number == task.category)
    label = item.occurrence.label
    cells: list[Cell] = [
        task.id,
        f"{category.numeral}、{category.name}",
        task.content + (f"\n（{label}）" if label else ""),
        task.units_text,
        task.deadline.text + (f"\n（本期截止 {item.due}）" if label and item.due else ""),
        ledger_progress(entry),
        item.done_on,
        evidence_label(entry),
    ]
    return Row(cells, item.light is Light.RED)


def ledger_sheets(items: list[Item], data: Data, ledger: Ledger, as_of: dt.date) -> list[Sheet]:
    """A sheet per unit that owes something, in units.yaml order; rows by 序号, then due date."""
    by_party: dict[str, list[Item]] = {}
    for item in items:
        by_party.setdefault(item.duty.party, []).append(item)
    sheets = []
    for party in parties(data.directory):
        chosen = sorted(by_party.get(party, []), key=lambda item: (item.duty.task.id, item.due or dt.date.max))
        if chosen:
            name = data.directory.name(party)
            title = f"{data.register.title}·{name}台账（截至 {as_of}）"
            sheets.append(Sheet(name, title, [ledger_row(item, data, ledger, as_of) for item in chosen]))
    return sheets
