"""`gk import`: a published list (.txt, .pdf, .docx, .xlsx) to a register, with a review summary."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from gkcli.cli.guard import GkCommand
from gkcli.cli.options import DataOpt, data_dir
from gkcli.errors import EXIT_FINDINGS, EXIT_OK, UsageError

if TYPE_CHECKING:
    from gkcli.units import Directory


class ImportFormat(StrEnum):
    table = "table"
    json = "json"


def import_list(
    source: Annotated[Path, typer.Argument(help="清单文件：.txt（PDF 提取的文本）、.pdf、.docx 或 .xlsx。", show_default=False)],
    year: Annotated[int, typer.Option("--year", help="清单年度，如 2025。", show_default=False)],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="写入的登记册文件，如 data/tasks-2025.yaml。", show_default=False),
    ] = None,
    units_out: Annotated[
        Path | None, typer.Option("--units-out", help="把 units.yaml 中没有的单位写成条目建议，存到这个文件。", show_default=False)
    ] = None,
    title: Annotated[str | None, typer.Option("--title", help="清单标题（默认：从原文中读取）。", show_default=False)] = None,
    region: Annotated[str | None, typer.Option("--region", help="地区，如 舒兰市（默认：从标题中读取）。", show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="覆盖已存在的文件。")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="只预览，不写任何文件。")] = False,
    fmt: Annotated[ImportFormat, typer.Option("--format", "-f", help="table 审核摘要；json 供脚本使用。")] = ImportFormat.table,
    data: DataOpt = None,
) -> int:
    """把公开发布的任务清单导入为登记册，并列出需要人工核对的“待核”项。有待核项或新单位时退出码 1。

    示例：gk import 清单.docx --year 2025 -o data/tasks-2025.yaml --units-out new-units.yaml
    """
    if not 2000 <= year <= 2100:
        raise UsageError(f"--year {year} 不是有效的清单年度（2000–2100）")
    from gkcli.importer.newunits import proposals_yaml
    from gkcli.importer.pipeline import import_list as run_import
    from gkcli.importer.pipeline import register_text
    from gkcli.importer.report import result_json, summary_text
    from gkcli.render.jsonfmt import dumps
    from gkcli.safewrite import write_atomic

    written = None if dry_run else _check_targets(year, output, units_out, force=force)
    result = run_import(source, year=year, directory=_directory(data, output), title=title, region=region)
    units_written = units_out if written is not None and units_out is not None and result.proposals else None
    if written is not None:
        write_atomic(written, register_text(result).encode("utf-8"))
    if units_written is not None:
        write_atomic(units_written, proposals_yaml(result.proposals, source.name).encode("utf-8"))
    if fmt is ImportFormat.json:
        sys.stdout.write(dumps(result_json(result, written, units_written)))
    else:
        sys.stdout.write(summary_text(result, written, units_written))
    return EXIT_FINDINGS if result.review or result.proposals else EXIT_OK


def _check_targets(year: int, output: Path | None, units_out: Path | None, *, force: bool) -> Path:
    """The register file to write; every target is checked before anything is read or written."""
    from gkcli.datadir import REGISTER_NAME
    from gkcli.importer.files import check_target

    if output is None:
        raise UsageError("请用 -o 指定要写入的登记册文件，例如 -o data/tasks-2025.yaml；只想预览请加 --dry-run")
    named = REGISTER_NAME.match(output.name)
    if named and int(named.group(1)) != year:
        raise UsageError(f"文件名 {output.name} 与 --year {year} 不一致：gk 按文件名中的年份选择登记册")
    check_target(output, force=force, option="-o")
    if units_out is not None:
        check_target(units_out, force=force, option="--units-out")
    return output


def _directory(data: Path | None, output: Path | None) -> Directory:
    """units.yaml from --data, else beside the output file, else the default data directory."""
    from gkcli.datadir import UNITS_FILE
    from gkcli.errors import DataError
    from gkcli.load import load_file
    from gkcli.validate import check_units

    folder = data_dir(data)
    if data is None and output is not None and (output.parent / UNITS_FILE).is_file():
        folder = output.parent
    path = folder / UNITS_FILE
    if not path.is_file():
        raise UsageError(f"找不到 {path}：导入需要用它核对责任单位（用 --data 指定数据目录）")
    doc = load_file(path)
    directory, problems = check_units(doc)
    if doc.problems or problems or directory is None:
        raise DataError(doc.problems + problems)
    return directory


def register(app: typer.Typer) -> None:
    app.command(name="import", cls=GkCommand)(import_list)
