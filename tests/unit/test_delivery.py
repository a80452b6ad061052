"""Delivery parts: retries, message splitting, robot answers, SMTP settings, secrets, sent-log."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from gkcli.delivery.environment import environment, expand, parse_secrets
from gkcli.delivery.retry import DeliveryFailure, with_retry
from gkcli.delivery.sentlog import SentLog, default_state_dir, locked
from gkcli.delivery.smtp import Security, smtp_config
from gkcli.delivery.webhook import check_answer, post, split_message
from gkcli.errors import DataError, UsageError, WriteError
from tests import faults
from tests.servers import RobotServer, free_port, robot_server

__all__ = ["robot_server"]


class Flaky:
    def __init__(self, failures: list[DeliveryFailure]) -> None:
        self.failures = failures
        self.calls = 0

    def __call__(self) -> None:
        self.calls += 1
        if self.failures:
            raise self.failures.pop(0)


def test_transient_failures_are_retried_with_doubling_waits() -> None:
    waits: list[float] = []
    action = Flaky([DeliveryFailure("503", transient=True), DeliveryFailure("timeout", transient=True)])
    assert with_retry(action, retries=3, backoff=1.5, sleep=waits.append) == 3
    assert waits == [1.5, 3.0]


def test_retries_run_out() -> None:
    waits: list[float] = []
    action = Flaky([DeliveryFailure("503", transient=True)] * 5)
    with pytest.raises(DeliveryFailure) as caught:
        with_retry(action, retries=2, backoff=1, sleep=waits.append)
    assert caught.value.attempts == 3 and waits == [1, 2]


def test_permanent_failures_are_not_retried() -> None:
    waits: list[float] = []
    action = Flaky([DeliveryFailure("HTTP 404", transient=False)])
    with pytest.raises(DeliveryFailure):
        with_retry(action, retries=5, backoff=1, sleep=waits.append)
    assert action.calls == 1 and waits == []


def test_a_short_message_is_not_split() -> None:
    assert split_message("标题\n内容\n") == ["标题\n内容\n"]


def test_a_long_message_is_split_between_lines_within_the_byte_limit() -> None:
    lines = [f"- 任务 {number} " + "政务公开" * 20 for number in range(60)]
    text = "### 【政务公开提醒】市政数局\n" + "\n".join(lines) + "\n"
    parts = split_message(text, 4096)
    assert len(parts) == 4
    assert all(len(part.encode("utf-8")) <= 4096 for part in parts)
    assert [part.split("\n")[0] for part in parts] == [f"### 【政务公开提醒】市政数局（{n}/4）" for n in range(1, 5)]
    assert [line for part in parts for line in part.strip().split("\n")[1:]] == lines


def test_an_overlong_line_is_cut_without_breaking_characters() -> None:
    parts = split_message("标题\n" + "长" * 3000 + "\n", 4096)
    assert all(len(part.encode("utf-8")) <= 4096 for part in parts)
    assert "长" * 1000 in parts[0]


@pytest.mark.parametrize(
    ("answer", "message", "transient"),
    [
        (b'{"errcode": 93000, "errmsg": "invalid webhook url"}', "机器人返回错误 93000：invalid webhook url", False),
        (b'{"errcode": 45009, "errmsg": "api freq out of limit"}', "机器人返回错误 45009", True),
        (b'{"code": 19001, "msg": "param invalid"}', "机器人返回错误 19001：param invalid", False),
    ],
)
def test_robot_error_codes(answer: bytes, message: str, transient: bool) -> None:
    with pytest.raises(DeliveryFailure, match=message) as caught:
        check_answer(answer)
    assert caught.value.transient is transient


@pytest.mark.parametrize("answer", [b'{"errcode": 0, "errmsg": "ok"}', b'{"code": 0, "msg": "success"}', b"ok"])
def test_robot_success(answer: bytes) -> None:
    check_answer(answer)


def test_post_reports_server_errors_timeouts_and_refusals(robot_server: RobotServer) -> None:
    post(robot_server.url("/ok"), {"msgtype": "markdown", "markdown": {"content": "你好"}}, timeout=5)
    assert robot_server.hits[0].body == {"msgtype": "markdown", "markdown": {"content": "你好"}}
    with pytest.raises(DeliveryFailure, match="HTTP 500") as server_error:
        post(robot_server.url("/fail"), {}, timeout=5)
    with pytest.raises(DeliveryFailure, match="HTTP 404") as client_error:
        post(robot_server.url("/gone"), {}, timeout=5)
    assert not client_error.value.transient
    with pytest.raises(DeliveryFailure, match="请求超时") as timeout:
        post(robot_server.url("/slow"), {}, timeout=0.2)
    with pytest.raises(DeliveryFailure, match="无法连接") as refused:
        post(f"http://127.0.0.1:{free_port()}/x", {}, timeout=5)
    assert server_error.value.transient and timeout.value.transient and refused.value.transient


def test_smtp_settings_from_the_environment() -> None:
    config = smtp_config({"GK_SMTP_HOST": "smtp.example.org", "GK_SMTP_USER": "gk@example.org", "GK_SMTP_PASSWORD": "x"})
    assert (config.port, config.security, config.sender) == (587, Security.STARTTLS, "gk@example.org")
    assert smtp_config({"GK_SMTP_HOST": "h", "GK_SMTP_SECURITY": "ssl", "GK_SMTP_FROM": "a@example.org"}).port == 465


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({}, "GK_SMTP_HOST"),
        ({"GK_SMTP_HOST": "h", "GK_SMTP_SECURITY": "tls", "GK_SMTP_FROM": "a@example.org"}, "GK_SMTP_SECURITY"),
        ({"GK_SMTP_HOST": "h", "GK_SMTP_PORT": "abc", "GK_SMTP_FROM": "a@example.org"}, "GK_SMTP_PORT"),
        ({"GK_SMTP_HOST": "h", "GK_SMTP_USER": "u@example.org"}, "GK_SMTP_PASSWORD"),
        ({"GK_SMTP_HOST": "h"}, "GK_SMTP_FROM"),
    ],
)
def test_smtp_setting_mistakes(env: dict[str, str], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        smtp_config(env)


def test_secrets_file_format(tmp_path: Path) -> None:
    text = "# comment\n\nexport GK_SMTP_PASSWORD='p w'\nGK_WECOM_KEY_A=\"abc\"\nGK_X = y=z\n"
    assert parse_secrets(text, tmp_path / "f") == {"GK_SMTP_PASSWORD": "p w", "GK_WECOM_KEY_A": "abc", "GK_X": "y=z"}
    with pytest.raises(UsageError, match=r"f:2: 应为“名称=值”的形式"):
        parse_secrets("A=1\nnot a line\n", tmp_path / "f")


def test_secrets_file_overrides_environment_and_must_live_outside_the_repository(tmp_path: Path) -> None:
    data = tmp_path / "repo" / "data"
    data.mkdir(parents=True)
    (tmp_path / "repo" / ".git").mkdir()
    outside = tmp_path / "etc" / "remind.env"
    outside.parent.mkdir()
    outside.write_text("GK_A=file\n")
    os.chmod(outside, 0o600)
    assert environment({"GK_A": "env", "GK_B": "env"}, outside, data) == {"GK_A": "file", "GK_B": "env"}
    in_repo = tmp_path / "repo" / "remind.env"
    in_repo.write_text("GK_A=file\n")
    os.chmod(in_repo, 0o600)
    with pytest.raises(UsageError, match="git 仓库"):
        environment({}, in_repo, data)


def test_expand_webhook_templates() -> None:
    assert expand("https://h/send?key=${K}", {"K": "v"}) == "https://h/send?key=v"
    with pytest.raises(DeliveryFailure, match="环境变量 K 未设置") as caught:
        expand("https://h/send?key=${K}", {})
    assert not caught.value.transient


def test_state_dir_default() -> None:
    home = Path("/home/clerk")
    assert default_state_dir({}, home) == home / ".local/state/gk"
    assert default_state_dir({"XDG_STATE_HOME": "/var/lib/x"}, home) == Path("/var/lib/x/gk")
    assert default_state_dir({"XDG_STATE_HOME": "relative"}, home) == home / ".local/state/gk"


def test_sent_log_records_survive_and_leave_no_temporary_files(tmp_path: Path) -> None:
    log = SentLog(tmp_path / "state")
    log.record("zhengshuju", "2024-W51", "email", "abc", "2024-12-20T09:00:00+08:00")
    again = SentLog(tmp_path / "state")
    assert again.find("zhengshuju", "2024-W51", "email") == {
        "unit_id": "zhengshuju",
        "period": "2024-W51",
        "channel": "email",
        "hash": "abc",
        "sent_at": "2024-12-20T09:00:00+08:00",
    }
    assert again.find("zhengshuju", "2024-W52", "email") is None
    assert sorted(path.name for path in (tmp_path / "state").iterdir()) == ["sent-log.json"]


def test_a_sent_log_write_on_a_full_disk_keeps_what_was_recorded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = SentLog(tmp_path)
    log.record("zhengshuju", "2024-W51", "email", "abc", "2024-12-20T09:00:00+08:00")
    before = (tmp_path / "sent-log.json").read_bytes()
    faults.disk_full(monkeypatch)
    with pytest.raises(WriteError, match="磁盘空间不足；原文件未改动"):
        log.record("zhengshuju", "2024-W52", "email", "def", "2024-12-27T09:00:00+08:00")
    assert (tmp_path / "sent-log.json").read_bytes() == before
    assert faults.leftovers(tmp_path) == []


def test_a_damaged_sent_log_is_reported(tmp_path: Path) -> None:
    (tmp_path / "sent-log.json").write_text("{not json")
    with pytest.raises(DataError, match="发送记录无法读取"):
        SentLog(tmp_path)


def test_a_second_run_is_refused_while_the_first_holds_the_lock(tmp_path: Path) -> None:
    with locked(tmp_path), pytest.raises(UsageError, match="正在使用"), locked(tmp_path):
        pass
    with locked(tmp_path):  # released again
        json.dumps({})
