"""Imported pages make a real site: `mkdocs build --strict` passes, and Material's header search
(answered by doum's worker) finds every imported page by the words of its title."""

from __future__ import annotations

from pathlib import Path

import pytest

from import_helpers import FIXTURES, doum_import, front_matter, new_project, pages

from conftest import DESKTOP, mkdocs_build

RESULTS = ".md-search-result__list"
TOP_THREE = """() => [...document.querySelectorAll(
    '.md-search-result__list > .md-search-result__item')].slice(0, 3)
    .map(item => item.querySelector('a').getAttribute('href'))"""
TOP_THREE_HAVE = f"address => ({TOP_THREE})().some(href => href.includes(address))"


def import_everything(capsys, project: Path) -> dict[str, str]:
    run = doum_import(capsys, FIXTURES / "faq-cp949.csv", FIXTURES / "zendesk",
                      FIXTURES / "intercom", FIXTURES / "html-export", "--into", project / "docs")
    assert run.code == 0, run.err
    return pages(project / "docs")


def test_imported_sheet_builds_with_strict(tmp_path, capsys) -> None:
    project = new_project(tmp_path / "project")
    run = doum_import(capsys, FIXTURES / "faq-cp949.csv", "--into", project / "docs")
    assert run.code == 0, run.err
    result = mkdocs_build(project, tmp_path / "site", "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    for path in pages(project / "docs"):
        assert (tmp_path / "site" / path.removesuffix(".md") / "index.html").is_file(), path


def test_import_reports_how_findable_the_imported_pages_are(tmp_path, capsys) -> None:
    project = new_project(tmp_path / "project")
    run = doum_import(capsys, FIXTURES / "faq-utf8-bom.csv", "--into", project / "docs",
                      "--findability", project / "mkdocs.yml")
    assert run.code == 0, run.err
    report = run.out.split("Findability of the imported site")[1]
    written = len(pages(project / "docs"))
    assert f"{written} pages" in report and "R@5" in report and "hard to find:" in report


@pytest.mark.browser
def test_search_finds_every_imported_page_by_its_title(tmp_path, capsys, serve, new_page) -> None:
    project = new_project(tmp_path / "project")
    written = import_everything(capsys, project)
    assert len(written) == 29 + 4 + 3 + 3
    site = tmp_path / "site"
    url = serve(site)
    result = mkdocs_build(project, site, "--strict", site_url=url)
    assert result.returncode == 0, result.stdout + result.stderr
    page = new_page(**DESKTOP)
    page.set_default_timeout(10_000)
    page.goto(url)
    box = page.locator("[data-md-component=search-query]")
    box.focus()
    missed = []
    for path, text in written.items():
        title = front_matter(text)["title"]
        address = path.removesuffix(".md") + "/"
        box.fill(title)
        box.press("End")  # Material reads the box on keyup
        # Poll until the page is among the first three results: the previous query's results
        # stay on screen until the new ones are rendered.
        try:
            page.wait_for_function(TOP_THREE_HAVE, arg=address, timeout=5_000)
        except Exception:
            missed.append((title, address, page.evaluate(TOP_THREE)))
    assert not missed, missed
