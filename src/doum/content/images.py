"""Screenshot <img> tags: intrinsic width/height (no layout shift), lazy loading, async decoding.

Alt text and missing files are checked in the Markdown source (content/references.py), where the line is
known; this module only adds attributes and never overrides what the author wrote.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from doum.content.references import HTML_IMG_RE, html_attributes
from doum.content.imagesize import read_size

_END_RE = re.compile(r"\s*/?>$")


def enhance(html: str, page: Page, config: MkDocsConfig) -> str:
    docs_dir = Path(config.docs_dir)

    def add_attributes(match: re.Match[str]) -> str:
        tag = match.group(0)
        attrs = html_attributes(match.group("attrs"))
        extra: dict[str, str] = {"loading": "lazy", "decoding": "async"}
        if "width" not in attrs and "height" not in attrs:
            file = local_file(docs_dir, page.url, attrs.get("src", ""))
            size = read_size(file) if file else None
            if size:
                extra = {"width": str(size[0]), "height": str(size[1]), **extra}
        added = "".join(f' {name}="{value}"' for name, value in extra.items() if name not in attrs)
        end = _END_RE.search(tag)
        return tag[: end.start()] + added + end.group(0) if end else tag

    return HTML_IMG_RE.sub(add_attributes, html)


def local_file(docs_dir: Path, page_url: str, src: str) -> Path | None:
    """The docs file an <img src> of the rendered page points to (src is relative to the URL)."""
    parts = urlsplit(src)
    if not parts.path or parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    if not path.startswith("/"):
        path = posixpath.join(posixpath.dirname("/" + page_url) if not page_url.endswith("/")
                              else "/" + page_url, path)
    relative = posixpath.normpath(path).lstrip("/")
    file = docs_dir / relative
    return file if relative and not relative.startswith("..") and file.is_file() else None
