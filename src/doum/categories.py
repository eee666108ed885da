"""STUB (owner: site-UX helper). Category pages generated for folders without index.md."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from doum.catalog import Catalog
from doum.config import DoumConfig


def add_pages(files: Files, catalog: Catalog, options: DoumConfig, config: MkDocsConfig) -> None:
    pass
