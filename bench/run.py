"""gk's benchmark: each command alternates with the import "floor" and is reported as a ratio.

The floor is what the design cannot avoid: importing the libraries gk is built on. Machine noise
hits a command and the floor run next to it alike, so the ratio of their medians is steadier than
either time. Inputs (registers of 1,000 to 100,000 tasks) are generated in a temporary directory
and deleted afterwards. Run from a checkout: `python bench/run.py` (or `make bench`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bytecode import compile_gk

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "data"

FLOOR_CODE = "import typer, pydantic, rich.console, rich.table, yaml, dateutil.rrule"  # what issue 8 calls the floor
FLOOR = [sys.executable, "-c", FLOOR_CODE]
UNIT = "市政数局"
MIB = 1024 * 1024


@dataclass
class Case:
    name: str
    args: list[str]
    target: str = ""  # e.g. "≤ 1.15 ×" (ratio to the floor) or "≤ 2.5 s"
    data: Path | None = None
    warm: bool = False  # one unmeasured run first (fills the cache)


@dataclass
class Result:
    case: Case
    seconds: float
    floor: float
    peak_mib: float

    @property
    def ratio(self) -> float:
        return self.seconds / self.floor


def gk_command() -> list[str]:
    """The `gk` script installed beside this Python, as a user would run it."""
    script = Path(sys.executable).with_name("gk")
    return [str(script)] if script.exists() else [sys.executable, "-m", "gkcli"]


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time (s) and peak resident memory (MiB) of one run; a failing command stops the benchmark."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        error = process.stderr.read().decode() if process.stderr else ""
        sys.exit(f"命令失败（退出码 {process.returncode}）：{' '.join(command)}\n{error}")
    if process.stderr:
        process.stderr.close()
    return elapsed, usage.ru_maxrss / 1024  # Linux reports KiB


def measure(case: Case, gk: list[str], env: dict[str, str], runs: int) -> Result:
    """Alternate the command with the floor (order swapped every run); medians of both."""
    command = gk + case.args + (["--data", str(case.data)] if case.data else [])
    if case.warm:
        run_once(command, env)
    times: list[float] = []
    floors: list[float] = []
    peaks: list[float] = []
    for index in range(runs):
        order = (FLOOR, command) if index % 2 == 0 else (command, FLOOR)
        for which in order:
            seconds, peak = run_once(which, env)
            if which is FLOOR:
                floors.append(seconds)
            else:
                times.append(seconds)
                peaks.append(peak)
    return Result(case, statistics.median(times), statistics.median(floors), max(peaks))


def cases(root: Path, sizes: list[int]) -> list[Case]:
    as_of = ["--as-of", "2024-06-01"]
    listed = [
        Case("自带清单（74 项）：gk due", ["due", "--unit", UNIT, *as_of], "≤ 1.15 ×", DATA, warm=True),
        Case("自带清单（74 项）：gk due -f json", ["due", "--unit", UNIT, *as_of, "-f", "json"], "", DATA, warm=True),
        Case("gk --version", ["--version"], "≤ 0.5 ×"),
        Case("gk --help", ["--help"], "≤ 0.8 ×"),
    ]
    for size in sizes:
        data = root / f"tasks-{size}"
        subprocess.run([sys.executable, str(HERE / "synth.py"), str(size), str(data)], check=True)
        validate_target = "≤ 2.5 s" if size == 10_000 else ("≤ 12 × 1万项" if size == 100_000 else "")
        due_target = "≤ 1.5 ×" if size == 10_000 else ""
        listed += [
            Case(f"{size:,} 项：gk validate", ["validate"], validate_target, data),
            Case(f"{size:,} 项：gk due（缓存）", ["due", "--unit", UNIT, *as_of], due_target, data, warm=True),
            Case(f"{size:,} 项：gk due --no-cache", ["--no-cache", "due", "--unit", UNIT, *as_of], "", data),
        ]
    return listed


def verdict(result: Result, results: list[Result]) -> str:
    """Whether a result meets its target: "是", "否", or "" when it has none."""
    target = result.case.target
    if not target:
        return ""
    limit = float(target.split()[1])
    if target.endswith("s"):
        held = result.seconds <= limit
    elif "万项" in target:
        base = next((other for other in results if other.case.name == "10,000 项：gk validate"), None)
        if base is None:
            return "（需同时测 1 万项）"
        held = result.seconds <= limit * base.seconds
    else:
        held = result.ratio <= limit
    return "是" if held else "否"


def machine() -> str:
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        lines = [line for line in cpuinfo.read_text().splitlines() if line.startswith("model name")]
        model = lines[0].split(":", 1)[1].strip() if lines else ""
    cpu = model or platform.processor() or platform.machine()
    return f"{cpu}，{os.cpu_count()} 核，Python {platform.python_version()}，{platform.system()}"


def table(results: list[Result], runs: int) -> str:
    lines = [
        f"测试时间：{dt.datetime.now().strftime('%Y-%m-%d %H:%M')}；机器：{machine()}；每项运行 {runs} 次取中位数。",
        f"基线（floor）：`{' '.join(FLOOR[1:])}`，中位数 {statistics.median(result.floor for result in results):.3f} 秒。",
        "",
        "| 用例 | 中位数（秒） | 同轮基线（秒） | 倍数 | 目标 | 达标 | 峰值内存（MiB） |",
        "| --- | ---: | ---: | ---: | --- | --- | ---: |",
    ]
    for result in results:
        lines.append(
            f"| {result.case.name} | {result.seconds:.3f} | {result.floor:.3f} | {result.ratio:.2f} × "
            f"| {result.case.target} | {verdict(result, results)} | {result.peak_mib:.0f} |"
        )
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="gk 性能基准：每条命令与基线交替运行，报告中位数之比。")
    parser.add_argument("--runs", type=int, default=7, help="每个用例运行次数（默认 7）")
    parser.add_argument("--sizes", default="1000,10000,100000", help="合成清单的任务数，逗号分隔（默认 1000,10000,100000）")
    parser.add_argument("--quick", action="store_true", help="只测 1000 和 10000 项（省去约数分钟的 10 万项）")
    parser.add_argument("--only", default="", help="只运行名称中含这段文字的用例，如 due")
    parser.add_argument("--keep", action="store_true", help="保留生成的数据目录（打印其路径）")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    compile_gk()
    sizes = [1000, 10_000] if args.quick else [int(size) for size in args.sizes.split(",") if size]
    root = Path(tempfile.mkdtemp(prefix="gk-bench-"))
    env = dict(os.environ, NO_COLOR="1", COLUMNS="100", GK_CACHE_DIR=str(root / "cache"), GK_MAX_FILE_MB="1024")
    env.pop("GK_NO_CACHE", None)
    gk = gk_command()
    results = []
    try:
        for case in [case for case in cases(root, sizes) if args.only in case.name]:
            print(f"… {case.name}", file=sys.stderr, flush=True)
            results.append(measure(case, gk, env, args.runs))
    finally:
        if args.keep:
            print(f"数据保留在 {root}", file=sys.stderr)
        else:
            shutil.rmtree(root, ignore_errors=True)
    print(table(results, args.runs))


if __name__ == "__main__":
    main()
