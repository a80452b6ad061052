"""The fast path builds exactly what the full loader builds, or gives up."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gkcli import load
from gkcli.fastyaml import NOT_PLAIN, plain_data
from gkcli.load import _load_placed, load_file, load_text
from tests.conftest import DATA, ROOT

YAML_FILES = sorted({*DATA.glob("*.yaml"), *(ROOT / "tests").rglob("*.yaml")})


def full(text: str) -> object:
    doc = _load_placed(text, "x.yaml")
    assert not doc.problems
    return doc.data


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda path: path.name)
def test_agrees_with_the_full_loader_on_every_file_in_the_repository(path: Path) -> None:
    try:
        text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError:  # never parsed: the loader reports the encoding
        assert "UTF-8" in load_file(path).problems[0].message
        return
    fast = plain_data(text)
    if fast is not NOT_PLAIN:
        assert fast == full(text)


def test_bundled_data_takes_the_fast_path() -> None:
    for path in DATA.glob("*.yaml"):
        assert plain_data(path.read_text(encoding="utf-8")) is not NOT_PLAIN, path


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",  # anchor and alias
        "a: !!python/object/apply:os.system [ls]\n",  # tag
        "a: !!str 1\n",  # even a harmless tag: the full loader decides
        "a: 1\na: 2\n",  # duplicate key
        "? [1, 2]\n: x\n",  # non-scalar key
        "<<: {a: 1}\n",  # merge key
        "'<<': 1\n",  # quoted, still refused by the full loader
        "a: 2024-06-01 10:00:00\n",  # a date with a time
        "a: 2024-02-30\n",  # no such date
        "a: 1\n---\nb: 2\n",  # two documents
        "",  # empty
        "# only a comment\n",
        "a: [1, 2\n",  # syntax error
        "a:\n\tb: 1\n",  # tab indentation
        "x: " + "[" * 70 + "]" * 70 + "\n",  # deeper than MAX_DEPTH
    ],
)
def test_anything_unusual_is_left_to_the_full_loader(text: str) -> None:
    assert plain_data(text) is NOT_PLAIN


scalars = st.one_of(
    st.text(max_size=20),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.booleans(),
    st.none(),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)),
    st.sampled_from(["yes", "no", "on", "null", "~", "1e3", "0x1F", "0o17", "1_000", ".inf", "2024-06-01", "12:30", "<<", ""]),
)


def containers(inner: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8) | st.integers(), inner, max_size=4)


documents = st.recursive(scalars, containers, max_leaves=20)


@given(documents, st.sampled_from([None, False, True]))
def test_agrees_with_the_full_loader_on_generated_documents(data: object, flow: bool | None) -> None:
    import yaml

    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow)
    fast = plain_data(text)
    if fast is not NOT_PLAIN:
        assert fast == full(text)


@given(st.lists(st.sampled_from(["1", "true", "null", "2024-01-31", "~", "3.5", "文字", "'引号'", '"双引号"', "a b", ""]), max_size=6))
def test_plain_scalars_resolve_like_the_full_loader(values: list[str]) -> None:
    text = "".join(f"k{index}: {value}\n" for index, value in enumerate(values)) or "{}\n"
    fast = plain_data(text)
    assert fast is not NOT_PLAIN
    assert fast == full(text)


def test_positions_are_worked_out_when_a_problem_needs_one(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (DATA / "tasks-2024.yaml").read_text(encoding="utf-8")
    placed, calls = _load_placed(text, "t.yaml"), []
    monkeypatch.setattr(load, "_load_placed", lambda text, path: calls.append(path) or placed)
    fast = load_text(text, "t.yaml")
    assert fast.data == placed.data and calls == []  # nothing worked out yet
    for loc in [("tasks", 3, "deadline", "due"), ("tasks", 70, "units", 1), ("categories", 13, "name"), ("title",), ()]:
        assert fast.where(loc) == placed.where(loc)
    assert fast.positions == placed.positions and not fast.is_flagged(("tasks", 3))
    assert calls == ["t.yaml"]  # once, on first use
