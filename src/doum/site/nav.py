"""Navigation derived from folders and `order`, and the bounded view of it each page renders.

Stock Material renders the whole navigation into every page, so each page's HTML grows with
the site and a build does quadratic work. doum's site navigation lists Home, each category's
page and the top-level pages; every page then renders a local copy in which its own category
opens into a section listing at most `nav_window` questions around the page, plus a link to
the full category page. Lookups a page needs (its category, its position) are precomputed
once here, so rendering a page never scans the site.
"""

from __future__ import annotations

from mkdocs.structure import StructureItem
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from doum.content.catalog import Catalog, Category, category_key, page_sort_key
from doum.config import DoumConfig
from doum.site.strings import Strings


class CategorySection(Section):
    """One category: closed, its category page stands for it in the navigation; opened (on its
    own pages) it lists questions. Home cards read `category`, `index` and `count`."""

    def __init__(self, category: Category, index: Page | None, children: list[StructureItem]) -> None:
        super().__init__(category.title, children)
        self.category = category
        self.index = index
        self.count = len(category.pages)


class SiteNavigation(Navigation):
    """The site-wide navigation plus the lookup tables per-page rendering needs."""

    def __init__(
        self,
        items: list[StructureItem],
        pages: list[Page],
        sections: dict[str, CategorySection],
        questions: dict[str, list[Page]],
        listings: dict[str, list[Page]],
        by_src_uri: dict[str, Page],
        strings: Strings,
    ) -> None:
        super().__init__(items, pages)
        self.strings = strings  # the build's language, for the labels each page's copy adds
        self.sections = sections
        self.questions = questions  # category key → its question pages in navigation order
        self.listings = listings  # category key → its category pages: index, page/2, …
        self.by_src_uri = by_src_uri  # every documentation page, in or out of the navigation
        self.position: dict[str, tuple[str, int]] = {}  # question src_uri → (category, index)
        self.category_of: dict[str, str] = {}  # any page of a category → its key
        for key, pages_ in questions.items():
            for number, page in enumerate(pages_):
                self.position[page.file.src_uri] = (key, number)
                self.category_of[page.file.src_uri] = key
        self.listing_number: dict[str, int] = {}  # category page src_uri → 1-based number
        for key, pages_ in listings.items():
            for number, page in enumerate(pages_, start=1):
                self.category_of[page.file.src_uri] = key
                self.listing_number[page.file.src_uri] = number


class LocalNavigation(Navigation):
    """One page's navigation: built from a handful of items, so it skips the homepage scan."""

    def __init__(
        self, items: list[StructureItem], homepage: Page | None, sections: dict[str, CategorySection]
    ) -> None:
        super().__init__(items, [])
        self.homepage = homepage
        self.sections = sections


def listing_src_uri(key: str, number: int) -> str:
    """Where category page `number` (1-based) of category `key` lives in the docs tree."""
    return f"{key}/index.md" if number == 1 else f"{key}/page/{number}.md"


