"""gk remind --send against a real SMTP server and a real HTTP robot on 127.0.0.1."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import gk
from tests.servers import RobotServer, SmtpSink, free_port, robot_server, smtp_sink

__all__ = ["robot_server", "smtp_sink"]

AS_OF = "2024-12-20"  # a Friday in ISO week 2024-W51
WECOM_KEY = "wecom-key-for-tests"


@pytest.fixture
def setup(data_copy: Path, smtp_sink: SmtpSink, robot_server: RobotServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Contacts for four units (one robot fails, one port is closed) and SMTP settings; returns the state dir."""
    (data_copy / "contacts.yaml").write_text(
        f"""contacts:
  - unit: 市政府办
    email: [ban@example.org, li@example.org]
    webhooks:
      - type: wecom
        name: 政府办工作群
        url: {robot_server.url("/cgi-bin/webhook/send")}?key=${{GK_TEST_WECOM_KEY}}
  - unit: 市政数局
    email: [shuju@example.org]
  - unit: 市司法局
    webhooks:
      - type: wecom
        url: {robot_server.url("/fail")}?key=${{GK_TEST_WECOM_KEY}}
  - unit: 市人社局
    webhooks:
      - type: dingtalk
        url: {robot_server.url("/robot/send")}?access_token=${{GK_TEST_WECOM_KEY}}
  - unit: 市社保局
    webhooks:
      - type: wecom
        url: http://127.0.0.1:{free_port()}/cgi-bin/webhook/send?key=${{GK_TEST_WECOM_KEY}}
""",
        encoding="utf-8",
    )
    for name, value in {
        "GK_SMTP_HOST": smtp_sink.host,
        "GK_SMTP_PORT": str(smtp_sink.port),
        "GK_SMTP_SECURITY": "none",
        "GK_SMTP_FROM": "政务公开办 <gk@example.org>",
        "GK_TEST_WECOM_KEY": WECOM_KEY,
    }.items():
        monkeypatch.setenv(name, value)
    return tmp_path / "state"


def send(data: Path, state: Path, *extra: str, code: int) -> str:
    return gk("remind", "--all", "--as-of", AS_OF, "--send", "--data", str(data), "--state", str(state), *extra, code=code).stdout


def test_a_week_of_reminders_reaches_every_unit_once(setup: Path, data_copy: Path, smtp_sink: SmtpSink, robot_server: RobotServer) -> None:
    report = send(data_copy, setup, code=4)

    assert len(smtp_sink.mails) == 2
    office = next(mail for mail in smtp_sink.mails if "ban@example.org" in mail.recipients)
    assert office.recipients == ["ban@example.org", "li@example.org"]
    assert office.sender == "gk@example.org"
    message = office.message
    assert message["Subject"] == "【政务公开提醒】市政府办（2024-W51）：共 15 项——逾期 6，全年任务待收尾 9"
    assert b"=?utf-8?" in office.raw.split(b"\r\n\r\n")[0].lower()  # the Chinese subject is RFC 2047-encoded
    assert message["To"] == "ban@example.org, li@example.org"
    assert message["Auto-Submitted"] == "auto-generated"
    assert message.get_content_charset() == "utf-8"
    body = message.get_content()
    assert "■ 逾期未完成（6 项）" in body and "任务 38  开展政府开放月活动。…" in body
    assert "截止 2024-08-31，逾期 111 天（牵头）" in body

    [wecom] = robot_server.hits_on("/cgi-bin/webhook/send")
    assert wecom.query == {"key": [WECOM_KEY]}
    assert wecom.content_type == "application/json; charset=utf-8"
    assert wecom.body["msgtype"] == "markdown"
    content = wecom.body["markdown"]["content"]
    assert content.startswith("### 【政务公开提醒】市政府办（2024-W51）")
    assert len(content.encode("utf-8")) <= 4096
    [dingtalk] = robot_server.hits_on("/robot/send")
    assert dingtalk.query == {"access_token": [WECOM_KEY]}
    assert dingtalk.body["markdown"]["title"].startswith("【政务公开提醒】市人社局")
    assert "**逾期未完成" in dingtalk.body["markdown"]["text"]

    assert len(robot_server.hits_on("/fail")) == 1  # no --retry: tried once
    assert "✗ 失败    市司法局  企业微信机器人（第 1 个）：HTTP 500" in report
    assert "✗ 失败    市社保局  企业微信机器人（第 1 个）：无法连接" in report
    assert "✓ 已发送  市政府办  邮件（ban@example.org、li@example.org）" in report
    assert "· 未配置  contacts.yaml 中没有联系方式，未发送（18 个单位）：市民政局、市医保局、" in report
    assert "发送结果（2024-W51）：已发送 4，已跳过 0，失败 2，未配置联系方式的单位 18" in report
    assert WECOM_KEY not in report

    again = send(data_copy, setup, code=4)  # same week: only the failed ones are tried again
    assert len(smtp_sink.mails) == 2
    assert len(robot_server.hits_on("/cgi-bin/webhook/send")) == 1
    assert len(robot_server.hits_on("/fail")) == 2
    assert "- 已跳过  市政府办  邮件（ban@example.org、li@example.org）：本期已于" in again

    robot_server.healed = True
    healed = send(data_copy, setup, code=4)  # 市社保局's port is still closed
    assert len(robot_server.hits_on("/fail")) == 3
    assert "✓ 已发送  市司法局" in healed

    later_same_week = gk("remind", "--unit", "市司法局", "--as-of", "2024-12-22", "--send", "--data", str(data_copy), "--state", str(setup))
    assert "已跳过" in later_same_week.stdout and "此后内容有变化" in later_same_week.stdout
    assert len(robot_server.hits_on("/fail")) == 3

    send(data_copy, setup, "--force", code=4)
    assert len(smtp_sink.mails) == 4
    assert len(robot_server.hits_on("/cgi-bin/webhook/send")) == 2


