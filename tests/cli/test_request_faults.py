"""Faults during request writes (gk request …): a killed writer, read-only and full disks, a file
changed underneath, and fifty writer processes at once. The previous file always survives intact
and the clerk is told what happened (exit 3 for a failed write)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests import faults
from tests.conftest import gk
from tests.faults import leftovers


def request_file(data: Path, unit: str = "zhengfuban") -> Path:
    return data / "requests" / "2024" / f"{unit}.yaml"


def ids(path: Path) -> list[str]:
    return [request["id"] for request in yaml.safe_load(path.read_text(encoding="utf-8"))["requests"]]


def add(data: Path, received: str, *more: str, code: int = 0) -> Any:
    return gk("request", "add", "--unit", "市政府办", "--received", received, "--data", str(data), *more, code=code)


@pytest.fixture
def one_request(data_copy: Path) -> Path:
    add(data_copy, "2024-03-01")
    return request_file(data_copy)


def test_a_writer_killed_between_temp_file_and_rename_leaves_the_old_file(one_request: Path) -> None:
    data = one_request.parents[2]
    before = one_request.read_bytes()
    args = ["request", "add", "--unit", "市政府办", "--received", "2024-03-04", "--data", str(data)]
    child = faults.killed_before_rename(*args)
    assert child.returncode == -signal.SIGKILL
    assert one_request.read_bytes() == before
    (temp,) = leftovers(one_request.parent)  # the kill came after the temporary file was written in full
    assert "zhengfuban-002" in temp.read_text(encoding="utf-8")
    gk("validate", str(data))
    add(data, "2024-03-04")  # the dead writer's locks are gone
    assert ids(one_request) == ["zhengfuban-001", "zhengfuban-002"]


def test_a_full_disk_leaves_the_old_file_and_says_so(one_request: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = one_request.read_bytes()
    faults.disk_full(monkeypatch)
    run = gk("request", "answer", "zhengfuban-001", "--on", "2024-03-20", "--data", str(one_request.parents[2]), code=3)
    assert run.stderr == f"错误：无法写入 {one_request}：磁盘空间不足；原文件未改动\n"
    assert one_request.read_bytes() == before
    assert leftovers(one_request.parent) == []


def test_a_read_only_file_system_is_reported(one_request: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = one_request.read_bytes()
    data = one_request.parents[2]
    faults.read_only_below(data, monkeypatch)
    run = gk("request", "extend", "zhengfuban-001", "--on", "2024-03-20", "--data", str(data), code=3)
    assert run.stderr == f"错误：无法写入 {one_request.parent}：文件系统是只读的；原文件未改动\n"  # the year's lock is taken first
    assert one_request.read_bytes() == before


def test_a_file_changed_on_disk_during_the_write_is_not_overwritten(one_request: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    saved_by_editor = one_request.read_text(encoding="utf-8") + "    note: 记事本里加的备注\n"
    faults.edited_during_write(one_request, saved_by_editor, monkeypatch)
    run = gk("request", "answer", "zhengfuban-001", "--on", "2024-03-20", "--data", str(one_request.parents[2]), code=3)
    assert run.stderr == (
        f"错误：{one_request} 在写入期间被其他程序修改（未使用 gk 的文件锁）；本次未写入，对方的修改已保留，请重新运行命令\n"
    )
    assert one_request.read_text(encoding="utf-8") == saved_by_editor
    assert leftovers(one_request.parent) == []


def editor_first(monkeypatch: pytest.MonkeyPatch, path: Path, text: str) -> None:
    """Someone saves `text` into `path` after gk has read the year's files and before its locked write."""
    from gkcli.disclosure import write

    real_update = write.update_file

    def saved_meanwhile(target: Path, edit: Any, **options: Any) -> Any:
        path.write_text(text, encoding="utf-8")
        return real_update(target, edit, **options)

    monkeypatch.setattr(write, "update_file", saved_meanwhile)


