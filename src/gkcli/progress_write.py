"""Recording progress (gk start / done / reopen): check the request, then append one record.

The record is appended to the unit's file as text (comments and order of a hand-edited file
survive), under the file's lock and against what is on disk at that moment, so that concurrent
`gk done` processes all land and a record that no longer fits (someone else closed the task a
second ago) is refused. The new text is validated in full before it replaces the file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gkcli.data import Data
from gkcli.datadir import bundled_dir
from gkcli.errors import DataError, UsageError, WriteError
from gkcli.load import load_text
from gkcli.model import Event, ProgressFile, ProgressRecord
from gkcli.obligations import task_duties
from gkcli.progress import check_progress, progress_path
from gkcli.progress_rules import history_problem, party_problem, record_problems, subject
from gkcli.safewrite import read_text, update_file, write_failure
from gkcli.tracking import MoreFn
from gkcli.yamlappend import append_item

HINTS = {"evidence": "：请用 --evidence 提供链接或文件路径（可重复）", "note": "：请用 --note 说明", "date": "（--on）"}
EVENT_LABELS = {Event.START: "开始办理", Event.DONE: "完成（销号）", Event.REOPEN: "重新打开"}


@dataclass(frozen=True)
class Entry:
    """One progress record a unit asks to add."""

    task_id: int
    party: str
    event: Event
    date: dt.date
    recorded_at: str
    recorded_by: str
    note: str | None = None
    evidence: tuple[str, ...] = ()
    occurrence: str | None = None

    def as_yaml(self) -> dict[str, Any]:
        """The record as written to the file, keys in reading order."""
        item: dict[str, Any] = {"task": self.task_id}
        if self.occurrence:
            item["occurrence"] = self.occurrence
        item |= {"event": self.event.value, "date": self.date}
        if self.note:
            item["note"] = self.note
        if self.evidence:
            item["evidence"] = list(self.evidence)
        return item | {"recorded_at": self.recorded_at, "recorded_by": self.recorded_by}

    def record(self) -> ProgressRecord:
        return ProgressRecord.model_validate(self.as_yaml())


@dataclass(frozen=True)
class Recorded:
    path: Path
    entry: Entry
    created: bool  # the unit's progress file was new


def record_progress(data: Data, entry: Entry, as_of: dt.date, more: MoreFn | None = None) -> Recorded:
    """Check `entry` against the register and the unit's history, then append it; see the module doc."""
    _check_entry(data, entry, as_of, more)
    path = progress_path(data.data_dir, data.register.year, entry.party)
    _appended(data, entry, path, read_text(path))  # a refusal before anything is created; repeated under the lock
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise write_failure(path, error) from None
    update = update_file(path, lambda current: _appended(data, entry, path, current))
    return Recorded(path, entry, update.before is None)


def _label(data: Data, entry: Entry) -> str:
    return f"{data.directory.name(entry.party)}·{subject(entry.task_id, entry.occurrence)}"


def _check_entry(data: Data, entry: Entry, as_of: dt.date, more: MoreFn | None) -> None:
    if data.data_dir.name == "_data" and data.data_dir.resolve() == bundled_dir().resolve():
        raise UsageError("自带的清单目录不能写入：请用 --data 或环境变量 GK_DATA 指定自己的数据目录")
    problem = party_problem(entry.party, data.directory)
    if problem:
        raise UsageError(problem)
    if not entry.recorded_by.strip():
        raise UsageError("填报人不能为空：请用 --by 指定")
    if any(not item.strip() for item in entry.evidence):
        raise UsageError("--evidence 不能为空")
    task = data.task(entry.task_id)
    broken = next(record_problems(entry.record(), entry.party, task, data.register, data.directory), None)
    if broken:
        field, message = broken
        raise UsageError(f"{_label(data, entry)}：{message}{HINTS.get(field, '')}")
    if entry.date > as_of:
        raise UsageError(f"日期 {entry.date} 晚于 --as-of（{as_of}）：不能填报将来的进展")
    if entry.occurrence is not None and task is not None:
        duty = task_duties(task, data.directory)[entry.party]
        known = [occurrence.key for _, occurrence in (more([duty]) if more else []) if occurrence.key]
        if entry.occurrence not in known:
            choices = f"（可选：{'、'.join(known[:12])}）" if known else "（该任务没有定期检查点或申请等分期事项）"
            raise UsageError(f"{_label(data, entry)}：没有“{entry.occurrence}”这一期{choices}")


def _appended(data: Data, entry: Entry, path: Path, current: str | None) -> str:
    """The unit's file text with `entry` appended, checked as a whole; raises instead of writing nonsense."""
    text = current if current is not None else new_file_text(data, entry.party)
    before = _parsed(data, entry.party, path, text)
    history = [record for record in before.records or [] if (record.task, record.occurrence) == (entry.task_id, entry.occurrence)]
    broken = history_problem(history, entry.event, entry.date)
    if broken:
        raise UsageError(f"{_label(data, entry)}：{broken[1]}")
    try:
        after_text = append_item(text, "records", entry.as_yaml())
        after = _parsed(data, entry.party, path, after_text)
    except (ValueError, DataError):
        after_text, after = text, before
    if (after.records or []) != [*(before.records or []), entry.record()]:
        raise WriteError(f"无法在 {path} 的 records 列表末尾追加记录（文件结构特殊）；原文件未改动，请整理该文件或手工添加")
    return after_text


def _parsed(data: Data, party: str, path: Path, text: str) -> ProgressFile:
    doc = load_text(text, str(path))
    parsed, problems = check_progress(doc, party, data.directory, data.register)
    if doc.problems or problems or parsed is None:
        raise DataError(doc.problems + problems)
    return parsed


def new_file_text(data: Data, party: str) -> str:
    """A new unit file: a header that explains itself, the unit id, an empty record list."""
    return (
        "# yaml-language-server: $schema=../../schema/progress.schema.json\n"
        f"# {data.register.year} 年进度填报：{data.directory.name(party)}。"
        "由 gk start / gk done / gk reopen 追加记录，也可手工编辑（格式见 README“进度填报”）。\n"
        "# 记录只追加、不改写：更正已销号的任务，先记录 reopen，再重新记录 done。\n"
        f"unit: {party}\n"
        "records:\n"
    )
