"""A Korean + English help center with mkdocs-static-i18n: each language is a help center of its
own (navigation, category pages, related pages, index, 404) joined by the switcher, hreflang
links and one sitemap. One suffix-structure site is built (--strict) and served for the module;
the folder structure is built once and must give the same site."""

from __future__ import annotations

import json
import subprocess
import sys
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import axe_violations, mkdocs_build
from doum.search import pieces
from doum.search.searcher import Searcher
from i18n_sites import I18N_YML, write_site

SITE_URL_HOST = "https://help.example.com/"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, served_site) -> tuple[Path, str]:
    """(site_dir, url), as conftest's served_site gives it."""
    return served_site(write_site(tmp_path_factory.mktemp("i18n") / "project"), "i18n-suffix")


class _Head(HTMLParser):
    """<html lang>, the hreflang links (rel split into tokens, as HTML defines it) and the page
    data JSON of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.lang = ""
        self.alternates: dict[str, str] = {}
        self._in_page_data = False
        self.page_data = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        if tag == "html":
            self.lang = values.get("lang", "")
        if tag == "link" and "alternate" in values.get("rel", "").split() and "hreflang" in values:
            self.alternates[values["hreflang"]] = values["href"]
        self._in_page_data = tag == "script" and values.get("id") == "doum-page"

    def handle_data(self, data: str) -> None:
        if self._in_page_data:
            self.page_data += data

    def handle_endtag(self, tag: str) -> None:
        self._in_page_data = False


def head(site: Path, path: str) -> _Head:
    parser = _Head()
    parser.feed((site / path).read_text(encoding="utf-8"))
    return parser


def test_each_language_has_its_own_pages_404_and_lang(served: tuple[Path, str]) -> None:
    site, _ = served
    assert head(site, "account/delete-account/index.html").lang == "ko"
    for path in ("index.html", "account/index.html", "contact/index.html", "404.html",
                 "account/delete-account/index.html"):
        assert head(site, f"en/{path}").lang == "en", path
    assert head(site, "404.html").lang == "ko"  # the default language keeps the root
    assert head(site, "index.html").lang == "ko"
    # Untranslated pages stay out of English (fallback_to_default: false), the embed too.
    assert not (site / "en/account/change-phone").exists()
    assert not (site / "en/embed-demo").exists() and (site / "embed-demo").is_dir()
    # Category page and home cards: the category's English title and only its English pages.
    category = (site / "en/account/index.html").read_text(encoding="utf-8")
    assert "<h1>Account</h1>" in category and "Deleting your account and passwords" in category
    assert "change-phone" not in category and "en/account/reset-password/" not in category  # relative links
    assert 'href="reset-password/"' in category
    home = (site / "en/index.html").read_text(encoding="utf-8")
    assert "Account" in home and "계정" not in re.sub(r"<script.*?</script>", "", home, flags=re.S)


def test_one_search_index_per_language_root(served: tuple[Path, str]) -> None:
    site, _ = served
    assert list(pieces.read_manifest(site)["languages"]) == ["ko"]
    assert pieces.read_manifest(site / "en")["default"] == "en"
    assert list(pieces.read_manifest(site / "en")["languages"]) == ["en"]
    korean = [doc[0] for doc in pieces.read_payload(site)["docs"]]
    english = [doc[0] for doc in pieces.read_payload(site / "en")["docs"]]
    assert "account/change-phone/" in korean and not any(doc.startswith("en/") for doc in korean)
    assert english and all(doc.startswith("en/") for doc in english)  # locations from the site root
    assert pieces.read_entry(site / "en")["language"] == "en"
    # 초성 on the Korean index finds the Korean page; the English index knows no Korean page.
    assert [hit.location for hit in Searcher.from_site(site).search("ㅌㅌ", 3)][:1] == ["account/delete-account/"]
    english_hits = [hit.location for hit in Searcher.from_site(site / "en").search("password", 3)]
    assert english_hits[:1] == ["en/account/reset-password/"]
    stemmed = [hit.location for hit in Searcher.from_site(site / "en").search("deleting", 3)]
    assert stemmed[:1] == ["en/account/delete-account/"]


@pytest.mark.browser
def test_each_page_searches_its_own_language(served: tuple[Path, str], new_page) -> None:
    _, url = served
    page = new_page()
    search = """async (root) => {
        const { search } = await import(new URL('assets/doum/search.js', root).href)
        return {
            korean: (await search('ㅌㅌ', { limit: 5 })).map((hit) => hit.location),
            english: (await search('forgot password', { limit: 5 })).map((hit) => hit.location),
            stemmed: (await search('deleting', { limit: 5 })).map((hit) => hit.location),
        }
    }"""
    page.goto(url + "en/account/delete-account/")
    english = page.evaluate(search, url)
    assert english["english"][:1] == ["en/account/reset-password/"]
    assert english["stemmed"][:1] == ["en/account/delete-account/"]  # English stems: deleting → delet
    assert all(location.startswith("en/") for location in english["korean"] + english["english"])
    page.goto(url + "account/delete-account/")
    korean = page.evaluate(search, url)
    assert korean["korean"][:1] == ["account/delete-account/"]
    assert not any(location.startswith("en/") for location in korean["korean"] + korean["english"])


@pytest.mark.browser
def test_switcher_keeps_the_page(served: tuple[Path, str], new_page) -> None:
    _, url = served
    page = new_page()
    page.goto(url + "account/delete-account/")
    english = page.get_by_role("link", name="English")
    assert english.get_attribute("lang") == "en" and english.get_attribute("hreflang") == "en"
    english.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(url + "en/account/delete-account/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").first.inner_text() == "How do I delete my Kakao Account?"
    violations = [v for v in axe_violations(page)
                  if any("doum-languages" in str(node["target"]) for node in v["nodes"])]
    assert violations == []
    page.get_by_role("link", name="한국어").click()
    page.wait_for_url(url + "account/delete-account/")
    assert page.locator("html").get_attribute("lang") == "ko"
    # A page without a translation leads to the other language's home.
    page.goto(url + "account/change-phone/")
    page.get_by_role("link", name="English").click()
    page.wait_for_url(url + "en/")
    assert page.locator("html").get_attribute("lang") == "en"


def test_hreflang_links_name_every_translation(served: tuple[Path, str]) -> None:
    site, url = served
    translated = head(site, "en/account/delete-account/index.html").alternates
    assert translated == {"ko": f"{url}account/delete-account/", "en": f"{url}en/account/delete-account/",
                          "x-default": f"{url}account/delete-account/"}
    assert head(site, "account/delete-account/index.html").alternates == translated
    assert head(site, "account/change-phone/index.html").alternates == {
        "ko": f"{url}account/change-phone/", "x-default": f"{url}account/change-phone/"}
    # Pages doum generates: the category page in both languages, home and contact too.
    assert head(site, "en/account/index.html").alternates["ko"] == f"{url}account/"
    assert head(site, "contact/index.html").alternates["en"] == f"{url}en/contact/"
    assert head(site, "en/index.html").alternates["ko"] == url
    # Not the exact rel value Material's language code fetches a sitemap beside.
    assert 'rel="alternate" hreflang' not in (site / "index.html").read_text(encoding="utf-8")


def test_sitemap_lists_each_page_once_with_its_alternates(served: tuple[Path, str]) -> None:
    site, url = served
    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(site / "sitemap.xml").getroot()
    entries = {}
    for entry in root.findall("s:url", namespaces):
        loc = entry.findtext("s:loc", namespaces=namespaces)
        assert loc not in entries, f"{loc} is listed twice"
        entries[loc] = {link.get("hreflang"): link.get("href") for link in entry.findall("x:link", namespaces)}
    pages = {f"{url}{path}" for path in ("", "account/", "account/delete-account/", "account/reset-password/",
                                        "account/change-phone/", "contact/", "en/", "en/account/",
                                        "en/account/delete-account/", "en/account/reset-password/",
                                        "en/contact/")}
    assert set(entries) == pages
    assert entries[f"{url}account/delete-account/"] == {"ko": f"{url}account/delete-account/",
                                                        "en": f"{url}en/account/delete-account/"}
    assert entries[f"{url}en/account/"] == {"en": f"{url}en/account/", "ko": f"{url}account/"}
    # a page in one language has no versions to pair: no alternate naming only itself
    assert entries[f"{url}account/change-phone/"] == {}


def test_related_pages_are_the_same_language(served: tuple[Path, str]) -> None:
    site, _ = served
    english = json.loads(head(site, "en/account/delete-account/index.html").page_data)
    assert [page["url"] for page in english["related"]] == ["en/account/reset-password/"]
    assert english["category_title"] == "Account"
    korean = json.loads(head(site, "account/change-phone/index.html").page_data)
    assert [page["url"] for page in korean["related"]] == ["account/delete-account/"]


def test_folder_structure_builds_the_same_site(served: tuple[Path, str], tmp_path: Path) -> None:
    site, _ = served
    project = write_site(tmp_path / "project", "folder")
    result = mkdocs_build(project, tmp_path / "site", "--strict", site_url=None)
    assert result.returncode == 0, result.stdout + result.stderr
    pages = lambda folder: sorted(str(p.relative_to(folder)) for p in folder.rglob("*.html"))  # noqa: E731
    assert pages(tmp_path / "site") == pages(site)
    for root in ("", "en"):
        assert pieces.read_manifest(tmp_path / "site" / root) == pieces.read_manifest(site / root)


def test_category_translation_for_an_unknown_language_is_an_error(tmp_path: Path) -> None:
    project = write_site(tmp_path / "project")
    (project / "mkdocs.yml").write_text(
        I18N_YML.format(structure="suffix").replace("            en: {title", "            fr: {title"),
        encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "categories.account.translations.fr" in result.stdout + result.stderr
    assert not (tmp_path / "site").exists()  # nothing half-built is published


@pytest.mark.parametrize("structure", ["suffix", "folder"])
def test_doum_check_checks_each_language_as_its_build(structure: str, tmp_path: Path) -> None:
    project = write_site(tmp_path / "project", structure)
    assert run_check(project).returncode == 0
    # An English page's link to a page English does not have: the English build would stop.
    english = project / "docs" / ("account/delete-account.en.md" if structure == "suffix"
                                  else "en/account/delete-account.md")
    english.write_text(english.read_text(encoding="utf-8") + "\nSee [phone](change-phone.md).\n",
                       encoding="utf-8")
    result = run_check(project)
    assert result.returncode == 1 and "change-phone.md" in result.stdout, result.stdout


def run_check(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "doum.cli", "check", "--strict"], cwd=project,
                          capture_output=True, text=True)
