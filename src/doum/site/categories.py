"""Listing pages: category pages (generated when a folder has no index.md) and, when docs/ has
no index.md, a home page, so a folder of pages with only `title:` is a whole site.

A category with more than `category_page_size` questions pages: guide/, guide/page/2/, …
The generated Markdown holds only front matter; `doum-category.html` renders the listing from
the `doum_listing` context this module builds, so the listing stays out of the search index.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from doum.site import pagedata, strings
from doum.content.catalog import Catalog, Category
from doum.config import DoumConfig
from doum.site.nav import SiteNavigation, listing_src_uri


@dataclass
class Question:
    page: Page
    summary: str


@dataclass
class Listing:
    """What one category page shows: a slice of the category's questions and its pager."""

    category: Category
    number: int  # 1-based
    count: int  # category pages in all
    total: int  # questions in the category
    start: int  # 1-based number of the first question shown
    questions: list[Question]
    previous: Page | None
    next: Page | None


def page_count(category: Category, options: DoumConfig) -> int:
    return max(1, math.ceil(len(category.pages) / _page_size(options)))


def add_pages(files: Files, catalog: Catalog, options: DoumConfig, config: MkDocsConfig) -> None:
    """Add the home page if missing, category page 1 (unless the folder has index.md) and the
    further category pages a long category needs."""
    if not files.get_file_from_path("index.md"):
        home = {"title": config.site_name, "template": "doum-home.html", "hide": ["navigation", "toc"]}
        files.append(File.generated(config, "index.md", content=_front_matter(home)))
    for key, category in catalog.categories.items():
        for number in range(1, page_count(category, options) + 1):
            if number == 1 and category.has_index:
                continue
            src_uri = listing_src_uri(key, number)
            if files.get_file_from_path(src_uri):
                raise PluginError(
                    f"docs/{src_uri}: doum generates category page {number} of '{key}' here. "
                    f"Rename or move that file, or raise category_page_size in mkdocs.yml."
                )
            files.append(File.generated(config, src_uri, content=_markdown(category, number, strings.of(config))))


def listing(page: Page, navigation: object, catalog: Catalog, options: DoumConfig) -> Listing | None:
    """The listing for a category page (generated or the folder's own index.md), else None."""
    if not isinstance(navigation, SiteNavigation):
        return None
    number = navigation.listing_number.get(page.file.src_uri)
    if number is None:
        return None
    key = navigation.category_of[page.file.src_uri]
    pages = navigation.listings[key]
    size = _page_size(options)
    chunk = navigation.questions[key][(number - 1) * size:number * size]
    return Listing(
        category=catalog.categories[key],
        number=number,
        count=len(pages),
        total=len(navigation.questions[key]),
        start=(number - 1) * size + 1,
        questions=[Question(q, pagedata.summary(q, catalog)) for q in chunk],
        previous=pages[number - 2] if number > 1 else None,
        next=pages[number] if number < len(pages) else None,
    )


def _markdown(category: Category, number: int, strings: strings.Strings) -> str:
    meta: dict[str, object] = {
        "title": category.title if number == 1
        else strings.text("pages.category.page_title", title=category.title, number=number),
        "template": "doum-category.html",
    }
    if category.description:
        meta["description"] = category.description
    if category.icon:
        meta["icon"] = category.icon  # Material shows it next to the category in the navigation
    if number > 1:
        meta["search"] = {"exclude": True}  # one entry per category is enough
    return _front_matter(meta)


def _front_matter(meta: dict[str, object]) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n"


def _page_size(options: DoumConfig) -> int:
    return max(options.category_page_size, 1)
