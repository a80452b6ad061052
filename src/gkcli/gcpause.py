"""Loading and validating a register creates millions of objects and no reference cycles.

Python's cycle collector is triggered by allocations and rescans everything that survived, again
and again while the data grows: with it running, parsing 10,000 tasks took about four times as
long (measured with bench/run.py). `paused()` switches it off for such a phase; memory is still
freed by reference counting.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """Run the block without the cycle collector (as it was before, afterwards)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
