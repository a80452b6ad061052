"""`gk <command>` builds typer's tree for that command's family only, and answers as the whole tree does."""

from __future__ import annotations

from importlib import import_module

import pytest
import typer
from typer.main import get_command

from gkcli.cli import app as app_module
from gkcli.cli.app import COMMANDS, build, invoked
from tests.cli.test_startup import imported
from tests.conftest import DATA, gk


def names(app: typer.Typer) -> list[str]:
    return list(get_command(app).commands)  # type: ignore[attr-defined]


def test_the_whole_tree_has_exactly_the_listed_commands() -> None:
    assert sorted(names(app_module.app)) == sorted(COMMANDS)


@pytest.mark.parametrize("family", sorted(set(COMMANDS.values())))
def test_each_family_registers_exactly_its_listed_commands(family: str) -> None:
    app = typer.Typer()
    import_module(f"gkcli.cli.{family}").register(app)
    app.callback()(lambda: None)
    assert set(names(app)) == {command for command, owner in COMMANDS.items() if owner == family}


@pytest.mark.parametrize(
    ("args", "command"),
    [
        (["due", "--unit", "市政数局"], "due"),
        (["--no-cache", "request", "list"], "request"),
        (["import", "x.docx"], "import"),
        ([], None),
        (["--help"], None),
        (["-h", "due"], None),  # root help lists every command
        (["--version", "due"], None),
        (["du"], None),  # a misspelt command: the whole tree suggests "due"
        (["--no-cache"], None),
    ],
)
def test_invoked_command(args: list[str], command: str | None) -> None:
    assert invoked(args) == command


def test_building_one_family_leaves_the_others_unbuilt() -> None:
    assert names(build("workday")) == ["workday"]
    assert names(build("overdue")) == ["due", "overdue", "checklist"]
    assert sorted(names(build("nonsense"))) == sorted(COMMANDS)


def test_a_command_imports_no_other_family() -> None:
    modules = imported("due", "--unit", "市政数局", "--as-of", "2024-06-01", "-f", "json", "--data", str(DATA))
    families = {f"gkcli.cli.{family}" for family in COMMANDS.values()}
    assert families & modules == {"gkcli.cli.agenda_cmds"}


SAMPLES = [
    ("due", "--unit", "市政数局", "--as-of", "2024-06-01"),
    ("--no-cache", "tasks", "--unit", "市税务局", "-f", "json"),
    ("show", "38", "--as-of", "2024-06-01"),
    ("request", "list", "--as-of", "2024-06-01"),
    ("workday", "2024-09-30", "20"),
    ("report", "--as-of", "2024-06-01", "-f", "md"),
    ("due", "--unit", "没有的单位"),
    ("request", "nothing"),
    ("du",),
    ("--help",),
    ("due", "--help"),
]


@pytest.mark.parametrize("args", SAMPLES, ids=" ".join)
def test_one_family_answers_as_the_whole_tree(args: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        build(invoked(args))(args=list(args), prog_name="gk")  # what `run` does, named as the gk script is
    lazy = (exited.value.code, *capsys.readouterr())
    whole = gk(*args, code=int(exited.value.code or 0))
    assert lazy == (int(exited.value.code or 0), whole.stdout, whole.stderr)
    assert lazy[1] or lazy[2]


def test_building_twice_registers_each_command_once() -> None:
    build("request")
    group = next(info.typer_instance for info in build().registered_groups if info.name == "request")
    assert group is not None
    names = [info.name or (info.callback.__name__ if info.callback else "") for info in group.registered_commands]
    assert sorted(names) == ["add", "answer", "consult", "extend", "list", "supplement"]
