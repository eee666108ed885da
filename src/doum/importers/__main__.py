"""`python -m doum.importers SOURCE… --into docs/`: the import command on its own."""

from __future__ import annotations

import argparse
import sys

from doum.importers.command import add_arguments, run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="doum import",
                                     description="Bring an existing help center into docs/.")
    add_arguments(parser)
    args = parser.parse_args(argv)
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
