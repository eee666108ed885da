"""STUB (owner: plugin-core helper). The site's pages grouped by category, read from front matter."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from doum.config import DoumConfig
from doum.problems import ProblemLog


@dataclass
class Catalog:
    meta: dict[str, dict[str, Any]] = field(default_factory=dict)


def load(files: Files, options: DoumConfig, config: MkDocsConfig, problems: ProblemLog) -> Catalog:
    return Catalog()


def add_category_pages(files: Files, catalog: Catalog, config: MkDocsConfig) -> None:
    pass


def check_links(catalog: Catalog, files: Files, problems: ProblemLog) -> None:
    pass
