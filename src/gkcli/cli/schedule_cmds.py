"""Commands about dates on the official calendar: workday."""

from __future__ import annotations

import re
import sys
from typing import Annotated

import typer

from gkcli.cli.guard import GkCommand
from gkcli.cli.options import DataOpt, data_dir, parse_date
from gkcli.errors import UsageError

OFFSET = re.compile(r"^[+-]?\d{1,6}$")


def parse_offset(value: str) -> int:
    """`+20`, `-20` or `20` (meaning +20)."""
    if not OFFSET.match(value.strip()):
        raise UsageError(f"工作日数“{value}”无效：应为不超过 6 位的整数，如 +20（往后）、-20（往前）或 20")
    return int(value)


def workday(
    date: Annotated[str, typer.Argument(metavar="DATE", help="起算日（当天不计），格式 YYYY-MM-DD。", show_default=False)],
    offset: Annotated[str, typer.Argument(metavar="±N", help="工作日数：+20 往后数，-20 往前数，不带符号视为往后。", show_default=False)],
    explain: Annotated[bool, typer.Option("--explain", help="另用中文说明其间跳过的节假日、调休上班日及依据。")] = False,
    data: DataOpt = None,
) -> None:
    """按国务院节假日安排（含调休）推算工作日：起算日当天不计，输出第 N 个工作日的日期。

    示例：gk workday 2024-09-27 +20
    """
    from gkcli.render.workday import explanation
    from gkcli.workdays_file import load_calendar

    start, n = parse_date(date, "起算日"), parse_offset(offset)
    calendar = load_calendar(data_dir(data))
    result = calendar.add_workdays(start, n)
    sys.stdout.write(f"{result.isoformat()}\n")
    if explain:
        sys.stdout.write(explanation(calendar, start, n, result))


def register(app: typer.Typer) -> None:
    # "-20" looks like an option to click, which has no mode for negative numbers; letting unknown
    # options through as arguments is click's documented way, and parse_offset rejects the rest.
    app.command(cls=GkCommand, context_settings={"ignore_unknown_options": True})(workday)
