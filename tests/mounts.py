"""Real full and read-only disks for the write-fault tests (skipped where mounting is not allowed)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import DATA


def mount(*args: str) -> bool:
    return os.geteuid() == 0 and subprocess.run(["mount", *args], capture_output=True, check=False).returncode == 0


@contextmanager
def tiny_disk(folder: Path) -> Iterator[Path]:
    """A real 96 KiB tmpfs at `folder` holding the register and units files."""
    folder.mkdir()
    if not mount("-t", "tmpfs", "-o", "size=96k", "tmpfs", str(folder)):
        pytest.skip("mounting a tmpfs needs root and mount privileges")
    try:
        for name in ("units.yaml", "tasks-2024.yaml"):
            shutil.copyfile(DATA / name, folder / name)
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


@contextmanager
def read_only_view(source: Path, folder: Path) -> Iterator[Path]:
    """`source` seen read-only at `folder` through a bind mount."""
    folder.mkdir()
    if not mount("--bind", str(source), str(folder)):
        pytest.skip("bind mounts need root and mount privileges")
    try:
        if not mount("-o", "remount,ro,bind", str(folder)):
            pytest.skip("read-only remount not allowed")
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)
