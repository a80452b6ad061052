"""Pydantic's validation errors as Chinese problems at the offending line.

One mistake gives one message: a misspelt field (`deadine:`) is reported once as an unknown field
with the closest field of that very model, not again as "deadline is missing"; values the loader
already rejected are not reported a second time.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Any, get_args

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from gkcli.disclosure.model import REQUEST_ID_PATTERN, REQUEST_ID_RULE
from gkcli.errors import Problem
from gkcli.load import Document
from gkcli.model import ID_PATTERN, ID_RULE
from gkcli.units import reveal_invisible

Loc = tuple[Any, ...]
INTEGER = re.compile(r"^\s*[+-]?\d+\s*$")
PATTERN_RULES = {ID_PATTERN: ID_RULE, REQUEST_ID_PATTERN: REQUEST_ID_RULE}


def schema_problems(doc: Document, model: type[BaseModel], error: ValidationError) -> list[Problem]:
    """Every pydantic error of `doc` against `model`, once, in Chinese."""
    items = [item for item in error.errors() if not doc.is_flagged(tuple(item["loc"]))]
    typos = _typos(items)
    missing: dict[Loc, list[str]] = {}  # parent → missing fields, reported together
    problems = []
    for item in items:
        loc = tuple(item["loc"])
        if item["type"] == "missing":
            if loc not in typos.values():  # else reported as the misspelt field
                missing.setdefault(loc[:-1], []).append(f"“{loc[-1]}”")
            continue
        message = _unknown_field(model, loc, typos.get(loc)) if item["type"] == "extra_forbidden" else _message(item)
        problems.append(doc.problem(loc, _context(doc, loc) + message))
    for parent, names in missing.items():
        problems.append(doc.problem(parent, f"{_context(doc, (*parent, ''))}缺少字段{'、'.join(names)}"))
    return problems


def _typos(items: list[Any]) -> dict[Loc, Loc]:
    """Unknown field loc → the missing field loc it most probably misspells."""
    missing = {tuple(item["loc"]) for item in items if item["type"] == "missing"}
    found: dict[Loc, Loc] = {}
    for item in items:
        loc = tuple(item["loc"])
        if item["type"] != "extra_forbidden" or not loc:
            continue
        candidates = [str(other[-1]) for other in missing if other[:-1] == loc[:-1]]
        guess = difflib.get_close_matches(str(loc[-1]), candidates, n=1, cutoff=0.5)
        if guess and (*loc[:-1], guess[0]) not in found.values():
            found[loc] = (*loc[:-1], guess[0])
    return found


def _unknown_field(model: type[BaseModel], loc: Loc, typo_of: Loc | None) -> str:
    name = str(loc[-1])
    if typo_of is not None:
        return f"未知字段“{name}”：您是不是要写“{typo_of[-1]}”？"
    owner = model_at(model, loc[:-1])
    fields = list(_fields(owner)) if owner else []
    guess = difflib.get_close_matches(name, fields, n=1, cutoff=0.6)
    if guess:
        return f"未知字段“{name}”：您是不是要写“{guess[0]}”？"
    allowed = f"；这里可用的字段：{'、'.join(fields)}" if fields else ""
    return f"未知字段“{name}”{allowed}（备注请写成以 # 开头的注释）"


def model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model that describes the object at data path `loc` (list indices are skipped)."""
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None or isinstance(part, int):
            continue
        info = _fields(current).get(str(part))
        current = _model_in(info.annotation) if info else None
    return current


def _fields(model: type[BaseModel]) -> dict[str, FieldInfo]:
    """The fields of `model` by the name written in the file (`from:`, not `start`)."""
    return {info.alias or name: info for name, info in model.model_fields.items()}


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next((found for arg in get_args(annotation) if (found := _model_in(arg))), None)


def _context(doc: Document, loc: Loc) -> str:
    """“任务 3：”, “单位“市政数局”：” … so that a message names the record it is about."""
    if len(loc) < 3 or not isinstance(loc[1], int):
        return ""
    record = _record(doc.data, loc[:2])
    if loc[0] == "tasks" and isinstance(record.get("id"), int):
        return f"任务 {record['id']}："
    if loc[0] in ("units", "groups") and isinstance(record.get("name"), str):
        return f"{'单位' if loc[0] == 'units' else '单位组'}“{record['name']}”："
    if loc[0] == "categories" and isinstance(record.get("number"), int):
        return f"类别 {record['number']}："
    if loc[0] == "requests" and isinstance(record.get("id"), str) and loc[2] != "id":
        return f"申请 {record['id']}："
    if loc[0] == "contacts" and isinstance(record.get("unit"), str):
        return f"“{record['unit']}”的联系方式："
    return ""


