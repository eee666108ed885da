"""An answer (sanitised HTML, or a spreadsheet's plain text) → the Markdown of a doum page.

markdownify does the conversion; this module decides what happens to links and images
(pages of the same import are linked by their new path, local images are copied next to the
page, remote ones become plain links) and escapes text so that nothing the old help center
held can turn into HTML, a link or an attribute list on the new site.
"""

from __future__ import annotations

import base64
import html
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote, urljoin, urlsplit

from bs4 import BeautifulSoup, Tag
from markdownify import ATX, MarkdownConverter

from doum.importers import sanitize
from doum.importers.sentences import first_sentence

# Found `linked_path(url) → docs-relative path of an imported page`, or None.
LinkResolver = Callable[[str], "str | None"]

_LIST_ITEM_RE = re.compile(r"^\s*(?:(\d{1,3})[.)]|[-*•·▪◦])\s+(.*)$")
_URL_RE = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:!?)\]}」』。]")
_URL_SAFE = "/:?#&=%+@!$,;~*'-._"
# Files copied into docs/ are served from the site's own origin: only kinds that cannot run
# script there (no .html, no .svg, no .js).
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".bmp"}
ATTACHMENT_SUFFIXES = IMAGE_SUFFIXES | {
    ".pdf", ".txt", ".csv", ".zip", ".hwp", ".hwpx", ".doc", ".docx", ".xls", ".xlsx", ".ppt",
    ".pptx", ".mp4", ".mp3",
}
# Text at the start of a line that Markdown would read as a heading, quote or list.
_LINE_START_RES = (re.compile(r"(?m)^(\s*)([#>])"), re.compile(r"(?m)^(\s*)([-+])(?=\s|$)"),
                   re.compile(r"(?m)^(\s*\d+)([.)])(?=\s|$)"))
# Last line of defence: patterns that must never reach a page, whatever the converter did.
_DANGER_TAG_RE = re.compile(r"<(?=\s*/?\s*(?:script|iframe|object|embed|style|form|svg|math)\b)",
                            re.I)
_DANGER_JS_RE = re.compile(r"(javascript\s*):", re.I)
_DANGER_ON_RE = re.compile(r"(\s)(on[a-z]+\s*)=", re.I)


@dataclass
class LocalFile:
    """A file the page refers to, to be written next to it: copied from disk or decoded."""

    name: str  # file name in the page's folder
    source: Path | None = None
    data: bytes | None = None


@dataclass
class Converted:
    markdown: str
    summary: str
    plain_text: str
    files: list[LocalFile] = field(default_factory=list)
    remote_images: list[str] = field(default_factory=list)
    missing_files: list[str] = field(default_factory=list)
    images_without_alt: int = 0
    removed: dict[str, int] = field(default_factory=dict)


def convert(body: str, is_html: bool, *, title: str, page_path: str, base_url: str = "",
            base_dir: Path | None = None, resolve: LinkResolver = lambda url: None) -> Converted:
    """`page_path` is the docs-relative path the page will have (links are made relative to it)."""
    cleaned = sanitize.clean(body if is_html else plain_text_to_html(body))
    soup = cleaned.soup
    result = Converted("", "", "", removed=cleaned.removed)
    _demote_headings(soup)
    stem = posixpath.splitext(posixpath.basename(page_path))[0]
    names: set[str] = set()
    for tag in soup.find_all("a", href=True):
        _link(tag, page_path, base_url, base_dir, resolve, stem, names, result)
    for tag in soup.find_all("img"):
        _image(soup, tag, title, base_url, base_dir, stem, names, result)
    result.plain_text = " ".join(soup.get_text(" ").split())
    markdown = _Converter(heading_style=ATX, bullets="-", strong_em_symbol="*",
                          table_infer_header=True,
                          keep_inline_images_in=["td", "th", "a", "span", "strong", "b", "em",
                                                 "i", "p", "li", "div"]).convert_soup(soup)
    result.summary = first_sentence(_first_text_block(soup))  # last: it rewrites <br>s
    result.markdown = neutralise(tidy(markdown))
    return result


