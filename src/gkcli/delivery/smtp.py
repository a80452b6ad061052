"""E-mail through SMTP with the standard library, configured only by GK_SMTP_* variables.

SMTP's own rule decides what is worth retrying: 4xx replies are temporary, 5xx are permanent;
lost connections and timeouts are temporary too.
"""

from __future__ import annotations

import datetime as dt
import smtplib
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr
from enum import StrEnum

from gkcli.delivery.retry import DeliveryFailure
from gkcli.errors import UsageError


class Security(StrEnum):
    STARTTLS = "starttls"
    SSL = "ssl"
    NONE = "none"


DEFAULT_PORTS = {Security.STARTTLS: 587, Security.SSL: 465, Security.NONE: 25}


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int
    security: Security
    sender: str
    user: str | None = None
    password: str | None = None


def smtp_config(env: Mapping[str, str]) -> SmtpConfig:
    """The SMTP settings from GK_SMTP_HOST/PORT/SECURITY/USER/PASSWORD/FROM; mistakes are usage errors."""
    host = env.get("GK_SMTP_HOST", "").strip()
    if not host:
        raise UsageError("要发送邮件，请设置环境变量 GK_SMTP_HOST（以及 GK_SMTP_FROM 等，见 README“每周提醒”）")
    security_text = env.get("GK_SMTP_SECURITY", Security.STARTTLS).strip().lower()
    if security_text not in set(Security):
        raise UsageError(f"GK_SMTP_SECURITY 的值“{security_text}”无效，应为 starttls、ssl 或 none")
    security = Security(security_text)
    port_text = env.get("GK_SMTP_PORT", "").strip()
    if port_text and not (port_text.isdigit() and 0 < int(port_text) < 65536):
        raise UsageError(f"GK_SMTP_PORT 的值“{port_text}”无效，应为 1–65535 的整数")
    user, password = env.get("GK_SMTP_USER") or None, env.get("GK_SMTP_PASSWORD") or None
    if user and not password:
        raise UsageError("设置了 GK_SMTP_USER 却没有 GK_SMTP_PASSWORD：请在环境变量或 --secrets 文件中设置密码")
    sender = env.get("GK_SMTP_FROM") or user or ""
    if "@" not in parseaddr(sender)[1]:
        raise UsageError("请设置发件人 GK_SMTP_FROM，如 GK_SMTP_FROM='政务公开办 <gk@example.org>'")
    return SmtpConfig(host, int(port_text) if port_text else DEFAULT_PORTS[security], security, sender, user, password)


def compose(config: SmtpConfig, recipients: list[str], subject: str, body: str, now: dt.datetime) -> EmailMessage:
    """A UTF-8 plain-text message; the Chinese subject is encoded by the e-mail package (RFC 2047)."""
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = config.sender
    message["To"] = ", ".join(recipients)
    message["Date"] = format_datetime(now)
    message["Message-ID"] = make_msgid(domain=parseaddr(config.sender)[1].partition("@")[2] or None)
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: auto-responders should not answer
    message.set_content(body, charset="utf-8")
    return message


def send_mail(config: SmtpConfig, message: EmailMessage, timeout: float) -> None:
    """Send one message; every failure becomes a DeliveryFailure saying whether to retry."""
    try:
        _send(config, message, timeout)
    except smtplib.SMTPRecipientsRefused as error:
        codes = [code for code, _ in error.recipients.values()]
        refused = "、".join(f"{address}（{code}）" for address, (code, _) in error.recipients.items())
        raise DeliveryFailure(f"收件人被拒收：{refused}", transient=all(400 <= code < 500 for code in codes)) from None
    except smtplib.SMTPResponseException as error:
        text = error.smtp_error.decode("utf-8", "replace") if isinstance(error.smtp_error, bytes) else str(error.smtp_error)
        transient = 400 <= error.smtp_code < 500
        raise DeliveryFailure(f"SMTP 服务器拒绝：{error.smtp_code} {text}", transient=transient) from None
    except smtplib.SMTPServerDisconnected as error:
        raise DeliveryFailure(f"SMTP 连接中断：{error}", transient=True) from None
    except smtplib.SMTPException as error:
        raise DeliveryFailure(f"SMTP 错误：{error}", transient=False) from None
    except ssl.SSLError as error:
        raise DeliveryFailure(f"TLS 错误（检查 GK_SMTP_SECURITY 与端口是否匹配）：{error}", transient=False) from None
    except TimeoutError:
        raise DeliveryFailure(f"连接 {config.host}:{config.port} 超时（{timeout:g} 秒）", transient=True) from None
    except OSError as error:
        raise DeliveryFailure(f"无法连接 {config.host}:{config.port}：{error.strerror or error}", transient=True) from None


def _send(config: SmtpConfig, message: EmailMessage, timeout: float) -> None:
    context = ssl.create_default_context()
    client: smtplib.SMTP
    if config.security is Security.SSL:
        client = smtplib.SMTP_SSL(config.host, config.port, timeout=timeout, context=context)
    else:
        client = smtplib.SMTP(config.host, config.port, timeout=timeout)
    with client:
        if config.security is Security.STARTTLS:
            client.starttls(context=context)
        if config.user and config.password:
            client.login(config.user, config.password)
        refused = client.send_message(message)
    if refused:
        raise smtplib.SMTPRecipientsRefused(refused)
