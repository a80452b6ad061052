"""The `gk` application: registers the command families and nothing else."""

from __future__ import annotations

import typer

from gkcli.cli import agenda_cmds, progress_cmds, query_cmds, register_cmds, report_cmds
from gkcli.cli.guard import GkGroup

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


@app.callback()
def root(version: bool = typer.Option(False, "--version", "-V", help="显示版本并退出。")) -> None:
    """政务公开重点工作任务清单：登记、校验、查询、跟踪与提醒。"""
    if version:
        from gkcli import __version__

        typer.echo(f"gk {__version__}")
        raise typer.Exit()


agenda_cmds.register(app)
query_cmds.register(app)
register_cmds.register(app)
progress_cmds.register(app)
report_cmds.register(app)


def run() -> None:
    app()
