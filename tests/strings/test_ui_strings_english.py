"""The default knowledge base's English pages (en/, built by mkdocs-static-i18n with
`theme.language: en`): every word doum's templates and Python print is English. The Korean left on a page must be content or configuration: the
Markdown, front matter and mkdocs.yml values (site name, categories, contact choices…).

Pages open with JavaScript off, so what is checked is the built markup alone (the launcher's
panel included); text the browser code writes is the browser catalog's job."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Callable

import pytest
import yaml

from conftest import ROOT, site_data, write_project
from doum.site import embed, strings

pytestmark = pytest.mark.browser

HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")
# Page parts that are content: the Markdown body (any child of the article doum does not own),
# the home introduction, and the category listing's summaries.
CONTENT = 'article.md-content__inner > :not([class*="doum-"]), .doum-home__intro, .doum-category__summary'
EN = strings.load("en")

# Every Hangul-holding text node and name-like attribute outside the content, with the
# configured and authored strings taken out.
KOREAN_LEFT = """({content, allowed}) => {
  const hangul = /[\\uac00-\\ud7a3\\u3131-\\u318e]/
  const strip = (text) => allowed.reduce((left, value) => left.split(value).join(''), text)
  const body = document.body.cloneNode(true)
  body.querySelectorAll(content).forEach((node) => node.remove())
  body.querySelectorAll('script, style').forEach((node) => node.remove())
  const left = []
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT)
  while (walker.nextNode()) {
    const text = walker.currentNode.textContent.trim()
    if (hangul.test(strip(text))) left.push(text)
  }
  for (const node of body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
    for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
      const value = node.getAttribute(name)
      if (value && hangul.test(strip(value))) left.push(`${name}=${value}`)
    }
  }
  if (hangul.test(strip(document.title))) left.push(`<title>${document.title}`)
  return left
}"""


class _AnyTag(yaml.SafeLoader):
    """mkdocs.yml's !ENV and !!python tags read as nothing: only its strings matter here."""


_AnyTag.add_multi_constructor("", lambda loader, suffix, node: None)


def _strings_in(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings_in(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings_in(item)]
    return []


def _content_strings(docs: Path) -> list[str]:
    """mkdocs.yml's values, the pages' front matter values and headings: what a page may show."""
    found = _strings_in(yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTag))
    for page in docs.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        if text.startswith("---"):
            found += _strings_in(yaml.safe_load(text.split("---", 2)[1]))
        found += [line.lstrip("#").strip() for line in text.splitlines() if line.startswith("#")]
    return sorted({s.strip() for s in found if HANGUL.search(s)}, key=len, reverse=True)


@pytest.fixture(scope="module")
def english(default_served: tuple[Path, str]) -> tuple[Path, str]:
    """The default site: Korean at the root and, through mkdocs-static-i18n, English under en/
    (a build whose theme.language is en)."""
    site, url = default_served
    return site / "en", url + "en/"


# (path, English words the page must carry)
PAGES = [
    ("", ["pages.home.categories", "pages.home.help", "pages.common.open_contact_form",
          "pages.search_box.submit"]),
    ("account/reset-password/", ["pages.page_end.still_title", "pages.feedback.question",
                                 "pages.facts.updated", "pages.support.hours_label"]),
    ("account/", [("pages.common.question_count",
                   {"count": len([p for p in (ROOT / "docs/en/account").glob("*.md") if p.name != "index.md"])}),
                  "pages.nav.home"]),
    ("contact/", ["pages.contact.page_title", "pages.contact.send", "pages.contact.privacy.title",
                  "browser.contact.os_other", "pages.contact.elsewhere.title"]),
    ("404.html", ["pages.notfound.title", "pages.notfound.home"]),
]


