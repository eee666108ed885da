"""The site's pages grouped by category, read from front matter before MkDocs renders anything.

This is doum's only parse of a page's front matter: the plugin hands `PageInfo.meta` to MkDocs
as `page.meta`. Nav, category pages, page data and the search index read the records below.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from markupsafe import Markup, escape

from doum.config import DoumConfig
from doum.content import frontmatter, neighbours, references, schema
from doum.content.markdown_source import Prose, prose
from doum.content.problems import ProblemLog, shown
from doum.content.references import Slugify
from doum.content.summary import first_paragraph_of
from doum.site import strings as ui_strings
from doum.site.languages import Languages, normal_target, translated_elsewhere
from doum.site.strings import Strings


@dataclass
class PageInfo:
    """One page: a field per key of schema.PAGE_KEYS (a test keeps them in step), and what the
    catalog derives from the file."""

    src_uri: str  # "account/reset-password.md"
    title: str
    summary: str = ""
    keywords: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    service: str | None = None
    platforms: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)  # src_uris, docs-relative
    updated: datetime.date | None = None
    order: int | None = None
    source: str | None = None
    category: str = ""  # folder key; "" for top-level pages
    lines: dict[str, int] = field(default_factory=dict)  # front-matter key → line in the file
    source_path: str = ""  # the file as problems name it, e.g. "docs/account/reset-password.md"
    related_lines: list[int] = field(default_factory=list)  # line of each `related` entry
    meta: dict[str, Any] = field(default_factory=dict)  # every front-matter value, for page.meta
    body_line: int = 1  # first line of the Markdown body (after front matter)
    anchors: set[str] = field(default_factory=set)  # heading ids, for links to `page.md#id`
    # A tags listing or the blog's index: its body is other pages' titles and excerpts, so
    # search knows it by its title and summary only and never ranks it above those pages.
    lists_pages: bool = False


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
    pages: dict[str, PageInfo] = field(default_factory=dict)  # question pages
    categories: dict[str, Category] = field(default_factory=dict)  # in navigation order
    # Every Markdown page read (index pages too): front matter for page.meta, anchors for links.
    every_page: dict[str, PageInfo] = field(default_factory=dict)
    # Each page's prose lines, kept until check_references has read their links.
    bodies: dict[str, Prose] = field(default_factory=dict, repr=False)
    # Pages that could not be decoded: MkDocs would stop on them with a bare traceback.
    unreadable: list[str] = field(default_factory=list)
    # Material's blog and tags plugins beside doum, and the summaries of the blog's listing pages.
    neighbours: neighbours.Neighbours = field(default_factory=neighbours.Neighbours)
    listing_summaries: dict[str, str] = field(default_factory=dict)
    languages: Languages | None = None  # the build's language (None: `doum check`, one language)
    # The build language's words, for the listing summaries.
    strings: Strings = field(default_factory=lambda: ui_strings.load(ui_strings.REFERENCE))


def category_key(src_uri: str) -> str:
    parts = PurePosixPath(src_uri).parts
    return parts[0] if len(parts) > 1 else ""


def page_sort_key(page: PageInfo) -> tuple[Any, ...]:
    return (page.order is None, page.order or 0, page.title)


def load(files: Files, options: DoumConfig, config: MkDocsConfig, problems: ProblemLog,
         site_languages: Languages | None = None) -> Catalog:
    """Read and check every page's front matter and images; duplicate titles across the site.

    site_languages: the language being built (a multilingual site's build sees one language's
    pages, keyed by their language-neutral paths: see site/languages.py)."""
    catalog = Catalog(neighbours=neighbours.find(config), languages=site_languages,
                      strings=ui_strings.of(config))
    beside = catalog.neighbours
    tag_pages: list[PageInfo] = []

    site_files = {file.src_uri for file in files}
    slugify = _slugify(config)
    for file in files.documentation_pages():
        in_blog = beside.in_blog(file.src_uri)
        key = "" if in_blog else category_key(file.src_uri)
        is_index = PurePosixPath(file.src_uri).name == "index.md" and not beside.is_blog_index(file.src_uri)
        text = read_text(file, problems)
        if text is None:
            catalog.unreadable.append(file.src_uri)
            continue
        page, catalog.bodies[file.src_uri] = read_page(file.src_uri, text, source_path(file), site_files,
                                               problems, slugify, require_title=not is_index,
                                               site_keys=tuple(beside.tag_keys))
        catalog.every_page[file.src_uri] = page
        page.category = key  # a blog's posts and index belong to no help category
        if site_languages is not None and site_languages.many:
            # `related: [account/x.en.md]` means this language's account/x.md, as does `account/x.md`.
            page.related = [normal_target(target, site_languages) for target in page.related]
        # Tags are what the page is about, in the words the site uses: searched as keywords.
        page.keywords = list(dict.fromkeys([*page.keywords, *beside.tags(page.meta)]))
        page.lists_pages = beside.lists_tags(text) or beside.is_blog_index(file.src_uri)
        if beside.lists_tags(text) and "summary" not in page.lines and not page.summary:
            tag_pages.append(page)
        schema.check_service(page.source_path, page.service, page.lines.get("service", 1),
                             options.contact.services, problems)
        if is_index:
            if key:
                _category(catalog, key, options).has_index = True
            continue
        catalog.pages[file.src_uri] = page
        if key:
            _category(catalog, key, options).pages.append(page)
    check_duplicate_titles(
        ((p.source_path, p.title, p.lines.get("title", 1)) for p in catalog.pages.values()
         if "title" in p.lines),
        problems,
    )

    tags = [tag for page in catalog.every_page.values() for tag in beside.tags(page.meta)]
    for page in tag_pages:  # its text is filled in by the tags plugin after doum has read it
        page.summary = neighbours.listing_summary(catalog.strings, page.title, dict.fromkeys(tags), "tags")

    for category in catalog.categories.values():
        category.pages.sort(key=page_sort_key)
    catalog.categories = dict(
        sorted(catalog.categories.items(), key=lambda kv: (kv[1].order, kv[1].title))
    )
    return catalog


def read_text(file: File, problems: ProblemLog) -> str | None:
    """The page's text; a file that is not UTF-8 is reported by name instead of crashing."""
    try:
        return file.content_string
    except UnicodeDecodeError as error:
        line = file.content_bytes[: error.start].count(b"\n") + 1
        problems.error(source_path(file), line, "저장 형식이 UTF-8이 아니에요 (the file is not UTF-8)",
                       "편집기에서 UTF-8로 다시 저장하세요 (save it again as UTF-8 in your editor)")
        return None


