"""Every check of the data files, each reported as a Problem at its source line.

Checks run in layers (YAML → schema → cross-references); every problem of every layer that can
run is reported at once, so a clerk fixes a file in one pass.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from gkcli.deadlines import DeadlineError, parse_deadline
from gkcli.errors import Problem
from gkcli.load import Document, load_file
from gkcli.model import Category, Checkpoint, Deadline, Group, ProgressFile, ProgressRecord, Register, Task, Unit, UnitsFile
from gkcli.numerals import cn_number
from gkcli.recurrence import checkpoint_findings, repeated_keys
from gkcli.unitcell import UnitCellError, parse_unit_cell
from gkcli.units import Directory, has_invisible, name_key

KNOWN_FIELDS = sorted(
    {
        name
        for model in (Register, Category, Task, Deadline, Checkpoint, UnitsFile, Unit, Group, ProgressFile, ProgressRecord)
        for name in model.model_fields
    }
)


@dataclass
class Checked:
    """The outcome of validating one data directory or a set of files."""

    problems: list[Problem] = field(default_factory=list)
    directory: Directory | None = None
    registers: dict[str, Register] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)


def schema_problems(doc: Document, error: ValidationError) -> list[Problem]:
    """Pydantic's errors as Chinese problems at the offending line."""
    return [doc.problem(tuple(item["loc"]), _message(item)) for item in error.errors()]


def _message(item: Any) -> str:
    kind, loc, value = item["type"], item["loc"], item.get("input")
    name = str(loc[-1]) if loc else "文件"
    messages = {
        "missing": f"缺少字段“{name}”",
        "int_type": f"“{name}”应为整数，而不是“{value}”",
        "string_type": f"“{name}”应为文字",
        "bool_type": f"“{name}”应为 true 或 false",
        "list_type": f"“{name}”应为列表",
        "model_type": f"“{name}”应为“键: 值”形式的映射",
        "dict_type": f"“{name}”应为“键: 值”形式的映射",
        "date_type": f"“{name}”应为日期（YYYY-MM-DD）",
        "string_too_short": f"“{name}”不能为空",
        "greater_than_equal": f"“{name}”应不小于 {item.get('ctx', {}).get('ge')}",
        "less_than_equal": f"“{name}”应不大于 {item.get('ctx', {}).get('le')}",
        "string_pattern_mismatch": f"“{name}”格式不对：只能用小写英文字母、数字、- 和 _，且以字母开头（“{value}”）",
        "enum": f"“{name}”的取值“{value}”无效，应为：{item.get('ctx', {}).get('expected', '')}",
    }
    if kind == "extra_forbidden":
        guess = difflib.get_close_matches(name, KNOWN_FIELDS, n=1)
        hint = f"（您是不是要写“{guess[0]}”？）" if guess else ""
        return f"未知字段“{name}”{hint}"
    if kind == "model_type" and not loc:
        return "文件顶层应为“键: 值”形式的映射，而不是列表或文字"
    return messages.get(kind, f"“{name}”无效：{item['msg']}")


def parse_model(doc: Document, model: type[BaseModel]) -> tuple[Any, list[Problem]]:
    """The model instance for a document, or None and the problems."""
    if doc.problems and doc.data is None:
        return None, []
    try:
        return model.model_validate(doc.data), []
    except ValidationError as error:
        return None, schema_problems(doc, error)


def check_units(doc: Document) -> tuple[Directory | None, list[Problem]]:
    """units.yaml: schema, unique ids and names, existing members, no cyclic groups."""
    units_file, problems = parse_model(doc, UnitsFile)
    if units_file is None:
        return None, problems
    seen: dict[str, str] = {}
    for section, entries in (("units", units_file.units), ("groups", units_file.groups)):
        for index, entry in enumerate(entries):
            problems.extend(_entry_problems(doc, (section, index), entry, seen))
    directory = Directory.from_file(units_file)
    for index, group in enumerate(units_file.groups):
        for position, member in enumerate(group.members):
            if member not in directory.units and member not in directory.groups:
                problems.append(doc.problem(("groups", index, "members", position), f"单位组“{group.name}”的成员“{member}”不存在"))
    for cycle in directory.group_cycles():
        index = list(directory.groups).index(cycle[0])
        chain = " → ".join(directory.name(group_id) for group_id in cycle)
        problems.append(doc.problem(("groups", index, "members"), f"单位组通过其他组包含了自己：{chain}"))
    return directory, problems


