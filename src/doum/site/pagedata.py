"""Per-page data: what templates and browser code know about the page being rendered.

`build` returns `doum_page`: main.html embeds it as JSON (#doum-page) for the launcher and the
contact form, and doum's partials render the FAQPage JSON-LD, the related questions and the
"still not solved?" box from it. It also sets the meta description Material emits.
"""

from __future__ import annotations

import html
from typing import Any

from mkdocs.structure.pages import Page

from doum.content.catalog import Catalog, summary_of
from doum.config import DoumConfig
from doum.site.contact import CONTACT_TEMPLATE
from doum.site.nav import SiteNavigation
from doum.site.safe_text import title_text
from doum.site.sitedata import prefill_query

RELATED_LIMIT = 5


def build(page: Page, navigation: object, catalog: Catalog, options: DoumConfig) -> dict[str, Any]:
    src_uri = page.file.src_uri
    info = catalog.pages.get(src_uri)
    site = navigation if isinstance(navigation, SiteNavigation) else None
    key = (site.category_of.get(src_uri) if site else None) or (info.category if info else "")
    category = catalog.categories.get(key)
    is_faq = bool(info and info.category) and not page.is_index
    text = summary(page, catalog)
    if text and not page.meta.get("description"):
        # Material's base.html writes it into <meta name=description content="…"> unescaped.
        page.meta["description"] = html.escape(text)
    service = (info.service if info else None) or (category.service if category else None) or ""
    inquiry_type = (category.type if category else None) or ""
    data: dict[str, Any] = {
        "title": title_text(page),
        "url": page.url,
        "category": key,
        "category_title": category.title if category else "",
        "service": service,
        "type": inquiry_type,
        "summary": text,
        "is_faq": is_faq,
        "language": catalog.languages.current if catalog.languages else "",
    }
    if page.meta.get("template") == CONTACT_TEMPLATE:
        # The form's words: only its page's code reads them (sitedata carries the shared ones).
        data["strings"] = catalog.strings.browser("contact")
    if is_faq:
        # The no-JavaScript contact links of the page end (feedback, "still not solved?").
        data["contact_query"] = prefill_query(service=service, type=inquiry_type, from_=page.url)
        data["related"] = _related(page, info.related if info else [], site)
        updated = info.updated if info else None
        data["updated"] = updated.isoformat() if updated else ""
        # `platforms:` values (android, ios, pc): partials/doum-page-facts.html names them.
        data["platforms"] = list(info.platforms if info else [])
    return data


def summary(page: Page, catalog: Catalog) -> str:
    """The page's one-line answer: its `summary:`, which the catalog already falls back to the
    first paragraph for (a blog listing page: what it lists). Pages doum generates (home,
    category pages) keep the site description."""
    return summary_of(catalog, page.file.src_uri)


def _related(page: Page, related: list[str], site: SiteNavigation | None) -> list[dict[str, str]]:
    """The page's `related:` pages, else its neighbours in the category."""
    if site is None:
        return []
    chosen = [site.by_src_uri[uri] for uri in related if uri in site.by_src_uri]
    if not chosen and page.file.src_uri in site.position:
        key, number = site.position[page.file.src_uri]
        questions = site.questions[key]
        start = max(0, min(number - RELATED_LIMIT // 2, len(questions) - RELATED_LIMIT - 1))
        chosen = questions[start:start + RELATED_LIMIT + 1]
    return [
        {"title": title_text(other), "url": other.url}
        for other in chosen if other is not page
    ][:RELATED_LIMIT]

