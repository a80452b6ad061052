"""The YAML loader: positions, duplicate keys, encodings, unsafe and abusive YAML, size limits."""

from __future__ import annotations

import codecs
import datetime as dt
import time
import tracemalloc
from pathlib import Path

import pytest
import yaml

from gkcli.errors import UsageError
from gkcli.load import MB, load_bytes, load_file, load_text, max_bytes
from gkcli.yamltree import MAX_DEPTH

REGISTER = "title: 清单\nyear: 2024\ntasks:\n  - id: 1\n    lead: [市政府办, 市政数局]\n    deadline:\n      due: 2024-12-31\n"


def messages(text: str) -> list[tuple[int, int, str]]:
    return [(p.line, p.col, p.message) for p in load_text(text, "f.yaml").problems]


def test_positions_point_at_keys_and_items() -> None:
    doc = load_text(REGISTER, "f.yaml")
    assert not doc.problems
    assert doc.data["tasks"][0]["deadline"]["due"] == dt.date(2024, 12, 31)
    assert doc.positions[("year",)] == (2, 1)
    assert doc.positions[("tasks", 0)] == (4, 5)
    assert doc.positions[("tasks", 0, "lead", 1)] == (5, 18)
    assert doc.positions[("tasks", 0, "deadline", "due")] == (7, 7)
    assert doc.where(("tasks", 0, "deadline", "text")) == (6, 5)  # missing key: its parent's position
    assert doc.problem(("tasks", 0, "nothing"), "x").line == 4


@pytest.mark.parametrize(
    ("text", "line", "first", "kept"),
    [
        ("a: 1\na: 2\n", 2, 1, {"a": 1}),
        ("tasks:\n  - id: 1\n    content: 甲\n    content: 乙\n", 4, 3, {"tasks": [{"id": 1, "content": "甲"}]}),
        ("t:\n  - d:\n      due: 1\n      x: 2\n      due: 3\n", 5, 3, {"t": [{"d": {"due": 1, "x": 2}}]}),
    ],
)
def test_duplicate_keys_are_problems_and_the_first_value_is_kept(text: str, line: int, first: int, kept: object) -> None:
    doc = load_text(text, "f.yaml")
    [problem] = doc.problems
    assert problem.line == line
    assert f"第 {first} 行已有" in problem.message
    assert doc.data == kept


def test_bom_and_crlf_are_accepted_with_the_same_positions() -> None:
    plain = load_bytes(REGISTER.encode(), "f.yaml")
    windows = load_bytes(codecs.BOM_UTF8 + REGISTER.replace("\n", "\r\n").encode(), "f.yaml")
    assert not windows.problems
    assert windows.data == plain.data
    assert windows.positions == plain.positions


def test_gbk_file_is_explained_with_a_conversion_hint() -> None:
    [problem] = load_bytes("title: 清单\n".encode("gbk"), "f.yaml").problems
    assert (problem.line, problem.col) == (1, 8)
    assert "不是 UTF-8" in problem.message and "GBK/GB18030" in problem.message and "iconv -f GB18030 -t UTF-8" in problem.message


def test_one_pasted_gbk_line_is_located() -> None:
    raw = "title: 清单\nyear: 2024\n".encode() + "region: 舒兰市\n".encode("gbk")
    [problem] = load_bytes(raw, "f.yaml").problems
    assert (problem.line, problem.col) == (3, 9)
    assert "这一行看起来是 GBK/GB18030" in problem.message


def test_utf16_file_is_named() -> None:
    [problem] = load_bytes("title: 清单\n".encode("utf-16"), "f.yaml").problems
    assert "UTF-16" in problem.message


def test_control_character_column_counts_characters_not_bytes() -> None:
    assert messages("标题: 中文\x00x\n") == [(1, 7, "文件中有不允许的控制字符 U+0000，请删除（常见于从其他软件复制粘贴）")]


def test_python_tags_are_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "executed"
    text = f'content: !!python/object/apply:os.system ["touch {marker}"]\n'
    yaml.unsafe_load(text)  # the control: an unsafe loader does run the command
    assert marker.exists()
    marker.unlink()

    doc = load_text(text, "f.yaml")

    assert not marker.exists()
    assert [(p.line, p.col) for p in doc.problems] == [(1, 10)]
    assert "不支持的 YAML 标签 !!python/object/apply:os.system" in doc.problems[0].message
    assert doc.data == {"content": None}
    assert doc.is_flagged(("content",)) and doc.is_flagged(("content", "x"))


@pytest.mark.parametrize("text", ["a: !!python/name:os.system\n", "a: !custom {b: 1}\n", "a: !!set {b}\n", "a: !!binary aGk=\n"])
def test_every_unknown_tag_is_refused(text: str) -> None:
    [(line, col, message)] = messages(text)
    assert (line, col) == (1, 4)
    assert message.startswith("不支持的 YAML 标签")


