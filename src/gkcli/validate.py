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

from gkcli import records
from gkcli.datadir import UNITS_FILE, is_data_dir, register_files
from gkcli.errors import Problem, UsageError
from gkcli.load import Document, load_file
from gkcli.model import Group, Register, Unit, UnitsFile
from gkcli.registerchecks import category_problems, file_year, id_problems, unknown_categories, year_problems
from gkcli.schemaerrors import schema_problems
from gkcli.taskchecks import task_problems
from gkcli.units import Directory, describe_invisible, name_key, reveal_invisible

Loc = tuple[Any, ...]


@dataclass
class Checked:
    """The outcome of validating one data directory or a set of files."""

    problems: list[Problem] = field(default_factory=list)
    directory: Directory | None = None
    registers: dict[str, Register] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)


def parse_model(doc: Document, model: type[BaseModel]) -> tuple[Any, list[Problem]]:
    """The model instance for a document, or None and the problems."""
    instance, problems, _ = _validated(doc, model)
    return instance, problems


def _validated(doc: Document, model: type[BaseModel]) -> tuple[Any, list[Problem], list[Loc]]:
    if doc.data is None:  # the loader has said why
        return None, [], []
    try:
        return model.model_validate(doc.data), [], []
    except ValidationError as error:
        return None, schema_problems(doc, model, error), [tuple(item["loc"]) for item in error.errors()]


def check_units(doc: Document) -> tuple[Directory | None, list[Problem]]:
    """units.yaml: schema, unique ids and names, existing members, no cyclic groups."""
    units_file, problems = parse_model(doc, UnitsFile)
    if units_file is None:
        return None, problems
    seen: dict[str, tuple[str, Loc]] = {}
    for section, entries in (("units", units_file.units), ("groups", units_file.groups)):
        for index, entry in enumerate(entries):
            problems.extend(_entry_problems(doc, (section, index), entry, seen))
    directory = Directory.from_file(units_file.record())
    known = [*directory.units, *directory.groups]
    known_set = set(known)  # a province's units.yaml lists tens of thousands of members
    for index, group in enumerate(units_file.groups):
        for position, member in enumerate(group.members):
            if member not in known_set:
                guess = difflib.get_close_matches(member, known, n=3, cutoff=0.6)
                hint = f"；您是不是要写：{'、'.join(guess)}" if guess else ""
                problems.append(doc.problem(("groups", index, "members", position), f"单位组“{group.name}”的成员“{member}”不存在{hint}"))
    for cycle in directory.group_cycles():
        index = list(directory.groups).index(cycle[0])
        chain = " → ".join(directory.name(group_id) for group_id in cycle)
        message = f"单位组“{directory.name(cycle[0])}”的成员中有它自己" if len(cycle) == 2 else f"单位组通过成员包含了自己：{chain}"
        problems.append(doc.problem(("groups", index, "members"), message))
    return directory, problems


def _entry_problems(doc: Document, loc: Loc, entry: Unit | Group, seen: dict[str, tuple[str, Loc]]) -> Iterable[Problem]:
    """Invisible characters in names; ids, names and aliases used twice (width and spaces ignored)."""
    labels = [(entry.id, (*loc, "id")), (entry.name, (*loc, "name"))]
    labels += [(alias, (*loc, "aliases", position)) for position, alias in enumerate(entry.aliases)]
    for text, where in labels:
        invisible = describe_invisible(text)
        if invisible and where[-1] != "id":
            yield doc.problem(where, f"名称“{reveal_invisible(text)}”中含有{invisible}，请删除")
        key = name_key(text)
        if key not in seen:
            seen[key] = (entry.id, where)
            continue
        owner, first = seen[key]
        line = doc.where(first)[0]
        if where[-1] == "id":
            yield doc.problem(where, f"重复的 id“{text}”（第 {line} 行已有）")
        elif owner != entry.id:
            yield doc.problem(where, f"名称“{text}”与第 {line} 行的名称重复（全角/半角括号、空格不作区分）")


def check_register(doc: Document, directory: Directory | None) -> tuple[Register | None, list[Problem]]:
    """A register file: schema, ids 1..N, categories, units known, cells agree with parsed forms.

    When only some tasks break the schema, the other tasks are still checked, so that one run
    reports every problem of the file.
    """
    register, problems, bad_locs = _validated(doc, Register)
    complete = register is not None
    if register is None:
        register, indices = _without_bad_tasks(doc, bad_locs)
        if register is None:
            return None, problems
    else:
        indices = list(range(len(register.tasks)))
    year = file_year(doc) or register.year
    problems.extend(year_problems(doc, register))
    problems.extend(category_problems(doc, register))
    problems.extend(id_problems(doc, set(indices)))
    pairs = list(zip(indices, register.tasks, strict=True))
    problems.extend(unknown_categories(doc, register, pairs))
    for index, task in pairs:
        if not doc.is_flagged(("tasks", index)):
            problems.extend(task_problems(doc, ("tasks", index), task, year, directory))
    return (register if complete else None), problems