def read_page(src_uri: str, text: str, path: str, site_files: references.SiteFiles,
              problems: ProblemLog, slugify: Slugify, require_title: bool = True,
              site_keys: tuple[str, ...] = ()) -> tuple[PageInfo, Prose]:
    """The page's record and its body's prose lines (read once, for every check)."""
    front = frontmatter.parse(text)
    lines = prose(text, front.body_line)
    values = schema.read_fields(path, front, problems, site_keys)
    heading = None if "title" in front.fields else schema.heading_title(lines)
    if require_title:
        schema.require_title(path, front, heading is not None, problems)
    references.check_images(path, src_uri, lines, site_files, problems)
    if heading:
        values["title"] = heading[0]
    related = [references.normal_related(target) for target in values.get("related", [])]
    related_field = front.fields.get("related")
    related_lines = (
        related_field.item_lines
        if related_field and len(related_field.item_lines) == len(related)
        else [related_field.line if related_field else 1] * len(related)
    )
    record = {key.name: values[key.name] for key in schema.PAGE_KEYS if key.name in values}
    record.update(
        title=values.get("title") or PurePosixPath(src_uri).stem,
        summary=values.get("summary") or first_paragraph_of(lines),
        related=related,
    )
    field_lines = {key: front.fields[key].line for key in values if key in front.fields}
    if heading:
        field_lines["title"] = heading[1]
    return PageInfo(
        src_uri=src_uri,
        **record,
        category=category_key(src_uri),
        # Only keys whose value was read: a title line is where a duplicate title is reported.
        lines=field_lines,
        source_path=path,
        related_lines=related_lines,
        meta={key: field.value for key, field in front.fields.items() if not field.error},
        body_line=front.body_line,
        anchors=references.heading_ids(lines, slugify),
    ), lines


def source_path(file: File) -> str:
    """The file relative to the working directory when it is below it (what editors open)."""
    return shown(file.abs_src_path) if file.abs_src_path else file.src_uri


def _category(catalog: Catalog, key: str, options: DoumConfig) -> Category:
    if key not in catalog.categories:
        settings = options.categories.get(key)
        language = catalog.languages
        translated = (settings.translations.get(language.current)
                      if settings and language and not language.is_default else None)
        catalog.categories[key] = Category(
            key=key,
            title=(translated and translated.title) or (settings and settings.title) or key,
            icon=settings and settings.icon,
            order=settings.order if settings else 100,
            description=(translated.description if translated and translated.description is not None
                         else settings.description if settings else ""),
            service=settings and settings.service,
            type=settings and settings.type,
        )
    return catalog.categories[key]


