"""`doum index SITE_DIR` on sites doum's plugin did not index: the default site built by
ProperDocs (its plugin index taken away) and a plain folder of hand-written Korean pages.
The index parses, the Python searcher finds every page by its title, and in Chromium the
search and the launcher (hours and answers) work from what `doum index` wrote."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from compat_site import (  # noqa: F401
    COMPAT_FIXTURES, ROOT, properdocs, properdocs_served, properdocs_site, run_doum,
)
from conftest import DESKTOP
from doum.cli import main as doum_main
from doum.search.documents import INDEX_FILE
from doum.search.searcher import Searcher
from security.csp_server import STRICT_CSP, serve_with_headers

PLAIN = COMPAT_FIXTURES / "plain-site"
PLAIN_CONFIG = COMPAT_FIXTURES / "doum.yml"
# The plain site's question pages and their titles (index.html, a list of links, is left out).
PLAIN_PAGES = {
    "account/password.html": "비밀번호를 잊어버렸어요",
    "account/delete.html": "회원 탈퇴는 어떻게 하나요?",
    "payment/emoticon-refund/": "이모티콘 구매를 취소하고 환불받고 싶어요",
    "notice.html": "서비스 점검 안내",
}
SNIPPET_SCRIPT = '<script type="module" src="/assets/doum/standalone.js"></script>'


def doum_yml_from_mkdocs(target: Path) -> Path:
    """The doum plugin's support/contact/search blocks of mkdocs.yml, as a doum.yml."""
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)  # !ENV, !!python/…
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    options = next(p["doum"] for p in config["plugins"] if isinstance(p, dict) and "doum" in p)
    blocks = {key: options[key] for key in ("support", "contact", "search") if key in options}
    target.write_text(yaml.safe_dump(blocks, allow_unicode=True), encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def plain_indexed(tmp_path_factory):
    """The plain site after `doum index`, served under the strict Content-Security-Policy
    (a violation is a console error, which fails the browser tests)."""
    site = tmp_path_factory.mktemp("plain") / "site"
    shutil.copytree(PLAIN, site)
    done = run_doum("index", str(site), "--config", str(PLAIN_CONFIG))
    assert done.returncode == 0, done.stdout + done.stderr
    url, stop = serve_with_headers(site, {"Content-Security-Policy": [STRICT_CSP]})
    yield site, url, done
    stop()


@pytest.fixture(scope="module")
def properdocs_indexed(properdocs_site: Path, tmp_path_factory, serve):
    """A copy of the ProperDocs-built site without the plugin's index and browser code."""
    folder = tmp_path_factory.mktemp("properdocs-indexed")
    site = folder / "site"
    shutil.copytree(properdocs_site, site)
    (site / INDEX_FILE).unlink()
    shutil.rmtree(site / "assets/doum")
    config = doum_yml_from_mkdocs(folder / "doum.yml")
    done = run_doum("index", str(site), "--config", str(config))
    assert done.returncode == 0, done.stdout + done.stderr
    # The owner pasted the two tags into the theme as well: nothing may come twice.
    home = site / "index.html"
    html = home.read_text(encoding="utf-8")
    home.write_text(html.replace("</head>", SNIPPET_SCRIPT + "</head>", 1).replace(
        '<div class="md-content"', "<div data-doum-searchbox></div><div class=\"md-content\"", 1),
        encoding="utf-8")
    return site, serve(site), done


def documents(site: Path) -> list[list[str]]:
    """[location, title, text] of every search document, as the searcher loads them (the
    index file must parse as JSON first)."""
    json.loads((site / INDEX_FILE).read_text(encoding="utf-8"))
    return Searcher.from_site(site).docs


def page_locations(site: Path) -> dict[str, str]:
    return {location: title for location, title, _text in documents(site) if "#" not in location}


# ---- plain HTML folder -----------------------------------------------------------------

def test_plain_site_index_finds_every_page_by_its_title(plain_indexed) -> None:
    site, _url, _done = plain_indexed
    assert page_locations(site) == PLAIN_PAGES  # the home page and 404 are not questions
    searcher = Searcher.from_site(site)
    for location, title in PLAIN_PAGES.items():
        hits = searcher.search(title, 3)
        assert hits and hits[0].location == location, (title, hits)
    # Title words alone, and the synonyms of doum.yml.
    assert searcher.search("비밀번호 찾기", 1)[0].location == "account/password.html"
    assert searcher.search("계정 삭제", 1)[0].location == "account/delete.html"
    # <meta name="keywords"> counts as keywords: 접속 is nowhere in the notice's text.
    assert searcher.search("접속 장애", 1)[0].location == "notice.html"
    # Page chrome (header, menu, footer) is not page text; a noindex page is left out.
    assert not searcher.search("사업자등록번호", 3)
    assert not searcher.search("초안", 3)


def test_running_again_keeps_the_same_index(tmp_path: Path, capsys) -> None:
    site = tmp_path / "site"
    shutil.copytree(PLAIN, site)
    (site / "status.json").write_text('{"updated": "2026-12-01T09:00:00+09:00", "notices": []}',
                                      encoding="utf-8")
    config = ["--config", str(PLAIN_CONFIG)]
    assert doum_main(["index", str(site), *config, "--quiet"]) == 0
    first = documents(site)
    assert doum_main(["index", str(site), *config]) == 0
    err = capsys.readouterr().err
    assert documents(site) == first  # its own contact page is not indexed the second time
    assert "skipped contact/index.html: written by doum index" in err
    assert "skipped draft.html: marked noindex" in err
    assert "2026-12-01" in (site / "status.json").read_text(encoding="utf-8")  # the owner's file


def test_plain_site_gets_the_browser_side_and_the_tags(plain_indexed) -> None:
    site, _url, done = plain_indexed
    assert SNIPPET_SCRIPT in done.stdout and "<div data-doum-searchbox></div>" in done.stdout
    for path in ("assets/doum/search.js", "assets/doum/search-worker.js", "assets/doum/standalone.js",
                 "assets/doum/search/lunr.js", "assets/doum/launcher/launcher.js",
                 "assets/doum/launcher.html"):
        assert (site / path).is_file(), path
    data = json.loads((site / "assets/doum/site.json").read_text(encoding="utf-8"))
    assert data["support"]["hours_text"].startswith("평일 09:00~18:00")
    assert data["support"]["email"] == "help@example.com"
    assert data["contact"]["services"] == ["예시 앱", "예시 페이"]
    assert data["search"]["popular_keywords"] == ["비밀번호", "탈퇴", "환불"]
    assert "설날" in data["support"]["calendar"]["holidays"].values()
    # The site had no contact page: doum index wrote one (and leaves it out of the index).
    assert "wrote a contact page at contact/index.html" in done.stderr
    assert 'id="contact-form"' in (site / "contact/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("text", "message"), [
    ("support:\n  hours:\n    mon: 10~18\n", "support → hours → mon: '10~18' is not a time range"),
    ("support:\n  chat_url: javascript:alert(1)\n", "support → chat_url: 'javascript:alert(1)'"),
    ("contact:\n  services: 카카오톡\n", "contact → services: Expected a list"),
    ("suport:\n  email: a@b.co\n", "unknown key 'suport'"),
])
def test_bad_settings_name_the_key(tmp_path: Path, capsys, text: str, message: str) -> None:
    site = tmp_path / "site"
    shutil.copytree(PLAIN, site)
    (tmp_path / "doum.yml").write_text(text, encoding="utf-8")
    assert doum_main(["index", str(site), "--config", str(tmp_path / "doum.yml")]) == 2
    assert message in capsys.readouterr().err
    assert not (site / INDEX_FILE).exists()  # nothing written


