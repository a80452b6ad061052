"""Options shared by many commands, defined once so every command spells them the same way."""

from __future__ import annotations

import datetime as dt
import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from gkcli.errors import UsageError


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


DataOpt = Annotated[
    Path | None,
    typer.Option(
        "--data",
        help="数据目录。默认依次为：环境变量 GK_DATA、当前目录或上级目录中的 data/、安装包自带的 2024 年清单。",
        show_default=False,
        file_okay=False,
    ),
]
YearOpt = Annotated[int | None, typer.Option("--year", help="清单年度（默认：数据目录中最新的一年）。", show_default=False)]
AsOfOpt = Annotated[str | None, typer.Option("--as-of", help="按哪一天计算，格式 YYYY-MM-DD（默认：今天）。", show_default=False)]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="输出格式：table 表格、json、csv、md。")]
UnitOpt = Annotated[str | None, typer.Option("--unit", "-u", help="单位名称、id 或别名，如 市政数局。", show_default=False)]
CategoryOpt = Annotated[int | None, typer.Option("--category", "-c", help="类别编号（1–14）。", show_default=False)]


def parse_date(value: str, option: str) -> dt.date:
    """An ISO date typed on the command line; anything else is a usage error."""
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(f"{option} 的日期“{value}”无效，格式应为 YYYY-MM-DD，例如 2024-06-01") from None


def as_of_date(value: str | None) -> dt.date:
    """The --as-of date; only here does gk read the clock."""
    return parse_date(value, "--as-of") if value else dt.date.today()


def data_dir(option: Path | None) -> Path:
    from gkcli.datadir import find_data_dir

    return find_data_dir(option, os.environ, Path.cwd())


RelatedOpt = Annotated[bool, typer.Option("--include-related", help="同时列出仅以“等相关部门（单位）”泛指涉及的任务。")]
WarnOpt = Annotated[int, typer.Option("--warn-days", help="临近提醒的天数：截止前这么多天内显示黄灯。", min=0)]


def without_cache(ctx: typer.Context) -> None:
    """`gk --no-cache`: GK_NO_CACHE=1 (see gkcli.cache) for this invocation only."""
    previous = os.environ.get("GK_NO_CACHE")
    os.environ["GK_NO_CACHE"] = "1"

    def restore() -> None:
        if previous is None:
            os.environ.pop("GK_NO_CACHE", None)
        else:
            os.environ["GK_NO_CACHE"] = previous

    ctx.call_on_close(restore)