def test_aliases_are_refused_where_the_alias_is_written() -> None:
    assert messages("a: &x [1]\nb: 2\nc: *x\n") == [(3, 4, "不支持 YAML 锚点/别名（& 与 *），请直接写出内容")]


def test_an_alias_to_a_dropped_duplicate_value_is_still_refused() -> None:
    problems = messages("a: 1\na: &x [1]\nb: *x\n")
    assert [line for line, _, _ in problems] == [2, 3]


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ['l0: &l0 "lol"'] + [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 12)]
    start = time.perf_counter()
    problems = messages("\n".join(lines) + "\n")
    assert time.perf_counter() - start < 1
    assert [(line, col) for line, col, _ in problems] == [(2, 10)]


def test_merge_keys_are_refused() -> None:
    assert messages("a: {b: 1}\nc:\n  <<: {b: 2}\n")[0][2] == "不支持 YAML 合并键（<<），请直接写出内容"


def test_nesting_is_limited() -> None:
    def nested(depth: int) -> str:
        return "[" * depth + "]" * depth

    assert load_text(f"a: {nested(MAX_DEPTH)}\n", "f.yaml").problems == []
    assert messages(f"a: {nested(MAX_DEPTH + 1)}\n")[0][2] == f"嵌套层级过深（超过 {MAX_DEPTH} 层）"
    assert "嵌套层级过深" in messages(f"a: {nested(100_000)}\n")[0][2]  # libyaml's own limit, no recursion


def test_impossible_dates_and_times_are_problems_not_crashes() -> None:
    doc = load_text("a: 2024-02-30\nb: 2024-12-31 10:00:00\nc: 2024-12-31\n", "f.yaml")
    assert [(p.line, p.message) for p in doc.problems] == [
        (1, "日期“2024-02-30”不存在"),
        (2, "这里只写日期（YYYY-MM-DD），不要写时刻：2024-12-31 10:00:00"),
    ]
    assert doc.data == {"a": None, "b": None, "c": dt.date(2024, 12, 31)}


def test_keys_must_be_plain() -> None:
    assert messages("[1]: 2\n")[0][2].startswith("键必须是简单的文字")
    assert messages("2024-02-30: 1\n")[0][2] == "键无效：日期“2024-02-30”不存在"


@pytest.mark.parametrize(("text", "message"), [("", "文件是空的（没有任何内容）"), ("# 只有注释\n", "文件是空的（没有任何内容）")])
def test_empty_files(text: str, message: str) -> None:
    assert messages(text) == [(1, 1, message)]


def test_every_merge_conflict_marker_is_reported() -> None:
    text = "a: 1\n<<<<<<< HEAD\nb: 2\n=======\nb: 3\n>>>>>>> other\n"
    assert [line for line, _, _ in messages(text)] == [2, 4, 6]


def test_max_bytes_default_and_environment() -> None:
    assert max_bytes({}) == 32 * MB
    assert max_bytes({"GK_MAX_FILE_MB": "128"}) == 128 * MB
    for bad in ("abc", "0", "-5", "1.5"):
        with pytest.raises(UsageError, match="GK_MAX_FILE_MB"):
            max_bytes({"GK_MAX_FILE_MB": bad})


def write_large(path: Path, size: int) -> None:
    block = "  - id: 1\n    content: 依法依规建立形成主动公开事项目录并动态更新，实行清单化管理。\n" * 1000
    with path.open("w", encoding="utf-8") as stream:
        stream.write("tasks:\n")
        while stream.tell() < size:
            stream.write(block)


def test_a_50_mb_file_is_refused_quickly_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "tasks-2024.yaml"
    write_large(path, 50 * MB)
    tracemalloc.start()
    start = time.perf_counter()
    doc = load_file(path)
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 1
    assert peak < 1 * MB
    [problem] = doc.problems
    assert problem.message.startswith("文件过大（50 MB，上限 32 MB），未读取")
    assert "GK_MAX_FILE_MB" in problem.message


def test_the_limit_holds_for_files_without_a_size(tmp_path: Path) -> None:
    doc = load_file(Path("/dev/zero"), limit=MB)
    assert doc.problems[0].message.startswith(f"文件过大（超过 {1} MB")


@pytest.mark.parametrize(("make", "reason"), [(lambda p: None, "文件不存在"), (lambda p: p.mkdir(), "这是一个目录，不是文件")])
def test_unreadable_files_are_explained(tmp_path: Path, make: object, reason: str) -> None:
    path = tmp_path / "units.yaml"
    make(path)  # type: ignore[operator]
    [problem] = load_file(path).problems
    assert problem.message == f"无法读取文件：{reason}"
