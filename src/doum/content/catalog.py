"""The site's pages grouped by category, read from front matter before MkDocs renders anything.

Owner: content-model helper (checks, line numbers). The data model below is shared: nav,
category pages, page data and the search index read it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from doum.content import schema as checks
from doum.content import frontmatter
from doum.config import DoumConfig
from doum.content.problems import ProblemLog
from doum.content.problems import shown
from doum.content.summary import first_paragraph


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
    source_path: str = ""  # the file as problems name it, e.g. "docs/account/reset-password.md"
    related_lines: list[int] = field(default_factory=list)  # line of each `related` entry


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
    """Read and check every page's front matter and images; duplicate titles across the site."""
    catalog = Catalog()

    site_files = {file.src_uri for file in files}
    for file in files.documentation_pages():
        key = category_key(file.src_uri)
        is_index = PurePosixPath(file.src_uri).name == "index.md"
        page = read_page(file.src_uri, file.content_string, source_path(file), site_files, problems,
                         require_title=not is_index)
        checks.check_service(page.source_path, page.service, page.lines.get("service", 1),
                             options.contact.services, problems)
        if is_index:
            if key:
                _category(catalog, key, options).has_index = True
            continue
        catalog.pages[file.src_uri] = page
        if key:
            _category(catalog, key, options).pages.append(page)
    checks.check_duplicate_titles(
        ((p.source_path, p.title, p.lines.get("title", 1)) for p in catalog.pages.values()
         if "title" in p.lines),
        problems,
    )
    for category in catalog.categories.values():
        category.pages.sort(key=page_sort_key)
    catalog.categories = dict(
        sorted(catalog.categories.items(), key=lambda kv: (kv[1].order, kv[1].title))
    )
    return catalog


def read_page(src_uri: str, text: str, path: str, site_files: checks.SiteFiles,
              problems: ProblemLog, require_title: bool = True) -> PageInfo:
    front = frontmatter.parse(text)
    values = checks.read_fields(path, front, problems)
    if require_title:
        checks.require_title(path, front, problems)
    checks.check_images(path, src_uri, text, front.body_line, site_files, problems)
    related = [checks.normal_related(target) for target in values.get("related", [])]
    related_field = front.fields.get("related")
    related_lines = (
        related_field.item_lines
        if related_field and len(related_field.item_lines) == len(related)
        else [related_field.line if related_field else 1] * len(related)
    )
    return PageInfo(
        src_uri=src_uri,
        title=values.get("title") or PurePosixPath(src_uri).stem,
        summary=values.get("summary") or first_paragraph(text, front.body_line),
        keywords=values.get("keywords", []),
        service=values.get("service"),
        platforms=values.get("platforms", []),
        related=related,
        updated=values.get("updated"),
        order=values.get("order"),
        category=category_key(src_uri),
        # Only keys whose value was read: a title line is where a duplicate title is reported.
        lines={key: front.fields[key].line for key in values},
        source_path=path,
        related_lines=related_lines,
    )


def source_path(file: File) -> str:
    """The file relative to the working directory when it is below it (what editors open)."""
    return shown(file.abs_src_path) if file.abs_src_path else file.src_uri


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


def check_links(catalog: Catalog, files: Files, problems: ProblemLog) -> None:
    """Every `related` entry names a page of the site (generated pages such as contact too)."""
    pages = sorted(file.src_uri for file in files.documentation_pages())
    for page in catalog.pages.values():
        checks.check_related(page.source_path, page.src_uri, page.related, page.related_lines,
                             pages, problems)
