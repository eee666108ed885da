"""Stored state never breaks a page (issue 11): storage that throws on read, on write, on a full
quota or on being touched at all, and every stored key set to garbage. Each page still works —
the vote, the launcher's answers, the header search, the contact form and its suggestions — no
stored value shows up as text it is not ("function toString() …", "[object Object]"), stored
garbage is overwritten by the next real value, and doum's code raises no page error."""

from __future__ import annotations

import json
from typing import Any

import pytest

from resilience_helpers import visitor  # noqa: F401

pytestmark = pytest.mark.browser

FAQ = "account/reset-password/"
FEEDBACK_KEY = "doum:feedback:v1:" + FAQ
LAUNCHER_KEY = "doum.launcher.v1"
DRAFT_KEY = "doum:contact-draft:v1"

THROW = "function () { throw new DOMException('%s', '%s') }"
STORAGE_FAILURES = {
    "read throws": "for (const name of ['getItem', 'key']) Storage.prototype[name] = "
                   + THROW % ("The operation is insecure.", "SecurityError"),
    "write throws": "for (const name of ['setItem', 'removeItem', 'clear']) Storage.prototype[name] = "
                    + THROW % ("The operation is insecure.", "SecurityError"),
    "quota exceeded": "Storage.prototype.setItem = "
                      + THROW % ("The quota has been exceeded.", "QuotaExceededError"),
    "blocked": "for (const name of ['localStorage', 'sessionStorage']) "
               "Object.defineProperty(window, name, {configurable: true, get: "
               + THROW % ("Access is denied for this document.", "SecurityError") + "})",
}

GARBAGE = [
    "1e300", "toString", "__proto__", "constructor", "{}", "[]", '"', "null", "",
    json.dumps({"question": {"a": 1}, "open": "yes", "escalated": 1}),
    json.dumps({"question": ["x"], "open": True}),
    json.dumps({"values": {"summary": {"a": 1}, "from": "javascript:alert(1)"}, "savedAt": 1e300}),
    json.dumps({"values": [], "savedAt": "toString"}),
]


def vote_yes(page: Any) -> None:
    widget = page.locator("[data-doum-feedback]")
    widget.wait_for(state="visible")
    widget.get_by_role("button", name="네, 도움이 됐어요").click()
    assert "고마워요" in widget.locator("[data-doum-feedback-answer]").inner_text()


def ask_launcher(page: Any, question: str = "비밀번호를 잊어버렸어요") -> None:
    page.wait_for_function("window.doum && window.doum.launcher")
    page.evaluate("window.doum.launcher.open()")
    page.locator("#doum-question").fill(question)
    page.locator(".doum-bot__answer a").first.wait_for()


def header_search(page: Any, text: str = "탈퇴") -> None:
    box = page.locator("[data-md-component=search-query]")
    box.focus()
    box.fill(text)
    box.press("End")
    page.locator(".md-search-result__list > .md-search-result__item").first.wait_for()
    box.press("Escape")


def contact_form(page: Any, base: str) -> None:
    page.goto(base + "contact/")
    page.locator("#contact-copy:not([hidden])").wait_for()
    summary = page.locator("#contact-summary")
    assert summary.input_value() != "[object Object]"
    summary.fill("비밀번호를 잊어버렸어요")
    page.locator("#contact-deflect li a").first.wait_for()
    assert page.locator("#contact-send").get_attribute("href").startswith("mailto:")


def tour(page: Any, base: str) -> None:
    """Use every feature that keeps something between visits, then the ones that read it."""
    page.goto(base + FAQ)
    vote_yes(page)
    ask_launcher(page)
    header_search(page)
    contact_form(page, base)
    for other in ["", "account/", "404.html"]:  # home, a category page, the 404 page
        page.goto(base + other)
        page.locator("button.doum-launcher").wait_for()


@pytest.mark.parametrize("failure", list(STORAGE_FAILURES))
def test_every_page_works_when_storage_throws(visitor: Any, default_url: str, failure: str) -> None:
    page = visitor(init_script=STORAGE_FAILURES[failure])
    tour(page, default_url)
    # And once more after a reload, reading whatever the failing storage gives back.
    page.goto(default_url + FAQ)
    page.locator("[data-doum-feedback]").wait_for(state="visible")
    ask_launcher(page, "회원 탈퇴")


def stored_keys(page: Any) -> dict[str, list[str]]:
    return page.evaluate("""() => ({
        local: Object.keys(localStorage), session: Object.keys(sessionStorage) })""")


@pytest.mark.parametrize("garbage", GARBAGE, ids=[f"garbage{i}" for i in range(len(GARBAGE))])
def test_garbage_in_every_stored_key_is_ignored_and_overwritten(
        visitor: Any, default_url: str, garbage: str) -> None:
    page = visitor()
    tour(page, default_url)
    keys = stored_keys(page)
    assert FEEDBACK_KEY in keys["local"] and LAUNCHER_KEY in keys["session"]
    page.evaluate("""([garbage, extra]) => {
        for (const storage of [localStorage, sessionStorage]) {
            for (const key of [...Object.keys(storage), ...extra]) storage.setItem(key, garbage)
        }
    }""", [garbage, [FEEDBACK_KEY, LAUNCHER_KEY, DRAFT_KEY]])

    page.goto(default_url + FAQ)
    widget = page.locator("[data-doum-feedback]")
    widget.wait_for(state="visible")
    answer = widget.locator("[data-doum-feedback-answer]").inner_text()
    assert answer == "", f"stored {garbage!r} shown as {answer!r}"
    assert widget.locator("[aria-pressed=true]").count() == 0
    page.wait_for_function("window.doum && window.doum.launcher")
    question = page.locator("#doum-question").input_value()
    assert "[object" not in question and "function" not in question
    assert "[object" not in page.locator("body").inner_text()
    assert "function toString" not in page.locator("body").inner_text()

    # The next real values overwrite the garbage.
    vote_yes(page)
    ask_launcher(page, "회원 탈퇴")
    stored = page.evaluate("([a, b]) => [localStorage.getItem(a), sessionStorage.getItem(b)]",
                           [FEEDBACK_KEY, LAUNCHER_KEY])
    assert stored[0] == "yes"
    assert json.loads(stored[1])["question"] == "회원 탈퇴"
    header_search(page)
    contact_form(page, default_url)