def build(catalog: Catalog, files: Files, strings: Strings) -> SiteNavigation:
    """Replace MkDocs' folder-name navigation with doum's: Home, categories, other pages."""
    pages_by_uri = {file.src_uri: file.page for file in files.documentation_pages() if file.page}
    for page in pages_by_uri.values():
        # MkDocs linked pages into its own navigation; doum links them per page (see local).
        page.parent = page.previous_page = page.next_page = None

    homepage = pages_by_uri.get("index.md")
    # Material titles the sidebar with the site name; the home page's own title (usually the
    # same name) would repeat it right below, so the entry reads 홈 (Home).
    items: list[StructureItem] = [Link(strings.text("pages.nav.home"), homepage.url)] if homepage else []
    order: list[Page] = [homepage] if homepage else []  # reading order for the prev/next footer
    sections: dict[str, CategorySection] = {}
    questions: dict[str, list[Page]] = {}
    listings: dict[str, list[Page]] = {}
    for key, category in catalog.categories.items():
        listings[key] = _listing_pages(key, pages_by_uri)
        index = listings[key][0] if listings[key] else None
        questions[key] = [pages_by_uri[p.src_uri] for p in category.pages if p.src_uri in pages_by_uri]
        sections[key] = CategorySection(category, index, [index] if index else [])
        # Closed, a category is a link to its page: a one-page section would be an unnamed,
        # empty <nav> landmark in Material's markup.
        items.extend([index] if index else [])
        order.extend(([index] if index else []) + questions[key])

    placed = {page.file.src_uri for pages_ in (order, *listings.values()) for page in pages_}
    others = [
        page for uri, page in pages_by_uri.items()
        # A blog's index is a page of its own (its posts are listed on it, not here).
        if uri not in placed and (not category_key(uri) or catalog.neighbours.is_blog_index(uri))
    ]
    others.sort(key=lambda page: _top_level_sort_key(page, catalog))
    items.extend(others)
    order.extend(others)

    for before, page, after in zip([None, *order[:-1]], order, [*order[1:], None]):
        page.previous_page, page.next_page = before, after
    navigation = SiteNavigation(items, order, sections, questions, listings, pages_by_uri, strings)
    # A further language's home (en/) is not MkDocs' homepage by URL; it is this build's.
    navigation.homepage = homepage
    return navigation


def local(navigation: Navigation, page: Page, options: DoumConfig) -> Navigation:
    """The navigation `page` renders: its own category opened around it, others closed."""
    if not isinstance(navigation, SiteNavigation):
        return navigation
    key = navigation.category_of.get(page.file.src_uri)
    section = navigation.sections.get(key or "")
    items = [
        _open_section(navigation, section, page, options) if section and item is section.index else item
        for item in navigation.items
    ]
    return LocalNavigation(items, navigation.homepage, navigation.sections)


def window(pages: list[Page], center: int, size: int) -> list[Page]:
    """At most `size` consecutive pages, `center` as near the middle as the ends allow."""
    if len(pages) <= size:
        return pages
    start = min(max(center - size // 2, 0), len(pages) - size)
    return pages[start:start + max(size, 0)]


def _open_section(
    navigation: SiteNavigation, section: CategorySection, page: Page, options: DoumConfig
) -> CategorySection:
    """A fresh copy of the page's category section listing a window of its questions."""
    key = section.category.key
    questions = navigation.questions[key]
    shown = window(questions, _center(navigation, page, options), options.nav_window)
    children: list[StructureItem] = [section.index] if section.index else []
    children.extend(shown)
    if len(shown) < len(questions) and section.index:
        label = navigation.strings.text("pages.nav.all_questions", count=len(questions))
        children.append(Link(label, section.index.url))
    opened = CategorySection(section.category, section.index, children)
    # Point only the current page at the copy, so MkDocs' `page.active = False` after
    # rendering clears the copy and leaves the shared sections untouched.
    page.parent = opened
    opened.active = page.active
    return opened


def _center(navigation: SiteNavigation, page: Page, options: DoumConfig) -> int:
    """Where the page sits among its category's questions (a category page: its first one)."""
    position = navigation.position.get(page.file.src_uri)
    if position:
        return position[1]
    number = navigation.listing_number.get(page.file.src_uri, 1)
    return (number - 1) * max(options.category_page_size, 1)


def _listing_pages(key: str, pages_by_uri: dict[str, Page]) -> list[Page]:
    listing: list[Page] = []
    while page := pages_by_uri.get(listing_src_uri(key, len(listing) + 1)):
        listing.append(page)
    return listing


def _top_level_sort_key(page: Page, catalog: Catalog) -> tuple[object, ...]:
    info = catalog.pages.get(page.file.src_uri)
    if info:
        return (0, page_sort_key(info))
    return (1, page.file.src_uri)  # generated pages (e.g. contact/) after authored ones
