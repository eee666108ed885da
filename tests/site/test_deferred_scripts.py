"""Material's bundle and the site's extra_javascript are deferred (site/deferred_scripts.py):
fetched beside the page instead of before its first paint, and still run in document order, so
a site script that uses Material's document$ (as MathJax's set-up does) keeps working."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import DESKTOP, write_project
from doum.site.deferred_scripts import defer_scripts

# As the finished page writes it (the build's HTML pass spells the attribute defer="").
MATERIAL_BUNDLE = re.compile(r'<script (defer(?:="")? )?src="[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js"')
EXTRA = re.compile(r'<script defer(?:="")? src="javascripts/extra\.js"></script>')


def test_classic_external_scripts_are_deferred_and_the_rest_keep_what_they_have() -> None:
    html = (
        '<script src="assets/javascripts/bundle.1a2b.min.js"></script>\n'
        '<script src="js/mathjax.js"></script>\n'
        '<script src="js/app.js" type="module"></script>\n'
        '<script src="js/stats.js" async></script>\n'
        '<script src="js/late.js" defer></script>\n'
        '<script type="application/json" id="data">{"src": 1}</script>'
    )
    assert defer_scripts(html) == (
        '<script defer src="assets/javascripts/bundle.1a2b.min.js"></script>\n'
        '<script defer src="js/mathjax.js"></script>\n'
        '<script src="js/app.js" type="module"></script>\n'
        '<script src="js/stats.js" async></script>\n'
        '<script src="js/late.js" defer></script>\n'
        '<script type="application/json" id="data">{"src": 1}</script>'
    )


def test_every_page_has_materials_bundle_deferred(default_site: Path) -> None:
    for page in ("index.html", "account/reset-password/index.html", "contact/index.html", "404.html"):
        tags = MATERIAL_BUNDLE.findall((default_site / page).read_text(encoding="utf-8"))
        assert len(tags) == 1 and tags[0].startswith("defer"), page


EXTRA_SCRIPT = """\
// Material's own example for MathJax: document$ at the top level of an extra script.
document$.subscribe(function () {
  document.body.setAttribute('data-extra-pages', String(Number(document.body.getAttribute('data-extra-pages') || 0) + 1))
})
"""


@pytest.mark.browser
def test_an_extra_script_that_uses_materials_document_observable_still_runs_after_it(
    tmp_path: Path, build: Callable[..., Path], serve: Callable[[Path], str],
    new_page: Callable[..., Any],
) -> None:
    project = write_project(tmp_path / "project", {
        "javascripts/extra.js": EXTRA_SCRIPT,
        "guide.md": "---\ntitle: 안내\n---\n\n안내 페이지예요.\n",
    })
    with (project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("extra_javascript:\n  - javascripts/extra.js\n")
    site = build(project, tmp_path / "site")
    home = (site / "index.html").read_text(encoding="utf-8")
    assert EXTRA.search(home)
    assert EXTRA.search(home).start() > MATERIAL_BUNDLE.search(home).start(), "after the bundle"
    page = new_page(**DESKTOP)  # a console error (document$ undefined) fails the test
    page.goto(serve(site), wait_until="load")
    page.wait_for_selector("body[data-extra-pages='1']", state="attached")
    # Material's search and the launcher came up as before.
    page.locator("button.doum-launcher").click()
    page.get_by_role("dialog").first.wait_for()
