"""STUB (owner: plugin-core helper). Navigation derived from folders and `order`."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from doum.catalog import Catalog
from doum.config import DoumConfig


def build(navigation: Navigation, catalog: Catalog, files: Files, config: MkDocsConfig) -> Navigation:
    return navigation


def local(navigation: Navigation, page: Page, catalog: Catalog, options: DoumConfig) -> Navigation:
    return navigation
