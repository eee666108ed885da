"""A site whose config values, titles, descriptions, category titles, headings, keywords and
summaries hold OWASP-style payloads, in real Chromium: nothing runs anywhere (every page,
header search, launcher, contact page), and honest strings (`<PC> 버전`, `A&B`) read the same
on the page and in search."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import yaml

from conftest import DESKTOP, mkdocs_build, serve_folder

pytestmark = pytest.mark.browser

RUN = "window.__xss=(window.__xss||0)+1;alert(1)"
PAYLOADS = {
    "script": f"<script>{RUN}</script>",
    "img": f'<img src=x onerror="{RUN}">',
    "svg": f'"><svg onload="{RUN}">',
    "close": f"</script><script>{RUN}</script>",
    "attr": f"' autofocus onfocus='{RUN}' x='",
    "js": f"javascript:{RUN}",
}
P = PAYLOADS
HONEST = {"pc": "<PC> 버전", "ab": "A&B 결합 상품"}

CONFIG: dict[str, Any] = {
    "site_name": "보안 도움말 " + P["img"],
    "site_description": P["svg"],
    "theme": {
        "name": "material",
        "language": "ko",
        "font": False,
        "features": ["navigation.instant", "navigation.sections", "navigation.indexes",
                     "navigation.path", "navigation.footer", "search.suggest",
                     "search.highlight", "search.share", "content.tabs.link"],
        "palette": [
            {"media": "(prefers-color-scheme: light)", "scheme": "default",
             "toggle": {"icon": "material/weather-night", "name": "어두운 화면 " + P["svg"]}},
            {"media": "(prefers-color-scheme: dark)", "scheme": "slate",
             "toggle": {"icon": "material/weather-sunny", "name": "밝은 화면 " + P["attr"]}},
        ],
    },
    "plugins": [
        "search",
        {"doum": {
            "categories": {
                "account": {"title": "계정 " + P["img"], "description": P["svg"], "order": 1,
                            "service": "카카오톡", "type": "계정/로그인"},
                "paid": {"title": "A&B 결제 " + P["close"], "description": P["script"], "order": 2},
            },
            "search": {
                "popular_keywords": [P["img"], HONEST["pc"], "A&B", P["attr"]],
                "synonyms": [[P["script"], "비밀번호"]],
            },
            "support": {
                "reply_time": "1일 " + P["img"],
                "chat_url": "https://example.com/chat",
                "email": "help@example.com",
            },
            "contact": {
                "services": ["카카오톡", "서비스 " + P["img"]],
                "types": ["계정/로그인", "유형 " + P["svg"], "기타"],
            },
        }},
    ],
    "markdown_extensions": ["attr_list", "md_in_html", "toc"],
}


def page(front: dict[str, Any], body: str) -> str:
    return "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n\n" + body


PAGES = {
    "index.md": page({"title": "홈", "template": "doum-home.html", "hide": ["navigation", "toc"]},
                     "보안 점검용 도움말이에요.\n"),
    "account/pc-version.md": page(
        {"title": HONEST["pc"], "summary": "PC 버전에서 로그인하는 방법이에요.",
         "keywords": ["PC", P["img"]], "service": "카카오톡"},
        "PC 버전에서 로그인하는 방법이에요.\n\n## 로그인 순서\n\n설정에서 로그인해요.\n"),
    "account/a-and-b.md": page(
        {"title": HONEST["ab"], "summary": "A&B 결합 상품은 두 서비스를 함께 써요.",
         "keywords": ["결합"], "description": "A&B " + P["svg"]},
        "A&B 결합 상품은 두 서비스를 함께 써요.\n"),
    "account/script-title.md": page(
        {"title": "비밀번호 " + P["script"], "description": P["svg"],
         "summary": "요약 " + P["img"], "keywords": [P["close"], P["js"]]},
        "본문이에요.\n\n## &lt;img src=x onerror=&quot;" + RUN + "&quot;&gt; 제목\n\n"
        "섹션 본문이에요.\n\n## &lt;/script&gt;&lt;script&gt;" + RUN + "&lt;/script&gt;\n\n끝.\n"),
    "paid/img-title.md": page(
        {"title": "환불 " + P["img"], "summary": P["close"], "keywords": [P["svg"]],
         "related": ["account/pc-version.md", "account/script-title.md"]},
        "환불 본문이에요.\n"),
    "paid/svg-title.md": page(
        {"title": "결제 " + P["svg"], "summary": "결제 요약 " + P["js"], "keywords": [P["attr"]]},
        "결제 본문이에요.\n"),
    # No front-matter title: MkDocs takes the `# heading` (entities kept) as the title.
    "paid/heading-title.md": "# 결제 &lt;svg onload=&quot;" + RUN + "&quot;&gt; A&amp;B 취소\n\n취소 본문이에요.\n",
}


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    project = tmp_path_factory.mktemp("payload-project")
    (project / "mkdocs.yml").write_text(
        yaml.safe_dump(CONFIG, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for path, text in PAGES.items():
        file = project / "docs" / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8")
    site = tmp_path_factory.mktemp("payload") / "site"
    site.mkdir()
    url, stop = serve_folder(site)
    result = mkdocs_build(project, site, site_url=url)
    assert result.returncode == 0, result.stdout + result.stderr
    yield site, url
    stop()
    shutil.rmtree(project, ignore_errors=True)


@pytest.fixture
def guarded(new_page: Callable[..., Any]) -> Iterator[Callable[[str], Any]]:
    """guarded(url) → a page whose dialogs are recorded; at the end, nothing may have run."""
    pages: list[tuple[Any, list[str]]] = []

    def open_page(url: str) -> Any:
        page = new_page(**DESKTOP)
        page.set_default_timeout(10_000)
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(url)
        page.wait_for_function("() => window.document$ !== undefined")
        pages.append((page, dialogs))
        return page

    yield open_page
    for page, dialogs in pages:
        assert dialogs == [], f"a payload opened a dialog on {page.url}"
        assert page.evaluate("window.__xss") is None, f"a payload ran on {page.url}"
        assert page.evaluate(
            "document.querySelectorAll('img[onerror], svg[onload], [onfocus], [onmouseover]').length"
        ) == 0, page.url


def pages_of(site: Path) -> list[str]:
    paths = []
    for html_file in sorted(site.rglob("index.html")):
        relative = html_file.parent.relative_to(site).as_posix()
        if relative == "embed-demo":  # a product-like page without Material (tests/embed covers it)
            continue
        paths.append("" if relative == "." else relative + "/")
    return paths


def header_search(page: Any, query: str) -> list[str]:
    box = page.locator("[data-md-component=search-query]")
    box.focus()
    box.fill(query)
    box.press("End")
    items = page.locator(".md-search-result__list .md-search-result__item")
    items.first.wait_for()
    page.wait_for_timeout(200)  # let any injected handler run
    return [t.strip() for t in page.locator(".md-search-result__list h1").all_inner_texts()]


def test_every_page_opened_and_searched_runs_nothing(
    guarded: Callable[[str], Any], payload_site: tuple[Path, str]
) -> None:
    site, url = payload_site
    paths = pages_of(site)
    assert len(paths) >= 8, paths
    for path in paths:
        page = guarded(url + path)
        header_search(page, "비밀번호" if "contact" not in path else "환불")
        page.keyboard.press("Escape")
    guarded(url + "404.html")  # the 404 page a host answers missing addresses with


@pytest.mark.parametrize("name", HONEST)
def test_honest_titles_read_the_same_on_the_page_and_in_search(
    guarded: Callable[[str], Any], payload_site: tuple[Path, str], name: str
) -> None:
    _, url = payload_site
    title = HONEST[name]
    path = {"pc": "account/pc-version/", "ab": "account/a-and-b/"}[name]
    page = guarded(url + path)
    assert page.locator("article h1").inner_text().strip() == title
    assert page.title().startswith(title + " - 보안 도움말 ")
    assert page.locator(".md-nav--primary .md-nav__link--active").first.inner_text().strip() == title
    assert page.locator(".md-header__topic[data-md-component=header-topic]").inner_text().strip() == title
    category_page = guarded(url + "account/")
    assert title in [t.strip() for t in category_page.locator(".doum-category__link").all_inner_texts()]
    query = {"pc": "PC 버전", "ab": "결합 상품"}[name]
    assert title in header_search(page, query)


def test_heading_title_keeps_its_entities_once(
    guarded: Callable[[str], Any], payload_site: tuple[Path, str]
) -> None:
    _, url = payload_site
    page = guarded(url + "paid/heading-title/")
    expected = f'결제 <svg onload="{RUN}"> A&B 취소'
    assert page.locator("article h1").inner_text().strip() == expected
    assert page.title().startswith(expected + " - ")
    assert page.locator(".md-nav__link--active").first.inner_text().strip() == expected


def test_category_titles_and_config_values_are_text(
    guarded: Callable[[str], Any], payload_site: tuple[Path, str]
) -> None:
    _, url = payload_site
    page = guarded(url + "paid/img-title/")
    nav = page.locator(".md-nav--primary").inner_text()
    assert "계정 " + P["img"] in nav and "A&B 결제 " + P["close"] in nav
    assert page.locator("article h1").inner_text().strip() == "환불 " + P["img"]
    assert "A&B 결제 " + P["close"] in page.locator(".md-path").inner_text()  # breadcrumbs
    footer = page.locator(".md-footer__inner").inner_text()  # previous: the heading-titled page
    assert f'결제 <svg onload="{RUN}"> A&B 취소' in footer, footer
    assert page.title() == "환불 " + P["img"] + " - 보안 도움말 " + P["img"]
    description = page.locator("meta[name=description]").get_attribute("content")
    assert description == P["close"]
    related = page.locator(".doum-related__link").all_inner_texts()
    assert any(P["script"] in text for text in related)
    home = guarded(url)
    chips = [t.strip() for t in home.locator(".doum-keywords__chip").all_inner_texts()]
    assert P["img"] in chips and HONEST["pc"] in chips
    assert P["svg"] in home.locator(".doum-cards").inner_text()
    own = guarded(url + "account/script-title/")
    assert own.locator("meta[name=description]").get_attribute("content") == P["svg"]


def test_launcher_and_contact_page_run_nothing(
    guarded: Callable[[str], Any], payload_site: tuple[Path, str]
) -> None:
    _, url = payload_site
    page = guarded(url + "account/script-title/")
    page.locator("button.doum-launcher").click()
    page.locator("#doum-question").fill("비밀번호")
    page.locator("[data-doum-answers] li").first.wait_for()
    assert P["script"] in page.locator("[data-doum-answers]").inner_text()
    page.get_by_role("button", name="해결되지 않았어요").click()
    assert "1일 " + P["img"] in page.locator("#doum-options").inner_text()
    contact = guarded(url + "contact/?service=" + quote("서비스 " + P["img"]) + "&q=" + quote(P["svg"]))
    contact.locator("#contact-copy:not([hidden])").wait_for()
    options = contact.locator("#contact-service option").all_inner_texts()
    assert "서비스 " + P["img"] in [o.strip() for o in options]
    contact.locator("#contact-summary").fill("비밀번호 " + P["img"])
    contact.wait_for_timeout(500)
