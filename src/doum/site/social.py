"""Link previews (KakaoTalk, Facebook, Slack…) and Naver: the Open Graph tags of every page.

Help pages are shared in KakaoTalk chats, which show a card from the page's `og:` tags:

    og:title        the page's title (the site name on the home page)
    og:description  the page's one-line answer (pagedata's summary), else site_description
    og:image        the page's card when Material's social plugin draws one (social_cards.py),
                    else the page's first screenshot, else `seo: image:`, else a card drawn at
                    build time in the site's colours (assets/doum/og-card.png, 1200×630)
    og:url          the page's absolute address (from site_url)
    og:type, og:site_name, og:locale=ko_KR

plus `<meta name="naver-site-verification">` (Naver Search Advisor) and the RSS feed link.
`Social.page()` returns the values partials/doum-social.html prints (every one escaped there);
it also remembers each page for the feed (doum.site.feed).

The default card needs no imaging library: it is a PNG written with zlib (the primary colour,
a speech bubble in the header text colour). With Pillow installed and a Korean font on the
machine (fonts-noto-cjk), the site name is written on it too.
"""

from __future__ import annotations

import logging
import re
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from doum.site import social_cards, strings
from doum.site.safe_text import title_text

log = logging.getLogger("mkdocs.plugins.doum")

