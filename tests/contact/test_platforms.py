"""The inquiry reaches the mail app whole: per-platform mailto: limits in real Chromium.

Each device is a Playwright context with that device's user agent (and client hints, which
Chromium would otherwise report for itself). Descriptions of 100 to 3,000 Hangul syllables,
with and without the payment and device fields: the link stays within the platform's limit,
carries the whole description whenever it fits, and otherwise the send button copies the exact
description and opens a link with only the subject, the facts and where to paste.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from contact_form import (
    DEVICES, IN_APP, VALID, decode_mailto, device_page, emulate, fill, hold_mail_app, mail_opened, mailto_quote,
    open_contact, send_href, site_data, stored_draft,
)

from conftest import axe_violations

pytestmark = pytest.mark.browser

LENGTHS = [100, 300, 1000, 3000]
COPIED_NOTE = "자세한 내용은 길어서 복사해 두었어요. 맨 아래 [내용] 밑에 붙여 넣어 주세요."
SYLLABLES = "어제저녁에이모티콘을결제했는데구매목록에보이지않아요앱을다시설치해도똑같아요"

# Without the payment section (a free service) and with no device line but the required OS.
BARE: dict[str, Any] = {
    "service": "카카오톡", "type": "설정", "email": "me@example.com", "summary": "알림이 오지 않아요",
    "deviceModel": "", "os": "기타", "osVersion": "", "appVersion": "", "appLatest": False, "screenshot": False,
}


def hangul(count: int) -> str:
    """`count` Hangul syllables, a line break after every 100 (as a customer writes paragraphs)."""
    text = "".join(SYLLABLES[i % len(SYLLABLES)] for i in range(count))
    return "\n".join(text[i:i + 100] for i in range(0, count, 100))


def crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


@pytest.mark.parametrize("device", list(DEVICES))
def test_every_length_fits_the_platform_or_is_copied_whole(
    new_page: Callable[..., Any], default_url: str, device: str
) -> None:
    page = open_contact(device_page(new_page, device), default_url)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=default_url.rstrip("/"))
    hold_mail_app(page)
    platform = DEVICES[device]["platform"]
    limit = site_data(page)["contact"]["mailto_limit"][platform]
    assert limit == {"desktop": 1800, "mobile": 30000}[platform]
    for extras in (VALID, BARE):
        fill(page, extras)
        for count in LENGTHS:
            description = hangul(count)
            fill(page, {"description": description})
            case = f"{device}, {count} syllables, {'all fields' if extras is VALID else 'bare'}"
            href = send_href(page)
            assert len(href) <= limit, case
            recipients, headers = decode_mailto(href)
            assert recipients == ["help@example.com"] and set(headers) == {"subject", "body"}, case
            assert headers["subject"] == f"[{extras['service']}/{extras['type']}] {extras['summary']}", case
            body = headers["body"]
            lines = body.split("\r\n")
            if extras is BARE:  # empty optional fields cost nothing
                assert not [line for line in lines if line.startswith(("기기:", "앱:", "캡처:", "주문번호:"))], case
            # Phones carry every length; a desktop carries a short paragraph of Hangul whole.
            should_fit = platform == "mobile" or count == 100
            if should_fit:
                assert crlf(description) in body, case
                assert body.endswith(f"\r\n[내용]\r\n{crlf(description)}\r\n"), case
                assert not page.locator("#contact-length").is_visible(), case
                continue
            # The copy path, and only because the whole inquiry would pass the limit.
            assert lines[0] == COPIED_NOTE and lines[-2:] == ["[내용]", ""], case
            assert SYLLABLES[:5] not in body, case
            whole = "\r\n".join(lines[2:-1]) + "\r\n" + crlf(description) + "\r\n"
            link = (f"mailto:help@example.com?subject={mailto_quote(headers['subject'])}"
                    f"&body={mailto_quote(whole)}")
            assert len(link) > limit, case
            page.evaluate("navigator.clipboard.writeText('')")
            page.locator("#contact-send").click()
            page.locator("#contact-status", has_text="복사했어요").wait_for()
            assert page.evaluate("navigator.clipboard.readText()") == description, case
            assert mail_opened(page) == href, "the same press opens the link: subject and body only"
            assert stored_draft(page)["values"]["description"] == description, "the draft stays"


@pytest.mark.parametrize("device", ["android", "windows-chrome"])
def test_counter_is_quiet_until_near_the_limit_and_speaks_only_on_change(
    new_page: Callable[..., Any], default_url: str, device: str
) -> None:
    page = open_contact(device_page(new_page, device), default_url)
    limit = {"mobile": 30000, "desktop": 1800}[DEVICES[device]["platform"]]
    counter = page.locator("#contact-description-counter")
    live = page.locator("#contact-fit-live")
    fill(page, {**BARE, "description": "짧아요"})
    assert counter.is_visible() and "더 넘길 수 있어요" in counter.inner_text()
    left = int("".join(ch for ch in counter.inner_text().split("약 ")[1].split("자")[0] if ch.isdigit()))
    assert abs(left * 9 - (limit - len(send_href(page)))) < 9, "the count is this device's room, in syllables"
    assert "doum-counter--near" not in counter.get_attribute("class")
    assert live.get_attribute("aria-live") == "polite" and live.inner_text() == ""
    assert "contact-description-counter" in page.locator("#contact-description").get_attribute("aria-describedby")
    # Near the limit: the tone changes once, and the live region says it once.
    room = limit - len(send_href(page)) + len(mailto_quote("짧아요"))
    near = "".join(SYLLABLES[i % len(SYLLABLES)] for i in range(room // 9 - 3))  # one long line
    fill(page, {"description": near})
    assert "doum-counter--near" in counter.get_attribute("class")
    assert "거의 찼어요" in live.inner_text()
    said = live.inner_text()
    page.locator("#contact-description").press("End")
    page.keyboard.type("가")
    assert live.inner_text() == said, "no news per keystroke"
    fill(page, {"description": near + hangul(60)})
    assert "doum-counter--over" in counter.get_attribute("class")
    assert "복사" in live.inner_text() and page.locator("#contact-length").is_visible()
    fill(page, {"description": "다시 짧게"})
    assert "한 번에 넘어가요" in live.inner_text()


@pytest.mark.parametrize("limit_device", ["iphone", "windows-edge"])
def test_injection_stays_text_on_each_platform_limit(
    new_page: Callable[..., Any], default_url: str, limit_device: str
) -> None:
    from test_mailto import ATTACKS  # the RFC 6068 cases, on this platform's limit

    page = open_contact(device_page(new_page, limit_device), default_url)
    limit = site_data(page)["contact"]["mailto_limit"][DEVICES[limit_device]["platform"]]
    fill(page, VALID)
    for attack in ATTACKS:
        # 300 syllables: whole on a phone, the copy path on a desktop; the facts stay in both.
        description = f"{attack}\n{attack}\n" + hangul(300)
        fill(page, {"summary": attack, "description": description, "order": attack,
                    "payMethod": attack, "appVersion": attack})
        href = send_href(page)
        assert len(href) <= limit
        recipients, headers = decode_mailto(href)
        assert recipients == ["help@example.com"] and set(headers) == {"subject", "body"}, attack
        assert "\r" not in headers["subject"] and "\n" not in headers["subject"]
        body = headers["body"]
        assert "\n" not in body.replace("\r\n", "") and "\r" not in body.replace("\r\n", "")
        summary = page.locator("#contact-summary").input_value()
        assert f"주문번호: {' '.join(summary.split())}" in body.split("\r\n"), attack
        whole = crlf(description.replace("\r\n", "\n").replace("\r", "\n"))
        assert (whole in body) == (DEVICES[limit_device]["platform"] == "mobile"), attack


@pytest.mark.parametrize("app", list(IN_APP))
def test_in_app_browsers_get_the_copy_and_open_path(
    new_page: Callable[..., Any], default_url: str, app: str
) -> None:
    page = open_contact(emulate(new_page, IN_APP[app]), default_url)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=default_url.rstrip("/"))
    panel = page.locator("#contact-elsewhere")
    assert panel.is_visible(), "the page says so before anything is pressed"
    assert "열리지 않을 때가 많아요" in page.locator("#contact-elsewhere-why").inner_text()
    fill(page, {**VALID, "description": "앱 안에서 열었어요"})
    panel.get_by_role("button", name="문의 내용 복사").click()
    page.locator("#contact-status", has_text="복사했어요").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("받는 사람: help@example.com\n제목: [이모티콘/결제/환불] ")
    assert "앱 안에서 열었어요" in copied and "이메일: me+kakao@example.com" in copied
    panel.get_by_role("button", name="받는 주소 복사").click()
    page.locator("#contact-status", has_text="받는 주소").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == "help@example.com"
    open_link = page.locator("#contact-open-browser")
    hint = page.locator("#contact-open-browser-hint").inner_text()
    assert "복사해 두세요" in hint
    if app.startswith("kakaotalk"):
        href = open_link.get_attribute("href")
        assert href.startswith("kakaotalk://web/openExternal?url=http%3A%2F%2F127.0.0.1")
        assert "contact%2F" in href and open_link.is_visible()
    elif app.startswith("line"):
        assert "openExternalBrowser=1" in open_link.get_attribute("href")
    elif "android" in app:
        href = open_link.get_attribute("href")
        assert href.startswith("intent://127.0.0.1:") and href.endswith(";end")
        assert "#Intent;scheme=http;" in href and "service=" in href
    else:  # no known link on iOS: the app's menu, in words
        assert not open_link.is_visible() and "Safari" in hint
    if app == "kakaotalk-iphone":
        assert [v["id"] for v in axe_violations(page)] == []
    # Pressing send in an app's browser also leaves the whole inquiry on the clipboard.
    hold_mail_app(page)
    page.evaluate("navigator.clipboard.writeText('')")
    page.locator("#contact-send").click()
    page.locator("#contact-status", has_text="웹메일에 붙여 넣어").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == copied
    assert mail_opened(page) == send_href(page), "and the mail link is still followed"


def test_clipboard_refused_selects_the_text_in_a_read_only_box(
    new_page: Callable[..., Any], default_url: str
) -> None:
    page = device_page(new_page, "windows-chrome")
    page.add_init_script("""
        Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => ({
          writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) }) })
        Document.prototype.execCommand = () => false
    """)
    open_contact(page, default_url)
    hold_mail_app(page)
    description = hangul(300)
    fill(page, {**VALID, "description": description})
    page.locator("#contact-send").click()
    box = page.locator("#contact-copybox-text")
    box.wait_for()
    assert box.get_attribute("readonly") is not None and box.input_value() == description
    assert page.evaluate("document.activeElement.id") == "contact-copybox-text"
    selected = page.evaluate("(() => { const a = document.activeElement; return a.value.slice(a.selectionStart, a.selectionEnd) })()")
    assert selected == description
    label = page.locator("#contact-copybox-label").inner_text()
    assert "선택돼 있어요" in label and "붙여 넣어" in label
    assert "[내용] 밑에" in page.locator("#contact-status").inner_text()
    assert stored_draft(page)["values"]["description"] == description
    assert COPIED_NOTE in decode_mailto(mail_opened(page))[1]["body"]
    assert [v["id"] for v in axe_violations(page)] == []


def test_no_mail_app_answer_offers_the_other_ways(new_page: Callable[..., Any], default_url: str) -> None:
    page = open_contact(device_page(new_page, "iphone"), default_url)
    hold_mail_app(page)
    assert not page.locator("#contact-elsewhere").is_visible(), "an ordinary browser: not up front"
    fill(page, {**VALID, "description": "짧은 문의"})
    page.locator("#contact-send").click()
    page.get_by_role("button", name="메일 앱이 열리지 않았어요").click()
    panel = page.locator("#contact-elsewhere")
    assert panel.is_visible() and page.evaluate("document.activeElement.id") == "contact-elsewhere"
    assert panel.get_by_role("button", name="문의 내용 복사").is_visible()
    assert not page.locator("#contact-open-browser").is_visible(), "already the phone's browser"
    assert stored_draft(page) is not None


@pytest.mark.parametrize("left_for_the_mail_app", [False, True])
def test_a_mail_app_that_does_not_open_is_noticed(
    new_page: Callable[..., Any], default_url: str, left_for_the_mail_app: bool
) -> None:
    page = device_page(new_page, "android")
    page.clock.install()  # the page's timers run only when the test moves the clock
    open_contact(page, default_url)
    hold_mail_app(page)
    fill(page, {**VALID, "description": "메일 앱이 없는 휴대폰"})
    page.locator("#contact-send").click()
    if left_for_the_mail_app:  # the mail app took the focus: the page was left
        page.evaluate("window.dispatchEvent(new Event('blur'))")
    page.clock.run_for(10_000)
    panel = page.locator("#contact-elsewhere")
    if left_for_the_mail_app:
        assert not panel.is_visible()
    else:
        assert panel.is_visible() and "열리지 않은 것 같아요" in panel.inner_text()
        assert stored_draft(page)["values"]["description"] == "메일 앱이 없는 휴대폰"
