"""Reminder digests as stable JSON objects, with the Chinese wording every format shares."""

from __future__ import annotations

from typing import Any

from gkcli.data import Data
from gkcli.remind import SECTIONS, YEAR_END_DAYS, Digest, Section
from gkcli.views.agenda import fold_missed, item_json

SUMMARY_CHARS = 40
MIN_SENTENCE = 8  # a first sentence shorter than this says too little on its own
SENTENCE_ENDS = "。；;"
BRAND = "【政务公开提醒】"


def section_title(section: str, within: int) -> str:
    titles = {
        Section.OVERDUE: "逾期未完成",
        Section.DUE_SOON: f"{within} 天内到期",
        Section.CHECKPOINTS: f"{within} 天内的定期检查点与申请答复期限",
        Section.YEAR_END: f"全年任务待收尾（年底前 {YEAR_END_DAYS} 天内）",
    }
    return titles[Section(section)]


def short_text(text: str, limit: int = SUMMARY_CHARS) -> str:
    """`text` cut to at most `limit` characters, at a sentence end when one is near, marked with …"""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    cut = max(head.rfind(mark) for mark in SENTENCE_ENDS)
    return (head[: cut + 1] if cut + 1 >= MIN_SENTENCE else head) + "…"


def count_label(section: str, within: int) -> str:
    labels = {
        Section.OVERDUE: "逾期",
        Section.DUE_SOON: f"{within}天内到期",
        Section.CHECKPOINTS: "检查点/申请期限",
        Section.YEAR_END: "全年任务待收尾",
    }
    return labels[Section(section)]


def subject(unit: str, period: str, counts: dict[str, int], within: int) -> str:
    """The first line of every format: who, which week, and how many of each kind."""
    head = f"{BRAND}{unit}（{period}）"
    if not counts["total"]:
        return f"{head}：本周没有需要提醒的事项"
    parts = [f"{count_label(section, within)} {counts[section]}" for section in SECTIONS if counts[section]]
    return f"{head}：共 {counts['total']} 项——" + "，".join(parts)


def digest_json(digest: Digest, data: Data) -> dict[str, Any]:
    """The stable JSON object of one unit's digest (documented in README.md)."""
    unit = data.directory.name(digest.party)
    items = [
        {**item_json(item, data), "section": section.value, "summary": short_text(item.duty.task.content)}
        for section in SECTIONS
        for item in digest.sections[section]
    ]
    items = fold_missed(items)
    counts = {section.value: sum(1 for item in items if item["section"] == section) for section in SECTIONS}
    counts["total"] = sum(counts.values())
    return {
        "unit": unit,
        "unit_id": digest.party,
        "as_of": digest.as_of,
        "period": digest.period,
        "within_days": digest.within,
        "register": data.register.title,
        "subject": subject(unit, digest.period, counts, digest.within),
        "counts": counts,
        "items": items,
    }
