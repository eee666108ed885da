"""A site built with `theme: language: en` gets an English index: the header search in a real
Chromium, `doum search` and Searcher.from_site all read it with lunr's stemmer and stop words."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import DESKTOP
from doum.search import pieces
from doum.search.searcher import Searcher

RESULTS = ".md-search-result__list"
ITEM = f"{RESULTS} > .md-search-result__item"

MKDOCS_YML = """\
site_name: Example Help Center
site_url: !ENV [DOUM_SITE_URL, "https://help.example.com/"]
theme:
  name: material
  language: en
plugins:
  - search
  - doum:
      search:
        synonyms:
          - [delete profile, unsubscribe]
"""

PAGES = {
    "index.md": """
        ---
        title: Help home
        ---

        Answers to common questions about your account and payments.
        """,
    "billing/money-back.md": """
        ---
        title: Getting your money back
        keywords: [chargeback]
        ---

        Refunds for subscriptions are paid back to the card you paid with.

        ## How long it takes

        Most refunds arrive within five business days.
        """,
    "account/leaving.md": """
        ---
        title: Leaving the service
        ---

        Deleting your profile removes your messages and purchase history for good.
        카카오톡 계정은 그대로 남아요.
        """,
    "billing/receipts.md": """
        ---
        title: Finding a receipt
        ---

        Every purchase has a receipt under Orders in the app.
        """,
}


@pytest.fixture(scope="module")
def english_site(tmp_path_factory: pytest.TempPathFactory,
                 served_site: Callable[[Path, str], tuple[Path, str]]) -> tuple[Path, str]:
    project = tmp_path_factory.mktemp("english-project")
    (project / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    for path, text in PAGES.items():
        file = project / "docs" / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return served_site(project, "english")


def test_the_index_is_english(english_site: tuple[Path, str]) -> None:
    site, _ = english_site
    manifest = pieces.read_manifest(site)
    assert manifest["default"] == "en" and list(manifest["languages"]) == ["en"]
    entry = pieces.read_entry(site)
    assert entry["language"] == "en"
    terms = pieces.front_decode(entry["terms"])
    assert "refund" in terms and "refunds" not in terms and "the" not in terms


def test_searcher_from_site_reads_the_english_index(english_site: tuple[Path, str]) -> None:
    searcher = Searcher.from_site(english_site[0])
    assert searcher.search("refund", 1)[0].location == "billing/money-back/"
    assert searcher.search("delete account", 1)[0].location == "account/leaving/"
    assert searcher.search("unsubscribing", 1)[0].location == "account/leaving/"  # config synonyms
    assert searcher.search("카카오톡", 1)[0].location == "account/leaving/"  # Korean inside English
    assert searcher.search("the of and", 5) == []


def test_doum_search_reads_an_english_site(english_site: tuple[Path, str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "doum.cli", "search", "receipts", "--site", str(english_site[0]),
         "--json", "--limit", "1"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["location"] == "billing/receipts/"


def header_search(new_page, url: str, query: str):
    page = new_page(**DESKTOP)
    page.set_default_timeout(10_000)
    page.goto(url)
    box = page.locator("[data-md-component=search-query]")
    box.focus()
    box.fill(query)
    box.press("End")  # Material reads the box on keyup
    return page


@pytest.mark.browser
@pytest.mark.parametrize(("query", "location", "marked"), [
    ("refund", "billing/money-back/", "refund"),  # the page says Refunds
    ("delete account", "account/leaving/", "delet"),  # the page says Deleting
])
def test_header_search_finds_other_forms_of_the_words(
        new_page, english_site: tuple[Path, str], query: str, location: str, marked: str) -> None:
    page = header_search(new_page, english_site[1], query)
    first = page.locator(ITEM).first
    first.wait_for()
    assert first.locator("a").first.get_attribute("href").endswith(location)
    assert first.locator("mark").first.inner_text().lower() == marked


@pytest.mark.browser
def test_header_search_finds_nothing_for_stop_words_alone(new_page, english_site: tuple[Path, str]) -> None:
    page = header_search(new_page, english_site[1], "the and of")
    page.locator(".doum-search-empty").wait_for(state="visible")  # doum's no-results panel
    assert page.locator(ITEM).count() == 0
    # the same page answers a real word: the worker was ready, not missing
    box = page.locator("[data-md-component=search-query]")
    box.fill("receipts")
    box.press("End")
    page.locator(ITEM).first.wait_for()
    assert page.locator(ITEM).first.locator("a").first.get_attribute("href").endswith("billing/receipts/")
