"""The pages doum adds to a site (category pages, /contact/), for the build and `doum check` alike;
and what the embedded launcher reads (assets/doum/embed/site.json) with its demo page."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from doum.config import DoumConfig
from doum.content.catalog import Catalog
from doum.site import categories, contact, embed


def add_pages(files: Files, catalog: Catalog, options: DoumConfig, config: MkDocsConfig,
              embed_files: bool = True) -> None:
    """embed_files: False in a further language's build (the embed speaks the default one)."""
    categories.add_pages(files, catalog, options, config)
    contact.add_contact_page(files, config)
    if embed_files:
        embed.add_files(files, options, config)
