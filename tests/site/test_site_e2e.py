"""The default site in real Chromium: phone and desktop layouts, the home search box, the
screenshot lightbox, instant navigation and axe-core in light and dark palettes."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from conftest import DESKTOP, PHONE, axe_violations

pytestmark = pytest.mark.browser

PAGES = {"home": "", "category": "account/", "guide": "guide/mobile-app/"}
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}


def open_page(new_page: Callable[..., object], base: str, path: str, **options: object):
    page = new_page(**options)
    outside: list[str] = []
    host = urlsplit(base).netloc
    page.on("request", lambda r: outside.append(r.url) if urlsplit(r.url).netloc not in ("", host) else None)
    page.goto(base + path)
    page.wait_for_function("() => window.document$ !== undefined")
    return page, outside


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("name", PAGES)
def test_pages_render_on_phone_and_desktop_without_errors_or_outside_requests(
    new_page: Callable[..., object], default_url: str, name: str, viewport: str
) -> None:
    page, outside = open_page(new_page, default_url, PAGES[name], **VIEWPORTS[viewport])
    expect(page.locator("h1").first).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= VIEWPORTS[viewport].get("viewport", {}).get("width", 1280), "no sideways scrolling"
    if name == "home":
        expect(page.locator(".doum-searchbox__input")).to_be_visible()
        expect(page.locator(".doum-card")).to_have_count(4)
    if name == "category":
        expect(page.locator(".doum-category__link")).to_have_count(5)
    if name == "guide":
        expect(page.locator(".doum-still")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert not outside, f"requests to other hosts: {outside}"


def header_search(page) -> object:
    return page.locator("[data-md-component=search-query]")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_home_search_box_opens_header_search_with_the_query(
    new_page: Callable[..., object], default_url: str, viewport: str
) -> None:
    page, _ = open_page(new_page, default_url, "", **VIEWPORTS[viewport])
    box = page.locator(".doum-searchbox__input")
    box.fill("비밀번호")
    box.press("Enter")
    expect(page.locator("#__search")).to_be_checked()
    expect(header_search(page)).to_have_value("비밀번호")
    expect(header_search(page)).to_be_focused()
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert urlsplit(page.url).query == "", "handled in place, no reload"


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_home_page_starts_with_the_search_box(
    new_page: Callable[..., object], default_url: str, viewport: str
) -> None:
    page, _ = open_page(new_page, default_url, "", **VIEWPORTS[viewport])
    first = page.evaluate("""() => {
        const visible = [...document.querySelectorAll(".md-content article *")].filter((el) => {
            const box = el.getBoundingClientRect()
            return box.width > 1 && box.height > 1 && !el.children.length && el.textContent.trim()
                || el.matches("input")
        })
        return visible[0] && visible[0].closest("form[data-doum-search]") !== null
    }""")
    assert first, "the first thing in the article is the search box (its label or input)"
    assert page.locator("h1").first.text_content().strip(), "the page keeps an h1 for screen readers"


def test_popular_keyword_chip_opens_header_search(new_page: Callable[..., object], default_url: str) -> None:
    page, _ = open_page(new_page, default_url, "", **DESKTOP)
    page.locator("form[data-doum-search][data-doum-ready]").wait_for()
    page.locator(".doum-keywords__chip", has_text="번호 변경").click()
    expect(page.locator("#__search")).to_be_checked()
    expect(header_search(page)).to_have_value("번호 변경")


def test_search_box_without_javascript_links_to_the_query(
    new_page: Callable[..., object], default_url: str
) -> None:
    page = new_page(java_script_enabled=False, **DESKTOP)
    page.goto(default_url)
    page.locator(".doum-searchbox__input").fill("탈퇴")
    page.locator(".doum-searchbox__submit").click()
    page.wait_for_url(re.compile(r"\?q="))
    assert urlsplit(page.url).query == "q=%ED%83%88%ED%87%B4"
    # Material opens the search with that query when the page loads with JavaScript.
    page, _ = open_page(new_page, default_url, "?q=%ED%83%88%ED%87%B4", **DESKTOP)
    expect(header_search(page)).to_have_value("탈퇴")


def test_404_search_box_opens_header_search(new_page: Callable[..., object], default_url: str) -> None:
    page = new_page(**DESKTOP)
    response = page.goto(default_url + "404.html")
    assert response and response.ok
    page.locator(".doum-searchbox__input").fill("환불")
    page.locator(".doum-searchbox__submit").click()
    expect(header_search(page)).to_have_value("환불")


def test_screenshot_opens_in_the_lightbox(new_page: Callable[..., object], default_url: str) -> None:
    page, _ = open_page(new_page, default_url, PAGES["guide"], **PHONE)
    # glightbox's script is deferred: the first paint does not wait for it
    assert page.evaluate("document.querySelector('script[src*=\"glightbox.min.js\"]').defer") is True
    page.locator("a.glightbox").first.click()
    expect(page.locator(".glightbox-container .gslide-image img").first).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator(".glightbox-container")).to_have_count(0)


def test_a_page_without_screenshots_loads_no_lightbox_until_instant_navigation_brings_one(
    new_page: Callable[..., object], default_url: str
) -> None:
    requests: list[str] = []
    page, _ = open_page(new_page, default_url, "", **DESKTOP)
    page.on("request", lambda request: requests.append(request.url))
    assert page.evaluate("""() => !document.querySelector('script[src*="glightbox"], link[href*="glightbox"]')
      && typeof window.GLightbox === 'undefined'""")
    page.evaluate("window.__doumMarker = 'kept'")
    # A link to the guide, clicked: Material's instant navigation takes it (the home page has
    # none of its own).
    page.evaluate("""(href) => {
      const link = Object.assign(document.createElement('a'), { href, textContent: 'guide' })
      link.id = 'to-guide'
      document.querySelector('.md-content').append(link)
    }""", PAGES["guide"])
    page.locator("#to-guide").click()
    page.wait_for_url(default_url + PAGES["guide"])
    # The script loads only now; a click before it has run opens the image as a plain link (the
    # designed fallback), so the click waits until the lightbox is there.
    page.wait_for_function("typeof window.GLightbox === 'function'")
    page.locator("a.glightbox").first.click()
    expect(page.locator(".glightbox-container .gslide-image img").first).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator(".glightbox-container")).to_have_count(0)
    assert page.evaluate("window.__doumMarker") == "kept", "instant navigation, no full reload"
    assert sum("glightbox.min.js" in url for url in requests) == 1


def test_instant_navigation_keeps_the_page_alive_and_rebinds_the_home_search(
    new_page: Callable[..., object], default_url: str
) -> None:
    page, _ = open_page(new_page, default_url, "", **DESKTOP)
    page.evaluate("window.__doumMarker = 'kept'")
    page.locator(".doum-card__link", has_text="계정/로그인").click()
    page.wait_for_url(default_url + "account/")
    expect(page.locator("h1")).to_have_text("계정/로그인")
    page.locator(".doum-category__link").first.click()
    expect(page.locator(".doum-still")).to_be_visible()
    page.locator(".md-header .md-logo").click()
    page.wait_for_url(default_url)
    assert page.evaluate("window.__doumMarker") == "kept", "instant navigation, no full reload"
    page.locator(".doum-searchbox__input").fill("멀티프로필")
    page.locator(".doum-searchbox__input").press("Enter")
    expect(header_search(page)).to_have_value("멀티프로필")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_nothing(new_page: Callable[..., object], default_url: str, name: str, scheme: str) -> None:
    page, _ = open_page(new_page, default_url, PAGES[name], color_scheme=scheme, **DESKTOP)
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.dataset.mdColorScheme") == expected
    violations = axe_violations(page)
    assert not violations, [
        (v["id"], v["help"], [n["target"] for n in v["nodes"]][:5]) for v in violations
    ]
