"""Faults during progress writes: concurrent writers, a killed writer, read-only and full disks, a file changed underneath."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests import faults
from tests.conftest import gk
from tests.faults import leftovers

AS_OF = "2024-07-01"


def gk_command(data: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "gkcli", *args, "--data", str(data), "--as-of", AS_OF, "--by", "并发测试"]


def records(path: Path) -> list[dict[str, Any]]:
    return list(yaml.safe_load(path.read_text(encoding="utf-8"))["records"])


def owed_tasks(data: Path, unit: str) -> list[int]:
    from gkcli.data import load_data
    from gkcli.queries import owed_tasks as owed

    return [task.id for task in owed(load_data(data), unit)]


def test_twenty_gk_done_processes_at_once_all_land(data_copy: Path) -> None:
    tasks = owed_tasks(data_copy, "市政数局")[:20]
    processes = [
        subprocess.Popen(
            gk_command(data_copy, "done", str(task), "--unit", "市政数局", "-e", f"附件/{task}.pdf"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for task in tasks
    ]
    results = [(process.wait(timeout=300), process.stderr.read().decode() if process.stderr else "") for process in processes]
    for process in processes:
        for stream in (process.stdout, process.stderr):
            if stream:
                stream.close()
    assert [code for code, _ in results] == [0] * 20, results
    landed = records(data_copy / "progress" / "2024" / "zhengshuju.yaml")
    assert sorted(entry["task"] for entry in landed) == sorted(tasks)
    assert {entry["evidence"][0] for entry in landed} == {f"附件/{task}.pdf" for task in tasks}
    gk("validate", str(data_copy))


def _writer(data: Any, party: str, task: int, barrier: Any) -> None:
    from gkcli.model import Event
    from gkcli.progress_write import Entry, record_progress

    entry = Entry(
        task, party, Event.DONE, dt.date(2024, 7, 1), "2024-07-01T09:00:00+08:00", f"writer-{party}-{task}", evidence=("附件/x.pdf",)
    )
    barrier.wait(timeout=60)
    record_progress(data, entry, dt.date(2024, 7, 1))


def test_fifty_concurrent_writers_across_units_and_within_one_lose_nothing(data_copy: Path) -> None:
    from gkcli.data import load_data
    from gkcli.obligations import all_duties

    data = load_data(data_copy)
    writers = [("zhengfuban", task) for task in owed_tasks(data_copy, "市政府办")[:25]]  # 25 on one file
    for duty in all_duties(data.register, data.directory):  # one on each other unit's file
        if duty.party not in {party for party, _ in writers}:
            writers.append((duty.party, duty.task.id))
    writers += [("renshe", task) for task in owed_tasks(data_copy, "市人社局") if ("renshe", task) not in writers][: 50 - len(writers)]
    assert len(set(writers)) == 50
    assert faults.all_at_once(_writer, [(data, party, task) for party, task in writers]) == [0] * 50
    found = set()
    for path in (data_copy / "progress" / "2024").glob("*.yaml"):
        found |= {(path.stem, entry["task"]) for entry in records(path)}
    assert found == set(writers)
    gk("validate", str(data_copy))


def test_a_writer_killed_between_temp_file_and_rename_leaves_the_old_file(data_copy: Path) -> None:
    gk("done", "3", "--unit", "市人社局", "--data", str(data_copy), "--as-of", AS_OF)
    path = data_copy / "progress" / "2024" / "renshe.yaml"
    before = path.read_bytes()
    child = faults.killed_before_rename(*gk_command(data_copy, "done", "8", "--unit", "市人社局")[3:])
    assert child.returncode == -signal.SIGKILL
    assert path.read_bytes() == before
    (temp,) = path.parent.glob(".renshe.yaml.*.tmp")  # the kill came after the temporary file was written in full
    assert "task: 8" in temp.read_text(encoding="utf-8")
    gk("validate", str(data_copy))
    gk("done", "8", "--unit", "市人社局", "--data", str(data_copy), "--as-of", AS_OF)  # the dead writer's lock is gone
    assert [entry["task"] for entry in records(path)] == [3, 8]


@pytest.fixture
def one_record(data_copy: Path) -> Path:
    gk("done", "3", "--unit", "市人社局", "--data", str(data_copy), "--as-of", AS_OF, "--by", "并发测试")
    return data_copy / "progress" / "2024" / "renshe.yaml"


def test_a_full_disk_leaves_the_old_file_and_says_so(one_record: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = one_record.read_bytes()
    faults.disk_full(monkeypatch)
    run = gk("done", "8", "--unit", "市人社局", "--data", str(one_record.parents[2]), "--as-of", AS_OF, code=3)
    assert run.stderr == f"错误：无法写入 {one_record}：磁盘空间不足；原文件未改动\n"
    assert one_record.read_bytes() == before
    assert leftovers(one_record.parent) == []


def test_a_read_only_file_system_is_reported(one_record: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = one_record.read_bytes()
    faults.read_only_below(one_record.parents[2], monkeypatch)
    run = gk("done", "8", "--unit", "市人社局", "--data", str(one_record.parents[2]), "--as-of", AS_OF, code=3)
    assert run.stderr == f"错误：无法写入 {one_record}：文件系统是只读的；原文件未改动\n"
    assert one_record.read_bytes() == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_a_read_only_data_directory_is_reported(one_record: Path) -> None:
    before = one_record.read_bytes()
    folder = one_record.parent
    folder.chmod(0o555)
    try:
        run = gk("done", "8", "--unit", "市人社局", "--data", str(one_record.parents[2]), "--as-of", AS_OF, code=3)
    finally:
        folder.chmod(0o755)
    assert "没有写入权限；原文件未改动" in run.stderr
    assert one_record.read_bytes() == before


def test_a_file_changed_on_disk_during_the_write_is_not_overwritten(one_record: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    saved_by_editor = one_record.read_text(encoding="utf-8") + "# 记事本里改过的一行\n"
    faults.edited_during_write(one_record, saved_by_editor, monkeypatch)
    run = gk("done", "8", "--unit", "市人社局", "--data", str(one_record.parents[2]), "--as-of", AS_OF, code=3)
    assert "在写入期间被其他程序修改（未使用 gk 的文件锁）；本次未写入，对方的修改已保留，请重新运行命令" in run.stderr
    assert one_record.read_text(encoding="utf-8") == saved_by_editor
    assert leftovers(one_record.parent) == []


def test_a_record_made_since_the_first_look_is_merged_or_refused(one_record: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another writer lands between this writer's first look at the file and its locked write."""
    from gkcli import progress_write
    from gkcli.data import load_data
    from gkcli.errors import UsageError
    from gkcli.model import Event

    data_dir = one_record.parents[2]
    data = load_data(data_dir)
    real_update = progress_write.update_file

    def someone_else_first(path: Path, edit: Any, **options: Any) -> Any:
        monkeypatch.setattr(progress_write, "update_file", real_update)
        gk("done", "8", "--unit", "市人社局", "--data", str(data_dir), "--as-of", AS_OF, "--by", "乙")
        return real_update(path, edit, **options)

    def mine(task: int) -> progress_write.Entry:
        return progress_write.Entry(task, "renshe", Event.DONE, dt.date(2024, 7, 1), "2024-07-01T09:00:00+08:00", "甲")

    monkeypatch.setattr(progress_write, "update_file", someone_else_first)
    progress_write.record_progress(data, mine(7), dt.date(2024, 7, 1))
    assert [(record["task"], record["recorded_by"]) for record in records(one_record)] == [(3, "并发测试"), (8, "乙"), (7, "甲")]

    one_record.write_text("unit: renshe\nrecords: []\n", encoding="utf-8")
    monkeypatch.setattr(progress_write, "update_file", someone_else_first)
    with pytest.raises(UsageError, match="已于 2024-07-01 完成（销号）"):
        progress_write.record_progress(data, mine(8), dt.date(2024, 7, 1))
    assert [(record["task"], record["recorded_by"]) for record in records(one_record)] == [(8, "乙")]


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    with faults.tiny_disk(tmp_path / "disk") as disk:
        yield disk