def _without_bad_tasks(doc: Document, bad_locs: list[Loc]) -> tuple[Register | None, list[int]]:
    """The register without the tasks that have schema errors (None if errors lie elsewhere)."""
    if not bad_locs or not all(len(loc) > 1 and loc[0] == "tasks" and isinstance(loc[1], int) for loc in bad_locs):
        return None, []
    bad = {loc[1] for loc in bad_locs}
    indices = [index for index in range(len(doc.data["tasks"])) if index not in bad]
    data = {**doc.data, "tasks": [doc.data["tasks"][index] for index in indices]}
    try:
        return Register.model_validate(data), indices
    except ValidationError:
        return None, []


def check_paths(paths: Iterable[Path]) -> Checked:
    """Validate data directories and single files.

    A data directory gets every check: units.yaml, each register, and the files beside them
    (workdays.yaml, contacts.yaml, progress/, requests/). A single file gets its own checks, read
    against the units.yaml and registers of the data directory it belongs to.
    """
    result = Checked()
    for path in paths:
        if path.is_dir():
            if not is_data_dir(path):
                raise UsageError(f"不是数据目录（其中没有 {UNITS_FILE} 或 tasks-年份.yaml）：{path}")
            _check_data_dir(result, path)
        else:
            _check_file(result, path)
    return result


def _check_data_dir(result: Checked, data_dir: Path) -> None:
    from gkcli.contacts import CONTACTS_FILE
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


def _check_set(result: Checked, units: Path, registers: list[Path], required: bool) -> tuple[Directory | None, dict[int, records.Register]]:
    """units.yaml (when present or required) and registers checked against it (by year: as records)."""
    directory = None
    by_year: dict[int, records.Register] = {}
    if units.is_file() or required:
        doc = load_file(units)
        directory, problems = check_units(doc)
        _add(result, doc, problems)
        result.directory = result.directory or directory
    for path in registers:
        doc = load_file(path)
        register, problems = check_register(doc, directory)
        _add(result, doc, problems)
        if register is not None:
            result.registers[str(path)] = register
            by_year[register.year] = register.record()
    return directory, by_year


def _add(result: Checked, doc: Document, problems: list[Problem]) -> None:
    if doc.path not in result.files:  # a file named twice (or inside a named directory) counts once
        result.files.append(doc.path)
        result.problems.extend(doc.problems + problems)


def _check_workdays(result: Checked, path: Path) -> None:
    """The holiday override file (workdays.yaml), when there is one."""
    from gkcli.workdays_file import check_workdays_file

    if path.is_file() and str(path) not in result.files:
        result.problems.extend(check_workdays_file(path))
        result.files.append(str(path))


def _check_contacts(result: Checked, path: Path, directory: Directory | None) -> None:
    from gkcli.contacts import check_contacts

    doc = load_file(path)
    _add(result, doc, check_contacts(doc, directory)[1])


def _check_requests(result: Checked, data_dir: Path, directory: Directory | None, registers: dict[int, records.Register | None]) -> None:
    """Disclosure request files (requests/<year>/<unit>.yaml), each year against its register."""
    from gkcli.disclosure.files import check_request_files

    files, problems = check_request_files(data_dir, directory, registers)
    result.files.extend(files)
    result.problems.extend(problems)


def _check_request_file(result: Checked, path: Path) -> None:
    """One request file; its year's other files are read too, for repeated ids, but not reported."""
    from gkcli.disclosure.files import check_request_files

    data_dir = path.parents[2]
    directory, _ = check_units(load_file(data_dir / UNITS_FILE))
    checked = {year: check_register(load_file(found), directory)[0] for year, found in register_files(data_dir).items()}
    registers = {year: register.record() if register is not None else None for year, register in checked.items()}
    _, problems = check_request_files(data_dir, directory, registers)
    result.files.append(str(path))
    result.problems.extend(problem for problem in problems if problem.path == str(path))


def _check_progress(
    result: Checked, data_dir: Path, directory: Directory, registers: dict[int, records.Register], only: list[Path] | None
) -> None:
    from gkcli.progress import check_progress_tree

    problems, files = check_progress_tree(data_dir, directory, registers, only)
    result.problems.extend(problems)
    result.files.extend(files)
