"""YAML files to plain Python data, with the source position of every value.

PyYAML's own loaders keep the last of two equal keys and forget positions. We compose the node
graph with the C parser (safe: tags only name types, nothing is constructed from them) and build
the data ourselves, so that duplicate keys, aliases, unknown tags and excessive nesting become
errors that point at a line, and every value can be traced back to where it was written.
Well-formed files take a fast path (gkcli.fastyaml) and are placed only when a problem needs a line.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from gkcli.errors import Problem, UsageError
from gkcli.fastyaml import NOT_PLAIN, plain_data
from gkcli.yamlerrors import conflict_problems, encoding_problem, reader_problem, syntax_problem
from gkcli.yamltree import BYTE_OFFSETS, MAX_DEPTH, TreeError, build_tree, compose

MAX_FILE_MB = 32  # default size limit; $GK_MAX_FILE_MB raises it (e.g. for benchmark registers)
MAX_FILE_VAR = "GK_MAX_FILE_MB"
MB = 1024 * 1024
Loc = tuple[Any, ...]


@dataclass
class Document:
    """A loaded file: its data, where each value came from, and what went wrong.

    `flagged` holds the data paths whose value the loader already reported (a rejected value,
    replaced by None, or two list items run together), so that later checks do not report the
    same mistake again in other words.
    """

    path: str
    data: Any = None
    positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    flagged: set[Loc] = field(default_factory=set)

    def where(self, loc: Loc) -> tuple[int, int]:
        """The (line, col) of `loc`, or of its nearest recorded ancestor."""
        while loc not in self.positions and loc:
            loc = loc[:-1]
        return self.positions.get(loc, (1, 1))

    def problem(self, loc: Loc, message: str) -> Problem:
        line, col = self.where(loc)
        return Problem(self.path, line, col, message)

    def is_flagged(self, loc: Loc) -> bool:
        """True when the loader already reported the value at `loc` or one of its ancestors."""
        return bool(self.flagged) and any(loc[:length] in self.flagged for length in range(len(loc) + 1))


class _Unplaced(Document):
    """Data from the fast path (gkcli.fastyaml): positions are worked out on first use.

    The fast path only returns data the full loader builds without problems, so nothing is
    flagged and `is_flagged` needs no placed load.
    """

    def __init__(self, path: str, data: Any, text: str) -> None:
        self._text: str | None = text
        super().__init__(path, data)

    @property
    def positions(self) -> dict[Loc, tuple[int, int]]:
        if self._text is not None:
            self._positions = _load_placed(self._text, self.path).positions
            self._text = None
        return self._positions

    @positions.setter
    def positions(self, value: dict[Loc, tuple[int, int]]) -> None:
        self._positions = value


def max_bytes(environ: Mapping[str, str] = os.environ) -> int:
    """The largest file gk reads: $GK_MAX_FILE_MB megabytes, else MAX_FILE_MB."""
    written = environ.get(MAX_FILE_VAR, "").strip()
    if not written:
        return MAX_FILE_MB * MB
    if not written.isdigit() or int(written) == 0:
        raise UsageError(f"环境变量 {MAX_FILE_VAR} 应为正整数（单位 MB），而不是“{written}”")
    return int(written) * MB


def load_file(path: Path, limit: int | None = None) -> Document:
    """Read and parse one YAML file; unreadable, oversized or non-UTF-8 files become problems."""
    name = str(path)
    limit = max_bytes() if limit is None else limit
    try:
        size = path.stat().st_size  # refuse before reading ...
        with path.open("rb") as stream:
            raw = stream.read(limit + 1) if size <= limit else b""  # ... and never hold more than the limit
    except OSError as error:
        return Document(name, problems=[Problem(name, 1, 1, read_error_message(error))])
    if size > limit or len(raw) > limit:
        shown = f"{size / MB:.0f} MB" if size > limit else f"超过 {limit // MB} MB"
        message = f"文件过大（{shown}，上限 {limit // MB} MB），未读取；确需处理更大的文件时，请设置环境变量 {MAX_FILE_VAR}（单位 MB）"
        return Document(name, problems=[Problem(name, 1, 1, message)])
    return load_bytes(raw, name)


def read_error_message(error: OSError) -> str:
    """Why a file could not be opened, in Chinese."""
    reasons = {
        FileNotFoundError: "文件不存在",
        IsADirectoryError: "这是一个目录，不是文件",
        PermissionError: "没有读取权限",
    }
    reason = next((text for kind, text in reasons.items() if isinstance(error, kind)), error.strerror or str(error))
    return f"无法读取文件：{reason}"


def load_bytes(raw: bytes, path: str) -> Document:
    """Decode UTF-8 (a BOM is dropped, CRLF accepted) and parse; other encodings are problems."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return Document(path, problems=[encoding_problem(raw, error, path)])
    return load_text(text.replace("\r\n", "\n"), path)


def load_text(text: str, path: str) -> Document:
    """Parse YAML `text` into a Document; problems are recorded, never raised."""
    conflicts = conflict_problems(text, path)
    if conflicts:
        return Document(path, problems=conflicts)
    data = plain_data(text)
    return _Unplaced(path, data, text) if data is not NOT_PLAIN else _load_placed(text, path)


def _load_placed(text: str, path: str) -> Document:
    """The full loader: every value's position, every problem."""
    doc = Document(path)
    try:
        node = compose(text)
    except yaml.MarkedYAMLError as error:
        doc.problems.append(syntax_problem(error, text, path))
        return doc
    except yaml.reader.ReaderError as error:
        doc.problems.append(reader_problem(error, text, path, BYTE_OFFSETS))
        return doc
    except RecursionError:  # pragma: no cover - only the pure-Python composer recurses
        doc.problems.append(Problem(path, 1, 1, f"嵌套层级过深（超过 {MAX_DEPTH} 层）"))
        return doc
    if node is None:
        doc.problems.append(Problem(path, 1, 1, "文件是空的（没有任何内容）"))
        return doc
    try:
        doc.data = build_tree(doc, node, text)
    except TreeError as error:
        doc.problems.append(Problem(path, error.line, error.col, str(error)))
    return doc
