"""Pages of an already-built static site, read from its HTML: any generator's output.

For every HTML file under the site folder: the title (the `--title-selector` element, else
the first <h1>, else <title>), the content element (`--content-selector`, else <article>,
<main>, [role=main] or <body>) without navigation, forms and scripts, and what the page
says about itself in <meta>: description (the summary results show, unless several pages
share it, as a site-wide default is) and keywords. A page that doum built itself carries
#doum-page: only its FAQ pages are indexed, as the plugin does.
"""

from __future__ import annotations

import fnmatch
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import soupsieve
from bs4 import BeautifulSoup

DEFAULT_CONTENT = ("article", "main", "[role=main]", "body")
# Never page text: chrome, forms, scripts, permalink signs, and doum's own page end
# (related questions, feedback, "해결되지 않았나요?") on sites doum built.
DEFAULT_IGNORE = (
    "script, style, template, noscript, svg, nav, header, footer, aside, form, button, "
    "[hidden], .headerlink, .md-source-file, .md-content__button, "
    ".doum-related, .doum-still, .doum-feedback, .doum-chat"
)
# Not help pages: the home page (a list of links to every page), the error page, doum's output.
DEFAULT_EXCLUDE = ("index.html", "404.html", "assets/*", "search/*")


@dataclass
class SitePage:
    path: str  # "account/reset-password/index.html"
    location: str  # "account/reset-password/" — the URL, relative to the site root
    title: str
    html: str  # the content element, cleaned
    description: str = ""
    keywords: list[str] = field(default_factory=list)
    category: str = ""  # on doum-built sites: the category's title


@dataclass
class Skipped:
    path: str
    reason: str


def location_of(path: str) -> str:
    """`a/b/index.html` → `a/b/`, `index.html` → `` (the root), `a/b.html` stays."""
    if path == "index.html":
        return ""
    if path.endswith("/index.html"):
        return path[: -len("index.html")]
    return path


def read_site(site_dir: Path, title_selector: str | None = None,
              content_selector: str | None = None, exclude: list[str] = (),
              ignore_selector: str | None = None) -> tuple[list[SitePage], list[Skipped]]:
    for option, selector in (("--title-selector", title_selector),
                             ("--content-selector", content_selector),
                             ("--ignore-selector", ignore_selector)):
        if selector:
            try:
                soupsieve.compile(selector)
            except soupsieve.SelectorSyntaxError as error:
                message = str(error).splitlines()[0]
                raise ValueError(f"{option} {selector!r} is not a CSS selector: {message}") from None
    pages: list[SitePage] = []
    skipped: list[Skipped] = []
    patterns = [*DEFAULT_EXCLUDE, *exclude]
    language = _language(site_dir / "index.html")
    for file in sorted(site_dir.rglob("*.html")):
        path = file.relative_to(site_dir).as_posix()
        if any(fnmatch.fnmatch(path, pattern) for pattern in patterns):
            continue
        page = read_page(file, path, title_selector, content_selector, ignore_selector, language)
        if isinstance(page, Skipped):
            skipped.append(page)
        else:
            pages.append(page)
    _drop_shared_descriptions(pages)
    return pages, skipped


def read_page(file: Path, path: str, title_selector: str | None, content_selector: str | None,
              ignore_selector: str | None, language: str = "") -> SitePage | Skipped:
    try:
        soup = BeautifulSoup(file.read_bytes(), "html.parser")
    except Exception as error:  # an unreadable file must not stop the others
        return Skipped(path, f"cannot be read: {error}")
    own = str(soup.html.get("lang") or "") if soup.html else ""
    if language and own and own != language:  # a translation's folder (en/ of a Korean site)
        return Skipped(path, f"another language ({own}): index its folder as a site of its own")
    if soup.select_one('meta[http-equiv="refresh" i]'):
        return Skipped(path, "a redirect page")
    if _meta(soup, "generator") == "doum index":
        return Skipped(path, "written by doum index (the contact page)")
    robots = _meta(soup, "robots").lower()
    if "noindex" in robots:
        return Skipped(path, "marked noindex")
    doum_page = _doum_page(soup)
    if doum_page is not None and not doum_page.get("is_faq"):
        return Skipped(path, "not a question page (doum's page data says so)")
    title_element = _first(soup, [title_selector] if title_selector else ["h1"])
    title = _text(title_element) if title_element else ""
    if not title and not title_selector and soup.title:
        title = _text(soup.title)
    if not title:
        return Skipped(path, f"no title ({title_selector or 'h1, <title>'} not found)")
    content = _first(soup, [content_selector] if content_selector else list(DEFAULT_CONTENT))
    if content is None:
        return Skipped(path, f"no content ({content_selector} not found)")
    for element in content.select(ignore_selector or DEFAULT_IGNORE):
        element.decompose()
    if title_element is not None and title_element in content.descendants:
        title_element.decompose()  # the title is its own field, as in the plugin's index
    keywords = [word.strip() for word in _meta(soup, "keywords").replace("，", ",").split(",")]
    return SitePage(
        path=path,
        location=location_of(path),
        title=title,
        html=content.decode_contents(),
        description=_meta(soup, "description"),
        keywords=[word for word in keywords if word],
        category=str((doum_page or {}).get("category_title") or ""),
    )


def _language(home: Path) -> str:
    """The site's language: its home page's <html lang> ("" when unknown)."""
    try:
        soup = BeautifulSoup(home.read_bytes(), "html.parser")
    except OSError:
        return ""
    return str(soup.html.get("lang") or "") if soup.html else ""


def _first(soup: BeautifulSoup, selectors: list[str]):
    for selector in selectors:
        found = soup.select_one(selector)
        if found is not None:
            return found
    return None


def _text(element) -> str:
    return " ".join(element.get_text(" ").split())


def _meta(soup: BeautifulSoup, name: str) -> str:
    for element in soup.find_all("meta"):
        if str(element.get("name", "")).lower() == name:
            return " ".join(str(element.get("content", "")).split())
    return ""


def _doum_page(soup: BeautifulSoup) -> dict | None:
    element = soup.find("script", id="doum-page")
    if element is None:
        return None
    try:
        data = json.loads(element.string or "null")
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _drop_shared_descriptions(pages: list[SitePage]) -> None:
    """A description several pages share is the site's default, not a page's answer."""
    counts = Counter(page.description for page in pages if page.description)
    for page in pages:
        if counts.get(page.description, 0) > 1:
            page.description = ""
