"""A fast path for well-formed YAML: plain data straight from the parser's events.

The full loader (gkcli.load) composes the whole node graph and records the position of every
value, which for a register of 100,000 tasks takes gigabytes. Most files are well formed, and
positions are only needed to report a problem. `plain_data` builds the data from the C parser's
event stream without positions, and gives up (returns NOT_PLAIN) at the first thing the full
loader would treat specially: an anchor or alias, an explicit tag, a duplicate or non-scalar
key, a merge key, a date with a time, deep nesting, several documents, any parse error. What it
does return is exactly what the full loader would build, with no problems (tests compare them).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.events import (
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from gkcli.yamltree import CONSTRUCTOR, CONSTRUCTORS, MAX_DEPTH, STR

NOT_PLAIN = object()
SHORT = 40  # plain scalars up to this length are remembered: keys and codes repeat, task texts do not


def plain_tag(value: str) -> str:
    """The tag of an untagged plain scalar: PyYAML's Resolver.resolve, without its per-call overhead."""
    resolvers = yaml.SafeLoader.yaml_implicit_resolvers
    for tag, pattern in (*resolvers.get(value[:1], ()), *resolvers.get(None, ())):
        if pattern.match(value):
            return str(tag)
    return STR


class _GiveUp(Exception):
    """Something the full loader must look at."""


def plain_data(text: str) -> Any:
    """The data of a single well-formed YAML document, or NOT_PLAIN."""
    try:
        loader = yaml.CSafeLoader(text)
    except AttributeError:  # PyYAML without libyaml: the full loader only
        return NOT_PLAIN
    try:
        return _Events(loader).document()
    except (_GiveUp, yaml.YAMLError, ValueError, OverflowError, ConstructorError):
        return NOT_PLAIN
    finally:
        loader.dispose()


class _Events:
    """Builds the data from the event stream; the loops are written for speed (about 40 % of the
    time of a 10,000-task register was spent here on top of libyaml's own work)."""

    def __init__(self, loader: Any) -> None:
        self.loader = loader
        self.next = loader.get_event
        self.plain: dict[str, Any] = {}  # short plain scalars ("id", "kind", "2024-12-31" …) resolved once

    def document(self) -> Any:
        self.next()  # StreamStart
        if type(self.next()) is not DocumentStartEvent:
            raise _GiveUp  # empty file
        data = self.value(self.next(), 0)
        self.next()  # DocumentEnd
        if type(self.next()) is not StreamEndEvent:
            raise _GiveUp  # another document follows
        return data

    def value(self, event: Any, depth: int) -> Any:
        kind = type(event)
        if kind is ScalarEvent:
            return self.scalar(event)
        if depth >= MAX_DEPTH or event.anchor is not None or event.tag is not None:
            raise _GiveUp  # deep nesting is the full loader's to report (it allows one more level)
        next_event, scalar = self.next, self.scalar
        if kind is SequenceStartEvent:
            items: list[Any] = []
            while (kind := type(event := next_event())) is not SequenceEndEvent:
                items.append(scalar(event) if kind is ScalarEvent else self.value(event, depth + 1))
            return items
        if kind is MappingStartEvent:
            mapping: dict[Any, Any] = {}
            while (kind := type(event := next_event())) is not MappingEndEvent:
                if kind is not ScalarEvent:
                    raise _GiveUp
                key = scalar(event)
                if key in mapping or key == "<<":  # a merge key, even quoted, is the full loader's to judge
                    raise _GiveUp
                event = next_event()
                mapping[key] = scalar(event) if type(event) is ScalarEvent else self.value(event, depth + 1)
            return mapping
        raise _GiveUp  # an alias

    def scalar(self, event: Any) -> Any:
        if event.anchor is not None or event.tag is not None:
            raise _GiveUp
        text = event.value
        if event.style:  # quoted or block text: always a string
            return text
        known = self.plain.get(text, NOT_PLAIN)
        if known is not NOT_PLAIN:
            return known
        value = self.resolve(text)
        if len(text) <= SHORT:
            self.plain[text] = value  # every resolved value is immutable (str, int, float, bool, None, date)
        return value

    @staticmethod
    def resolve(text: str) -> Any:
        tag = plain_tag(text)
        if tag == STR:
            return text
        if tag not in CONSTRUCTORS:
            raise _GiveUp  # e.g. the merge key "<<"
        value = CONSTRUCTORS[tag](CONSTRUCTOR, yaml.ScalarNode(tag, text))
        if isinstance(value, dt.datetime):
            raise _GiveUp
        return value
