"""The validated data a command works on: the unit directory and one year's register.

Parsing and validating a register of thousands of tasks takes seconds; the records they yield are
kept in the user's private cache (gkcli.cache) and reused while the files are unchanged. A cache
hit imports neither PyYAML nor pydantic.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gkcli import records
from gkcli.datadir import UNITS_FILE, register_file
from gkcli.errors import DataError
from gkcli.records import Register, Task, UnitsFile
from gkcli.units import Directory


@dataclass(frozen=True)
class Data:
    data_dir: Path
    register_path: Path
    directory: Directory
    register: Register

    def task(self, task_id: int) -> Task | None:
        return next((task for task in self.register.tasks if task.id == task_id), None)

    def category_name(self, number: int) -> str:
        return next((category.name for category in self.register.categories if category.number == number), "")


def load_data(data_dir: Path, year: int | None = None, environ: Mapping[str, str] | None = None) -> Data:
    """Load and fully validate units.yaml and the register; any problem raises DataError.

    `environ` (default: os.environ) locates the cache and can switch it off (GK_NO_CACHE=1).
    """
    from gkcli.cache import Cache
    from gkcli.gcpause import paused

    path = register_file(data_dir, year)
    sources = [data_dir / UNITS_FILE, path]
    cache = Cache.open(os.environ if environ is None else environ)
    with paused():
        cached = _from_rows(cache.get(sources)) if cache else None
        if cached is not None:
            return Data(data_dir, path, *cached)
        stamps = _stamps(sources) if cache else None  # taken before parsing: a later edit never passes as cached
        directory, register = validated(sources[0], path)
        if cache and stamps:
            units = UnitsFile(list(directory.units.values()), list(directory.groups.values()))
            cache.put(stamps, (records.units_row(units), directory.keys, records.register_row(register)))
        return Data(data_dir, path, directory, register)


def validated(units_path: Path, register_path: Path) -> tuple[Directory, Register]:
    """Parse and validate both files; every problem of both raises one DataError."""
    from gkcli.gcpause import paused
    from gkcli.load import load_file
    from gkcli.validate import check_register, check_units

    with paused():
        units_doc = load_file(units_path)
        directory, problems = check_units(units_doc)
        problems = units_doc.problems + problems
        register_doc = load_file(register_path)
        register, register_problems = check_register(register_doc, directory)
        problems += register_doc.problems + register_problems
        if problems or directory is None or register is None:
            raise DataError(problems)
        return directory, register.record()


def _stamps(sources: list[Path]) -> list[Any] | None:
    from gkcli.cache import stamp

    try:
        return [stamp(path) for path in sources]
    except OSError:
        return None


def _from_rows(rows: Any) -> tuple[Directory, Register] | None:
    """Records from a cache entry; an entry that does not decode is a miss, never an error."""
    if rows is None:
        return None
    try:
        units_row, keys, register_row = rows
        if type(keys) is not dict:
            return None
        return Directory.from_file(records.units_from_row(units_row), keys), records.register_from_row(register_row)
    except (TypeError, ValueError, KeyError, IndexError):
        return None
