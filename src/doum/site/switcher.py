"""The header's language switcher and the head's hreflang links of a multilingual site: which
language has each page (partials/doum-languages.html shows them, in place of Material's own
selector)."""

from __future__ import annotations

import logging
from typing import Any

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from doum.site.languages import Languages

# Pages every language has even when no author wrote them (doum generates what is missing).
EVERY_LANGUAGE = ("index.md", "contact.md")


def for_page(page: Page | None, languages: Languages, category_locales: dict[str, set[str]],
             category: str = "") -> dict[str, Any]:
    """What the header's language switcher and the head's hreflang links show for the page:
    every language, linked to this page's translation, else to that language's home. Without
    a page (404.html): each language's home, and no hreflang links."""
    if not languages.many:
        return {"links": [], "alternates": []}
    found = alternates(page, languages, category_locales, category) if page else {}
    links = [
        {"locale": language.locale, "name": language.name,
         "url": found.get(language.locale, language.root) or "./",
         "current": language.locale == languages.current,
         "translated": language.locale in found}
        for language in languages.built
    ]
    ordered = [(language.locale, found[language.locale]) for language in languages.built
               if language.locale in found]
    if languages.default in found:
        ordered.append(("x-default", found[languages.default]))
    return {"links": links, "alternates": [{"hreflang": h, "url": u} for h, u in ordered]}


def alternates(page: Page, languages: Languages, category_locales: dict[str, set[str]],
               category: str) -> dict[str, str]:
    """The page in each language that has it: {locale: site-relative URL}, this page first.

    Authored pages: the plugin's alternates (with `fallback_to_default: false`, only real
    translations). Pages doum generates: home and contact exist in every language; a
    category page in the languages that have pages in that category."""
    if not languages.many:
        return {}
    found = {languages.current: page.url}
    own = getattr(page.file, "alternates", None)
    if own and not getattr(page.file, "doum_generated", False):  # the plugin's file
        for locale, other in own.items():
            if locale != languages.current and languages.language(locale) in languages.built:
                found[locale] = "" if other.url == "./" else other.url  # a File's root url is ./
        return found
    neutral_url = page.url[len(languages.root):] if page.url.startswith(languages.root) else page.url
    if page.file.src_uri in EVERY_LANGUAGE:
        locales = {language.locale for language in languages.built}
    else:
        locales = category_locales.get(category, set())
    for language in languages.built:
        if language.locale in locales and language.locale != languages.current:
            found[language.locale] = language.root + neutral_url
    return found


def category_locales(files: Files, languages: Languages) -> dict[str, set[str]]:
    """Category folder → the languages with at least one page in it (from the plugin's
    alternates of this build's pages)."""
    found: dict[str, set[str]] = {}
    for file in files.documentation_pages():
        parts = file.src_uri.split("/")
        if len(parts) < 2:
            continue
        locales = found.setdefault(parts[0], {languages.current})
        locales.update(getattr(file, "alternates", {}) or {})
    return found


# The plugin's warning about Material's header language selector, which doum replaces with its
# own (partials/doum-languages.html, which works with instant navigation): not this site's.
_NOT_DOUMS = "mkdocs-material language switcher contextual link"


def _not_doums(record: logging.LogRecord) -> bool:
    return _NOT_DOUMS not in str(record.msg)


def quiet_material_selector_warning() -> None:
    # The plugin's own logger, named as MkDocs (or a fork such as ProperDocs) names it.
    logger = get_plugin_logger("mkdocs_static_i18n.reconfigure").logger
    if _not_doums not in logger.filters:
        logger.addFilter(_not_doums)
