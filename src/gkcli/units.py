"""The unit directory: names, aliases, groups and who belongs to which group.

Names typed by people differ from the register's in ways that do not matter (full-width or
half-width brackets, spaces, invisible characters); `name_key` erases exactly those differences.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from gkcli.errors import UsageError
from gkcli.records import Group, Unit, UnitsFile

INVISIBLE = re.compile(r"[\s\u200b-\u200f\u2060\ufeff\u00ad]")


def name_key(name: str) -> str:
    """The comparison key of a unit name: NFKC (full-width → half-width), no spaces or invisibles."""
    return INVISIBLE.sub("", unicodedata.normalize("NFKC", name)).casefold()


def has_invisible(name: str) -> bool:
    """True when a name carries spaces or zero-width characters that a reader cannot see."""
    return bool(INVISIBLE.search(name))


@dataclass
class Directory:
    """Every unit and group of units.yaml, indexed for lookup and membership."""

    units: dict[str, Unit]
    groups: dict[str, Group]
    keys: dict[str, str] = field(default_factory=dict)  # name_key of id/name/alias → id
    _found: dict[str, str | None] = field(default_factory=dict, repr=False)  # lookups by text as typed

    @classmethod
    def from_file(cls, data: UnitsFile) -> Directory:
        directory = cls({unit.id: unit for unit in data.units}, {group.id: group for group in data.groups})
        entries: list[Unit | Group] = [*data.units, *data.groups]
        for entry in entries:
            for text in (entry.id, entry.name, *entry.aliases):
                directory.keys.setdefault(name_key(text), entry.id)
        return directory

    def name(self, entry_id: str) -> str:
        entry: Unit | Group = self.units.get(entry_id) or self.groups[entry_id]
        return entry.name

    def lookup(self, text: str) -> str | None:
        """The id for a name, alias or id as typed, or None."""
        if text not in self._found:  # a register names the same units thousands of times
            self._found[text] = self.keys.get(name_key(text))
        return self._found[text]

    def resolve(self, text: str) -> str:
        """The id for `text`; an unknown name is a usage error that suggests close names."""
        found = self.lookup(text)
        if found is None:
            hint = self.suggest(text)
            tail = f"；您是不是要找：{'、'.join(hint)}" if hint else "；运行 gk units 查看全部单位"
            raise UsageError(f"未知单位“{text}”{tail}")
        return found

    def suggest(self, text: str, limit: int = 3) -> list[str]:
        """Known names closest to `text`, best first."""
        names = [unit.name for unit in self.units.values()] + [group.name for group in self.groups.values()]
        key = name_key(text)
        contained = [name for name in names if key and (key in name_key(name) or name_key(name) in key)]
        import difflib

        close = difflib.get_close_matches(text, names, n=limit, cutoff=0.4)
        return list(dict.fromkeys([*close, *contained]))[:limit]

    @cached_property
    def _members(self) -> dict[str, frozenset[str]]:
        return {group_id: frozenset(self._expand(group_id, ())) for group_id in self.groups}

    def _expand(self, group_id: str, path: tuple[str, ...]) -> Iterable[str]:
        if group_id in path:  # a cycle; reported by validation, harmless here
            return
        group = self.groups[group_id]
        for kind in group.member_kinds:
            yield from self._units_by_kind.get(kind, [])
        for member in group.members:
            if member in self.groups:
                yield from self._expand(member, (*path, group_id))
            elif member in self.units:
                yield member

    @cached_property
    def _units_by_kind(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}
        for unit in self.units.values():
            index.setdefault(unit.kind, []).append(unit.id)
        return index

    def members(self, group_id: str) -> frozenset[str]:
        """Every unit that belongs to a group, directly or through nested groups."""
        return self._members.get(group_id, frozenset())

    def sorted_members(self, group_id: str) -> tuple[str, ...]:
        """`members(group_id)` in id order."""
        return self._sorted_members.get(group_id, ())

    @cached_property
    def _sorted_members(self) -> dict[str, tuple[str, ...]]:
        return {group_id: tuple(sorted(members)) for group_id, members in self._members.items()}

    @cached_property
    def open_groups(self) -> list[str]:
        """The open (泛指) groups, in file order."""
        return [group_id for group_id, group in self.groups.items() if group.open]

    def groups_of(self, unit_id: str) -> list[str]:
        """The (closed) groups a unit belongs to, in file order; open groups only may include it."""
        return self._groups_of.get(unit_id, [])

    @cached_property
    def _groups_of(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}
        for group_id, members in self._members.items():
            if not self.groups[group_id].open:
                for member in members:
                    index.setdefault(member, []).append(group_id)
        return index

    def group_cycles(self) -> list[list[str]]:
        """Each cycle of groups containing themselves through other groups."""
        cycles = []
        for start in self.groups:
            stack: list[tuple[str, tuple[str, ...]]] = [(start, (start,))]
            while stack:
                current, path = stack.pop()
                for member in self.groups[current].members:
                    if member == start:
                        cycles.append([*path, start])
                    elif member in self.groups and member not in path:
                        stack.append((member, (*path, member)))
        return cycles
