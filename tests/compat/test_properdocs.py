"""ProperDocs 1.6.7 (the maintained MkDocs 1.x fork) builds the default site with --strict,
and the site works in Chromium: one build, one browser session."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from compat_site import properdocs, properdocs_served, properdocs_site, properdocs_url  # noqa: F401
from conftest import DESKTOP


def test_default_site_builds_strict_with_properdocs(properdocs_served: tuple) -> None:
    site, _url, built = properdocs_served
    assert built.returncode == 0, built.stdout + built.stderr
    home = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<meta name="generator" content="mkdocs-ProperDocs 1\.6\.\d+', home), \
        "built by ProperDocs, not by MkDocs"
    # doum's plugin ran under ProperDocs: its index, its pages and its data.
    assert (site / "search/doum.json").is_file()
    assert (site / "contact/index.html").is_file()
    assert (site / "account/index.html").is_file()
    assert 'id="doum-site"' in home and "doum-searchbox" in home


@pytest.mark.browser
def test_smoke_in_chromium(new_page, properdocs_url: str) -> None:
    page = new_page(**DESKTOP)
    page.set_default_timeout(15_000)
    # Home loads with doum's home template.
    page.goto(properdocs_url)
    page.locator("form[data-doum-search]").wait_for()
    # Header search finds a page by a Korean query (doum's worker behind Material's search).
    box = page.locator("[data-md-component=search-query]")
    box.focus()
    box.fill("비밀번호를 잊어버렸어요")
    box.press("End")
    first = page.locator(".md-search-result__list > .md-search-result__item").first
    first.locator("h1").filter(has_text="비밀번호").wait_for()
    assert "account/reset-password/" in first.locator("a").first.get_attribute("href")
    page.keyboard.press("Escape")
    # The launcher opens and shows the agents' hours.
    page.locator("button.doum-launcher").click()
    panel = page.locator("#doum-panel")
    panel.wait_for(state="visible")
    assert "10:00~18:30" in panel.locator(".doum-panel__hours").inner_text()
    page.locator("#doum-question").fill("탈퇴")
    panel.locator(".doum-bot__answer a").first.wait_for()
    # The contact form renders with the configured services.
    page.goto(properdocs_url + "contact/")
    form = page.locator("form#contact-form")
    form.wait_for()
    assert form.locator("select, input").count() > 3
    assert "카카오톡" in form.inner_text()
