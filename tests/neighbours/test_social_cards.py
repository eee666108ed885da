"""Material's social plugin beside doum (issue #15): cards drawn offline in the machine's Korean
font, in the site's colours, with the page's summary — compared by pixels against the same card
drawn in a font without Hangul (tofu)."""

from __future__ import annotations

import io
import logging
import os
import re
import shutil
from html import unescape
from pathlib import Path
from urllib.parse import unquote

import pytest

from conftest import mkdocs_build
from doum.site import social_cards
from neighbour_sites import write_site

try:
    import cairosvg  # noqa: F401
    from PIL import Image, ImageChops
except (ImportError, OSError) as error:  # OSError: CairoSVG without Debian's libcairo2
    pytest.skip(f"social cards need Pillow and CairoSVG (pip install -e '.[test]'): {error}",
                allow_module_level=True)

if social_cards.find_font("Bold") is None:
    pytest.skip("social cards need a Korean font: apt-get install fonts-noto-cjk", allow_module_level=True)

# A font without Hangul: every Hangul syllable is drawn as the same missing-glyph box (tofu).
NO_HANGUL = next((p for p in (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    Path("/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"),
) if p.is_file()), None)

SOCIAL = """\
  - social:
      cards_layout_options: {options}
"""
# Two titles of the same shape (5 + 1 + 6 syllables): in tofu they are the same picture.
TITLES = ("account/reset-password", "account/change-payment")
TITLE_BOX = (64, 170, 64 + 1072, 170 + 270)  # the title layer of card_layouts/doum.yml
SUMMARY = "로그인 화면의 비밀번호 찾기에서 새 비밀번호를 정할 수 있어요."


def build_cards(root: Path, options: str = "{}") -> tuple[Path, str]:
    """Build the fixture with the social plugin, with every download failing (no network)."""
    project = write_site(root / "project", SOCIAL.format(options=options))
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text("site_url: https://help.example.com/\n" + text, encoding="utf-8")
    site = root / "site"
    dead = "http://127.0.0.1:9"  # any request to Google Fonts would fail the build
    saved = {k: os.environ.get(k) for k in ("HTTPS_PROXY", "HTTP_PROXY", "NO_PROXY")}
    os.environ.update(HTTPS_PROXY=dead, HTTP_PROXY=dead, NO_PROXY="")
    try:
        result = mkdocs_build(project, site, "--strict")
    finally:
        for key, value in saved.items():
            os.environ.pop(key, None) if value is None else os.environ.__setitem__(key, value)
    assert result.returncode == 0, result.stdout + result.stderr
    return site, result.stdout + result.stderr


