"""One place where errors become messages and exit codes (see gkcli.errors)."""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import typer
from typer._click.exceptions import ClickException, NoArgsIsHelpError
from typer._click.exceptions import UsageError as ClickUsageError
from typer.core import TyperCommand, TyperGroup

from gkcli.cli.coercion import install as install_quick_coercion
from gkcli.errors import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_USAGE, DataError, GkError


def crash_log(error: BaseException) -> Path:
    """Write the traceback of an unexpected error to a file and return its path."""
    import tempfile
    import traceback

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = Path(tempfile.gettempdir()) / f"gk-crash-{stamp}.log"
    path.write_text("".join(traceback.format_exception(error)), encoding="utf-8")
    return path


def guarded(call: Callable[[], Any]) -> int:
    """Run `call` and turn every outcome into an exit code; nothing escapes as a traceback."""
    try:
        result = call()
    except typer.Exit as done:
        return done.exit_code
    except NoArgsIsHelpError as error:
        sys.stdout.write(translate_help(error.ctx.get_help()) + "\n" if error.ctx else "")
        return 0
    except ClickUsageError as error:
        command = error.ctx.command_path if error.ctx else "gk"
        sys.stderr.write(f"错误：{translate_usage(error.format_message())}\n运行“{command} --help”查看用法。\n")
        return EXIT_USAGE
    except ClickException as error:
        sys.stderr.write(f"错误：{translate_usage(error.format_message())}\n")
        return EXIT_USAGE
    except (typer.Abort, KeyboardInterrupt):
        sys.stderr.write("\n已中断\n")
        return EXIT_INTERRUPTED
    except DataError as error:
        for problem in error.problems[:20]:
            sys.stderr.write(f"{problem}\n")
        if len(error.problems) > 20:
            sys.stderr.write(f"……共 {len(error.problems)} 个问题，运行 gk validate 查看全部\n")
        sys.stderr.write("数据文件有误，请先修正（gk validate 可列出全部问题）\n")
        return error.exit_code
    except GkError as error:
        sys.stderr.write(f"错误：{error}\n")
        return error.exit_code
    except Exception as error:
        try:
            where = f"，详情已写入 {crash_log(error)}"
        except OSError:
            where = ""
        sys.stderr.write(f"内部错误：{type(error).__name__}: {error}{where}。请把这条信息发给维护者。\n")
        return EXIT_INTERNAL
    return result if isinstance(result, int) else 0


HELP_WORDS = {
    "Usage: ": "用法：",
    "Options:": "选项：",
    "Commands:": "命令：",
    "Arguments:": "参数：",
    "Show this message and exit.": "显示本帮助并退出。",
    "[default: ": "[默认：",
    "[required]": "[必填]",
}
USAGE_PATTERNS = [
    (re.compile(r"No such option: (\S+)"), r"没有这个选项：\1"),
    (re.compile(r"\(Possible options: (.+)\)"), r"（可能是：\1）"),
    (re.compile(r"Did you mean (.+)\?"), r"您是不是要找：\1"),
    (re.compile(r"Missing argument '(.+?)'\."), r"缺少参数 \1"),
    (re.compile(r"Missing option '(.+?)'(?: / '.+?')*\."), r"缺少选项 \1"),
    (re.compile(r"Option '(.+?)' requires an argument\."), r"选项 \1 需要一个值"),
    (re.compile(r"No such command '(.+?)'\."), r"没有这个命令：\1"),
    (re.compile(r"^Missing command\.$"), "缺少命令"),
    (re.compile(r"Got unexpected extra argument(?:s|\(s\))? \((.+)\)"), r"多余的参数：\1"),
    (re.compile(r"Invalid value for '(.+?)': "), r"\1 的取值无效："),
    (re.compile(r"Value error, '(.+?)' is not one of (.+)\."), r"“\1”不是可选值（可选：\2）"),
    (re.compile(r"'(.+?)' is not a valid integer\."), r"“\1”不是整数"),
]


def translate_help(text: str) -> str:
    """Click's English help scaffolding in Chinese; our own texts are Chinese already."""
    for english, chinese in HELP_WORDS.items():
        text = text.replace(english, chinese)
    return text


def translate_usage(message: str) -> str:
    for pattern, replacement in USAGE_PATTERNS:
        message = pattern.sub(replacement, message)
    return message


class QuickCoercionMixin:
    """Parameters (and the help option) that skip typer's pydantic coercion when they can (cli/coercion.py)."""

    params: list[Any]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        install_quick_coercion(self.params)

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        install_quick_coercion([option])
        return option


class GkCommand(QuickCoercionMixin, TyperCommand):
    """A subcommand whose help scaffolding reads in Chinese."""

    def get_help(self, ctx: Any) -> str:
        return translate_help(super().get_help(ctx))


class GkGroup(QuickCoercionMixin, TyperGroup):
    """The root command: every invocation (also through CliRunner) goes through `guarded`."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        code = guarded(lambda: TyperGroup.main(self, args, prog_name, complete_var, False, windows_expand_args, **extra))
        if standalone_mode:
            sys.exit(code)
        return code

    def get_help(self, ctx: Any) -> str:
        return translate_help(super().get_help(ctx))
