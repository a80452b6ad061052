"""Looking things up: tasks, show, units."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from gkcli.cli.guard import GkCommand
from gkcli.cli.options import AsOfOpt, CategoryOpt, DataOpt, Format, FormatOpt, RelatedOpt, UnitOpt, YearOpt, as_of_date, data_dir


def tasks(
    search: Annotated[str | None, typer.Option("--search", "-s", help="关键词：匹配任务内容和责任单位。", show_default=False)] = None,
    category: CategoryOpt = None,
    unit: UnitOpt = None,
    deadline_kind: Annotated[
        str | None,
        typer.Option("--deadline-kind", help="完成时间类别：date、all_year、ongoing、after_event、after_publication。", show_default=False),
    ] = None,
    include_related: RelatedOpt = False,
    data: DataOpt = None,
    year: YearOpt = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """列出、搜索任务（--unit 按单位应办的任务筛选，含通过单位组承担的任务）。

    示例：gk tasks --search 政务新媒体 --format json
    """
    from gkcli.data import load_data
    from gkcli.queries import select_tasks
    from gkcli.render import render
    from gkcli.views import task_listing

    loaded = load_data(data_dir(data), year)
    chosen = select_tasks(loaded, search=search, category=category, deadline_kind=deadline_kind, unit=unit, include_related=include_related)
    sys.stdout.write(render(task_listing(chosen, loaded), fmt.value))


def show(
    task_id: Annotated[int, typer.Argument(metavar="序号", help="任务序号。", show_default=False)],
    as_of: AsOfOpt = None,
    data: DataOpt = None,
    year: YearOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="输出格式：table 文本、md、json。")] = "table",
) -> None:
    """显示一项任务的全部信息：类别、内容、各责任单位（逐个解析）、完成时间及其含义、各单位状态。

    示例：gk show 20
    """
    from gkcli.data import load_data
    from gkcli.errors import UsageError
    from gkcli.render.show import RENDERERS
    from gkcli.tracking import load_tracking
    from gkcli.views.show import find_task, task_detail

    if fmt not in RENDERERS:
        raise UsageError(f"gk show 的 --format 只能是 {'、'.join(RENDERERS)}，而不是“{fmt}”")
    loaded = load_data(data_dir(data), year)
    detail = task_detail(loaded, find_task(loaded, task_id), as_of_date(as_of), load_tracking(loaded))
    sys.stdout.write(RENDERERS[fmt](detail))


def units(
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            help="只列某一类：city_department、party_organ、court、vertical、township、subdistrict、development_zone、group。",
            show_default=False,
        ),
    ] = None,
    data: DataOpt = None,
    year: YearOpt = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """列出单位与单位组：类别、成员、所属单位组，以及各自应办、牵头的任务数。

    示例：gk units --kind group
    """
    from gkcli.data import load_data
    from gkcli.errors import UsageError
    from gkcli.render import render
    from gkcli.views.units import KIND_LABELS, units_listing

    if kind is not None and kind not in KIND_LABELS:
        raise UsageError(f"未知的单位类别“{kind}”，应为：{'、'.join(KIND_LABELS)}")
    loaded = load_data(data_dir(data), year)
    sys.stdout.write(render(units_listing(loaded, kind), fmt.value))


def register(app: typer.Typer) -> None:
    for command in (tasks, show, units):
        app.command(cls=GkCommand)(command)