def check_references(catalog: Catalog, files: Files, problems: ProblemLog,
                     docs_dir: str = "") -> None:
    """Body links (and their anchors) and `related` entries, once every page exists: generated
    ones such as contact and category pages too."""
    site_files = {file.src_uri for file in files}
    pages = sorted(file.src_uri for file in files.documentation_pages())
    anchors = _anchors(catalog)
    for src_uri, lines in catalog.bodies.items():
        page = catalog.every_page[src_uri]
        references.check_links(page.source_path, src_uri, lines, site_files, anchors, problems)
    for page in catalog.pages.values():
        if catalog.languages is not None and not catalog.languages.is_default:
            # A page not translated yet: its related pages in this language are the ones there.
            kept = [(target, line) for target, line in zip(page.related, page.related_lines)
                    if target in pages or not translated_elsewhere(target, docs_dir, catalog.languages)]
            page.related = [target for target, _ in kept]
            page.related_lines = [line for _, line in kept]
        references.check_related(page.source_path, page.src_uri, page.related, page.related_lines,
                                 pages, problems)
    catalog.bodies.clear()


def check_duplicate_titles(pages: Iterable[tuple[str, str, int]], problems: ProblemLog) -> None:
    """pages: (display path, title, line of the title). Each duplicate names the others."""
    by_title: dict[str, list[tuple[str, int]]] = {}
    for path, title, line in pages:
        by_title.setdefault(" ".join(title.split()), []).append((path, line))
    for title, places in by_title.items():
        for path, line in places:
            others = ", ".join(other for other, _ in places if other != path)
            if others:
                problems.error(
                    path, line, f"the title {title!r} is also the title of {others}",
                    "give each page its own question so customers can tell them apart "
                    "in search results",
                )


def _anchors(catalog: Catalog) -> Callable[[str], set[str] | None]:
    def anchors(src_uri: str) -> set[str] | None:
        page = catalog.every_page.get(src_uri)
        return page.anchors if page else None
    return anchors


def _slugify(config: MkDocsConfig) -> Slugify:
    """The heading-id function the site's Markdown uses (doum sets a Hangul-keeping default)."""
    toc = config.mdx_configs.get("toc", {})
    if callable(toc.get("slugify")):
        return toc["slugify"]
    from markdown.extensions.toc import slugify_unicode
    return slugify_unicode


def body_source(catalog: Catalog, file: File) -> str | None:
    """The page's Markdown without its front matter, for MkDocs to render (None: MkDocs reads the
    file itself, as for generated pages). The blank first line keeps MkDocs from reading the
    body's first `key: value` line as front matter again."""
    page = catalog.every_page.get(file.src_uri)
    if page is None:
        return None
    lines = file.content_string.split("\n")
    return "\n" + "\n".join(lines[page.body_line - 1:])


def page_meta(catalog: Catalog, src_uri: str, parsed: dict[str, Any]) -> dict[str, Any]:
    """page.meta from doum's parse of the front matter (MkDocs saw only the body), with the
    page's description set already: the plugins that read page.meta while the page is rendered
    (Material's social cards) get the page's one-line answer, not the site's description."""
    page = catalog.every_page.get(src_uri)
    meta = dict(page.meta) if page else dict(parsed)
    view = catalog.neighbours.blog_view(src_uri)
    if view is not None:  # the blog's index, archive and category pages list posts
        own = page.summary if page else ""  # its `summary:` or an introduction of its own
        text = own or neighbours.listing_summary(
            catalog.strings,
            page.title if page else str(view.name or meta.get("title") or ""),
            (catalog.every_page[post.file.src_uri].title for post in view.posts
             if post.file.src_uri in catalog.every_page),
        )
        catalog.listing_summaries[src_uri] = text
        if page is not None:
            page.summary = text  # the blog index's search document shows it too
    title = page.title if page else str(meta.get("title") or getattr(view, "name", "") or "")
    text = summary_of(catalog, src_uri)
    description = meta.get("description")
    if description in (None, "") and text:
        meta["description"] = escape(text)  # Material prints it as it is: escaped once, here
    elif description not in (None, "") and not isinstance(description, Markup):
        meta["description"] = escape(str(description).strip())
    if catalog.neighbours.cards:
        meta["social"] = neighbours.card_meta(meta.get("social"), title, str(meta.get("description") or ""))
    return meta


def summary_of(catalog: Catalog, src_uri: str) -> str:
    """The one-line answer of a question page or the summary of a blog listing page ("" for
    pages doum generates, which keep the site description)."""
    page = catalog.pages.get(src_uri)
    if page is not None:
        return page.summary.strip()
    return catalog.listing_summaries.get(src_uri, "").strip()
