"""The `gk` application: registers the command families and nothing else.

`gk due …` needs only the module that defines `due`: building typer's command tree for all
eighteen commands costs more than the command itself (issue 8). `run` therefore builds the tree
for the invoked command alone when the first word names one, and the whole tree otherwise
(`gk`, `gk --help`, a misspelt command that needs suggestions). `app` is the whole tree.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib import import_module
from typing import Any

import typer

from gkcli.cli.guard import GkGroup
from gkcli.cli.options import without_cache

# command → the family module that registers it (`gk --help` lists them in registration order)
COMMANDS = {
    "due": "agenda_cmds",
    "overdue": "agenda_cmds",
    "checklist": "agenda_cmds",
    "tasks": "query_cmds",
    "show": "query_cmds",
    "units": "query_cmds",
    "validate": "register_cmds",
    "schema": "register_cmds",
    "start": "progress_cmds",
    "done": "progress_cmds",
    "reopen": "progress_cmds",
    "report": "report_cmds",
    "export": "report_cmds",
    "request": "request_cmds",
    "remind": "remind_cmds",
    "calendar": "calendar_cmds",
    "workday": "schedule_cmds",
    "import": "import_cmds",
}
ROOT_OPTIONS = {"--no-cache"}  # root options that may come before the command and take no value


def show_version(value: bool) -> None:
    if value:
        from gkcli import __version__

        typer.echo(f"gk {__version__}")
        raise typer.Exit()


def root(
    ctx: typer.Context,
    version: bool = typer.Option(False, "--version", "-V", help="显示版本并退出。", is_eager=True, callback=show_version),
    no_cache: bool = typer.Option(False, "--no-cache", help="不读也不写缓存，重新解析并校验数据文件（同环境变量 GK_NO_CACHE=1）。"),
) -> None:
    """政务公开重点工作任务清单：登记、校验、查询、跟踪与提醒。"""
    if no_cache:
        without_cache(ctx)


def build(command: str | None = None) -> typer.Typer:
    """The typer app with every command, or only with the family of `command` when it names one."""
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
    app.callback()(root)
    families = [COMMANDS[command]] if command in COMMANDS else list(dict.fromkeys(COMMANDS.values()))
    for family in families:
        import_module(f"gkcli.cli.{family}").register(app)
    return app


def invoked(args: Sequence[str]) -> str | None:
    """The command that `args` invoke, if the first word after the root options names one."""
    for arg in args:
        if arg not in ROOT_OPTIONS:
            return arg if arg in COMMANDS else None
    return None


def run() -> None:
    build(invoked(sys.argv[1:]))()


def __getattr__(name: str) -> Any:
    """`app`: the whole command tree, built on first use (tests, documentation)."""
    if name == "app":
        app = build()
        globals()["app"] = app
        return app
    raise AttributeError(name)
