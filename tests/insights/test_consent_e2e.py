"""개인정보 수집·이용 동의 before insight events leave the page, in Chromium against a receiver on
127.0.0.1: nothing is sent before 동의 (search, launcher, vote, instant navigation), events after
it; nothing after 동의하지 않음, across reloads; the notice lists exactly the configured items,
is asked once across instant navigation, never covers the launcher, is axe-clean in both
palettes; blocked storage asks again on the next load; /contact/ lets the visitor choose again."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from contact_form import CONTACT, open_with_instant_navigation
from insights.browsing import (
    FAQ, NOTICE, RETENTION, Receiver, header_search, project_with_insights, recording_page, wait_dispatched,
)

from conftest import DESKTOP, PHONE, axe_violations

pytestmark = pytest.mark.browser

ITEMS = ["도움말에서 검색한 말 (전화번호·이메일은 가린 뒤)", "보고 있던 페이지 <주소>", "챗봇 창을 열었는지와 '도움이 되었나요?' 답"]
PURPOSE = "찾지 못한 질문을 찾아 도움말을 고치려고"
PATH = "/consent"
# Storage that throws, as in a browser that blocks it (bootstrap.js puts a stand-in per page view).
BLOCKED = """Object.defineProperty(window, 'localStorage', {configurable: true,
  get() { throw new DOMException('blocked', 'SecurityError') }})"""


@pytest.fixture(scope="module")
def receiver() -> Any:
    found = Receiver()
    yield found
    found.server.shutdown()


@pytest.fixture(scope="module")
def consent_site(tmp_path_factory: pytest.TempPathFactory, served_site: Callable, receiver: Receiver) -> str:
    project = project_with_insights(tmp_path_factory.mktemp("consent"), f"{receiver.url}{PATH}",
                                    consent={"items": ITEMS, "purpose": PURPOSE, "retention": RETENTION})
    return served_site(project, "consent-site")[1]


def notice(page: Any) -> Any:
    return page.locator(NOTICE)


def some_events(page: Any, base: str, dispatched: list[dict[str, Any]]) -> int:
    """A vote, a header search, the launcher opened and an instant navigation; returns how many
    events the page dispatched by then (in the page, whatever the choice)."""
    before = len(dispatched)
    page.locator("[data-doum-feedback]").get_by_role("button", name="아니요").click()
    header_search(page, "탈퇴")
    page.keyboard.press("Escape")
    page.wait_for_function("!document.getElementById('__search').checked")
    page.locator("button.doum-launcher").click()
    page.locator("#doum-panel:not([hidden])").wait_for()
    page.evaluate("window.doum.launcher.close()")
    wait_dispatched(page, dispatched, before + 3)
    assert [e["type"] for e in dispatched[before:]] == ["vote", "search", "launcher_open"]
    return len(dispatched)


def test_nothing_is_sent_before_agreeing_and_events_are_after(new_page: Callable, consent_site: str,
                                                             receiver: Receiver) -> None:
    page, dispatched, requests = recording_page(new_page)
    open_with_instant_navigation(page, consent_site, FAQ)
    box = notice(page)
    box.wait_for()
    assert box.get_attribute("aria-labelledby") and page.get_by_role("region", name="개인정보 수집·이용 동의 (선택)").count() == 1
    assert box.locator("[data-doum-consent-items] li").all_inner_texts() == ITEMS, "exactly the configured items"
    text = box.inner_text()
    assert PURPOSE in text and RETENTION in text and receiver.url in text
    assert page.locator(".md-container").locator(NOTICE).count() == 0, "outside Material's container"
    some_events(page, consent_site, dispatched)

    page.evaluate(f"document.querySelector('{NOTICE}').dataset.drawn = 'once'")
    page.evaluate("window.__sameDocument = true")
    page.locator(".md-nav a[href*='account/']").first.click()  # instant navigation
    page.wait_for_url("**/account/**")
    assert page.evaluate("window.__sameDocument") is True
    assert box.get_attribute("data-drawn") == "once", "instant navigation neither redraws nor asks again"
    assert receiver.taken(PATH) == [] and not [r for r in requests if r.url.startswith(receiver.url)], \
        "nothing sent before 동의"

    box.get_by_role("button", name="동의", exact=True).click()
    box.wait_for(state="detached")
    said = page.get_by_role("status").filter(has_text="동의했어요")
    assert said.inner_text() == "동의했어요. 도움말 이용 기록을 보내요.", "the choice is announced"
    page.goto(consent_site + FAQ)
    assert notice(page).count() == 0
    count = len(dispatched)
    after = some_events(page, consent_site, dispatched)
    received = receiver.wait(PATH, after - count)
    assert received == dispatched[count:after], "after 동의 exactly the new events, none of before"
    page.reload()
    page.locator("[data-doum-feedback]").wait_for()
    assert notice(page).count() == 0, "remembered across loads"


def test_declining_sends_nothing_across_reloads_until_chosen_again_on_contact(
        new_page: Callable, consent_site: str, receiver: Receiver) -> None:
    before = len(receiver.taken(PATH))
    page, dispatched, requests = recording_page(new_page)
    page.goto(consent_site + FAQ)
    notice(page).get_by_role("button", name="동의하지 않음").click()
    notice(page).wait_for(state="detached")
    some_events(page, consent_site, dispatched)
    page.reload()
    page.locator("[data-doum-feedback]").wait_for()
    assert notice(page).count() == 0, "the refusal is remembered: not asked again"
    some_events(page, consent_site, dispatched)
    page.evaluate("window.__sameDocument = true")
    page.locator(".doum-still__contact").click()  # instant navigation to /contact/
    page.wait_for_url(f"**/{CONTACT}**")
    assert page.evaluate("window.__sameDocument") is True
    assert notice(page).count() == 0
    state = page.locator("[data-doum-consent-state]")
    page.wait_for_function("document.querySelector('[data-doum-consent-state]')?.textContent !== ''")
    assert "보내지 않아요" in state.inner_text()
    assert len(receiver.taken(PATH)) == before and not [r for r in requests if r.url.startswith(receiver.url)], \
        "nothing sent after 동의하지 않음"

    change = page.locator("[data-doum-consent-change]")
    change.click()
    assert page.evaluate(f"document.activeElement === document.querySelector('{NOTICE}')"), "focus moves to it"
    assert "보내지 않아요" in notice(page).locator("[data-doum-consent-current]").inner_text()
    notice(page).get_by_role("button", name="동의", exact=True).click()
    assert page.evaluate("document.activeElement.matches('[data-doum-consent-change]')"), "focus comes back"
    assert "동의한" in state.inner_text()
    count = len(dispatched)
    page.locator("button.doum-launcher").click()
    wait_dispatched(page, dispatched, count + 1)
    received = receiver.wait(PATH, before + 1)[before:]
    assert [e["type"] for e in received] == ["launcher_open"], "only what came after choosing 동의"


def test_blocked_storage_asks_again_on_the_next_load_and_never_throws(new_page: Callable, consent_site: str,
                                                                     receiver: Receiver) -> None:
    before = len(receiver.taken(PATH))
    page, dispatched, _ = recording_page(new_page, init=BLOCKED)
    page.goto(consent_site + FAQ)
    notice(page).get_by_role("button", name="동의", exact=True).click()
    page.locator("[data-doum-feedback]").get_by_role("button", name="아니요").click()
    wait_dispatched(page, dispatched, 1)
    assert [e["type"] for e in receiver.wait(PATH, before + 1)[before:]] == ["vote"], "agreed for this page view"
    page.reload()
    notice(page).wait_for()  # asked again; new_page fails the test on any console error


@pytest.mark.parametrize(("scheme", "device"), [("light", PHONE), ("dark", DESKTOP)])
def test_the_notice_is_accessible_and_leaves_the_launcher_free(new_page: Callable, consent_site: str,
                                                              scheme: str, device: dict[str, Any]) -> None:
    page = new_page(color_scheme=scheme, **device)
    page.goto(consent_site + FAQ)
    notice(page).wait_for()
    expected = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    box = notice(page).bounding_box()
    bubble = page.locator("button.doum-launcher").bounding_box()
    apart = (box["x"] + box["width"] <= bubble["x"] or bubble["x"] + bubble["width"] <= box["x"]
             or box["y"] + box["height"] <= bubble["y"] or bubble["y"] + bubble["height"] <= box["y"])
    assert apart, (box, bubble)
    assert page.evaluate("getComputedStyle(document.querySelector('#doum-insights-consent')).position") == "fixed"
    result = axe_violations(page)
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in result] == []
    page.keyboard.press("Tab")  # skip link, then the notice's buttons: reachable, not trapped
    buttons = [page.evaluate("document.activeElement.textContent")]
    for _ in range(2):
        page.keyboard.press("Tab")
        buttons.append(page.evaluate("document.activeElement.textContent"))
    assert "동의" in buttons and "동의하지 않음" in buttons, buttons
    page.keyboard.press("Tab")
    assert not page.evaluate(f"document.querySelector('{NOTICE}').contains(document.activeElement)")
