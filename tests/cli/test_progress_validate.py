"""gk validate on progress files: every case in tests/data/progress/invalid/ fails at its line."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, gk

CASE_DIR = ROOT / "tests" / "data" / "progress" / "invalid"
CASES = sorted(CASE_DIR.glob("*.yaml"))
HEADER = re.compile(r"^# (file|expect): (.+)$", re.MULTILINE)


def install(case: Path, data_dir: Path) -> Path:
    """Put the case file into data_dir/progress/2024/ under the name its header gives."""
    fields = HEADER.findall(case.read_text(encoding="utf-8"))
    name = next(value for key, value in fields if key == "file")
    target = data_dir / "progress" / "2024" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(case, target)
    return target


def expectations(case: Path) -> list[tuple[int, str]]:
    found = []
    for key, value in HEADER.findall(case.read_text(encoding="utf-8")):
        if key == "expect":
            line, message = value.split(": ", 1)
            found.append((int(line), message))
    return found


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_invalid_progress_file_is_reported_at_its_line(case: Path, data_copy: Path) -> None:
    target = install(case, data_copy)
    run = gk("validate", str(data_copy), "--format", "json", code=1)
    problems = json.loads(run.stdout)["problems"]
    assert {problem["file"] for problem in problems} == {str(target)}, problems
    for line, message in expectations(case):
        assert any(problem["line"] == line and message in problem["message"] for problem in problems), (line, message, problems)


def test_a_single_progress_file_can_be_validated(data_copy: Path) -> None:
    target = install(CASE_DIR / "unknown-task.yaml", data_copy)
    run = gk("validate", str(target), code=1)
    assert f"{target}:5:" in run.stdout
    assert "没有序号为 99 的任务" in run.stdout


def test_the_cases_cover_at_least_twenty_faults() -> None:
    assert len(CASES) >= 20


def test_queries_refuse_invalid_progress_with_the_file_line(data_copy: Path) -> None:
    target = install(CASE_DIR / "unknown-task.yaml", data_copy)
    run = gk("due", "--data", str(data_copy), "--as-of", "2024-06-01", code=1)
    assert f"{target}:5:" in run.stderr


def test_progress_outside_a_year_folder_is_reported(data_copy: Path) -> None:
    (data_copy / "progress" / "2023").mkdir(parents=True)
    (data_copy / "progress" / "renshe.yaml").write_text("unit: renshe\nrecords: []\n", encoding="utf-8")
    run = gk("validate", str(data_copy), code=1)
    assert "progress/renshe.yaml:1:1: 进度文件应放在 progress/年份/ 目录下" in run.stdout
    assert "进度目录“2023”没有对应的任务清单 tasks-2023.yaml" in run.stdout


def test_progress_file_in_gbk_is_explained(data_copy: Path) -> None:
    folder = data_copy / "progress" / "2024"
    folder.mkdir(parents=True)
    (folder / "renshe.yaml").write_bytes("unit: renshe\n# 市人社局\nrecords: []\n".encode("gb18030"))
    run = gk("validate", str(data_copy), code=1)
    assert "文件不是 UTF-8 编码" in run.stdout


def test_valid_progress_passes(data_copy: Path) -> None:
    gk("done", "3", "--unit", "市人社局", "--data", str(data_copy), "--as-of", "2024-07-01", "--by", "张三")
    run = gk("validate", str(data_copy))
    assert "检查通过：4 个文件" in run.stdout
