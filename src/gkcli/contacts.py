"""Who hears the reminders: contacts.yaml (e-mail addresses and chat-robot webhooks per unit).

The file is kept in version control, so it must never hold a secret: a robot's key is written as
an environment-variable reference (`key=${GK_WECOM_KEY_ZHENGSHUJU}`) and expanded only when
sending; passwords come from the environment or from a --secrets file outside the repository.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from pydantic import Field, StrictStr, ValidationError

from gkcli.errors import DataError, Problem, UsageError
from gkcli.load import Document, load_file
from gkcli.model import Closed, Text
from gkcli.units import Directory, describe_invisible, reveal_invisible

CONTACTS_FILE = "contacts.yaml"
EMAIL = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+$")
ENV_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
SECRET_FIELD = re.compile(r"pass(word|wd)?|pwd|secret|token|^key$|_key$|口令|密码|密钥", re.IGNORECASE)
SECRET_PARAMS = frozenset({"key", "access_token", "token", "secret", "sign", "password"})
ENV_HINT = "请改用环境变量引用，如 ${GK_WECOM_KEY_XXX}，并在环境变量或 --secrets 文件中设置它的值"
FIELD_HINT = "请改用环境变量：SMTP 密码用 GK_SMTP_PASSWORD，机器人密钥在地址中写成 ${环境变量名}（见 README“每周提醒”）"


class RobotType(StrEnum):
    WECOM = "wecom"
    DINGTALK = "dingtalk"
    FEISHU = "feishu"


class Webhook(Closed):
    """一个群机器人。"""

    type: RobotType = Field(description="wecom 企业微信；dingtalk 钉钉；feishu 飞书")
    url: Text = Field(description="Webhook 地址；其中的密钥写成 ${环境变量名}")
    name: StrictStr | None = Field(None, description="便于识别的名称，如“政数局工作群”")


class Contact(Closed):
    """一个单位接收提醒的方式。"""

    unit: Text = Field(description="单位名称、id 或别名（见 units.yaml）")
    email: list[Text] = Field(default_factory=list, description="收件人邮箱")
    webhooks: list[Webhook] = Field(default_factory=list, description="群机器人")
    note: StrictStr | None = None


class ContactsFile(Closed):
    """contacts.yaml。"""

    contacts: list[Contact] = Field(default_factory=list)


def secret_fields(data: Any, loc: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Every mapping key that looks like a password or token, wherever it is."""
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str) and SECRET_FIELD.search(key):
                yield (*loc, key), key
            yield from secret_fields(value, (*loc, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from secret_fields(value, (*loc, index))


def url_problems(url: str) -> Iterator[str]:
    """What is wrong with a webhook URL template, in Chinese."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("https", "http") or not parts.hostname or " " in url.strip():
        yield f"webhook 地址“{url}”无效：应以 https:// 开头，如 https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${{GK_WECOM_KEY}}"
        return
    if parts.password is not None:
        yield f"webhook 地址中不能写用户名和密码；{ENV_HINT}"
    for name, value in parse_qsl(parts.query, keep_blank_values=True):
        if name.lower() in SECRET_PARAMS and not ENV_REF.fullmatch(value):
            yield f"webhook 地址中的 {name}= 是密钥，不能写进文件；{ENV_HINT}"
    hook = parts.path.partition("/hook/")[2]
    if hook and not ENV_REF.fullmatch(hook):
        yield f"webhook 地址 /hook/ 之后的部分是密钥，不能写进文件；{ENV_HINT}"


def valid_entries(doc: Document) -> list[tuple[int, Contact]]:
    """The entries that are well-formed on their own, so one bad entry does not hide the others' problems."""
    entries = doc.data.get("contacts") if isinstance(doc.data, dict) else None
    found = []
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        try:
            found.append((index, Contact.model_validate(entry)))
        except ValidationError:
            continue
    return found


def contact_problems(doc: Document, entries: list[tuple[int, Contact]], directory: Directory | None) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for index, contact in entries:
        loc = ("contacts", index)
        if not contact.email and not contact.webhooks:
            yield doc.problem(loc, f"“{contact.unit}”没有填写 email 或 webhooks")
        for position, address in enumerate(contact.email):
            if not EMAIL.match(address):
                yield doc.problem((*loc, "email", position), f"邮箱地址“{address}”无效，应形如 name@example.org")
        for position, hook in enumerate(contact.webhooks):
            for message in url_problems(hook.url):
                yield doc.problem((*loc, "webhooks", position, "url"), message)
        invisible = describe_invisible(contact.unit)
        if invisible:
            yield doc.problem((*loc, "unit"), f"单位“{reveal_invisible(contact.unit)}”中含有{invisible}，请删除")
        if directory is None:
            continue
        party = directory.lookup(contact.unit)
        if party is None:
            hint = directory.suggest(contact.unit)
            tail = f"；您是不是要找：{'、'.join(hint)}" if hint else ""
            yield doc.problem((*loc, "unit"), f"units.yaml 中没有单位“{contact.unit}”{tail}")
        elif party in seen:
            line = doc.where(("contacts", seen[party], "unit"))[0]
            yield doc.problem((*loc, "unit"), f"“{contact.unit}”重复：第 {line} 行已有同一单位（{directory.name(party)}），请合并为一项")
        elif party in directory.groups and directory.members(party):
            yield doc.problem((*loc, "unit"), f"“{contact.unit}”是有成员的单位组：提醒按成员单位发送，请为各成员单位分别填写")
        if party is not None:
            seen.setdefault(party, index)


def check_contacts(doc: Document, directory: Directory | None) -> tuple[ContactsFile | None, list[Problem]]:
    """contacts.yaml: no secrets, schema, valid addresses and URLs, known units, no duplicates."""
    from gkcli.validate import parse_model

    secrets = [doc.problem(loc, f"不能在文件中写密码或密钥（{key}）：{FIELD_HINT}") for loc, key in secret_fields(doc.data)]
    flagged = {(problem.line, problem.col) for problem in secrets}
    contacts, problems = parse_model(doc, ContactsFile)
    problems = secrets + [problem for problem in problems if (problem.line, problem.col) not in flagged]
    entries = list(enumerate(contacts.contacts)) if contacts is not None else valid_entries(doc)
    problems.extend(contact_problems(doc, entries, directory))
    return contacts, problems


def load_contacts(path: Path, directory: Directory) -> dict[str, Contact]:
    """The contacts by unit id; a missing file is a usage error, any problem a DataError."""
    if not path.is_file():
        raise UsageError(f"没有找到联系方式文件 {path}；格式见 README“每周提醒（gk remind）”一节")
    doc = load_file(path)
    contacts, problems = check_contacts(doc, directory)
    if doc.problems or problems or contacts is None:
        raise DataError(doc.problems + problems)
    return by_unit(contacts.contacts, directory)


def by_unit(contacts: Iterable[Contact], directory: Directory) -> dict[str, Contact]:
    return {directory.resolve(contact.unit): contact for contact in contacts}
