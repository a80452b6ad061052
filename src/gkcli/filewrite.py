"""Writing files safely: atomic replacement (temporary file, fsync, os.replace) and a folder lock.

An interrupted write never leaves half a file, and a failure leaves the old file as it was.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from gkcli.errors import WriteError

LOCK_NAME = ".lock"
IGNORE_TEXT = "# gk 写入时使用的锁文件，不纳入版本管理\n.lock\n"
LOCK_WAIT_SECONDS = 10.0


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step; on failure the old file is intact."""
    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=f".{path.name}.", delete=False) as handle:
            temporary = handle.name
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, _mode(path))
        os.replace(temporary, path)
        temporary = None
    except OSError as error:
        raise WriteError(f"无法写入 {path}：{error.strerror or error}（原文件保持不变）") from None
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def _mode(path: Path) -> int:
    """The permissions of the file being replaced, or those a new file would get (not 0600)."""
    if path.exists():
        return path.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold `folder`'s lock: one gk writes there at a time, others wait a little.

    The lock file (.lock) stays; a .gitignore beside the folder keeps it out of version control.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
        ignore = folder.parent / ".gitignore"
        if not ignore.exists():
            ignore.write_text(IGNORE_TEXT, encoding="utf-8")
        handle = (folder / LOCK_NAME).open("a+b")
    except OSError as error:
        raise WriteError(f"无法在 {folder} 中建立锁文件：{error.strerror or error}") from None
    with handle:
        _acquire(handle, folder)
        try:
            yield
        finally:
            _release(handle)


def _acquire(handle: IO[bytes], folder: Path) -> None:
    give_up = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            _try_lock(handle)
            return
        except OSError:
            if time.monotonic() > give_up:
                raise WriteError(f"{folder} 正由另一个 gk 命令写入，等待 {LOCK_WAIT_SECONDS:.0f} 秒后仍未结束；请稍后重试") from None
            time.sleep(0.05)


if sys.platform == "win32":
    import msvcrt

    def _try_lock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _release(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _release(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
