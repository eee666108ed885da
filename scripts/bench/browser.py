"""Drive a built site's real header search in headless Chromium and time it in the page.

Material reads the search box on `keyup`, and a late answer to an earlier query would be shown
under newly typed text; search-probe.js counts QUERY/RESULT messages on the worker channel so
each reading belongs to the query just typed. Latency = RESULT time − QUERY time, in the page.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = os.environ.get("DOUM_CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PROBE = (Path(__file__).parent / "search-probe.js").read_text(encoding="utf-8")
SEARCH_BOX = "input[data-md-component=search-query]"
# The first link of each result item is the page; the links after it are its sections.
RESULT_PAGES = ".md-search-result__list > .md-search-result__item > a:first-child"
READY_TIMEOUT_MS = 180_000  # stock Material indexes in the browser: slow on large sites
QUERY_TIMEOUT_MS = 20_000
ANSWERED = """([query]) => {
  const log = window.__benchSearch
  const last = log.queries[log.queries.length - 1]
  return !!last && last.value === query && log.results.length >= log.queries.length
}"""


@dataclass
class Answer:
    locations: list[str]  # result pages in screen order, root-relative ("account/x/")
    latency_ms: float | None  # None when the query text equals the previous one (no message)


@dataclass
class FirstResult:
    ready_ms: float | None  # worker said READY, ms after navigation start
    result_ms: float  # first RESULT shown, ms after navigation start
    count: int  # pages in that first result (0 would make its time meaningless)
    fetched: list[str] = field(default_factory=list)  # root-relative paths, grows while open


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """A local static server for a built site; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


class SearchSession:
    """One open page whose header search answers query after query."""

    def __init__(self, page: Page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url

    def ask(self, query: str) -> Answer:
        box = self.page.locator(SEARCH_BOX)
        before = self.page.evaluate("() => window.__benchSearch.queries.length")
        box.fill(query)
        box.press("End")  # Material reads the box on keyup; fill() alone sends no key events
        self.page.wait_for_function(ANSWERED, arg=[query], timeout=QUERY_TIMEOUT_MS)
        latency = self.page.evaluate("""() => {
          const log = window.__benchSearch, n = log.queries.length - 1
          return log.results[n].at - log.queries[n].at
        }""")
        hrefs = self.page.eval_on_selector_all(RESULT_PAGES, "links => links.map(a => a.href)")
        sent = self.page.evaluate("() => window.__benchSearch.queries.length") > before
        return Answer([_location(h, self.base_url) for h in hrefs], latency if sent else None)


@contextmanager
def open_search(browser: Browser, base_url: str,
                query: str) -> Iterator[tuple[FirstResult, SearchSession]]:
    """Open the home page with `?q=query` (Material's search link) in a cold browser context.

    Yields when the first result is on screen: its timing, and the open header search, ready
    for more queries.
    """
    context = browser.new_context(locale="ko-KR", viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.add_init_script(PROBE)
        fetched: list[str] = []
        context.on("request", lambda request: fetched.append(_location(request.url, base_url)))
        page.goto(f"{base_url}?q={quote(query)}")
        page.wait_for_function("() => window.__benchSearch.results.length > 0",
                               timeout=READY_TIMEOUT_MS)
        ready, shown, count = page.evaluate("""() => {
          const log = window.__benchSearch
          return [log.ready, log.results[0].at, log.results[0].count]
        }""")
        first = FirstResult(ready, shown, count, fetched)
        yield first, SearchSession(page, base_url)
    finally:
        context.close()


def _location(url: str, base_url: str) -> str:
    """Root-relative path of a same-site URL without query and fragment ("account/x/")."""
    path = urlsplit(url).path
    return path.removeprefix(urlsplit(base_url).path)
