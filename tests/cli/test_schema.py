"""The committed JSON Schemas are exactly what `gk schema` prints, so they cannot go stale."""

from __future__ import annotations

import pytest

from tests.conftest import DATA, gk


@pytest.mark.parametrize(("name", "data_file"), [("register", "tasks-2024.yaml"), ("units", "units.yaml")])
def test_committed_schema_matches_gk_schema(name: str, data_file: str) -> None:
    committed = DATA / "schema" / f"{name}.schema.json"
    assert gk("schema", name).stdout == committed.read_text(encoding="utf-8"), f"regenerate: gk schema {name} > {committed}"
    first_line = (DATA / data_file).read_text(encoding="utf-8").splitlines()[0]
    assert first_line == f"# yaml-language-server: $schema=schema/{name}.schema.json"
