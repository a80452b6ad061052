"""The benchmark's synthetic registers are valid data (bench/ is run by hand, its inputs are not)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, gk


def test_a_synthetic_register_of_three_counties_passes_validation(tmp_path: Path) -> None:
    target = tmp_path / "synth"
    subprocess.run([sys.executable, str(ROOT / "bench" / "synth.py"), "200", str(target)], check=True, capture_output=True)
    gk("validate", str(target))
    tasks = json.loads(gk("tasks", "--data", str(target), "-f", "json").stdout)
    assert [task["id"] for task in tasks] == list(range(1, 201))
    owed = json.loads(gk("due", "--unit", "县0001·市政数局", "--data", str(target), "--as-of", "2024-06-01", "-f", "json").stdout)
    local = json.loads(gk("due", "--unit", "市政数局", "--data", str(target), "--as-of", "2024-06-01", "-f", "json").stdout)
    assert owed and {item["unit_id"] for item in owed} == {"c0001-zhengshuju"}
    assert {item["unit_id"] for item in local} == {"zhengshuju"}
