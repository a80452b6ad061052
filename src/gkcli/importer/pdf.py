"""Rows of a task list from a PDF: its tables through pdfplumber, else its text through pdftotext.

Neither is a dependency of gk: a clerk who has only the PDF installs one of them, or saves the
PDF's text from a viewer and imports that .txt file.
"""

from __future__ import annotations

import importlib
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from gkcli.errors import UsageError
from gkcli.importer.pdftext import read_text
from gkcli.importer.rows import SourceList
from gkcli.importer.table import GridRow, read_grid

INSTALL_HINT = (
    "读取 PDF 需要 pdfplumber 或 pdftotext，本机都没有。请任选其一安装："
    "pip install pdfplumber；或安装 poppler（Debian/Ubuntu：apt install poppler-utils）。"
    "也可以在 PDF 阅读器中把全文另存为 .txt 后再导入"
)


def read_pdf(path: Path) -> SourceList:
    try:
        pdfplumber = importlib.import_module("pdfplumber")
    except ImportError:
        pdfplumber = None
    if pdfplumber is not None:
        return _with_pdfplumber(pdfplumber, path)
    if shutil.which("pdftotext"):
        return read_text(_pdftotext(path), path.name)
    raise UsageError(INSTALL_HINT)


def _with_pdfplumber(pdfplumber: Any, path: Path) -> SourceList:
    """The PDF's tables when it has ruled tables, otherwise its text."""
    try:
        with pdfplumber.open(str(path)) as pdf:
            text = "\n".join(page.extract_text() or "" for page in pdf.pages)
            grid = list(_grid(pdf.pages, path.name))
    except Exception as error:  # pdfplumber raises many types for damaged files
        raise UsageError(f"无法读取 PDF 文件 {path}：{type(error).__name__}: {error}") from None
    found = read_grid(grid, text.splitlines())
    return found if found.rows else read_text(text, path.name)


def _grid(pages: Any, name: str) -> Iterator[GridRow]:
    for page_number, page in enumerate(pages, start=1):
        for table_number, table in enumerate(page.extract_tables(), start=1):
            for row_number, row in enumerate(table, start=1):
                where = f"{name} 第 {page_number} 页表格 {table_number} 第 {row_number} 行"
                yield GridRow(row_number, where, [cell or "" for cell in row])


def _pdftotext(path: Path) -> str:
    try:
        done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=False, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise UsageError(f"pdftotext 无法读取 {path}：{error}") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip() or f"退出码 {done.returncode}"
        raise UsageError(f"pdftotext 无法读取 {path}：{message}")
    return done.stdout.decode("utf-8", "replace")
