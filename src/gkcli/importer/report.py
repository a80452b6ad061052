"""What an import tells people (the review summary) and scripts (stable JSON, documented in README)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gkcli.deadlines import DeadlineError, parse_deadline
from gkcli.importer.build import ReviewItem
from gkcli.importer.pipeline import ImportResult

FIELD_LABELS = {"row": "整行", "category": "类别", "content": "任务内容", "units_text": "责任单位", "deadline": "完成时间", "title": "标题"}
DEADLINE_KEYS = ("due", "start", "days", "day_type", "event")


def ordered_review(result: ImportResult) -> list[ReviewItem]:
    """Review items by task; items about no task (skipped rows, the title) last, in source order."""
    return sorted(result.review, key=lambda item: (item.task is None, item.task or 0))


def counts(result: ImportResult) -> dict[str, int]:
    flagged = len(result.flagged("deadline"))
    return {
        "rows": len(result.tasks),
        "categories": len(result.register["categories"]),
        "units_matched": len(result.units.matched),
        "units_new": len(result.units.new),
        "deadlines_parsed": len(result.tasks) - flagged,
        "deadlines_flagged": flagged,
        "review": len(result.review),
    }


def deadline_json(text: str, year: int) -> dict[str, Any]:
    """A task's deadline as `gk tasks --format json` shows it; kind is null when unreadable."""
    empty: dict[str, Any] = dict.fromkeys(DEADLINE_KEYS)
    try:
        parsed = parse_deadline(text, year)
    except DeadlineError:
        return {"text": text, "kind": None, **empty}
    return {
        "text": text,
        "kind": parsed.kind.value,
        "due": parsed.due,  # an imported list has no publication date yet, so this is all there is
        "start": parsed.start,
        "days": parsed.days,
        "day_type": parsed.day_type.value if parsed.day_type else None,
        "event": parsed.event,
    }


def task_items(result: ImportResult) -> list[dict[str, Any]]:
    """The tasks in the shape of views.task_json."""
    names = {category["number"]: category["name"] for category in result.register["categories"]}
    year = result.register["year"]
    return [
        {
            "id": task["id"],
            "category": task["category"],
            "category_name": names.get(task["category"], ""),
            "content": task["content"],
            "units_text": task["units_text"],
            "lead": list(task["lead"]),
            "units": list(task["units"]),
            "open_ended": task.get("open_ended", False),
            "deadline": deadline_json(task["deadline"]["text"], year),
        }
        for task in result.tasks
    ]


def result_json(result: ImportResult, output: Path | None, units_out: Path | None) -> dict[str, Any]:
    register = result.register
    return {
        "title": register["title"],
        "year": register["year"],
        "region": register["region"],
        "source": str(result.source),
        "output": str(output) if output else None,
        "units_out": str(units_out) if units_out else None,
        "summary": counts(result),
        "tasks": task_items(result),
        "review": [
            {"task": item.task, "field": item.field, "line": item.line, "where": item.where, "message": item.message}
            for item in ordered_review(result)
        ],
        "new_units": [
            {
                "name": proposal.name,
                "tasks": list(proposal.tasks),
                "group": proposal.group,
                "kind": proposal.kind.value if proposal.kind else None,
            }
            for proposal in result.proposals
        ],
    }


def summary_text(result: ImportResult, output: Path | None, units_out: Path | None) -> str:
    """The review summary a clerk reads after an import."""
    count = counts(result)
    new = "、".join(result.units.new)
    lines = [
        f"导入：{result.register['title']}（{result.source.name}，{result.register['year']} 年度，{result.register['region']}）",
        f"  读取任务 {count['rows']} 项，类别 {count['categories']} 个",
        f"  责任单位：units.yaml 中已有 {count['units_matched']} 个，新单位 {count['units_new']} 个" + (f"（{new}）" if new else ""),
        f"  完成时间：已识别 {count['deadlines_parsed']} 项，待核 {count['deadlines_flagged']} 项",
    ]
    if result.review:
        lines.append(f"待核 {len(result.review)} 项：")
        lines.extend(f"  {_review_line(item)}" for item in ordered_review(result))
    lines.extend(_outcome(result, output, units_out))
    return "\n".join(lines) + "\n"


def _review_line(item: ReviewItem) -> str:
    label = FIELD_LABELS.get(item.field, item.field)
    if item.task is None:
        return f"{item.where}：{item.message}" if item.where else f"{label}：{item.message}"
    return f"任务 {item.task}（{item.where}）{label}：{item.message}"


def _outcome(result: ImportResult, output: Path | None, units_out: Path | None) -> list[str]:
    lines = []
    if result.proposals and units_out:
        lines.append(f"新单位建议已写入 {units_out}：确定 id 和 kind 后移入 units.yaml。")
    elif result.proposals:
        lines.append("新单位未写出：加 --units-out new-units.yaml 可生成 units.yaml 条目建议。")
    if output is None:
        lines.append("预览（--dry-run），没有写入任何文件。")
        return lines
    lines.append(f"已写入 {output}。")
    if result.review or result.proposals:
        lines.append(f"请核对上面的待核项（文件中以“# 待核”注释标出），然后运行：gk validate {output}")
    else:
        lines.append(f"没有待核项。可运行 gk validate {output} 确认。")
    return lines