@pytest.mark.parametrize(("path", "keys"), PAGES, ids=[p or "home" for p, _ in PAGES])
def test_english_pages_have_no_korean_of_doum(new_page: Callable[..., Any], english: tuple[Path, str],
                                              path: str, keys: list[Any]) -> None:
    site, url = english
    page = new_page(java_script_enabled=False)
    page.goto(url + path)
    assert page.get_attribute("html", "lang") == "en"
    text = page.evaluate("document.body.textContent")
    # The launcher's panel is on every page, hidden until opened.
    for key in [*keys, "pages.launcher.button", "pages.launcher.other_ways", "pages.launcher.email"]:
        key, values = key if isinstance(key, tuple) else (key, {})
        assert EN.text(key, **values) in text, key
    left = page.evaluate(KOREAN_LEFT, {"content": CONTENT, "allowed": _content_strings(ROOT / "docs")})
    assert left == []


def test_the_check_sees_korean_outside_the_content(new_page: Callable[..., Any],
                                                   english: tuple[Path, str]) -> None:
    """The checker itself: a Korean word of doum's left in the markup is reported."""
    site, url = english
    page = new_page(java_script_enabled=False)
    page.goto(url)
    page.evaluate("document.querySelector('.doum-launcher__label').textContent = '상담하기'")
    left = page.evaluate(KOREAN_LEFT, {"content": CONTENT, "allowed": _content_strings(ROOT / "docs")})
    assert left == ["상담하기"]


def test_english_site_data(english: tuple[Path, str]) -> None:
    """The browser's share: the support wording and holiday names in English, times in KST, and
    the browser catalog under `strings` (the embed's site data: the default language's)."""
    html = (english[0] / "index.html").read_text(encoding="utf-8")
    data = site_data(html)
    support = data["support"]
    assert support["hours_label"] == EN.text("pages.support.hours_label")
    assert support["hours_text"].startswith(EN.text("pages.hours.weekdays") + " 10:00")
    assert support["calendar"]["timezone"] == "Asia/Seoul"
    assert support["calendar"]["breaks"][0]["label"] == EN.text("pages.hours.lunch")
    names = list(support["calendar"]["holidays"].values())
    assert names and not any(HANGUL.search(name) for name in names)
    assert data["strings"] == EN.browser()
    assert "contact" not in data["strings"] and "embed" not in data["strings"]
    assert "consent" not in data["strings"], "insights are off: no consent notice to word"
    # The contact form's words come with the contact page alone (its page data).
    contact = (english[0] / "contact" / "index.html").read_text(encoding="utf-8")
    page = json.loads(re.search(r'<script type="application/json" id="doum-page">(.*?)</script>', contact, re.S)[1])
    assert page["strings"] == EN.browser("contact") == {"contact": EN.area("browser")["contact"]}
    # The embed's site data: the default language's (the launcher on a product site).
    embedded = json.loads((english[0].parent / embed.SITE_JSON).read_text(encoding="utf-8"))
    assert embedded["strings"] == strings.load(strings.REFERENCE).area("browser")
    assert embedded["support"]["hours_label"] == strings.load(strings.REFERENCE).text("pages.support.hours_label")


LATE_LANGUAGE_HOOK = '''
from mkdocs.plugins import event_priority


@event_priority(-100)  # as mkdocs-static-i18n: after doum's on_config
def on_config(config):
    config.theme["language"] = "en"
    return config
'''


def test_the_language_an_i18n_plugin_sets_late_is_the_one_spoken(
        tmp_path: Path, build: Callable[..., Path]) -> None:
    """mkdocs-static-i18n sets theme.language in its own on_config, after doum's: the pages
    and the site data still speak the language of the build."""
    project = write_project(tmp_path / "late", {"faq/q.md": "---\ntitle: Question\n---\n\nAnswer.\n"})
    (project / "late_language.py").write_text(LATE_LANGUAGE_HOOK, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "hooks:\n  - late_language.py\n", encoding="utf-8")
    site = build(project, tmp_path / "site", "--strict")
    html = (site / "index.html").read_text(encoding="utf-8")
    assert f'<span class="doum-launcher__label">{EN.text("pages.launcher.button")}</span>' in html
    data = site_data(html)
    assert data["support"]["hours_label"] == EN.text("pages.support.hours_label")
    assert f">{EN.text('pages.contact.page_title')}<" in (site / "contact" / "index.html").read_text(encoding="utf-8")
