"""STUB (owner: plugin-core helper). Per-page data: JSON-LD, summary, related, contact prefill."""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from doum.catalog import Catalog
from doum.config import DoumConfig


def build(page: Page, catalog: Catalog, options: DoumConfig, config: MkDocsConfig) -> dict[str, Any]:
    return {"title": page.title, "url": page.url}