def test_selectors_that_match_nothing_say_so(tmp_path: Path, capsys) -> None:
    site = tmp_path / "site"
    shutil.copytree(PLAIN, site)
    assert doum_main(["index", str(site), "--title-selector", ".no-such-title"]) == 2
    err = capsys.readouterr().err
    assert "no page to index" in err and "--title-selector" in err
    assert doum_main(["index", str(site), "--content-selector", "article >"]) == 2
    assert "--content-selector 'article >' is not a CSS selector" in capsys.readouterr().err


@pytest.mark.browser
def test_plain_site_search_and_launcher_in_chromium(new_page, plain_indexed) -> None:
    site, url, _done = plain_indexed
    page = new_page(**DESKTOP)
    page.set_default_timeout(15_000)
    page.goto(url + "notice.html")
    # The owner's search box: doum's worker answers, results link to the pages.
    box = page.locator("[data-doum-searchbox] input")
    box.fill("비밀번호를 잊어버렸어요")
    first = page.locator(".doum-box__result a").first
    first.wait_for()
    assert first.inner_text() == "비밀번호를 잊어버렸어요"
    assert first.get_attribute("href") == url + "account/password.html"
    box.fill("ㅌㅌ")  # 초성, as the plugin's sites answer it
    page.locator(".doum-box__result a", has_text="탈퇴").first.wait_for()
    # The launcher: hours from doum.yml, the agent line, answers from the same index.
    page.locator("button.doum-launcher").click()
    panel = page.locator("#doum-panel")
    panel.wait_for(state="visible")
    assert "평일 09:00~18:00" in panel.locator(".doum-panel__hours").inner_text()
    assert panel.locator("[data-doum-agent-title]").inner_text().strip()
    page.locator("#doum-question").fill("이모티콘 환불")
    answer = panel.locator(".doum-bot__answer a").first
    answer.wait_for()
    assert answer.get_attribute("href") == url + "payment/emoticon-refund/"
    email = panel.locator("[data-doum-email]").get_attribute("href")
    assert email.startswith(url + "contact/?")
    # Python and the browser rank the same way on doum index's output.
    searcher = Searcher.from_site(site)
    for query in [*PLAIN_PAGES.values(), "탈퇴", "환불 방법", "qlalfqjsgh"]:
        in_browser = page.evaluate(
            "async (q) => (await (await import('/assets/doum/search.js')).search(q, {limit: 5}))"
            ".map((hit) => hit.location)", query)
        assert in_browser == [hit.location for hit in searcher.search(query, 5)], query


