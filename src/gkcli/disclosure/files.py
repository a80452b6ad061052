"""Request files: data/requests/<year>/<unit-id>.yaml, read and checked together.

One file per handling unit and year, so that clerks of different units never edit the same file
and git merges their work without conflicts. The year is that of the register the request falls
under (the year it was received); a request answered in January stays in the previous year's file.
"""

from __future__ import annotations

import difflib
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from gkcli.data import Data
from gkcli.disclosure.checks import handling_problem, request_findings
from gkcli.disclosure.model import Request, RequestsFile
from gkcli.disclosure.paths import REQUESTS_DIR, year_dir
from gkcli.errors import DataError, Problem, UsageError
from gkcli.load import Document, load_file, load_text
from gkcli.records import Register
from gkcli.units import Directory


def request_years(data_dir: Path) -> dict[int, Path]:
    """The year folders under data/requests/."""
    root = data_dir / REQUESTS_DIR
    found = {int(path.name): path for path in root.glob("*") if path.is_dir() and path.name.isdigit()} if root.is_dir() else {}
    return dict(sorted(found.items()))


@dataclass
class Filed:
    """One unit's file: where it is, its requests in file order, and (when about to be rewritten) its leading comment lines."""

    unit: str
    path: Path
    requests: list[Request] = field(default_factory=list)
    header: list[str] = field(default_factory=list)


@dataclass
class Ledger:
    """Every request of one year, by handling unit."""

    year: int
    folder: Path
    files: dict[str, Filed] = field(default_factory=dict)

    def entries(self) -> Iterator[tuple[str, Request]]:
        for unit, filed in self.files.items():
            for request in filed.requests:
                yield unit, request

    def find(self, request_id: str) -> tuple[str, Request]:
        """The handling unit and the request with id `request_id`; a usage error otherwise."""
        for unit, request in self.entries():
            if request.id == request_id:
                return unit, request
        known = [request.id for _, request in self.entries()]
        close = difflib.get_close_matches(request_id, known, n=3)
        hint = f"；您是不是要找：{'、'.join(close)}" if close else ""
        raise UsageError(f"{self.year} 年没有编号为“{request_id}”的申请{hint}")


def read_ledger(data_dir: Path, year: int, directory: Directory | None, register: Register | None) -> tuple[Ledger, list[Problem]]:
    """The year's requests and every problem in their files (schema, units, dates, repeated ids).

    Without a (valid) register or unit directory the files are still read, but not checked against them.
    """
    ledger = Ledger(year, year_dir(data_dir, year))
    problems: list[Problem] = []
    docs: dict[str, Document] = {}
    for path in sorted(ledger.folder.glob("*.yaml")):
        doc = load_file(path)
        problems.extend(doc.problems)
        filed, found = _read_file(doc, path, directory, register, year)
        problems.extend(found)
        if filed is not None:
            ledger.files[filed.unit] = filed
            docs[filed.unit] = doc
    problems.extend(_repeated_ids(ledger, docs))
    return ledger, problems


def _read_file(
    doc: Document, path: Path, directory: Directory | None, register: Register | None, year: int
) -> tuple[Filed | None, list[Problem]]:
    from gkcli.validate import parse_model

    parsed, problems = parse_model(doc, RequestsFile)
    if parsed is None:
        return None, problems
    if directory is not None and register is not None:
        reason = handling_problem(directory, register, path.stem)
        if reason:
            problems.append(doc.problem((), reason))
    for index, request in enumerate(parsed.requests):
        for where, message in request_findings(request, year):
            problems.append(doc.problem(("requests", index, *where), f"申请 {request.id}：{message}"))
    return Filed(path.stem, path, list(parsed.requests)), problems


def header_lines(text: str) -> list[str]:
    """The comment lines a file starts with (kept when gk rewrites it)."""
    return list(itertools.takewhile(lambda line: line.startswith("#"), text.splitlines()))


def parse_filed(data: Data, path: Path, text: str) -> Filed:
    """A unit's file from its text, with the checks of gk validate; any problem raises DataError."""
    doc = load_text(text, str(path))
    filed, problems = _read_file(doc, path, data.directory, data.register, data.register.year)
    if doc.problems or problems or filed is None:
        raise DataError(doc.problems + problems)
    filed.header = header_lines(text)
    return filed


def _repeated_ids(ledger: Ledger, docs: dict[str, Document]) -> Iterator[Problem]:
    seen: dict[str, str] = {}
    for unit, filed in ledger.files.items():
        doc = docs[unit]
        for index, request in enumerate(filed.requests):
            if request.id in seen:
                yield doc.problem(("requests", index, "id"), f"申请编号“{request.id}”重复（{seen[request.id]} 中已有）")
            seen.setdefault(request.id, f"{unit}.yaml")


def load_ledger(data: Data) -> Ledger:
    """The year's requests of the register in `data`; any problem in their files raises DataError."""
    ledger, problems = read_ledger(data.data_dir, data.register.year, data.directory, data.register)
    if problems:
        raise DataError(problems)
    return ledger


def check_request_files(
    data_dir: Path, directory: Directory | None, registers: dict[int, Register | None]
) -> tuple[list[str], list[Problem]]:
    """Every request file under `data_dir` checked against its year's register: (files, problems).

    `registers` has every year with a register file; a year whose register is invalid maps to None.
    """
    files: list[str] = []
    problems: list[Problem] = []
    for year, folder in request_years(data_dir).items():
        if year not in registers:
            problems.append(Problem(str(folder), 1, 1, f"没有 {year} 年的任务清单（tasks-{year}.yaml），无法核对这些申请"))
        ledger, found = read_ledger(data_dir, year, directory, registers.get(year))
        files.extend(str(path) for path in sorted(ledger.folder.glob("*.yaml")))
        problems.extend(found)
    return files, problems


def is_request_file(path: Path) -> bool:
    """data/requests/<year>/<unit>.yaml"""
    return path.suffix == ".yaml" and path.parent.name.isdigit() and path.parent.parent.name == REQUESTS_DIR
