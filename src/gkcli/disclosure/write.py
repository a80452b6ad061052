"""Writing a unit's request file: readable YAML, under a lock, replaced atomically.

The new text is parsed back and compared with what was meant before it replaces the old file, and
the old file is replaced in one step (a temporary file, then os.replace), so an interrupted write
never leaves half a file. The file's leading comment lines are kept.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from gkcli.disclosure.files import Filed
from gkcli.disclosure.model import Request, RequestsFile
from gkcli.errors import WriteError
from gkcli.importer.writer import flow_scalar, scalar
from gkcli.load import load_text

REQUEST_KEYS = ("id", "title", "received", "extended", "consults", "supplement_asked", "supplement_received", "answered", "note")
LOCK_NAME = ".lock"
IGNORE_TEXT = "# gk request 写入时使用的锁文件，不纳入版本管理\n.lock\n"
LOCK_WAIT_SECONDS = 10.0


def requests_yaml(filed: Filed, default_header: str) -> str:
    """The text of a request file: header comments, then one block per request."""
    lines = filed.header or [f"# {line}" for line in default_header.splitlines()]
    lines.append("requests:" if filed.requests else "requests: []")
    for index, request in enumerate(filed.requests):
        lines.extend(([""] if index else []) + _request_lines(request))
    return "\n".join(lines) + "\n"


def _request_lines(request: Request) -> list[str]:
    data = request.model_dump(by_alias=True, exclude_none=True, exclude_defaults=True)
    data["id"] = request.id
    body = []
    for key in REQUEST_KEYS:
        if key == "consults" and key in data:
            body.append("consults:")
            body.extend(f"  - {{{_flow(consult)}}}" for consult in data[key])
        elif key in data:
            body.append(f"{key}: {_value(data[key])}")
    return [f"  - {body[0]}", *(f"    {line}" for line in body[1:])]


def _value(value: Any) -> str:
    """One line whatever the text: a string with line breaks becomes a double-quoted scalar."""
    if isinstance(value, str) and not value.isprintable():
        return json.dumps(value, ensure_ascii=False)
    return scalar(value)


def _flow(mapping: dict[str, Any]) -> str:
    return ", ".join(f"{key}: {flow_scalar(value)}" for key, value in mapping.items())


def save(filed: Filed, default_header: str) -> None:
    """Write `filed` to its path, after checking that the text reads back as the same requests."""
    text = requests_yaml(filed, default_header)
    doc = load_text(text, str(filed.path))
    if doc.problems or RequestsFile.model_validate(doc.data).requests != filed.requests:
        raise WriteError(f"生成的 {filed.path} 内容无法原样读回，未写入（原文件保持不变）；请把此情况告知维护者")
    write_atomically(filed.path, text)


def write_atomically(path: Path, text: str) -> None:
    """Replace `path` with `text` in one step; on failure the old file is intact."""
    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", delete=False) as handle:
            temporary = handle.name
            handle.write(text)
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
    """Hold the year folder's lock: one gk writes requests at a time, others wait a little."""
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
