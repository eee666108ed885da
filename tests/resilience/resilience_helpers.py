"""Shared steps for the resilience tests: pages whose parts fail on purpose.

A broken part makes the browser log console errors (a blocked file is one), so these pages do
not use conftest's `new_page`, which fails on any console error. What must never happen is an
uncaught exception from doum's own code: `visitor` fails the test on any page error whose
stack or message names a file under assets/doum/.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from conftest import DESKTOP

WORKER = "**/assets/doum/search-worker.js"
INDEX = "**/search/doum.json"
# A worker that starts and then ignores every message (never says hello, never answers).
SILENT_WORKER = "self.addEventListener('message', () => {})\n"
WAIT_MS = 5_000  # the visitor sees the message within 5 s (the bound, polled)


def doum_errors(errors: list[Any]) -> list[str]:
    found = []
    for error in errors:
        text = f"{getattr(error, 'message', error)}\n{getattr(error, 'stack', '') or ''}"
        if "/assets/doum/" in text:
            found.append(text)
    return found


@pytest.fixture
def visitor(browser: Any) -> Iterator[Callable[..., Any]]:
    """visitor(init_script=None, **context_options) → a page; fails at teardown on a page error
    raised by doum code. Every page error (doum's or not) is kept in page.doum_page_errors."""
    contexts: list[Any] = []
    pages: list[Any] = []

    def open_page(init_script: str | None = None, **options: Any) -> Any:
        context = browser.new_context(locale="ko-KR", timezone_id="Asia/Seoul", **(options or DESKTOP))
        contexts.append(context)
        if init_script:
            context.add_init_script(init_script)
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.doum_page_errors = []
        page.on("pageerror", lambda error: page.doum_page_errors.append(error))
        pages.append(page)
        return page

    yield open_page
    errors = [error for page in pages for error in doum_errors(page.doum_page_errors)]
    for context in contexts:
        context.close()
    assert not errors, f"doum code threw: {errors}"


def break_search(page: Any, how: str) -> str:
    """Break search the way `how` says; returns the route pattern to unroute for recovery."""
    if how == "worker blocked":
        page.route(WORKER, lambda route: route.abort())
        return WORKER
    if how == "worker silent":
        page.route(WORKER, lambda route: route.fulfill(body=SILENT_WORKER, content_type="text/javascript"))
        return WORKER
    if how == "index blocked":
        page.route(INDEX, lambda route: route.abort())
        return INDEX
    if how == "index corrupt":
        page.route(INDEX, lambda route: route.fulfill(body='{"version": 1, "docs": [', content_type="application/json"))
        return INDEX
    raise ValueError(how)


BREAKAGES = ["worker blocked", "worker silent", "index blocked", "index corrupt"]
