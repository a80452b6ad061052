"""The progress ledger (进度台账): who did what on which task, and when, read from data/progress/.

Layout: `progress/<year>/<unit-id>.yaml`, one file per unit and register year, so that units
reporting in the same week touch different files and git merges them cleanly. Each file holds
the unit id and an append-only list of records (start / done / reopen with date, note, evidence,
recorded_at, recorded_by): the history stays visible in the file itself, not only in git.

A record counts from its `date` on: a task done on 2024-07-01 is done as of 2024-07-01 and
later, and still open as of 2024-06-30.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from gkcli.errors import DataError, Problem
from gkcli.records import Event

if TYPE_CHECKING:  # the checks need PyYAML and pydantic: imported when there are files to read
    from gkcli.data import Data
    from gkcli.load import Document
    from gkcli.model import ProgressFile, ProgressRecord
    from gkcli.records import Register
    from gkcli.units import Directory

PROGRESS_DIR = "progress"
Key = tuple[str, int, str | None]


class Ledger:
    """Every unit's progress records, by (unit, task, occurrence), in the order they were made."""

    def __init__(self) -> None:
        self._histories: dict[Key, list[ProgressRecord]] = {}

    def add(self, party: str, records: Iterable[ProgressRecord]) -> None:
        for record in records:
            self._histories.setdefault((party, record.task, record.occurrence), []).append(record)

    def history(self, task_id: int, party: str, key: str | None = None) -> list[ProgressRecord]:
        return list(self._histories.get((party, task_id, key), ()))

    def latest(self, task_id: int, party: str, as_of: dt.date, key: str | None = None) -> ProgressRecord | None:
        """The last record dated on or before `as_of`: the item's state on that day."""
        effective = [record for record in self._histories.get((party, task_id, key), ()) if record.date <= as_of]
        return effective[-1] if effective else None

    def done_on(self, task_id: int, party: str, as_of: dt.date, key: str | None = None) -> dt.date | None:
        """The day `party` finished the item, if it counts as done on `as_of` (see the module doc)."""
        record = self.latest(task_id, party, as_of, key)
        return record.date if record is not None and record.event is Event.DONE else None


def progress_dir(data_dir: Path, year: int) -> Path:
    return data_dir / PROGRESS_DIR / str(year)


def progress_path(data_dir: Path, year: int, party: str) -> Path:
    return progress_dir(data_dir, year) / f"{party}.yaml"


def progress_files(folder: Path) -> list[Path]:
    """The progress files of one year's folder (hidden lock and temporary files left out)."""
    return sorted(path for path in folder.glob("*.yaml") if not path.name.startswith("."))


def check_progress(doc: Document, party: str, directory: Directory, register: Register) -> tuple[ProgressFile | None, list[Problem]]:
    """A progress file: schema, its unit, every record's rules and each item's history."""
    from gkcli.model import ProgressFile
    from gkcli.progress_rules import party_problem
    from gkcli.validate import parse_model

    parsed, problems = parse_model(doc, ProgressFile)
    if parsed is None:
        return None, problems
    if parsed.unit != party:
        problems.append(doc.problem(("unit",), f"unit 为“{parsed.unit}”，与文件名“{party}.yaml”不一致（文件名应为单位 id）"))
    message = party_problem(parsed.unit, directory)
    if message:
        problems.append(doc.problem(("unit",), message))
        return parsed, problems
    problems.extend(_record_problems(doc, parsed, directory, register))
    return parsed, problems


def _record_problems(doc: Document, parsed: ProgressFile, directory: Directory, register: Register) -> list[Problem]:
    from gkcli.progress_rules import history_problem, record_problems, subject

    tasks = {task.id: task for task in register.tasks}
    histories: dict[tuple[int, str | None], list[tuple[int, ProgressRecord]]] = {}
    problems = []
    for index, record in enumerate(parsed.records or []):
        loc = ("records", index)
        name = subject(record.task, record.occurrence)
        for field, message in record_problems(record, parsed.unit, tasks.get(record.task), register, directory):
            problems.append(doc.problem((*loc, field), f"{name}：{message}"))
        history = histories.setdefault((record.task, record.occurrence), [])
        twin = next((line for line, earlier in history if (earlier.event, earlier.date) == (record.event, record.date)), None)
        if twin is not None:
            problems.append(doc.problem(loc, f"{name}：重复的记录（第 {twin} 行已有同一天的 {record.event.value}），请删去一条"))
            continue
        broken = history_problem([earlier for _, earlier in history], record.event, record.date)
        if broken:
            problems.append(doc.problem((*loc, broken[0]), f"{name}：{broken[1]}"))
        history.append((doc.where(loc)[0], record))
    return problems


def read_progress(data_dir: Path, directory: Directory, register: Register) -> tuple[Ledger, list[Problem], list[str]]:
    """The ledger of one register year, every problem of its files, and the files read."""
    ledger, problems, files = Ledger(), list[Problem](), list[str]()
    folder = progress_dir(data_dir, register.year)
    if not folder.is_dir():  # nothing recorded yet: spare every query the YAML and pydantic imports
        return ledger, problems, files
    from gkcli.load import load_file

    for path in progress_files(folder):
        doc = load_file(path)
        parsed, found = check_progress(doc, path.stem, directory, register)
        problems += doc.problems + found
        files.append(str(path))
        if parsed is not None:
            ledger.add(parsed.unit, parsed.records or [])
    return ledger, problems, files


def check_progress_tree(
    data_dir: Path, directory: Directory, registers: dict[int, Register], only: list[Path] | None = None
) -> tuple[list[Problem], list[str]]:
    """`gk validate` of `data_dir/progress/` (or of the files `only`): every file against its year's register."""
    from gkcli.load import load_file

    root = data_dir / PROGRESS_DIR
    stray = progress_files(root) if only is None else []
    problems = [Problem(str(path), 1, 1, "进度文件应放在 progress/年份/ 目录下，如 progress/2024/") for path in stray]
    files = []
    folders = sorted({path.parent for path in only}) if only is not None else sorted(p for p in root.glob("*") if p.is_dir())
    for folder in folders:
        register = registers.get(int(folder.name)) if folder.name.isdigit() else None
        if register is None:
            problems.append(
                Problem(str(folder), 1, 1, f"进度目录“{folder.name}”没有对应的任务清单 tasks-{folder.name}.yaml（或该清单无法解析）")
            )
            continue
        for path in progress_files(folder) if only is None else [path for path in only if path.parent == folder]:
            doc = load_file(path)
            _, found = check_progress(doc, path.stem, directory, register)
            problems += doc.problems + found
            files.append(str(path))
    return problems, files


def load_ledger(data: Data) -> Ledger:
    """The ledger beside the register; any problem in a progress file raises DataError."""
    ledger, problems, _ = read_progress(data.data_dir, data.directory, data.register)
    if problems:
        raise DataError(problems)
    return ledger
