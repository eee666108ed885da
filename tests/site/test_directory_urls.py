"""`use_directory_urls: false` (issue 8): every page is `name.html`, and so is the contact page
(`contact.html`, not `contact/`). The build prints no link to `contact/`; in Chromium the page-end
and feedback links, the launcher's "이메일로 문의하기", the header search and the contact form
with its suggestions all work."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import DESKTOP, site_data, write_project

pytestmark = pytest.mark.browser

PAGES = {
    "account/forgot-password.md": """
        ---
        title: 비밀번호를 잊어버렸어요
        ---

        로그인 화면에서 비밀번호 찾기를 누르고, 가입한 이메일로 받은 링크에서 새 비밀번호를 정해요.
        """,
    "account/delete-account.md": """
        ---
        title: 회원 탈퇴는 어떻게 하나요?
        ---

        설정 > 계정 > 회원 탈퇴에서 할 수 있어요. 탈퇴하면 대화 내용은 복구할 수 없어요.
        """,
    "account/change-email.md": """
        ---
        title: 이메일 주소를 바꾸고 싶어요
        ---

        설정 > 계정 > 이메일에서 새 주소를 넣고 인증 메일의 링크를 눌러요.
        """,
}
FAQ = "account/forgot-password.html"


@pytest.fixture(scope="module")
def flat_site(tmp_path_factory: pytest.TempPathFactory, serve: Callable[[Path], str],
              build: Callable[..., Path]) -> tuple[Path, str]:
    project = write_project(tmp_path_factory.mktemp("flat") / "project", PAGES)
    config = project / "mkdocs.yml"
    config.write_text("use_directory_urls: false\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    site = tmp_path_factory.mktemp("flat") / "site"
    url = serve(site)
    build(project, site, "--strict")
    return site, url


def test_the_build_links_to_contact_html_only(flat_site: tuple[Path, str]) -> None:
    site, _ = flat_site
    assert (site / "contact.html").is_file()
    assert not (site / "contact").exists()
    pages = {path.relative_to(site).as_posix(): path.read_text(encoding="utf-8")
             for path in site.rglob("*.html")}
    for name, html in pages.items():
        hrefs = re.findall(r'href="([^"]*)"', html)
        assert not [h for h in hrefs if re.search(r"(^|/)contact/", h) and "assets/" not in h], name
    assert re.search(r'href="\.\./contact\.html\?[^"]*from=account%2Fforgot-password\.html"', pages[FAQ])
    assert site_data(pages["index.html"])["contact"]["url"] == "contact.html"


def test_page_end_and_feedback_links_open_the_form(new_page: Callable[..., Any],
                                                   flat_site: tuple[Path, str]) -> None:
    _, url = flat_site
    page = new_page(**DESKTOP)
    page.goto(url + FAQ)
    page.get_by_role("button", name="아니요").click()
    feedback = page.locator("[data-doum-feedback-contact]")
    assert feedback.evaluate("a => a.href").startswith(url + "contact.html?")
    page.locator(".doum-still__contact").click()
    page.wait_for_url(re.compile(r"/contact\.html\?"))
    page.locator("#contact-copy:not([hidden])").wait_for()
    assert page.locator("#contact-from-link").get_attribute("href") == url + FAQ


def test_launcher_email_option_opens_the_prefilled_form(new_page: Callable[..., Any],
                                                        flat_site: tuple[Path, str]) -> None:
    _, url = flat_site
    page = new_page(**DESKTOP)
    page.goto(url + FAQ)
    page.locator("button.doum-launcher").click()
    page.locator("#doum-question").fill("비밀번호 찾기")
    answer = page.locator(".doum-bot__answer a").first
    answer.wait_for()
    assert answer.evaluate("a => a.href") == url + FAQ
    page.get_by_role("button", name="해결되지 않았어요").click()
    email = page.get_by_role("link", name="이메일로 문의하기")
    href = email.evaluate("a => a.href")
    assert href.startswith(url + "contact.html?") and "q=" in href
    email.click()
    page.wait_for_url(re.compile(r"/contact\.html"))
    page.locator("#contact-copy:not([hidden])").wait_for()
    assert page.locator("#contact-summary").input_value() == "비밀번호 찾기"


def test_header_search_finds_html_pages(new_page: Callable[..., Any], flat_site: tuple[Path, str]) -> None:
    _, url = flat_site
    page = new_page(**DESKTOP)
    page.goto(url + "index.html")
    box = page.locator("[data-md-component=search-query]")
    box.focus()
    box.fill("회원 탈퇴")
    box.press("End")
    link = page.locator(".md-search-result__list a.md-search-result__link").first
    link.wait_for()
    assert link.evaluate("a => a.href").startswith(url + "account/delete-account.html")
    link.click()
    page.wait_for_url(re.compile(r"delete-account\.html"))
    # Nothing found: the empty state's contact link is the .html page too.
    box.focus()
    box.fill("zzqqxx")
    box.press("End")
    empty = page.locator(".doum-search-empty")
    empty.wait_for(state="visible")
    assert empty.get_by_role("link", name="문의하기").evaluate("a => a.href") == url + "contact.html"


def test_contact_form_and_suggestions_work(new_page: Callable[..., Any], flat_site: tuple[Path, str]) -> None:
    _, url = flat_site
    page = new_page(**DESKTOP)
    page.goto(url + "contact.html?q=" + "비밀번호를 잊어버렸어요")
    page.locator("#contact-copy:not([hidden])").wait_for()
    assert page.locator("#contact-summary").input_value() == "비밀번호를 잊어버렸어요"
    page.locator("#contact-description").fill("비밀번호 찾기 메일이 오지 않아요")
    page.locator("#contact-summary").fill("회원 탈퇴")
    suggestion = page.locator("#contact-deflect li a").first
    suggestion.wait_for()
    assert suggestion.evaluate("a => a.href").startswith(url + "account/")
    assert page.locator("#contact-send").get_attribute("href").startswith("mailto:")
    # The launcher on the contact page is a button with the same panel.
    assert page.locator("button.doum-launcher").is_visible()


PREFILL_CASES = [
    {"service": "이모티콘", "type": "결제/환불", "from": "paid/emoticon-refund.html"},
    {"service": " ", "type": "", "q": "  환불 & 취소?  ", "from": "a b/c.html"},
    {"q": "100% 안 돼요 #1 + =", "from": ""},
    {},
]


def test_python_and_browser_write_the_same_prefill_link(
        new_page: Callable[..., Any], flat_site: tuple[Path, str]) -> None:
    """pagedata's no-JavaScript link and site.js's prefillLink follow one set of rules."""
    from doum.site.sitedata import prefill_query

    _, url = flat_site
    page = new_page(**DESKTOP)
    page.goto(url + FAQ)
    links = page.evaluate("""async (cases) => {
        const site = await import(new URL("/assets/doum/shared/site.js", location.origin).href)
        return cases.map((fill) => site.prefillLink(fill))
    }""", PREFILL_CASES)
    for fill, link in zip(PREFILL_CASES, links):
        query = prefill_query(**{("from_" if key == "from" else key): value for key, value in fill.items()})
        assert link == url + "contact.html" + (f"?{query}" if query else ""), fill


def test_contact_url_follows_use_directory_urls(tmp_path: Path) -> None:
    from mkdocs.config.defaults import MkDocsConfig

    from doum.site.sitedata import contact_url

    for directory_urls, expected in [(True, "contact/"), (False, "contact.html")]:
        config = MkDocsConfig()
        config.load_dict({"site_name": "t", "docs_dir": str(tmp_path), "site_dir": str(tmp_path / "site"),
                          "use_directory_urls": directory_urls})
        config.validate()
        assert contact_url(config) == expected
