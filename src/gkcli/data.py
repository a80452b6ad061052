"""The validated data a command works on: the unit directory and one year's register."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gkcli.datadir import UNITS_FILE, register_file
from gkcli.errors import DataError
from gkcli.load import load_file
from gkcli.model import Register, Task
from gkcli.units import Directory
from gkcli.validate import check_register, check_units


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


def load_data(data_dir: Path, year: int | None = None) -> Data:
    """Load and fully validate units.yaml and the register; any problem raises DataError."""
    path = register_file(data_dir, year)
    units_doc = load_file(data_dir / UNITS_FILE)
    directory, problems = check_units(units_doc)
    problems = units_doc.problems + problems
    register_doc = load_file(path)
    register, register_problems = check_register(register_doc, directory)
    problems += register_doc.problems + register_problems
    if problems or directory is None or register is None:
        raise DataError(problems)
    return Data(data_dir, path, directory, register)
