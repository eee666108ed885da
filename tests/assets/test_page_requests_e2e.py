"""What a page requests, in real Chromium, on the default site: the exact doum requests of home,
an answer page and /contact/ until the network is idle. The search worker carries its engine
(one file), and the index is fetched on intent: not on a page's load, but at once when the
visitor points at or focuses the search box, or turns to the form on /contact/ (whose
suggestions search as one types). The default KB is small: its two pieces come with the entry
(pieces.PRELOAD_BYTES), so its first query waits for nothing."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

import pytest

from conftest import DESKTOP

pytestmark = pytest.mark.browser

HASH = re.compile(r"\.[0-9a-f]{8,}\.(js|css|json)$")
# doum's own requests (Material's, glightbox's and the site's own are left to the bench).
DOUM = re.compile(r"^/(assets/doum/|assets/doum-bundle/|search/doum|status\.json$)")
WORKER = "/assets/doum/search-worker.js"
EVERY_PAGE = Counter({"/assets/doum/shared/bootstrap.js": 1, "/assets/doum-bundle/doum.<h>.css": 1,
                      "/assets/doum-bundle/doum.<h>.js": 1, WORKER: 1, "/status.json": 1})
INDEX = Counter({"/search/doum.json": 1, "/search/doum/ko.<h>.json": 1,
                 "/search/doum/t.0.<h>.json": 1, "/search/doum/d.0.<h>.json": 1})
CONTACT = Counter({"/assets/doum-bundle/contact.<h>.js": 1})


def doum_requests(requests: list[str], base: str) -> Counter[str]:
    """The page's doum requests, root-relative, content hashes as <h>."""
    paths = (urlsplit(url).path for url in requests if url.startswith(base))
    return Counter(HASH.sub(r".<h>.\1", path) for path in paths if DOUM.search(path))


@contextmanager
def index_loading(page: Any) -> Iterator[None]:
    """Waits, after the block, until the index (entry, then its preloaded pieces) has come."""
    with page.expect_response(lambda response: "/search/doum/t.0." in response.url), \
            page.expect_response(lambda response: "/search/doum/d.0." in response.url):
        yield


def open_page(new_page: Callable[..., Any], url: str) -> tuple[Any, list[str]]:
    page = new_page(**DESKTOP)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(url, wait_until="networkidle")
    return page, requests


# Resource Timing, in the page: [path, start, end] of every fetch.
TIMINGS = """() => performance.getEntriesByType('resource').map((entry) =>
  [new URL(entry.name).pathname, entry.startTime, entry.responseEnd])"""


def test_doums_bundle_is_asked_for_after_the_parse_not_beside_the_first_paints_files(
    new_page: Callable[..., Any], default_url: str
) -> None:
    page, _ = open_page(new_page, default_url + "paid/emoticon-refund/")
    timings = {HASH.sub(r".<h>.\1", path): (start, end) for path, start, end in page.evaluate(TIMINGS)}
    parsed = page.evaluate("performance.getEntriesByType('navigation')[0].domContentLoadedEventStart")
    bundle_start = timings["/assets/doum-bundle/doum.<h>.js"][0]
    material = next(end for path, (_, end) in timings.items() if path.startswith("/assets/javascripts/bundle."))
    assert bundle_start >= parsed and bundle_start >= material
    # It ran: the launcher opens its panel.
    page.locator("button.doum-launcher").click()
    page.get_by_role("dialog", name=re.compile("상담")).wait_for()


@pytest.mark.parametrize("path", ["", "paid/emoticon-refund/"])
def test_a_page_fetches_no_index_until_the_visitor_turns_to_search(
    new_page: Callable[..., Any], default_url: str, path: str
) -> None:
    page, requests = open_page(new_page, default_url + path)
    assert doum_requests(requests, default_url) == EVERY_PAGE
    # The worker said hello and is idle: its engine came inside it, nothing more was fetched.
    assert page.evaluate("window.__doumSearch && window.__doumSearch.alive") is True

    with index_loading(page):
        page.locator("[data-md-component=search-query]").focus()
    assert doum_requests(requests, default_url) == EVERY_PAGE + INDEX

    box = page.locator("[data-md-component=search-query]")
    box.fill("비밀번호")
    box.press("End")  # Material reads the box on keyup
    page.locator(".md-search-result__list .md-search-result__item").first.wait_for()
    page.wait_for_load_state("networkidle")
    fetched = doum_requests(requests, default_url)
    assert fetched[WORKER] == 1 and all(times == 1 for times in fetched.values()), fetched
    assert not {path for path in fetched if path.startswith("/assets/doum/search/")}, "one engine file"


def test_contact_page_loads_the_index_when_the_visitor_turns_to_the_form(
    new_page: Callable[..., Any], default_url: str
) -> None:
    page, requests = open_page(new_page, default_url + "contact/")
    assert doum_requests(requests, default_url) == EVERY_PAGE + CONTACT
    with index_loading(page):
        page.locator("#contact-form textarea").first.focus()
    assert doum_requests(requests, default_url) == EVERY_PAGE + CONTACT + INDEX


def test_a_search_link_loads_the_index_and_opens_its_results(
    new_page: Callable[..., Any], default_url: str
) -> None:
    page, requests = open_page(new_page, default_url + "?q=비밀번호")
    page.locator(".md-search-result__list .md-search-result__item").first.wait_for()
    assert doum_requests(requests, default_url) == EVERY_PAGE + INDEX  # the query: no more pieces