CARD_PATH = "assets/doum/og-card.png"
CARD_SIZE = (1200, 630)
THEME_CSS = Path(__file__).resolve().parents[1] / "theme" / "assets" / "doum" / "shared" / "doum.css"
DEFAULT_COLOURS = ((0x40, 0x51, 0xB5), (0xFF, 0xFF, 0xFF))  # Material's indigo
# The Korean fonts doum knows (Noto Sans CJK, Nanum Gothic), bold first: social_cards' list.
FONT_CANDIDATES = tuple(map(str, social_cards.FONTS["Bold"]))
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""\s([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
SCREENSHOT = re.compile(r"\.(?:png|jpe?g|webp|gif)$", re.IGNORECASE)


@dataclass
class FeedEntry:
    title: str
    url: str  # absolute
    summary: str
    updated: str  # YYYY-MM-DD


class Social:
    def __init__(self, options: Any, config: MkDocsConfig) -> None:
        self.options = options
        self.config = config
        self.site_url = (config.site_url or "").strip()
        self.images: dict[str, tuple[str, str]] = {}  # src_uri → (absolute URL, alt text)
        self.entries: list[FeedEntry] = []
        self.cards = social_cards.setup(config, lambda: tuple(map(hex_colour, site_colours(config))))

    # -- per page ------------------------------------------------------------------------

    def note_images(self, page: Page, html: str) -> None:
        """Remember the page's first screenshot (from its rendered content)."""
        if not self.site_url:
            return
        for tag in _IMG.findall(html):
            attrs = {m.group(1).lower(): m.group(2) if m.group(2) is not None else m.group(3)
                     for m in _ATTR.finditer(tag)}
            src = _unescape(attrs.get("src") or "").strip()
            if not src or not SCREENSHOT.search(urlsplit(src).path) or "twemoji" in attrs.get("class", ""):
                continue
            url = urljoin(urljoin(self.site_url, page.url), src)
            if urlsplit(url).netloc != urlsplit(self.site_url).netloc:
                continue  # a picture on another host is not ours to show
            self.images[page.file.src_uri] = (url, _unescape(attrs.get("alt") or ""))
            return

    def page(self, page: Page, doum_page: dict[str, Any]) -> dict[str, Any]:
        """The tags of one page (for partials/doum-social.html); records it for the feed."""
        config = self.config
        site_name = str(config.site_name or "")
        title = site_name if page.is_homepage else (title_text(page) or site_name)
        description = str(doum_page.get("summary") or config.site_description or "").strip()
        url = page.canonical_url or ""
        image, alt, size = "", "", None
        card = self.cards.url(page, config) if self.cards else None
        if self.site_url:
            if card:
                image, alt, size = urljoin(self.site_url, card), title, social_cards.CARD_SIZE
            elif page.file.src_uri in self.images:
                image, alt = self.images[page.file.src_uri]
            elif self.options.seo.image:
                image, alt = urljoin(self.site_url, self.options.seo.image.lstrip("/")), site_name
            else:
                image, alt, size = urljoin(self.site_url, CARD_PATH), site_name, CARD_SIZE
        if url and doum_page.get("updated"):
            self.entries.append(FeedEntry(title, url, description, doum_page["updated"]))
        if self.cards and not self.cards.own_layout:
            return {"title": ""}  # the site's own card layout prints the Open Graph tags
        return {
            "title": title,
            "description": description,
            "url": url,
            "type": "website" if page.is_homepage else "article",
            "site_name": site_name,
            "locale": strings.of(self.config).text("pages.meta.og_locale"),
            "image": image,
            "image_alt": alt or title,
            "image_width": size[0] if size else None,
            "image_height": size[1] if size else None,
        }

    # -- site-wide -----------------------------------------------------------------------

    def site(self) -> dict[str, Any]:
        """Site-wide head values: Naver's verification code and whether feed.xml exists."""
        seo, legal = self.options.seo, self.options.legal
        return {
            "naver_site_verification": (seo.naver_site_verification or legal.naver_site_verification).strip(),
            "feed": bool(self.site_url),
        }

    def write_card(self, site_dir: str) -> None:
        """The default og:image, unless `seo: image:` names the site's own."""
        if self.options.seo.image or not self.site_url:
            return
        target = Path(site_dir) / CARD_PATH
        target.parent.mkdir(parents=True, exist_ok=True)
        background, ink = site_colours(self.config)
        target.write_bytes(card_png(background, ink, str(self.config.site_name or "")))


def _unescape(text: str) -> str:
    import html

    return html.unescape(text)


# -- the site's colours ------------------------------------------------------------------

Colour = tuple[int, int, int]


def hex_colour(colour: Colour) -> str:
    return "#{:02x}{:02x}{:02x}".format(*colour)


def parse_colour(value: str) -> Colour | None:
    value = value.strip().lower()
    if value in ("#fff", "white"):
        return (255, 255, 255)
    match = re.fullmatch(r"#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})", value)
    if not match:
        return None
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(ch * 2 for ch in digits)
    return (int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16))


def _palette_primary(config: MkDocsConfig) -> str:
    palette = config.theme.get("palette") or {}
    if isinstance(palette, list):
        palette = palette[0] if palette else {}
    return str((palette or {}).get("primary") or "indigo").replace(" ", "-").lower()


def _css_files(config: MkDocsConfig) -> list[Path]:
    files = [THEME_CSS]
    for sheet in config.extra_css or []:
        path = Path(config.docs_dir) / str(sheet)
        if path.is_file():
            files.append(path)
    return files


def site_colours(config: MkDocsConfig) -> tuple[Colour, Colour]:
    """(header background, header text) of the light palette: a Material colour name looked up
    in Material's own palette CSS; `custom` read from doum.css and the site's extra_css."""
    primary = _palette_primary(config)
    sheets: list[str] = []
    if primary == "custom":
        sheets = [p.read_text(encoding="utf-8", errors="replace") for p in _css_files(config)]
    else:
        import material

        css_dir = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
        sheets = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(css_dir.glob("palette.*.css"))]
    variables: dict[str, str] = {}
    chosen: dict[str, str] = {}
    for text in sheets:
        for selector, body in re.findall(r"([^{}]*)\{([^{}]*)\}", text):
            declarations = dict(re.findall(r"(--[\w-]+)\s*:\s*([^;]+)", body))
            variables.update(declarations)
            if selector.strip() == f"[data-md-color-primary={primary}]":
                chosen.update(declarations)

    def resolve(name: str, default: Colour) -> Colour:
        value = chosen.get(name, "")
        for _ in range(5):
            ref = re.fullmatch(r"\s*var\((--[\w-]+)\)\s*", value)
            if not ref:
                break
            value = variables.get(ref.group(1), "")
        return parse_colour(value) or default

    return resolve("--md-primary-fg-color", DEFAULT_COLOURS[0]), resolve("--md-primary-bg-color", DEFAULT_COLOURS[1])


