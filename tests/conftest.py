"""Shared fixtures: real `mkdocs build`s, a local static server, headless Debian Chromium."""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CHROMIUM = os.environ.get("DOUM_CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def mkdocs_build(
    project: Path, site_dir: Path, *extra: str, site_url: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the real `mkdocs build` of a project folder; the caller checks the result.

    `site_url` (through DOUM_SITE_URL, read by the sites' mkdocs.yml) makes the site believe it
    is deployed where the test server serves it: Material's instant navigation follows only
    links listed under site_url in sitemap.xml.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["DOUM_SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"),
         "-d", str(site_dir), *extra],
        capture_output=True, text=True, env=env, cwd=project,
    )


@pytest.fixture(scope="session")
def build() -> Callable[..., Path]:
    """build(project, site_dir, *flags) → site_dir; fails the test with MkDocs' output on error."""

    def run(project: Path, site_dir: Path, *extra: str, site_url: str | None = None) -> Path:
        result = mkdocs_build(project, site_dir, *extra, site_url=site_url)
        assert result.returncode == 0, result.stdout + result.stderr
        return site_dir

    return run


@pytest.fixture(scope="session")
def served_site(
    tmp_path_factory: pytest.TempPathFactory,
    serve: Callable[[Path], str],
    build: Callable[..., Path],
) -> Callable[[Path, str], tuple[Path, str]]:
    """served_site(project, name) → (site_dir, url): serve first, then build for that URL."""

    def run(project: Path, name: str) -> tuple[Path, str]:
        site = tmp_path_factory.mktemp(name) / "site"
        url = serve(site)
        return build(project, site, "--strict", site_url=url), url

    return run


@pytest.fixture(scope="session")
def default_served(served_site: Callable[[Path, str], tuple[Path, str]]) -> tuple[Path, str]:
    """The default knowledge base, built once per test session with --strict, and served."""
    return served_site(ROOT, "default")


@pytest.fixture(scope="session")
def default_site(default_served: tuple[Path, str]) -> Path:
    return default_served[0]


@pytest.fixture(scope="session")
def default_url(default_served: tuple[Path, str]) -> str:
    return default_served[1]


@pytest.fixture(scope="session")
def minimal_site(tmp_path_factory: pytest.TempPathFactory, build: Callable[..., Path]) -> Path:
    """A folder of pages with nothing but `title:` in their front matter."""
    return build(FIXTURES / "minimal", tmp_path_factory.mktemp("minimal") / "site", "--strict")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve_folder(folder: Path) -> tuple[str, Callable[[], None]]:
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server.shutdown


@pytest.fixture(scope="session")
def serve() -> Iterator[Callable[[Path], str]]:
    """serve(site_dir) → base URL of a local static server for that folder."""
    stops: list[Callable[[], None]] = []

    def start(folder: Path) -> str:
        url, stop = serve_folder(folder)
        stops.append(stop)
        return url

    yield start
    for stop in stops:
        stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
         "device_scale_factor": 2}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}


@pytest.fixture
def new_page(browser: object) -> Iterator[Callable[..., object]]:
    """new_page(**context_options) → a Playwright page that records console errors.

    The test fails at teardown if the page logged a console error or an uncaught exception.
    """
    contexts: list[object] = []
    errors: list[str] = []

    def open_page(**options: object) -> object:
        context = browser.new_context(locale="ko-KR", **{"timezone_id": "Asia/Seoul", **options})
        contexts.append(context)
        page = context.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert not errors, f"console errors: {errors}"


def site_data(html: str) -> dict:
    """A built page's site data (its #doum-site element), parsed."""
    found = re.search(r'<script type="application/json" id="doum-site">(.*?)</script>', html, re.S)
    assert found, "the page has no #doum-site"
    return json.loads(found[1])


def axe_violations(page: object) -> list[dict]:
    """Run axe-core on the page; returns the violations (empty when accessible)."""
    from axe_playwright_python.sync_playwright import Axe

    return Axe().run(page).response["violations"]


MKDOCS_YML = """\
site_name: 테스트 도움말
theme:
  name: material
  language: ko
plugins:
  - search
  - doum
"""


def write_project(root: Path, pages: dict[str, str]) -> Path:
    """A project folder: mkdocs.yml and docs/<path> for every page (text dedented)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    for path, text in {"index.md": "---\ntitle: 홈\n---\n\n도움말 홈이에요.\n", **pages}.items():
        file = root / "docs" / path
        file.parent.mkdir(parents=True, exist_ok=True)
        if path.endswith(".md"):
            file.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        else:
            file.write_bytes(text.encode())
    return root
