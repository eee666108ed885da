"""What the readers hand to the planner: entries, skipped rows, and the errors that stop it."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path


class ImportFailure(Exception):
    """Input that cannot be imported as it is; the whole import stops before writing anything.

    `where` is `file` or `file:line`, so the message reads like a compiler's: `faq.csv:14: …`.
    """

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


@dataclass
class Category:
    """A category as the source names it; becomes a folder under docs/."""

    name: str
    description: str = ""
    order: int | None = None


@dataclass
class Entry:
    """One question and its answer, read from a source, not yet placed anywhere."""

    source: str  # stable id written to front matter and the manifest: "zendesk:360001234567"
    origin: str  # where to point a person at: "faq.csv:14", "articles.json (article 3600…)"
    title: str
    body: str  # the answer: HTML, or plain text when body_is_html is False (spreadsheets)
    body_is_html: bool = True
    category: str = ""  # Category.name, "" for none (the page goes directly into docs/)
    keywords: list[str] = field(default_factory=list)
    updated: datetime.date | None = None
    base_url: str = ""  # the address relative links and images of the body are relative to
    base_dir: Path | None = None  # the folder local images of the body are relative to
    aliases: list[str] = field(default_factory=list)  # addresses other pages link to it by


@dataclass
class Skip:
    origin: str
    reason: str


@dataclass
class ReadResult:
    """Everything the readers found, merged over all sources."""

    entries: list[Entry] = field(default_factory=list)
    categories: dict[str, Category] = field(default_factory=dict)
    skipped: list[Skip] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Zendesk article ids that are links inside bodies: "/hc/ko/articles/<id>" on any host.
    article_ids: dict[str, str] = field(default_factory=dict)  # id → source

    def extend(self, other: ReadResult) -> None:
        self.entries += other.entries
        for name, category in other.categories.items():
            self.categories.setdefault(name, category)
        self.skipped += other.skipped
        self.warnings += other.warnings
        self.article_ids.update(other.article_ids)


def shown(path: Path) -> str:
    """A path as the person typed it, relative to the working folder when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
