"""Writing a unit's request file: readable YAML, built from what is on disk, parsed back before it replaces the old file.

Writers take the lock of the year's request files as a whole (ids are unique across them), then
change one unit's file through gkcli.safewrite: under its lock, against its text as it is now, by
an atomic replacement that is refused if someone changed the file meanwhile. The file's leading
comment lines, a BOM and CRLF line endings are kept.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from gkcli.data import Data
from gkcli.disclosure.files import Filed, parse_filed
from gkcli.disclosure.model import Request, RequestsFile
from gkcli.disclosure.paths import REQUESTS_DIR, year_dir
from gkcli.errors import WriteError
from gkcli.importer.writer import flow_scalar, scalar
from gkcli.load import load_text
from gkcli.safewrite import locked, update_file, write_failure

REQUEST_KEYS = ("id", "title", "received", "extended", "consults", "supplement_asked", "supplement_received", "answered", "note")
IGNORE_TEXT = "# gk 写入申请文件时使用的锁文件和临时文件，不纳入版本管理\n.*.lock\n.*.tmp\n"

Change = Callable[[list[Request]], list[Request]]


@contextmanager
def year_locked(data: Data) -> Iterator[None]:
    """Hold the lock of the year's request files; the folders (and requests/.gitignore) are made if new."""
    folder = year_dir(data.data_dir, data.register.year)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise write_failure(folder, error) from None
    with locked(folder):
        _ignore_lock_files(data.data_dir / REQUESTS_DIR / ".gitignore")
        yield


def _ignore_lock_files(path: Path) -> None:
    try:
        with path.open("x", encoding="utf-8") as stream:
            stream.write(IGNORE_TEXT)
    except FileExistsError:
        pass
    except OSError as error:
        raise write_failure(path, error) from None


def save(data: Data, unit_id: str, change: Change) -> Path:
    """Apply `change` to the unit's requests as they are on disk now and write the file (under `year_locked`)."""
    path = year_dir(data.data_dir, data.register.year) / f"{unit_id}.yaml"

    def edit(current: str | None) -> str:
        filed = Filed(unit_id, path) if current is None else parse_filed(data, path, current)
        filed.requests = change(filed.requests)
        return checked_text(filed, default_header(data, unit_id))

    update_file(path, edit)
    return path


def default_header(data: Data, unit_id: str) -> str:
    name = data.directory.name(unit_id)
    return (
        "yaml-language-server: $schema=../../schema/requests.schema.json\n"
        f"{name}（{unit_id}）{data.register.year} 年依申请公开登记。由 gk request 维护；手工修改后请运行 gk validate。"
    )


def checked_text(filed: Filed, default_header: str) -> str:
    """The file's new text, after checking that it reads back as the same requests."""
    text = requests_yaml(filed, default_header)
    doc = load_text(text, str(filed.path))
    if doc.problems or RequestsFile.model_validate(doc.data).requests != filed.requests:
        raise WriteError(f"生成的 {filed.path} 内容无法原样读回，未写入（原文件保持不变）；请把此情况告知维护者")
    return text


def requests_yaml(filed: Filed, default_header: str) -> str:
    """The text of a request file: header comments, then one block per request."""
    lines = filed.header or [f"# {line}" for line in default_header.splitlines()]
    lines.append("requests:" if filed.requests else "requests: []")
    for index, request in enumerate(filed.requests):
        lines.extend(([""] if index else []) + _request_lines(request))
    return "\n".join(lines) + "\n"


def _request_lines(request: Request) -> list[str]:
    data = request.model_dump(by_alias=True, exclude_none=True, exclude_defaults=True)
    data["id"] = request.id
    body = []
    for key in REQUEST_KEYS:
        if key == "consults" and key in data:
            body.append("consults:")
            body.extend(f"  - {{{_flow(consult)}}}" for consult in data[key])
        elif key in data:
            body.append(f"{key}: {_value(data[key])}")
    return [f"  - {body[0]}", *(f"    {line}" for line in body[1:])]


def _value(value: Any) -> str:
    """One line whatever the text: a string with line breaks becomes a double-quoted scalar."""
    if isinstance(value, str) and not value.isprintable():
        return json.dumps(value, ensure_ascii=False)
    return scalar(value)


def _flow(mapping: dict[str, Any]) -> str:
    return ", ".join(f"{key}: {flow_scalar(value)}" for key, value in mapping.items())
