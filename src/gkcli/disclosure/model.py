"""Pydantic models of a unit's request file, data/requests/<year>/<unit-id>.yaml (dates refuse numbers, as in the register)."""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field, StrictStr

from gkcli.model import Closed, Date

REQUEST_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
REQUEST_ID_RULE = "只能用英文字母、数字、.、_、-，且以字母或数字开头"
REQUEST_ID_MAX = 64
RequestId = Annotated[
    StrictStr,
    Field(pattern=REQUEST_ID_PATTERN, max_length=REQUEST_ID_MAX, description="申请编号：英文字母、数字、.、_、-"),
]


class _Closed(Closed):
    model_config = ConfigDict(populate_by_name=True)  # added to Closed's: closed and read-only


class Consult(_Closed):
    """征求第三方或其他机关意见的期间（不计入答复期限）。"""

    start: Date = Field(alias="from", description="发出征求意见之日")
    end: Date | None = Field(None, alias="to", description="收到意见之日；尚未收到时省略")


class Request(_Closed):
    """一件政府信息公开申请。"""

    id: RequestId
    title: StrictStr | None = Field(None, description="标题或摘要，如申请事项、来文编号")
    received: Date = Field(description="收到申请之日（按条例第三十一条认定）")
    extended: Date | None = Field(None, description="决定延长答复期限之日（最多一次，延长20个工作日）")
    consults: list[Consult] = Field(default_factory=list, description="征求意见期间")
    supplement_asked: Date | None = Field(None, description="告知申请人补正之日")
    supplement_received: Date | None = Field(None, description="收到补正之日：答复期限自此重新计算")
    answered: Date | None = Field(None, description="答复之日")
    note: StrictStr | None = Field(None, description="备注")


class RequestsFile(_Closed):
    """一个单位一年的依申请公开登记。"""

    requests: list[Request] = Field(default_factory=list)
