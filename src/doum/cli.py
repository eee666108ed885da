"""The `doum` command: check, new, search."""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="doum", description="doum help-center tools")
    commands = parser.add_subparsers(dest="command", required=True)
    # Each sub-command module adds its own parser (owners: check/new → plugin-core, search → search).
    from doum import cli_check, cli_new, cli_search

    for module in (cli_check, cli_new, cli_search):
        module.register(commands)
    args = parser.parse_args(argv)
    return int(args.run(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
