"""Fixes to finished HTML: names for two of Material's landmarks, and no inline lightbox code.

Material's search dialog has no accessible name (aria-dialog-name), and its breadcrumbs reuse
the main navigation's label (landmark-unique). Patching the output keeps Material's partials
unforked.
"""

from __future__ import annotations

import json
import re
from typing import Any

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from doum.site import strings

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
BREADCRUMBS = re.compile(r'<nav class="md-path" aria-label="[^"]*"')


def name_landmarks(html: str, config: MkDocsConfig) -> str:
    text = strings.of(config).text
    named = f'{SEARCH_DIALOG[:-1]} aria-label="{escape(text("pages.meta.search_dialog"))}">'
    html = html.replace(SEARCH_DIALOG, named, 1)
    crumbs = f'<nav class="md-path" aria-label="{escape(text("pages.meta.breadcrumbs"))}"'
    return BREADCRUMBS.sub(lambda _: crumbs, html, count=1)


# mkdocs-glightbox writes, in its on_post_page, its files' links, a <style> and an inline
# initialiser into every page, by parsing the whole page and writing it out again (Lexbor):
# about 1 ms a page, a tenth of a large site's build. Its inline code is what a strict CSP
# blocks. So doum runs in its place (take_over_lightbox): its image links (on_page_content)
# stay its own, and doum writes what a page needs of the rest with string operations:
# - the options as a JSON block at the end of <body>, which assets/doum/shared/bootstrap.js
#   hands to GLightbox (the <style>'s rules live in doum.css);
# - on a page with an image to enlarge, its stylesheet and its script, deferred: bootstrap.js
#   starts the lightbox on DOMContentLoaded, which a deferred script always runs before, so
#   the first paint waits only for the stylesheet;
# - on a page without one, neither file (a parser-blocking 57 KB script and a render-blocking
#   stylesheet); the script's URL is in the JSON, and bootstrap.js loads it when instant
#   navigation brings a page that has images (Material adds that page's stylesheet link).
GLIGHTBOX_SCRIPT = "assets/javascripts/glightbox.min.js"
GLIGHTBOX_SHEET = "assets/stylesheets/glightbox.min.css"
LIGHTBOX_LINK = re.compile(r'<a\b[^>]*\bclass="(?:[^"]*\s)?glightbox[\s"]')


# mkdocs-glightbox links the screenshots (on_page_content) by parsing the page's content as a
# whole document, and returns it as one: <html><head></head><body>…</body></html> (0.5.3); its
# page rewrite used to mend that, as a browser does, by dropping the nested tags.
WHOLE_DOCUMENT = re.compile(r"<html><head>(.*?)</head><body>(.*)</body></html>", re.S)


def lightbox_content(html: str) -> str:
    """A page's content without the document tags mkdocs-glightbox wrapped it in (what it put
    in <head>, a leading <style> or <script>, stays first)."""
    whole = WHOLE_DOCUMENT.fullmatch(html)
    return whole.group(1) + whole.group(2) if whole else html


def take_over_lightbox(config: MkDocsConfig) -> None:
    """Take mkdocs-glightbox's on_post_page off this build's events (static_lightbox does its
    work); run from on_config, when every plugin is registered."""
    plugin = config.plugins.get("glightbox")
    if plugin is None:
        return
    events = config.plugins.events["post_page"]
    events[:] = [method for method in events if getattr(method, "__self__", None) is not plugin]


def lightbox_settings(config: MkDocsConfig) -> dict[str, Any] | None:
    """mkdocs-glightbox's options as its own initialiser would pass them (None: not in use)."""
    plugin = config.plugins.get("glightbox")
    if plugin is None:
        return None
    options = plugin.config
    return {
        "options": {
            **{key: options.get(key) for key in ("touchNavigation", "loop", "zoomable", "draggable")},
            "openEffect": options.get("effect", "zoom"),
            "closeEffect": options.get("effect", "zoom"),
            "slideEffect": options.get("slide_effect", "slide"),
        },
        "background": str(options.get("background", "white")),
        "shadow": bool(options.get("shadow", True)),
        "privacy": bool(getattr(plugin, "using_material_privacy", False)),
    }


def static_lightbox(html: str, page: Page, config: MkDocsConfig) -> str:
    """What mkdocs-glightbox's on_post_page would add to a page, without inline code: the
    options as JSON data, and its files only where there is an image to enlarge. A page with
    `glightbox: false` gets no files either, but keeps the data: instant navigation from it to
    a page with screenshots still starts the lightbox there."""
    settings = lightbox_settings(config)
    if settings is None:
        return html
    script = get_relative_url(GLIGHTBOX_SCRIPT, page.url)
    settings["script"] = script
    if page.meta.get("glightbox", True) is not False and LIGHTBOX_LINK.search(html):
        sheet = get_relative_url(GLIGHTBOX_SHEET, page.url)
        files = f'<link href="{escape(sheet)}" rel="stylesheet"><script defer src="{escape(script)}"></script>'
        html = _insert(html, html.find("</head>"), files)
    data = json.dumps(settings, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
    block = f'<script type="application/json" id="doum-glightbox">{data}</script>'
    return _insert(html, html.rfind("</body>"), block)


def _insert(html: str, at: int, text: str) -> str:
    """html with text at position `at` (a closing tag's; -1, none: at the end)."""
    return html + text if at < 0 else html[:at] + text + html[at:]


def finish_page(html: str, page: Page, config: MkDocsConfig) -> str:
    """Everything doum changes in a finished page, after every other plugin wrote into it."""
    return static_lightbox(name_landmarks(html, config), page, config)
