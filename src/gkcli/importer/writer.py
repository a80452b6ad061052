"""A register as readable YAML: one block per task, in a fixed key order, with a schema line.

PyYAML's dumper would reorder nothing but wraps long Chinese lines and quotes inconsistently; here
every scalar is still quoted by PyYAML (so the output is always valid), but the layout is ours.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

import yaml

TASK_KEYS = ("id", "category", "content", "units_text", "lead", "units", "open_ended", "deadline", "checkpoints")
DEADLINE_KEYS = ("text", "kind", "due", "start", "days", "day_type", "event")
SCHEMA_LINE = "# yaml-language-server: $schema=schema/register.schema.json"


def scalar(value: Any) -> str:
    """One value in YAML flow syntax, quoted only where YAML needs it."""
    if isinstance(value, dt.date):
        return value.isoformat()
    dumped = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=1 << 30)
    return dumped.removesuffix("\n").removesuffix("\n...")


def flow_scalar(value: Any) -> str:
    """A value safe inside a flow mapping (where "," and brackets end a plain scalar)."""
    text = scalar(value)
    if isinstance(value, str) and any(mark in text for mark in ",[]{}") and text[0] not in "'\"":
        return json.dumps(value, ensure_ascii=False)
    return text


def _mapping_lines(mapping: dict[str, Any], keys: tuple[str, ...], indent: str) -> list[str]:
    lines = []
    for key in keys:
        if key not in mapping:
            continue
        value = mapping[key]
        if isinstance(value, dict):
            lines.append(f"{indent}{key}:")
            lines.extend(_mapping_lines(value, tuple(value), indent + "  "))
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            lines.append(f"{indent}{key}:")
            for item in value:
                sub = _mapping_lines(item, tuple(item), indent + "    ")
                lines.append(f"{indent}  - {sub[0].lstrip()}")
                lines.extend(sub[1:])
        else:
            lines.append(f"{indent}{key}: {scalar(value)}")
    return lines


def register_yaml(register: dict[str, Any], header: str = "", notes: Mapping[int, list[str]] | None = None) -> str:
    """The text of a register file for `register` (plain data in the model's shape).

    `notes` are comment lines put above the task with that id (the importer's review marks).
    """
    lines = [SCHEMA_LINE]
    lines.extend(f"# {line}" if line else "#" for line in header.splitlines())
    for key in ("title", "year", "region", "published", "source"):
        if key in register:
            lines.append(f"{key}: {scalar(register[key])}")
    lines.append("")
    lines.append("categories:")
    for category in register["categories"]:
        lines.append(
            f"  - {{number: {category['number']}, numeral: {flow_scalar(category['numeral'])}, name: {flow_scalar(category['name'])}}}"
        )
    lines.append("")
    lines.append("tasks:")
    for task in register["tasks"]:
        ordered = {key: task[key] for key in TASK_KEYS if key in task}
        ordered["deadline"] = {key: task["deadline"][key] for key in DEADLINE_KEYS if task["deadline"].get(key) is not None}
        body = _mapping_lines(ordered, tuple(ordered), "    ")
        lines.extend(f"  # {' '.join(note.splitlines())}" for note in (notes or {}).get(task["id"], []))
        lines.append(f"  - {body[0].lstrip()}")
        lines.extend(body[1:])
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
