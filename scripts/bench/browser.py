"""Drive a built site's real header search in headless Chromium and time it in the page.

Material reads the search box on `keyup`, and a late answer to an earlier query would be shown
under newly typed text; probe.js counts QUERY/RESULT messages on the worker channel so each
reading belongs to the query just typed. Latency = RESULT time − QUERY time, in the page.

What the search fetched is read from Resource Timing, in the page and in every worker it runs,
never from the site's files: the engines are free to name and split their index as they like.
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

from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError

CHROMIUM = os.environ.get("DOUM_CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PROBE = (Path(__file__).parent / "probe.js").read_text(encoding="utf-8")
SEARCH_BOX = "input[data-md-component=search-query]"
# The first link of each result item is the page; the links after it are its sections.
RESULT_PAGES = ".md-search-result__list > .md-search-result__item > a:first-child"
RESOURCES = """() => performance.getEntriesByType('resource').map((e) => ({
  url: e.name, start: performance.timeOrigin + e.startTime, initiator: e.initiatorType,
  size: e.decodedBodySize, blocking: e.renderBlockingStatus || ''}))"""
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
class Resource:
    """One fetch seen by Resource Timing, in the page or in a worker."""

    url: str
    start: float  # epoch ms (timeOrigin + startTime), comparable across page and workers
    initiator: str  # Resource Timing initiatorType: link, script, fetch, xmlhttprequest, other…
    size: int  # decoded body bytes
    in_worker: bool = False
    blocking: str = ""  # renderBlockingStatus: "blocking" / "non-blocking" (page only)


@dataclass
class FirstResult:
    ready_ms: float | None  # worker said READY, ms after navigation start
    result_ms: float  # first RESULT shown, ms after navigation start
    count: int  # pages in that first result (0 would make its time meaningless)
    fetched: list[Resource] = field(default_factory=list)  # search path, before the result
    loaded: list[Resource] = field(default_factory=list)  # everything, before the result


@dataclass
class TypedResult:
    """The first result when the query is typed into an already loaded page."""

    result_ms: float  # from the first input event in the search box to the first RESULT
    count: int
    fetched: list[Resource] = field(default_factory=list)  # requests started in between
    idle_urls: set[str] = field(default_factory=set)  # what the page fetched before typing


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    # Keep-alive, as every real static host: HTTP/1.0 would open a new connection per request.
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body are two writes: no delayed-ACK stall

    def log_message(self, format: str, *args: object) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a page closed while a file was still being sent: nothing to report


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """A local static server for a built site; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = _QuietServer(("127.0.0.1", 0), handler)
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
        return Answer([location(h, self.base_url) for h in hrefs], latency if sent else None)

    def search_path(self) -> list[Resource]:
        """Everything the search fetched since the page opened (each URL once)."""
        found = search_path(self.page, self.base_url, float("inf"))
        return list({r.url: r for r in found}.values())

    def type_by_syllable(self, query: str) -> list[float]:
        """Type the query one character at a time; the latency of each keystroke's answer."""
        latencies = []
        for end in range(1, len(query) + 1):
            if query[end - 1] == " ":
                continue  # a space alone changes nothing Material searches for
            answer = self.ask(query[:end])
            if answer.latency_ms is not None:
                latencies.append(answer.latency_ms)
        return latencies


def resources(page: Page) -> list[Resource]:
    """Every fetch the page and its live workers made so far (Resource Timing)."""
    found = [Resource(**entry) for entry in page.evaluate(RESOURCES)]
    for worker in page.workers:
        try:
            found += [Resource(**entry, in_worker=True) for entry in worker.evaluate(RESOURCES)]
        except PlaywrightError:
            pass  # the worker ended meanwhile (an engine may replace a failed one)
    return found


def search_path(page: Page, base_url: str, before: float) -> list[Resource]:
    """What the search fetched up to `before` (epoch ms).

    The search path is every worker's own script and everything workers fetched, plus the data
    the page itself fetched (fetch/XHR) under search/ — the folder both engines write their
    index into. Scripts and styles the page loads for itself are page weight, not search; code
    the search loads on demand is told apart by measure.py (what an idle page never fetched).
    """
    workers = {worker.url for worker in page.workers}
    search_dir = base_url + "search/"
    return [r for r in resources(page) if r.start <= before and (
        r.in_worker or r.url in workers
        or (r.initiator in ("fetch", "xmlhttprequest") and r.url.startswith(search_dir)))]


def _epoch(page: Page, ms: float) -> float:
    return page.evaluate("(ms) => performance.timeOrigin + ms", ms)


def _new_page(browser: Browser) -> tuple[BrowserContext, Page]:
    context = browser.new_context(locale="ko-KR", viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.add_init_script(PROBE)
    return context, page


@contextmanager
def open_search(browser: Browser, base_url: str,
                query: str) -> Iterator[tuple[FirstResult, SearchSession]]:
    """Open the home page with `?q=query` (Material's search link) in a cold browser context.

    Yields when the first result is on screen: its timing and what the search fetched until
    then, and the open header search, ready for more queries.
    """
    context, page = _new_page(browser)
    try:
        page.goto(f"{base_url}?q={quote(query)}")
        page.wait_for_function("() => window.__benchSearch.results.length > 0",
                               timeout=READY_TIMEOUT_MS)
        ready, shown, count = page.evaluate("""() => {
          const log = window.__benchSearch
          return [log.ready, log.results[0].at, log.results[0].count]
        }""")
        before = _epoch(page, shown)
        first = FirstResult(ready, shown, count, search_path(page, base_url, before),
                            [r for r in resources(page) if r.start <= before])
        yield first, SearchSession(page, base_url)
    finally:
        context.close()


def typed_search(browser: Browser, base_url: str, query: str) -> TypedResult:
    """Load the home page in a cold context, let it settle, then type the query.

    Times the first keystroke (the box's first input event) to the RESULT for the typed text,
    and lists every fetch started in between (lazy index pieces, code, workers).
    """
    context, page = _new_page(browser)
    try:
        page.goto(base_url, wait_until="load")
        page.wait_for_load_state("networkidle")
        idle = {r.url for r in resources(page)}
        box = page.locator(SEARCH_BOX)
        box.click()
        box.fill(query)
        box.press("End")  # Material reads the box on keyup
        # The answer to the typed text: a RESULT that arrives after the keystroke may still
        # answer an earlier QUERY (Material sends the box's empty value when it opens).
        page.wait_for_function("""([query]) => {
          const log = window.__benchSearch
          const n = log.queries.findIndex((q) => q.at >= log.keystroke && q.value === query)
          return log.keystroke !== null && n >= 0 && log.results.length > n
        }""", arg=[query], timeout=READY_TIMEOUT_MS)
        typed, shown, count = page.evaluate("""([query]) => {
          const log = window.__benchSearch
          const n = log.queries.findIndex((q) => q.at >= log.keystroke && q.value === query)
          return [log.keystroke, log.results[n].at, log.results[n].count]
        }""", [query])
        start, end = _epoch(page, typed), _epoch(page, shown)
        fetched = [r for r in resources(page) if start <= r.start <= end]
        return TypedResult(shown - typed, count, fetched, idle)
    finally:
        context.close()


def location(url: str, base_url: str) -> str:
    """Root-relative path of a same-site URL without query and fragment ("account/x/")."""
    path = urlsplit(url).path
    return path.removeprefix(urlsplit(base_url).path)
