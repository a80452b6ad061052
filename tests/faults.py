"""Write faults for the progress and request tests: a full disk, a read-only file system, a file
edited by another program during the write (simulated), a writer killed before its rename, many
writers at once, and real full and read-only mounts (skipped where mounting is not allowed)."""

from __future__ import annotations

import errno
import multiprocessing
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DATA

KILL_BEFORE_RENAME = """
import os, signal, sys
def killed(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)
os.replace = killed
sys.argv = ["gk", *sys.argv[1:]]
from gkcli.__main__ import main
main()
"""


def killed_before_rename(*args: str) -> subprocess.CompletedProcess[str]:
    """`gk args…` in a process that is killed (SIGKILL) just as it would rename its temporary file."""
    return subprocess.run([sys.executable, "-c", KILL_BEFORE_RENAME, *args], capture_output=True, text=True, check=False)


def all_at_once(writer: Callable[..., None], arguments: Sequence[tuple[Any, ...]]) -> list[int | None]:
    """Run `writer(*args, barrier)` in one forked process per entry, released together; their exit codes."""
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(len(arguments))
    processes = [context.Process(target=writer, args=(*args, barrier)) for args in arguments]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=300)
    return [process.exitcode for process in processes]


def leftovers(folder: Path) -> list[Path]:
    """Temporary files a write left behind."""
    return list(folder.glob("*.tmp"))


def disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every fsync fails as on a full disk."""

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)


def read_only_below(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening anything under `folder` for writing fails as on a read-only file system."""
    real_open = os.open

    def read_only(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if str(path).startswith(str(folder)) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(errno.EROFS, "Read-only file system")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", read_only)


def edited_during_write(path: Path, text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """An editor that knows nothing of gk's locks saves `text` to `path` while gk writes its temporary file."""
    real_fsync = os.fsync

    def editor_saves_meanwhile(fd: int) -> None:
        path.write_text(text, encoding="utf-8")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", editor_saves_meanwhile)


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
