"""Benchmark gk as installed: with its modules compiled to bytecode.

`pip install .` compiles every module, as it did for typer, pydantic and rich, whose import cost
is the floor. An editable install, or PYTHONDONTWRITEBYTECODE=1 (set in some sandboxes and
containers), leaves gk's own modules uncompiled, so every run would compile them again (about
30 ms) and the ratios would measure the compiler. The benchmark compiles them first; writing the
__pycache__ folders changes nothing else (they are git-ignored and not part of the cache key).
"""

from __future__ import annotations

import compileall
import sys
from pathlib import Path


def compile_gk() -> None:
    """Compile the gkcli package this Python imports (a no-op where the bytecode is current)."""
    try:
        import gkcli
    except ImportError:
        sys.exit("找不到 gkcli：请先在仓库根目录安装，如 pip install -e '.[test]'，再运行基准测试")
    package = Path(gkcli.__file__).parent
    if not compileall.compile_dir(package, quiet=1):
        sys.exit(f"无法编译 {package}")
