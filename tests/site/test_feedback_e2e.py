"""이 답변이 도움이 되었나요? on FAQ pages: remembered per page in localStorage, no cookies, no
requests; "no" leads to the launcher and to the contact form prefilled with the page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from contact_form import CONTACT, decode_mailto, open_with_instant_navigation, send_href, wait_ready

from conftest import DESKTOP, PHONE, axe_violations

pytestmark = pytest.mark.browser

FAQ = "paid/emoticon-refund/"
OTHER = "paid/cancel-gift/"
VOTE_KEY = "doum:feedback:v1:"


def widget(page: Any) -> Any:
    return page.locator("[data-doum-feedback]")


def open_faq(page: Any, base: str, path: str = FAQ) -> Any:
    page.goto(base + path)
    widget(page).wait_for()
    return page


def pressed(page: Any) -> dict[str, str]:
    return {b.get_attribute("data-doum-vote"): b.get_attribute("aria-pressed")
            for b in widget(page).locator("[data-doum-vote]").all()}


def test_yes_is_remembered_per_page_without_cookies_or_requests(
    new_page: Callable[..., Any], default_url: str
) -> None:
    page = open_faq(new_page(**DESKTOP), default_url)
    assert "이 답변이 도움이 되었나요?" in widget(page).inner_text()
    assert pressed(page) == {"yes": "false", "no": "false"}
    requests: list[Any] = []
    page.on("request", lambda request: requests.append(request))
    widget(page).get_by_role("button", name="네, 도움이 됐어요").click()
    assert pressed(page) == {"yes": "true", "no": "false"}
    assert "고마워요" in widget(page).locator("[role=status]").inner_text()
    assert not widget(page).locator("[data-doum-feedback-next]").is_visible()
    # Lazy loads of the site's own files (search index, modules) may land meanwhile; nothing
    # else may: no POST, no other host, no query carrying the vote.
    sent = [r.url for r in requests if r.method != "GET" or not r.url.startswith(default_url) or "?" in r.url]
    assert sent == [], "a vote sends nothing anywhere"
    assert page.evaluate(f"localStorage.getItem('{VOTE_KEY}{FAQ}')") == "yes"
    assert page.evaluate("document.cookie") == "" and page.context.cookies() == []
    page.reload()
    widget(page).wait_for()
    assert pressed(page) == {"yes": "true", "no": "false"}
    open_faq(page, default_url, OTHER)
    assert pressed(page) == {"yes": "false", "no": "false"}, "another page has its own vote"


def test_no_offers_the_launcher_and_the_prefilled_contact_form(
    new_page: Callable[..., Any], default_url: str
) -> None:
    page = open_with_instant_navigation(new_page(**DESKTOP), default_url, FAQ)
    widget(page).wait_for()
    widget(page).get_by_role("button", name="아니요").click()
    assert pressed(page) == {"yes": "false", "no": "true"}
    nxt = widget(page).locator("[data-doum-feedback-next]")
    assert nxt.is_visible()
    nxt.get_by_role("link", name="채팅 상담 열기").click()
    page.wait_for_function("window.doum.launcher.isOpen()")
    assert page.url.endswith(FAQ), "the chat link opens the launcher, not a new page"
    page.evaluate("window.doum.launcher.close()")
    page.evaluate("window.__sameDocument = true")
    nxt.get_by_role("link", name="문의 양식에 이 페이지 담아 보내기").click()
    page.wait_for_url(f"**/{CONTACT}**")
    wait_ready(page)
    assert page.evaluate("window.__sameDocument") is True
    assert page.locator("#contact-service").input_value() == "이모티콘"
    assert page.locator("#contact-type").input_value() == "결제/환불"
    assert page.locator("#contact-from-link").get_attribute("href") == default_url + FAQ
    assert f"페이지: {default_url}{FAQ}" in decode_mailto(send_href(page))[1]["body"]
    assert widget(page).count() == 0, "the contact page is not a FAQ page"


def test_votes_work_after_instant_navigation(new_page: Callable[..., Any], default_url: str) -> None:
    page = open_with_instant_navigation(new_page(**DESKTOP), default_url, FAQ)
    widget(page).wait_for()
    widget(page).get_by_role("button", name="아니요").click()
    page.evaluate("window.__sameDocument = true")
    related = page.locator(".doum-related__link").first
    other = related.evaluate("a => new URL(a.href).pathname.slice(1)")
    widget(page).evaluate("el => { el.dataset.previousPage = '' }")
    related.click()
    page.wait_for_url(f"**/{other}")
    page.locator("[data-doum-feedback]:not([data-previous-page])").wait_for()
    assert page.evaluate("window.__sameDocument") is True
    assert pressed(page) == {"yes": "false", "no": "false"}
    widget(page).get_by_role("button", name="네, 도움이 됐어요").click()
    assert pressed(page) == {"yes": "true", "no": "false"}
    assert page.evaluate(f"localStorage.getItem('{VOTE_KEY}{other}')") == "yes"
    assert page.evaluate(f"localStorage.getItem('{VOTE_KEY}{FAQ}')") == "no"


@pytest.mark.parametrize(("scheme", "device"), [("light", PHONE), ("dark", DESKTOP)])
def test_axe_on_the_widget_after_no(
    new_page: Callable[..., Any], default_url: str, scheme: str, device: dict[str, Any]
) -> None:
    page = open_faq(new_page(color_scheme=scheme, **device), default_url)
    expected = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    widget(page).get_by_role("button", name="아니요").click()
    result = axe_violations(page)
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in result] == []
