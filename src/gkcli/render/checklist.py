"""Checklist output: plain text with ☐/☑, GitHub-style Markdown, JSON, CSV."""

from __future__ import annotations

import csv
import io

from gkcli.render.jsonfmt import dumps
from gkcli.views.checklist import Checklist


def text(checklist: Checklist) -> str:
    lines = [checklist.title, f"（截至 {checklist.as_of}）", ""]
    for group in checklist.categories:
        lines.append(group["category_name"])
        for task in group["tasks"]:
            box = "☑" if task["done"] else "☐"
            done = f"，{task['done_on']} 完成" if task["done"] else ""
            lines.append(f"  {box} {task['id']}. {task['content']}（{task['deadline']}{done}）")
        lines.append("")
    return "\n".join(lines)


def markdown(checklist: Checklist) -> str:
    lines = [f"## {checklist.title}", "", f"截至 {checklist.as_of}", ""]
    for group in checklist.categories:
        lines += [f"### {group['category_name']}", ""]
        for task in group["tasks"]:
            box = "[x]" if task["done"] else "[ ]"
            lines.append(f"- {box} **{task['id']}.** {task['content']}（{task['deadline']}）")
        lines.append("")
    return "\n".join(lines)


def as_json(checklist: Checklist) -> str:
    return dumps({"title": checklist.title, "as_of": checklist.as_of, "categories": checklist.categories})


def as_csv(checklist: Checklist) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["类别", "序号", "任务内容", "完成时间", "已完成", "完成日期"])
    for group in checklist.categories:
        for task in group["tasks"]:
            writer.writerow(
                [
                    group["category_name"],
                    task["id"],
                    task["content"],
                    task["deadline"],
                    "是" if task["done"] else "否",
                    task["done_on"] or "",
                ]
            )
    return "\ufeff" + buffer.getvalue()


RENDERERS = {"table": text, "md": markdown, "json": as_json, "csv": as_csv}
