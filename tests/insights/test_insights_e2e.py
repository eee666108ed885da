"""Opt-in insight events in Chromium, against a receiver on 127.0.0.1 (a thread recording POST
bodies): once the visitor agreed (test_consent_e2e.py checks the asking), every event fires once
with its documented fields and masked text; with insights off no request leaves the page and
nothing is asked; sampling 0 and Do Not Track (when configured) send nothing and ask nothing; the
`doum:insight` events in the page never hold what the customer typed unmasked."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from contact_form import CONTACT, VALID, fill, hold_mail_app, open_with_instant_navigation
from insights.browsing import (
    FAQ, NOTICE, Receiver, header_search, project_with_insights, recording_page, wait_dispatched,
)

from conftest import DESKTOP
from doum.site import headers as site_headers

pytestmark = pytest.mark.browser

EMAIL = "hong.gildong@example.com"
PHONE = "010-1234-5678"
CARD = "4111 1111 1111 1111"
TYPED_SECRETS = [EMAIL, PHONE, CARD, "hong.gildong", "1234-5678", "4111"]
STATES = {"open", "break", "closed", "holiday"}


@pytest.fixture(scope="module")
def receiver() -> Iterator[Receiver]:
    found = Receiver()
    yield found
    found.server.shutdown()


@pytest.fixture(scope="module")
def on_site(tmp_path_factory: pytest.TempPathFactory, served_site: Callable, receiver: Receiver) -> tuple[Path, str]:
    project = project_with_insights(tmp_path_factory.mktemp("insights-on"), f"{receiver.url}/on")
    return served_site(project, "insights-on-site")


@pytest.fixture(scope="module")
def zero_site(tmp_path_factory: pytest.TempPathFactory, served_site: Callable, receiver: Receiver) -> tuple[Path, str]:
    project = project_with_insights(tmp_path_factory.mktemp("insights-zero"), f"{receiver.url}/zero", sample_rate=0)
    return served_site(project, "insights-zero-site")


def agree(page: Any, base: str) -> None:
    """Open the home page and press 동의 in the consent notice (remembered in localStorage)."""
    page.goto(base)
    page.locator(NOTICE).get_by_role("button", name="동의", exact=True).click()
    page.locator(NOTICE).wait_for(state="detached")


def run_every_event(page: Any, base: str) -> None:
    """A customer's visit that produces each kind of event once, in this order:
    vote, search (typed secrets, closed), search (result opened), launcher_open,
    launcher_question (answer opened), handoff (email), contact_send."""
    open_with_instant_navigation(page, base, FAQ)
    page.locator("[data-doum-feedback]").get_by_role("button", name="아니요").click()

    header_search(page, f"{EMAIL} {PHONE} 이모티콘 환불")
    page.keyboard.press("Escape")  # closing the box ends the search
    page.wait_for_function("!document.getElementById('__search').checked")

    header_search(page, "비밀번호")
    page.locator(".md-search-result__list a.md-search-result__link").first.click()
    page.wait_for_url("**/account/reset-password/**")

    page.locator("button.doum-launcher").click()
    question = page.locator("#doum-question")
    question.fill(f"카드 {CARD} 이모티콘 환불")
    page.locator("[data-doum-answers] li a").first.wait_for()
    page.locator("[data-doum-answers] li a").first.click()
    page.wait_for_url(f"**/{FAQ}**")

    page.locator("[data-doum-escalate]").click()
    page.locator("[data-doum-email]").click()
    page.wait_for_url(f"**/{CONTACT}**")
    page.locator("#contact-copy:not([hidden])").wait_for()
    fill(page, VALID)
    hold_mail_app(page)
    page.locator("#contact-send").click()


def assert_masked(payloads: list[dict[str, Any]]) -> None:
    text = json.dumps(payloads, ensure_ascii=False)
    for secret in TYPED_SECRETS:
        assert secret not in text, f"{secret!r} left the page unmasked: {text}"
    assert not re.search(r"\d{6,}", text.replace("T", " ")), text


EXPECTED_TYPES = ["vote", "search", "search", "launcher_open", "launcher_question", "handoff", "contact_send"]


def test_each_event_fires_once_with_its_fields_masked(new_page: Callable, on_site: tuple[Path, str],
                                                      receiver: Receiver) -> None:
    site, base = on_site
    page, dispatched, _ = recording_page(new_page)
    agree(page, base)
    run_every_event(page, base)
    wait_dispatched(page, dispatched, len(EXPECTED_TYPES))
    assert [e["type"] for e in dispatched] == EXPECTED_TYPES, dispatched
    received = receiver.wait("/on", len(dispatched))
    assert sorted(map(json.dumps, received)) == sorted(map(json.dumps, dispatched)), \
        "every event is sent once, exactly as dispatched in the page"
    records = receiver.taken("/on")
    assert all(r["method"] == "POST" and r["content_type"].startswith("text/plain") for r in records), \
        "text/plain, no CORS preflight"
    assert all(not r.get("cookie") for r in records), "no cookies"

    vote, typed, opened, launcher_open, question, handoff, send = dispatched
    minute = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\dZ$")
    for event in dispatched:
        assert event["v"] == 1 and minute.match(event["time"]), event
        assert "host" not in event, "not embedded"
        assert set(event) <= {"v", "type", "time", "page", "host", "query", "results", "opened", "vote",
                              "channel", "state", "from", "service", "kind"}, event
    assert vote == {**vote, "vote": "no", "page": FAQ}
    assert typed["query"] == "[email] [phone] 이모티콘 환불" and typed["opened"] is False
    assert isinstance(typed["results"], int) and typed["results"] >= 1
    assert typed["page"] == FAQ
    assert opened["query"] == "비밀번호" and opened["opened"] is True and opened["results"] >= 1
    assert launcher_open["page"] == "account/reset-password/"
    assert question["query"] == "카드 [card] 이모티콘 환불" and question["opened"] is True
    assert 1 <= question["results"] <= 3
    assert handoff["channel"] == "email" and handoff["state"] in STATES and handoff["from"] == "launcher"
    assert send["page"] == "contact/" and send["type"] == "contact_send"
    assert_masked(dispatched)
    assert page.context.cookies() == []


def test_the_csp_allows_the_receiver_and_the_contact_page_says_what_is_collected(
        new_page: Callable, on_site: tuple[Path, str], receiver: Receiver) -> None:
    site, base = on_site
    policy = site_headers.parse((site / "_headers").read_text(encoding="utf-8"))["/*"]["Content-Security-Policy"]
    connect = next(d for d in policy.split(";") if d.strip().startswith("connect-src"))
    assert receiver.url in connect.split()
    page = new_page(**DESKTOP)
    page.goto(base + CONTACT)
    notice = page.locator("[data-doum-insights-notice]")
    assert notice.is_visible()
    text = notice.inner_text()
    assert "검색" in text and "가린" in text and "127.0.0.1" in text and "쿠키" in text


def test_with_insights_off_no_request_leaves_and_nothing_typed_is_dispatched_unmasked(
        new_page: Callable, default_url: str) -> None:
    page, dispatched, requests = recording_page(new_page)
    run_every_event(page, default_url)
    wait_dispatched(page, dispatched, len(EXPECTED_TYPES))
    assert [e["type"] for e in dispatched] == EXPECTED_TYPES, "owners can still forward the events"
    assert_masked(dispatched)
    outside = [r.url for r in requests if r.method != "GET" or not r.url.startswith(default_url)]
    outside = [u for u in outside if not u.startswith("mailto:")]
    assert outside == [], outside
    assert page.locator(NOTICE).count() == 0, "insights off: nothing to ask"
    page.goto(default_url + CONTACT)
    assert page.locator("[data-doum-insights-notice]").count() == 0
    assert page.locator("[data-doum-consent-change]").count() == 0


def test_sampling_at_zero_sends_nothing(new_page: Callable, zero_site: tuple[Path, str], receiver: Receiver) -> None:
    _, base = zero_site
    page, dispatched, requests = recording_page(new_page)
    run_every_event(page, base)
    wait_dispatched(page, dispatched, len(EXPECTED_TYPES))
    assert len(dispatched) == len(EXPECTED_TYPES)
    assert page.locator(NOTICE).count() == 0, "nothing will be sent, so nothing is asked"
    page.close()  # page hide: anything still owed would go now
    assert receiver.taken("/zero") == []
    assert not [r for r in requests if r.url.startswith(receiver.url)]


@pytest.mark.parametrize("signal", [
    "Object.defineProperty(Navigator.prototype, 'doNotTrack', {get: () => '1'})",
    "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {get: () => true})",
], ids=["do-not-track", "global-privacy-control"])
def test_do_not_track_is_honoured(new_page: Callable, on_site: tuple[Path, str], receiver: Receiver,
                                  signal: str) -> None:
    _, base = on_site
    before = len(receiver.taken("/on"))
    page, dispatched, requests = recording_page(new_page, init=signal)
    open_with_instant_navigation(page, base, FAQ)
    page.locator("[data-doum-feedback]").get_by_role("button", name="아니요").click()
    header_search(page, "탈퇴")
    page.keyboard.press("Escape")
    page.locator("button.doum-launcher").click()
    wait_dispatched(page, dispatched, 3)
    assert [e["type"] for e in dispatched] == ["vote", "search", "launcher_open"]
    assert page.locator(NOTICE).count() == 0, "nothing will be sent, so nothing is asked"
    page.close()
    assert len(receiver.taken("/on")) == before
    assert not [r for r in requests if r.url.startswith(receiver.url)]


def test_a_panel_reopened_by_a_reload_is_not_a_new_open_and_page_links_are_handoffs(
        new_page: Callable, default_url: str) -> None:
    page, dispatched, _ = recording_page(new_page)
    page.goto(default_url + FAQ)
    page.locator("button.doum-launcher").click()
    wait_dispatched(page, dispatched, 1)
    page.reload()  # launcher.js opens the panel again from sessionStorage
    page.locator("#doum-panel:not([hidden])").wait_for()
    page.evaluate("window.doum.launcher.close()")
    page.locator(".doum-still__contact").click()
    page.wait_for_url(f"**/{CONTACT}**")
    wait_dispatched(page, dispatched, 2)
    assert [e["type"] for e in dispatched] == ["launcher_open", "handoff"], dispatched
    assert dispatched[1]["channel"] == "email" and dispatched[1]["from"] == "page"
    assert dispatched[1]["page"] == FAQ