@pytest.fixture(scope="module")
def cards(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_cards(tmp_path_factory.mktemp("cards"))[0]


def og(site: Path, path: str) -> dict[str, list[str]]:
    page = (site / path / "index.html").read_text(encoding="utf-8")
    found: dict[str, list[str]] = {}
    for key, value in re.findall(r'<meta property="(og:[^"]+)" content="([^"]*)"', page):
        found.setdefault(key, []).append(unescape(value))
    return found


def card(site: Path, path: str) -> Image.Image:
    image = og(site, path)["og:image"]
    assert len(image) == 1, image  # one og:image: doum's, naming the plugin's card
    file = site / unquote(image[0].removeprefix("https://help.example.com/"))
    return Image.open(io.BytesIO(file.read_bytes())).convert("RGB")


def test_the_card_is_the_pages_og_image_with_its_summary(cards: Path) -> None:
    tags = og(cards, "account/reset-password")
    assert tags["og:image"] == ["https://help.example.com/assets/images/social/account/reset-password.png"]
    assert tags["og:description"] == [SUMMARY]  # one set of tags: doum's
    assert tags["og:title"] == ["비밀번호를 잊어버렸어요"]
    assert card(cards, "account/reset-password").size == (1200, 630)
    blog = og(cards, "blog/archive/2026")["og:description"][0]
    assert "채팅방 검색이 빨라졌어요" in blog  # a listing page's card says what it lists
    pages = [p.parent.relative_to(cards).as_posix() for p in cards.rglob("index.html")]
    for path in pages:  # every card named is a card written (the plugin's file names)
        for image in og(cards, path).get("og:image", []):
            if "/assets/images/social/" in image:
                assert (cards / unquote(image.removeprefix("https://help.example.com/"))).is_file(), path
    assert sum("/assets/images/social/" in og(cards, p).get("og:image", [""])[0] for p in pages) >= 8


def test_the_card_has_the_sites_colours(cards: Path) -> None:
    image = card(cards, "account/reset-password")
    # the fixture's palette is doum's `custom`: the yellow header with near-black text
    assert image.getpixel((8, 8)) == (0xFE, 0xE5, 0x00)
    colours = {colour for _, colour in image.crop(TITLE_BOX).getcolors(1 << 20)}
    assert (0x19, 0x19, 0x19) in colours  # the title is drawn in the header's text colour


def test_the_font_came_from_the_machine(cards: Path) -> None:
    fonts = cards.parent / "project" / ".cache" / "plugin" / "social" / "fonts" / social_cards.FAMILY
    assert sorted(p.stem for p in fonts.iterdir()) == ["Bold", "Regular"]
    assert (fonts / f"Bold{social_cards.find_font('Bold').suffix}").resolve() == social_cards.find_font("Bold")


@pytest.mark.skipif(NO_HANGUL is None, reason="needs a font without Hangul (fonts-dejavu-core) for the tofu card")
def test_cards_render_hangul_not_tofu(cards: Path, tmp_path: Path) -> None:
    # The same site drawn in a font without Hangul: the site's own folder of the plugin's cache.
    fonts = tmp_path / "project" / ".cache" / "plugin" / "social" / "fonts" / "NoHangul"
    fonts.mkdir(parents=True)
    for style in ("Bold", "Regular"):
        shutil.copyfile(NO_HANGUL, fonts / f"{style}.ttf")
    tofu, _ = build_cards(tmp_path, "{font_family: NoHangul}")

    hangul = [card(cards, path).crop(TITLE_BOX) for path in TITLES]
    boxes = [card(tofu, path).crop(TITLE_BOX) for path in TITLES]
    # In tofu, two different titles of the same shape are the same picture …
    assert ImageChops.difference(*boxes).getbbox() is None
    # … in the machine's Korean font they differ, and each differs from its tofu card.
    assert ImageChops.difference(*hangul).getbbox() is not None
    for real, blank in zip(hangul, boxes):
        assert ImageChops.difference(real, blank).getbbox() is not None


def test_missing_font_turns_cards_off_saying_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from mkdocs.config import load_config

    from doum.cli import main

    project = write_site(tmp_path / "project", SOCIAL.format(options="{}"))
    monkeypatch.chdir(project)
    assert main(["check", "--strict"]) == 0, capsys.readouterr().out  # with the machine's font
    capsys.readouterr()
    missing = {style: (tmp_path / "no-fonts" / "NotoSansCJK-Regular.ttc",) for style in ("Bold", "Regular")}
    monkeypatch.setattr(social_cards, "FONTS", missing)
    # doum check says it before a build, at the plugin's line of mkdocs.yml
    assert main(["check", "--strict"]) == 1
    out = capsys.readouterr().out
    line = next(n for n, text in enumerate((project / "mkdocs.yml").read_text().splitlines(), 1)
                if text.strip() == "- social:")
    assert f"mkdocs.yml:{line}: warning: social plugin: no Korean font" in out, out
    assert "apt-get install fonts-noto-cjk" in out

    config = load_config(str(project / "mkdocs.yml"))
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.doum"):
        assert social_cards.setup(config, lambda: ("#fee500", "#191919")) is None
    plugin = next(social_cards.plugins(config, "social"))
    assert plugin.config.cards is False  # no download of Roboto (no Hangul) from Google Fonts
    message = caplog.text
    assert "no Korean font" in message and "apt-get install fonts-noto-cjk" in message, message
    assert "font_family" in message
