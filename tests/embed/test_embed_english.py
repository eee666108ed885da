"""The embed of an English help center (`theme.language: en`) on a product page of another
origin, in real Chromium: once the panel is loaded, the button, the panel and the owner's
notices speak the help center's language, from its site.json's strings."""

from __future__ import annotations

import datetime
import json
import re
import zoneinfo
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import DESKTOP, MKDOCS_YML, write_project
from embed_site import ordinary_day, start_server

pytestmark = pytest.mark.browser

KST = zoneinfo.ZoneInfo("Asia/Seoul")
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
PAGES = {"account/reset-password.md": "---\ntitle: Reset your password\n---\n\nUse **Forgot password**.\n"}
SUPPORT = """\
      support:
        timezone: Asia/Seoul
        hours: {mon: "10:00-18:00", tue: "10:00-18:00", wed: "10:00-18:00", thu: "10:00-18:00", fri: "10:00-18:00"}
        chat_url: https://chat.example.org/doum
        email: help@example.org
        reply_time: 1 business day
"""


def shop_page(help_url: str) -> str:
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Demo shop</title><link rel="icon" href="data:,">
<script src="{help_url}assets/doum/embed.js" defer></script>
</head><body><h1>Demo shop</h1></body></html>
"""


@pytest.fixture(scope="module")
def english_embed(tmp_path_factory: pytest.TempPathFactory, build: Callable[..., Path]) -> Iterator[dict[str, Any]]:
    """{shop: the product page's URL, day: an ordinary Thursday of the help center's calendar}."""
    shop_dir = tmp_path_factory.mktemp("shop-en")
    shop, stop_shop = start_server(shop_dir, lambda path: {})
    root = tmp_path_factory.mktemp("help-en")
    project = write_project(root / "project", PAGES)
    yml = MKDOCS_YML.replace("language: ko", "language: en").replace(
        "  - doum\n", "  - doum:\n" + SUPPORT + f"      embed:\n        origins: [{shop.rstrip('/')}]\n")
    (project / "mkdocs.yml").write_text(yml, encoding="utf-8")
    site = build(project, root / "site", "--strict")
    calendar = json.loads((site / "assets/doum/embed/site.json").read_text(encoding="utf-8"))["support"]["calendar"]
    day = ordinary_day(calendar, 3).isoformat()
    (site / "status.json").write_text(json.dumps({
        "updated": f"{day}T09:00:00+09:00",
        "notices": [{"level": "outage", "text": "Sign-in is slow.", "link": "account/reset-password/"}],
    }), encoding="utf-8")
    help_url, stop_help = start_server(site, lambda path: {"Access-Control-Allow-Origin": "*"})
    (shop_dir / "index.html").write_text(shop_page(help_url), encoding="utf-8")
    yield {"shop": shop, "day": ordinary_day(calendar, 3)}
    stop_help()
    stop_shop()


def test_english_help_center_gives_the_embed_english_words(new_page: Callable[..., Any],
                                                            english_embed: dict[str, Any]) -> None:
    page = new_page(**DESKTOP)
    page.clock.set_fixed_time(datetime.datetime.combine(english_embed["day"], datetime.time(11), KST))
    page.goto(english_embed["shop"])
    # Before the first open, embed.js alone: the build wrote the site's language into it.
    assert page.get_by_role("button", name="Get help").count() == 1
    assert page.get_by_role("complementary", name="Chat support").count() == 1
    page.locator("[data-doum-embed] .doum-launcher").click()
    panel = page.get_by_role("dialog", name="Chat support")
    panel.wait_for()
    # The button: the help center's words once the panel is loaded (no data-label on this tag).
    assert page.get_by_role("button", name="Get help").get_attribute("aria-expanded") == "true"
    assert page.get_by_role("complementary", name="Chat support").count() == 1
    notice = panel.locator(".doum-notice")
    notice.wait_for()
    assert notice.locator("strong").inner_text().strip() == "Outage"
    assert notice.get_by_role("link", name="Learn more").count() == 1
    assert notice.inner_text().count("Last checked") == 1
    assert panel.get_by_label("How can we help?").get_attribute("placeholder") == "e.g. I forgot my password"
    panel.get_by_role("button", name="That didn't help").click()
    assert panel.get_by_role("heading", name="Other ways to reach us").is_visible()
    assert panel.get_by_role("link", name="Contact us by email").is_visible()
    assert panel.get_by_text("Send us the details at help@example.org and we'll usually reply within "
                             "1 business day.").is_visible()
    text = page.locator("[data-doum-embed]").evaluate("host => host.shadowRoot.querySelector('aside').innerText")
    labels = page.locator("[data-doum-embed]").evaluate(
        "host => [...host.shadowRoot.querySelectorAll('[aria-label], [placeholder]')]"
        ".map((e) => (e.getAttribute('aria-label') || '') + ' ' + (e.getAttribute('placeholder') || ''))"
        ".join(' ')")
    assert not HANGUL.search(text + labels), text + labels
