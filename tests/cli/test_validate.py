"""`gk validate`: formats, exit codes, directories and files, broken copies of the real data."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tests.conftest import gk

BROKEN_DEADLINE = ("      text: 2024年8月底前\n", "      text: 2024年8月31号以前以后\n")
BROKEN_MESSAGE = "任务 38：无法识别的完成时间：“2024年8月31号以前以后”"


def break_register(data: Path) -> tuple[Path, int]:
    """Make one deadline text unreadable; return the register and the line of that text."""
    register = data / "tasks-2024.yaml"
    text = register.read_text(encoding="utf-8")
    old, new = BROKEN_DEADLINE
    assert text.count(old) == 1
    register.write_text(text.replace(old, new), encoding="utf-8")
    return register, text[: text.index(old)].count("\n") + 1


def test_bundled_data_passes() -> None:
    run = gk("validate")
    assert run.stdout == "检查通过：3 个文件，没有发现问题\n"


def test_a_data_directory_passes(data_copy: Path) -> None:
    assert "检查通过：3 个文件" in gk("validate", str(data_copy)).stdout


def test_several_files(data_copy: Path) -> None:
    run = gk("validate", str(data_copy / "units.yaml"), str(data_copy / "tasks-2024.yaml"), "--format", "json")
    result = json.loads(run.stdout)
    assert result == {"ok": True, "files": [str(data_copy / "units.yaml"), str(data_copy / "tasks-2024.yaml")], "problems": []}


def test_a_broken_copy_of_the_real_data_reports_file_line_col(data_copy: Path) -> None:
    register, line = break_register(data_copy)
    run = gk("validate", str(data_copy), code=1)
    assert run.stdout == (f"{register}:{line}:7: {BROKEN_MESSAGE}\n发现 1 个问题（检查了 3 个文件）\n")


def test_json_format(data_copy: Path) -> None:
    register, line = break_register(data_copy)
    result = json.loads(gk("validate", "--format", "json", str(register), code=1).stdout)
    assert result["ok"] is False
    assert result["files"] == [str(data_copy / "units.yaml"), str(register)]
    assert result["problems"] == [
        {"file": str(register), "line": line, "col": 7, "message": "任务 38：无法识别的完成时间：“2024年8月31号以前以后”"}
    ]


def test_github_format(data_copy: Path) -> None:
    register, line = break_register(data_copy)
    lines = gk("validate", "-f", "github", str(register), code=1).stdout.splitlines()
    assert lines == [
        f"::error file={register},line={line},col=7::{BROKEN_MESSAGE}",
        "发现 1 个问题（检查了 2 个文件）",
    ]


def test_github_format_escapes_separators_in_the_file_name(tmp_path: Path) -> None:
    odd = tmp_path / "a,b:c"
    odd.mkdir()
    (odd / "units.yaml").write_text("units: 1\n", encoding="utf-8")
    lines = gk("validate", "-f", "github", str(odd / "units.yaml"), code=1).stdout.splitlines()
    assert lines[0].startswith(f"::error file={str(odd).replace(',', '%2C').replace(':', '%3A')}/units.yaml,line=1,col=1::")


@pytest.mark.parametrize("args", [["/no/such/dir"], ["--format", "xml"], ["--no-such-option"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    run = gk("validate", *args, code=2)
    assert run.stderr.startswith("错误：")


def test_a_directory_that_is_not_a_data_directory_is_a_usage_error(tmp_path: Path) -> None:
    run = gk("validate", str(tmp_path), code=2)
    assert "不是数据目录" in run.stderr


def test_missing_units_file_is_a_problem(data_copy: Path) -> None:
    (data_copy / "units.yaml").unlink()
    run = gk("validate", str(data_copy), code=1)
    assert f"{data_copy / 'units.yaml'}:1:1: 无法读取文件：文件不存在" in run.stdout


def test_a_50_mb_register_is_refused_quickly(data_copy: Path) -> None:
    register = data_copy / "tasks-2024.yaml"
    task = register.read_text(encoding="utf-8").split("tasks:\n", 1)[1].split("\n\n")[0] + "\n\n"
    with register.open("a", encoding="utf-8") as stream:
        while stream.tell() < 50 * 1024 * 1024:
            stream.write(task * 1000)
    start = time.perf_counter()
    run = gk("validate", str(register), code=1)
    assert time.perf_counter() - start < 3
    assert (
        f"{register}:1:1: 文件过大（50 MB，上限 32 MB），未读取；确需处理更大的文件时，请设置环境变量 GK_MAX_FILE_MB（单位 MB）"
        in run.stdout
    )


def test_the_size_limit_comes_from_the_environment(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GK_MAX_FILE_MB", "1")
    register = data_copy / "tasks-2024.yaml"
    with register.open("a", encoding="utf-8") as stream:
        stream.write("# 填充\n" * 200_000)
    assert "上限 1 MB" in gk("validate", str(register), code=1).stdout
    monkeypatch.setenv("GK_MAX_FILE_MB", "2")
    gk("validate", str(register))
    monkeypatch.setenv("GK_MAX_FILE_MB", "很大")
    assert "环境变量 GK_MAX_FILE_MB 应为正整数" in gk("validate", str(register), code=2).stderr


def test_other_commands_report_data_problems_with_file_and_line(data_copy: Path) -> None:
    register, line = break_register(data_copy)
    run = gk("tasks", "--data", str(data_copy), code=1)
    assert f"{register}:{line}:7: 任务 38：无法识别的完成时间" in run.stderr


def test_help_has_an_example() -> None:
    assert "示例：gk validate" in gk("validate", "--help").stdout
