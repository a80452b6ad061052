"""What is owed and when: due, overdue, checklist."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from gkcli.cli.guard import GkCommand
from gkcli.cli.options import (
    AsOfOpt,
    CategoryOpt,
    DataOpt,
    Format,
    FormatOpt,
    RelatedOpt,
    UnitOpt,
    WarnOpt,
    YearOpt,
    as_of_date,
    data_dir,
)
from gkcli.defaults import DEFAULT_WARN_DAYS
from gkcli.errors import EXIT_FINDINGS, EXIT_OK


class RoleChoice(StrEnum):
    lead = "lead"
    named = "named"
    group = "group"
    related = "related"


def _title(unit: str | None, what: str, as_of: object) -> str:
    return f"{unit or '全部单位'}：{what}（截至 {as_of}）"


def due(
    unit: UnitOpt = None,
    within: Annotated[
        str | None, typer.Option("--within", "-w", help="只看这段时间内到期的（含已逾期），如 30d、2w、1m。", show_default=False)
    ] = None,
    role: Annotated[
        list[RoleChoice] | None,
        typer.Option("--role", help="按角色筛选（可重复）：lead 牵头、named 点名、group 通过单位组。", show_default=False),
    ] = None,
    include_related: RelatedOpt = False,
    include_future: Annotated[
        bool, typer.Option("--include-future", help="同时列出尚未开始、也未临近的周期性节点（如下半年的月自查）。")
    ] = False,
    warn_days: WarnOpt = DEFAULT_WARN_DAYS,
    as_of: AsOfOpt = None,
    data: DataOpt = None,
    year: YearOpt = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """列出尚未完成的应办事项，按截止日期排序，附剩余天数和红黄绿灯。

    包括本单位牵头的、被点名的、以及作为单位组成员（如 市政府各相关部门（单位））应承担的任务。

    示例：gk due --unit 市政数局 --as-of 2024-06-01
    """
    from gkcli.agenda import agenda, parse_window
    from gkcli.data import load_data
    from gkcli.obligations import Role
    from gkcli.queries import duties_for
    from gkcli.render import render
    from gkcli.tracking import load_tracking
    from gkcli.views.agenda import agenda_listing

    day = as_of_date(as_of)
    window = parse_window(within) if within else None
    loaded = load_data(data_dir(data), year)
    roles = {Role(choice.value) for choice in role} if role else None
    duties = duties_for(loaded, unit, roles=roles, include_related=include_related or Role.RELATED in (roles or ()))
    tracking = load_tracking(loaded)
    extra = tracking.more(duties)
    progress = tracking.progress
    items = agenda(
        duties, loaded.register, day, warn_days=warn_days, within=window, include_future=include_future, progress=progress, extra=extra
    )
    name = loaded.directory.name(loaded.directory.resolve(unit)) if unit else None
    sys.stdout.write(render(agenda_listing(items, loaded, _title(name, "应办事项", day), one_unit=unit is not None), fmt.value))


def overdue(
    unit: UnitOpt = None,
    fail_if_any: Annotated[bool, typer.Option("--fail-if-any", help="有逾期事项时以退出码 1 结束（供脚本和 CI 使用）。")] = False,
    as_of: AsOfOpt = None,
    data: DataOpt = None,
    year: YearOpt = None,
    fmt: FormatOpt = Format.table,
) -> int:
    """列出已逾期未完成的事项，按单位分组并统计各单位数量。

    示例：gk overdue --as-of 2024-10-08 --fail-if-any
    """
    from gkcli.agenda import Light, agenda
    from gkcli.data import load_data
    from gkcli.queries import duties_for
    from gkcli.render import render
    from gkcli.tracking import load_tracking
    from gkcli.views.agenda import overdue_listing

    day = as_of_date(as_of)
    loaded = load_data(data_dir(data), year)
    duties = duties_for(loaded, unit)
    tracking = load_tracking(loaded)
    items = agenda(duties, loaded.register, day, progress=tracking.progress, extra=tracking.more(duties))
    items = [item for item in items if item.light is Light.RED]
    name = loaded.directory.name(loaded.directory.resolve(unit)) if unit else None
    sys.stdout.write(render(overdue_listing(items, loaded, _title(name, "逾期事项", day)), fmt.value))
    return EXIT_FINDINGS if items and fail_if_any else EXIT_OK


def checklist(
    unit: UnitOpt = None,
    category: CategoryOpt = None,
    as_of: AsOfOpt = None,
    data: DataOpt = None,
    year: YearOpt = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """打印按类别分组的任务清单（☐ 未完成 / ☑ 已完成）；--format md 输出 GitHub 风格的 - [ ] 列表。

    示例：gk checklist --unit 市政数局 --format md
    """
    from gkcli.data import load_data
    from gkcli.queries import check_category, duties_for
    from gkcli.render.checklist import RENDERERS
    from gkcli.tracking import load_tracking
    from gkcli.views.checklist import build_checklist

    day = as_of_date(as_of)
    loaded = load_data(data_dir(data), year)
    check_category(loaded, category)
    duties = [duty for duty in duties_for(loaded, unit) if category is None or duty.task.category == category]
    name = loaded.directory.name(loaded.directory.resolve(unit)) if unit else None
    title = f"{loaded.register.title}：{name or '全部单位'}任务清单"
    sys.stdout.write(RENDERERS[fmt.value](build_checklist(loaded, duties, day, title, load_tracking(loaded).progress)))


def register(app: typer.Typer) -> None:
    for command in (due, overdue, checklist):
        app.command(cls=GkCommand)(command)
