"""Pydantic models of the data files: the register (tasks-YYYY.yaml) and units.yaml.

Fields are closed (`extra="forbid"`) so that a typo such as `deadine:` is an error; numbers are
strict and dates refuse numbers, so that `id: "3"` is not taken as 3, nor `due: 20241231` as seconds.
A validated model becomes plain records (gkcli.records, via `record()`), which is what queries and
the cache work on.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool, StrictInt, StrictStr
from pydantic_core import PydanticCustomError

from gkcli import records
from gkcli.deadlines import DayType, DeadlineKind
from gkcli.records import Cadence
from gkcli.records import Event as Event  # re-exported: the enum lives with the records
from gkcli.records import UnitKind as UnitKind  # re-exported: UnitKind lives with the records

Text = Annotated[StrictStr, Field(min_length=1)]


def _not_a_number(value: object) -> object:
    """pydantic would read `due: 20241231` as seconds since 1970; a date is written YYYY-MM-DD."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise PydanticCustomError("date_type", "Input should be a valid date")
    return value


Date = Annotated[dt.date, BeforeValidator(_not_a_number)]
ID_PATTERN = r"^[a-z][a-z0-9_-]*$"
ID_RULE = "只能用小写英文字母、数字、- 和 _，且以字母开头"
Id = Annotated[StrictStr, Field(pattern=ID_PATTERN, description="稳定的英文/拼音标识")]


class Closed(BaseModel):
    """A data-file object: unknown keys are errors (a typo such as `deadine:`), values are read-only."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Deadline(Closed):
    """完成时间：原文（text）与解析后的含义。"""

    text: Text = Field(description="原文“完成时间”一栏，去掉换行空白后逐字照录")
    kind: DeadlineKind = Field(description="date 固定日期；all_year 全年；ongoing 持续；after_event 事件后；after_publication 清单发布后")
    due: Date | None = Field(None, description="截止日期（date、all_year）")
    start: Date | None = Field(None, description="起始日期（all_year）")
    days: StrictInt | None = Field(None, ge=1, description="天数（after_event、after_publication）")
    day_type: DayType | None = Field(None, description="working 工作日；calendar 自然日")
    event: StrictStr | None = Field(None, description="起算事件（after_event），如 application_received 收到申请")

    def record(self) -> records.Deadline:
        return records.Deadline(self.text, self.kind, self.due, self.start, self.days, self.day_type, self.event)


class Category(Closed):
    """任务类别（一 … 十四）。"""

    number: StrictInt = Field(ge=1)
    numeral: Text = Field(description="中文序号，如“十一”")
    name: Text = Field(description="类别名称（不含“一、”序号）")

    def record(self) -> records.Category:
        return records.Category(self.number, self.numeral, self.name)


class Checkpoint(Closed):
    """周期性节点：任务内容中写明频次的检查、更新、汇报（月自查、季督查……）。"""

    text: Text = Field(description="出处：任务内容中写明频次的原文片段，逐字照录")
    cadence: Cadence = Field(description="monthly 每月；quarterly 每季度；biweekly 每2周；window 时间段；yearly 每年")
    name: Text | None = Field(None, description="每次节点的名称，如“月自查”；省略时用 text")
    start: Date | None = Field(None, description="起始日期（window 必填；biweekly 可选，默认清单年度1月1日）")
    due: Date | None = Field(None, description="截止日期（仅 window）")

    def record(self) -> records.Checkpoint:
        return records.Checkpoint(self.text, self.cadence, self.name, self.start, self.due)


class Task(Closed):
    """一项任务：原文与解析后的责任单位、完成时间。"""

    id: StrictInt = Field(ge=1, description="序号")
    category: StrictInt = Field(ge=1, description="所属类别的 number")
    content: Text = Field(description="任务内容，逐字照录")
    units_text: Text = Field(description="责任单位一栏，逐字照录")
    lead: list[Text] = Field(default_factory=list, description="牵头单位（按原文顺序）")
    units: list[Text] = Field(default_factory=list, description="其余责任单位与单位组（按原文顺序）")
    open_ended: StrictBool = Field(False, description="原文含“××等相关部门（单位）”这类泛指")
    deadline: Deadline
    checkpoints: list[Checkpoint] = Field(default_factory=list, description="周期性节点（可选）")

    def record(self) -> records.Task:
        return records.Task(
            self.id,
            self.category,
            self.content,
            self.units_text,
            self.lead,
            self.units,
            self.open_ended,
            self.deadline.record(),
            [checkpoint.record() for checkpoint in self.checkpoints],
        )


class Register(Closed):
    """一年的任务清单。"""

    title: Text
    year: StrictInt = Field(ge=2000, le=2100)
    region: Text = Field(description="地区，如“舒兰市”")
    published: Date | None = Field(description="清单发布日期；原文未载明时为 null（未知）")
    source: StrictStr | None = Field(None, description="来源说明")
    categories: list[Category]
    tasks: list[Task]

    def record(self) -> records.Register:
        categories = [category.record() for category in self.categories]
        return records.Register(
            self.title, self.year, self.region, self.published, self.source, categories, [task.record() for task in self.tasks]
        )


class Unit(Closed):
    """一个单位。"""

    id: Id
    name: Text = Field(description="名称，按清单原文书写")
    kind: UnitKind
    aliases: list[Text] = Field(default_factory=list, description="别名（可用于 --unit）")
    note: StrictStr | None = None

    def record(self) -> records.Unit:
        return records.Unit(self.id, self.name, self.kind, self.aliases, self.note)


class Group(Closed):
    """单位组，如“各乡镇人民政府”“市政府各相关部门（单位）”。"""

    id: Id
    name: Text
    aliases: list[Text] = Field(default_factory=list)
    member_kinds: list[UnitKind] = Field(default_factory=list, description="该类别的全部单位都是成员")
    members: list[Id] = Field(default_factory=list, description="逐个列出的成员（单位或组的 id）")
    open: StrictBool = Field(False, description="泛指、成员未确定：成员只以“相关”角色出现")
    note: StrictStr | None = None

    def record(self) -> records.Group:
        return records.Group(self.id, self.name, self.aliases, self.member_kinds, self.members, self.open, self.note)


class UnitsFile(Closed):
    """units.yaml。"""

    units: list[Unit]
    groups: list[Group] = Field(default_factory=list)

    def record(self) -> records.UnitsFile:
        return records.UnitsFile([unit.record() for unit in self.units], [group.record() for group in self.groups])


class ProgressRecord(Closed):
    """进度记录：一个单位在一项任务（或其某一期）上的一次进展，只追加、不改写。"""

    task: StrictInt = Field(ge=1, description="任务序号")
    occurrence: StrictStr | None = Field(None, description="哪一期，如 monthly:2024-03；省略表示任务本身")
    event: Event = Field(description="start 开始办理；done 完成（销号）；reopen 重新打开")
    date: Date = Field(description="发生日期（YYYY-MM-DD）")
    note: StrictStr | None = Field(None, description="进展说明")
    evidence: list[Text] = Field(default_factory=list, description="佐证材料：链接或文件路径")
    recorded_at: Text = Field(description="填报时间（带时区，加引号），如 '2024-07-01T10:22:03+08:00'")
    recorded_by: Text = Field(description="填报人")


class ProgressFile(Closed):
    """progress/年份/单位id.yaml：一个单位一年的进度记录。"""

    unit: Id = Field(description="单位 id，与文件名一致")
    records: list[ProgressRecord] | None = Field(default_factory=list)
