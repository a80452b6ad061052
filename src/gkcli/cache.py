"""A private on-disk cache of validated data, so that a query need not parse and validate again.

An entry stores plain data (str, int, None, lists and tuples, written with marshal; never pickle)
together with what it was made from: the size, times and SHA-256 of every source file, and a key
naming gk's version and code, Python's version and the records' layout. An entry is used only
while every source file is unchanged: same size and times (unless the file changed within
RACY_NS of the entry being written, when times cannot be trusted), or else the same SHA-256.

The cache directory must be a real directory owned by the user and not writable by group or
others; each entry must be too (checked on the open file). Anything else, and any unreadable,
truncated or corrupt entry, is ignored and rebuilt: the cache can make gk faster, never wrong.
"""

from __future__ import annotations

import marshal
import os
import stat
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FORMAT = 1
RACY_NS = 3_000_000_000  # coarser than any common file system's timestamps (FAT: 2 s)
ENV_DIR = "GK_CACHE_DIR"
ENV_OFF = "GK_NO_CACHE"

Stamp = tuple[str, int, int, int, int, str]  # path, size, mtime_ns, ctime_ns, inode, sha256


def enabled(environ: Mapping[str, str]) -> bool:
    """False when GK_NO_CACHE is set to anything but "" or "0" (`gk --no-cache` sets it)."""
    return environ.get(ENV_OFF, "") in ("", "0")


def default_dir(environ: Mapping[str, str]) -> Path:
    """$GK_CACHE_DIR, else $XDG_CACHE_HOME/gk, else ~/.cache/gk."""
    if environ.get(ENV_DIR):
        return Path(environ[ENV_DIR])
    xdg = environ.get("XDG_CACHE_HOME", "")
    base = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".cache"
    return base / "gk"


def is_private(info: os.stat_result) -> bool:
    """Owned by the current user and not writable by group or others (always true where there are no uids)."""
    if not hasattr(os, "getuid"):
        return True
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def private_dir(path: Path) -> Path | None:
    """`path`, created with mode 0700 if missing, if it is a directory we alone can write; else None."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.mkdir(mode=0o700, exist_ok=True)
        info = os.lstat(path)
    except OSError:
        return None
    return path if stat.S_ISDIR(info.st_mode) and is_private(info) else None


def code_key() -> str:
    """gk's version, the size and time of each of its modules, and Python's version.

    An editable install changes code without changing its version; a cache filled by other code
    must not vouch for data that this code would reject.
    """
    from gkcli import __version__

    package = Path(__file__).parent
    stamps = sorted((str(path.relative_to(package)), *_times(path.stat())) for path in package.rglob("*.py"))
    return repr((FORMAT, __version__, sys.version, stamps))


def _times(info: os.stat_result) -> tuple[int, int]:
    return info.st_size, info.st_mtime_ns


def _sha256(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def stamp(path: Path) -> Stamp:
    """What a source file is now: its stat and the SHA-256 of its content (raises OSError)."""
    info = path.stat()
    return (str(path.resolve()), info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, _sha256(path.read_bytes()))


def unchanged(recorded: Stamp, written_ns: int) -> bool:
    """Whether a source file still has the content it had when the entry was written."""
    name, size, mtime_ns, ctime_ns, inode, digest = recorded
    try:
        info = os.stat(name)
        same_stat = (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino) == (size, mtime_ns, ctime_ns, inode)
        if same_stat and written_ns - mtime_ns > RACY_NS:
            return True
        return info.st_size == size and _sha256(Path(name).read_bytes()) == digest
    except OSError:
        return False


@dataclass(frozen=True)
class Cache:
    """The entries of one private cache directory, for one version of gk's code."""

    directory: Path
    key: str

    @classmethod
    def open(cls, environ: Mapping[str, str]) -> Cache | None:
        """The user's cache, or None when it is switched off or its directory is not private."""
        if not enabled(environ):
            return None
        directory = private_dir(default_dir(environ))
        return cls(directory, code_key()) if directory else None

    def entry(self, sources: Sequence[Path]) -> Path:
        """The entry file for a set of source files (one per set, replaced when they change)."""
        names = "\n".join(str(path.resolve()) for path in sources)
        return self.directory / f"{_sha256(names.encode())[:32]}.entry"

    def get(self, sources: Sequence[Path]) -> Any:
        """The data stored for `sources` if they are unchanged, else None."""
        try:
            with open(self.entry(sources), "rb", opener=_no_follow) as file:
                if not is_private(os.fstat(file.fileno())):
                    return None
                header = marshal.load(file)
                payload = file.read()
            if not isinstance(header, dict) or header.get("key") != self.key or header.get("sha256") != _sha256(payload):
                return None
            if [stamp_[0] for stamp_ in header["sources"]] != [str(path.resolve()) for path in sources]:
                return None
            if not all(unchanged(recorded, header["written_ns"]) for recorded in header["sources"]):
                return None
            return marshal.loads(payload)
        except (OSError, EOFError, ValueError, TypeError, KeyError):
            return None

    def put(self, stamps: list[Stamp], data: Any) -> None:
        """Store `data` as made from sources that had `stamps` when they were read; failures are ignored."""
        import tempfile

        try:
            payload = marshal.dumps(shared_strings(data, {}))
        except ValueError:  # not plain data: a bug, but the cache must not break the command
            return
        header = {"key": self.key, "sources": stamps, "written_ns": time.time_ns(), "sha256": _sha256(payload)}
        target = self.entry([Path(recorded[0]) for recorded in stamps])
        try:
            handle, temporary = tempfile.mkstemp(dir=self.directory, prefix=".new-")
        except OSError:
            return
        try:
            with os.fdopen(handle, "wb") as file:
                marshal.dump(header, file)
                file.write(payload)
            os.replace(temporary, target)
        except OSError:
            Path(temporary).unlink(missing_ok=True)


def shared_strings(data: Any, seen: dict[str, str]) -> Any:
    """`data` with equal strings made one object: marshal then writes each once and reads it back once.

    A register repeats unit names, cells and deadline phrases thousands of times; for 10,000
    tasks this made the entry 40 % smaller and reading it twice as fast.
    """
    if type(data) is str:
        return seen.setdefault(data, data)
    if type(data) in (list, tuple):
        return type(data)(shared_strings(item, seen) for item in data)
    return data


def _no_follow(path: str, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NOFOLLOW", 0))
