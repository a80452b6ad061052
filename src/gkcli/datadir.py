"""Where the data lives: --data, else $GK_DATA, else ./data upwards, else the bundled register."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from gkcli.errors import UsageError

UNITS_FILE = "units.yaml"
REGISTER_GLOB = "tasks-*.yaml"
REGISTER_NAME = re.compile(r"^tasks-(\d{4})\.yaml$")
ENV_VAR = "GK_DATA"


def bundled_dir() -> Path:
    """The register shipped in the package (or the checkout's data/ when run from source)."""
    here = Path(__file__).resolve().parent
    packaged = here / "_data"
    return packaged if packaged.is_dir() else here.parents[1] / "data"


def is_data_dir(path: Path) -> bool:
    return (path / UNITS_FILE).is_file() or any(path.glob(REGISTER_GLOB))


def find_data_dir(explicit: Path | None, environ: Mapping[str, str], cwd: Path) -> Path:
    """The data directory to use, by the documented order of precedence."""
    chosen = explicit or (Path(environ[ENV_VAR]) if environ.get(ENV_VAR) else None)
    if chosen is not None:
        if not chosen.is_dir():
            raise UsageError(f"数据目录不存在：{chosen}")
        return chosen
    for folder in (cwd, *cwd.parents):
        candidate = folder / "data"
        if candidate.is_dir() and is_data_dir(candidate):
            return candidate
    return bundled_dir()


def register_files(data_dir: Path) -> dict[int, Path]:
    """The register files of a data directory by year."""
    found = {}
    for path in data_dir.glob(REGISTER_GLOB):
        match = REGISTER_NAME.match(path.name)
        if match:
            found[int(match.group(1))] = path
    return dict(sorted(found.items()))


def register_file(data_dir: Path, year: int | None) -> Path:
    """The register for `year`, or the newest one."""
    files = register_files(data_dir)
    if not files:
        raise UsageError(f"数据目录中没有任务清单文件（tasks-年份.yaml）：{data_dir}")
    if year is None:
        return files[max(files)]
    if year not in files:
        have = "、".join(str(known) for known in files)
        raise UsageError(f"没有 {year} 年的任务清单（已有：{have}）")
    return files[year]
