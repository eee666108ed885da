"""The embedded launcher (issue #13) on a product page of another origin, weighed in Chromium.

The default KB is built with `embed: {origins: [<product origin>]}` and served with the CORS
headers its generated `_headers` asks for (as Netlify or Cloudflare Pages would); a plain
product page on another port of 127.0.0.1 embeds `assets/doum/embed.js` with one tag. Three
stages are weighed, each as the requests it adds to the help center's origin (the product
page's own file is not the launcher's cost): before the first open, the first open (panel
drawn) and the first question (an answer link shown). Whatever the launcher loads is observed
in the browser, never listed by file name: the panel and the search may split their code as
they like.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from playwright.sync_api import Browser, Page, Request

from bench import browser, pages, sites

STAGES = ("before the first open", "first open (panel drawn)", "first question answered")
QUERY = "비밀번호를 잊어버렸어요"  # the default KB answers it (account/reset-password/)
HOST = "[data-doum-embed]"
TIMEOUT_MS = 60_000
# In the page: the question box's first input event → the first answer link, in the shadow root.
WATCH = """() => {
  const root = document.querySelector('[data-doum-embed]').shadowRoot
  const log = (window.__benchEmbed = { typed: null, answered: null, href: null })
  root.addEventListener('input', () => {
    if (log.typed === null) log.typed = performance.now()
  }, true)
  const seen = () => {
    const link = root.querySelector('.doum-bot__answer a[href]')
    if (link && log.answered === null) { log.answered = performance.now(); log.href = link.href }
  }
  new MutationObserver(seen).observe(root, { childList: true, subtree: true, attributes: true })
}"""


@dataclass
class Stage:
    name: str
    requests: int  # requests to the help center's origin this stage added (data: URIs left out)
    bytes_raw: int  # their response bodies, as a server without compression sends them
    bytes_gzip: int  # the same bodies gzipped at level 6
    paths: list[str] = field(default_factory=list)  # root-relative, in request order


@dataclass
class EmbedResult:
    stages: list[Stage] = field(default_factory=list)
    first_answer_ms: float | None = None  # the box's first input event → the first answer link
    answer: str = ""  # root-relative page of the first answer link
    error: str = ""

    def stage(self, index: int) -> Stage | None:
        return self.stages[index] if index < len(self.stages) else None


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files, plus the response headers `headers(path)` gives."""

    headers_for: Callable[[str], dict[str, str]] = staticmethod(lambda path: {})

    def end_headers(self) -> None:
        for name, value in self.headers_for(self.path.split("?", 1)[0]).items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def _serve(folder: Path, headers: Callable[[str], dict[str, str]]) -> Iterator[str]:
    handler = type("Handler", (_Handler,), {"headers_for": staticmethod(headers)})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _host_headers(site_dir: Path) -> Callable[[str], dict[str, str]]:
    """What Netlify/Cloudflare Pages send for a path from the generated `_headers`."""
    from doum.site import headers

    rules = headers.parse((site_dir / "_headers").read_text(encoding="utf-8"))

    def for_path(path: str) -> dict[str, str]:
        found: dict[str, str] = {}
        for rule, values in rules.items():
            if rule in (path, "/*") or (rule.endswith("/*") and path.startswith(rule[:-1])):
                found.update(values)
        return found

    return for_path


def write_config(project_dir: Path, docs_dir: Path, origin: str) -> Path:
    """The doum config of `sites.write_config`, with the product origin in `embed.origins`.

    MkDocs replaces an inherited list: the repository's plugin list is written out in full.
    """
    config = sites.write_config("doum", project_dir, docs_dir)
    plugins = yaml.load((sites.ROOT / "mkdocs.yml").read_text(encoding="utf-8"),
                        Loader=sites._TagsAsNone)["plugins"]
    for index, entry in enumerate(plugins):
        if entry == "doum":
            plugins[index] = entry = {"doum": {}}
        if isinstance(entry, dict) and "doum" in entry:
            entry["doum"] = {**(entry["doum"] or {}), "embed": {"origins": [origin]}}
    text = config.read_text(encoding="utf-8")
    config.write_text(text + yaml.safe_dump({"plugins": plugins}, allow_unicode=True),
                      encoding="utf-8")
    return config


