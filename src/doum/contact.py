"""STUB (owner: contact helper). The /contact/ page, generated when docs/ has none."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files


def add_contact_page(files: Files, config: MkDocsConfig) -> None:
    pass