def test_all_delivered_exits_0_and_next_week_sends_again(
    setup: Path, data_copy: Path, smtp_sink: SmtpSink, robot_server: RobotServer
) -> None:
    gk("remind", "--unit", "市政数局", "--as-of", AS_OF, "--send", "--data", str(data_copy), "--state", str(setup))
    gk("remind", "--unit", "市政数局", "--as-of", AS_OF, "--send", "--data", str(data_copy), "--state", str(setup))
    assert len(smtp_sink.mails) == 1
    gk("remind", "--unit", "市政数局", "--as-of", "2024-12-23", "--send", "--data", str(data_copy), "--state", str(setup))
    assert len(smtp_sink.mails) == 2
    assert "2024-W52" in smtp_sink.mails[1].message["Subject"]
    log = json.loads((setup / "sent-log.json").read_text(encoding="utf-8"))
    assert [(entry["unit_id"], entry["period"], entry["channel"]) for entry in log["sent"]] == [
        ("zhengshuju", "2024-W51", "email"),
        ("zhengshuju", "2024-W52", "email"),
    ]


def test_retry_recovers_from_a_transient_failure(setup: Path, data_copy: Path, robot_server: RobotServer) -> None:
    contacts = data_copy / "contacts.yaml"
    contacts.write_text(contacts.read_text(encoding="utf-8").replace("/fail?", "/flaky?"), encoding="utf-8")
    run = gk(
        "remind", "--unit", "市司法局", "--as-of", AS_OF, "--send", "--retry", "2", "--backoff", "0",
        "--data", str(data_copy), "--state", str(setup),
    )  # fmt: skip
    assert len(robot_server.hits_on("/flaky")) == 2
    assert "✓ 已发送  市司法局  企业微信机器人（第 1 个）（共尝试 2 次）" in run.stdout


def test_a_client_error_is_not_retried(setup: Path, data_copy: Path, robot_server: RobotServer) -> None:
    contacts = data_copy / "contacts.yaml"
    contacts.write_text(contacts.read_text(encoding="utf-8").replace("/fail?", "/bad-key?"), encoding="utf-8")
    run = gk(
        "remind", "--unit", "市司法局", "--as-of", AS_OF, "--send", "--retry", "3", "--backoff", "0",
        "--data", str(data_copy), "--state", str(setup), code=4,
    )  # fmt: skip
    assert len(robot_server.hits_on("/bad-key")) == 1
    assert "机器人返回错误 93000：invalid webhook url" in run.stdout


def test_dry_run_sends_nothing_and_writes_no_state(setup: Path, data_copy: Path, smtp_sink: SmtpSink, robot_server: RobotServer) -> None:
    run = gk("remind", "--all", "--as-of", AS_OF, "--data", str(data_copy), "--state", str(setup))
    assert run.stdout.startswith("【政务公开提醒】市政府办（2024-W51）")
    assert "未发送" in run.stderr
    assert smtp_sink.mails == [] and robot_server.hits == []
    assert not setup.exists()


