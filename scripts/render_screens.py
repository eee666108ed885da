"""Render the illustrative screenshots of the default knowledge base.

Every ``scripts/screens/<name>.html`` (names not starting with ``_``) is a Jinja
template built from the shared frames and widgets in ``scripts/screens/_*.html``
and ``base.css``. This script renders each one with headless Chromium and writes
``docs/assets/screens/<name>.png``.

Numbered callouts are data, not drawing: a target element carries
``data-callout="N"`` (macro ``ui.co(N, side)``) and ``callouts.js`` draws the
outline and the numbered circle from its laid-out box.

Usage (from the repository root):
    .venv/bin/python scripts/render_screens.py [NAME ...]

This is a maintenance tool, not part of the test suite.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from playwright.sync_api import Browser, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
SCREENS_DIR = ROOT / "scripts" / "screens"
OUTPUT_DIR = ROOT / "docs" / "assets" / "screens"
CALLOUTS_JS = SCREENS_DIR / "callouts.js"

MAX_BYTES = 150 * 1024
# 1.5 keeps small Korean text crisp when the image is scaled into the content
# column, and the flat colours keep every PNG under MAX_BYTES.
DEVICE_SCALE = 1.5
VIEWPORT = {"width": 1000, "height": 900}

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def fake_qr_cells(size: int = 25, seed: int = 7) -> list[tuple[int, int]]:
    """Dark cells of a QR-looking (not decodable) pattern with the three finder squares."""
    rng = random.Random(seed)
    finder_origins = [(0, 0), (size - 7, 0), (0, size - 7)]

    def finder_cell(x: int, y: int) -> bool | None:
        for ox, oy in finder_origins:
            dx, dy = x - ox, y - oy
            if -1 <= dx <= 7 and -1 <= dy <= 7:
                if not (0 <= dx <= 6 and 0 <= dy <= 6):
                    return False  # quiet ring around the finder
                ring = max(abs(dx - 3), abs(dy - 3))
                return ring != 2
        return None

    cells = []
    for y in range(size):
        for x in range(size):
            fixed = finder_cell(x, y)
            dark = fixed if fixed is not None else rng.random() < 0.45
            if dark:
                cells.append((x, y))
    return cells


def screen_names() -> list[str]:
    return sorted(p.stem for p in SCREENS_DIR.glob("*.html") if not p.stem.startswith("_"))


def make_environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(SCREENS_DIR),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["fake_qr_cells"] = fake_qr_cells
    return env


def render_one(browser: Browser, env: Environment, name: str) -> int:
    html = env.get_template(f"{name}.html").render()
    context = browser.new_context(viewport=VIEWPORT, device_scale_factor=DEVICE_SCALE, locale="ko-KR")
    try:
        page = context.new_page()
        page.set_content(html, wait_until="load")
        page.evaluate("document.fonts.ready")
        # Callouts are placed from the laid-out boxes, so they run after fonts settle.
        page.add_script_tag(path=str(CALLOUTS_JS))
        target = OUTPUT_DIR / f"{name}.png"
        page.locator("#canvas").screenshot(path=str(target), omit_background=True)
    finally:
        context.close()
    return target.stat().st_size


def main(argv: list[str]) -> int:
    known = screen_names()
    wanted = argv or known
    unknown = sorted(set(wanted) - set(known))
    if unknown:
        print(f"unknown screen(s): {', '.join(unknown)}; known: {', '.join(known)}", file=sys.stderr)
        return 2
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    env = make_environment()
    too_big = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        try:
            for name in wanted:
                size = render_one(browser, env, name)
                flag = "" if size <= MAX_BYTES else "  TOO BIG"
                print(f"{size:>8} B  {name}.png{flag}")
                if size > MAX_BYTES:
                    too_big.append(name)
        finally:
            browser.close()
    if too_big:
        print(f"over {MAX_BYTES} bytes: {', '.join(too_big)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
