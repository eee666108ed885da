"""Material's blog and tags plugins beside doum: which pages are theirs, and what they mean for
doum's catalog.

- A blog's folder (`blog_dir`, e.g. docs/blog/) is not a help category: its posts and its index
  get no category card, no FAQ box and no place in doum's category navigation; they are still
  searched, each with its summary.
- A page's tags (the tags plugin's `tags:`, or its `tags_name_property`) are searched like its
  `keywords:`.
- Material's social plugin gets each page's title and summary for its card (`card_meta`).
- The pages that only list other pages — the tags index (`<!-- material/tags -->`), the blog's
  index, archive and category pages — get a summary naming what they list, instead of text
  taken from markup that the plugins fill in later.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig

if TYPE_CHECKING:
    from doum.site.strings import Strings

SUMMARY_TITLES = 3  # titles a listing page's summary names


@dataclass
class Neighbours:
    blog_dirs: list[str] = field(default_factory=list)  # docs-relative, e.g. ["blog"]
    tag_keys: list[str] = field(default_factory=lambda: ["tags"])  # front-matter keys of tags
    tag_directives: list[str] = field(default_factory=list)  # e.g. ["material/tags"]
    blogs: list[Any] = field(default_factory=list)  # Material's BlogPlugin instances
    cards: bool = False  # Material's social plugin draws a card per page
    _views: dict[str, Any] | None = field(default=None, repr=False)

    def in_blog(self, src_uri: str) -> bool:
        path = PurePosixPath(src_uri)
        return any(d == "." or PurePosixPath(d) in path.parents for d in self.blog_dirs)

    def is_blog_index(self, src_uri: str) -> bool:
        return any(src_uri == _join(d, "index.md") for d in self.blog_dirs)

    def tags(self, meta: dict[str, Any]) -> list[str]:
        """The page's tag names (a tag written as a number is a name too)."""
        names: list[str] = []
        for key in self.tag_keys:
            value = meta.get(key)
            for item in value if isinstance(value, list) else [value] if value else []:
                if isinstance(item, (str, int, float)) and not isinstance(item, bool) and str(item).strip():
                    names.append(str(item).strip())
        return list(dict.fromkeys(names))

    def lists_tags(self, body: str) -> bool:
        """The page holds a tags listing (the tags plugin writes the list where the comment is)."""
        return any(re.search(rf"<!--\s*{re.escape(d)}\b", body) for d in self.tag_directives)

    def blog_view(self, src_uri: str) -> Any | None:
        """The blog's index, archive, category or author page (one of its numbered pages too).
        Asked once pages are rendered: the blog plugin has made its views by then."""
        if self._views is None:
            self._views = {view.file.src_uri: view for blog in self.blogs
                           for view in _views(getattr(blog, "blog", None))}
        return self._views.get(src_uri)


def find(config: MkDocsConfig) -> Neighbours:
    """The enabled blog and tags plugins of the site and what doum needs from their settings."""
    found = Neighbours(tag_keys=[], tag_directives=[])
    for plugin in plugins(config, "blog"):
        found.blogs.append(plugin)
        found.blog_dirs.append(str(PurePosixPath(plugin.config.blog_dir)))
    for plugin in plugins(config, "tags"):
        found.tag_keys.append(str(plugin.config.tags_name_property or "tags"))
        if plugin.config.listings:
            found.tag_directives.append(str(plugin.config.listings_directive))
    found.tag_keys = list(dict.fromkeys(found.tag_keys or ["tags"]))
    found.cards = any(plugin.config.cards for plugin in plugins(config, "social"))
    return found


def plugins(config: MkDocsConfig, name: str) -> Iterator[Any]:
    """The enabled instances of Material's plugin `name` (blog, tags, social)."""
    for plugin in (config.plugins or {}).values():
        module = type(plugin).__module__
        if module.startswith(f"material.plugins.{name}.") and getattr(plugin.config, "enabled", True):
            yield plugin


def listing_summary(strings: Strings, title: str, titles: Iterable[str], kind: str = "posts") -> str:
    """`공지사항: 글 3개 — A, B, C 외` — what a listing page lists (kind: posts, tags), in one line."""
    titles = [" ".join(t.split()) for t in titles if t and t.strip()]
    if not titles:
        return strings.text(f"pages.listing.empty_{kind}", title=title) if title else ""
    more = strings.text("pages.listing.more") if len(titles) > SUMMARY_TITLES else ""
    noun = strings.text(f"pages.listing.{kind}")
    lead = f"{title}: " if title and title != noun else ""
    shown = ", ".join(titles[:SUMMARY_TITLES]) + more
    return strings.text("pages.listing.summary", lead=lead, noun=noun, count=len(titles), shown=shown)


def card_meta(own: Any, title: str, description: str) -> dict[str, Any]:
    """The page's `social:` meta with the card's title and description (escaped: the social
    plugin unescapes card text before drawing it); the author's own options win."""
    social = dict(own) if isinstance(own, dict) else {}
    options = dict(social.get("cards_layout_options") or {})
    if title:
        options.setdefault("title", str(escape(title)))
    if description:
        options.setdefault("description", str(description))
    social["cards_layout_options"] = options
    return social


def _views(view: Any) -> Iterator[Any]:
    if view is None or not hasattr(view, "file"):
        return
    yield view
    for page in getattr(view, "pages", [])[1:]:  # numbered pages: pages[0] is the view itself
        yield page
    for child in getattr(view, "views", []):
        yield from _views(child)


def _join(folder: str, name: str) -> str:
    return name if folder in ("", ".") else f"{folder}/{name}"