def test_json_report(setup: Path, data_copy: Path) -> None:
    run = gk("remind", "--unit", "市政数局", "--as-of", AS_OF, "--send", "-f", "json", "--data", str(data_copy), "--state", str(setup))
    assert json.loads(run.stdout) == [
        {
            "unit": "市政数局",
            "unit_id": "zhengshuju",
            "period": "2024-W51",
            "status": "sent",
            "channel": "邮件（shuju@example.org）",
            "detail": "",
            "attempts": 1,
        }
    ]


def test_smtp_login_with_password_from_a_secrets_file(
    setup: Path, data_copy: Path, smtp_sink: SmtpSink, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GK_SMTP_FROM")
    secrets = tmp_path / "secrets" / "remind.env"
    secrets.parent.mkdir()
    secrets.write_text("# gk remind\nexport GK_SMTP_USER=gk@example.org\nGK_SMTP_PASSWORD='s3cret-smtp'\n", encoding="utf-8")
    os.chmod(secrets, 0o600)
    args = ["remind", "--unit", "市政数局", "--as-of", AS_OF, "--send", "--data", str(data_copy), "--state", str(setup)]
    gk(*args, "--secrets", str(secrets))
    assert smtp_sink.logins == [("gk@example.org", "s3cret-smtp")]
    assert smtp_sink.mails[0].sender == "gk@example.org"

    os.chmod(secrets, 0o644)
    assert "权限过宽" in gk(*args, "--force", "--secrets", str(secrets), code=2).stderr
    inside = data_copy / "remind.env"
    inside.write_text("GK_SMTP_PASSWORD=x\n", encoding="utf-8")
    os.chmod(inside, 0o600)
    assert "位于数据目录" in gk(*args, "--force", "--secrets", str(inside), code=2).stderr


def test_missing_smtp_settings_stop_before_sending(
    setup: Path, data_copy: Path, robot_server: RobotServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GK_SMTP_HOST")
    run = gk("remind", "--all", "--as-of", AS_OF, "--send", "--data", str(data_copy), "--state", str(setup), code=2)
    assert "GK_SMTP_HOST" in run.stderr
    assert robot_server.hits == []


def test_a_missing_webhook_variable_fails_only_that_channel(
    setup: Path, data_copy: Path, smtp_sink: SmtpSink, robot_server: RobotServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GK_TEST_WECOM_KEY")
    run = gk("remind", "--unit", "市政府办", "--as-of", AS_OF, "--send", "--data", str(data_copy), "--state", str(setup), code=4)
    assert "环境变量 GK_TEST_WECOM_KEY 未设置" in run.stdout
    assert len(smtp_sink.mails) == 1 and robot_server.hits == []


def test_send_without_a_contacts_file(data_copy: Path, tmp_path: Path) -> None:
    (data_copy / "contacts.yaml").unlink()
    run = gk("remind", "--all", "--as-of", AS_OF, "--send", "--data", str(data_copy), "--state", str(tmp_path / "s"), code=2)
    assert "没有找到联系方式文件" in run.stderr


def test_a_long_digest_reaches_the_robot_in_numbered_parts(setup: Path, data_copy: Path, robot_server: RobotServer) -> None:
    gk("remind", "--unit", "市政府办", "--as-of", "2024-12-27", "--send", "--data", str(data_copy), "--state", str(setup))
    parts = [hit.body["markdown"]["content"] for hit in robot_server.hits_on("/cgi-bin/webhook/send")]
    assert len(parts) == 3
    assert all(len(part.encode("utf-8")) <= 4096 for part in parts)
    assert [part.split("\n")[0][-5:] for part in parts] == ["（1/3）", "（2/3）", "（3/3）"]
    received = "".join(parts)
    assert received.count("- 任务 ") == 64 and "任务 73 " in received


def test_a_refused_recipient_fails_only_that_unit(setup: Path, data_copy: Path, smtp_sink: SmtpSink) -> None:
    contacts = data_copy / "contacts.yaml"
    contacts.write_text(contacts.read_text(encoding="utf-8").replace("shuju@example.org", "nobody@example.org"), encoding="utf-8")
    run = gk(
        "remind", "--all", "--as-of", AS_OF, "--send", "--retry", "2", "--backoff", "0",
        "--data", str(data_copy), "--state", str(setup), code=4,
    )  # fmt: skip
    assert "✗ 失败    市政数局  邮件（nobody@example.org）：收件人被拒收：nobody@example.org（550）" in run.stdout
    assert "（共尝试" not in run.stdout.split("市政数局")[1].split("\n")[0]  # 5xx is permanent: no retry
    assert [mail.recipients for mail in smtp_sink.mails] == [["ban@example.org", "li@example.org"]]
