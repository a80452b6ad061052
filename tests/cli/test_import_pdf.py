"""A .pdf source: read with pdfplumber or pdftotext when either is there, else a clear message.

Neither tool is a dependency, so the tests stand in for them: a pdftotext script on PATH that
prints the seed's text, and a pdfplumber module whose pages return tables.
"""

from __future__ import annotations

import json
import os
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DATA, SEED, gk

HEADER = ["序号", "任务名称", "任务内容", "责任单位", "完成时间"]


@pytest.fixture
def pdf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A .pdf path with no PDF tool available (each test adds the one it wants)."""
    monkeypatch.setitem(sys.modules, "pdfplumber", None)  # makes `import pdfplumber` fail
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    source = tmp_path / "清单.pdf"
    source.write_bytes(b"%PDF-1.4 stand-in")
    return source


def test_no_pdf_tool_says_how_to_install_one(pdf: Path) -> None:
    run = gk("import", str(pdf), "--year", "2024", "--dry-run", "--data", str(DATA), code=2)
    assert "pip install pdfplumber" in run.stderr and "poppler-utils" in run.stderr


def test_pdftotext_text_is_read_like_the_seed(pdf: Path) -> None:
    if not SEED.exists():
        pytest.skip(f"seed file not found: {SEED}")
    tool = Path(os.environ["PATH"]) / "pdftotext"
    tool.write_text(f"#!{sys.executable}\nimport sys\nsys.stdout.buffer.write(open({str(SEED)!r}, 'rb').read())\n", encoding="utf-8")
    tool.chmod(0o755)
    run = gk("import", str(pdf), "--year", "2024", "--dry-run", "--data", str(DATA))
    assert "读取任务 74 项，类别 14 个" in run.stdout


def test_failing_pdftotext_is_reported(pdf: Path) -> None:
    tool = Path(os.environ["PATH"]) / "pdftotext"
    tool.write_text("#!/bin/sh\necho 'Syntax Error: broken file' >&2\nexit 1\n", encoding="utf-8")
    tool.chmod(0o755)
    run = gk("import", str(pdf), "--year", "2024", "--dry-run", "--data", str(DATA), code=2)
    assert "pdftotext 无法读取" in run.stderr and "broken file" in run.stderr


class _Page:
    def __init__(self, text: str, tables: list[list[list[str | None]]]) -> None:
        self.text, self.tables = text, tables

    def extract_text(self) -> str:
        return self.text

    def extract_tables(self) -> list[list[list[str | None]]]:
        return self.tables


class _Pdf:
    def __init__(self, pages: list[_Page]) -> None:
        self.pages = pages

    def __enter__(self) -> _Pdf:
        return self

    def __exit__(self, *exc: Any) -> None:
        return None


def test_pdfplumber_tables_are_read(pdf: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pages = [
        _Page(
            "2025年舒兰市政务公开重点工作任务清单\n序号 任务名称 …",
            [[HEADER, ["1", "一、主动\n公开", "内容甲。", "市政府办\n牵头", "全年"]]],
        ),
        _Page("", [[HEADER, ["2", None, "内容乙。", "市政数局", "2025年6月\n底前"]]]),  # merged cell: None
    ]
    module = types.ModuleType("pdfplumber")
    module.open = lambda path: _Pdf(pages)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "pdfplumber", module)
    run = gk("import", str(pdf), "--year", "2025", "--dry-run", "--format", "json", "--data", str(DATA))
    result = json.loads(run.stdout)
    assert result["title"] == "2025年舒兰市政务公开重点工作任务清单"
    assert [(task["category_name"], task["lead"], task["units"], task["deadline"]["due"]) for task in result["tasks"]] == [
        ("主动公开", ["市政府办"], [], "2025-12-31"),
        ("主动公开", [], ["市政数局"], "2025-06-30"),
    ]
    assert result["review"] == []
    assert result["tasks"][1]["units_text"] == "市政数局"
