"""The bad-input corpus of request and contacts files, like tests/data/invalid for the register.

Every file in tests/data/{requests,contacts}/valid passes `gk validate`; every file in …/invalid
fails with exactly the problems its `# expect: LINE:COL MESSAGE` lines give (whole messages,
compared exactly; a sidecar `<case>.expect` holds them for bytes that cannot carry comments).
A request case stands for data/requests/2024/zhengfuban.yaml, or for the file its `# file: NAME`
line names; a contacts case stands for data/contacts.yaml. The run must exit 1 without a
traceback and without writing anything.
"""

from __future__ import annotations

import codecs
import datetime as dt
import itertools
import json
import re
import shutil
import tempfile
from pathlib import Path

import pytest
import yaml

from gkcli.disclosure.model import Request, RequestsFile
from tests.cli.test_validate_corpus import expectations, snapshot
from tests.conftest import DATA, ROOT, gk

CORPUS = ROOT / "tests" / "data"
KINDS = ("requests", "contacts")
FILE_LINE = re.compile(r"^# file: (\S+)$", re.MULTILINE)


def cases(kind: str, outcome: str) -> list[Path]:
    return sorted((CORPUS / kind / outcome).glob("*.yaml"))


def all_cases(outcome: str) -> list[Path]:
    return [case for kind in KINDS for case in cases(kind, outcome)]


def case_id(case: Path) -> str:
    return f"{case.parent.parent.name}/{case.name}"


def place(case: Path, root: Path) -> Path:
    """A copy of the real data directory with the case standing in for its file."""
    data = root / "data"
    shutil.copytree(DATA, data)
    if case.parent.parent.name == "contacts":
        target = data / "contacts.yaml"
    else:
        sidecar = case.with_name(case.name + ".expect")
        stated = FILE_LINE.search((sidecar if sidecar.exists() else case).read_bytes().decode("utf-8", errors="replace"))
        target = data / "requests" / "2024" / (stated.group(1) if stated else "zhengfuban.yaml")
        target.parent.mkdir(parents=True)
    target.write_bytes(case.read_bytes())
    return target


def requests_in(text: str) -> list[Request]:
    return RequestsFile.model_validate(yaml.safe_load(text)).requests


def test_each_corpus_covers_the_fault_families() -> None:
    for kind in KINDS:
        invalid = cases(kind, "invalid")
        assert len(invalid) >= 25 and len(cases(kind, "valid")) >= 4, kind
        names = {case.stem for case in invalid}
        for family in ("syntax-", "duplicate-", "typo-", "gbk", "alias-bomb", "python-tag", "unknown-unit", "top-level-list"):
            assert any(name.startswith(family) for name in names), (kind, family)
    assert {"impossible-date", "unit-not-responsible", "unknown-unit-close-ids"} <= {case.stem for case in cases("requests", "invalid")}


@pytest.mark.parametrize("case", all_cases("invalid"), ids=case_id)
def test_invalid_case_reports_exactly_its_problems(case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = place(case, tmp_path / "case")
    crash_dir = tmp_path / "system-temp"
    crash_dir.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(crash_dir))  # where a crash log would go
    before = snapshot(tmp_path)

    problems = json.loads(gk("validate", "--format", "json", str(tmp_path / "case" / "data"), code=1).stdout)["problems"]

    expected = expectations(case)
    assert expected and all(item.col is not None for item in expected), "a case states line:col and message of each problem"
    assert {problem["file"] for problem in problems} == {str(target)}
    reported = sorted(f"{p['line']}:{p['col']} {p['message']}" for p in problems)
    assert reported == sorted(f"{item.line}:{item.col} {item.message}" for item in expected)
    assert snapshot(tmp_path) == before, "validation must not write anything"


@pytest.mark.parametrize("case", all_cases("valid"), ids=case_id)
def test_valid_case_passes(case: Path, tmp_path: Path) -> None:
    target = place(case, tmp_path / "case")
    assert "检查通过" in gk("validate", str(target)).stdout


@pytest.mark.parametrize("case", cases("requests", "valid"), ids=case_id)
def test_a_hand_written_request_file_survives_a_gk_write(case: Path, tmp_path: Path) -> None:
    """gk rewrites the file: the requests, the leading comments, a BOM and CRLF endings all stay."""
    target = place(case, tmp_path / "case")
    data = tmp_path / "case" / "data"
    raw = target.read_bytes()
    before = raw.decode("utf-8-sig").replace("\r\n", "\n")
    header = list(itertools.takewhile(lambda line: line.startswith("#"), before.splitlines()))

    gk("request", "add", "--unit", target.stem, "--received", "2024-12-30", "--id", "added-1", "--data", str(data))

    after = target.read_bytes()
    text = after.decode("utf-8-sig").replace("\r\n", "\n")
    added = Request(id="added-1", received=dt.date(2024, 12, 30))
    assert requests_in(text) == [*requests_in(before), added]
    assert text.splitlines()[: len(header)] == header
    assert after.startswith(codecs.BOM_UTF8) == raw.startswith(codecs.BOM_UTF8)
    assert (b"\r\n" in after) == (b"\r\n" in raw)
    assert "检查通过" in gk("validate", str(data)).stdout


@pytest.mark.parametrize("name", ["syntax-unclosed-quote.yaml", "unknown-unit-close-ids.yaml", "duplicate-id.yaml"])
def test_a_request_file_validated_alone_gives_the_same_problems(name: str, tmp_path: Path) -> None:
    case = CORPUS / "requests" / "invalid" / name
    target = place(case, tmp_path)
    run = gk("validate", str(target), code=1)
    for item in expectations(case):
        assert f"{target}:{item.line}:{item.col}: {item.message}\n" in run.stdout
    assert "发现 1 个问题" in run.stdout


def test_a_request_id_used_in_two_unit_files_is_reported_in_the_second(data_copy: Path) -> None:
    folder = data_copy / "requests" / "2024"
    folder.mkdir(parents=True)
    (folder / "zhengfuban.yaml").write_text("requests:\n  - id: A-1\n    received: 2024-03-01\n", encoding="utf-8")
    (folder / "zhengshuju.yaml").write_text("requests:\n  - id: A-1\n    received: 2024-03-04\n", encoding="utf-8")
    run = gk("validate", str(data_copy), code=1)
    assert f"{folder / 'zhengshuju.yaml'}:2:5: 申请编号“A-1”重复（zhengfuban.yaml 中已有）\n" in run.stdout
