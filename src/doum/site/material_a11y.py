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

from doum.site import strings
from doum.site.deferred_scripts import defer_scripts

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
BREADCRUMBS = re.compile(r'<nav class="md-path" aria-label="[^"]*"')


def name_landmarks(html: str, config: MkDocsConfig) -> str:
    text = strings.of(config).text
    named = f'{SEARCH_DIALOG[:-1]} aria-label="{escape(text("pages.meta.search_dialog"))}">'
    html = html.replace(SEARCH_DIALOG, named, 1)
    crumbs = f'<nav class="md-path" aria-label="{escape(text("pages.meta.breadcrumbs"))}"'
    return BREADCRUMBS.sub(lambda _: crumbs, html, count=1)


# mkdocs-glightbox writes its initialiser and a <style> into every page (on_post_page). Both are
# inline code a strict CSP blocks; doum removes them after the plugin ran and leaves the options
# as JSON data, which assets/doum/shared/bootstrap.js hands to GLightbox (the rules of the
# <style> live in doum.css).
# Every pattern starts with its tag's literal text, so `re` skips straight to it; a leading
# `\s*` would make it try every position of the page (~1 ms a search on a 45 KB page).
GLIGHTBOX_STYLE = re.compile(r'<style id="glightbox-style">.*?</style>', re.S)
GLIGHTBOX_INIT = re.compile(r'<script id="init-glightbox">.*?</script>', re.S)
# Its files, which it links in every page's head: a parser-blocking script (57 KB) and a
# render-blocking stylesheet. A page with no image to enlarge leaves them out (its first paint
# waits for neither); the script's URL goes into the JSON, and bootstrap.js loads it when
# instant navigation brings a page that has images (Material adds that page's stylesheet link).
# A page with images keeps the script deferred: bootstrap.js starts the lightbox on
# DOMContentLoaded, which a deferred script always runs before, so the first paint waits only
# for the stylesheet.
GLIGHTBOX_SCRIPT = re.compile(r'<script src="([^"]*assets/javascripts/glightbox\.min\.js)"></script>')
GLIGHTBOX_SHEET = re.compile(r'<link href="[^"]*assets/stylesheets/glightbox\.min\.css" rel="stylesheet">')
LIGHTBOX_LINK = re.compile(r'<a\b[^>]*\bclass="(?:[^"]*\s)?glightbox[\s"]')


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


def static_lightbox(html: str, config: MkDocsConfig) -> str:
    """Swap mkdocs-glightbox's inline <script> and <style> for a JSON data block, leave its
    files out of a page without an image to enlarge, and defer its script where it stays."""
    if 'id="init-glightbox"' not in html:
        return html
    settings = lightbox_settings(config) or {}
    script = GLIGHTBOX_SCRIPT.search(html)
    if script:
        settings["script"] = script.group(1)
        if not LIGHTBOX_LINK.search(html):
            html = _cut(_cut(html, GLIGHTBOX_SCRIPT), GLIGHTBOX_SHEET)
        else:
            html = html[:script.start()] + str(defer_scripts(script.group(0))) + html[script.end():]
    data = json.dumps(settings, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
    html = _cut(html, GLIGHTBOX_STYLE)
    block = f'<script type="application/json" id="doum-glightbox">{data}</script>'
    return GLIGHTBOX_INIT.sub(lambda _: block, html, count=1)


def _cut(html: str, pattern: re.Pattern[str]) -> str:
    """html without pattern's first match and the whitespace just before it."""
    found = pattern.search(html)
    if found is None:
        return html
    start = found.start()
    while start and html[start - 1].isspace():
        start -= 1
    return html[:start] + html[found.end():]


def finish_page(html: str, config: MkDocsConfig) -> str:
    """Everything doum changes in a finished page, after every other plugin wrote into it."""
    return static_lightbox(name_landmarks(html, config), config)
