"""Writes that never lose data: atomic replacement, an exclusive lock, and a last look before the rename.

`update_file(path, edit)` is for small text files that several `gk` processes and people edit:
it takes a lock (a hidden `.NAME.lock` file beside the target), re-reads the file under the lock,
lets `edit` compute the new text from what is on disk *now*, writes it to a temporary file in the
same directory, fsyncs it and renames it over the target. Just before the rename the target is
read once more: if someone changed it without the lock (an editor, a `git pull`), nothing is
written and WriteError says so. Any failure leaves the previous file as it was. A UTF-8 BOM and
CRLF line endings of an existing file are kept, so a hand-edited file does not change wholesale.
"""

from __future__ import annotations

import codecs
import errno
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from gkcli.errors import DataError, WriteError
from gkcli.yamlerrors import encoding_problem

LOCK_TIMEOUT = 60.0


class _Unset:
    """The default of an optional check that was not asked for."""


_UNSET = _Unset()

REASONS = {
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "超出磁盘配额",
    errno.EROFS: "文件系统是只读的",
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限",
    errno.ENOENT: "所在目录不存在",
    errno.ENOTDIR: "所在路径不是目录",
}


@dataclass(frozen=True)
class Update:
    """What `update_file` did: the text before (None: the file was new) and after."""

    before: str | None
    after: str


def write_failure(path: Path, error: OSError) -> WriteError:
    reason = REASONS.get(error.errno or 0) or error.strerror or str(error)
    return WriteError(f"无法写入 {path}：{reason}；原文件未改动")


@contextmanager
def locked(path: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the exclusive lock of `path` (other gk processes wait; the lock dies with the process)."""
    lock_path = path.with_name(f".{path.name}.lock")
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as error:
        raise write_failure(path, error) from None
    try:
        _acquire(fd, path, timeout)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _acquire(fd: int, path: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not _try_lock(fd):
        if time.monotonic() > deadline:
            raise WriteError(f"{path} 正被其他 gk 进程写入，等待 {timeout:.0f} 秒仍未结束；请稍后重试")
        time.sleep(0.01)


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


def read_bytes(path: Path) -> bytes | None:
    """The file's bytes, or None when it does not exist."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def read_text(path: Path) -> str | None:
    """The file's text as `update_file` hands it to `edit` (no BOM, LF line endings), or None."""
    raw = read_bytes(path)
    return None if raw is None else _decode(raw, path)


def _decode(raw: bytes, path: Path) -> str:
    try:
        return raw.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError as error:
        raise DataError([encoding_problem(raw, error, str(path))]) from None


def _encode(text: str, like: bytes | None) -> bytes:
    """`text` as bytes with the BOM and line endings of the file it replaces."""
    if like is not None and b"\r\n" in like:
        text = text.replace("\n", "\r\n")
    data = text.encode("utf-8")
    return codecs.BOM_UTF8 + data if like is not None and like.startswith(codecs.BOM_UTF8) else data


def write_atomic(path: Path, data: bytes, *, unchanged: bytes | _Unset | None = _UNSET) -> None:
    """Replace `path` with `data` atomically (temp file in the same directory, fsync, rename).

    With `unchanged`, the target must still hold exactly those bytes (None: must not exist) right
    before the rename; otherwise nothing is written.
    """
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise write_failure(path, error) from None
    try:
        with open(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, _mode_for(path))
        if not isinstance(unchanged, _Unset) and read_bytes(path) != unchanged:
            raise WriteError(f"{path} 在写入期间被其他程序修改（未使用 gk 的文件锁）；本次未写入，对方的修改已保留，请重新运行命令")
        os.replace(temp, path)
    except OSError as error:
        _discard(temp)
        raise write_failure(path, error) from None
    except BaseException:
        _discard(temp)
        raise
    _sync_directory(path.parent)


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0666 less the umask."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _discard(temp: str) -> None:
    with suppress(OSError):
        os.unlink(temp)


def _sync_directory(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a failure here cannot lose the new file's content."""
    if sys.platform == "win32":  # pragma: no cover
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def update_file(
    path: Path,
    edit: Callable[[str | None], str],
    *,
    expected: str | _Unset | None = _UNSET,
    timeout: float = LOCK_TIMEOUT,
) -> Update:
    """Lock `path`, re-read it, write `edit(current text or None)` atomically; return before/after.

    `edit` runs on what is on disk under the lock, so concurrent gk writers are serialised and
    each one builds on the others' work; it may raise to refuse. With `expected` (the text the
    caller showed the user, None for "no file"), a file that has changed since is refused instead.
    """
    with locked(path, timeout):
        raw = read_bytes(path)
        before = None if raw is None else _decode(raw, path)
        if not isinstance(expected, _Unset) and before != expected:
            raise WriteError(f"{path} 在您读取之后已被修改；本次未写入，请重新查看后再操作")
        after = edit(before)
        write_atomic(path, _encode(after, raw), unchanged=raw)
    return Update(before, after)