def _entry_problems(doc: Document, loc: tuple[Any, ...], entry: Unit | Group, seen: dict[str, str]) -> Iterable[Problem]:
    labels = [(entry.id, "id"), (entry.name, "name"), *((alias, "aliases") for alias in entry.aliases)]
    for text, key in labels:
        if key != "id" and has_invisible(text):
            yield doc.problem((*loc, key), f"名称“{text}”中含有空格或不可见字符（如零宽空格、不间断空格），请删除")
        normalised = name_key(text)
        if normalised in seen and seen[normalised] != entry.id:
            yield doc.problem((*loc, key), f"“{text}”与“{seen[normalised]}”重复（全角/半角、空格不作区分）")
        elif normalised in seen and key == "id":
            yield doc.problem((*loc, key), f"重复的 id“{text}”")
        seen.setdefault(normalised, entry.id)


def check_register(doc: Document, directory: Directory | None) -> tuple[Register | None, list[Problem]]:
    """A register file: schema, ids 1..N, categories, units known, cells agree with parsed forms."""
    register, problems = parse_model(doc, Register)
    if register is None:
        return None, problems
    problems.extend(_category_problems(doc, register))
    problems.extend(_id_problems(doc, register))
    numbers = {category.number for category in register.categories}
    for index, task in enumerate(register.tasks):
        loc = ("tasks", index)
        if task.category not in numbers:
            problems.append(doc.problem((*loc, "category"), f"任务 {task.id} 的类别 {task.category} 不存在"))
        problems.extend(_deadline_problems(doc, loc, task, register.year))
        problems.extend(_unit_cell_problems(doc, loc, task))
        problems.extend(_checkpoint_problems(doc, loc, task, register.year))
        if directory is not None:
            problems.extend(_unit_name_problems(doc, loc, task, directory))
    return register, problems


def _category_problems(doc: Document, register: Register) -> Iterable[Problem]:
    seen: set[int] = set()
    for index, category in enumerate(register.categories):
        loc = ("categories", index)
        if category.number in seen:
            yield doc.problem((*loc, "number"), f"重复的类别编号 {category.number}")
        seen.add(category.number)
        try:
            matches = cn_number(category.numeral) == category.number
        except ValueError:
            matches = False
        if not matches:
            yield doc.problem((*loc, "numeral"), f"类别序号“{category.numeral}”与编号 {category.number} 不一致")


def _id_problems(doc: Document, register: Register) -> Iterable[Problem]:
    seen: dict[int, int] = {}
    for index, task in enumerate(register.tasks):
        if task.id in seen:
            line = doc.where(("tasks", seen[task.id], "id"))[0]
            yield doc.problem(("tasks", index, "id"), f"重复的任务序号 {task.id}（第 {line} 行已有）")
        seen.setdefault(task.id, index)
    missing = sorted(set(range(1, len(register.tasks) + 1)) - set(seen))
    if missing:
        shown = "、".join(str(number) for number in missing[:10])
        yield doc.problem(("tasks",), f"任务序号应为 1 到 {len(register.tasks)} 连续编号，缺少：{shown}")


def _deadline_problems(doc: Document, loc: tuple[Any, ...], task: Task, year: int) -> Iterable[Problem]:
    deadline = task.deadline
    try:
        parsed = parse_deadline(deadline.text, year)
    except DeadlineError as error:
        yield doc.problem((*loc, "deadline", "text"), f"任务 {task.id}：{error}")
        return
    for key in ("kind", "due", "start", "days", "day_type", "event"):
        stored, expected = getattr(deadline, key), getattr(parsed, key)
        if stored != expected:
            where = (*loc, "deadline", key) if key in deadline.model_fields_set else (*loc, "deadline")
            shown = "（空）" if expected is None else str(expected)
            yield doc.problem(where, f"任务 {task.id}：完成时间“{deadline.text}”应解析为 {key}={shown}，与文件中的 {key}={stored} 不一致")
    if parsed.due is not None and parsed.due.year < year:
        yield doc.problem((*loc, "deadline", "text"), f"任务 {task.id}：完成时间 {parsed.due} 早于清单年度 {year} 年")


