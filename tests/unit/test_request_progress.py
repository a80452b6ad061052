"""A request is done on the day it is answered; other items keep the progress they had."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from gkcli.disclosure.files import Filed, Ledger
from gkcli.disclosure.model import Request
from gkcli.disclosure.occurrences import Answered

D = dt.date


class DoneInLedger:
    def done_on(self, task_id: int, party: str, as_of: dt.date, key: str | None = None) -> dt.date | None:
        return D(2024, 3, 5) if key in ("request:r2", None) else None


def answered_ledger() -> Ledger:
    ledger = Ledger(2024, Path("requests/2024"))
    requests = [Request(id="r1", received=D(2024, 3, 1), answered=D(2024, 3, 20)), Request(id="r2", received=D(2024, 3, 1))]
    ledger.files["zhengfuban"] = Filed("zhengfuban", Path("requests/2024/zhengfuban.yaml"), requests)
    return ledger


def test_done_from_the_day_of_the_answer() -> None:
    progress = Answered(answered_ledger(), DoneInLedger())
    assert progress.done_on(20, "zhengfuban", D(2024, 3, 19), "request:r1") is None
    assert progress.done_on(20, "zhengfuban", D(2024, 3, 20), "request:r1") == D(2024, 3, 20)


def test_other_items_and_unanswered_requests_ask_the_progress_ledger() -> None:
    progress = Answered(answered_ledger(), DoneInLedger())
    assert progress.done_on(20, "zhengfuban", D(2024, 4, 1), "request:r2") == D(2024, 3, 5)
    assert progress.done_on(3, "zhengfuban", D(2024, 4, 1)) == D(2024, 3, 5)
    assert progress.done_on(70, "zhengfuban", D(2024, 4, 1), "monthly:2024-03") is None
