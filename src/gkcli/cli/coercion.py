"""Option values that need no real conversion skip typer's pydantic-based coercion.

typer coerces every option value, defaults and missing ones included, through a pydantic
TypeAdapter; merely importing that machinery (typer._adapters) costs about 0.6 × the start-up
floor of the benchmark, more than all of gk's own work in `gk due`. The values people actually
type into gk are strings, digits, paths and choices, whose conversion is plain Python; those are
converted here, exactly as typer would. Anything else (lists, values out of range, malformed
input and their error messages) still goes through typer.

This uses two internals of typer (`_TyperParameter._runtime_param`, `typer._param_types`); if
they change, `install` does nothing and typer's own path is used.
"""

from __future__ import annotations

import re
from enum import Enum
from pathlib import Path
from typing import Any

DIGITS = re.compile(r"[0-9]+")


class _Skip(Exception):
    """The value needs typer's full coercion."""


class QuickCoercion:
    """Stands in for typer's runtime coercion of one parameter; falls back to it when needed."""

    def __init__(self, param: Any) -> None:
        self.descriptor = param.type_descriptor
        self.full: Any = None

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        if value is None:
            return () if param.multiple or param.nargs == -1 else None
        try:
            return self.convert(value, param, ctx)
        except _Skip:
            return self.typer_coercion().coerce(value, param=param, ctx=ctx)

    def typer_coercion(self) -> Any:
        if self.full is None:
            from typer._coercion import build_runtime_param

            self.full = build_runtime_param(self.descriptor)
        return self.full

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        annotation, info = self.descriptor.annotation, self.descriptor.parameter_info
        if annotation is str and isinstance(value, str):
            return value
        if annotation is int and info.clamp is not True:
            number = value if type(value) is int else int(value) if isinstance(value, str) and DIGITS.fullmatch(value) else None
            if number is not None and (info.min is None or number >= info.min) and (info.max is None or number <= info.max):
                return number
        if isinstance(annotation, type) and issubclass(annotation, Enum):
            from typer._param_types import coerce_cli_choice

            try:
                return coerce_cli_choice(value, choices=list(annotation), case_sensitive=info.case_sensitive, ctx=ctx)
            except ValueError:
                raise _Skip from None
        if annotation is Path and info.path_type is None and (isinstance(value, Path) or (isinstance(value, str) and value)):
            from typer._param_types import coerce_cli_path

            return coerce_cli_path(Path(value), info, path_type=Path, param=param, ctx=ctx)
        raise _Skip


def install(params: list[Any]) -> None:
    """Give each typer parameter the quick coercion (typer builds its own lazily, so nothing is lost)."""
    for param in params:
        if getattr(param, "_runtime_param", False) is None and hasattr(param, "type_descriptor"):
            param._runtime_param = QuickCoercion(param)
