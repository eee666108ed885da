"""STUB (owner: plugin-core helper). Screenshot <img>: size, lazy loading, alt-text checks."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from doum.problems import ProblemLog


def enhance(html: str, page: Page, config: MkDocsConfig, problems: ProblemLog) -> str:
    return html
