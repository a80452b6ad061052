"""What `gk request` records: each step checked against the 条例 before anything is written."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from gkcli.data import Data
from gkcli.disclosure.checks import handling_problem
from gkcli.disclosure.deadline import Workdays, request_due
from gkcli.disclosure.files import Ledger, load_ledger
from gkcli.disclosure.model import REQUEST_ID_MAX, REQUEST_ID_RULE, Consult, Request
from gkcli.disclosure.write import Change, save, year_locked
from gkcli.errors import UsageError, WriteError

Edit = Callable[[Request], Request]


@dataclass(frozen=True)
class Recorded:
    """A request as written, and the unit handling it."""

    unit: str
    request: Request


def add(data: Data, unit: str, received: dt.date, request_id: str | None = None, title: str | None = None) -> Recorded:
    """Register an application received by `unit` (an id, name or alias) on `received`."""
    unit_id = data.directory.resolve(unit)
    reason = handling_problem(data.directory, data.register, unit_id)
    if reason:
        raise UsageError(reason)
    if received.year != data.register.year:
        raise UsageError(f"收到日期 {received} 不在 {data.register.year} 年：请用 --year {received.year}（需有该年的任务清单）")
    with year_locked(data):
        ledger = load_ledger(data)
        chosen = request_id or next_id(ledger, unit_id)
        if any(request.id == chosen for _, request in ledger.entries()):
            raise UsageError(f"编号“{chosen}”已被使用，请换一个 --id")
        request = _valid(Request, id=chosen, title=title or None, received=received)
        save(data, unit_id, _appending(request))
    return Recorded(unit_id, request)


def change(data: Data, request_id: str, edit: Edit) -> Recorded:
    """Apply `edit` to the request with id `request_id` and write its file."""
    with year_locked(data):
        unit_id, request = load_ledger(data).find(request_id)
        updated = edit(request)
        save(data, unit_id, _replacing(request, updated))
    return Recorded(unit_id, updated)


def _appending(request: Request) -> Change:
    def change(requests: list[Request]) -> list[Request]:
        if any(item.id == request.id for item in requests):
            raise _changed_meanwhile(request)
        return [*requests, request]

    return change


def _replacing(old: Request, new: Request) -> Change:
    """Replace `old` by `new`; refused when `old` is no longer in the file as it was read."""

    def change(requests: list[Request]) -> list[Request]:
        if old not in requests:
            raise _changed_meanwhile(old)
        return [new if item == old else item for item in requests]

    return change


def _changed_meanwhile(request: Request) -> WriteError:
    return WriteError(f"申请 {request.id} 所在的文件在读取之后被其他程序修改；本次未写入，对方的修改已保留，请重新运行命令")


def extend(on: dt.date, calendar: Workdays) -> Edit:
    """The one permitted extension of 20 working days (条例第三十三条), decided before the deadline."""

    def edit(request: Request) -> Request:
        _open(request)
        if request.extended is not None:
            raise UsageError(f"申请 {request.id} 已于 {request.extended} 延长过答复期限；条例第三十三条只允许延长一次")
        _not_before_receipt(request, on, "--on")
        due = request_due(request, calendar).due
        if due is not None and on > due:
            raise UsageError(f"申请 {request.id} 的答复期限 {due} 已过，不能在 {on} 再决定延期（延期须在期限届满前决定并告知申请人）")
        return request.model_copy(update={"extended": on})

    return edit


def consult(start: dt.date | None, end: dt.date | None) -> Edit:
    """Record consulting a third party: --from opens it, --to closes the open one, both record it whole."""

    def edit(request: Request) -> Request:
        _open(request)
        if start is None:
            return _close_consult(request, end)
        _not_before_receipt(request, start, "--from")
        pending = _open_consult(request)
        if pending is not None and end is None:
            raise UsageError(f"申请 {request.id} 自 {pending.start} 起的征求意见尚未收到回复；请先用 --to 记录收到意见之日")
        return _with_consult(request, None, Consult(start=start, end=_after(end, start) if end else None))

    return edit


def _close_consult(request: Request, end: dt.date | None) -> Request:
    if end is None:
        raise UsageError("请给出 --from（发出征求意见之日）和/或 --to（收到意见之日）")
    pending = _open_consult(request)
    if pending is None:
        raise UsageError(f"申请 {request.id} 没有尚未收到意见的征求；请同时给出 --from")
    return _with_consult(request, pending, Consult(start=pending.start, end=_after(end, pending.start)))


def _open_consult(request: Request) -> Consult | None:
    return next((item for item in request.consults if item.end is None), None)


def supplement(asked: dt.date | None, received: dt.date | None) -> Edit:
    """Record asking the applicant to supplement (补正, --on) and/or receiving it (--received)."""

    def edit(request: Request) -> Request:
        _open(request)
        if asked is None and received is None:
            raise UsageError("请给出 --on（告知补正之日）和/或 --received（收到补正之日）")
        update: dict[str, dt.date] = {}
        if asked is not None:
            if request.supplement_asked is not None:
                raise UsageError(f"申请 {request.id} 已于 {request.supplement_asked} 告知补正；条例第三十条要求一次性告知")
            _not_before_receipt(request, asked, "--on")
            update["supplement_asked"] = asked
        if received is not None:
            first = asked or request.supplement_asked
            if first is None:
                raise UsageError(f"申请 {request.id} 尚未告知补正：请先（或同时）用 --on 记录告知补正之日")
            if request.supplement_received is not None:
                raise UsageError(f"申请 {request.id} 已于 {request.supplement_received} 收到补正")
            update["supplement_received"] = _after(received, first)
        return request.model_copy(update=update)

    return edit


def answer(on: dt.date) -> Edit:
    def edit(request: Request) -> Request:
        _open(request)
        _not_before_receipt(request, on, "--on")
        return request.model_copy(update={"answered": on})

    return edit


def next_id(ledger: Ledger, unit_id: str) -> str:
    """The unit's next free number, e.g. zhengfuban-003: unique without asking other units."""
    pattern = re.compile(rf"^{re.escape(unit_id)}-(\d+)$")
    numbers = [int(match.group(1)) for _, request in ledger.entries() if (match := pattern.match(request.id))]
    return f"{unit_id}-{max(numbers, default=0) + 1:03d}"


def _open(request: Request) -> None:
    if request.answered is not None:
        raise UsageError(f"申请 {request.id} 已于 {request.answered} 答复，不能再修改")


def _not_before_receipt(request: Request, day: dt.date, option: str) -> None:
    if day < request.received:
        raise UsageError(f"{option} 的日期 {day} 早于申请 {request.id} 的收到日期 {request.received}")


def _after(day: dt.date, first: dt.date) -> dt.date:
    if day < first:
        raise UsageError(f"日期 {day} 早于 {first}")
    return day


def _with_consult(request: Request, replaced: Consult | None, consult: Consult) -> Request:
    consults = [item for item in request.consults if item is not replaced]
    return request.model_copy(update={"consults": sorted([*consults, consult], key=lambda item: item.start)})


def _valid(model: type[Request], **values: object) -> Request:
    """A new request; a bad --id or --title is a usage error, not a crash."""
    from pydantic import ValidationError

    try:
        return model.model_validate(values)
    except ValidationError:
        raise UsageError(f"申请编号“{values['id']}”无效：{REQUEST_ID_RULE}，最长 {REQUEST_ID_MAX} 个字符") from None