def plain_text_to_html(text: str) -> str:
    """A spreadsheet cell: lines become paragraphs, "1." / "-" lines lists, URLs links."""
    blocks: list[str] = []
    items: list[str] = []
    kind = ""

    def close_list() -> None:
        nonlocal items, kind
        if items:
            blocks.append(f"<{kind}>" + "".join(f"<li>{i}</li>" for i in items) + f"</{kind}>")
        items, kind = [], ""

    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not line.strip():
            close_list()
            continue
        match = _LIST_ITEM_RE.match(line)
        if match:
            wanted = "ol" if match.group(1) else "ul"
            if kind and kind != wanted:
                close_list()
            kind = wanted
            items.append(_linkify(match.group(2)))
        else:
            close_list()
            blocks.append(f"<p>{_linkify(line.strip())}</p>")
    close_list()
    return "\n".join(blocks)


def _linkify(text: str) -> str:
    out, last = [], 0
    for match in _URL_RE.finditer(text):
        out.append(html.escape(text[last:match.start()]))
        url = html.escape(match.group(0))
        out.append(f'<a href="{url}">{url}</a>')
        last = match.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


def _demote_headings(soup: BeautifulSoup) -> None:
    """The page title is the page's only <h1>; headings inside the answer start at <h2>."""
    if soup.find("h1") is None:
        return
    for level in range(5, 0, -1):
        for tag in soup.find_all(f"h{level}"):
            tag.name = f"h{level + 1}"


def _first_text_block(soup: BeautifulSoup) -> str:
    """The answer's first paragraph (or list item, cell…), for the one-sentence summary."""
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for block in soup.find_all(["p", "li", "td", "div", "blockquote", "dd"]):
        if block.find(["p", "li", "td", "div", "blockquote", "dd"]):
            continue  # a container: its first child block is the one wanted
        text = " ".join(block.get_text().split())  # no separator: "<b>설정</b>에서" is one word
        if text:
            return text
    return " ".join(soup.get_text(" ").split())


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc and bool(parts.path)


def _link(tag: Tag, page_path: str, base_url: str, base_dir: Path | None,
          resolve: LinkResolver, stem: str, names: set[str], result: Converted) -> None:
    href = str(tag["href"]).strip()
    if href.startswith("#"):
        return
    fragment = urlsplit(href).fragment
    if base_dir is not None and _is_local(href):
        file = (base_dir / unquote(urlsplit(href).path)).resolve()
        target = resolve(file.as_uri())
        if target is None and file.is_file() and file.suffix.lower() in ATTACHMENT_SUFFIXES:
            # An attachment (PDF, image…) of the old page: it travels with the page.
            target = posixpath.join(posixpath.dirname(page_path),
                                    _local_name(stem, file.name, names))
            result.files.append(LocalFile(posixpath.basename(target), source=file))
        if target is None:
            result.missing_files.append(href)
            tag.unwrap()  # keep the words, drop a link that would point nowhere
            return
    else:
        absolute = urljoin(base_url, href) if base_url else href
        target = resolve(absolute)
        if target is None:
            if not urlsplit(absolute).scheme:
                result.missing_files.append(href)
                tag.unwrap()
                return
            tag["href"] = _url(absolute)
            return
    relative = posixpath.relpath(target, posixpath.dirname(page_path) or ".")
    tag["href"] = _url(relative + (f"#{fragment}" if fragment else ""))


