"""Validation problems as plain text, JSON or GitHub Actions annotations."""

from __future__ import annotations

import json

from gkcli.errors import Problem


def text(problems: list[Problem], files: list[str]) -> str:
    lines = [str(problem) for problem in problems]
    if problems:
        lines.append(f"发现 {len(problems)} 个问题（检查了 {len(files)} 个文件）")
    else:
        lines.append(f"检查通过：{len(files)} 个文件，没有发现问题")
    return "\n".join(lines) + "\n"


def as_json(problems: list[Problem], files: list[str]) -> str:
    data = {
        "ok": not problems,
        "files": files,
        "problems": [{"file": p.path, "line": p.line, "col": p.col, "message": p.message} for p in problems],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _escape(value: str) -> str:
    """GitHub workflow-command data: %, CR and LF are escaped."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    """A workflow-command property (file=…) also escapes the separators “:” and “,”."""
    return _escape(value).replace(":", "%3A").replace(",", "%2C")


def github(problems: list[Problem], files: list[str]) -> str:
    lines = [f"::error file={_escape_property(p.path)},line={p.line},col={p.col}::{_escape(p.message)}" for p in problems]
    return "\n".join([*lines, text(problems, files).splitlines()[-1]]) + "\n"


RENDERERS = {"text": text, "json": as_json, "github": github}
