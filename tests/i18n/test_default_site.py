"""The default site's English translation (docs/en/, mkdocs-static-i18n's folder structure): an
English help center beside the Korean one, which keeps its pages, URLs and index."""

from __future__ import annotations

import re
from pathlib import Path

from doum.search import pieces

ROOT = Path(__file__).parents[2]
ENGLISH = sorted(
    path.relative_to(ROOT / "docs/en").with_suffix("").as_posix() + "/"
    for path in (ROOT / "docs/en").glob("*/*.md")
)


def test_english_pages_have_their_own_index(default_site: Path) -> None:
    assert len(ENGLISH) >= 6 and {page.split("/")[0] for page in ENGLISH} == {
        "guide", "account", "settings", "paid"}
    english = [doc[0] for doc in pieces.read_payload(default_site / "en")["docs"] if "#" not in doc[0]]
    assert sorted(english) == [f"en/{page}" for page in ENGLISH]
    korean = [doc[0] for doc in pieces.read_payload(default_site)["docs"]]
    assert not any(location.startswith("en/") for location in korean)
    for page in ENGLISH:
        assert page in korean  # each translation has its Korean page at the same path


def test_english_home_lists_the_four_categories_in_english(default_site: Path) -> None:
    home = (default_site / "en/index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in home
    for title in ("Using Support", "Account &amp; Sign-in", "Settings", "Paid Services"):
        assert title in home, title
    cards = re.findall(r'class="doum-card__link" href="([^"]+)"', home)
    assert sorted(cards) == ["account/", "guide/", "paid/", "settings/"]


def test_korean_pages_link_their_translation_or_the_english_home(default_site: Path) -> None:
    translated = (default_site / "account/delete-account/index.html").read_text(encoding="utf-8")
    assert 'href="../../en/account/delete-account/" hreflang="en"' in translated
    untranslated = (default_site / "account/find-account-id/index.html").read_text(encoding="utf-8")
    assert 'href="../../en/" hreflang="en"' in untranslated


def test_headers_cover_every_languages_files(default_site: Path) -> None:
    from doum.site import headers

    rules = headers.parse((default_site / "_headers").read_text(encoding="utf-8"))
    assert not (default_site / "en" / "_headers").exists()  # hosts read the root's only
    for manifest in ("/search/doum.json", "/en/search/doum.json"):
        assert rules[manifest]["Cache-Control"] == headers.SHORT_CACHE, manifest
    english_entry = next((default_site / "en/search/doum").glob("en.*.json"))
    long_cached = [path for path, rule in rules.items() if rule.get("Cache-Control") == headers.LONG_CACHE]
    entry = "/" + english_entry.relative_to(default_site).as_posix()
    assert any(path == entry or (path.endswith("/*") and entry.startswith(path[:-1])) for path in long_cached)


def test_the_feed_speaks_the_default_language(default_site: Path) -> None:
    feed = (default_site / "feed.xml").read_text(encoding="utf-8")
    assert "<language>ko</language>" in feed and not (default_site / "en/feed.xml").exists()


def test_instant_navigation_to_another_language_loads_that_languages_page(default_url: str, new_page) -> None:
    page = new_page()
    page.goto(default_url + "en/account/delete-account/")
    page.wait_for_function("() => window.document$ !== undefined")
    # A body link to a Korean page (authors write them; the switcher itself opts out of instant
    # navigation): Material fetches it into the English page's document.
    page.evaluate("""() => {
      window.__firstLoad = true
      const link = document.createElement('a')
      link.href = new URL('../../../account/find-account-id/', location.href).href
      link.id = 'to-korean'
      link.textContent = 'Korean page'
      document.querySelector('.md-content article').append(link)
    }""")
    page.click("#to-korean")
    page.wait_for_function("() => window.__firstLoad === undefined")  # the language guard's full load
    page.wait_for_load_state("load")
    assert page.url.endswith("/account/find-account-id/")
    assert page.evaluate("() => document.documentElement.lang") == "ko"
    site = page.evaluate("() => JSON.parse(document.getElementById('doum-site').textContent)")
    assert site["language"] == "ko"


def test_english_pages_name_permalinks_and_palette_toggles_in_english(default_site: Path) -> None:
    english = (default_site / "en/account/delete-account/index.html").read_text(encoding="utf-8")
    korean = (default_site / "account/delete-account/index.html").read_text(encoding="utf-8")
    assert 'title="Link to this section"' in english and 'title="이 부분 링크"' in korean
    assert 'title="Switch to dark mode"' in english and 'title="어두운 화면으로 전환"' in korean


def test_a_sites_own_permalink_title_is_kept() -> None:
    from types import SimpleNamespace

    from doum.site import markdown_defaults, strings

    config = SimpleNamespace(mdx_configs={"toc": {"permalink_title": "¶ here"}})
    markdown_defaults.name_permalinks(config, strings.load("en"))
    assert config.mdx_configs["toc"]["permalink_title"] == "¶ here"
    config = SimpleNamespace(mdx_configs={})
    for language in ("ko", "en"):  # one config object, built once per language
        markdown_defaults.name_permalinks(config, strings.load(language))
    assert config.mdx_configs["toc"]["permalink_title"] == "Link to this section"


def test_english_contact_page_names_the_options_in_english_and_keeps_their_values(default_site: Path) -> None:
    english = (default_site / "en/contact/index.html").read_text(encoding="utf-8")
    korean = (default_site / "contact/index.html").read_text(encoding="utf-8")
    assert '<option value="카카오톡">KakaoTalk</option>' in english
    assert '<option value="결제/환불">Payments &amp; refunds</option>' in english
    assert '<option value="카카오톡">카카오톡</option>' in korean
    assert "1–2 days" in english and "1–2 days" not in korean


def test_translations_must_name_a_further_language_and_listed_options() -> None:
    import pytest
    from types import SimpleNamespace

    from mkdocs.exceptions import PluginError

    from doum.site.languages import Language, Languages, check_translations

    languages = Languages("ko", "ko", [Language("ko", "한국어", ""), Language("en", "English", "en/")])

    def options(contact: dict, support: dict) -> SimpleNamespace:
        return SimpleNamespace(
            categories={},
            contact=SimpleNamespace(services=["카카오톡"], types=["기타"], translations=contact),
            support=SimpleNamespace(translations=support),
        )

    check_translations(options({"en": {"카카오톡": "KakaoTalk"}}, {"en": {"reply_time": "1 day"}}), languages)
    with pytest.raises(PluginError, match=r"contact\.translations\.en\.카카오페이: not one of"):
        check_translations(options({"en": {"카카오페이": "Kakao Pay"}}, {}), languages)
    with pytest.raises(PluginError, match=r"support\.translations\.fr: this site builds no further language"):
        check_translations(options({}, {"fr": {"reply_time": "1 jour"}}), languages)


def test_each_further_language_has_its_own_sitemap(default_site: Path) -> None:
    import gzip
    from xml.etree import ElementTree

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    whole = ElementTree.parse(default_site / "sitemap.xml").getroot()
    english = ElementTree.parse(default_site / "en/sitemap.xml").getroot()
    locs = [loc.text for loc in english.findall("s:url/s:loc", ns)]
    assert locs and all("/en/" in loc for loc in locs)
    assert sorted(locs) == sorted(loc.text for loc in whole.findall("s:url/s:loc", ns) if "/en/" in loc.text)
    assert len(locs) == len(ENGLISH) + 2 + 4  # the answers, home, contact and the four categories
    assert english.findall("s:url/x:link[@hreflang='ko']", ns), "alternates kept"
    assert gzip.decompress((default_site / "en/sitemap.xml.gz").read_bytes()) == (
        default_site / "en/sitemap.xml").read_bytes()


def test_on_a_phone_the_switcher_is_an_icon_that_keeps_its_name(default_url: str, new_page) -> None:
    page = new_page(viewport={"width": 375, "height": 700})
    page.goto(default_url + "en/account/delete-account/")
    link = page.get_by_role("link", name="한국어")
    assert link.count() == 1 and link.is_visible()
    assert page.locator(".doum-languages__name").bounding_box()["width"] <= 1  # the title keeps the room
    page.set_viewport_size({"width": 1200, "height": 700})
    assert page.locator(".doum-languages__name").bounding_box()["width"] > 10