def test_a_request_added_by_hand_since_the_read_is_kept(one_request: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    by_hand = one_request.read_text(encoding="utf-8") + "  - id: SZF-7\n    received: 2024-03-02\n"
    editor_first(monkeypatch, one_request, by_hand)
    add(one_request.parents[2], "2024-03-04")
    assert ids(one_request) == ["zhengfuban-001", "SZF-7", "zhengfuban-002"]


def test_a_change_to_the_same_request_since_the_read_is_refused(one_request: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    by_hand = one_request.read_text(encoding="utf-8") + "    answered: 2024-03-15\n"
    editor_first(monkeypatch, one_request, by_hand)
    run = gk("request", "extend", "zhengfuban-001", "--on", "2024-03-20", "--data", str(one_request.parents[2]), code=3)
    assert run.stderr == "错误：申请 zhengfuban-001 所在的文件在读取之后被其他程序修改；本次未写入，对方的修改已保留，请重新运行命令\n"
    assert one_request.read_text(encoding="utf-8") == by_hand


def test_a_file_broken_by_hand_since_the_read_is_not_overwritten(one_request: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = one_request.read_text(encoding="utf-8") + "    answerd: 2024-03-15\n"
    editor_first(monkeypatch, one_request, broken)
    run = add(one_request.parents[2], "2024-03-04", code=1)
    assert "申请 zhengfuban-001：未知字段“answerd”：您是不是要写“answered”？" in run.stderr
    assert one_request.read_text(encoding="utf-8") == broken


def _writer(data: Any, unit: str, day: int, barrier: Any) -> None:
    from gkcli.disclosure.actions import add as add_request

    barrier.wait(timeout=60)
    add_request(data, unit, dt.date(2024, 3, day), title=f"{unit} 第 {day} 件")


def test_fifty_concurrent_writers_across_units_and_within_one_lose_nothing(data_copy: Path) -> None:
    from gkcli.data import load_data
    from gkcli.disclosure.checks import handling_problem

    data = load_data(data_copy)
    others = [unit for unit in data.directory.units if unit != "zhengfuban" and not handling_problem(data.directory, data.register, unit)]
    writers = [("zhengfuban", day) for day in range(1, 26)]  # 25 on one file
    writers += [(unit, 1) for unit in others]  # one on each other unit's file
    writers += [("zhengshuju", day) for day in range(2, 52 - len(writers))]
    assert len(writers) == 50 and len(others) >= 10
    assert faults.all_at_once(_writer, [(data, unit, day) for unit, day in writers]) == [0] * 50
    found = set()
    for path in request_file(data_copy).parent.glob("*.yaml"):
        stored = yaml.safe_load(path.read_text(encoding="utf-8"))["requests"]
        assert sorted(request["id"] for request in stored) == [f"{path.stem}-{number:03d}" for number in range(1, len(stored) + 1)]
        found |= {(path.stem, request["received"].day) for request in stored}
    assert found == set(writers)
    gk("validate", str(data_copy))


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    with faults.tiny_disk(tmp_path / "disk") as disk:
        yield disk


def test_a_really_full_disk_keeps_the_old_file(tiny_disk: Path) -> None:
    add(tiny_disk, "2024-03-01")
    path = request_file(tiny_disk)
    before = path.read_bytes()
    free = shutil.disk_usage(tiny_disk).free
    (tiny_disk / "filler").write_bytes(b"\0" * max(0, free - 1024))
    run = add(tiny_disk, "2024-03-04", "--title", "很长的标题" * 300, code=3)
    assert run.stderr == f"错误：无法写入 {path}：磁盘空间不足；原文件未改动\n"
    assert path.read_bytes() == before
    assert leftovers(path.parent) == []


@pytest.fixture
def read_only_copy(one_request: Path, tmp_path: Path) -> Iterator[Path]:
    """A read-only bind mount of a data copy with one request (skipped where mounting is not allowed)."""
    with faults.read_only_view(one_request.parents[2], tmp_path / "readonly") as view:
        yield view


def test_a_really_read_only_data_directory_is_reported(read_only_copy: Path) -> None:
    path = request_file(read_only_copy)
    before = path.read_bytes()
    run = add(read_only_copy, "2024-03-04", code=3)
    assert run.stderr == f"错误：无法写入 {path.parent}：文件系统是只读的；原文件未改动\n"
    assert path.read_bytes() == before
    run = gk("request", "add", "--unit", "市政数局", "--received", "2024-03-04", "--data", str(read_only_copy), code=3)
    assert "文件系统是只读的" in run.stderr
    assert not request_file(read_only_copy, "zhengshuju").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_a_read_only_data_directory_is_reported(one_request: Path) -> None:
    before = one_request.read_bytes()
    folder = one_request.parent
    folder.parent.chmod(0o555)
    folder.chmod(0o555)
    try:
        run = add(one_request.parents[2], "2024-03-04", code=3)
    finally:
        folder.chmod(0o755)
        folder.parent.chmod(0o755)
    assert "没有写入权限；原文件未改动" in run.stderr
    assert one_request.read_bytes() == before
