"""Shared steps for the contact-page tests: open the form, fill it, decode its mailto: link."""

from __future__ import annotations

import json
import urllib.parse
from typing import Any

CONTACT = "contact/"
DRAFT_KEY = "doum:contact-draft:v1"

# A complete inquiry for a paid service (the payment section applies).
VALID: dict[str, Any] = {
    "service": "이모티콘",
    "type": "결제/환불",
    "email": "me+kakao@example.com",
    "summary": "구매한 이모티콘이 목록에 안 보여요",
    "description": "어제 밤에 결제했어요.\n이모티콘 탭에 아무것도 없어요.",
    "order": "E-2026-1128",
    "paidAt": "2026-11-27T21:05",
    "payMethod": "신용카드",
    "deviceModel": "SM-S918N",
    "os": "Android",
    "osVersion": "14",
    "appVersion": "25.9.1",
    "appLatest": True,
    "screenshot": True,
}


def open_with_instant_navigation(page: Any, base: str, path: str) -> Any:
    """Open base+path and wait until Material has read the sitemap its instant navigation
    follows (the test sites are built with site_url = the test server's URL)."""
    with page.expect_response("**/sitemap.xml"):
        page.goto(base + path)
    return page


def open_contact(page: Any, base: str, query: str = "") -> Any:
    """Load /contact/ and wait until contact.js has set the form up (its buttons appear)."""
    page.goto(base + CONTACT + query)
    wait_ready(page)
    return page


def wait_ready(page: Any) -> None:
    page.locator("#contact-copy:not([hidden])").wait_for()


def fill(page: Any, values: dict[str, Any]) -> None:
    """Type each value into its control the way a customer would change it."""
    for key, value in values.items():
        control = page.locator(f"#contact-{key}")
        kind = control.evaluate("el => el.type")
        if kind == "checkbox":
            control.set_checked(bool(value))
        elif kind.startswith("select"):
            control.select_option(value)
        else:
            control.fill(value)


def send_href(page: Any) -> str:
    """The link as it stands in the DOM: what the mail app would receive."""
    return page.locator("#contact-send").get_attribute("href")


def decode_mailto(href: str) -> tuple[list[str], dict[str, str]]:
    """(recipients, headers) parsed the way Python's standard library reads any URL.

    Fails on a fragment, a repeated header or a byte sequence that is not UTF-8.
    """
    parts = urllib.parse.urlsplit(href)
    assert parts.scheme == "mailto"
    assert parts.fragment == "" and "#" not in href, "a # would cut the URL"
    recipients = [urllib.parse.unquote(a, errors="strict") for a in parts.path.split(",") if a]
    pairs = urllib.parse.parse_qsl(parts.query, keep_blank_values=True, strict_parsing=True,
                                   errors="strict")
    headers: dict[str, str] = {}
    for name, value in pairs:
        assert name.lower() not in headers, f"header {name} appears twice"
        headers[name.lower()] = value
    return recipients, headers


def site_data(page: Any) -> dict[str, Any]:
    return json.loads(page.locator("#doum-site").text_content())


def stored_draft(page: Any) -> dict[str, Any] | None:
    raw = page.evaluate(f"localStorage.getItem({json.dumps(DRAFT_KEY)})")
    return json.loads(raw) if raw else None
