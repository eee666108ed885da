"""Browser helpers of the insights tests: a receiver on 127.0.0.1 that keeps the POST bodies, a
project of the default knowledge base with `insights:` set, pages that record the `doum:insight`
events they dispatch, and Material's header search driven as a customer types."""

from __future__ import annotations

import http.server
import json
import re
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from conftest import DESKTOP, ROOT

FAQ = "paid/emoticon-refund/"
RECORD = """document.addEventListener('doum:insight', (e) => window.__doumInsight(JSON.stringify(e.detail)))"""


class Receiver:
    """A receiver like the README's: takes text/plain POSTs and keeps their bodies."""

    def __init__(self) -> None:
        self.records: list[dict[str, Any]] = []
        self.lock = threading.Lock()
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                with outer.lock:
                    outer.records.append({"method": "POST", "path": self.path, "body": body.decode("utf-8"),
                                          "content_type": self.headers.get("Content-Type", ""),
                                          "cookie": self.headers.get("Cookie")})
                self.send_response(204)
                self.send_header("Access-Control-Allow-Origin", "*")
                self.end_headers()

            def do_OPTIONS(self) -> None:  # noqa: N802 - a preflight would be a bug: recorded
                with outer.lock:
                    outer.records.append({"method": "OPTIONS", "path": self.path, "body": ""})
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def taken(self, path: str) -> list[dict[str, Any]]:
        with self.lock:
            return [r for r in self.records if r["path"] == path]

    def events(self, path: str) -> list[dict[str, Any]]:
        return [json.loads(r["body"]) for r in self.taken(path) if r["method"] == "POST"]

    def wait(self, path: str, count: int, timeout: float = 15.0) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and len(self.taken(path)) < count:
            time.sleep(0.05)
        return self.events(path)


RETENTION = "수집한 날부터 6개월"
NOTICE = "#doum-insights-consent"


def project_with_insights(folder: Path, endpoint: str, **options: object) -> Path:
    """The default knowledge base with `insights:` set (mkdocs.yml edited as text: it holds tags);
    `consent` defaults to {retention: RETENTION}, which an endpoint requires."""
    options = {"consent": {"retention": RETENTION}, **options}
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"^docs_dir: .*$", f"docs_dir: {ROOT / 'docs'}", text, count=1, flags=re.M)
    block = "\n".join([f"      insights:", f"        endpoint: {endpoint}",
                       *(f"        {key}: {json.dumps(value, ensure_ascii=False)}" for key, value in options.items())])
    text, found = re.subn(r"^  - doum:\n", lambda _: "  - doum:\n" + block + "\n", text, count=1, flags=re.M)
    assert found == 1
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "mkdocs.yml").write_text(text, encoding="utf-8")
    return folder


def recording_page(new_page: Callable[..., Any], init: str = "") -> tuple[Any, list[dict[str, Any]], list[Any]]:
    """A page whose `doum:insight` events (across full loads) and requests are recorded."""
    page = new_page(**DESKTOP)
    page.set_default_timeout(15_000)
    dispatched: list[dict[str, Any]] = []
    requests: list[Any] = []
    page.expose_function("__doumInsight", lambda text: dispatched.append(json.loads(text)))
    if init:
        page.add_init_script(init)
    page.add_init_script(RECORD)
    page.on("request", lambda request: requests.append(request))
    return page, dispatched, requests


def wait_dispatched(page: Any, dispatched: list[dict[str, Any]], count: int) -> None:
    """The page's events reach the test through an exposed function (asynchronously)."""
    deadline = time.monotonic() + 15
    while len(dispatched) < count and time.monotonic() < deadline:
        page.wait_for_timeout(50)


def search_box(page: Any) -> Any:
    return page.locator("[data-md-component=search-query]")


def header_search(page: Any, text: str) -> None:
    box = search_box(page)
    box.click()
    box.fill(text)
    box.press("End")  # Material reads the box on keyup
    page.wait_for_function(
        """(text) => { const meta = document.querySelector('.md-search-result__meta');
             return document.querySelector('[data-md-component=search-query]').value === text
               && meta && /[0-9]|없/.test(meta.textContent) }""", arg=text)
