"""STUB: `doum new`."""

from __future__ import annotations

import argparse


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("new")
    parser.set_defaults(run=lambda args: 0)
