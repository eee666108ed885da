"""Problems found in the authors' files, reported as `file:line: level: message (how to fix)`."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from dataclasses import dataclass, field
from typing import Literal

from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.plugins.doum")

Level = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    level: Level
    message: str
    fix: str = ""

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.level}: {self.message}"
        return f"{text} — {self.fix}" if self.fix else text


@dataclass
class ProblemLog:
    """Collects every problem of a build so authors see them all at once, not one per run."""

    problems: list[Problem] = field(default_factory=list)
    # Warnings go to MkDocs' logger as they come (so `--strict` counts them); errors wait for
    # `raise_if_errors`, which runs before anything is written to the site.
    echo_warnings: bool = True

    def error(self, path: str, line: int, message: str, fix: str = "") -> None:
        self.problems.append(Problem(path, line, "error", message, fix))

    def warning(self, path: str, line: int, message: str, fix: str = "") -> None:
        problem = Problem(path, line, "warning", message, fix)
        self.problems.append(problem)
        if self.echo_warnings:
            log.warning(str(problem))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]

    def raise_if_errors(self) -> None:
        errors = sorted(self.errors, key=lambda p: (p.path, p.line))
        if errors:
            listing = "\n".join(f"  {p}" for p in errors)
            raise PluginError(f"doum found {len(errors)} error(s) in the docs:\n{listing}")


def shown(path: Path | str) -> str:
    """A path as messages name it: relative to the working directory when it is below it."""
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else relative.replace(os.sep, "/")
