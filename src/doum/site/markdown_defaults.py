"""Markdown settings every doum site needs, applied when the site did not choose its own."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from pymdownx.slugs import slugify

from doum.site import strings as ui_strings


def keep_hangul_anchors(config: MkDocsConfig) -> None:
    """Python-Markdown's default slugify drops Hangul (#비밀번호-재설정 would become #_1)."""
    toc = config.mdx_configs.setdefault("toc", {})
    toc.setdefault("slugify", slugify(case="lower"))


def name_permalinks(config: MkDocsConfig, words: ui_strings.Strings) -> None:
    """The heading permalinks' title in the build's language, unless the site wrote its own.

    Called once per language build (mkdocs-static-i18n builds each with the same config): a
    title doum set for another language is replaced, a site's own is kept."""
    toc = config.mdx_configs.setdefault("toc", {})
    ours = {ui_strings.load(language).text("pages.common.permalink_title") for language in ui_strings.SUPPORTED}
    if toc.get("permalink_title") in (None, *ours):
        toc["permalink_title"] = words.text("pages.common.permalink_title")
