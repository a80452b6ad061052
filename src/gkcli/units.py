"""The unit directory: names, aliases, groups and who belongs to which group.

Names typed by people differ from the register's in ways that do not matter (full-width or
half-width brackets, spaces, invisible characters); `name_key` erases exactly those differences.
"""

from __future__ import annotations

import re
import unicodedata
from collections import deque
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from gkcli.errors import UsageError
from gkcli.records import Group, Unit, UnitsFile

INVISIBLE = re.compile(r"[\s\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")
INVISIBLE_NAMES = {
    " ": "空格",
    "\u3000": "全角空格",
    "\u00a0": "不间断空格",
    "\t": "制表符",
    "\u200b": "零宽空格",
    "\u200c": "零宽非连接符",
    "\u200d": "零宽连接符",
    "\u2060": "零宽不换行符",
    "\ufeff": "零宽不换行空格（BOM）",
    "\u00ad": "软连字符",
}


def text_key(text: str) -> str:
    """Text for comparing and searching: NFKC (full-width → half-width), no spaces or invisibles."""
    return INVISIBLE.sub("", unicodedata.normalize("NFKC", text)).casefold()


@lru_cache(maxsize=1 << 16)  # validating a merged register asks for the same few thousand names 200,000 times
def name_key(name: str) -> str:
    """The comparison key of a unit name (`text_key`, remembered: names repeat, task texts do not)."""
    return text_key(name)


def describe_invisible(name: str) -> str | None:
    """“不可见字符 U+200B（零宽空格）” for the first space or invisible character in a name, else None."""
    match = INVISIBLE.search(name)
    if match is None:
        return None
    char = match.group()
    kind = INVISIBLE_NAMES.get(char, "空白" if char.isspace() else "格式控制字符")
    return f"空格或不可见字符 U+{ord(char):04X}（{kind}）"


def reveal_invisible(name: str) -> str:
    """The name with each space or invisible character shown as [U+XXXX], so a reader can see where it is."""
    return INVISIBLE.sub(lambda match: f"[U+{ord(match.group()):04X}]", name)


@dataclass
class Directory:
    """Every unit and group of units.yaml, indexed for lookup and membership."""

    units: dict[str, Unit]
    groups: dict[str, Group]
    keys: dict[str, str] = field(default_factory=dict)  # name_key of id/name/alias → id
    _found: dict[str, str | None] = field(default_factory=dict, repr=False)  # lookups by text as typed

    @classmethod
    def from_file(cls, data: UnitsFile, keys: dict[str, str] | None = None) -> Directory:
        """The directory of a units file; `keys` are its `keys` as computed before (from the cache)."""
        directory = cls({unit.id: unit for unit in data.units}, {group.id: group for group in data.groups})
        if keys is not None:
            directory.keys = keys
            return directory
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
        return {group_id: self._expand(group_id) for group_id in self.groups}

    def _expand(self, group_id: str) -> frozenset[str]:
        """The units of a group and of the groups inside it (each group visited once: cycles are harmless)."""
        found: set[str] = set()
        visited, stack = {group_id}, [group_id]
        while stack:
            group = self.groups[stack.pop()]
            for kind in group.member_kinds:
                found.update(self._units_by_kind.get(kind, ()))
            found.update(member for member in group.members if member in self.units)
            fresh = [member for member in group.members if member in self.groups and member not in visited]
            visited.update(fresh)
            stack.extend(fresh)
        return frozenset(found)

    @cached_property
    def _units_by_kind(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}
        for unit in self.units.values():
            index.setdefault(unit.kind, []).append(unit.id)
        return index

    def spellings(self, entry_id: str) -> frozenset[str]:
        """The name and aliases of a unit or group as written (invisible characters are units.yaml's problem)."""
        return self._spellings[entry_id]

    @cached_property
    def _spellings(self) -> dict[str, frozenset[str]]:
        entries: list[Unit | Group] = [*self.units.values(), *self.groups.values()]
        return {entry.id: frozenset(INVISIBLE.sub("", text) for text in (entry.name, *entry.aliases)) for entry in entries}

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
        """One shortest cycle per group that contains itself through its members, each cycle once."""
        cycles: list[list[str]] = []
        reported: set[frozenset[str]] = set()
        for start in self.groups:
            cycle = self._cycle_from(start)
            if cycle and frozenset(cycle) not in reported:
                reported.add(frozenset(cycle))
                cycles.append(cycle)
        return cycles

    def _cycle_from(self, start: str) -> list[str] | None:
        """The shortest chain start → … → start through group members (breadth first), or None."""
        parents: dict[str, str] = {}
        queue = deque([start])
        while queue:
            current = queue.popleft()
            for member in self.groups[current].members:
                if member == start:
                    chain = [current]
                    while chain[-1] != start:
                        chain.append(parents[chain[-1]])
                    return [*reversed(chain), start]
                if member in self.groups and member not in parents:
                    parents[member] = current
                    queue.append(member)
        return None
