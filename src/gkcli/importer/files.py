"""Where an import may write: never over an existing file unless asked (gkcli.safewrite writes it)."""

from __future__ import annotations

from pathlib import Path

from gkcli.errors import UsageError


def check_target(path: Path, *, force: bool, option: str) -> None:
    """Refuse, before anything is written, a target that exists (without --force) or cannot be a file."""
    if path.is_dir():
        raise UsageError(f"{option} 指向的是目录：{path}，请给出文件名")
    if not path.parent.is_dir():
        raise UsageError(f"{option} 的目录不存在：{path.parent}")
    if path.exists() and not force:
        raise UsageError(f"文件已存在：{path}（确认要覆盖请加 --force）")
