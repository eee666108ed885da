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


# Real user agents of the platforms the mailto: limits are chosen for. Chromium may expose
# navigator.userAgentData whatever the UA string says: each entry says what it should read
# (None: a browser without client hints, such as Safari).
DEVICES: dict[str, dict[str, Any]] = {
    "iphone": {
        "platform": "mobile",
        "user_agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
                      "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
        "hints": None,
    },
    "android": {
        "platform": "mobile",
        "user_agent": "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
                      "Chrome/131.0.0.0 Mobile Safari/537.36",
        "hints": {"platform": "Android", "mobile": True, "model": "SM-S918N", "platformVersion": "14.0.0"},
    },
    "macos-safari": {
        "platform": "desktop",
        "user_agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 "
                      "(KHTML, like Gecko) Version/17.4 Safari/605.1.15",
        "hints": None,
    },
    "windows-chrome": {
        "platform": "desktop",
        "user_agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                      "Chrome/131.0.0.0 Safari/537.36",
        "hints": {"platform": "Windows", "mobile": False, "model": "", "platformVersion": "15.0.0"},
    },
    "windows-edge": {
        "platform": "desktop",
        "user_agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                      "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
        "hints": {"platform": "Windows", "mobile": False, "model": "", "platformVersion": "10.0.0"},
    },
}

# In-app browsers of the apps Korean customers open shared links in.
IN_APP: dict[str, str] = {
    "kakaotalk-iphone": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
                        "(KHTML, like Gecko) Mobile/15E148 KAKAOTALK 10.6.5",
    "naver-android": "Mozilla/5.0 (Linux; Android 14; SM-S918N Build/UP1A.231005.007; wv) AppleWebKit/537.36 "
                     "(KHTML, like Gecko) Version/4.0 Chrome/131.0.0.0 Mobile Safari/537.36 "
                     "NAVER(inapp; search; 2000; 12.10.3)",
    "line-android": "Mozilla/5.0 (Linux; Android 14; SM-S918N; wv) AppleWebKit/537.36 (KHTML, like Gecko) "
                    "Version/4.0 Chrome/131.0.0.0 Mobile Safari/537.36 Line/14.5.1",
    "instagram-iphone": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
                        "(KHTML, like Gecko) Mobile/15E148 Instagram 320.0.0.0 (iPhone15,2; iOS 17_4; ko_KR)",
}

_HINTS_SCRIPT = """(() => {
  const hints = %s
  const value = hints ? Object.freeze({
    brands: [], mobile: hints.mobile, platform: hints.platform,
    getHighEntropyValues: async () => ({ brands: [], ...hints }),
    toJSON: () => ({ brands: [], mobile: hints.mobile, platform: hints.platform }),
  }) : undefined
  Object.defineProperty(Navigator.prototype, 'userAgentData', { get: () => value, configurable: true })
})()"""


def emulated_context(user_agent: str, phone: bool) -> dict[str, Any]:
    """Context options for a device: its UA, phone screen and touch where it has them."""
    from conftest import DESKTOP, PHONE

    return {**(PHONE if phone else DESKTOP), "user_agent": user_agent}


def emulate(new_page: Any, user_agent: str, hints: dict[str, Any] | None = None, phone: bool = True) -> Any:
    """A page whose navigator reads like the device: UA string and client hints agree."""
    page = new_page(**emulated_context(user_agent, phone))
    page.add_init_script(_HINTS_SCRIPT % json.dumps(hints))
    return page


def device_page(new_page: Any, name: str) -> Any:
    device = DEVICES[name]
    return emulate(new_page, device["user_agent"], device["hints"], phone=device["platform"] == "mobile")


def hold_mail_app(page: Any) -> None:
    """Keep the page when the send link is followed: the test reads the href instead.
    A document listener runs after the link's own handler, like the browser's default would."""
    page.evaluate("""document.addEventListener('click', (event) => {
        const link = event.target.closest('#contact-send')
        if (!link) return
        // What the browser would have opened: the link, unless the page itself held it back.
        window.__mailOpened = event.defaultPrevented ? null : link.href
        event.preventDefault()
    })""")


def mail_opened(page: Any) -> str | None:
    """The mailto: URL the last press of the send link would have opened (None: held back)."""
    return page.evaluate("window.__mailOpened ?? null")


def mailto_quote(text: str) -> str:
    """encodeURIComponent in Python: what a mailto: value costs, independently of the page."""
    return urllib.parse.quote(text, safe="-_.!~*'()")
