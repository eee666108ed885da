"""Per-page weight in real Chromium: bytes, requests and render-blocking resources.

Each page is opened in a cold browser context on a phone-sized screen and left until the
network has been quiet for half a second, so what a page starts after load (workers, index,
status files) counts too — as it does in Lighthouse's total byte weight.
"""

from __future__ import annotations

import gzip
import urllib.request
from dataclasses import dataclass, field

from playwright.sync_api import Browser, Request

from bench import browser

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
         "device_scale_factor": 2, "locale": "ko-KR"}
# Pages every help center has, by role; doum writes /contact/ itself. Stock Material has no
# contact page, so its answer page stands in for it there.
PAGES = {"home": "", "answer": "account/reset-password/", "contact": "contact/"}


@dataclass
class PageFigures:
    path: str  # root-relative, as measured ("" is home)
    requests: int  # every request the page and its workers made, data: URIs left out
    bytes_raw: int  # response bodies as sent by a server without compression
    bytes_gzip: int  # the same bodies gzipped (level 6): what a compressing server would send
    render_blocking: list[str] = field(default_factory=list)  # root-relative URLs
    fcp_ms: float | None = None  # first contentful paint, ms after navigation start
    stands_in: str = ""  # "answer" when another page stands in for one the engine lacks


class Bodies:
    """Response bodies fetched once per URL from the local server, raw and gzipped sizes."""

    def __init__(self) -> None:
        self.sizes: dict[str, tuple[int, int]] = {}

    def __call__(self, url: str) -> tuple[int, int]:
        if url not in self.sizes:
            try:
                with urllib.request.urlopen(url, timeout=30) as response:
                    body = response.read()
            except OSError:
                body = b""  # a 404 the page asked for weighs its (small) error body; not counted
            self.sizes[url] = (len(body), len(gzip.compress(body, compresslevel=6)))
        return self.sizes[url]


def measure_page(chromium: Browser, base_url: str, path: str, bodies: Bodies) -> PageFigures:
    context = chromium.new_context(**PHONE)
    requests: list[Request] = []
    context.on("request", lambda request: requests.append(request))
    try:
        page = context.new_page()
        page.goto(base_url + path, wait_until="load")
        page.wait_for_load_state("networkidle")
        fcp = page.evaluate("""() => {
          const paint = performance.getEntriesByName('first-contentful-paint')[0]
          return paint ? paint.startTime : null
        }""")
        # Lighthouse's render-blocking audit reads Chromium's own render-blocking mark from the
        # trace; Resource Timing exposes the same mark (renderBlockingStatus). Only what was
        # requested before first paint held it back.
        origin = page.evaluate("() => performance.timeOrigin")
        blocking = [browser.location(r.url, base_url) for r in browser.resources(page)
                    if r.blocking == "blocking" and (fcp is None or r.start - origin <= fcp)]
        urls = [r.url for r in requests if not r.url.startswith("data:")]
        sizes = [bodies(url) for url in urls]
        return PageFigures(path, len(urls), sum(raw for raw, _ in sizes),
                           sum(zipped for _, zipped in sizes), blocking, fcp)
    finally:
        context.close()


def measure_pages(chromium: Browser, base_url: str, engine: str) -> dict[str, PageFigures]:
    """home, answer and contact; stock Material's answer page stands in for its contact page."""
    bodies = Bodies()
    figures = {}
    for role, path in PAGES.items():
        stands_in = engine == "stock" and role == "contact"
        figure = measure_page(chromium, base_url, PAGES["answer"] if stands_in else path, bodies)
        figure.stands_in = "answer" if stands_in else ""
        figures[role] = figure
    return figures
