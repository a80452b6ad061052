"""A composed YAML node graph to plain data, recording where every value was written.

Only the plain YAML types are built (text, numbers, booleans, null, dates, lists, mappings).
A duplicate key, an unknown tag (such as `!!python/object/apply:`) or an impossible date is a
problem at its line and the value is left out; an alias, a merge key or nesting deeper than
MAX_DEPTH stops the build, since the same node may never be expanded twice (alias bombs).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

from gkcli.errors import Problem

if TYPE_CHECKING:
    from gkcli.load import Document

try:  # the C parser is many times faster; pure Python is the fallback
    from yaml import CSafeLoader as Loader

    BYTE_OFFSETS = True  # libyaml reports reader positions in UTF-8 bytes
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    BYTE_OFFSETS = False

MAX_DEPTH = 64
Loc = tuple[Any, ...]
Mark = Any  # yaml.Mark, or the C parser's own Mark class

STR = "tag:yaml.org,2002:str"
CONSTRUCTORS = {  # the safe scalar types; any other tag is refused, never constructed
    "tag:yaml.org,2002:int": SafeConstructor.construct_yaml_int,
    "tag:yaml.org,2002:float": SafeConstructor.construct_yaml_float,
    "tag:yaml.org,2002:bool": SafeConstructor.construct_yaml_bool,
    "tag:yaml.org,2002:null": SafeConstructor.construct_yaml_null,
    "tag:yaml.org,2002:timestamp": SafeConstructor.construct_yaml_timestamp,
}
_SCALARS = {STR: None, **CONSTRUCTORS}
CONSTRUCTOR = SafeConstructor()
_ALIAS_MESSAGE = "不支持 YAML 锚点/别名（& 与 *），请直接写出内容"


class TreeError(Exception):
    """A problem that stops building the data (the file is reported, not partly used)."""

    def __init__(self, mark: Mark, message: str) -> None:
        super().__init__(message)
        self.line = mark.line + 1
        self.col = mark.column + 1


def compose(text: str) -> yaml.Node | None:
    """The node graph of `text` (nothing is constructed: tags stay mere names)."""
    node: yaml.Node | None = yaml.compose(text, Loader=Loader)
    return node


def build_tree(doc: Document, node: yaml.Node, text: str) -> Any:
    """The data of `node`; positions, problems and rejected values are recorded in `doc`."""
    return _Builder(doc, text).build(node, (), 0)


class _Builder:
    def __init__(self, doc: Document, text: str) -> None:
        self.doc = doc
        self.text = text
        self.positions = doc.positions
        self.seen: set[int] = set()

    def build(self, node: yaml.Node, loc: Loc, depth: int, key_mark: yaml.Mark | None = None) -> Any:
        if depth > MAX_DEPTH:
            raise TreeError(node.start_mark, f"嵌套层级过深（超过 {MAX_DEPTH} 层）")
        if id(node) in self.seen:  # the same node twice: an alias; refusing it stops alias bombs
            raise TreeError(self._first_alias(node.start_mark), _ALIAS_MESSAGE)
        self.seen.add(id(node))
        mark = key_mark or node.start_mark
        self.positions[loc] = (mark.line + 1, mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc, depth) if self._tag_ok(node, loc, "tag:yaml.org,2002:map") else None
        if isinstance(node, yaml.SequenceNode):
            if not self._tag_ok(node, loc, "tag:yaml.org,2002:seq"):
                return None
            return [self.build(item, (*loc, index), depth + 1) for index, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return self._value(node, loc)

    def _mapping(self, node: yaml.MappingNode, loc: Loc, depth: int) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        repeated: list[tuple[Any, yaml.Node]] = []
        try:
            for key_node, value_node in node.value:
                key = self._key(key_node)
                if key in result:
                    repeated.append((key, key_node))
                    self._mark_seen(value_node)
                    continue
                result[key] = self.build(value_node, (*loc, key), depth + 1, key_node.start_mark)
        finally:  # reported even when a later node stops the build
            if repeated:
                self._duplicates(repeated, loc)
        return result

    def _key(self, node: yaml.Node) -> Any:
        if node.tag == "tag:yaml.org,2002:merge":
            raise TreeError(node.start_mark, "不支持 YAML 合并键（<<），请直接写出内容")
        if not isinstance(node, yaml.ScalarNode) or node.tag not in _SCALARS:
            raise TreeError(node.start_mark, "键必须是简单的文字（不能是列表、映射或带标签的值）")
        try:
            return self._scalar(node)
        except ValueError as error:
            raise TreeError(node.start_mark, f"键无效：{error}") from None

    def _duplicates(self, repeated: list[tuple[Any, yaml.Node]], loc: Loc) -> None:
        """One problem per repeated key; several in one mapping usually mean two items ran together."""
        key, node = repeated[0]
        first = self.positions[(*loc, key)][0]
        if len(repeated) == 1:
            message = f"重复的键“{key}”（第 {first} 行已有）：请删去或合并其中一个"
        else:
            self.doc.flagged.add(loc)  # a mix of two items: checking it further would only add noise
            keys = "、".join(dict.fromkeys(str(other) for other, _ in repeated))
            message = (
                f"从这一行起，键 {keys} 在同一项中第二次出现（第 {first} 行起已有）："
                "可能少了一行“- ”开头的新列表项，把两项连在了一起；或多粘贴了一段"
            )
        self.doc.problems.append(Problem(self.doc.path, node.start_mark.line + 1, node.start_mark.column + 1, message))

    def _mark_seen(self, node: yaml.Node) -> None:
        """Record the nodes of a skipped duplicate value, so an alias to them is still caught."""
        stack = [node]
        while stack:
            current = stack.pop()
            if id(current) in self.seen:
                raise TreeError(self._first_alias(current.start_mark), _ALIAS_MESSAGE)
            self.seen.add(id(current))
            if isinstance(current, yaml.MappingNode):
                stack.extend(part for pair in current.value for part in pair)
            elif isinstance(current, yaml.SequenceNode):
                stack.extend(current.value)

    def _first_alias(self, fallback: Mark) -> Mark:
        """Where the first `*alias` is written (composed nodes only know where the anchor is)."""
        events = yaml.parse(self.text, Loader=Loader)
        return next((event.start_mark for event in events if isinstance(event, yaml.AliasEvent)), fallback)

    def _tag_ok(self, node: yaml.Node, loc: Loc, expected: str) -> bool:
        if node.tag == expected:
            return True
        self._reject(node, loc, _tag_message(node.tag))
        return False

    def _reject(self, node: yaml.Node, loc: Loc, message: str) -> None:
        self.doc.problems.append(Problem(self.doc.path, node.start_mark.line + 1, node.start_mark.column + 1, message))
        self.doc.flagged.add(loc)

    def _value(self, node: yaml.ScalarNode, loc: Loc) -> Any:
        if node.tag not in _SCALARS:
            self._reject(node, loc, _tag_message(node.tag))
            return None
        try:
            value = self._scalar(node)
        except ValueError as error:
            self._reject(node, loc, str(error))
            return None
        if isinstance(value, dt.datetime):
            self._reject(node, loc, f"这里只写日期（YYYY-MM-DD），不要写时刻：{node.value}")
            return None
        return value

    @staticmethod
    def _scalar(node: yaml.ScalarNode) -> Any:
        construct = _SCALARS[node.tag]
        if construct is None:
            return node.value
        try:
            return construct(CONSTRUCTOR, node)
        except (ValueError, OverflowError, ConstructorError):
            what = "日期“{}”不存在" if node.tag.endswith("timestamp") else "数值“{}”无效"
            raise ValueError(what.format(node.value)) from None


def _tag_message(tag: str) -> str:
    short = "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag
    return f"不支持的 YAML 标签 {short}（出于安全考虑，不会执行），请删去"