# -- the card ----------------------------------------------------------------------------


def card_png(background: Colour, ink: Colour, site_name: str = "") -> bytes:
    """A 1200×630 PNG: the site's primary colour with a speech bubble in its header text colour
    (and the site name, when Pillow and a Korean font are available)."""
    with_text = _card_with_pillow(background, ink, site_name)
    return with_text if with_text is not None else _card_plain(background, ink)


def _bubble_span(y: int) -> tuple[int, int] | None:
    """The bubble's columns on row y: an ellipse centred at (600, 290) and a tail below its left."""
    cx, cy, rx, ry = 600, 290, 230, 170
    spans = []
    dy = (y - cy) / ry
    if abs(dy) <= 1:
        half = int(rx * (1 - dy * dy) ** 0.5)
        spans.append((cx - half, cx + half))
    tail_top, tail_bottom = 420, 530
    if tail_top <= y <= tail_bottom:
        t = (y - tail_top) / (tail_bottom - tail_top)
        spans.append((int(470 - 40 * t), int(560 - 130 * t) + 1))
    if not spans:
        return None
    return min(a for a, _ in spans), max(b for _, b in spans)


def _card_plain(background: Colour, ink: Colour) -> bytes:
    width, height = CARD_SIZE
    bg, fg = bytes(background), bytes(ink)
    lines = {230: 740, 280: 740, 330: 660}  # three "lines of text" in the bubble: top row → right end
    rows = []
    for y in range(height):
        span = _bubble_span(y)
        if span is None:
            row = bg * width
        else:
            row = bg * span[0] + fg * (span[1] - span[0]) + bg * (width - span[1])
            for top, right in lines.items():
                if top <= y < top + 20:
                    row = row[:460 * 3] + bg * (right - 460) + row[right * 3:]
        rows.append(b"\x00" + row)
    return _png(width, height, b"".join(rows))


def _png(width: int, height: int, raw: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def _card_with_pillow(background: Colour, ink: Colour, site_name: str) -> bytes | None:
    try:
        from PIL import Image, ImageDraw, ImageFont  # type: ignore[import-not-found]
    except ImportError:
        return None
    font_path = next((path for path in FONT_CANDIDATES if Path(path).is_file()), None)
    if not font_path or not site_name:
        return None
    import io

    image = Image.new("RGB", CARD_SIZE, background)
    draw = ImageDraw.Draw(image)
    draw.ellipse((80, 185, 360, 405), fill=ink)
    draw.polygon([(150, 385), (130, 465), (230, 400)], fill=ink)
    size = 72
    font = ImageFont.truetype(font_path, size)
    while draw.textlength(site_name, font=font) > 740 and size > 44:
        size -= 4
        font = ImageFont.truetype(font_path, size)
    lines = [""]
    for word in site_name.split():  # at spaces (between 어절); a word too long breaks anywhere
        joined = f"{lines[-1]} {word}".strip()
        if draw.textlength(joined, font=font) <= 740:
            lines[-1] = joined
            continue
        lines.append("")
        for ch in word:
            if draw.textlength(lines[-1] + ch, font=font) > 740:
                lines.append("")
            lines[-1] += ch
    lines = [line for line in lines if line]
    if len(lines) > 3:
        lines = lines[:3]
        lines[2] = lines[2][:-1] + "…"
    step = int(size * 1.3)
    top = 295 - step * (len(lines) - 1) // 2
    for number, line in enumerate(lines):
        draw.text((410, top + number * step), line.strip(), fill=ink, font=font, anchor="lm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
