"""The report of a `gk remind --send` run: one line per unit and channel, then the totals."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict

from gkcli.delivery.send import Outcome, Status
from gkcli.render.jsonfmt import dumps

MARKS = {Status.SENT: "✓ 已发送", Status.SKIPPED: "- 已跳过", Status.FAILED: "✗ 失败  ", Status.NO_CONTACT: "· 未配置"}


def _line(outcome: Outcome) -> str:
    where = f"{outcome.unit}  {outcome.channel}" if outcome.channel else outcome.unit
    detail = f"：{outcome.detail}" if outcome.detail else ""
    tries = f"（共尝试 {outcome.attempts} 次）" if outcome.attempts > 1 else ""
    return f"{MARKS[outcome.status]}  {where}{detail}{tries}"


def totals(outcomes: list[Outcome]) -> str:
    counts = {status: sum(1 for outcome in outcomes if outcome.status is status) for status in Status}
    period = outcomes[0].period if outcomes else ""
    return (
        f"发送结果（{period}）：已发送 {counts[Status.SENT]}，已跳过 {counts[Status.SKIPPED]}，"
        f"失败 {counts[Status.FAILED]}，未配置联系方式的单位 {counts[Status.NO_CONTACT]}"
    )


def text(outcomes: list[Outcome]) -> str:
    """A line per channel; units without contacts share one line, so a weekly log stays short."""
    if not outcomes:
        return "没有需要发送的提醒\n"
    lines = [_line(outcome) for outcome in outcomes if outcome.status is not Status.NO_CONTACT]
    missing = [outcome.unit for outcome in outcomes if outcome.status is Status.NO_CONTACT]
    if missing:
        lines.append(f"{MARKS[Status.NO_CONTACT]}  contacts.yaml 中没有联系方式，未发送（{len(missing)} 个单位）：{'、'.join(missing)}")
    return "\n".join([*lines, totals(outcomes)]) + "\n"


def as_json(outcomes: list[Outcome]) -> str:
    return dumps([asdict(outcome) for outcome in outcomes])


RENDERERS: dict[str, Callable[[list[Outcome]], str]] = {"text": text, "md": text, "json": as_json}
