"""Every command has Chinese help with an example and is documented in the README."""

from __future__ import annotations

import re

import pytest

from gkcli.cli.app import app
from tests.conftest import ROOT, gk

COMMANDS = sorted(info.name or (info.callback.__name__ if info.callback else "") for info in app.registered_commands)
GROUPS = sorted(info.name or "" for info in app.registered_groups)


def test_there_are_commands() -> None:
    assert {"validate", "due", "overdue", "checklist", "show", "tasks", "units", "schema"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS + GROUPS)
def test_help_is_chinese_with_an_example(command: str) -> None:
    out = gk(command, "--help").stdout
    assert "用法：" in out and "显示本帮助并退出" in out
    assert "示例：" in out, f"gk {command} --help has no example"
    assert re.search(r"[\u4e00-\u9fff]", out.split("\n", 2)[2])


@pytest.mark.parametrize("command", COMMANDS + GROUPS)
def test_command_is_in_readme(command: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"gk {command}" in readme


def test_version_and_root_help() -> None:
    assert gk("--version").stdout.startswith("gk ")
    assert "命令：" in gk("--help").stdout
