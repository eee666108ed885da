"""The default site under a strict Content-Security-Policy (no 'unsafe-inline', no hashes), in
real Chromium: every feature used, zero `securitypolicyviolation` events. Also blocked and
garbage storage (Material's header search must survive both)."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import DESKTOP, ROOT, mkdocs_build
from contact_form import VALID, fill, wait_ready
from csp_server import RECORD_VIOLATIONS, STRICT_CSP, serve_with_headers
from doum.site import headers as site_headers

pytestmark = pytest.mark.browser

DEEP = "guide/pc-setup/windows/display/"  # a page three folders deep
DEEP_PAGE = """\
---
title: 윈도우 PC에서 화면 배율이 맞지 않아요
summary: 윈도우 디스플레이 설정에서 배율을 100%나 125%로 바꾸면 카카오톡 창이 또렷해져요.
keywords: [화면 배율, 글자 흐림]
service: 카카오톡
---

윈도우 디스플레이 설정에서 배율을 100%나 125%로 바꾸면 카카오톡 창이 또렷해져요.

## 배율 바꾸기

![PC 카카오톡 창. 왼쪽 아래 세 줄 모양 더보기 아이콘에 1번 표시가 있어요](../../../assets/screens/pc-step1.png)
"""


@pytest.fixture(scope="module")
def csp_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The default knowledge base plus one page three folders deep, built once and served
    with the issue's CSP and the CSP doum generated into _headers (both enforced)."""
    project = tmp_path_factory.mktemp("csp-project")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", project / "docs")
    deep = project / "docs" / "guide" / "pc-setup" / "windows" / "display.md"
    deep.parent.mkdir(parents=True)
    deep.write_text(DEEP_PAGE, encoding="utf-8")
    site = tmp_path_factory.mktemp("csp") / "site"
    site.mkdir()
    served: dict[str, list[str]] = {"Content-Security-Policy": [STRICT_CSP]}
    url, stop = serve_with_headers(site, served)
    result = mkdocs_build(project, site, "--strict", site_url=url)
    assert result.returncode == 0, result.stdout + result.stderr
    generated = site_headers.parse((site / "_headers").read_text(encoding="utf-8"))["/*"]
    served["Content-Security-Policy"].append(generated["Content-Security-Policy"])
    served["X-Frame-Options"] = [generated["X-Frame-Options"]]
    yield site, url
    stop()


def open_strict(new_page: Callable[..., Any], url: str, **options: Any) -> Any:
    page = new_page(**(options or DESKTOP))
    return _strict(page, url)


@pytest.fixture
def missing_page(browser: Any) -> Iterator[Callable[[str], Any]]:
    """Like new_page, for an address that answers 404: only that response may be an error."""
    contexts: list[Any] = []
    errors: list[str] = []

    def open_page(url: str) -> Any:
        context = browser.new_context(locale="ko-KR", timezone_id="Asia/Seoul", **DESKTOP)
        contexts.append(context)
        page = context.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page = _strict(page, url)
        return page

    yield open_page
    for context in contexts:
        context.close()
    errors = [e for e in errors if "status of 404" not in e]
    assert len(errors) == 0, f"console errors: {errors}"


def _strict(page: Any, url: str) -> Any:
    page.set_default_timeout(10_000)
    page.add_init_script(RECORD_VIOLATIONS)
    page.on("dialog", lambda dialog: dialog.dismiss())
    page.goto(url)
    page.wait_for_function("() => window.document$ !== undefined")
    return page


def violations(page: Any) -> list[str]:
    return page.evaluate("window.__cspViolations")


def header_search(page: Any, query: str = "비밀번호") -> None:
    toggle = page.locator("label.md-header__button[for=__search]")
    if toggle.is_visible():
        toggle.click()
    box = page.locator("[data-md-component=search-query]")
    box.focus()
    box.fill(query)
    box.press("End")  # Material reads the box on keyup
    page.locator(".md-search-result__list .md-search-result__item").first.wait_for()
    assert "초기화" not in page.locator(".md-search-result__meta").inner_text()
    box.press("Escape")


def launcher(page: Any, question: str = "환불") -> None:
    page.locator("button.doum-launcher").click()
    page.locator("#doum-panel").wait_for(state="visible")
    page.locator("#doum-question").fill(question)
    page.locator("[data-doum-answers] li").first.wait_for()
    page.locator("[data-doum-close]").click()
    page.locator("#doum-panel").wait_for(state="hidden")


def lightbox(page: Any) -> None:
    page.locator("a.glightbox").first.click()
    image = page.locator(".glightbox-container .gslide-image img").first
    image.wait_for(state="visible")
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    page.keyboard.press("Escape")
    page.locator(".glightbox-container").wait_for(state="detached")


def vote(page: Any) -> None:
    widget = page.locator("[data-doum-feedback]")
    widget.get_by_role("button", name="네, 도움이 됐어요").click()
    assert widget.locator("[data-doum-vote=yes]").get_attribute("aria-pressed") == "true"


PAGES = {
    "home": ("", ["search", "launcher", "palette"]),
    "guide with screenshots": ("guide/pc/", ["search", "lightbox", "launcher", "vote"]),
    "contact": ("contact/", ["search", "launcher", "contact"]),
    "404": ("no/such/page/", ["search", "launcher"]),
    "three folders deep": (DEEP, ["search", "lightbox", "launcher", "vote"]),
}


