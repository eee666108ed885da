"""A folder of HTML pages (Channel Talk or Notion exports, a saved old site): one page a file.

The title and the answer are found with CSS selectors; a selector list such as
`main, article, body` is tried alternative by alternative, so the first alternative that
matches wins (CSS itself would take whichever comes first in the document: always `body`).
Sub-folders become categories.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from doum.importers.model import Category, Entry, ImportFailure, ReadResult, Skip, shown
from doum.importers.textfiles import read_text

DEFAULT_TITLE_SELECTOR = "h1"
DEFAULT_BODY_SELECTOR = "main, article, body"
HTML_SUFFIXES = (".html", ".htm")
# Notion names exported files and folders "제목 0123456789abcdef0123456789abcdef".
NOTION_ID_RE = re.compile(r"\s+[0-9a-f]{32}$")


def html_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in HTML_SUFFIXES
                  and p.is_file() and not any(part.startswith(".") for part in
                                              p.relative_to(folder).parts))


def read(sources: list[Path], title_selector: str = DEFAULT_TITLE_SELECTOR,
         body_selector: str = DEFAULT_BODY_SELECTOR) -> ReadResult:
    result = ReadResult()
    for source in sources:
        root = source if source.is_dir() else source.parent
        files = html_files(source) if source.is_dir() else [source]
        for path in files:
            _read_page(path, root, title_selector, body_selector, result)
    return result


def _read_page(path: Path, root: Path, title_selector: str, body_selector: str,
               result: ReadResult) -> None:
    name = shown(path)
    soup = BeautifulSoup(read_text(path), "html.parser")
    title_tag = select_first(soup, title_selector, name, "--title-selector")
    title = " ".join(title_tag.get_text(" ").split()) if title_tag else ""
    if not title and soup.title:
        title = " ".join(soup.title.get_text(" ").split())
    if not title:
        raise ImportFailure(
            name, f"the page has no title: nothing matches --title-selector {title_selector!r} "
            "and there is no <title> — choose the element that holds the question with "
            "--title-selector (e.g. --title-selector \".article-title\")")
    body = select_first(soup, body_selector, name, "--body-selector") or soup
    if title_tag is not None and body is not title_tag and title_tag in body.descendants:
        title_tag.decompose()  # the title is the page's heading already; don't repeat it
    if soup.title is not None and soup.title in body.descendants:
        soup.title.decompose()
    html = body.decode_contents() if isinstance(body, Tag) else str(body)
    relative = path.relative_to(root)
    where = f"{name}:{title_tag.sourceline}" if title_tag is not None and title_tag.sourceline \
        else name
    if not BeautifulSoup(html, "html.parser").get_text().strip() and "<img" not in html:
        result.skipped.append(Skip(where, f"empty answer: {title}"))
        return
    category = ""
    if len(relative.parts) > 1:
        category = NOTION_ID_RE.sub("", relative.parts[0]).strip()
        result.categories.setdefault(category, Category(category))
    result.entries.append(Entry(
        source=f"html:{root.resolve().name}/{relative.as_posix()}", origin=where, title=title,
        body=html, category=category, base_dir=path.parent,
        aliases=[path.resolve().as_uri()],
    ))


def select_first(soup: BeautifulSoup, selector: str, name: str, option: str) -> Tag | None:
    """The first element matching the first alternative of `selector` that matches anything."""
    for alternative in split_selector_list(selector):
        try:
            found = soup.select_one(alternative)
        except Exception as error:  # soupsieve raises its own SelectorSyntaxError
            raise ImportFailure(name, f"{option} {selector!r} is not a CSS selector: {error}")
        if found is not None:
            return found
    return None


def split_selector_list(selector: str) -> list[str]:
    """Split "main, article, body" at top-level commas (not inside :is(...) or [a=","])."""
    parts, depth, quote, current = [], 0, "", ""
    for char in selector:
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
            continue
        current += char
    parts.append(current.strip())
    return [part for part in parts if part]
