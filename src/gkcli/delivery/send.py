"""Sending a run's digests to each unit's channels; one failure never stops the others.

A channel is one way to reach a unit: its e-mail addresses together (one message), or one chat
robot. Each channel's delivery is recorded in the sent-log under (unit, period, channel), so a
re-run in the same week sends only what has not gone out yet.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from gkcli.contacts import Contact, Webhook
from gkcli.delivery.environment import expand
from gkcli.delivery.retry import DeliveryFailure, Sleep, with_retry
from gkcli.delivery.sentlog import SentLog
from gkcli.delivery.smtp import SmtpConfig, compose, send_mail, smtp_config
from gkcli.delivery.webhook import ROBOTS, post, split_message
from gkcli.render.digest import ONE

Action = Callable[[], None]


class Status(StrEnum):
    SENT = "sent"
    SKIPPED = "skipped"  # already sent in this period
    FAILED = "failed"
    NO_CONTACT = "no_contact"


@dataclass(frozen=True)
class Outcome:
    unit: str
    unit_id: str
    period: str
    status: Status
    channel: str = ""  # Chinese label of the channel
    detail: str = ""
    attempts: int = 0


@dataclass(frozen=True)
class Settings:
    env: Mapping[str, str]
    now: dt.datetime
    timeout: float = 20.0
    retries: int = 0
    backoff: float = 2.0
    force: bool = False
    sleep: Sleep = time.sleep


@dataclass(frozen=True)
class Channel:
    key: str  # stable name in the sent-log; never contains a secret
    label: str
    fmt: str  # the digest rendering it carries: "text" or "md"
    actions: Callable[[str, str], list[Action]]  # (subject, body) -> one send per message part


def email_channel(addresses: list[str], smtp: SmtpConfig, settings: Settings) -> Channel:
    def actions(subject: str, body: str) -> list[Action]:
        message = compose(smtp, addresses, subject, body, settings.now)
        return [lambda: send_mail(smtp, message, settings.timeout)]

    return Channel("email", f"邮件（{'、'.join(addresses)}）", "text", actions)


def robot_channel(hook: Webhook, number: int, settings: Settings) -> Channel:
    robot = ROBOTS[hook.type]

    def actions(subject: str, body: str) -> list[Action]:
        def send(part: str) -> Action:
            return lambda: post(expand(hook.url, settings.env), robot.payload(subject, part), settings.timeout)

        return [send(part) for part in split_message(body)]

    name = hook.name or f"第 {number} 个"
    return Channel(f"{hook.type.value}:{hook.name or hook.url}", f"{robot.label}机器人（{name}）", robot.fmt, actions)


def channels_of(contact: Contact, smtp: SmtpConfig | None, settings: Settings) -> list[Channel]:
    found = [email_channel(contact.email, smtp, settings)] if contact.email and smtp else []
    return found + [robot_channel(hook, number, settings) for number, hook in enumerate(contact.webhooks, start=1)]


def deliver(digests: list[dict[str, Any]], contacts: dict[str, Contact], settings: Settings, log: SentLog) -> list[Outcome]:
    """Send every digest through every channel of its unit; SMTP settings are checked first."""
    wants_mail = any(contacts[digest["unit_id"]].email for digest in digests if digest["unit_id"] in contacts)
    smtp = smtp_config(settings.env) if wants_mail else None
    outcomes = []
    for digest in digests:
        contact = contacts.get(digest["unit_id"])
        if contact is None:
            outcomes.append(_outcome(digest, Status.NO_CONTACT, detail="contacts.yaml 中没有该单位的联系方式，未发送"))
            continue
        outcomes += [deliver_one(digest, channel, settings, log) for channel in channels_of(contact, smtp, settings)]
    return outcomes


def deliver_one(digest: dict[str, Any], channel: Channel, settings: Settings, log: SentLog) -> Outcome:
    """One digest through one channel, unless the sent-log says it already went out this period."""
    body = ONE[channel.fmt](digest)
    digest_hash = hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]
    sent = log.find(digest["unit_id"], digest["period"], channel.key)
    if sent is not None and not settings.force:
        changed = "，此后内容有变化" if sent["hash"] != digest_hash else ""
        return _outcome(digest, Status.SKIPPED, channel, f"本期已于 {sent['sent_at']} 发送{changed}；加 --force 可重发")
    attempts = 0
    try:
        for action in channel.actions(digest["subject"], body):
            attempts += with_retry(action, settings.retries, settings.backoff, settings.sleep)
    except DeliveryFailure as failure:
        return _outcome(digest, Status.FAILED, channel, str(failure), attempts + failure.attempts)
    log.record(digest["unit_id"], digest["period"], channel.key, digest_hash, settings.now.isoformat(timespec="seconds"))
    return _outcome(digest, Status.SENT, channel, attempts=attempts)


def _outcome(digest: dict[str, Any], status: Status, channel: Channel | None = None, detail: str = "", attempts: int = 0) -> Outcome:
    return Outcome(digest["unit"], digest["unit_id"], digest["period"], status, channel.label if channel else "", detail, attempts)
