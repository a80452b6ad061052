"""YAML files to plain Python data, with the source position of every value.

PyYAML's own loaders keep the last of two equal keys and forget positions. We compose the node
graph with the C parser (safe: tags only name types, nothing is constructed from them) and build
the data ourselves, so that duplicate keys, aliases, unknown tags and excessive nesting become
errors that point at a line, and every value can be traced back to where it was written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

from gkcli.errors import Problem
from gkcli.fastyaml import NOT_PLAIN, plain_data

try:  # the C parser is many times faster; pure Python is the fallback
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 64
MAX_BYTES = 256 * 1024 * 1024
Path_ = tuple[Any, ...]

_SCALARS = {
    "tag:yaml.org,2002:str": None,
    "tag:yaml.org,2002:int": SafeConstructor.construct_yaml_int,
    "tag:yaml.org,2002:float": SafeConstructor.construct_yaml_float,
    "tag:yaml.org,2002:bool": SafeConstructor.construct_yaml_bool,
    "tag:yaml.org,2002:null": SafeConstructor.construct_yaml_null,
    "tag:yaml.org,2002:timestamp": SafeConstructor.construct_yaml_timestamp,
}
_CONSTRUCTOR = SafeConstructor()


@dataclass
class Document:
    """A loaded file: its data, where each value came from, and what went wrong."""

    path: str
    data: Any = None
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def where(self, loc: Path_) -> tuple[int, int]:
        """The (line, col) of `loc`, or of its nearest recorded ancestor."""
        while loc not in self.positions and loc:
            loc = loc[:-1]
        return self.positions.get(loc, (1, 1))

    def problem(self, loc: Path_, message: str) -> Problem:
        line, col = self.where(loc)
        return Problem(self.path, line, col, message)


@dataclass
class _Unplaced(Document):
    """Data from the fast path (gkcli.fastyaml): positions are worked out only if a problem needs one."""

    text: str = ""

    def where(self, loc: Path_) -> tuple[int, int]:
        if not self.positions:
            self.positions = _load_placed(self.text, self.path).positions
        return super().where(loc)


class _Fatal(Exception):
    def __init__(self, node: yaml.Node, message: str) -> None:
        super().__init__(message)
        self.line = node.start_mark.line + 1
        self.col = node.start_mark.column + 1


def decode(raw: bytes) -> str:
    """UTF-8 text (a BOM is dropped); raises UnicodeDecodeError otherwise."""
    text = raw.decode("utf-8-sig")
    return text.replace("\r\n", "\n")


def encoding_message(raw: bytes, error: UnicodeDecodeError) -> str:
    """Explain a non-UTF-8 file in terms a clerk can act on."""
    line = raw[: error.start].count(b"\n") + 1
    try:
        raw.decode("gb18030")
    except UnicodeDecodeError:
        guess = ""
    else:
        guess = "，看起来是 GBK/GB18030 编码（WPS、记事本“ANSI”常见）"
    return (
        f"文件不是 UTF-8 编码（第 {line} 行第 {error.start + 1} 字节无法解码）{guess}；"
        "请另存为“UTF-8”，或运行：iconv -f GB18030 -t UTF-8 原文件 > 新文件"
    )


def load_text(text: str, path: str) -> Document:
    """Parse YAML `text` into a Document; problems are recorded, never raised."""
    data = plain_data(text)
    return _Unplaced(path, data, text=text) if data is not NOT_PLAIN else _load_placed(text, path)


def _load_placed(text: str, path: str) -> Document:
    """The full loader: every value's position, every problem."""
    doc = Document(path)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        doc.problems.append(Problem(path, line, col, yaml_message(error)))
        return doc
    except yaml.YAMLError as error:
        doc.problems.append(Problem(path, 1, 1, f"YAML 无法解析：{error}"))
        return doc
    if node is None:
        doc.problems.append(Problem(path, 1, 1, "文件是空的"))
        return doc
    try:
        doc.data = _Builder(doc).build(node, (), 0)
    except _Fatal as fatal:
        doc.problems.append(Problem(path, fatal.line, fatal.col, str(fatal)))
        doc.data = None
    return doc


