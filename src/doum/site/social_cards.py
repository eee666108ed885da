"""Material's social plugin beside doum: cards in doum's colours, with the page's one-line
answer, drawn in a Korean font from the machine — so the build downloads nothing.

Material's plugin draws a 1200×630 card per page. Left alone it would fetch Roboto (which has no
Hangul) from Google Fonts at build time and fill the card from `site_description` in indigo.
doum, when the plugin is on:

- links the machine's Noto Sans CJK (Debian's fonts-noto-cjk) into the plugin's font cache
  (`<cache_dir>/fonts/Noto Sans CJK/Regular.ttc`, `Bold.ttc`), where the plugin looks before it
  downloads, and names that family in `cards_layout_options.font_family`;
- sets `background_color` and `color` to the site's header colours (doum.site.social);
- draws with its own layout (card_layouts/doum.yml: site name, question, one-line answer),
  unless the site chose a `cards_layout`; the catalog hands each page's title and summary to
  the plugin (catalog.page_meta), and doum's partial names the card as the page's og:image.

Without a Korean font, or without Pillow and CairoSVG, the cards are turned off with a warning
that says what to install (and `--strict` stops there); `doum check` reports the same.
"""

from __future__ import annotations

import logging
import os
import posixpath
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from doum.content.neighbours import plugins
from doum.content.problems import ProblemLog, shown

log = logging.getLogger("mkdocs.plugins.doum")

FAMILY = "Noto Sans CJK"  # the folder name doum gives the machine's font in the plugin's cache
NOTO = Path("/usr/share/fonts/opentype/noto")  # Debian's fonts-noto-cjk
NANUM = Path("/usr/share/fonts/truetype/nanum")  # Debian's fonts-nanum
FONTS = {  # style → files to use, best first
    "Bold": (NOTO / "NotoSansCJK-Bold.ttc", NANUM / "NanumGothicBold.ttf",
             NOTO / "NotoSansCJK-Regular.ttc", NANUM / "NanumGothic.ttf"),
    "Regular": (NOTO / "NotoSansCJK-Regular.ttc", NANUM / "NanumGothic.ttf"),
}
LAYOUT = Path(__file__).parent / "card_layouts" / "doum"  # Material adds `.yml`
CARD_SIZE = (1200, 630)


@dataclass
class Cards:
    """The social plugin doum set up, and how to name its card for a page."""

    plugin: Any
    own_layout: bool  # doum's layout (no meta tags of its own: doum prints them)

    def url(self, page: Page, config: MkDocsConfig) -> str | None:
        """The card's address relative to the site (as Material names it), or None without one."""
        excluded = getattr(self.plugin, "_is_excluded", None)
        if not self.plugin.config.cards or (callable(excluded) and excluded(page)):
            return None
        suffix = "/index.html" if config.use_directory_urls and not page.is_index else ".html"
        path = page.file.dest_uri.replace(suffix, ".png")
        card = File(posixpath.join(self.plugin.config.cards_dir, path), "", config.site_dir, False)
        return card.url


def setup(config: MkDocsConfig, colours: Callable[[], tuple[str, ...]]) -> Cards | None:
    """Point the site's social plugin at the local font, doum's colours and doum's layout.
    colours() → (header background, header text) as #rrggbb."""
    plugin = next(plugins(config, "social"), None)
    if plugin is None or not plugin.config.cards:
        return None
    problem = missing(config)
    options = plugin.config.cards_layout_options
    if problem is None and "font_family" not in options:
        if link_font(_cache_dir(plugin, config) / "fonts" / FAMILY):
            options["font_family"] = FAMILY
        else:
            problem = missing(config) or ("no Korean font on this machine", _install_font(plugin, config))
    if problem is not None:
        log.warning(f"doum: the social plugin's cards are off: {problem[0]} — {problem[1]}")
        plugin.config.cards = False
        return None
    background, ink = colours()
    options.setdefault("background_color", background)
    options.setdefault("color", ink)
    own_layout = plugin.config.cards_layout == "default"
    if own_layout:
        plugin.config.cards_layout = str(LAYOUT)
    return Cards(plugin, own_layout)


def missing(config: MkDocsConfig) -> tuple[str, str] | None:
    """What keeps the social plugin from drawing its cards offline: (problem, how to fix it),
    or None. The build and `doum check` say the same."""
    plugin = next(plugins(config, "social"), None)
    if plugin is None or not plugin.config.cards:
        return None
    if not _imaging_available():
        return ("the cards need Pillow and CairoSVG",
                "pip install 'mkdocs-material[imaging]' (and Debian's libcairo2)")
    if "font_family" not in plugin.config.cards_layout_options and find_font("Regular") is None:
        return (f"no Korean font on this machine (looked for {', '.join(map(str, FONTS['Regular']))})",
                _install_font(plugin, config))
    return None


def report(config: MkDocsConfig, problems: ProblemLog) -> None:
    """`doum check`: the missing font or imaging library, at the social plugin's line."""
    problem = missing(config)
    if problem is None:
        return
    config_file = config.config_file_path or "mkdocs.yml"
    try:
        lines = Path(config_file).read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    line = next((n for n, text in enumerate(lines, start=1)
                 if re.match(r"\s*-\s*(?:material/)?social\b", text)), 1)
    problems.warning(shown(config_file), line, f"social plugin: {problem[0]}", problem[1])


def find_font(style: str) -> Path | None:
    return next((font for font in FONTS[style] if font.is_file()), None)


def link_font(folder: Path) -> bool:
    """The machine's Korean font, linked as `Regular` and `Bold` where the plugin looks; False
    when the machine has none. Links left from a font since removed are replaced."""
    found = {style: find_font(style) for style in FONTS}
    if found["Regular"] is None:
        if folder.is_dir():  # dangling links would crash the plugin: let it be found missing
            shutil.rmtree(folder, ignore_errors=True)
        return False
    folder.mkdir(parents=True, exist_ok=True)
    for entry in folder.iterdir():
        if entry.stem in FONTS and (not entry.exists() or entry.resolve() != found[entry.stem]):
            entry.unlink()
    for style, font in found.items():
        target = folder / f"{style}{font.suffix}"
        if target.exists():
            continue
        try:
            target.symlink_to(font)
        except OSError:  # a file system without links: a copy
            shutil.copyfile(font, target)
    return True


def _install_font(plugin: Any, config: MkDocsConfig) -> str:
    return (
        "install a Korean font: `sudo apt-get install fonts-noto-cjk` (Debian, Ubuntu), or set "
        "the social plugin's `cards_layout_options: font_family:` to a font folder you put in "
        f"{shown(_cache_dir(plugin, config))}/fonts/"
    )


def _cache_dir(plugin: Any, config: MkDocsConfig) -> Path:
    """The plugin's cache folder, resolved as the plugin does: next to mkdocs.yml."""
    path = Path(plugin.config.cache_dir)
    if not path.is_absolute():
        path = Path(os.path.dirname(config.config_file_path or "mkdocs.yml")) / path
    return path


def _imaging_available() -> bool:
    try:
        import cairosvg  # noqa: F401  # type: ignore[import-not-found]
        from PIL import Image  # noqa: F401  # type: ignore[import-not-found]
    except (ImportError, OSError):  # OSError: CairoSVG without the cairo library
        return False
    return True
