"""A one-line progress display on stderr, rewritten in place with `\\r` (on a terminal)."""

from __future__ import annotations

import sys
import time
from typing import TextIO

BAR_WIDTH = 24


class Progress:
    def __init__(self, stream: TextIO = sys.stderr) -> None:
        self.stream = stream
        self.started = time.perf_counter()
        self.width = 0  # length of the line on screen, to blank it out when a shorter one follows

    def show(self, label: str, done: int | None = None, total: int | None = None) -> None:
        if not self.stream.isatty():  # a log file gets the finished steps only
            return
        line = f"[{self._elapsed()}] {label}"
        if done is not None and total:
            filled = BAR_WIDTH * done // total
            line += f" [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total}"
        self.stream.write("\r" + line.ljust(self.width))
        self.stream.flush()
        self.width = len(line)

    def note(self, message: str) -> None:
        """A finished step: printed on its own line, the progress line continues below it."""
        self.stream.write("\r" + f"[{self._elapsed()}] {message}".ljust(self.width) + "\n")
        self.stream.flush()
        self.width = 0

    def _elapsed(self) -> str:
        seconds = int(time.perf_counter() - self.started)
        return f"{seconds // 60:02d}:{seconds % 60:02d}"
