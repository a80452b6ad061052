"""Writing the files an import produces: never over an existing file unless asked, never half-written."""

from __future__ import annotations

import os
from pathlib import Path

from gkcli.errors import UsageError, WriteError


def check_target(path: Path, *, force: bool, option: str) -> None:
    """Refuse, before anything is written, a target that exists (without --force) or cannot be a file."""
    if path.is_dir():
        raise UsageError(f"{option} 指向的是目录：{path}，请给出文件名")
    if not path.parent.is_dir():
        raise UsageError(f"{option} 的目录不存在：{path.parent}")
    if path.exists() and not force:
        raise UsageError(f"文件已存在：{path}（确认要覆盖请加 --force）")


def write_atomic(path: Path, text: str) -> None:
    """Write to a temporary file beside `path`, then rename it over `path` in one step."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("x", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise WriteError(f"无法写入 {path}：{error.strerror or error}；原有文件（如有）保持不变") from None
