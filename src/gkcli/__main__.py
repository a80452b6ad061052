"""Entry point. `gk --version` answers before anything heavy is imported.

gk is a short-lived process: importing typer and loading a register create hundreds of thousands
of objects that live until it exits, and no garbage cycles worth collecting. Python's cycle
collector would rescan them again and again while they are created (a fifth of the time of
importing typer, pydantic and rich, and more when a large register is loaded), so the command
line runs without it; memory is still freed by reference counting. Library use is unaffected.
"""

from __future__ import annotations

import gc
import sys


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        from gkcli import __version__

        sys.stdout.write(f"gk {__version__}\n")
        return
    gc.disable()
    from gkcli.cli.app import run

    run()


if __name__ == "__main__":
    main()
