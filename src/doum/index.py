"""STUB (owner: search helper). Korean-aware lunr index of pages and sections."""

from __future__ import annotations

from mkdocs.structure.pages import Page

from doum.catalog import Catalog
from doum.config import SearchConfig


class SearchDocuments:
    def __init__(self, options: SearchConfig) -> None:
        self.options = options

    def add_page(self, page: Page, html: str, catalog: Catalog) -> None:
        pass

    def write(self, site_dir: str) -> None:
        pass
