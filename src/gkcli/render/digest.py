"""Reminder digests as plain text (e-mail), Markdown (chat robots) or JSON (scripts).

Each format renders one digest; `RENDERERS` renders a whole run (the dry-run output).
The first line of text and Markdown is the subject, so the counts are seen first.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby
from typing import Any

from gkcli.render.jsonfmt import dumps
from gkcli.views.agenda import days_label, occurrence_label
from gkcli.views.remind import section_title

Digest = dict[str, Any]
FOOTER = "（本提醒由 gk remind 自动生成）"


def _details(entry: dict[str, Any]) -> str:
    parts = [occurrence_label(entry)] if entry["label"] else []
    parts += [f"截止 {entry['due']}", days_label(entry)]
    return "，".join(parts) + ("（牵头）" if entry["role"] == "lead" else "")


def _sections(digest: Digest) -> list[tuple[str, list[dict[str, Any]]]]:
    within = digest["within_days"]
    return [(section_title(section, within), list(items)) for section, items in groupby(digest["items"], lambda entry: entry["section"])]


def _see_all(digest: Digest) -> str:
    return f"查看全部应办事项：gk due --unit {digest['unit']}"


def digest_text(digest: Digest) -> str:
    lines = [digest["subject"], "", f"截至 {digest['as_of']}，《{digest['register']}》中{digest['unit']}的待办提醒："]
    for title, entries in _sections(digest):
        lines += ["", f"■ {title}（{len(entries)} 项）"]
        for entry in entries:
            lines += [f"  · 任务 {entry['id']}  {entry['summary']}", f"    {_details(entry)}"]
    lines += ["", _see_all(digest), FOOTER]
    return "\n".join(lines) + "\n"


def digest_markdown(digest: Digest) -> str:
    lines = [f"### {digest['subject']}", f"> 截至 {digest['as_of']}，《{digest['register']}》"]
    for title, entries in _sections(digest):
        lines += ["", f"**{title}（{len(entries)} 项）**"]
        for entry in entries:
            lines += [f"- 任务 {entry['id']} {entry['summary']}", f"  {_details(entry)}"]
    lines += ["", f"{_see_all(digest)}  ", FOOTER]
    return "\n".join(lines) + "\n"


def text(digests: list[Digest]) -> str:
    return ("\n" + "─" * 40 + "\n\n").join(digest_text(digest) for digest in digests)


def markdown(digests: list[Digest]) -> str:
    return "\n---\n\n".join(digest_markdown(digest) for digest in digests)


def as_json(digests: list[Digest]) -> str:
    return dumps(digests)


RENDERERS: dict[str, Callable[[list[Digest]], str]] = {"text": text, "md": markdown, "json": as_json}
ONE: dict[str, Callable[[Digest], str]] = {"text": digest_text, "md": digest_markdown}
