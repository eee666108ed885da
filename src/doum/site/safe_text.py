"""Titles as text: the Jinja filters doum's copies of Material's partials print titles with,
and JSON in pages as text that cannot close its element.

MkDocs renders themes without autoescape, and Material prints `page.title`, nav titles and the
site name as they are, so a `title: <img src=x onerror=…>` would run and an honest
`title: <PC> 버전` would vanish. A page's title is text when it comes from front matter (or
from a category or link in the navigation), but HTML with its entities kept when MkDocs took it
from the page's first `# heading` (`A &amp; B`). `doum_title` turns either into escaped HTML
once, so `<PC> 버전` and `A&B` read the same on the page as in search, never double-escaped.
"""

from __future__ import annotations

import html
from typing import Any

from jinja2 import Environment
from markupsafe import Markup, escape
from mkdocs.structure.pages import Page


def title_text(item: Any) -> str:
    """The plain text of a page's, section's or link's title ("" when it has none)."""
    if item is None:
        return ""
    if isinstance(item, Page):
        meta = item.meta or {}
        if meta.get("title") not in (None, ""):
            return str(meta["title"])
        title = item.title or ""
        # A title MkDocs took from the rendered `# heading` keeps its entities (tags stripped).
        return html.unescape(title) if item._title_from_render == title else title
    if isinstance(item, Markup):
        return item.unescape()
    if isinstance(item, str):  # a bare string, not an object with a title (str.title is a method)
        return item
    return str(getattr(item, "title", item) or "")


def title_html(item: Any, default: Any = "") -> Markup:
    """`title_text(item)` escaped for HTML text and attributes; `default` when it is empty."""
    return escape(title_text(item) or title_text(default))


def text_html(value: Any) -> Markup:
    """Any config or front-matter value as escaped text (Markup passes through unchanged)."""
    return escape("" if value is None else value)


def add_filters(env: Environment) -> None:
    env.filters["doum_title"] = title_html
    env.filters["doum_text"] = text_html
    # `tojson` writes Hangul as UTF-8 (3 bytes a syllable) instead of \uXXXX escapes (6), and
    # no space after , and : — the site data every page carries is ~9 KB smaller. It still
    # escapes <, >, & and ', which is what keeps a value from closing its <script> element.
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False,
                                         "separators": (",", ":")}


def describe(page: Page, summary: str) -> None:
    """Give Material's `<meta name="description">` an escaped value: the page's own
    `description:`, else its one-line answer. Markup, so templates print it once."""
    own = (page.meta or {}).get("description")
    text = own if own not in (None, "") else summary
    if text and not isinstance(text, Markup):
        page.meta["description"] = escape(str(text).strip())
