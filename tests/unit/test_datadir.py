"""Where gk finds its data: --data, then $GK_DATA, then ./data upwards, then the bundled register."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gkcli.datadir import bundled_dir, find_data_dir, register_file
from gkcli.errors import UsageError
from tests.conftest import DATA


def make_data(root: Path) -> Path:
    target = root / "data"
    target.mkdir(parents=True)
    shutil.copy(DATA / "units.yaml", target)
    return target


def test_explicit_option_wins(tmp_path: Path) -> None:
    chosen, other = make_data(tmp_path / "a"), make_data(tmp_path / "b")
    assert find_data_dir(chosen, {"GK_DATA": str(other)}, tmp_path) == chosen


def test_environment_variable_comes_next(tmp_path: Path) -> None:
    other = make_data(tmp_path / "b")
    assert find_data_dir(None, {"GK_DATA": str(other)}, tmp_path / "nowhere") == other


def test_data_dir_in_a_parent_directory(tmp_path: Path) -> None:
    found = make_data(tmp_path / "project")
    deep = tmp_path / "project" / "docs" / "notes"
    deep.mkdir(parents=True)
    assert find_data_dir(None, {}, deep) == found


def test_bundled_register_when_nothing_else(tmp_path: Path) -> None:
    assert find_data_dir(None, {}, tmp_path) == bundled_dir()
    assert register_file(bundled_dir(), None).name == "tasks-2024.yaml"


def test_missing_explicit_directory_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="数据目录不存在"):
        find_data_dir(tmp_path / "missing", {}, tmp_path)


def test_runs_as_a_module_from_any_directory(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "gkcli", "tasks", "--format", "json", "--category", "10"],
        cwd=tmp_path, capture_output=True, text=True, encoding="utf-8", check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert '"id": 53' in run.stdout
