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
    directory = Directory.from_file(units_file)
    known = [*directory.units, *directory.groups]
    for index, group in enumerate(units_file.groups):
        for position, member in enumerate(group.members):
            if member not in known:
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
    """Validate data directories and single files; a register is checked against its units.yaml."""
    result = Checked()
    for path in paths:
        if path.is_dir():
            if not is_data_dir(path):
                raise UsageError(f"不是数据目录（其中没有 {UNITS_FILE} 或 tasks-年份.yaml）：{path}")
            units, registers = path / UNITS_FILE, list(register_files(path).values())
        elif path.name == UNITS_FILE:
            units, registers = path, []
        else:
            units, registers = path.parent / UNITS_FILE, [path]
        _check_set(result, units, registers, path.is_dir())
    return result


def _check_set(result: Checked, units: Path, registers: list[Path], required: bool) -> None:
    directory = None
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


def _add(result: Checked, doc: Document, problems: list[Problem]) -> None:
    if doc.path not in result.files:  # a file named twice (or inside a named directory) counts once
        result.files.append(doc.path)
        result.problems.extend(doc.problems + problems)
