"""Shared fixtures: a hermetic environment and one CLI helper that shows output on failure."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SEED = ROOT.parent / "shared" / "seed" / "000_5253fc0cd082034e.txt"


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """No test touches the user's own cache (~/.cache/gk), not even module-scoped fixtures."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        patch.delenv("GK_NO_CACHE", raising=False)
        yield


@pytest.fixture(autouse=True)
def hermetic(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test depends on $HOME, the time zone, colours, the terminal or the caller's directory."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")  # far from UTC: date logic must not care
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("GK_DATA", raising=False)
    monkeypatch.setenv("GK_CACHE_DIR", str(tmp_path / "cache"))  # each test starts with an empty cache
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A scratch copy of the bundled data directory."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def gk(*args: str, code: int = 0) -> Run:
    """Run `gk args…` through typer's CliRunner; on an unexpected exit code, show everything."""
    from gkcli.cli.app import app

    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    run = Run(result.exit_code, result.stdout, result.stderr)
    assert run.code == code, f"gk {' '.join(args)} → {run.code}, expected {code}\n--- stdout\n{run.stdout}\n--- stderr\n{run.stderr}"
    assert "Traceback" not in run.output, run.output
    return run