# Appended to bootstrap.js (which starts the search worker from the head): as soon as the
# worker has started (its first message, doum:hello), the page's main thread is kept busy, as
# Material's bundle keeps it on a first load: a synchronous request, asked again until the page
# learns that the index's entry was requested, or ten seconds have gone.
BUSY_ONCE_STARTED = """
window.__doumSearch.worker.addEventListener('message', (event) => {
  if (event.data.type !== 'doum:hello') return
  const end = Date.now() + 10000
  let seen = ''
  while (seen !== 'yes' && Date.now() < end) {
    const request = new XMLHttpRequest()
    request.open('GET', '/__entry-requested', false)
    request.send()
    seen = request.responseText
    for (const pause = Date.now() + 20; Date.now() < pause; );
  }
  window.__entryWhileBusy = seen === 'yes'
})
"""


def test_a_search_link_starts_on_the_index_while_the_pages_main_thread_is_busy(
    new_page: Callable[..., Any], default_url: str
) -> None:
    # A message to a worker still starting waits for a free moment of the page's main thread:
    # the link's query rides in the worker's URL instead (#q=), read as the worker starts.
    page = new_page(**DESKTOP)
    entry = re.compile(r"/search/doum/ko\.[0-9a-f]+\.json$")
    requested: list[str] = []
    page.on("request", lambda request: requested.append(urlsplit(request.url).path))
    page.route("**/__entry-requested", lambda route: route.fulfill(
        body="yes" if any(entry.search(path) for path in requested) else "no"))

    def busy_once_started(route: Any) -> None:
        response = route.fetch()
        route.fulfill(response=response, body=response.text() + BUSY_ONCE_STARTED)

    page.route("**/assets/doum/shared/bootstrap.js", busy_once_started)
    page.goto(default_url + "?q=비밀번호", wait_until="commit")
    page.locator(".md-search-result__list .md-search-result__item").first.wait_for()
    assert page.evaluate("window.__entryWhileBusy") is True
    assert "비밀번호" in page.locator(".md-search-result__list").inner_text()


def test_a_search_links_results_do_not_wait_for_materials_own_setup(
    new_page: Callable[..., Any], default_url: str
) -> None:
    # Material sends its SETUP only once its search/search_index.json has come and been read (on
    # a large site's first load, behind other main-thread work); what it waits for before it sends
    # the link's query is the worker's first READY, sent as soon as doum's index has loaded.
    page = new_page(**DESKTOP)
    held: list[Any] = []
    page.route("**/search/search_index.json", lambda route: held.append(route))
    page.goto(default_url + "?q=비밀번호", wait_until="commit")
    page.locator(".md-search-result__list .md-search-result__item").first.wait_for()
    assert held, "Material's own index request is still unanswered"
    assert "비밀번호" in page.locator(".md-search-result__list").inner_text()
    held[0].continue_()


def test_opening_the_launcher_loads_the_index(new_page: Callable[..., Any], default_url: str) -> None:
    page, requests = open_page(new_page, default_url)
    assert not doum_requests(requests, default_url) & INDEX
    with index_loading(page):
        page.locator("button.doum-launcher").click()
    assert doum_requests(requests, default_url) == EVERY_PAGE + INDEX


def test_focusing_the_home_search_box_loads_the_index(new_page: Callable[..., Any], default_url: str) -> None:
    page, requests = open_page(new_page, default_url)
    assert not doum_requests(requests, default_url) & INDEX
    with index_loading(page):
        page.locator("form[data-doum-search] input[name=q]").focus()
    assert doum_requests(requests, default_url) == EVERY_PAGE + INDEX


def test_a_pointer_on_the_search_box_loads_the_index(new_page: Callable[..., Any], default_url: str) -> None:
    page, requests = open_page(new_page, default_url + "account/reset-password/")
    page.locator("article h1").hover()
    page.wait_for_timeout(300)  # any index request would have started by now
    assert not doum_requests(requests, default_url) & INDEX, "a pointer elsewhere is no intent"
    with index_loading(page):
        page.locator("[data-md-component=search-query]").hover()
    assert doum_requests(requests, default_url) == EVERY_PAGE + INDEX


# Records every worker the page constructs, and whether the parser had reached Material's config
# (at the end of the body, just before Material's bundle) or the head's stylesheets by then.
COUNT_WORKERS = """(() => {
  const Native = window.Worker, made = []
  window.__madeWorkers = made
  window.Worker = function (url, options) {
    made.push({
      url: String(url),
      inHead: !document.getElementById('__config'),
      beforeStyles: !document.querySelector('link[rel=stylesheet]'),
    })
    return new Native(url, options)
  }
})()"""


def test_the_header_search_worker_starts_from_the_head_and_is_the_only_one(
    new_page: Callable[..., Any], default_url: str
) -> None:
    page = new_page(**DESKTOP)
    page.add_init_script(COUNT_WORKERS)
    page.goto(default_url + "account/reset-password/", wait_until="networkidle")
    made = page.evaluate("window.__madeWorkers")
    assert [urlsplit(w["url"]).path.endswith(WORKER) for w in made] == [True], made
    assert made[0]["inHead"], "started from the head, before the body (and Material's bundle) is parsed"
    # a script after a stylesheet waits for it; Chromium starts a worker when the main thread is free
    assert made[0]["beforeStyles"], "started before the stylesheets, so it need not wait for them"
    box = page.locator("[data-md-component=search-query]")
    box.fill("비밀번호")
    box.press("End")  # Material's header search answers through that same worker
    page.locator(".md-search-result__list .md-search-result__item").first.wait_for()
    assert len(page.evaluate("window.__madeWorkers")) == 1