def test_a_really_full_disk_keeps_the_old_file(tiny_disk: Path) -> None:
    gk("done", "3", "--unit", "市人社局", "--data", str(tiny_disk), "--as-of", AS_OF)
    path = tiny_disk / "progress" / "2024" / "renshe.yaml"
    before = path.read_bytes()
    free = shutil.disk_usage(tiny_disk).free
    (tiny_disk / "filler").write_bytes(b"\0" * max(0, free - 1024))
    run = gk("done", "8", "--unit", "市人社局", "--note", "很长的说明" * 300, "--data", str(tiny_disk), "--as-of", AS_OF, code=3)
    assert run.stderr == f"错误：无法写入 {path}：磁盘空间不足；原文件未改动\n"
    assert path.read_bytes() == before
    assert leftovers(path.parent) == []


@pytest.fixture
def read_only_copy(data_copy: Path, tmp_path: Path) -> Iterator[Path]:
    """A read-only bind mount of a data copy (skipped where mounting is not allowed)."""
    gk("done", "3", "--unit", "市人社局", "--data", str(data_copy), "--as-of", AS_OF)
    with faults.read_only_view(data_copy, tmp_path / "readonly") as view:
        yield view


def test_a_really_read_only_data_directory_is_reported(read_only_copy: Path) -> None:
    path = read_only_copy / "progress" / "2024" / "renshe.yaml"
    before = path.read_bytes()
    run = gk("done", "8", "--unit", "市人社局", "--data", str(read_only_copy), "--as-of", AS_OF, code=3)
    assert run.stderr == f"错误：无法写入 {path}：文件系统是只读的；原文件未改动\n"
    assert path.read_bytes() == before
    run = gk("done", "3", "--unit", "市财政局", "--data", str(read_only_copy), "--as-of", AS_OF, code=3)
    assert "文件系统是只读的" in run.stderr