@pytest.mark.parametrize("name", PAGES)
def test_every_feature_works_with_zero_csp_violations(
    new_page: Callable[..., Any], missing_page: Callable[[str], Any], csp_site: tuple[Path, str],
    name: str
) -> None:
    site, url = csp_site
    path, uses = PAGES[name]
    page = missing_page(url + path) if name == "404" else open_strict(new_page, url + path)
    if name == "404":
        assert page.locator("h1").inner_text() == "페이지를 찾을 수 없어요"
    assert page.evaluate("document.documentElement.classList.contains('js')")
    if "search" in uses:
        header_search(page)
    if "lightbox" in uses:
        lightbox(page)
    if "launcher" in uses:
        launcher(page)
    if "vote" in uses:
        vote(page)
    if "contact" in uses:
        wait_ready(page)
        fill(page, VALID)
        assert page.locator("#contact-send").get_attribute("href").startswith("mailto:")
    if "palette" in uses:
        scheme = page.locator("body").get_attribute("data-md-color-scheme")
        page.locator("form[data-md-component=palette] label:not([hidden])").first.click()
        changed = page.locator("body").get_attribute("data-md-color-scheme")
        assert changed != scheme
        page.reload()  # the remembered palette is applied by the static bootstrap
        page.wait_for_function("() => window.document$ !== undefined")
        assert page.locator("body").get_attribute("data-md-color-scheme") == changed
    assert violations(page) == []


def test_pages_carry_no_inline_script_style_or_handler(csp_site: tuple[Path, str]) -> None:
    site, _ = csp_site
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    for html_file in pages:
        text = html_file.read_text(encoding="utf-8")
        for match in re.finditer(r"<script\b([^>]*)>(.*?)</script>", text, re.S):
            attributes, body = match.groups()
            if "src=" in attributes:
                assert not body.strip(), html_file
            else:
                assert re.search(r'type="application/(ld\+)?json"', attributes), (html_file, body[:80])
        assert "<style" not in text, html_file
        assert not re.search(r"<[^>]+\sstyle=", text), html_file
        assert not re.search(r"<[^>]+\son[a-z]+=", text), html_file
        assert "javascript:" not in text, html_file


def test_instant_navigation_and_depth_keep_one_storage_scope(
    new_page: Callable[..., Any], csp_site: tuple[Path, str]
) -> None:
    """__md_scope comes from the page's base, so a page three folders deep and the home page
    share Material's stored state (the inline script used to differ per depth)."""
    _, url = csp_site
    page = open_strict(new_page, url + DEEP)
    assert page.evaluate("__md_scope.href") == url
    page.locator(".md-nav__link", has_text="홈").first.click()
    page.wait_for_url(url)
    # Material closes the search shortly after instant navigation lands; let it settle first.
    page.wait_for_load_state("networkidle")
    assert page.evaluate("__md_scope.href") == url
    header_search(page, "탈퇴")
    assert violations(page) == []


BLOCKED_STORAGE = """
for (const name of ["localStorage", "sessionStorage"]) {
  Object.defineProperty(window, name, {
    configurable: true,
    get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
  });
}
"""

# Stored values Material reads back, one garbage set per page load (each value lands on
# __palette once: the key the bootstrap and Material's palette both read).
KEYS = ["/.__palette", "/.__tabs", "/.__announce", "/.__consent", "/.__source"]
GARBAGE = {
    "quotes": ['"', '"toString"', "{}", "[]", "1e300"],
    "numbers": ['{"index": 1e300, "color": 5}', "1e300", "null", '"', "{"],
    "shapes": ["[]", "{}", '"toString"', "{}", '"'],
}


@pytest.mark.parametrize("name", GARBAGE)
def test_garbage_in_materials_storage_is_ignored_and_overwritten(
    new_page: Callable[..., Any], csp_site: tuple[Path, str], name: str
) -> None:
    _, url = csp_site
    page = new_page(**DESKTOP)
    page.set_default_timeout(10_000)
    page.add_init_script(RECORD_VIOLATIONS)
    values = dict(zip(KEYS, GARBAGE[name]))
    page.add_init_script(
        "for (const [key, value] of Object.entries(%s)) { try { localStorage.setItem(key, value); "
        "sessionStorage.setItem(key, value) } catch (e) {} }" % json.dumps(values))
    page.goto(url)
    page.wait_for_function("() => window.document$ !== undefined")
    header_search(page)
    page.locator("form[data-md-component=palette] label:not([hidden])").first.click()
    stored = page.evaluate("JSON.parse(localStorage.getItem('/.__palette'))")
    assert isinstance(stored, dict) and "color" in stored
    assert violations(page) == []


def test_blocked_storage_leaves_header_search_working(
    new_page: Callable[..., Any], csp_site: tuple[Path, str]
) -> None:
    _, url = csp_site
    page = new_page(**DESKTOP)
    page.set_default_timeout(10_000)
    page.add_init_script(BLOCKED_STORAGE)
    page.goto(url + "guide/pc/")
    page.wait_for_function("() => window.document$ !== undefined")
    header_search(page)
    page.locator("form[data-md-component=palette] label:not([hidden])").first.click()
    lightbox(page)


def test_the_policy_is_enforced_and_violations_are_seen(
    browser: Any, csp_site: tuple[Path, str]
) -> None:
    """The check above can fail: an inline script is refused and reported."""
    _, url = csp_site
    context = browser.new_context(**DESKTOP)
    try:
        page = _strict(context.new_page(), url)
        page.evaluate("""() => {
          const script = document.createElement("script");
          script.textContent = "window.__inlineRan = true";
          document.head.append(script);
        }""")
        page.wait_for_function("() => window.__cspViolations.length > 0")
        assert page.evaluate("window.__inlineRan") is None
        assert "script-src" in violations(page)[0]
    finally:
        context.close()
