"""The `doum` command: check, new, search."""

from __future__ import annotations

import argparse

from doum.cli import check, new, search


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="doum", description="doum help-center tools")
    commands = parser.add_subparsers(dest="command", required=True)
    for command in (check, new, search):
        command.register(commands)
    args = parser.parse_args(argv)
    return int(args.run(args) or 0)

