"""The unit names of an imported list against units.yaml: known, spelled differently, or new."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gkcli.units import Directory


@dataclass
class UnitReport:
    """Distinct names in order of first use; for each, the tasks (ids) that name it."""

    matched: dict[str, list[int]] = field(default_factory=dict)
    variants: dict[str, str] = field(default_factory=dict)  # name as written → units.yaml's spelling
    new: dict[str, list[int]] = field(default_factory=dict)

    def first_task(self, name: str) -> int:
        return (self.matched.get(name) or self.new.get(name) or [0])[0]


def match_units(tasks: list[dict[str, Any]], directory: Directory) -> UnitReport:
    """Every name in the tasks' lead and units, looked up in the directory."""
    report = UnitReport()
    for task in tasks:
        for name in (*task.get("lead", []), *task.get("units", [])):
            found = directory.lookup(name)
            if found is None:
                report.new.setdefault(name, []).append(task["id"])
                continue
            report.matched.setdefault(name, []).append(task["id"])
            entry = directory.units.get(found) or directory.groups[found]
            if name != entry.name and name not in entry.aliases:
                report.variants[name] = entry.name
    return report
