"""What may be recorded: who handles requests, and dates that follow one another."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterator

from gkcli.deadlines import EVENT_APPLICATION
from gkcli.disclosure.model import Request
from gkcli.obligations import OWING_ROLES, task_duties
from gkcli.records import Register, Task
from gkcli.units import Directory

Finding = tuple[tuple[str | int, ...], str]  # where inside the request, and the message


def application_task(register: Register) -> Task | None:
    """The register's task of answering disclosure requests (task 20 in 2024)."""
    return next((task for task in register.tasks if task.deadline.event == EVENT_APPLICATION), None)


def handling_problem(directory: Directory, register: Register, unit_id: str) -> str | None:
    """Why `unit_id` cannot have requests on file, or None when it can."""
    task = application_task(register)
    if task is None:
        return f"{register.year} 年的任务清单中没有“收到申请后…个工作日内答复”的任务，无法登记申请"
    if unit_id in directory.groups:
        return f"“{directory.name(unit_id)}”是单位组：申请须登记在具体单位下（如需登记某乡镇，请先在 units.yaml 中添加该单位）"
    if unit_id not in directory.units:
        return _unknown_unit(directory, unit_id)
    duty = task_duties(task, directory).get(unit_id)
    if duty is None or duty.role not in OWING_ROLES:
        return f"{directory.name(unit_id)}不承担任务 {task.id}（依申请公开答复），不能登记申请"
    return None


def _unknown_unit(directory: Directory, unit_id: str) -> str:
    """No such unit id: the id meant by a name used as the file name, else the closest ids."""
    named = directory.lookup(unit_id)
    if named is not None:
        return f"申请文件名应为 units.yaml 中的单位 id：请把 {unit_id}.yaml 改名为 {named}.yaml"
    close = difflib.get_close_matches(unit_id, list(directory.units), n=3, cutoff=0.6)
    hint = f"；您是不是要写：{'、'.join(f'{found}.yaml（{directory.name(found)}）' for found in close)}" if close else ""
    return f"units.yaml 中没有 id 为“{unit_id}”的单位（申请文件名应为 单位id.yaml）{hint}"


def request_findings(request: Request, year: int) -> Iterator[Finding]:
    """Dates out of order, or outside the year the request is filed under."""
    if request.received.year != year:
        yield ("received",), f"收到日期 {request.received} 不在 {year} 年：应登记在 requests/{request.received.year}/ 下"
    yield from _not_before(request, ("extended",), request.extended, "决定延期之日")
    yield from _not_before(request, ("supplement_asked",), request.supplement_asked, "告知补正之日")
    yield from _not_before(request, ("answered",), request.answered, "答复之日")
    for index, consult in enumerate(request.consults):
        yield from _not_before(request, ("consults", index, "from"), consult.start, "征求意见开始之日")
        if consult.end is not None and consult.end < consult.start:
            yield ("consults", index, "to"), f"收到意见之日 {consult.end} 早于征求意见开始之日 {consult.start}"
    if sum(consult.end is None for consult in request.consults) > 1:
        yield ("consults",), "同时只能有一次尚未收到意见的征求（to 为空）"
    if request.supplement_received is not None:
        if request.supplement_asked is None:
            yield ("supplement_received",), "有收到补正之日（supplement_received），却没有告知补正之日（supplement_asked）"
        elif request.supplement_received < request.supplement_asked:
            yield ("supplement_received",), f"收到补正之日 {request.supplement_received} 早于告知补正之日 {request.supplement_asked}"


def _not_before(request: Request, where: tuple[str | int, ...], day: dt.date | None, what: str) -> Iterator[Finding]:
    if day is not None and day < request.received:
        yield where, f"{what} {day} 早于收到申请之日 {request.received}"
