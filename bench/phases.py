"""Where the time of `gk due` goes: CPU time of each phase, medians over fresh interpreters.

    python bench/phases.py [--data DIR] [--runs N]

Each run is a new Python process that goes through the same steps as `gk due --unit 市政数局
--as-of 2024-06-01` (served from the cache, which the first run fills) and notes the CPU time
after each. The floor of bench/run.py and an empty interpreter are measured the same way.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bytecode import compile_gk
from run import FLOOR_CODE as FLOOR

DATA = Path(__file__).resolve().parents[1] / "data"

PHASES = r"""
import gc, json, sys, time
gc.disable()  # as gkcli.__main__ does
marks = [("start", time.process_time())]
def mark(name): marks.append((name, time.process_time()))
import typer; mark("导入 typer")
from gkcli.cli.app import build, invoked; app = build(invoked(["due"])); mark("导入 gk 的命令行模块（due 所在的一组）")
from typer.main import get_command; command = get_command(app); mark("typer 构建这一组命令")
import datetime as dt
from pathlib import Path
from gkcli.agenda import agenda
from gkcli.data import load_data
from gkcli.queries import duties_for
from gkcli.render import render
from gkcli.views.agenda import agenda_listing
import gkcli.render.table; mark("导入 gk 的核心模块")
data = load_data(Path(sys.argv[1])); mark("读取清单（缓存）")
items = agenda(duties_for(data, "市政数局"), data.register, dt.date(2024, 6, 1)); mark("计算应办事项")
listing = agenda_listing(items, data, "市政数局", one_unit=True); mark("整理输出数据")
text = render(listing, "table"); mark("绘制表格")
print(json.dumps([(name, 1000 * (now - before)) for (_, before), (name, now) in zip(marks, marks[1:])]))
"""


def cpu_ms(command: list[str], env: dict[str, str]) -> float:
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    return 1000 * (usage.ru_utime + usage.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description="gk due 各阶段的 CPU 时间（毫秒，多次运行的中位数）")
    parser.add_argument("--data", type=Path, default=DATA, help="数据目录（默认：自带清单）")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    compile_gk()
    env = dict(os.environ, GK_CACHE_DIR=tempfile.mkdtemp(prefix="gk-phases-"), NO_COLOR="1", COLUMNS="100")
    phase_command = [sys.executable, "-c", PHASES, str(args.data)]
    subprocess.run(phase_command, env=env, check=True, capture_output=True)  # fills the cache
    runs = [json.loads(subprocess.run(phase_command, env=env, check=True, capture_output=True, text=True).stdout) for _ in range(args.runs)]
    floor = statistics.median(cpu_ms([sys.executable, "-c", FLOOR], env) for _ in range(args.runs))
    empty = statistics.median(cpu_ms([sys.executable, "-c", "pass"], env) for _ in range(args.runs))
    label = "自带清单" if args.data == DATA else str(args.data)
    print(f"| 阶段（{label}） | CPU（毫秒） | 占基线 |")
    print("| --- | ---: | ---: |")
    print(f"| 启动解释器（python -c pass） | {empty:.0f} | {empty / floor:.2f} |")
    for index, (name, _) in enumerate(runs[0]):
        value = statistics.median(run[index][1] for run in runs)
        print(f"| {name} | {value:.0f} | {value / floor:.2f} |")
    print(f"| 基线（{FLOOR}），整个进程 | {floor:.0f} | 1.00 |")


if __name__ == "__main__":
    main()
