"""A short, repeatable fuzz run of `gk validate` on mutated copies of the real data files.

Random byte flips, deleted, swapped and duplicated lines (fixed seed): every run must end with
exit 0 or 1 and a message, never a traceback, an internal error or a hang.
"""

from __future__ import annotations

import random
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from typer.testing import CliRunner

from gkcli.cli.app import app
from tests.conftest import DATA

SEED = 20240
PER_RUN_SECONDS = 10


def flip_bytes(raw: bytes, rng: random.Random) -> bytes:
    data = bytearray(raw)
    for _ in range(rng.randint(1, 8)):
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    return bytes(data)


def delete_lines(raw: bytes, rng: random.Random) -> bytes:
    lines = raw.splitlines(keepends=True)
    start = rng.randrange(len(lines))
    del lines[start : start + rng.randint(1, 3)]
    return b"".join(lines)


def swap_lines(raw: bytes, rng: random.Random) -> bytes:
    lines = raw.splitlines(keepends=True)
    first, second = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[first], lines[second] = lines[second], lines[first]
    return b"".join(lines)


def duplicate_line(raw: bytes, rng: random.Random) -> bytes:
    lines = raw.splitlines(keepends=True)
    index = rng.randrange(len(lines))
    lines.insert(index, lines[index])
    return b"".join(lines)


MUTATIONS: list[Callable[[bytes, random.Random], bytes]] = [flip_bytes, delete_lines, swap_lines, duplicate_line]


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"gk validate took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def fuzz(target: Path, original: bytes, count: int, rng: random.Random) -> list[str]:
    """Validate `count` mutants of `original` written to `target`; describe every bad outcome."""
    failures = []
    runner = CliRunner()
    for index in range(count):
        mutation = rng.choice(MUTATIONS)
        target.write_bytes(mutation(original, rng))
        with time_limit(PER_RUN_SECONDS):
            result = runner.invoke(app, ["validate", str(target)])
        output = result.stdout + result.stderr
        crashed = result.exception is not None and not isinstance(result.exception, SystemExit)
        if result.exit_code not in (0, 1) or crashed or "Traceback" in output or not output.strip():
            failures.append(f"mutant {index} ({mutation.__name__}, seed {SEED}) → exit {result.exit_code}: {output[-500:]}")
    return failures


def test_mutated_registers_never_crash(data_copy: Path) -> None:
    start = time.perf_counter()
    failures = fuzz(data_copy / "tasks-2024.yaml", (DATA / "tasks-2024.yaml").read_bytes(), 200, random.Random(SEED))
    assert not failures, "\n".join(failures[:5])
    assert time.perf_counter() - start < 30


def test_mutated_units_files_never_crash(data_copy: Path) -> None:
    failures = fuzz(data_copy / "units.yaml", (DATA / "units.yaml").read_bytes(), 100, random.Random(SEED + 1))
    assert not failures, "\n".join(failures[:5])
