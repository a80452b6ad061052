"""Rows of a task list from the tables of a Word .docx file (python-docx, the [import] extra)."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from gkcli.errors import UsageError
from gkcli.importer.rows import SourceList
from gkcli.importer.table import GridRow, read_grid

INSTALL_HINT = "读取 .docx 需要 python-docx：pip install 'gkcli[import]'（或 pip install python-docx）"


def read_docx(path: Path) -> SourceList:
    """Every table of the document in order; the title may be a paragraph above them."""
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:
        raise UsageError(INSTALL_HINT) from None
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise UsageError(f"无法读取 Word 文件 {path}：文件已损坏或不是 .docx 格式（{error}）") from None
    titles = [paragraph.text for paragraph in document.paragraphs]
    return read_grid(_grid(document, path.name), titles)


def _grid(document: Any, name: str) -> Iterator[GridRow]:
    for table_number, table in enumerate(document.tables, start=1):
        for row_number, row in enumerate(table.rows, start=1):
            # Merged cells come back once per grid column they span, so a merged category
            # cell repeats its text on every row it covers.
            cells = [""] * row.grid_cols_before + [cell.text for cell in row.cells]
            yield GridRow(row_number, f"{name} 表格 {table_number} 第 {row_number} 行", cells)
