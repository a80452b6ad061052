"""Writing a unit's request file: readable YAML, parsed back before it replaces the old file.

The file's leading comment lines are kept; the replacement is atomic (see gkcli.filewrite).
"""

from __future__ import annotations

import json
from typing import Any

from gkcli.disclosure.files import Filed
from gkcli.disclosure.model import Request, RequestsFile
from gkcli.errors import WriteError
from gkcli.filewrite import write_atomically
from gkcli.importer.writer import flow_scalar, scalar
from gkcli.load import load_text

REQUEST_KEYS = ("id", "title", "received", "extended", "consults", "supplement_asked", "supplement_received", "answered", "note")


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


def save(filed: Filed, default_header: str) -> None:
    """Write `filed` to its path, after checking that the text reads back as the same requests."""
    text = requests_yaml(filed, default_header)
    doc = load_text(text, str(filed.path))
    if doc.problems or RequestsFile.model_validate(doc.data).requests != filed.requests:
        raise WriteError(f"生成的 {filed.path} 内容无法原样读回，未写入（原文件保持不变）；请把此情况告知维护者")
    write_atomically(filed.path, text.encode("utf-8"))
