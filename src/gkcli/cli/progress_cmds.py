"""Recording progress: start, done, reopen (进度填报)."""

from __future__ import annotations

import datetime as dt
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from gkcli.cli.guard import GkCommand
from gkcli.cli.options import AsOfOpt, DataOpt, YearOpt, as_of_date, data_dir, parse_date
from gkcli.errors import UsageError

if TYPE_CHECKING:  # command bodies import core modules lazily: `gk --help` stays light
    from gkcli.records import Event

TaskArg = Annotated[int, typer.Argument(metavar="序号", help="任务序号。", show_default=False)]
UnitArg = Annotated[str, typer.Option("--unit", "-u", help="填报单位：名称、id 或别名，如 市政数局。", show_default=False)]
OnOpt = Annotated[str | None, typer.Option("--on", help="发生日期 YYYY-MM-DD（默认：--as-of 当天）。", show_default=False)]
NoteOpt = Annotated[str | None, typer.Option("--note", "-n", help="进展说明。", show_default=False)]
OccurrenceOpt = Annotated[
    str | None, typer.Option("--occurrence", help="哪一期，如 monthly:2024-03（默认：任务本身）。", show_default=False)
]
ByOpt = Annotated[str | None, typer.Option("--by", help="填报人（默认：当前登录用户名，即环境变量 USER）。", show_default=False)]


def _recorder(by: str | None) -> str:
    """--by, else the login name ($USER, $LOGNAME, $USERNAME, then the account's name)."""
    if by is not None:
        return by.strip()
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        raise UsageError("无法确定填报人：请用 --by 指定") from None


def _record(
    event: Event,
    task_id: int,
    unit: str,
    *,
    on: str | None,
    note: str | None,
    evidence: list[str] | None,
    occurrence: str | None,
    by: str | None,
    as_of: str | None,
    data: Path | None,
    year: int | None,
) -> None:
    from gkcli.data import load_data
    from gkcli.progress_write import EVENT_LABELS, Entry, record_progress
    from gkcli.tracking import load_tracking

    day = as_of_date(as_of)
    loaded = load_data(data_dir(data), year)
    entry = Entry(
        task_id=task_id,
        party=loaded.directory.resolve(unit),
        event=event,
        date=parse_date(on, "--on") if on else day,
        recorded_at=dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        recorded_by=_recorder(by),
        note=note.strip() if note and note.strip() else None,
        evidence=tuple(item.strip() for item in evidence or ()),
        occurrence=occurrence,
    )
    more = load_tracking(loaded).more if occurrence else None
    done = record_progress(loaded, entry, day, more)
    name = loaded.directory.name(entry.party)
    created = "（新建文件）" if done.created else ""
    sys.stdout.write(f"已记录：{name} · 任务 {task_id}{f'（{occurrence}）' if occurrence else ''} · {EVENT_LABELS[event]} · {entry.date}\n")
    sys.stdout.write(f"写入 {done.path}{created}\n")


def start(
    task_id: TaskArg,
    unit: UnitArg,
    on: OnOpt = None,
    note: NoteOpt = None,
    occurrence: OccurrenceOpt = None,
    by: ByOpt = None,
    as_of: AsOfOpt = None,
    data: DataOpt = None,
    year: YearOpt = None,
) -> None:
    """记录本单位开始办理一项任务。

    示例：gk start 3 --unit 市政数局 --note 已部署专栏建设
    """
    from gkcli.records import Event

    _record(Event.START, task_id, unit, on=on, note=note, evidence=None, occurrence=occurrence, by=by, as_of=as_of, data=data, year=year)


def done(
    task_id: TaskArg,
    unit: UnitArg,
    on: OnOpt = None,
    note: NoteOpt = None,
    evidence: Annotated[
        list[str] | None,
        typer.Option(
            "--evidence", "-e", metavar="<链接或路径>", help="佐证材料：链接或文件路径（可重复）。牵头单位销号必填。", show_default=False
        ),
    ] = None,
    occurrence: OccurrenceOpt = None,
    by: ByOpt = None,
    as_of: AsOfOpt = None,
    data: DataOpt = None,
    year: YearOpt = None,
) -> None:
    """记录本单位完成（销号）一项任务，附说明和佐证材料。

    示例：gk done 3 --unit 市政数局 --on 2024-07-01 --note 已在政府网站发布 --evidence https://example.gov.cn/a.html
    """
    from gkcli.records import Event

    _record(Event.DONE, task_id, unit, on=on, note=note, evidence=evidence, occurrence=occurrence, by=by, as_of=as_of, data=data, year=year)


def reopen(
    task_id: TaskArg,
    unit: UnitArg,
    note: Annotated[str, typer.Option("--note", "-n", help="重新打开的原因（必填）。", show_default=False)],
    on: OnOpt = None,
    occurrence: OccurrenceOpt = None,
    by: ByOpt = None,
    as_of: AsOfOpt = None,
    data: DataOpt = None,
    year: YearOpt = None,
) -> None:
    """重新打开本单位已完成（销号）的任务（如佐证不足被退回），原记录保留。

    示例：gk reopen 3 --unit 市政数局 --note 佐证材料不全，退回补充
    """
    from gkcli.records import Event

    _record(Event.REOPEN, task_id, unit, on=on, note=note, evidence=None, occurrence=occurrence, by=by, as_of=as_of, data=data, year=year)


def register(app: typer.Typer) -> None:
    for command in (start, done, reopen):
        app.command(cls=GkCommand)(command)
