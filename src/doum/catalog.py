"""The site's pages grouped by category, read from front matter before MkDocs renders anything.

Owner: content-model helper (checks, line numbers). The data model below is shared: nav,
category pages, page data and the search index read it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from doum.config import DoumConfig
from doum.problems import ProblemLog


@dataclass
class PageInfo:
    src_uri: str  # "account/reset-password.md"
    title: str
    summary: str = ""
    keywords: list[str] = field(default_factory=list)
    service: str | None = None
    platforms: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)  # src_uris, docs-relative
    updated: datetime.date | None = None
    order: int | None = None
    category: str = ""  # folder key; "" for top-level pages
    lines: dict[str, int] = field(default_factory=dict)  # front-matter key → line in the file


@dataclass
class Category:
    key: str
    title: str
    icon: str | None = None
    order: int = 100
    description: str = ""
    service: str | None = None
    type: str | None = None
    has_index: bool = False  # the folder has its own index.md
    pages: list[PageInfo] = field(default_factory=list)  # in navigation order


@dataclass
class Catalog:
    pages: dict[str, PageInfo] = field(default_factory=dict)
    categories: dict[str, Category] = field(default_factory=dict)  # in navigation order

    def category_of(self, src_uri: str) -> Category | None:
        page = self.pages.get(src_uri)
        return self.categories.get(page.category) if page else None


def category_key(src_uri: str) -> str:
    parts = PurePosixPath(src_uri).parts
    return parts[0] if len(parts) > 1 else ""


def page_sort_key(page: PageInfo) -> tuple[Any, ...]:
    return (page.order is None, page.order or 0, page.title)


def load(files: Files, options: DoumConfig, config: MkDocsConfig, problems: ProblemLog) -> Catalog:
    catalog = Catalog()
    for file in files.documentation_pages():
        text = file.content_string
        meta = _front_matter(text)
        key = category_key(file.src_uri)
        if PurePosixPath(file.src_uri).name == "index.md":
            if key:
                _category(catalog, key, options).has_index = True
            continue
        page = PageInfo(
            src_uri=file.src_uri,
            title=str(meta.get("title", PurePosixPath(file.src_uri).stem)),
            summary=str(meta.get("summary", "")),
            keywords=list(meta.get("keywords", []) or []),
            service=meta.get("service"),
            platforms=list(meta.get("platforms", []) or []),
            related=list(meta.get("related", []) or []),
            updated=meta.get("updated"),
            order=meta.get("order"),
            category=key,
        )
        catalog.pages[file.src_uri] = page
        if key:
            _category(catalog, key, options).pages.append(page)
    for category in catalog.categories.values():
        category.pages.sort(key=page_sort_key)
    catalog.categories = dict(
        sorted(catalog.categories.items(), key=lambda kv: (kv[1].order, kv[1].title))
    )
    return catalog


def _category(catalog: Catalog, key: str, options: DoumConfig) -> Category:
    if key not in catalog.categories:
        settings = options.categories.get(key)
        catalog.categories[key] = Category(
            key=key,
            title=(settings and settings.title) or key,
            icon=settings and settings.icon,
            order=settings.order if settings else 100,
            description=settings.description if settings else "",
            service=settings and settings.service,
            type=settings and settings.type,
        )
    return catalog.categories[key]


def _front_matter(text: str) -> dict[str, Any]:
    if not text.startswith("---"):
        return {}
    head, sep, _ = text[3:].partition("\n---")
    data = yaml.safe_load(head) if sep else None
    return data if isinstance(data, dict) else {}


def check_links(catalog: Catalog, files: Files, problems: ProblemLog) -> None:
    pass
