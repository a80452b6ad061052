"""The cache answers only for unchanged files, and only from a directory that is ours alone."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gkcli import cache
from gkcli.cache import Cache

POSIX = hasattr(os, "getuid")


@pytest.fixture
def store(tmp_path: Path) -> Cache:
    opened = Cache.open({"GK_CACHE_DIR": str(tmp_path / "cache")})
    assert opened is not None
    return opened


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "tasks-2024.yaml"
    path.write_text("year: 2024\n", encoding="utf-8")
    return path


def age(path: Path, seconds: int = 60) -> None:
    """Make `path` look written `seconds` ago, so that its times can be trusted (not racy)."""
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns - seconds * 1_000_000_000))


def put(store: Cache, sources: list[Path], data: object) -> None:
    store.put([cache.stamp(path) for path in sources], data)


def test_unchanged_file_is_served(store: Cache, source: Path) -> None:
    age(source)
    put(store, [source], ["plain", 1, None, ("tuple",)])
    assert store.get([source]) == ["plain", 1, None, ("tuple",)]


def test_edited_file_is_a_miss(store: Cache, source: Path) -> None:
    age(source)
    put(store, [source], "old")
    source.write_text("year: 2025\n", encoding="utf-8")
    assert store.get([source]) is None


def test_times_are_trusted_only_well_after_the_file_was_written(source: Path) -> None:
    """A same-size edit within one timestamp tick leaves every stat field equal; only the content tells."""
    path, size, mtime_ns, ctime_ns, inode, _ = cache.stamp(source)
    stale = (path, size, mtime_ns, ctime_ns, inode, "digest of what the file held before")
    assert cache.unchanged(stale, written_ns=mtime_ns + cache.RACY_NS + 1)  # old enough: times decide
    assert not cache.unchanged(stale, written_ns=mtime_ns + 1_000_000)  # racy: content decides
    assert not cache.unchanged(stale, written_ns=mtime_ns - 1_000_000)  # file newer than the entry


def test_touched_but_unchanged_file_is_still_served(store: Cache, source: Path) -> None:
    age(source)
    put(store, [source], "data")
    os.utime(source)  # new times, same content: the SHA-256 decides
    assert store.get([source]) == "data"


def test_entry_for_other_files_is_not_served(store: Cache, source: Path, tmp_path: Path) -> None:
    other = tmp_path / "units.yaml"
    other.write_text("units: []\n", encoding="utf-8")
    put(store, [source], "one file")
    assert store.get([source, other]) is None


def test_other_code_version_is_a_miss(store: Cache, source: Path) -> None:
    put(store, [source], "data")
    assert Cache(store.directory, store.key + "x").get([source]) is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: blob[: len(blob) // 2],  # truncated
        lambda blob: blob[:-3] + b"zzz",  # payload changed after writing
        lambda blob: b"\x00garbage" + blob,  # not marshal data at all
        lambda blob: b"",
    ],
)
def test_corrupt_entry_is_ignored_and_rebuilt(store: Cache, source: Path, damage: object) -> None:
    put(store, [source], ["data"] * 100)
    entry = store.entry([source])
    entry.write_bytes(damage(entry.read_bytes()))  # type: ignore[operator]
    assert store.get([source]) is None
    put(store, [source], "rebuilt")
    assert store.get([source]) == "rebuilt"


@pytest.mark.skipif(not POSIX, reason="permissions are POSIX")
def test_group_or_world_writable_directory_is_not_used(tmp_path: Path) -> None:
    directory = tmp_path / "shared"
    directory.mkdir()
    directory.chmod(0o777)
    assert Cache.open({"GK_CACHE_DIR": str(directory)}) is None
    directory.chmod(0o770)
    assert Cache.open({"GK_CACHE_DIR": str(directory)}) is None
    directory.chmod(0o755)
    assert Cache.open({"GK_CACHE_DIR": str(directory)}) is not None


@pytest.mark.skipif(not POSIX or os.getuid() != 0, reason="changing a directory's owner needs root")
def test_directory_owned_by_someone_else_is_not_used(tmp_path: Path) -> None:
    directory = tmp_path / "theirs"
    directory.mkdir(mode=0o700)
    os.chown(directory, 12345, -1)
    assert Cache.open({"GK_CACHE_DIR": str(directory)}) is None


@pytest.mark.skipif(not POSIX, reason="permissions are POSIX")
def test_entry_writable_by_others_is_not_trusted(store: Cache, source: Path) -> None:
    age(source)
    put(store, [source], "data")
    store.entry([source]).chmod(0o666)
    assert store.get([source]) is None


@pytest.mark.skipif(not POSIX, reason="symbolic links and permissions are POSIX")
def test_symlinked_directory_or_entry_is_not_followed(tmp_path: Path, store: Cache, source: Path) -> None:
    link = tmp_path / "link"
    link.symlink_to(store.directory)
    assert Cache.open({"GK_CACHE_DIR": str(link)}) is None
    age(source)
    put(store, [source], "data")
    entry = store.entry([source])
    real = entry.with_name("real.entry")
    entry.rename(real)
    entry.symlink_to(real)
    assert store.get([source]) is None


def test_new_directory_is_private(tmp_path: Path) -> None:
    opened = Cache.open({"GK_CACHE_DIR": str(tmp_path / "a" / "gk")})
    assert opened is not None
    if POSIX:
        assert opened.directory.stat().st_mode & 0o777 == 0o700


def test_switched_off_by_environment(tmp_path: Path) -> None:
    environ = {"GK_CACHE_DIR": str(tmp_path / "cache")}
    assert Cache.open({**environ, "GK_NO_CACHE": "1"}) is None
    assert Cache.open({**environ, "GK_NO_CACHE": "0"}) is not None
    assert Cache.open({**environ, "GK_NO_CACHE": ""}) is not None


def test_default_location_follows_xdg(tmp_path: Path) -> None:
    assert cache.default_dir({"XDG_CACHE_HOME": str(tmp_path)}) == tmp_path / "gk"
    assert cache.default_dir({"XDG_CACHE_HOME": "relative/ignored"}) == Path.home() / ".cache" / "gk"
    assert cache.default_dir({"GK_CACHE_DIR": str(tmp_path / "x"), "XDG_CACHE_HOME": str(tmp_path)}) == tmp_path / "x"


def test_unwritable_directory_only_loses_the_cache(store: Cache, source: Path) -> None:
    store.directory.chmod(0o500)
    try:
        put(store, [source], "data")  # must not raise
    finally:
        store.directory.chmod(0o700)
    if POSIX and os.getuid() != 0:  # root writes anyway
        assert store.get([source]) is None


def test_equal_strings_are_stored_once(store: Cache, source: Path) -> None:
    age(source)
    names = ["".join(["市政", "数局"]) for _ in range(1000)]  # equal, but distinct objects
    put(store, [source], [names, ("市政数局", ["市政数局"])])
    small = store.entry([source]).stat().st_size
    assert small < 1000 * len("市政数局".encode())
    loaded = store.get([source])
    assert loaded == [names, ("市政数局", ["市政数局"])]
    assert len({id(name) for name in loaded[0]}) == 1


def test_data_from_the_cache_equals_the_parsed_data(tmp_path: Path) -> None:
    from gkcli.data import load_data
    from tests.conftest import DATA

    environ = {"GK_CACHE_DIR": str(tmp_path / "cache")}
    parsed = load_data(DATA, environ=environ)
    assert len(list((tmp_path / "cache").glob("*.entry"))) == 1
    cached = load_data(DATA, environ=environ)
    assert cached.register is not parsed.register
    assert cached.register == parsed.register
    assert (cached.directory.units, cached.directory.groups, cached.directory.keys) == (
        parsed.directory.units,
        parsed.directory.groups,
        parsed.directory.keys,
    )
    assert cached.directory.lookup("市政府各相关部门(单位)") == parsed.directory.lookup("市政府各相关部门（单位）") is not None
