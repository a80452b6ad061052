"""One error hierarchy; each class carries the exit code the CLI returns for it.

Exit codes (documented in README.md, "错误与退出码"):
0 ok; 1 findings (invalid data, overdue items with --fail-if-any); 2 usage errors;
3 a file could not be written; 4 delivery failed; 70 internal error; 130 interrupted.
"""

from __future__ import annotations

from dataclasses import dataclass

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_WRITE = 3
EXIT_DELIVERY = 4
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130


@dataclass(frozen=True, order=True)
class Problem:
    """One finding in a data file, pointing at its source."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


class GkError(Exception):
    """A failure the user can act on: printed as one line, never as a traceback."""

    exit_code = EXIT_INTERNAL


class UsageError(GkError):
    """The command line asked for something that does not exist or does not make sense."""

    exit_code = EXIT_USAGE


class DataError(GkError):
    """The data files are invalid; carries every problem found."""

    exit_code = EXIT_FINDINGS

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        first = self.problems[0] if self.problems else "数据无效"
        more = f"（另有 {len(self.problems) - 1} 个问题，运行 gk validate 查看全部）" if len(self.problems) > 1 else ""
        super().__init__(f"{first}{more}")


class WriteError(GkError):
    """A file could not be written; the previous version is intact."""

    exit_code = EXIT_WRITE
