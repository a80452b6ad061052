"""Where request files live; light, so that a query can see there are none without importing more."""

from __future__ import annotations

from pathlib import Path

REQUESTS_DIR = "requests"


def year_dir(data_dir: Path, year: int) -> Path:
    return data_dir / REQUESTS_DIR / str(year)
