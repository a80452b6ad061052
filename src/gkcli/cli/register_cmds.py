"""Commands about the data files themselves: validate, schema."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from gkcli.cli.guard import GkCommand
from gkcli.cli.options import DataOpt, data_dir
from gkcli.errors import EXIT_FINDINGS, EXIT_OK, UsageError


class ProblemFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


class SchemaName(StrEnum):
    register = "register"
    units = "units"
    progress = "progress"
    requests = "requests"
    contacts = "contacts"
    workdays = "workdays"


def validate(
    paths: Annotated[list[Path] | None, typer.Argument(help="要检查的数据目录或文件（默认：数据目录）。", show_default=False)] = None,
    data: DataOpt = None,
    fmt: Annotated[
        ProblemFormat, typer.Option("--format", "-f", help="text 文本；json；github（GitHub Actions 注释）。")
    ] = ProblemFormat.text,
) -> int:
    """校验数据文件，一次列出全部问题（文件:行:列: 说明）。无问题退出码 0，有问题 1。

    示例：gk validate data/tasks-2024.yaml
    """
    from gkcli.gcpause import paused
    from gkcli.render.problems import RENDERERS
    from gkcli.validate import check_paths

    targets = paths or [data_dir(data)]
    missing = [str(path) for path in targets if not path.exists()]
    if missing:
        raise UsageError(f"路径不存在：{'、'.join(missing)}")
    with paused():
        checked = check_paths(targets)
    problems = sorted(set(checked.problems))
    sys.stdout.write(RENDERERS[fmt.value](problems, checked.files))
    return EXIT_FINDINGS if problems else EXIT_OK


def schema(
    name: Annotated[
        SchemaName,
        typer.Argument(help="register 任务清单；units 单位表；progress 进度；requests 依申请；contacts 联系方式；workdays 节假日补充。"),
    ] = SchemaName.register,
) -> None:
    """输出数据文件的 JSON Schema，供 VS Code 等编辑器补全和检查。

    示例：gk schema units > data/schema/units.schema.json
    """
    from gkcli.schema import schema_text

    sys.stdout.write(schema_text(name.value))


def register(app: typer.Typer) -> None:
    for command in (validate, schema):
        app.command(cls=GkCommand)(command)
