"""Synthetic registers of any size, made from the bundled 2024 register, for the benchmark.

County 0 is the bundled data itself (so `--unit 市政数局` still means something); every further
county copies the 74 tasks and the units under new ids ("c0001-zhengshuju") and clearly synthetic
names ("县0001·市政数局"); task contents get the same prefix, so that no two counties share a
text. Groups list their county's own units as explicit members, so each county's
"市政府各相关部门（单位）" holds that county's departments only. The output passes `gk validate`;
nothing here is a fact about any real place.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SEPARATORS = re.compile(r"([、，,；;])")


def county_prefixes(county: int) -> tuple[str, str]:
    """The id and name prefixes of a synthetic county (county 0 is the bundled data, unprefixed)."""
    return (f"c{county:04d}-", f"县{county:04d}·") if county else ("", "")


def synth_units(units: dict[str, Any], counties: int) -> dict[str, Any]:
    """units.yaml for `counties` counties; groups get explicit per-county members."""
    out: dict[str, list[dict[str, Any]]] = {"units": [], "groups": []}
    for county in range(counties):
        id_pre, name_pre = county_prefixes(county)
        for unit in units["units"]:
            out["units"].append({"id": id_pre + unit["id"], "name": name_pre + unit["name"], "kind": unit["kind"]})
        for group in units["groups"]:
            kinds = set(group.get("member_kinds", []))
            members = [id_pre + unit["id"] for unit in units["units"] if unit["kind"] in kinds]
            members += [id_pre + member for member in group.get("members", [])]
            entry = {"id": id_pre + group["id"], "name": name_pre + group["name"], "members": members}
            if group.get("open"):
                entry["open"] = True
            out["groups"].append(entry)
    return out


def prefix_cell(cell: str, names: set[str], name_pre: str) -> str:
    """The responsible-units cell with every unit name that starts a piece prefixed."""
    pieces = SEPARATORS.split(cell)
    return "".join(name_pre + piece if any(piece.startswith(name) for name in names) else piece for piece in pieces)


def synth_task(task: dict[str, Any], new_id: int, county: int) -> dict[str, Any]:
    _, name_pre = county_prefixes(county)
    names = set(task["lead"]) | set(task["units"])
    copy = dict(task, id=new_id, content=name_pre + task["content"])  # no two counties share a text, as in real lists
    copy["units_text"] = prefix_cell(task["units_text"], names, name_pre) if county else task["units_text"]
    copy["lead"] = [name_pre + name for name in task["lead"]]
    copy["units"] = [name_pre + name for name in task["units"]]
    return copy


def synth_register(register: dict[str, Any], size: int) -> tuple[dict[str, Any], int]:
    """A register of `size` tasks and the number of counties it spans."""
    base = register["tasks"]
    tasks = [synth_task(base[index % len(base)], index + 1, index // len(base)) for index in range(size)]
    return dict(register, tasks=tasks), -(-size // len(base))


def _scalar(value: Any) -> str:
    """A YAML flow value (JSON is valid YAML); dates stay plain, also inside lists (checkpoints)."""
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(key, ensure_ascii=False)}: {_scalar(item)}" for key, item in value.items()) + "}"
    return json.dumps(value, ensure_ascii=False)


def _block(mapping: dict[str, Any], indent: str) -> list[str]:
    lines = []
    for key, value in mapping.items():
        if isinstance(value, dict):
            lines.append(f"{indent}{key}:")
            lines.extend(_block(value, indent + "  "))
        else:
            lines.append(f"{indent}{key}: {_scalar(value)}")
    return lines


def to_yaml(data: dict[str, Any]) -> str:
    """Block-style YAML with one list item per entry, fast enough for 100,000 tasks."""
    lines = []
    for key, value in data.items():
        if not isinstance(value, list):
            lines.append(f"{key}: {_scalar(value)}")
            continue
        lines.append(f"{key}:")
        for item in value:
            body = _block(item, "    ")
            lines.append("  - " + body[0].lstrip())
            lines.extend(body[1:])
    return "\n".join(lines) + "\n"


def main() -> None:
    """`python bench/synth.py SIZE DIR`: run by bench/run.py in its own process, so that the
    benchmark process stays small (a child's peak memory counts its parent's at fork time)."""
    size, target = int(sys.argv[1]), Path(sys.argv[2])
    write_data_dir(target, size)


def write_data_dir(target: Path, size: int) -> Path:
    """Write units.yaml and tasks-2024.yaml for `size` tasks into `target`; returns `target`."""
    register = yaml.safe_load((DATA / "tasks-2024.yaml").read_text(encoding="utf-8"))
    units = yaml.safe_load((DATA / "units.yaml").read_text(encoding="utf-8"))
    synthetic, counties = synth_register(register, size)
    target.mkdir(parents=True, exist_ok=True)
    (target / "units.yaml").write_text(to_yaml(synth_units(units, counties)), encoding="utf-8")
    (target / "tasks-2024.yaml").write_text(to_yaml(synthetic), encoding="utf-8")
    return target


if __name__ == "__main__":
    main()