def product_page(help_url: str) -> str:
    return f"""<!doctype html>
<html lang="ko"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>데모 쇼핑몰</title><link rel="icon" href="data:,">
<script src="{help_url}assets/doum/embed.js" defer></script>
</head><body><h1>데모 쇼핑몰</h1><p>오늘만 특가! 지금 주문하세요.</p></body></html>
"""


def measure(chromium: Browser, docs_dir: Path, work: Path, build_timeout: float,
            keep: bool = False, on_step: Callable[[str], None] = lambda what: None) -> EmbedResult:
    """Build the knowledge base in docs_dir with the launcher embeddable, and weigh it."""
    result = EmbedResult()
    shop_dir = work / "product"
    shop_dir.mkdir(parents=True, exist_ok=True)
    with _serve(shop_dir, lambda path: {}) as shop:
        config = write_config(work, docs_dir, shop.rstrip("/"))
        site_dir = work / "site-embed"
        on_step("building")
        built = sites.build("doum", config, site_dir, build_timeout,
                            on_wait=lambda: on_step("building"))
        if built.seconds is None:
            lines = built.error.strip().splitlines()
            result.error = f"build: {lines[-1] if lines else '?'}"
            return result
        try:
            with _serve(site_dir, _host_headers(site_dir)) as help_url:
                (shop_dir / "index.html").write_text(product_page(help_url), encoding="utf-8")
                _drive(chromium, shop, help_url, result, on_step)
        except ImportError as error:  # a doum without the embed (an older commit): reported
            result.error = f"embed: {error}"
        finally:
            if not keep:
                shutil.rmtree(site_dir, ignore_errors=True)
    return result


def _drive(chromium: Browser, shop: str, help_url: str, result: EmbedResult,
           on_step: Callable[[str], None]) -> None:
    context = chromium.new_context(**pages.PHONE)
    requests: list[Request] = []
    context.on("request", lambda request: requests.append(request))
    bodies = pages.Bodies()
    seen = 0

    def close_stage(name: str, page: Page) -> None:
        nonlocal seen
        page.wait_for_load_state("networkidle")
        urls = [r.url for r in requests[seen:] if r.url.startswith(help_url)]
        seen = len(requests)
        sizes = [bodies(url) for url in urls]
        result.stages.append(Stage(name, len(urls), sum(raw for raw, _ in sizes),
                                   sum(zipped for _, zipped in sizes),
                                   [browser.location(url, help_url) for url in urls]))

    try:
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        on_step(STAGES[0])
        page.goto(shop, wait_until="load")
        launcher = page.locator(HOST).get_by_role("button", name="상담하기")
        launcher.wait_for()
        close_stage(STAGES[0], page)
        on_step(STAGES[1])
        launcher.click()
        page.get_by_role("dialog", name="채팅 상담").wait_for()
        question = page.locator(HOST).locator("#doum-question")
        question.wait_for()
        close_stage(STAGES[1], page)
        on_step(STAGES[2])
        page.evaluate(WATCH)
        question.fill(QUERY)
        page.wait_for_function("() => window.__benchEmbed.answered !== null")
        typed, answered, href = page.evaluate(
            "() => [window.__benchEmbed.typed, window.__benchEmbed.answered, "
            "window.__benchEmbed.href]")
        close_stage(STAGES[2], page)
        if not href.startswith(help_url) or "?q=" in href:
            # The fallback link to the help center's search: the index could not be read.
            result.error = f"embed: no answer from the index, only {href}"
            return
        result.answer = browser.location(href, help_url)
        result.first_answer_ms = answered - typed if typed is not None else None
    except Exception as error:  # noqa: BLE001 - any failure is reported, the bench goes on
        result.error = f"embed: {str(error).strip().splitlines()[0]}"
    finally:
        context.close()
