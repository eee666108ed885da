"""The inquiry's mailto: link, built by the real page in Chromium and decoded by urllib.parse.

Whatever a customer types must stay text inside the subject or body: no extra header, no
extra recipient, no broken URL, and line breaks in the body must be CRLF (RFC 6068).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from contact_form import VALID, decode_mailto, fill, open_contact, send_href, site_data

from conftest import DESKTOP, FIXTURES

pytestmark = pytest.mark.browser

ATTACKS = [
    "a\r\nBcc: evil@example.net",
    "x&to=evil@example.net&cc=evil@example.net",
    "x?cc=evil@example.net",
    "제목#fragment",
    "100% %0D%0A %41 %ZZ",
    "a=b+c d",
    "이모티콘 😀👍🏽🇰🇷",
]


@pytest.fixture(scope="module")
def own_site(tmp_path_factory: pytest.TempPathFactory, build: Callable[..., Path]) -> Path:
    """An author-written contact.md and a custom form configuration (limit 900)."""
    return build(FIXTURES / "contact-own", tmp_path_factory.mktemp("contact-own") / "site", "--strict")


@pytest.fixture
def contact_page(new_page: Callable[..., Any], default_url: str) -> Any:
    return open_contact(new_page(**DESKTOP), default_url)


def body_lines_are_crlf(body: str) -> bool:
    return "\n" not in body.replace("\r\n", "") and "\r" not in body.replace("\r\n", "")


def test_complete_inquiry_decodes_to_one_recipient_subject_and_labelled_body(contact_page: Any) -> None:
    fill(contact_page, VALID)
    href = send_href(contact_page)
    recipients, headers = decode_mailto(href)
    assert recipients == [site_data(contact_page)["support"]["email"]] == ["help@example.com"]
    assert set(headers) == {"subject", "body"}
    assert headers["subject"] == "[이모티콘/결제/환불] 구매한 이모티콘이 목록에 안 보여요"
    body = headers["body"]
    assert body_lines_are_crlf(body)
    lines = body.split("\r\n")
    # One line per fact, in the order an agent reads them, then the description.
    assert lines == [
        "이메일: me+kakao@example.com",  # a + in the address stays a +
        "주문번호: E-2026-1128",
        "결제일시: 2026-11-27 21:05",
        "결제수단: 신용카드",
        "기기: SM-S918N",
        "OS: Android 14",
        "앱: 25.9.1 (최신)",
        "캡처: 첨부",
        "",
        "[내용]",
        "어제 밤에 결제했어요.",
        "이모티콘 탭에 아무것도 없어요.",
        "",
    ]
    # UTF-8 percent-encoding, no raw Hangul, and the DOM property reads the same.
    assert "%EC%9D%B4%EB%AA%A8%ED%8B%B0%EC%BD%98" in href and href.isascii()
    assert decode_mailto(contact_page.locator("#contact-send").evaluate("a => a.href")) == (recipients, headers)


@pytest.mark.parametrize("attack", ATTACKS)
def test_typed_text_cannot_add_headers_or_recipients(contact_page: Any, attack: str) -> None:
    fill(contact_page, {**VALID, "summary": attack, "description": f"{attack}\n{attack}",
                        "order": attack, "payMethod": attack, "appVersion": attack})
    recipients, headers = decode_mailto(send_href(contact_page))
    assert recipients == ["help@example.com"]
    assert set(headers) == {"subject", "body"}
    summary = contact_page.locator("#contact-summary").input_value()  # inputs drop CR/LF themselves
    assert headers["subject"] == f"[이모티콘/결제/환불] {summary}".replace("\r", "").replace("\n", " ")
    assert "\r" not in headers["subject"] and "\n" not in headers["subject"]
    body = headers["body"]
    assert body_lines_are_crlf(body)
    assert attack.replace("\r\n", "\n").replace("\n", "\r\n") in body
    assert f"주문번호: {summary}" in body.split("\r\n")


def test_long_description_switches_to_short_body_and_full_clipboard(contact_page: Any) -> None:
    contact_page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    long_text = ("가나다라마바사 😀 & ? # % = +\n" * 250).strip()
    assert len(long_text) >= 5000
    fill(contact_page, {**VALID, "description": long_text})
    limit = site_data(contact_page)["contact"]["mailto_limit"]["desktop"]
    href = send_href(contact_page)
    assert len(href) <= limit == 1800
    recipients, headers = decode_mailto(href)
    assert recipients == ["help@example.com"]
    assert headers["subject"] == "[이모티콘/결제/환불] 구매한 이모티콘이 목록에 안 보여요"
    assert "붙여 넣어" in headers["body"] and "가나다라마바사" not in headers["body"]
    assert contact_page.locator("#contact-length").is_visible()
    contact_page.locator("#contact-copy").click()
    contact_page.locator("#contact-status", has_text="복사했어요").wait_for()
    copied = contact_page.evaluate("navigator.clipboard.readText()")
    assert long_text in copied
    assert "이메일: me+kakao@example.com" in copied
    # Shortening the text brings the full body back into the link.
    fill(contact_page, {"description": "짧게 줄였어요"})
    assert "짧게 줄였어요" in decode_mailto(send_href(contact_page))[1]["body"]
    assert not contact_page.locator("#contact-length").is_visible()


def test_author_contact_page_keeps_its_text_and_the_configured_form(
    own_site: Path, serve: Callable[[Path], str], new_page: Callable[..., Any]
) -> None:
    page = open_contact(new_page(**DESKTOP), serve(own_site))
    assert page.locator("h1").inner_text() == "메일로 물어보기"
    assert page.get_by_text("운영자가 직접 쓴 문의 안내 문장이에요.").is_visible()
    services = page.locator("#contact-service option").all_inner_texts()
    assert services == ["선택해 주세요", "앱", "웹사이트"]
    fill(page, {"service": "앱", "type": "사용법", "email": "a@example.com", "summary": "요약",
                "description": "짧은 내용", "os": "iOS"})
    assert not page.locator("#contact-payment").is_visible()
    recipients, headers = decode_mailto(send_href(page))
    assert recipients == ["cs+help@example.org"]
    assert headers["subject"] == "[앱/사용법] 요약"
    fill(page, {"type": "결제 문의"})
    assert page.locator("#contact-payment").is_visible(), "payment type shows the payment section"
    fill(page, {"description": "내용 " * 60})
    href = send_href(page)
    # About 1,700 characters as a whole link: fits the default 1,800, not the configured 900.
    assert len(href) <= 900, "the configured limit (900) applies on every platform"
    assert "붙여 넣어" in decode_mailto(href)[1]["body"]


def test_site_with_only_titles_gets_a_contact_page(minimal_site: Path) -> None:
    html = (minimal_site / "contact" / "index.html").read_text(encoding="utf-8")
    assert 'id="contact-form"' in html and "<h1" in html and "문의하기" in html
    assert 'id="contact-no-address"' in html, "no support.email: the page says so"
