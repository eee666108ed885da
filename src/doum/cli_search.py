"""STUB: `doum search`."""

from __future__ import annotations

import argparse


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("search")
    parser.set_defaults(run=lambda args: 0)
