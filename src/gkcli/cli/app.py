"""The `gk` application: registers the command families and nothing else."""

from __future__ import annotations

import typer

from gkcli.cli import (
    agenda_cmds,
    calendar_cmds,
    import_cmds,
    progress_cmds,
    query_cmds,
    register_cmds,
    remind_cmds,
    report_cmds,
    request_cmds,
    schedule_cmds,
)
from gkcli.cli.guard import GkGroup
from gkcli.cli.options import without_cache

app = typer.Typer(
    cls=GkGroup,
    name="gk",
    help="政务公开重点工作任务清单：登记、校验、查询、跟踪与提醒。\n\n示例：gk due --unit 市政数局",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def show_version(value: bool) -> None:
    if value:
        from gkcli import __version__

        typer.echo(f"gk {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    version: bool = typer.Option(False, "--version", "-V", help="显示版本并退出。", is_eager=True, callback=show_version),
    no_cache: bool = typer.Option(False, "--no-cache", help="不读也不写缓存，重新解析并校验数据文件（同环境变量 GK_NO_CACHE=1）。"),
) -> None:
    """政务公开重点工作任务清单：登记、校验、查询、跟踪与提醒。"""
    if no_cache:
        without_cache(ctx)


agenda_cmds.register(app)
query_cmds.register(app)
register_cmds.register(app)
progress_cmds.register(app)
report_cmds.register(app)
request_cmds.register(app)
remind_cmds.register(app)
calendar_cmds.register(app)
schedule_cmds.register(app)
import_cmds.register(app)


def run() -> None:
    app()