def _record(data: Any, loc: Loc) -> dict[Any, Any]:
    try:
        record = data[loc[0]][loc[1]]
    except (KeyError, IndexError, TypeError):
        return {}
    return record if isinstance(record, dict) else {}


def label(loc: Loc) -> str:
    """How a data path reads in a message: “content”, “lead 的第 2 项”, “tasks 的第 4 项”."""
    if not loc:
        return "文件顶层"
    if isinstance(loc[-1], int):
        return f"{label(loc[:-1])}的第 {loc[-1] + 1} 项"
    return f"“{loc[-1]}”"


def shown(value: Any) -> str:
    """A value as a clerk wrote it: 文字“…”, 数字 3, 一个列表 …"""
    if isinstance(value, str):
        return f"文字“{value if len(value) <= 30 else value[:30] + '……'}”"
    if isinstance(value, bool):
        word, spelt = ("true", "yes、on") if value else ("false", "no、off")
        return f"是非值 {word}（YAML 把 {spelt} 也读作 {word}）"
    if isinstance(value, int | float):
        return f"数字 {value}"
    if isinstance(value, dt.date):
        return f"日期 {value}"
    if isinstance(value, dict):
        return "一个“键: 值”映射"
    if isinstance(value, list):
        return "一个列表"
    return str(value)


def _visible(value: Any) -> str:
    """The text with invisible characters shown as [U+XXXX] (a plain space stays a space)."""
    text = str(value)
    return text if text.isprintable() else reveal_invisible(text)


def _pattern_rule(ctx: Any) -> str:
    """What a text with a pattern may contain, in words."""
    return PATTERN_RULES.get(str(ctx.get("pattern")), "含有不允许的字符")


def _expected(ctx: Any) -> str:
    """Pydantic's "'a', 'b' or 'c'" as “a、b、c”."""
    return str(ctx.get("expected", "")).replace("' or '", "、").replace("', '", "、").strip("'")


def _message(item: Any) -> str:
    kind, loc, value, ctx = item["type"], tuple(item["loc"]), item.get("input"), item.get("ctx", {})
    name = label(loc)
    if value is None and kind.endswith("_type"):
        return f"{name}没有填写"
    if kind == "model_type" and not loc:
        return f"文件顶层应为“键: 值”形式的映射，而不是{shown(value)}"
    if kind.startswith("date_"):
        return f"{name}应为日期，写作 YYYY-MM-DD（如 2024-12-31），而不是{shown(value)}"
    if kind == "int_type" and isinstance(value, str) and INTEGER.match(value):
        return f"{name}应为整数，请去掉引号（现在是文字“{value}”）"
    messages = {
        "int_type": f"{name}应为整数，而不是{shown(value)}",
        "string_type": f"{name}应为文字，而不是{shown(value)}（如确需写数字等，请加引号）",
        "bool_type": f"{name}应为 true 或 false，而不是{shown(value)}",
        "list_type": f"{name}应为列表（如 [甲, 乙]），而不是{shown(value)}",
        "model_type": f"{name}应为“键: 值”形式的映射，而不是{shown(value)}",
        "string_too_short": f"{name}不能为空",
        "string_too_long": f"{name}太长：最多 {ctx.get('max_length')} 个字符，现在有 {len(str(value))} 个",
        "greater_than_equal": f"{name}应不小于 {ctx.get('ge')}，而不是 {value}",
        "less_than_equal": f"{name}应不大于 {ctx.get('le')}，而不是 {value}",
        "string_pattern_mismatch": f"{name}格式不对：{_pattern_rule(ctx)}（现在是“{_visible(value)}”）",
        "enum": f"{name}的取值“{value}”无效，应为：{_expected(ctx)}",
    }
    return messages.get(kind, f"{name}无效：{item['msg']}")
