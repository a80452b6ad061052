"""The README documents the schedule commands: gk request's subcommands and gk calendar."""

from __future__ import annotations

from gkcli.cli.request_cmds import request_group
from tests.conftest import ROOT, gk

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_sections_exist() -> None:
    for heading in ("## 依申请公开办理时限（gk request）", "## 周期性节点", "## 日历导出（gk calendar）"):
        assert heading in README


def test_every_request_subcommand_is_documented_and_has_an_example() -> None:
    names = [command.name or command.callback.__name__ for command in request_group().registered_commands if command.callback]
    assert sorted(names) == ["add", "answer", "consult", "extend", "list", "supplement"]
    for name in names:
        assert f"gk request {name}" in README
        assert "示例：gk request " in gk("request", name, "--help").stdout


def test_calendar_help_has_an_example() -> None:
    assert "示例：gk calendar" in gk("calendar", "--help").stdout
    assert "gk calendar --unit" in README
