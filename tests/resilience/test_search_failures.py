"""Search that fails visibly, never silently (issue 11): the worker file blocked or silent, the
index blocked or corrupt. In the header search, the launcher's answers and the contact
suggestions the visitor sees a short message and the ways to reach support within 5 s (polled),
and search works again once the file comes back."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import DESKTOP, axe_violations
from resilience_helpers import BREAKAGES, INDEX, WAIT_MS, break_search, visitor  # noqa: F401

pytestmark = pytest.mark.browser

MESSAGE = "지금은 검색을 할 수 없어요"
QUESTION = "비밀번호를 잊어버렸어요"
FAQ = "account/reset-password/"
HEADER_NOTICE = "[data-md-component=search-result] .doum-search-failed .doum-unavailable"


def type_in_header_search(page: Any, text: str) -> None:
    box = page.locator("[data-md-component=search-query]")
    box.focus()
    box.fill(text)
    box.press("End")  # Material reads the box on keyup


@pytest.mark.parametrize("how", BREAKAGES)
def test_header_search_says_so_and_recovers(visitor: Any, default_url: str, how: str) -> None:
    page = visitor()
    pattern = break_search(page, how)
    page.goto(default_url + FAQ)
    type_in_header_search(page, QUESTION)
    notice = page.locator(HEADER_NOTICE)
    notice.wait_for(state="visible", timeout=WAIT_MS)
    assert MESSAGE in notice.inner_text()
    assert page.locator("[data-md-component=search-result] .md-search-result__meta").is_hidden()
    form = notice.get_by_role("link", name="문의 양식 작성하기")
    assert form.is_visible()
    assert form.get_attribute("href").startswith(default_url + "contact/?")
    assert "q=" in form.get_attribute("href")
    assert notice.get_by_role("button", name="채팅 상담").is_visible()
    region = page.locator("[data-md-component=search-result] .doum-search-failed")
    assert region.get_attribute("role") == "status"

    page.unroute(pattern)
    if how.startswith("index"):
        # The worker tries the index again by itself: the results come without a reload.
        pass
    else:
        # Material keeps the worker it started: "다시 시도" loads the search afresh with the query.
        notice.get_by_role("button", name="다시 시도").click()
    first = page.locator(".md-search-result__list > .md-search-result__item").first
    first.locator("h1").filter(has_text="비밀번호").wait_for(timeout=40_000)
    assert page.locator(HEADER_NOTICE).count() == 0


def test_header_search_chat_button_opens_the_launcher(visitor: Any, default_url: str) -> None:
    page = visitor()
    break_search(page, "worker blocked")
    page.goto(default_url)
    type_in_header_search(page, "환불")
    notice = page.locator(HEADER_NOTICE)
    notice.wait_for(state="visible", timeout=WAIT_MS)
    notice.get_by_role("button", name="채팅 상담").click()
    assert page.get_by_role("dialog", name="채팅 상담").is_visible()
    assert not page.evaluate("document.getElementById('__search').checked")


@pytest.mark.parametrize("how", BREAKAGES)
def test_launcher_says_so_shows_the_contact_options_and_recovers(
        visitor: Any, default_url: str, how: str) -> None:
    page = visitor()
    pattern = break_search(page, how)
    page.goto(default_url + FAQ)
    page.wait_for_function("window.doum && window.doum.launcher")
    page.locator("button.doum-launcher").click()
    page.locator("#doum-question").fill(QUESTION)
    status = page.locator("#doum-bot-status")
    page.wait_for_function(
        "text => document.getElementById('doum-bot-status').textContent.includes(text)",
        arg=MESSAGE, timeout=WAIT_MS)
    assert status.get_attribute("aria-live") == "polite"
    options = page.locator("#doum-options")
    assert options.is_visible()
    email = options.get_by_role("link", name="이메일로 문의하기")
    assert email.is_visible() and "contact/?" in email.get_attribute("href")
    assert page.locator(".doum-bot__answer").count() == 0

    page.unroute(pattern)
    page.locator("#doum-question").fill("비밀번호 변경")
    answer = page.locator(".doum-bot__answer a").first
    answer.wait_for(timeout=15_000)
    assert "reset-password" in answer.get_attribute("href") or answer.count() == 1
    assert MESSAGE not in status.inner_text()


@pytest.mark.parametrize("how", BREAKAGES)
def test_contact_suggestions_say_so_and_recover(visitor: Any, default_url: str, how: str) -> None:
    page = visitor()
    pattern = break_search(page, how)
    page.goto(default_url + "contact/")
    page.locator("#contact-copy:not([hidden])").wait_for()
    page.locator("#contact-summary").fill(QUESTION)
    deflect = page.locator("#contact-deflect")
    page.wait_for_function(
        "text => document.getElementById('contact-deflect').textContent.includes(text)",
        arg=MESSAGE, timeout=WAIT_MS)
    assert deflect.get_attribute("aria-live") == "polite"
    assert page.locator("#contact-send").is_visible()  # the form itself is the way to support

    page.unroute(pattern)
    page.locator("#contact-summary").fill("비밀번호 변경")
    deflect.locator("li a").first.wait_for(timeout=15_000)
    assert MESSAGE not in deflect.inner_text()


def test_a_slow_index_is_waited_for_not_reported(visitor: Any, default_url: str) -> None:
    """A large index on a slow line: the worker says it is still loading, so no false alarm."""
    page = visitor()
    held: list[Any] = []
    page.route(INDEX, lambda route: held.append(route))
    page.goto(default_url + FAQ)
    type_in_header_search(page, QUESTION)
    page.wait_for_function("() => true")  # let Playwright hand over the held request
    while not held:
        page.wait_for_timeout(100)
    # Longer than the watchdog's first look (3 s): a worker that heartbeats is not dead.
    page.wait_for_timeout(WAIT_MS + 1_000)
    assert page.locator(HEADER_NOTICE).count() == 0
    held[0].continue_()
    first = page.locator(".md-search-result__list > .md-search-result__item").first
    first.locator("h1").filter(has_text="비밀번호").wait_for()
    assert page.locator(HEADER_NOTICE).count() == 0


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_the_messages_pass_axe(visitor: Any, default_url: str, scheme: str) -> None:
    page = visitor(color_scheme="dark" if scheme == "slate" else "light", **DESKTOP)
    break_search(page, "worker blocked")
    page.goto(default_url + FAQ)
    if scheme == "slate":
        page.evaluate("""() => document.body.setAttribute("data-md-color-scheme", "slate")""")
    type_in_header_search(page, QUESTION)
    page.locator(HEADER_NOTICE).wait_for(state="visible", timeout=WAIT_MS)
    assert axe_violations(page) == []
    page.keyboard.press("Escape")
    page.locator("button.doum-launcher").click()
    page.locator("#doum-question").fill(QUESTION)
    page.wait_for_function(
        "text => document.getElementById('doum-bot-status').textContent.includes(text)",
        arg=MESSAGE, timeout=WAIT_MS)
    assert axe_violations(page) == []
