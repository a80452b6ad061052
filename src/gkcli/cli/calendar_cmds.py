"""gk calendar: every dated obligation as an iCalendar (.ics) file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from gkcli.cli.guard import GkCommand
from gkcli.cli.options import AsOfOpt, DataOpt, UnitOpt, YearOpt, as_of_date, data_dir

DEFAULT_REMIND_DAYS = 3


def calendar(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="输出的 .ics 文件；写 - 表示输出到标准输出。", show_default=False, dir_okay=False)
    ],
    unit: UnitOpt = None,
    remind_days: Annotated[
        int, typer.Option("--remind-days", help="提前几天提醒（当天上午 9 点弹出）；0 表示到期当天提醒。", min=0, max=365)
    ] = DEFAULT_REMIND_DAYS,
    as_of: AsOfOpt = None,
    data: DataOpt = None,
    year: YearOpt = None,
) -> None:
    """导出日历（RFC 5545 .ics）：任务截止日、周期性节点、依申请公开答复期限，每项提前提醒。

    再次导出并导入时，同一事项的 UID 不变，日历软件会更新原有日程而不是重复添加。
    无固定日期的事项（如清单发布日期未知的任务）不导出。

    示例：gk calendar --unit 市政数局 -o 市政数局.ics
    """
    from gkcli.agenda import agenda
    from gkcli.calendar_events import calendar_events
    from gkcli.data import load_data
    from gkcli.queries import duties_for
    from gkcli.render.ics import ics_bytes
    from gkcli.safewrite import write_atomic
    from gkcli.tracking import load_tracking

    day = as_of_date(as_of)
    loaded = load_data(data_dir(data), year)
    duties = duties_for(loaded, unit)
    tracking = load_tracking(loaded)
    items = agenda(
        duties, loaded.register, day, progress=tracking.progress, include_done=True, include_future=True, extra=tracking.more(duties)
    )
    events = calendar_events(items, loaded, day, one_unit=unit is not None)
    who = loaded.directory.name(loaded.directory.resolve(unit)) if unit else "全部单位"
    content = ics_bytes(events, f"{loaded.register.title}（{who}）", day, remind_days)
    if str(output) == "-":
        sys.stdout.buffer.write(content)
        return
    write_atomic(output, content)
    skipped = len(items) - len(events)
    tail = f"；另有 {skipped} 项无固定日期，未导出" if skipped else ""
    sys.stdout.write(f"已写入 {output}：{len(events)} 个日程（{who}，提前 {remind_days} 天提醒）{tail}\n")


def register(app: typer.Typer) -> None:
    app.command(cls=GkCommand)(calendar)