def _checkpoint_problems(doc: Document, loc: tuple[Any, ...], task: Task, year: int) -> Iterable[Problem]:
    for index, checkpoint in enumerate(task.checkpoints):
        for where, message in checkpoint_findings(checkpoint, task.content, year):
            yield doc.problem((*loc, "checkpoints", index, *where), f"任务 {task.id}：{message}")
    for index, earlier in repeated_keys(task.checkpoints, year):
        yield doc.problem((*loc, "checkpoints", index), f"任务 {task.id}：周期性节点与第 {earlier + 1} 个节点的日期重复")


def _unit_cell_problems(doc: Document, loc: tuple[Any, ...], task: Task) -> Iterable[Problem]:
    try:
        cell = parse_unit_cell(task.units_text)
    except UnitCellError as error:
        yield doc.problem((*loc, "units_text"), f"任务 {task.id}：{error}")
        return
    for key, expected, stored in (("lead", list(cell.lead), task.lead), ("units", list(cell.units), task.units)):
        if expected != stored:
            yield doc.problem(
                (*loc, key), f"任务 {task.id}：责任单位原文中的{_LABELS[key]}是 {_names(expected)}，与 {key} 中的 {_names(stored)} 不一致"
            )
    if cell.open_ended != task.open_ended:
        yield doc.problem(
            (*loc, "units_text"),
            f"任务 {task.id}：责任单位原文{'含' if cell.open_ended else '不含'}“等相关部门（单位）”，"
            f"open_ended 应为 {str(cell.open_ended).lower()}",
        )


_LABELS = {"lead": "牵头单位", "units": "其余责任单位"}


def _names(names: list[str]) -> str:
    return "[" + "、".join(names) + "]"


def _unit_name_problems(doc: Document, loc: tuple[Any, ...], task: Task, directory: Directory) -> Iterable[Problem]:
    for key in ("lead", "units"):
        for position, name in enumerate(getattr(task, key)):
            found = directory.lookup(name)
            if found is None:
                hint = directory.suggest(name)
                tail = f"；您是不是要找：{'、'.join(hint)}" if hint else ""
                yield doc.problem((*loc, key, position), f"任务 {task.id}：units.yaml 中没有单位“{name}”{tail}")
            elif name != directory.name(found) and name not in _aliases(directory, found):
                yield doc.problem(
                    (*loc, key, position),
                    f"任务 {task.id}：单位“{name}”与 units.yaml 中的“{directory.name(found)}”写法不一致（全角/半角括号、空格或不可见字符）",
                )


def _aliases(directory: Directory, entry_id: str) -> list[str]:
    entry = directory.units.get(entry_id) or directory.groups[entry_id]
    return entry.aliases


def check_paths(paths: Iterable[Path]) -> Checked:
    """Validate data directories and single files.

    A data directory gets every check: units.yaml, each register, and the files beside them
    (workdays.yaml, contacts.yaml, progress/, requests/). A single file gets its own checks, read
    against the units.yaml and registers of the data directory it belongs to.
    """
    result = Checked()
    for path in paths:
        if path.is_dir():
            _check_data_dir(result, path)
        else:
            _check_file(result, path)
    return result


def _check_data_dir(result: Checked, data_dir: Path) -> None:
    from gkcli.contacts import CONTACTS_FILE
    from gkcli.datadir import UNITS_FILE, register_files
    from gkcli.workdays_file import WORKDAYS_FILE

    files = register_files(data_dir)
    directory, by_year = _check_set(result, data_dir / UNITS_FILE, list(files.values()), required=True)
    _check_workdays(result, data_dir / WORKDAYS_FILE)
    if (data_dir / CONTACTS_FILE).is_file():
        _check_contacts(result, data_dir / CONTACTS_FILE, directory)
    _check_requests(result, data_dir, directory, {year: by_year.get(year) for year in files})
    if directory is not None:
        _check_progress(result, data_dir, directory, by_year, None)


