"""What a page loads, in real Chromium: the contact bundle through the loader on instant
navigation, one search worker shared by the header search, the launcher and the contact
suggestions, and the site opened from file:// (Material's offline plugin)."""

from __future__ import annotations

import collections
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from contact_form import VALID, decode_mailto, fill, open_with_instant_navigation, send_href, wait_ready

from conftest import CHROMIUM, CHROMIUM_ARGS, DESKTOP, ROOT

pytestmark = pytest.mark.browser

FAQ = "paid/emoticon-refund/"
CONTACT_BUNDLE = re.compile(r"/assets/doum-bundle/contact\.[0-9a-f]{10}\.js$")
# Before any page script: every Worker the page constructs is counted, whoever constructs it.
COUNT_WORKERS = """
window.__workers = []
const NativeWorker = window.Worker
window.Worker = function (url, options) {
  window.__workers.push(String(url))
  return new NativeWorker(url, options)
}
window.Worker.prototype = NativeWorker.prototype
"""


def hold_mail_app(page: Any) -> None:
    """Keep the page when the send link is followed: the test reads the href instead."""
    page.evaluate("""document.addEventListener('click', (event) => {
        if (event.target.closest('#contact-send')) event.preventDefault()
    })""")


def send_checklist(page: Any) -> dict[str, str]:
    hold_mail_app(page)
    fill(page, VALID)
    page.locator("#contact-send").click()
    assert not page.locator("#contact-error-summary").is_visible()
    assert page.locator("#contact-sent").is_visible()
    return decode_mailto(send_href(page))[1]


def header_search(page: Any, query: str) -> Any:
    toggle = page.locator("label.md-header__button[for=__search]")
    if toggle.is_visible():
        toggle.click()
    box = page.locator("[data-md-component=search-query]")
    box.focus()
    box.fill(query)
    box.press("End")  # Material reads the box on keyup
    return box


def test_instant_navigation_to_contact_loads_the_contact_bundle_once(
    new_page: Callable[..., Any], default_url: str
) -> None:
    page = new_page(**DESKTOP)
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    open_with_instant_navigation(page, default_url, FAQ)
    page.wait_for_load_state("networkidle")
    assert not [url for url in fetched if CONTACT_BUNDLE.search(url)], "no form here: no contact code"
    page.evaluate("window.__sameDocument = true")
    page.locator("a.doum-still__contact").click()  # the still-not-solved box
    page.wait_for_url("**/contact/**")
    wait_ready(page)
    assert page.evaluate("window.__sameDocument") is True, "Material's instant navigation, no reload"
    headers = send_checklist(page)
    assert headers["subject"].endswith(VALID["summary"])
    assert f"페이지: {default_url}{FAQ}" in headers["body"].split("\r\n")
    # Away and back again: the form works again, and its code was fetched once.
    page.locator('.md-sidebar--primary a[href$="paid/"]').first.click()
    page.wait_for_url("**/paid/")
    page.go_back()
    page.wait_for_url("**/contact/**")
    wait_ready(page)
    assert page.evaluate("window.__sameDocument") is True
    assert len([url for url in fetched if CONTACT_BUNDLE.search(url)]) == 1


def test_header_search_launcher_and_contact_suggestions_share_one_worker(
    new_page: Callable[..., Any], default_url: str
) -> None:
    page = new_page(**DESKTOP)
    page.add_init_script(COUNT_WORKERS)
    index_fetches: collections.Counter[str] = collections.Counter()

    def count(request: Any) -> None:
        path = urlsplit(request.url).path
        if path.startswith("/search/") and path.endswith(".json"):
            index_fetches[path] += 1

    page.on("request", count)
    page.goto(default_url + "contact/")
    wait_ready(page)
    box = header_search(page, "비밀번호")
    page.locator(".md-search-result__list .md-search-result__item").first.wait_for()
    box.press("Escape")
    page.locator("button.doum-launcher").click()
    page.locator("#doum-question").fill("비밀번호를 잊어버렸어요")
    page.locator("[data-doum-answers] li").first.wait_for()
    page.locator("[data-doum-close]").click()
    page.locator("#contact-summary").fill("이모티콘 환불")
    page.locator("#contact-deflect li").first.wait_for()
    workers = [url for url in page.evaluate("window.__workers") if "search-worker.js" in url]
    assert len(workers) == 1, workers
    assert index_fetches, "the index was fetched"
    assert all(times == 1 for times in index_fetches.values()), index_fetches


# --- file:// ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory, build: Callable[..., Path]) -> Path:
    """The default knowledge base with Material's offline plugin, as a site owner would add it."""
    project = tmp_path_factory.mktemp("offline")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("docs_dir: docs", f"docs_dir: {ROOT / 'docs'}", 1)
    config = config.replace("  - search\n", "  - search\n  - offline\n", 1)
    assert "  - offline\n" in config
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return build(project, project / "site", "--strict")


@pytest.fixture
def file_page(browser: Any) -> Iterator[Any]:
    """A page for file:// URLs that fails the test on any uncaught error. (Console errors are
    expected: Chromium logs the worker it refuses and the offline plugin's outside script.)"""
    context = browser.new_context(locale="ko-KR", timezone_id="Asia/Seoul", **DESKTOP)
    context.route(re.compile(r"^https?://"), lambda route: route.abort())  # nothing from outside
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, errors


OFFLINE_SEARCH = "파일로 연 도움말에서는 검색을 할 수 없어요"


def test_from_file_the_launcher_works_and_search_says_it_needs_the_site_served(
    file_page: Any, offline_site: Path
) -> None:
    page = file_page
    page.goto((offline_site / FAQ.rstrip("/")).with_suffix(".html").as_uri())
    page.locator("button.doum-launcher").click()
    panel = page.locator("#doum-panel")
    panel.wait_for(state="visible")
    assert "상담" in panel.locator(".doum-status").inner_text()  # the hours and the agents' state
    page.locator("#doum-question").fill("환불")
    status = panel.locator("#doum-bot-status")
    page.wait_for_function(
        "(text) => document.getElementById('doum-bot-status').textContent.includes(text)", arg=OFFLINE_SEARCH
    )
    assert "문의해 주세요" in status.inner_text()
    # Hand-off: the other ways to ask are open, and the email link reaches the contact page.
    email = panel.locator("[data-doum-email]")
    email.wait_for(state="visible")
    href = email.get_attribute("href")
    assert href.startswith("file://") and "contact.html?" in href and "q=%ED%99%98%EB%B6%88" in href
    assert panel.locator("[data-doum-agent]").count() == 1
    page.locator("[data-doum-close]").click()
    # The header search stays on screen and says why it cannot answer, with the contact form.
    header_search(page, "비밀번호")
    notice = page.locator(".doum-search-failed .doum-unavailable")
    notice.wait_for(state="visible")
    assert OFFLINE_SEARCH in notice.inner_text()
    form = notice.locator("[data-doum-unavailable-form]")
    assert "contact.html?" in form.get_attribute("href") and "q=" in form.get_attribute("href")
    assert notice.get_by_role("button", name="다시 시도").count() == 0


def test_from_file_the_contact_checklist_builds_the_mail(file_page: Any, offline_site: Path) -> None:
    page = file_page
    page.goto((offline_site / "contact.html").as_uri())
    wait_ready(page)
    headers = send_checklist(page)
    assert headers["subject"].endswith(VALID["summary"])
    # Suggestions cannot search from a file: they say so, and the form goes on.
    page.locator("#contact-summary").fill("이모티콘 환불")
    page.locator("#contact-deflect").get_by_text(OFFLINE_SEARCH).wait_for()
