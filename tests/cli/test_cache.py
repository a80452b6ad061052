"""The cache behind the query commands: edits are always seen, --no-cache bypasses it, damage is repaired."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import gk

DUE = ("due", "--unit", "市政数局", "--as-of", "2024-06-01", "--format", "json")


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    return Path(os.environ["GK_CACHE_DIR"])


def entries(cache_dir: Path) -> list[Path]:
    return sorted(cache_dir.glob("*.entry")) if cache_dir.exists() else []


def content_of(data: Path, task_id: int) -> str:
    items = json.loads(gk(*DUE, "--data", str(data)).stdout)
    return next(item["content"] for item in items if item["id"] == task_id)


def test_second_run_is_served_from_the_cache_with_the_same_answer(data_copy: Path, cache_dir: Path) -> None:
    first = gk(*DUE, "--data", str(data_copy)).stdout
    assert len(entries(cache_dir)) == 1
    assert gk(*DUE, "--data", str(data_copy)).stdout == first
    assert gk("--no-cache", *DUE, "--data", str(data_copy)).stdout == first


def test_edited_register_is_seen_at_once(data_copy: Path) -> None:
    register = data_copy / "tasks-2024.yaml"
    assert content_of(data_copy, 3) == "及时发布“九解一协调”服务企业工作相关情况。"
    text = register.read_text(encoding="utf-8")
    register.write_text(text.replace("服务企业工作相关情况。", "服务企业工作相关情况（已更新）。", 1), encoding="utf-8")
    assert content_of(data_copy, 3) == "及时发布“九解一协调”服务企业工作相关情况（已更新）。"


def test_edited_units_file_is_seen_at_once(data_copy: Path) -> None:
    gk("due", "--unit", "数据局", "--data", str(data_copy), code=2)
    units = data_copy / "units.yaml"
    text = units.read_text(encoding="utf-8")
    units.write_text(text.replace("name: 市政数局\n", "name: 市政数局\n    aliases: [数据局]\n", 1), encoding="utf-8")
    assert "市政数局" in gk("due", "--unit", "数据局", "--as-of", "2024-06-01", "--data", str(data_copy)).stdout


def test_file_made_invalid_after_caching_is_reported(data_copy: Path) -> None:
    gk(*DUE, "--data", str(data_copy))
    register = data_copy / "tasks-2024.yaml"
    register.write_text(register.read_text(encoding="utf-8").replace("  - id: 3\n", "  - id: three\n", 1), encoding="utf-8")
    assert "tasks-2024.yaml" in gk(*DUE, "--data", str(data_copy), code=1).stderr


def test_no_cache_neither_reads_nor_writes(data_copy: Path, cache_dir: Path) -> None:
    gk("--no-cache", *DUE, "--data", str(data_copy))
    assert entries(cache_dir) == []
    assert "GK_NO_CACHE" not in os.environ  # the option lasts one invocation
    gk(*DUE, "--data", str(data_copy))
    assert len(entries(cache_dir)) == 1


def test_environment_switch(data_copy: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GK_NO_CACHE", "1")
    gk(*DUE, "--data", str(data_copy))
    assert entries(cache_dir) == []


def test_corrupt_entry_is_rebuilt(data_copy: Path, cache_dir: Path) -> None:
    expected = gk(*DUE, "--data", str(data_copy)).stdout
    [entry] = entries(cache_dir)
    entry.write_bytes(entry.read_bytes()[:100])
    assert gk(*DUE, "--data", str(data_copy)).stdout == expected
    assert entry.stat().st_size > 100


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="permissions are POSIX")
def test_shared_cache_directory_is_left_alone(data_copy: Path, cache_dir: Path) -> None:
    cache_dir.mkdir()
    cache_dir.chmod(0o777)
    expected = gk("--no-cache", *DUE, "--data", str(data_copy)).stdout
    assert gk(*DUE, "--data", str(data_copy)).stdout == expected
    assert entries(cache_dir) == []


def due_ids(data: Path) -> set[int]:
    return {item["id"] for item in json.loads(gk(*DUE, "--data", str(data)).stdout)}


def test_progress_recorded_after_caching_is_seen_at_once(data_copy: Path, cache_dir: Path) -> None:
    assert 3 in due_ids(data_copy)
    [entry] = entries(cache_dir)
    done = ("done", "3", "--unit", "市政数局", "--on", "2024-05-30", "--as-of", "2024-06-01", "--by", "张三")
    gk(*done, "-e", "https://example.gov.cn/zwgk/2024/a.html", "--data", str(data_copy))
    assert 3 not in due_ids(data_copy)  # progress is read beside the cached register, never from the cache
    assert entries(cache_dir) == [entry]


def test_request_added_after_caching_is_seen_at_once(data_copy: Path, cache_dir: Path) -> None:
    def occurrences() -> set[str | None]:
        return {item["occurrence"] for item in json.loads(gk(*DUE, "--data", str(data_copy)).stdout)}

    assert "request:zhengshuju-001" not in occurrences()
    [entry] = entries(cache_dir)
    gk("request", "add", "--unit", "市政数局", "--received", "2024-05-20", "--data", str(data_copy))
    assert "request:zhengshuju-001" in occurrences()
    assert entries(cache_dir) == [entry]
