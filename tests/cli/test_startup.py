"""What gk imports decides how fast it starts: heavy modules only when the command needs them.

These run gk in a fresh interpreter, list the modules it has imported when it exits and assert
on imports, never on timings.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from gkcli.cli import guard
from tests.conftest import DATA

HEAVY = ("typer", "pydantic", "yaml", "rich")


# sys.modules at exit, not `-X importtime`: the latter misses modules loaded by importlib.import_module
LIST_MODULES = "import atexit, sys; atexit.register(lambda: sys.stderr.write('\\nmodules: ' + ' '.join(sys.modules) + '\\n'))"


def imported(*args: str) -> set[str]:
    """The modules a `gk args…` process has imported when it exits (it must succeed)."""
    code = f"{LIST_MODULES}; from gkcli.__main__ import main; sys.argv[0] = 'gk'; main()"
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=os.environ.copy(), check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return set(done.stderr.rsplit("\nmodules: ", 1)[1].split())


def top(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


def test_version_imports_nothing_heavy() -> None:
    assert not top(imported("--version")) & set(HEAVY)


def test_help_imports_no_core_module() -> None:
    light = {"gkcli", "gkcli.__main__", "gkcli.errors", "gkcli.defaults"}
    core = {name for name in imported("--help") if name.startswith("gkcli") and not name.startswith("gkcli.cli")} - light
    assert not core


def test_due_from_the_cache_imports_neither_pydantic_nor_yaml(tmp_path: Path) -> None:
    args = ("due", "--unit", "市政数局", "--as-of", "2024-06-01", "--data", str(DATA))
    first = top(imported(*args))
    assert {"yaml", "pydantic"} <= first  # parsed and validated once
    assert not top(imported(*args)) & {"yaml", "pydantic", "pydantic_core"}


def test_due_table_is_drawn_without_richs_console() -> None:
    modules = imported("due", "--unit", "市政数局", "--as-of", "2024-06-01", "--data", str(DATA))
    assert "rich.cells" in modules  # widths only
    assert not modules & {"rich.console", "rich.table", "rich.text"}


def test_command_options_skip_typers_pydantic_coercion() -> None:
    modules = imported("due", "--unit", "市政数局", "--as-of", "2024-06-01", "--warn-days", "7", "-f", "md", "--data", str(DATA))
    assert "typer._adapters" not in modules


BAD_AND_GOOD = [
    ("due", "--warn-days", "-1"),
    ("due", "--warn-days", "x1"),
    ("due", "--warn-days", "007", "--as-of", "2024-06-01"),
    ("due", "--warn-days", "0", "--as-of", "2024-06-01"),
    ("due", "--year", "2024", "--as-of", "2024-06-01", "-f", "csv"),
    ("due", "-f", "xml"),
    ("due", "-f", "TABLE"),
    ("due", "--role", "lead", "--role", "named", "--as-of", "2024-06-01", "-f", "json"),
    ("due", "--data", "README.md"),
    ("due", "--data", ""),
    ("show", "abc"),
    ("show", "20", "--as-of", "2024-06-01"),
    ("validate", "-f", "json"),
    ("validate", "nowhere.yaml"),
    ("schema", "units"),
    ("schema", "nothing"),
]


def invoke(args: tuple[str, ...]) -> tuple[int, str, str]:
    from typer.testing import CliRunner

    from gkcli.cli.app import app

    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("args", BAD_AND_GOOD, ids=" ".join)
def test_quick_coercion_answers_exactly_as_typer_does(args: tuple[str, ...], monkeypatch: pytest.MonkeyPatch) -> None:
    Path("README.md").write_text("not a directory\n", encoding="utf-8")
    quick = invoke(args)
    monkeypatch.setattr(guard, "install_quick_coercion", lambda params: None)
    assert invoke(args) == quick


def test_the_command_line_runs_without_the_cycle_collector() -> None:
    code = (
        "import atexit, gc, sys; atexit.register(lambda: print('collector on:', gc.isenabled())); from gkcli.__main__ import main; main()"
    )
    done = subprocess.run([sys.executable, "-c", code, "validate", "--data", str(DATA)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("collector on: False")