def _image(soup: BeautifulSoup, tag: Tag, title: str, base_url: str, base_dir: Path | None,
           stem: str, names: set[str], result: Converted) -> None:
    src = str(tag.get("src", "")).strip()
    alt = " ".join(str(tag.get("alt", "")).split())
    if not alt:
        # doum requires alt text; the page title is a placeholder the report asks to improve.
        alt = f"{title} 그림"
        result.images_without_alt += 1
    alt = re.sub(r"[\[\]<>\\`*_{}]", "", alt)
    if src.lower().startswith("data:"):
        header, _, payload = src.partition(",")
        ext = header.split("/")[1].split(";")[0].lower().replace("jpeg", "jpg")
        try:
            data = base64.b64decode(payload, validate=False)
        except ValueError:
            tag.decompose()
            return
        name = _local_name(stem, f"image.{ext}", names)
        result.files.append(LocalFile(name, data=data))
        tag.attrs = {"src": name, "alt": alt}
        return
    if base_dir is not None and _is_local(src):
        file = (base_dir / unquote(urlsplit(src).path)).resolve()
        if file.is_file() and file.suffix.lower() in IMAGE_SUFFIXES:
            name = _local_name(stem, file.name, names)
            result.files.append(LocalFile(name, source=file))
            tag.attrs = {"src": _url(name), "alt": alt}
            return
        result.missing_files.append(src)
        tag.replace_with(alt)
        return
    absolute = urljoin(base_url, src) if base_url else src
    if not urlsplit(absolute).scheme:
        result.missing_files.append(src)
        tag.replace_with(alt)
        return
    # Never fetched, never hot-linked: a link the owner can follow to download the picture.
    result.remote_images.append(absolute)
    link = soup.new_tag("a", href=_url(absolute))
    link.string = f"그림: {alt}"
    tag.replace_with(link)


def _local_name(stem: str, original: str, names: set[str]) -> str:
    """"page-slug-screenshot.png", unique among the page's files."""
    base, ext = posixpath.splitext(original)
    base = re.sub(r"[^\w.-]+", "-", unquote(base), flags=re.ASCII).strip("-.").lower()[:40]
    base = base.strip("-.") or "file"
    ext = re.sub(r"[^\w.]", "", ext.lower())
    name, n = f"{stem}-{base}{ext}", 2
    while name in names:
        name, n = f"{stem}-{base}-{n}{ext}", n + 1
    names.add(name)
    return name


def _url(url: str) -> str:
    """Percent-encode what would end a Markdown link early: spaces, ( ) < > [ ] and quotes."""
    return quote(url, safe=_URL_SAFE)


class _Converter(MarkdownConverter):
    def escape(self, text: str, parent_tags: set[str]) -> str:
        text = super().escape(text, parent_tags)
        # Text stays text: no raw HTML (<), no links ([ ]), no attribute lists ({ }), no code.
        text = (text.replace("<", "&lt;").replace("[", "\\[").replace("]", "\\]")
                .replace("{", "\\{").replace("}", "\\}").replace("`", "\\`"))
        if "td" in parent_tags or "th" in parent_tags:
            text = text.replace("|", "\\|")
        # A line that starts like a heading, list or quote stays a sentence ("#1002는 …").
        for pattern in _LINE_START_RES:
            text = pattern.sub(r"\1\\\2", text)
        return text

    def convert_li(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        # Python-Markdown nests blocks under a list item only when indented by 4 spaces;
        # markdownify indents by the bullet's width ("- " = 2).
        item = super().convert_li(el, text, parent_tags)
        first, _, rest = item.partition("\n")
        bullet = re.match(r"(?:\d+\.|[-*+]) ", first)
        if not bullet or not rest.strip():
            return item
        prefix = " " * len(bullet.group(0))
        rest = "\n".join("    " + line[len(prefix):] if line.startswith(prefix) else line
                         for line in rest.split("\n"))
        return f"{first}\n{rest}"


def tidy(markdown: str) -> str:
    lines = [line.rstrip() if not line.endswith("  ") or not line.strip() else line
             for line in markdown.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return text + "\n" if text else ""


def neutralise(markdown: str) -> str:
    """Whatever slipped through (say, a <script> quoted in a code block) is made inert."""
    markdown = _DANGER_TAG_RE.sub("&lt;", markdown)
    markdown = _DANGER_JS_RE.sub(r"\1&#58;", markdown)
    return _DANGER_ON_RE.sub(r"\1\2&#61;", markdown)
