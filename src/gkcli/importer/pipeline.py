"""One import: read the source, build the register, check its units, and say what needs review."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gkcli.errors import UsageError
from gkcli.importer.build import ReviewItem, build_register
from gkcli.importer.newunits import Proposal, propose
from gkcli.importer.rows import SourceList
from gkcli.importer.sources import read_source
from gkcli.importer.unitmatch import UnitReport, match_units
from gkcli.importer.writer import register_yaml
from gkcli.units import Directory

TITLE_PARTS = re.compile(r"^(?:(\d{4})年度?)?([^\d]+?[省市县区州盟旗])(?:(\d{4})年度?)?(?:政务公开|政府信息公开)")


@dataclass
class ImportResult:
    source: Path
    register: dict[str, Any]
    review: list[ReviewItem]
    units: UnitReport
    proposals: list[Proposal]

    @property
    def tasks(self) -> list[dict[str, Any]]:
        tasks: list[dict[str, Any]] = self.register["tasks"]
        return tasks

    def flagged(self, field: str) -> set[int]:
        """The ids of tasks with a review item about `field`."""
        return {item.task for item in self.review if item.field == field and item.task is not None}


def title_year(title: str) -> int | None:
    match = TITLE_PARTS.match(title)
    year = match and (match.group(1) or match.group(3))
    return int(year) if year else None


def title_region(title: str) -> str | None:
    """The region a title names: “2024年舒兰市政务公开…” → 舒兰市."""
    match = TITLE_PARTS.match(title)
    return match.group(2) if match else None


def import_list(path: Path, *, year: int, directory: Directory, title: str | None = None, region: str | None = None) -> ImportResult:
    """Read `path` into a register for `year`; title and region default to what the source says."""
    source = read_source(path)
    title = title or source.title
    if not title:
        raise UsageError(f"在 {path.name} 中找不到清单标题，请用 --title 指定，例如 --title 2025年舒兰市政务公开重点工作任务清单")
    region = region or title_region(title)
    if not region:
        raise UsageError(f"无法从标题“{title}”中看出地区，请用 --region 指定，例如 --region 舒兰市")
    register, review = build_register(source, year=year, title=title, region=region)
    register["source"] = f"《{title}》（由 gk import 从 {path.name} 导入）"
    units = match_units(register["tasks"], directory)
    review += _title_review(title, year) + _variant_review(units, source)
    return ImportResult(path, register, review, units, propose(units.new))


def _title_review(title: str, year: int) -> list[ReviewItem]:
    named = title_year(title)
    if named is None or named == year:
        return []
    return [ReviewItem(None, 0, "标题", "title", f"标题“{title}”中的年份 {named} 与 --year {year} 不一致，请核对")]


def _variant_review(units: UnitReport, source: SourceList) -> list[ReviewItem]:
    items = []
    for name, known in units.variants.items():
        task = units.first_task(name)
        row = source.rows[task - 1]
        message = f"单位“{name}”与 units.yaml 中的“{known}”写法不一致（全角/半角括号、空格）：请在 units.yaml 中为“{known}”加别名"
        items.append(ReviewItem(task, row.line, row.where, "units_text", message))
    return items


def register_text(result: ImportResult) -> str:
    """The register file: a header saying where it came from, and a “待核” comment above each flagged task."""
    header = "\n".join(
        [
            f"{result.register['title']}：由 gk import 从 {result.source.name} 导入。",
            "任务内容、责任单位、完成时间按原文照录（仅去掉换行留下的空白）。",
            "published（清单发布日期）原文未载明，记为 null（未知）；知道后请填写 YYYY-MM-DD。",
            "标有“待核”的任务需要人工核对：改正后删除该注释，再运行 gk validate。",
        ]
    )
    notes: dict[int, list[str]] = {}
    for item in result.review:
        if item.task is not None:
            notes.setdefault(item.task, []).append(f"待核（{item.where}）：{item.message}")
    return register_yaml(result.register, header, notes)
