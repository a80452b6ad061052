"""The bad-input corpus: every file in tests/data/valid passes `gk validate`, every file in
tests/data/invalid fails with exactly the problems it states.

A case's name says which data file it stands for: `tasks-*.yaml` is validated as
data/tasks-2024.yaml beside the real data/units.yaml, `units-*.yaml` as data/units.yaml beside the
real register. An invalid case lists its problems in lines of the form

    # expect: LINE:COL MESSAGE

(MESSAGE is the whole Chinese message or a precise part of it). A case whose bytes cannot carry
comments (an empty file, another encoding) keeps those lines in a sidecar `<case>.expect`.
The run must exit 1 with one problem per expectation, at that line and column, in that file,
without a traceback and without writing anything.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import DATA, ROOT, gk

CORPUS = ROOT / "tests" / "data"
EXPECT = re.compile(r"^# expect: (?P<line>\d+)(?::(?P<col>\d+))? (?P<message>.+)$", re.MULTILINE)


@dataclass(frozen=True)
class Expected:
    line: int
    col: int | None
    message: str

    def matches(self, problem: dict[str, object]) -> bool:
        return problem["line"] == self.line and (self.col is None or problem["col"] == self.col) and self.message in str(problem["message"])


def cases(kind: str) -> list[Path]:
    return sorted(path for path in (CORPUS / kind).iterdir() if path.suffix == ".yaml")


def expectations(case: Path) -> list[Expected]:
    sidecar = case.with_name(case.name + ".expect")
    text = sidecar.read_text(encoding="utf-8") if sidecar.exists() else case.read_bytes().decode("utf-8", errors="replace")
    return [
        Expected(int(match["line"]), int(match["col"]) if match["col"] else None, match["message"].strip())
        for match in EXPECT.finditer(text.replace("\r\n", "\n"))
    ]


def place(case: Path, root: Path) -> Path:
    """A copy of the real data directory with the case standing in for one of its files."""
    data = root / "data"
    shutil.copytree(DATA, data)
    target = data / ("units.yaml" if case.name.startswith("units-") else "tasks-2024.yaml")
    target.write_bytes(case.read_bytes())
    return target


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def test_corpus_is_large_enough() -> None:
    assert len(cases("invalid")) >= 40
    assert len(cases("valid")) >= 5
    assert all(expectations(case) for case in cases("invalid")), "every invalid case states its problems"


@pytest.mark.parametrize("case", cases("valid"), ids=lambda path: path.name)
def test_valid_case_passes(case: Path, tmp_path: Path) -> None:
    target = place(case, tmp_path / "case")
    run = gk("validate", str(target))
    assert "检查通过" in run.stdout


@pytest.mark.parametrize("case", cases("invalid"), ids=lambda path: path.name)
def test_invalid_case_reports_exactly_its_problems(case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = place(case, tmp_path / "case")
    crash_dir = tmp_path / "system-temp"
    crash_dir.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(crash_dir))  # where a crash log would go
    before = snapshot(tmp_path)

    problems = json.loads(gk("validate", "--format", "json", str(target), code=1).stdout)["problems"]

    expected = expectations(case)
    shown = "\n".join(f"{p['line']}:{p['col']} {p['message']}" for p in problems)
    assert {p["file"] for p in problems} == {str(target)}, shown
    missing = [item for item in expected if not any(item.matches(problem) for problem in problems)]
    assert not missing, f"expected but not reported: {missing}\nreported:\n{shown}"
    assert len(problems) == len(expected), f"one message per problem, got:\n{shown}"
    assert snapshot(tmp_path) == before, "validation must not write anything"


@pytest.mark.parametrize("case", [path for path in cases("invalid") if path.name.startswith("tasks-syntax")][:3], ids=lambda p: p.name)
def test_text_format_points_at_file_line_col(case: Path, tmp_path: Path) -> None:
    target = place(case, tmp_path / "case")
    first = expectations(case)[0]
    run = gk("validate", str(target), code=1)
    assert f"{target}:{first.line}:{first.col}: {first.message}" in run.stdout
