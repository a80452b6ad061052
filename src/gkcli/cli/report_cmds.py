"""Supervision: the report (gk report) and the Excel ledger (gk export xlsx)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from gkcli.cli.guard import GkCommand, GkGroup
from gkcli.cli.options import AsOfOpt, CategoryOpt, DataOpt, Format, FormatOpt, UnitOpt, YearOpt, as_of_date, data_dir
from gkcli.errors import UsageError


def report(
    unit: UnitOpt = None,
    category: CategoryOpt = None,
    as_of: AsOfOpt = None,
    data: DataOpt = None,
    year: YearOpt = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """督查报告：各单位应办、已完成（按期/逾期）、未完成、逾期未完成和完成率，另列各类别合计与总计。

    需要督办的单位（逾期多、完成率低）排在前面。

    示例：gk report --as-of 2024-10-08
    """
    from gkcli.data import load_data
    from gkcli.obligations import parties
    from gkcli.render.report import RENDERERS
    from gkcli.report import build_report, report_items
    from gkcli.tracking import load_tracking
    from gkcli.views.report import report_json

    day = as_of_date(as_of)
    loaded = load_data(data_dir(data), year)
    party = loaded.directory.resolve(unit) if unit else None
    items = report_items(loaded, load_tracking(loaded), day, unit, category)
    numbers = [item.number for item in loaded.register.categories]
    built = build_report(items, day, numbers, parties(loaded.directory))
    sys.stdout.write(RENDERERS[fmt.value](report_json(built, loaded, party, category)))


export_app = typer.Typer(
    cls=GkGroup,
    help="导出台账等文件。\n\n示例：gk export xlsx -o 台账.xlsx",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@export_app.command("xlsx", cls=GkCommand)
def export_xlsx(
    output: Annotated[Path, typer.Option("--output", "-o", help="输出文件，扩展名 .xlsx。", show_default=False, dir_okay=False)],
    unit: UnitOpt = None,
    force: Annotated[bool, typer.Option("--force", help="输出文件已存在时覆盖它。")] = False,
    as_of: AsOfOpt = None,
    data: DataOpt = None,
    year: YearOpt = None,
) -> None:
    """导出 Excel 台账：序号、任务名称（类别）、任务内容、责任单位、完成时间、进展情况、完成日期、佐证材料。

    第一张表为汇总（与 gk report 一致）；--unit 时另有该单位的台账，否则每个单位一张表。
    逾期未完成的行标红；横向 A4 打印，每页重复表头。输出文件已存在时需加 --force 才覆盖。

    示例：gk export xlsx --unit 市政数局 --as-of 2024-10-08 -o 市政数局台账.xlsx
    """
    from gkcli.data import load_data
    from gkcli.export import export_ledger

    if output.suffix.lower() != ".xlsx":
        raise UsageError(f"输出文件应以 .xlsx 结尾：{output}")
    if output.exists() and not force:
        raise UsageError(f"文件已存在：{output}；如需覆盖请加 --force")
    day = as_of_date(as_of)
    loaded = load_data(data_dir(data), year)
    summary = export_ledger(loaded, day, output, unit)
    sys.stdout.write(f"已导出：{output}（{summary}）\n")


def register(app: typer.Typer) -> None:
    app.command(cls=GkCommand)(report)
    app.add_typer(export_app, name="export")
