"""Failures of one delivery, and retrying the transient ones with exponential backoff."""

from __future__ import annotations

from collections.abc import Callable

Sleep = Callable[[float], None]
MAX_WAIT = 300.0


class DeliveryFailure(Exception):
    """One message could not be delivered; `transient` failures may succeed when tried again."""

    def __init__(self, message: str, *, transient: bool) -> None:
        super().__init__(message)
        self.transient = transient
        self.attempts = 1


def with_retry(action: Callable[[], None], retries: int, backoff: float, sleep: Sleep) -> int:
    """Run `action`, retrying transient failures up to `retries` times; returns the attempts made.

    Waits `backoff`, 2×`backoff`, 4×`backoff` … seconds (at most MAX_WAIT) between attempts.
    """
    attempt = 0
    while True:
        attempt += 1
        try:
            action()
        except DeliveryFailure as failure:
            if not failure.transient or attempt > retries:
                failure.attempts = attempt
                raise
            sleep(min(backoff * 2 ** (attempt - 1), MAX_WAIT))
        else:
            return attempt