def _check_file(result: Checked, path: Path) -> None:
    from gkcli.contacts import CONTACTS_FILE
    from gkcli.datadir import UNITS_FILE, register_files
    from gkcli.disclosure.files import is_request_file
    from gkcli.progress import PROGRESS_DIR
    from gkcli.workdays_file import WORKDAYS_FILE

    if path.name == WORKDAYS_FILE:
        _check_workdays(result, path)
    elif is_request_file(path):
        _check_request_file(result, path)
    elif path.parent.parent.name == PROGRESS_DIR:
        data_dir = path.parents[2]
        registers = [found for year, found in register_files(data_dir).items() if str(year) == path.parent.name]
        directory, by_year = _check_set(result, data_dir / UNITS_FILE, registers, required=False)
        if directory is not None:
            _check_progress(result, data_dir, directory, by_year, [path])
    elif path.name == CONTACTS_FILE:
        directory, _ = _check_set(result, path.parent / UNITS_FILE, [], required=False)
        _check_contacts(result, path, directory)
    elif path.name == UNITS_FILE:
        _check_set(result, path, [], required=False)
    else:
        _check_set(result, path.parent / UNITS_FILE, [path], required=False)


def _check_set(result: Checked, units: Path, registers: list[Path], required: bool) -> tuple[Directory | None, dict[int, Register]]:
    """units.yaml (when present or required) and registers checked against it."""
    directory = None
    by_year: dict[int, Register] = {}
    if units.is_file() or required:
        doc = load_file(units)
        directory, problems = check_units(doc)
        result.problems.extend(doc.problems + problems)
        result.files.append(str(units))
        result.directory = result.directory or directory
    for path in registers:
        doc = load_file(path)
        register, problems = check_register(doc, directory)
        result.problems.extend(doc.problems + problems)
        result.files.append(str(path))
        if register is not None:
            result.registers[str(path)] = register
            by_year[register.year] = register
    return directory, by_year


def _check_workdays(result: Checked, path: Path) -> None:
    """The holiday override file (workdays.yaml), when there is one."""
    from gkcli.workdays_file import check_workdays_file

    if path.is_file():
        result.problems.extend(check_workdays_file(path))
        result.files.append(str(path))


def _check_contacts(result: Checked, path: Path, directory: Directory | None) -> None:
    from gkcli.contacts import check_contacts

    doc = load_file(path)
    result.problems.extend(doc.problems + check_contacts(doc, directory)[1])
    result.files.append(str(path))


def _check_requests(result: Checked, data_dir: Path, directory: Directory | None, registers: dict[int, Register | None]) -> None:
    """Disclosure request files (requests/<year>/<unit>.yaml), each year against its register."""
    from gkcli.disclosure.files import check_request_files

    files, problems = check_request_files(data_dir, directory, registers)
    result.files.extend(files)
    result.problems.extend(problems)


def _check_request_file(result: Checked, path: Path) -> None:
    """One request file; its year's other files are read too, for repeated ids, but not reported."""
    from gkcli.datadir import UNITS_FILE, register_files
    from gkcli.disclosure.files import check_request_files

    data_dir = path.parents[2]
    directory, _ = check_units(load_file(data_dir / UNITS_FILE))
    registers = {year: check_register(load_file(found), directory)[0] for year, found in register_files(data_dir).items()}
    _, problems = check_request_files(data_dir, directory, registers)
    result.files.append(str(path))
    result.problems.extend(problem for problem in problems if problem.path == str(path))


def _check_progress(result: Checked, data_dir: Path, directory: Directory, registers: dict[int, Register], only: list[Path] | None) -> None:
    from gkcli.progress import check_progress_tree

    problems, files = check_progress_tree(data_dir, directory, registers, only)
    result.problems.extend(problems)
    result.files.extend(files)
