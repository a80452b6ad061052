"""contacts.yaml: problems at their lines, secrets refused, units resolved."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gkcli.contacts import check_contacts, load_contacts
from gkcli.data import load_data
from gkcli.errors import DataError
from gkcli.load import load_text
from gkcli.units import Directory
from tests.conftest import DATA, gk


@pytest.fixture(scope="module")
def directory() -> Directory:
    return load_data(DATA).directory


def problems(text: str, directory: Directory) -> list[str]:
    doc = load_text(text, "contacts.yaml")
    return [f"{problem.line}: {problem.message}" for problem in check_contacts(doc, directory)[1]]


def test_a_good_file_has_no_problems(directory: Directory) -> None:
    text = """contacts:
  - unit: 市政数局
    email: [gongkai@example.org]
    webhooks:
      - type: wecom
        url: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${GK_WECOM_KEY_ZHENGSHUJU}
      - type: feishu
        url: https://open.feishu.cn/open-apis/bot/v2/hook/${GK_FEISHU_HOOK}
  - unit: sifaju
    email: [a@example.org]
"""
    assert problems(text, directory) == []


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("email: [not-an-email]", "3: 邮箱地址“not-an-email”无效"),
        (
            "webhooks: [{type: wecom, url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6'}]",
            "3: webhook 地址中的 key= 是密钥",
        ),
        ("webhooks: [{type: dingtalk, url: 'https://oapi.dingtalk.com/robot/send?access_token=abc'}]", "3: webhook 地址中的 access_token="),
        ("webhooks: [{type: feishu, url: 'https://open.feishu.cn/open-apis/bot/v2/hook/abc'}]", "3: webhook 地址 /hook/ 之后的部分是密钥"),
        ("webhooks: [{type: wecom, url: 'ftp://example.org/x'}]", "3: webhook 地址“ftp://example.org/x”无效"),
        ("webhooks: [{type: wecom, url: 'https://u:p@example.org/x'}]", "3: webhook 地址中不能写用户名和密码"),
        (
            "password: hunter2\n    email: [a@example.org]",
            "3: 不能在文件中写密码或密钥（password）：请改用环境变量：SMTP 密码用 GK_SMTP_PASSWORD",
        ),
        ("note: 无", "2: “市政数局”没有填写 email 或 webhooks"),
    ],
)
def test_problems_point_at_their_line(directory: Directory, entry: str, expected: str) -> None:
    found = problems(f"contacts:\n  - unit: 市政数局\n    {entry}\n", directory)
    assert len(found) == 1 and found[0].startswith(expected), found


def test_unknown_duplicate_and_group_units(directory: Directory) -> None:
    text = """contacts:
  - unit: 市政数据局
    email: [a@example.org]
  - unit: 市政数局
    email: [a@example.org]
  - unit: zhengshuju
    email: [b@example.org]
  - unit: 市政府各相关部门（单位）
    email: [c@example.org]
"""
    assert problems(text, directory) == [
        "2: units.yaml 中没有单位“市政数据局”；您是不是要找：市政数局、市财政局、市民政局",
        "6: “zhengshuju”重复：第 4 行已有同一单位（市政数局），请合并为一项",
        "8: “市政府各相关部门（单位）”是有成员的单位组：提醒按成员单位发送，请为各成员单位分别填写",
    ]


def test_one_bad_entry_does_not_hide_the_others(directory: Directory) -> None:
    text = "contacts:\n  - unit: 市政数局\n    webhooks: [{type: slack, url: 'https://example.org'}]\n  - unit: 市司法局\n    email: [x]\n"
    found = problems(text, directory)
    assert [line.split(":")[0] for line in found] == ["3", "5"]


def test_gk_validate_checks_the_contacts_file(data_copy: Path) -> None:
    (data_copy / "contacts.yaml").write_text("contacts:\n  - unit: 市政数局\n    smtp_password: x\n    email: [a@example.org]\n")
    run = gk("validate", str(data_copy), code=1)
    assert f"{data_copy / 'contacts.yaml'}:3:5: 不能在文件中写密码或密钥（smtp_password）" in run.stdout
    gk("validate", str(data_copy / "contacts.yaml"), code=1)


def test_the_shipped_example_is_valid() -> None:
    assert "检查通过" in gk("validate", str(DATA / "contacts.yaml")).stdout


def test_load_contacts_keys_by_unit_id(tmp_path: Path, directory: Directory) -> None:
    path = tmp_path / "contacts.yaml"
    path.write_text("contacts:\n  - unit: 市政数局\n    email: [a@example.org]\n", encoding="utf-8")
    assert list(load_contacts(path, directory)) == ["zhengshuju"]
    path.write_text("contacts:\n  - unit: 市政数局\n    email: [bad]\n", encoding="utf-8")
    with pytest.raises(DataError, match=re.escape("contacts.yaml:3:13: 邮箱地址“bad”无效")):
        load_contacts(path, directory)
