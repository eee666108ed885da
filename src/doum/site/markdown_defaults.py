"""Markdown settings every doum site needs, applied when the site did not choose its own."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from pymdownx.slugs import slugify


def keep_hangul_anchors(config: MkDocsConfig) -> None:
    """Python-Markdown's default slugify drops Hangul (#비밀번호-재설정 would become #_1)."""
    toc = config.mdx_configs.setdefault("toc", {})
    toc.setdefault("slugify", slugify(case="lower"))
