"""The sent-log: what was delivered to which unit, through which channel, in which reminder period.

It lives in a state directory outside the repository (default $XDG_STATE_HOME/gk, else
~/.local/state/gk), so clerks' checkouts stay clean and the log is not shared by accident. Every
record is written at once, atomically (temporary file + rename), so a crash mid-run never loses
what was already sent; a lock keeps two runs from sending at the same time.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from gkcli.errors import DataError, Problem, UsageError, WriteError
from gkcli.safewrite import write_atomic

LOG_FILE = "sent-log.json"
LOCK_FILE = "sent-log.lock"


def default_state_dir(environ: Mapping[str, str], home: Path) -> Path:
    """$XDG_STATE_HOME/gk when that is an absolute path (XDG Base Directory spec), else ~/.local/state/gk."""
    xdg = environ.get("XDG_STATE_HOME", "")
    return (Path(xdg) if os.path.isabs(xdg) else home / ".local" / "state") / "gk"


class SentLog:
    """Records keyed by (unit id, period, channel); the newest record of a key wins."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / LOG_FILE
        self.records = self._read()

    def _read(self) -> dict[tuple[str, str, str], dict[str, Any]]:
        if not self.path.exists():
            return {}
        try:
            entries = json.loads(self.path.read_text(encoding="utf-8"))["sent"]
            return {(entry["unit_id"], entry["period"], entry["channel"]): entry for entry in entries}
        except (OSError, ValueError, KeyError, TypeError) as error:
            message = f"发送记录无法读取（{error}）；确认无误后可删除此文件，但本周已发送的提醒可能会重发"
            raise DataError([Problem(str(self.path), 1, 1, message)]) from None

    def find(self, unit_id: str, period: str, channel: str) -> dict[str, Any] | None:
        return self.records.get((unit_id, period, channel))

    def record(self, unit_id: str, period: str, channel: str, digest_hash: str, sent_at: str) -> None:
        entry = {"unit_id": unit_id, "period": period, "channel": channel, "hash": digest_hash, "sent_at": sent_at}
        self.records[(unit_id, period, channel)] = entry
        self._write()

    def _write(self) -> None:
        entries = sorted(self.records.values(), key=lambda entry: (entry["period"], entry["unit_id"], entry["channel"]))
        text = json.dumps({"version": 1, "sent": entries}, ensure_ascii=False, indent=1) + "\n"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise WriteError(f"无法写入发送记录 {self.path}：{error.strerror or error}") from None
        write_atomic(self.path, text.encode("utf-8"))


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold the state directory's lock; a second concurrent run is refused instead of double-sending."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: no lock, runs are expected to be scheduled once
        yield
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = (folder / LOCK_FILE).open("a")
    except OSError as error:
        raise WriteError(f"无法使用状态目录 {folder}：{error.strerror or error}") from None
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise UsageError(f"另一个 gk remind --send 正在使用 {folder}，请稍后再试") from None
        yield
