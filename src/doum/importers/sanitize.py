"""Make an exported HTML body safe before it becomes Markdown.

Help-center exports carry whatever the old editor let through: scripts, inline event handlers,
`javascript:` links, embedded forms, tracking pixels. The page doum writes must not be able to
run any of it, so this keeps the content (text, headings, lists, tables, links, images, bold)
and drops everything that acts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Comment, Declaration, Doctype, ProcessingInstruction, Tag

# Removed with everything inside them.
DROPPED_TAGS = (
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object",
    "embed", "applet", "form", "input", "button", "select", "textarea", "option", "link",
    "meta", "base", "svg", "math", "canvas", "audio", "video", "source", "track", "head",
    "title", "nav", "dialog",
)
# Embedded players lose their player but keep a link to what they showed.
EMBEDS = ("iframe", "video", "embed", "object")
# Attributes kept (everything else, on* handlers and style included, goes).
KEPT_ATTRIBUTES = {
    "a": ("href",), "img": ("src", "alt", "width", "height"), "td": ("colspan", "rowspan"),
    "th": ("colspan", "rowspan"), "ol": ("start",), "code": ("class",), "pre": ("class",),
}
SAFE_SCHEMES = ("http", "https", "mailto", "tel")
# Hosts that serve nothing but tracking pixels and beacons.
TRACKER_HOSTS = (
    "google-analytics.com", "googletagmanager.com", "doubleclick.net", "facebook.com/tr",
    "facebook.net", "bat.bing.com", "analytics.twitter.com", "t.co/i/adsct", "mc.yandex.ru",
    "pixel.wp.com", "stats.wp.com", "track.hubspot.com", "list-manage.com/track",
    "sendgrid.net/wf/open", "ct.sendgrid.net", "mixpanel.com/track", "pixel.", "tracking.",
    "wcs.naver.net", "analytics.naver.com", "tr.line.me", "stat.tiara.kakao.com",
)
_CONTROL_RE = re.compile(r"[\x00-\x20\x7f]+")
_PIXEL_STYLE_RE = re.compile(
    r"(?:^|;)\s*(?:width|height)\s*:\s*[01](?:px)?\s*(?:;|$)|display\s*:\s*none")
_SCHEME_RE = re.compile(r"^([a-z][a-z0-9+.\-]*):")


@dataclass
class Cleaned:
    soup: BeautifulSoup
    removed: dict[str, int] = field(default_factory=dict)  # what was dropped, for the report

    def count(self, what: str) -> None:
        self.removed[what] = self.removed.get(what, 0) + 1


def clean(html: str) -> Cleaned:
    """The body as a soup with nothing left that runs, loads a tracker or posts a form."""
    cleaned = Cleaned(BeautifulSoup(html, "html.parser"))
    soup = cleaned.soup
    for node in soup.find_all(string=lambda s: isinstance(
            s, (Comment, Declaration, Doctype, ProcessingInstruction))):
        node.extract()
    for tag in soup.find_all(EMBEDS):
        _keep_embed_link(soup, tag)
    for tag in soup.find_all(DROPPED_TAGS):
        if tag.decomposed:
            continue
        cleaned.count(tag.name)
        tag.decompose()
    for tag in soup.find_all(True):
        if is_tracking_pixel(tag):
            cleaned.count("tracking pixel")
            tag.decompose()
    for tag in soup.find_all(True):
        if tag.decomposed:
            continue
        kept = KEPT_ATTRIBUTES.get(tag.name, ())
        for name in list(tag.attrs):
            if name.lower().startswith("on"):
                cleaned.count("event handler")
            if name not in kept:
                del tag.attrs[name]
        for name in ("href", "src"):
            if name in tag.attrs and not safe_url(str(tag[name])):
                cleaned.count(f"{_scheme(str(tag[name]))}: link")
                del tag.attrs[name]
        if tag.name == "img" and not tag.get("src"):
            tag.decompose()
    return cleaned


def safe_url(url: str) -> bool:
    """http(s), mailto, tel, relative paths and #anchors; never javascript:, data:, vbscript:."""
    scheme = _scheme(url)
    return scheme == "" or scheme in SAFE_SCHEMES or (scheme == "data" and _is_data_image(url))


def _scheme(url: str) -> str:
    # Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
    match = _SCHEME_RE.match(_CONTROL_RE.sub("", url).lower())
    return match.group(1) if match else ""


def _is_data_image(url: str) -> bool:
    """Pasted screenshots arrive as data:image/png;base64; they are written out as files."""
    return bool(re.match(r"data:image/(png|jpe?g|gif|webp);base64,", url.strip(), re.I))


def is_tracking_pixel(tag: Tag) -> bool:
    if tag.name != "img":
        return False
    sizes = [str(tag.get(name, "")).strip().removesuffix("px") for name in ("width", "height")]
    if any(size in ("0", "1") for size in sizes):
        return True
    if _PIXEL_STYLE_RE.search(str(tag.get("style", "")).lower()):
        return True
    src = str(tag.get("src", "")).lower()
    parts = urlsplit(src)
    where = parts.netloc + parts.path
    return bool(parts.netloc) and any(
        where.startswith(host) or f".{host}" in where or where.startswith(f"www.{host}")
        for host in TRACKER_HOSTS)


def _keep_embed_link(soup: BeautifulSoup, tag: Tag) -> None:
    """<iframe src=youtube…> → a paragraph linking to the video (the player itself is dropped)."""
    src = str(tag.get("src") or tag.get("data") or "")
    if not src:
        source = tag.find("source", src=True)
        src = str(source["src"]) if source else ""
    if not src or _scheme(src) not in ("http", "https"):
        return
    link = soup.new_tag("a", href=src)
    link.string = " ".join(str(tag.get("title") or "").split()) or "동영상 보기"
    paragraph = soup.new_tag("p")
    paragraph.append(link)
    tag.insert_before(paragraph)
