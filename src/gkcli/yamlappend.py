"""Appending one item to a top-level YAML list *as text*, so comments and layout survive.

Re-dumping a file with PyYAML would drop every comment a clerk wrote and reorder what they
arranged. Instead we find where the list's last item ends in the source (from the composed
nodes' marks) and insert the new item's text right there, indented like its siblings.
"""

from __future__ import annotations

from typing import Any

import yaml

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


class _IndentedDumper(yaml.SafeDumper):
    """Nested lists indented under their key (the layout people write by hand)."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    """Multi-line notes as `|` blocks, which read like the text they hold."""
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_IndentedDumper.add_representer(str, _text)


def block_item(item: dict[str, Any], indent: int) -> str:
    """`item` as one block-list entry (`- key: value …`) starting at column `indent`."""
    text = yaml.dump([item], Dumper=_IndentedDumper, allow_unicode=True, sort_keys=False, width=1_000_000)
    return "".join(" " * indent + line for line in text.splitlines(keepends=True))


def flow_item(item: dict[str, Any]) -> str:
    text = yaml.dump(item, Dumper=yaml.SafeDumper, allow_unicode=True, sort_keys=False, width=1_000_000, default_flow_style=True)
    return text.strip()


def append_item(text: str, key: str, item: dict[str, Any]) -> str:
    """`text` with `item` appended to the list under the top-level `key` (created when missing)."""
    root = yaml.compose(text, Loader=_Loader)
    if not isinstance(root, yaml.MappingNode):
        raise ValueError("top level is not a mapping")
    value = next((node for name, node in root.value if isinstance(name, yaml.ScalarNode) and name.value == key), None)
    if value is None:
        return _ensure_newline(text) + f"{key}:\n" + block_item(item, 2)
    if isinstance(value, yaml.ScalarNode) and value.tag == "tag:yaml.org,2002:null":
        return _replace_with_block(text, value, block_item(item, 2))
    if not isinstance(value, yaml.SequenceNode):
        raise ValueError(f"{key} is not a list")
    if value.flow_style is True:
        if not value.value:
            return _replace_with_block(text, value, block_item(item, 2))
        close = value.end_mark.index - 1  # the closing "]"
        return text[:close] + ", " + flow_item(item) + text[close:]
    return _insert_after_last(text, value, block_item(item, value.start_mark.column))


def _replace_with_block(text: str, node: yaml.Node, block: str) -> str:
    """Drop an empty value (`[]`, `null`, nothing) and put `block` on the lines below its key."""
    head = text[: node.start_mark.index].rstrip(" \t")
    rest = text[node.end_mark.index :]
    line_end = rest.find("\n")
    if line_end == -1:
        return head + rest + "\n" + block
    return head + rest[:line_end] + "\n" + block + rest[line_end + 1 :]


def _ensure_newline(text: str) -> str:
    return text if not text or text.endswith("\n") else text + "\n"


def _insert_after_last(text: str, sequence: yaml.SequenceNode, block: str) -> str:
    """Insert `block` on the line after the sequence's last content (before trailing comments)."""
    end = _content_end(sequence)
    if text[end - 1 : end] == "\n":
        cut = end
    else:
        newline = text.find("\n", end)
        if newline == -1:
            text += "\n"
            cut = len(text)
        else:
            cut = newline + 1
    return text[:cut] + block + text[cut:]


def _content_end(node: yaml.Node) -> int:
    """Where the last real content of `node` ends; block collections' own end marks run past comments."""
    if isinstance(node, yaml.ScalarNode) or (isinstance(node, yaml.CollectionNode) and node.flow_style is True):
        return int(node.end_mark.index)
    children: list[yaml.Node] = []
    if isinstance(node, yaml.MappingNode):
        children = [part for pair in node.value for part in pair]
    elif isinstance(node, yaml.SequenceNode):
        children = list(node.value)
    return max((_content_end(child) for child in children), default=int(node.start_mark.index))
