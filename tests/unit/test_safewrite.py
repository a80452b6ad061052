"""safewrite: locked, atomic updates that never lose what is on disk."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from gkcli.errors import DataError, WriteError
from gkcli.safewrite import locked, read_text, update_file, write_atomic


def test_a_new_file_is_created_and_edit_sees_none(tmp_path: Path) -> None:
    seen: list[str | None] = []
    path = tmp_path / "a.yaml"

    def edit(current: str | None) -> str:
        seen.append(current)
        return "unit: a\n"

    update = update_file(path, edit)
    assert (seen, update.before, update.after) == ([None], None, "unit: a\n")
    assert path.read_text(encoding="utf-8") == "unit: a\n"


def test_edit_builds_on_what_is_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("one\n", encoding="utf-8")
    update_file(path, lambda current: (current or "") + "two\n")
    assert path.read_text(encoding="utf-8") == "one\ntwo\n"


def test_bom_and_crlf_of_the_old_file_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"\xef\xbb\xbfone\r\n")
    update = update_file(path, lambda current: (current or "") + "two\n")
    assert update.before == "one\n"
    assert path.read_bytes() == b"\xef\xbb\xbfone\r\ntwo\r\n"
    assert read_text(path) == "one\ntwo\n"


def test_permissions_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("one\n", encoding="utf-8")
    path.chmod(0o640)
    update_file(path, lambda current: "two\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_refusing_edit_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "a.yaml"
    path.write_text("one\n", encoding="utf-8")

    def refuse(current: str | None) -> str:
        raise WriteError("no")

    with pytest.raises(WriteError):
        update_file(path, refuse)
    assert path.read_text(encoding="utf-8") == "one\n"
    assert sorted(item.name for item in folder.iterdir()) == [".a.yaml.lock", "a.yaml"]


def test_expected_text_that_no_longer_matches_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("changed by someone\n", encoding="utf-8")
    with pytest.raises(WriteError, match="在您读取之后已被修改"):
        update_file(path, lambda current: "mine\n", expected="what I read\n")
    assert path.read_text(encoding="utf-8") == "changed by someone\n"
    update_file(path, lambda current: "mine\n", expected="changed by someone\n")
    assert path.read_text(encoding="utf-8") == "mine\n"


def test_a_locked_file_makes_the_writer_wait_then_give_up(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    with locked(path), pytest.raises(WriteError, match="正被其他 gk 进程写入"):
        update_file(path, lambda current: "x\n", timeout=0.2)
    assert not path.exists()


def test_an_undecodable_file_is_a_data_error(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes("单位".encode("gbk"))
    with pytest.raises(DataError, match="不是 UTF-8"):
        update_file(path, lambda current: "x\n")


def test_write_atomic_reports_a_full_disk_and_cleans_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "a.xlsx"
    path.write_bytes(b"old")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(WriteError, match="磁盘空间不足；原文件未改动"):
        write_atomic(path, b"new")
    assert path.read_bytes() == b"old"
    assert [item.name for item in folder.iterdir()] == ["a.xlsx"]


def test_write_atomic_refuses_when_the_target_changed(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"theirs")
    with pytest.raises(WriteError, match="在写入期间被其他程序修改"):
        write_atomic(path, b"mine", unchanged=b"what I read")
    assert path.read_bytes() == b"theirs"
    with pytest.raises(WriteError):
        write_atomic(path, b"mine", unchanged=None)  # expected no file at all
    write_atomic(path, b"mine", unchanged=b"theirs")
    assert path.read_bytes() == b"mine"