# ---- the default site, built by ProperDocs ---------------------------------------------

def test_properdocs_site_index_matches_the_plugins(properdocs_site: Path, properdocs_indexed) -> None:
    site, _url, _done = properdocs_indexed
    # Same pages, same sections, same texts: only front matter the HTML does not carry
    # (keywords, questions) is missing from the post-built index.
    assert documents(site) == documents(properdocs_site)
    searcher = Searcher.from_site(site)
    for location, title in page_locations(site).items():
        hits = searcher.search(title, 3)
        assert location in [hit.location for hit in hits], (title, hits)


@pytest.mark.browser
def test_properdocs_site_search_and_launcher_in_chromium(new_page, properdocs_indexed) -> None:
    site, url, _done = properdocs_indexed
    page = new_page(**DESKTOP)
    page.set_default_timeout(15_000)
    page.goto(url)
    # The pasted tags on a page doum's plugin built: one launcher, one #doum-site, a search box.
    page.locator("[data-doum-searchbox][data-doum-ready] input").fill("번호 변경")
    page.locator(".doum-box__result a").first.wait_for()
    assert page.locator(".doum-chat").count() == 1 and page.locator("#doum-site").count() == 1
    box = page.locator("[data-md-component=search-query]")
    box.focus()
    box.fill("탈퇴하면 어떻게 돼요")
    box.press("End")
    first = page.locator(".md-search-result__list > .md-search-result__item").first
    first.locator("h1").filter(has_text="탈퇴").wait_for()
    assert "account/delete-account/" in first.locator("a").first.get_attribute("href")
    page.keyboard.press("Escape")
    page.locator("button.doum-launcher").click()
    panel = page.locator("#doum-panel")
    panel.wait_for(state="visible")
    assert "10:00~18:30" in panel.locator(".doum-panel__hours").inner_text()
    page.locator("#doum-question").fill("비밀번호를 잊어버렸어요")
    answer = panel.locator(".doum-bot__answer a").first
    answer.wait_for()
    assert "account/reset-password/" in answer.get_attribute("href")
    # Python and the browser rank alike on the post-built index (a sample of the held-out queries).
    queries = yaml.safe_load((ROOT / "tests/search/queries.yaml").read_text(encoding="utf-8"))
    searcher = Searcher.from_site(site)
    for query in [entry["query"] for entry in queries[::12]]:
        in_browser = page.evaluate(
            "async (q) => (await (await import('/assets/doum/search.js')).search(q, {limit: 5}))"
            ".map((hit) => hit.location)", query)
        assert in_browser == [hit.location for hit in searcher.search(query, 5)], query


@pytest.mark.browser
def test_plain_site_contact_page_in_chromium(new_page, plain_indexed) -> None:
    _site, url, _done = plain_indexed
    page = new_page(**DESKTOP)
    page.set_default_timeout(15_000)
    page.goto(url + "contact/?service=" + "예시 페이" + "&q=환불받고 싶어요")
    form = page.locator("form#contact-form")
    form.wait_for()
    assert page.locator("#contact-service option").all_inner_texts()[1:] == ["예시 앱", "예시 페이"]
    # contact.js runs: the prefill from the link, the payment block for a paid service.
    page.wait_for_function("() => document.querySelector('#contact-summary').value === '환불받고 싶어요'")
    assert page.locator("#contact-service").input_value() == "예시 페이"
    assert "help@example.com" in page.locator("#doum-contact").inner_text()
    page.locator("button.doum-launcher").wait_for()  # the launcher on the contact page too
