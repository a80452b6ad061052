"""gk request: disclosure requests (依申请公开) and their legal answer deadlines."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from gkcli.cli.guard import GkCommand, GkGroup
from gkcli.cli.options import AsOfOpt, DataOpt, Format, FormatOpt, UnitOpt, YearOpt, as_of_date, data_dir, parse_date

if TYPE_CHECKING:
    from gkcli.data import Data
    from gkcli.disclosure.actions import Edit, Recorded

IdArg = Annotated[str, typer.Argument(metavar="编号", help="申请编号，如 zhengfuban-001（gk request list 可查）。", show_default=False)]
OnOpt = Annotated[str, typer.Option("--on", help="日期，格式 YYYY-MM-DD。", show_default=False)]


def add(
    unit: Annotated[str, typer.Option("--unit", "-u", help="办理单位名称、id 或别名，如 市政府办。", show_default=False)],
    received: Annotated[str, typer.Option("--received", help="收到申请之日，格式 YYYY-MM-DD。", show_default=False)],
    request_id: Annotated[
        str | None, typer.Option("--id", help="申请编号（默认按单位自动编号，如 zhengfuban-001）。", show_default=False)
    ] = None,
    title: Annotated[str | None, typer.Option("--title", help="标题或摘要，如申请事项、来文编号。", show_default=False)] = None,
    data: DataOpt = None,
    year: YearOpt = None,
) -> None:
    """登记一件政府信息公开申请，并给出答复期限（收到当日不计，第20个工作日为最后一天）。

    示例：gk request add --unit 市政府办 --received 2024-09-27 --title 关于某项目审批文件的申请
    """
    from gkcli.disclosure.actions import add as add_request

    loaded = _data(data, year)
    recorded = add_request(loaded, unit, parse_date(received, "--received"), request_id, title)
    _confirm(loaded, recorded, "已登记")


def extend(request_id: IdArg, on: OnOpt, data: DataOpt = None, year: YearOpt = None) -> None:
    """延长答复期限20个工作日（条例第三十三条；只能延长一次，须在期限届满前决定）。

    示例：gk request extend zhengfuban-001 --on 2024-10-25
    """
    from gkcli.disclosure.actions import extend as extend_edit
    from gkcli.workdays_file import load_calendar

    loaded = _data(data, year)
    _change(loaded, request_id, extend_edit(parse_date(on, "--on"), load_calendar(loaded.data_dir)), "已延期")


def consult(
    request_id: IdArg,
    start: Annotated[str | None, typer.Option("--from", help="发出征求意见之日。", show_default=False)] = None,
    end: Annotated[str | None, typer.Option("--to", help="收到意见之日（尚未收到时省略，收到后再单独记录）。", show_default=False)] = None,
    data: DataOpt = None,
    year: YearOpt = None,
) -> None:
    """记录征求第三方或其他机关意见的期间，其间的工作日不计入答复期限（条例第三十三条）。

    只给 --from：开始征求，期限暂停；之后只给 --to：结束这次征求；两者都给：记录完整的一次。

    示例：gk request consult zhengfuban-001 --from 2024-10-08 --to 2024-10-15
    """
    from gkcli.disclosure.actions import consult as consult_edit

    loaded = _data(data, year)
    edit = consult_edit(parse_date(start, "--from") if start else None, parse_date(end, "--to") if end else None)
    _change(loaded, request_id, edit, "已记录征求意见")


def supplement(
    request_id: IdArg,
    on: Annotated[str | None, typer.Option("--on", help="告知申请人补正之日。", show_default=False)] = None,
    received: Annotated[str | None, typer.Option("--received", help="收到补正之日：答复期限自此重新计算。", show_default=False)] = None,
    data: DataOpt = None,
    year: YearOpt = None,
) -> None:
    """记录补正（条例第三十条）：告知补正之日期限暂停，收到补正之日起重新计算20个工作日。

    --on 记录告知申请人补正之日；--received 记录收到补正之日。可分两次记录，也可一次给出。

    示例：gk request supplement zhengfuban-001 --on 2024-10-08
    """
    from gkcli.disclosure.actions import supplement as supplement_edit

    loaded = _data(data, year)
    edit = supplement_edit(parse_date(on, "--on") if on else None, parse_date(received, "--received") if received else None)
    _change(loaded, request_id, edit, "已记录补正")


def answer(request_id: IdArg, on: OnOpt, data: DataOpt = None, year: YearOpt = None) -> None:
    """记录答复之日；该申请随之从 gk due / gk overdue 中消失。

    示例：gk request answer zhengfuban-001 --on 2024-10-28
    """
    from gkcli.disclosure.actions import answer as answer_edit

    loaded = _data(data, year)
    _change(loaded, request_id, answer_edit(parse_date(on, "--on")), "已答复")


def list_requests(
    unit: UnitOpt = None,
    as_of: AsOfOpt = None,
    data: DataOpt = None,
    year: YearOpt = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """列出申请及其答复期限：办理中的按期限排在前，随后是暂停计算的和已答复的。

    示例：gk request list --unit 市政府办 --as-of 2024-10-20
    """
    from gkcli.disclosure.files import load_ledger
    from gkcli.render import render
    from gkcli.views.requests import request_entries, request_listing
    from gkcli.workdays_file import load_calendar

    day = as_of_date(as_of)
    loaded = _data(data, year, writing=False)
    unit_id = loaded.directory.resolve(unit) if unit else None
    ledger = load_ledger(loaded)
    entries = request_entries(ledger, load_calendar(loaded.data_dir), loaded.directory, day, unit_id) if ledger.files else []
    who = loaded.directory.name(unit_id) if unit_id else "全部单位"
    sys.stdout.write(render(request_listing(entries, f"{who}：{loaded.register.year} 年依申请公开（截至 {day}）"), fmt.value))


def _data(data: DataOpt, year: YearOpt, writing: bool = True) -> Data:
    """The validated data; commands that write refuse the copy bundled inside an installed package."""
    from gkcli.data import load_data
    from gkcli.datadir import bundled_dir
    from gkcli.errors import UsageError

    folder = data_dir(data)
    if writing and folder.name == "_data" and folder.resolve() == bundled_dir().resolve():
        raise UsageError("没有找到数据目录：请在数据仓库中运行，或用 --data、环境变量 GK_DATA 指定（申请不会写入安装包自带的数据）")
    return load_data(folder, year)


def _change(loaded: Data, request_id: str, edit: Edit, done: str) -> None:
    from gkcli.disclosure.actions import change

    _confirm(loaded, change(loaded, request_id, edit), done)


def _confirm(loaded: Data, recorded: Recorded, done: str) -> None:
    """One line: what was recorded and the request's deadline with every recorded step counted."""
    import datetime as dt

    from gkcli.disclosure.deadline import request_due
    from gkcli.views.requests import request_json, summary_line
    from gkcli.workdays_file import load_calendar

    request = recorded.request
    due = request_due(request, load_calendar(loaded.data_dir))
    entry = request_json(recorded.unit, request, due, loaded.directory, dt.date.max)
    sys.stdout.write(f"{done}。" + summary_line(entry))


def request_group() -> typer.Typer:
    """`gk request …`: a new group each time, so that building the app twice registers nothing twice."""
    group = typer.Typer(
        cls=GkGroup,
        help=(
            "依申请公开：登记申请，记录延期、征求意见、补正和答复，计算法定答复期限。\n\n"
            "示例：gk request add --unit 市政府办 --received 2024-09-27"
        ),
        no_args_is_help=True,
        rich_markup_mode=None,
    )
    for command in (add, extend, consult, supplement, answer):
        group.command(cls=GkCommand)(command)
    group.command("list", cls=GkCommand)(list_requests)
    return group


def register(app: typer.Typer) -> None:
    app.add_typer(request_group(), name="request")
