"""Which reader reads a source file, chosen by its suffix."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from gkcli.errors import UsageError
from gkcli.importer.rows import SourceList

OLD_FORMATS = {".doc": ".docx", ".wps": ".docx", ".xls": ".xlsx", ".et": ".xlsx"}
TEXT_ENCODINGS = ("utf-8-sig", "gb18030")


def read_txt(path: Path) -> SourceList:
    from gkcli.importer.pdftext import read_text

    return read_text(decode(path.read_bytes(), path), path.name)


def read_pdf(path: Path) -> SourceList:
    from gkcli.importer.pdf import read_pdf as read

    return read(path)


def read_docx(path: Path) -> SourceList:
    from gkcli.importer.word import read_docx as read

    return read(path)


def read_xlsx(path: Path) -> SourceList:
    from gkcli.importer.excel import read_xlsx as read

    return read(path)


READERS: dict[str, Callable[[Path], SourceList]] = {".txt": read_txt, ".pdf": read_pdf, ".docx": read_docx, ".xlsx": read_xlsx}


def decode(data: bytes, path: Path) -> str:
    """Text in UTF-8 (with or without BOM) or GB18030/GBK, as Chinese offices save it."""
    for encoding in TEXT_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UsageError(f"{path} 不是 UTF-8 或 GBK 编码的文本文件")


def read_source(path: Path) -> SourceList:
    """The rows of the list in `path`; an unreadable or empty source is a usage error."""
    if not path.is_file():
        raise UsageError(f"文件不存在：{path}")
    suffix = path.suffix.lower()
    if suffix in OLD_FORMATS:
        raise UsageError(f"不支持旧的 {suffix} 格式：请先用 Word/WPS/Excel 另存为 {OLD_FORMATS[suffix]} 再导入")
    if suffix not in READERS:
        raise UsageError(f"不支持的文件类型“{suffix or path.name}”：可导入 .txt（PDF 提取的文本）、.pdf、.docx、.xlsx")
    try:
        found = READERS[suffix](path)
    except OSError as error:
        raise UsageError(f"无法读取 {path}：{error.strerror or error}") from None
    if not found.rows:
        raise UsageError(f"在 {path} 中找不到任务行：需要一张表头含“责任单位”“完成时间”（或“完成时限”“时限要求”）等列的清单")
    return found
