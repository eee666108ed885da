"""Real `mkdocs build --strict` of the default site and of a folder of title-only pages:
navigation, category pages, per-page data and no resources from outside hosts."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest

from conftest import FIXTURES, ROOT

SITES = ["default_site", "minimal_site"]
# Tags and attributes that make a browser fetch something.
RESOURCE_ATTRS = {
    "script": ("src",), "img": ("src", "srcset"), "iframe": ("src",), "source": ("src", "srcset"),
    "video": ("src", "poster"), "audio": ("src",), "embed": ("src",), "object": ("data",),
    "link": ("href",), "use": ("href", "xlink:href"),
}


class Element:
    def __init__(self, tag: str, attrs: dict[str, str]) -> None:
        self.tag, self.attrs, self.text = tag, attrs, ""

    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()


class Document(HTMLParser):
    """Every element of a built page, in order, with the text directly inside scripts."""

    def __init__(self, path: Path) -> None:
        super().__init__(convert_charrefs=True)
        self.path = path
        self.elements: list[Element] = []
        self._script: Element | None = None
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.elements.append(element)
        if tag in ("script", "style"):
            self._script = element

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.text += data

    def find(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[Element]:
        return [
            e for e in self.elements
            if (tag is None or e.tag == tag) and (cls is None or cls in e.classes())
            and all(e.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]

    def one(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> Element:
        found = self.find(tag, cls, **attrs)
        assert len(found) == 1, f"{self.path}: expected one {tag or ''}.{cls or ''} {attrs}, got {len(found)}"
        return found[0]

    def source(self) -> str:
        return self.path.read_text(encoding="utf-8")


def page(site: Path, url: str) -> Document:
    return Document(site / url / "index.html")


def faq_pages(site: Path) -> list[Path]:
    """Built question pages: <category>/<slug>/index.html (category pages are one level up; the
    English translation's folder, en/, is a help center of its own: tests/i18n)."""
    return sorted(path for path in site.glob("*/*/index.html") if path.parts[-3] != "en")


@pytest.fixture(params=SITES)
def site(request: pytest.FixtureRequest) -> Path:
    return request.getfixturevalue(request.param)


def test_both_sites_are_korean_with_home_contact_category_pages_and_search(site: Path) -> None:
    home = Document(site / "index.html")
    assert home.one("html").attrs["lang"] == "ko"
    assert (site / "contact" / "index.html").is_file()
    assert (site / "404.html").is_file()
    assert any((site / "search").glob("*.json")), "no search index written"
    categories = [p.parent for p in site.glob("*/index.html") if page(site, p.parent.name).find(cls="doum-category")]
    assert len(categories) >= 3, "every folder gets a generated category page"


def test_navigation_lists_each_category_in_config_order_and_pages_by_order(default_site: Path) -> None:
    home = page(default_site, "")
    keys = {"guide/", "account/", "settings/", "paid/"}
    sections = [e.attrs["href"] for e in home.find("a", cls="md-nav__link") if e.attrs["href"] in keys]
    assert sections == ["guide/", "account/", "settings/", "paid/"]
    guide = page(default_site, "guide")
    listed = [e.attrs["href"] for e in guide.find("a", cls="doum-category__link")]
    assert listed[0] == "why-chat/"  # `order: 1`
    assert len(listed) == 7
    description = page(default_site, "account").find("span", cls="doum-category__description")
    assert description, "the category's configured description heads its page"


def test_title_only_folders_get_sections_category_pages_and_a_home(minimal_site: Path) -> None:
    home = page(minimal_site, "")
    assert home.find("form", cls="doum-searchbox"), "a generated home page with the search box"
    cards = [e.attrs["href"] for e in home.find("a", cls="doum-card__link")]
    assert sorted(cards) == ["account/", "app/", "billing/"]
    login = page(minimal_site, "account/login")
    nav = [e.attrs["href"] for e in login.find("a", cls="md-nav__link")]
    # Its own category lists its questions (sorted by title), the others only their page.
    for sibling in ("../delete/", "../email/"):
        assert sibling in nav
    assert "../../billing/refund/" not in nav and "../../billing/" in nav
    assert "../../about/" in nav, "top-level pages follow the categories"


def test_no_resource_is_loaded_from_another_host(site: Path) -> None:
    for path in site.rglob("*.html"):
        doc = Document(path)
        for element in doc.elements:
            for attr in RESOURCE_ATTRS.get(element.tag, ()):
                rel = set((element.attrs.get("rel") or "").split())  # tokens: hreflang's " alternate"
                if element.tag == "link" and rel & {"canonical", "prev", "next", "alternate"}:
                    continue
                for url in re.split(r",\s*", element.attrs.get(attr, "")):
                    target = urlsplit(urljoin("https://site.invalid/x/", url.split(" ")[0]))
                    assert target.netloc in ("", "site.invalid"), f"{path}: <{element.tag} {attr}={url}>"
        for style in doc.find("style"):
            assert not re.search(r"url\(\s*['\"]?(https?:)?//", style.text), f"{path}: external url() in <style>"
        assert "fonts.googleapis" not in doc.source() and "fonts.gstatic" not in doc.source()


def test_faq_pages_carry_json_ld_description_related_and_still_box(site: Path) -> None:
    pages = faq_pages(site)
    assert len(pages) >= 6
    for path in pages:
        doc = Document(path)
        data = json.loads(doc.one("script", id="doum-page").text)
        assert data["is_faq"] is True and data["category"] and data["url"]
        for key in ("title", "url", "category", "category_title", "service", "type", "summary"):
            assert key in data, f"{path}: doum_page lacks {key}"
        ld = json.loads(doc.one("script", type="application/ld+json").text)
        assert ld["@type"] == "FAQPage"
        question = ld["mainEntity"][0]
        assert question["name"] == data["title"]
        assert question["acceptedAnswer"]["text"] == data["summary"] != ""
        assert doc.one("meta", name="description").attrs["content"] == data["summary"]
        assert doc.find("a", cls="doum-related__link"), f"{path}: no related questions"
        still = doc.one("section", cls="doum-still")
        assert still is not None
        assert "해결되지 않았나요?" in doc.source()
        assert doc.find("button", cls="doum-still__chat")[0].attrs.get("data-doum-launcher") is not None
        contact = doc.one("a", cls="doum-still__contact").attrs["href"]
        target = urlsplit(urljoin(f"https://site.invalid/{data['url']}", contact))
        assert target.path == "/contact/"
        query = parse_qs(target.query)
        assert query["from"] == [data["url"]]
        if data["type"]:
            assert query["type"] == [data["type"]]


def test_default_pages_use_front_matter_summary_service_and_related(default_site: Path) -> None:
    doc = page(default_site, "paid/cancel-gift")
    data = json.loads(doc.one("script", id="doum-page").text)
    assert data["category_title"] == "유료 서비스" and data["type"] == "결제/환불"
    assert data["service"] == "선물하기", "the page's own service wins over its category's"
    checklist = page(default_site, "guide/checklist")
    related = [e.attrs["href"] for e in checklist.find("a", cls="doum-related__link")]
    assert related and len(related) <= 5


def test_minimal_summary_falls_back_to_the_first_paragraph(minimal_site: Path) -> None:
    doc = page(minimal_site, "account/login")
    description = doc.one("meta", name="description").attrs["content"]
    assert description.startswith("아이디와 비밀번호를 다시 확인하고")


def test_headings_keep_hangul_anchors(default_site: Path) -> None:
    ids = [e.attrs.get("id", "") for e in page(default_site, "guide/mobile-app").elements if e.tag == "h2"]
    assert any(re.search(r"[가-힣]", i) for i in ids), ids


def test_404_is_korean_with_search_home_and_contact(site: Path) -> None:
    doc = Document(site / "404.html")
    assert "페이지를 찾을 수 없어요" in doc.source()
    form = doc.one("form", cls="doum-searchbox")
    assert form.attrs["method"] == "get"
    hrefs = [e.attrs.get("href", "") for e in doc.find("a")]
    assert any(h.endswith("contact/") for h in hrefs)
    # The header's topic has no page title here: nothing, not a Python object's repr.
    assert "built-in method" not in doc.source() and " object at 0x" not in doc.source()


def test_home_renders_search_chips_cards_and_contact_options(default_site: Path) -> None:
    doc = page(default_site, "")
    content = doc.source().split('class="md-content"', 1)[1]
    first = re.search(r"<(form|input|a|button)\b[^>]*>", content.split("doum-home__hero", 1)[1])
    assert first and "doum-searchbox" in first.group(0), "the search box comes first"
    assert "<title>카카오톡 고객센터 도움말</title>" in doc.source(), "the site name, once"
    chips = [e.attrs["data-doum-query"] for e in doc.find("a", cls="doum-keywords__chip")]
    assert chips[:3] == ["탈퇴", "이모티콘 환불", "번호 변경"]
    cards = doc.find("a", cls="doum-card__link")
    assert [c.attrs["href"] for c in cards] == ["guide/", "account/", "settings/", "paid/"]
    assert "질문 7개" in doc.source()
    assert doc.find("button", cls="md-button", data_doum_launcher="")
    assert any(e.attrs.get("href") == "contact/" for e in doc.find("a"))


def test_sitemap_lists_pages_under_site_url(default_site: Path, default_url: str) -> None:
    sitemap = (default_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{default_url}account/reset-password/</loc>" in sitemap


def test_sitemap_is_compact_for_instant_navigation(default_site: Path, default_url: str) -> None:
    """Material's instant navigation parses sitemap.xml on every first page load: nothing in it
    that a search engine does not read (changefreq, indentation, an alternate naming only the
    page itself); alternates stay where a translation exists. The .gz twin holds the same."""
    import gzip
    from xml.etree import ElementTree

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    data = (default_site / "sitemap.xml").read_bytes()
    assert gzip.decompress((default_site / "sitemap.xml.gz").read_bytes()) == data
    assert b"changefreq" not in data and b"\n " not in data
    entries = ElementTree.fromstring(data).findall("s:url", ns)
    alternates = {entry.findtext("s:loc", namespaces=ns):
                  {link.get("hreflang") for link in entry.findall("x:link", ns)} for entry in entries}
    assert all(found in (set(), {"ko", "en"}) for found in alternates.values()), alternates
    assert set() in alternates.values() and {"ko", "en"} in alternates.values()
    # <lastmod> is the page's `updated:` date; a page without one (home) gets none, not the
    # build date that would claim every page changed at every build
    lastmod = {entry.findtext("s:loc", namespaces=ns): entry.findtext("s:lastmod", namespaces=ns)
               for entry in entries}
    updated = re.search(r"^updated: (.+)$", (ROOT / "docs/account/delete-account.md").read_text(
        encoding="utf-8"), re.M)
    assert updated and lastmod[f"{default_url}account/delete-account/"] == updated.group(1)
    assert lastmod[default_url] is None


TRICKY_TITLE = "</script><script>alert(1)</script> & 따옴표 \" 질문"


@pytest.fixture(scope="module")
def authored_site(tmp_path_factory: pytest.TempPathFactory, build: Callable[..., Path]) -> Path:
    """A category with its own index.md and a page whose title tries to end the JSON-LD."""
    root = tmp_path_factory.mktemp("authored")
    docs = root / "project" / "docs" / "faq"
    docs.mkdir(parents=True)
    (root / "project" / "mkdocs.yml").write_text(
        (FIXTURES / "minimal" / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (docs / "index.md").write_text(
        "---\ntitle: 자주 묻는 질문\ntemplate: doum-category.html\n---\n\n직접 쓴 소개 글이에요.\n",
        encoding="utf-8",
    )
    (docs / "tricky.md").write_text(
        f"---\ntitle: '{TRICKY_TITLE}'\nsummary: '요약 </script> \"끝\"'\n---\n\n본문이에요.\n",
        encoding="utf-8",
    )
    (docs / "plain.md").write_text("---\ntitle: 평범한 질문\n---\n\n평범한 답이에요.\n", encoding="utf-8")
    return build(root / "project", root / "site", "--strict")


def test_json_ld_and_description_survive_markup_in_front_matter(authored_site: Path) -> None:
    doc = page(authored_site, "faq/tricky")
    ld = json.loads(doc.one("script", type="application/ld+json").text)
    assert ld["mainEntity"][0]["name"] == TRICKY_TITLE
    assert ld["mainEntity"][0]["acceptedAnswer"]["text"] == '요약 </script> "끝"'
    raw = doc.source().split('type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "</" not in raw and "<script" not in raw
    assert doc.one("meta", name="description").attrs["content"] == '요약 </script> "끝"'


def test_an_authored_category_page_keeps_its_text_and_the_list(authored_site: Path) -> None:
    doc = page(authored_site, "faq")
    assert "직접 쓴 소개 글이에요." in doc.source()
    assert len(doc.find("a", cls="doum-category__link")) == 2


def test_sidebar_names_the_site_once_and_links_home(default_site: Path) -> None:
    html = (default_site / "account" / "reset-password" / "index.html").read_text(encoding="utf-8")
    sidebar = html.split('data-md-type="navigation"', 1)[1].split("</nav>", 1)[0]
    links = re.findall(r'<a href="([^"]*)" class="md-nav__link[^"]*">\s*<span class="md-ellipsis">\s*([^<]+?)\s*<', sidebar)
    assert links[0] == ("../..", "홈"), links[:3]
    shown = re.findall(r">\s*카카오톡 고객센터 도움말\s*<", sidebar)
    assert len(shown) == 1, "the site name shows once, as Material's sidebar title"