def load_file(path: Path) -> Document:
    """Read and parse one YAML file; unreadable or non-UTF-8 files become problems."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            limit = MAX_BYTES // (1024 * 1024)
            return Document(name, problems=[Problem(name, 1, 1, f"文件过大（{size // (1024 * 1024)} MB，上限 {limit} MB）")])
        raw = path.read_bytes()
    except OSError as error:
        return Document(name, problems=[Problem(name, 1, 1, f"无法读取文件：{error.strerror or error}")])
    try:
        text = decode(raw)
    except UnicodeDecodeError as error:
        return Document(name, problems=[Problem(name, 1, 1, encoding_message(raw, error))])
    return load_text(text, name)


def yaml_message(error: yaml.MarkedYAMLError) -> str:
    """A Chinese one-liner for a YAML syntax error, keeping PyYAML's detail."""
    detail = "; ".join(part for part in (error.context, error.problem) if part)
    if "found character '\\t'" in detail:
        return "YAML 语法错误：不能用制表符（Tab）缩进，请改用空格"
    if "<<<<<<<" in str(error) or "=======" in str(error):
        return "YAML 语法错误：文件中留有 git 合并冲突标记（<<<<<<< / ======= / >>>>>>>），请先解决冲突"
    return f"YAML 语法错误：{detail}"


class _Builder:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.positions = doc.positions
        self.seen: set[int] = set()

    def build(self, node: yaml.Node, loc: Path_, depth: int, key_mark: yaml.Mark | None = None) -> Any:
        if depth > MAX_DEPTH:
            raise _Fatal(node, f"嵌套层级过深（超过 {MAX_DEPTH} 层）")
        if id(node) in self.seen:
            raise _Fatal(node, "不支持 YAML 锚点/别名（& 与 *），请直接写出内容")
        self.seen.add(id(node))
        mark = key_mark or node.start_mark
        self.positions[loc] = (mark.line + 1, mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc, depth)
        if isinstance(node, yaml.SequenceNode):
            self._check_tag(node, "tag:yaml.org,2002:seq")
            return [self.build(item, (*loc, index), depth + 1) for index, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, loc: Path_, depth: int) -> dict[Any, Any]:
        self._check_tag(node, "tag:yaml.org,2002:map")
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Fatal(key_node, "键必须是简单的文字")
            key = self._scalar(key_node)
            if key == "<<":
                raise _Fatal(key_node, "不支持 YAML 合并键（<<），请直接写出内容")
            if key in result:
                first = self.positions[(*loc, key)][0]
                line, col = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                message = f"重复的键“{key}”（第 {first} 行已有）：请删去或合并其中一个"
                self.doc.problems.append(Problem(self.doc.path, line, col, message))
                continue
            result[key] = self.build(value_node, (*loc, key), depth + 1, key_node.start_mark)
        return result

    @staticmethod
    def _check_tag(node: yaml.Node, expected: str) -> None:
        if node.tag != expected:
            raise _Fatal(node, f"不支持的 YAML 标签 {node.tag}（出于安全考虑，不会执行）")

    @staticmethod
    def _scalar(node: yaml.ScalarNode) -> Any:
        if node.tag not in _SCALARS:
            raise _Fatal(node, f"不支持的 YAML 标签 {node.tag}（出于安全考虑，不会执行）")
        construct = _SCALARS[node.tag]
        if construct is None:
            return node.value
        try:
            value = construct(_CONSTRUCTOR, node)
        except (ValueError, ConstructorError) as error:
            raise _Fatal(node, f"日期或数值无效：{node.value}（{error}）") from None
        if isinstance(value, dt.datetime):
            raise _Fatal(node, f"这里只需要日期，不需要时刻：{node.value}")
        return value
