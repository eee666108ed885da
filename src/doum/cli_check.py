"""STUB: `doum check`."""

from __future__ import annotations

import argparse


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("check")
    parser.set_defaults(run=lambda args: 0)
