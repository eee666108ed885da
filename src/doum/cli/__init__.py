"""The `doum` command: one sub-command a module, each adding its own parser."""

from __future__ import annotations

import argparse

from doum.cli import check, findability, index, new, report, search
from doum.importers import command as import_command


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="doum", description="doum help-center tools")
    commands = parser.add_subparsers(dest="command", required=True)
    for command in (check, findability, index, new, report, search, import_command):
        command.register(commands)
    args = parser.parse_args(argv)
    return int(args.run(args) or 0)

