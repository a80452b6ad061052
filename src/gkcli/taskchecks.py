"""The checks of one task: its cells parse, and what is stored beside them is what they say.

The register keeps each verbatim cell (deadline text, responsible units) beside its parsed form;
re-parsing the cell here catches an edit of one without the other, and every unit named must
exist in units.yaml, spelt exactly as there.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from gkcli.deadlines import DeadlineError, parse_deadline
from gkcli.errors import Problem
from gkcli.load import Document
from gkcli.model import Task
from gkcli.recurrence import checkpoint_findings, repeated_keys
from gkcli.unitcell import UnitCell, UnitCellError, parse_unit_cell
from gkcli.units import INVISIBLE, Directory, describe_invisible, name_key, reveal_invisible

Loc = tuple[Any, ...]


def task_problems(doc: Document, loc: Loc, task: Task, year: int, directory: Directory | None) -> Iterable[Problem]:
    """Every problem of the task at `loc` in a register for `year`."""
    yield from _deadline_problems(doc, loc, task, year)
    invisible = describe_invisible(task.units_text)
    if invisible:
        yield doc.problem((*loc, "units_text"), f"任务 {task.id}：责任单位原文中含有{invisible}，请删除")
    try:
        cell: UnitCell | None = parse_unit_cell(task.units_text)
    except UnitCellError as error:
        cell = None
        yield doc.problem((*loc, "units_text"), f"任务 {task.id}：{error}")
    if cell is not None:
        yield from _unit_cell_problems(doc, loc, task, cell)
    yield from _unit_name_problems(doc, loc, task, directory, cell)
    yield from _checkpoint_problems(doc, loc, task, year)


def _checkpoint_problems(doc: Document, loc: Loc, task: Task, year: int) -> Iterable[Problem]:
    """Recurring checkpoints quote the content, have a known cadence, and give distinct periods."""
    for index, checkpoint in enumerate(task.checkpoints):
        for where, message in checkpoint_findings(checkpoint, task.content, year):
            yield doc.problem((*loc, "checkpoints", index, *where), f"任务 {task.id}：{message}")
    for index, earlier in repeated_keys(task.checkpoints, year):
        yield doc.problem((*loc, "checkpoints", index), f"任务 {task.id}：周期性节点与第 {earlier + 1} 个节点的日期重复")


DEADLINE_KEYS = ("kind", "due", "start", "days", "day_type", "event")


def _deadline_problems(doc: Document, loc: Loc, task: Task, year: int) -> Iterable[Problem]:
    """The deadline text parses, and the stored meaning is what the text says."""
    deadline, where = task.deadline, (*loc, "deadline")
    try:
        parsed = parse_deadline(deadline.text, year)
    except DeadlineError as error:
        yield doc.problem((*where, "text"), f"任务 {task.id}：{error}")
        return
    if deadline.kind != parsed.kind and not doc.is_flagged((*where, "kind")):
        wanted = "，".join(f"{key}: {_shown(getattr(parsed, key))}" for key in DEADLINE_KEYS if getattr(parsed, key) is not None)
        yield doc.problem(
            (*where, "kind"), f"任务 {task.id}：完成时间原文“{deadline.text}”应解析为 {wanted}，而文件中 kind 是 {_shown(deadline.kind)}"
        )
        return
    for key in DEADLINE_KEYS:
        stored, expected = getattr(deadline, key), getattr(parsed, key)
        if stored != expected and not doc.is_flagged((*where, key)):
            yield _mismatch(doc, where, task, key, expected)
    if parsed.due is not None and parsed.due.year < year:
        yield doc.problem((*where, "text"), f"任务 {task.id}：完成时间 {parsed.due} 早于清单年度 {year} 年")


def _mismatch(doc: Document, where: Loc, task: Task, key: str, expected: Any) -> Problem:
    """A stored deadline field that is not what the deadline text says."""
    text, stored = task.deadline.text, getattr(task.deadline, key)
    if key not in task.deadline.model_fields_set:
        return doc.problem(where, f"任务 {task.id}：deadline 缺少 {key}: {_shown(expected)}（按完成时间原文“{text}”）")
    if expected is None:
        return doc.problem((*where, key), f"任务 {task.id}：按完成时间原文“{text}”，deadline 不应有 {key}（现为 {_shown(stored)}）")
    message = f"任务 {task.id}：deadline.{key} 是 {_shown(stored)}，但完成时间原文“{text}”表示 {_shown(expected)}"
    return doc.problem((*where, key), message)


def _shown(value: Any) -> str:
    return "（空）" if value is None else str(getattr(value, "value", value))


def _unit_cell_problems(doc: Document, loc: Loc, task: Task, cell: UnitCell) -> Iterable[Problem]:
    """lead, units and open_ended are what the units cell says."""
    yield from _list_problems(doc, loc, task, {"lead": (list(cell.lead), task.lead), "units": (list(cell.units), task.units)})
    if cell.open_ended != task.open_ended:
        yield doc.problem(
            (*loc, "units_text"),
            f"任务 {task.id}：责任单位原文{'含' if cell.open_ended else '不含'}“等相关部门（单位）”，"
            f"open_ended 应为 {str(cell.open_ended).lower()}",
        )


_LABELS = {"lead": "牵头单位", "units": "其余责任单位"}


def _list_problems(doc: Document, loc: Loc, task: Task, parts: dict[str, tuple[list[str], list[str]]]) -> Iterable[Problem]:
    """lead and units against the names in the cell: one message when both disagree."""
    differing = [key for key, (expected, stored) in parts.items() if expected != stored and _keys(expected) != _keys(stored)]
    if len(differing) == 2:
        (lead, stored_lead), (units, stored_units) = parts["lead"], parts["units"]
        yield doc.problem(
            (*loc, "units_text"),
            f"任务 {task.id}：责任单位原文中的牵头单位是 {_names(lead)}、其余责任单位是 {_names(units)}，"
            f"与 lead {_names(stored_lead)}、units {_names(stored_units)} 不一致",
        )
    elif differing:
        key = differing[0]
        expected, stored = parts[key]
        yield doc.problem(
            (*loc, key), f"任务 {task.id}：责任单位原文中的{_LABELS[key]}是 {_names(expected)}，与 {key} 中的 {_names(stored)} 不一致"
        )
    for key, (expected, stored) in parts.items():
        if key in differing:
            continue
        for position, (written, name) in enumerate(zip(expected, stored, strict=True)):
            if written != name and INVISIBLE.sub("", written) != INVISIBLE.sub("", name):  # invisible characters are reported apart
                message = f"任务 {task.id}：单位“{name}”与责任单位原文中的“{written}”写法不一致（全角/半角括号或字符）"
                yield doc.problem((*loc, key, position), message)


def _keys(names: list[str]) -> list[str]:
    return [name_key(name) for name in names]


def _names(names: list[str]) -> str:
    return "[" + "、".join(names) + "]"


def _unit_name_problems(doc: Document, loc: Loc, task: Task, directory: Directory | None, cell: UnitCell | None) -> Iterable[Problem]:
    """Every named unit exists in units.yaml and is written exactly as there (or as an alias).

    A name that is not in the units cell was reported as a disagreement with the cell already.
    """
    in_cell = None if cell is None else {name_key(name) for name in (*cell.lead, *cell.units)}
    for key in ("lead", "units"):
        for position, name in enumerate(getattr(task, key)):
            where = (*loc, key, position)
            invisible = describe_invisible(name)
            if invisible:
                yield doc.problem(where, f"任务 {task.id}：单位“{reveal_invisible(name)}”中含有{invisible}，请删除")
                continue
            if directory is None or (in_cell is not None and name_key(name) not in in_cell):
                continue
            found = directory.lookup(name)
            if found is None:
                hint = directory.suggest(name)
                tail = f"；您是不是要找：{'、'.join(hint)}" if hint else ""
                yield doc.problem(where, f"任务 {task.id}：units.yaml 中没有单位“{name}”{tail}")
            elif name not in directory.spellings(found) and name in task.units_text:
                yield doc.problem(
                    where,
                    f"任务 {task.id}：单位“{name}”与 units.yaml 中的“{directory.name(found)}”写法不一致（全角/半角括号或字符），请改成后者",
                )
