"""Entry point. `gk --version` answers before anything heavy is imported."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        from gkcli import __version__

        sys.stdout.write(f"gk {__version__}\n")
        return
    from gkcli.cli.app import run

    run()


if __name__ == "__main__":
    main()
