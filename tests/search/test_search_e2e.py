"""Material's header search, answered by doum's worker, in a real Chromium."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

RESULTS = ".md-search-result__list"
META = ".md-search-result__meta"
EMPTY_PANEL = ".doum-search-empty"


def open_search(new_page, url: str, **options):
    page = new_page(**(options or DESKTOP))
    page.set_default_timeout(10_000)
    page.goto(url)
    if options:  # phones: the magnifier button in the header opens the search overlay
        page.locator("label.md-header__button[for=__search]").click()
    page.locator("[data-md-component=search-query]").focus()
    return page


def type_query(page, text: str) -> None:
    box = page.locator("[data-md-component=search-query]")
    box.fill(text)
    box.press("End")  # Material reads the box on keyup


def test_korean_query_shows_grouped_results_with_marks(new_page, default_url: str) -> None:
    page = open_search(new_page, default_url)
    type_query(page, "비밀번호를 잊어버렸어요")
    first = page.locator(f"{RESULTS} > .md-search-result__item").first
    first.locator("h1").filter(has_text="비밀번호를 잊어버렸어요").wait_for()
    assert first.locator("h1 mark").first.inner_text() == "비밀번호"
    # Sections of the same page are grouped under it and link to their anchors.
    links = first.locator("a.md-search-result__link")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert "account/reset-password/" in hrefs[0]
    assert any("#" in href for href in hrefs[1:])


@pytest.mark.parametrize("options", [{}, PHONE], ids=["desktop", "phone"])
def test_text_that_comes_without_a_key_is_searched(new_page, default_url: str,
                                                   options: dict) -> None:
    """Material searches on keyup only: a Korean keyboard's composed syllables and a pasted
    phrase (no key events at all) are searched as they change the box."""
    page = open_search(new_page, default_url, **options)
    ime = page.context.new_cdp_session(page)
    for syllable in "비밀번호":  # each syllable composed, then committed, as an IME does
        ime.send("Input.imeSetComposition", {"text": syllable, "selectionStart": 1,
                                             "selectionEnd": 1})
        ime.send("Input.insertText", {"text": syllable})
    first = page.locator(f"{RESULTS} > .md-search-result__item").first
    first.locator("h1 mark").filter(has_text="비밀번호").first.wait_for()
    box = page.locator("[data-md-component=search-query]")
    box.evaluate("box => box.select()")
    page.keyboard.insert_text("이모티콘 환불")  # a paste or a dictated phrase
    first.locator("h1 mark").filter(has_text="이모티콘").first.wait_for()


@pytest.mark.parametrize("query", ["ㅂㅁㅂㅎ", "qlalfqjsgh", "이모티콘환볼"])
def test_initial_consonants_english_layout_and_typos(new_page, default_url: str, query: str) -> None:
    page = open_search(new_page, default_url)
    type_query(page, query)
    page.locator(f"{RESULTS} .md-search-result__item").first.wait_for()
    assert page.locator(f"{RESULTS} .md-search-result__item").count() >= 1


def test_deep_link_opens_results(new_page, default_url: str) -> None:
    page = new_page(**DESKTOP)
    page.set_default_timeout(10_000)
    page.goto(f"{default_url}?q={quote('탈퇴하면')}")
    first = page.locator(f"{RESULTS} > .md-search-result__item").first
    first.locator("h1").filter(has_text="탈퇴").wait_for()
    assert "account/delete-account/" in first.locator("a").first.get_attribute("href")


def test_empty_result_offers_popular_keywords_and_contact(new_page, default_url: str) -> None:
    page = open_search(new_page, default_url, **PHONE)
    type_query(page, "zzqqxx")
    panel = page.locator(EMPTY_PANEL)
    panel.wait_for(state="visible")
    chips = panel.locator("button")
    assert chips.count() >= 3
    assert panel.locator("a").get_attribute("href").endswith("contact/")
    chip = chips.first
    keyword = chip.inner_text()
    chip.focus()
    page.keyboard.press("Enter")  # keyboard works as well as a tap
    page.locator(f"{RESULTS} .md-search-result__item").first.wait_for()
    assert page.locator("[data-md-component=search-query]").input_value() == keyword
    panel.wait_for(state="hidden")


@pytest.mark.parametrize("query", ['<img src=x onerror="window.__pwned=1">', "+-~^:*", '"탈퇴" -계정 ~2'])
def test_hostile_queries_render_escaped(new_page, default_url: str, query: str) -> None:
    page = open_search(new_page, default_url)
    type_query(page, query)
    page.wait_for_function(
        "() => !/입력|typing/i.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    page.wait_for_timeout(300)  # give an injected handler the chance to run
    assert page.evaluate("window.__pwned") is None
    assert page.locator(f"{RESULTS} img").count() == 0
    assert page.locator(f"{RESULTS} script").count() == 0


def test_suggestion_completes_the_word_being_typed_and_share_keeps_the_query(
    new_page, default_url: str
) -> None:
    page = open_search(new_page, default_url)
    box = page.locator("[data-md-component=search-query]")
    type_query(page, "이모티")  # the End key press gives Material the keydown/keyup it reads
    page.locator(f"{RESULTS} .md-search-result__item").first.wait_for()
    suggest = page.locator(".md-search__suggest")
    page.wait_for_function(
        "() => document.querySelector('.md-search__suggest').textContent.length > 3")
    completed = suggest.text_content()
    assert completed.startswith("이모티") and completed != "이모티", completed
    box.press("ArrowRight")  # accepts the suggestion, as in stock Material
    assert box.input_value() == completed
    share = page.locator("[data-md-component=search-share]")
    assert share.get_attribute("href").endswith(f"?q={quote(completed)}")


def test_result_link_highlights_the_matched_words_on_the_page(new_page, default_url: str) -> None:
    page = open_search(new_page, default_url)
    type_query(page, "이모티콘 환불")
    link = page.locator(f"{RESULTS} > .md-search-result__item a.md-search-result__link").first
    link.wait_for()
    assert "h=" in link.get_attribute("href"), "search.highlight passes the matched words on"
    link.click()
    page.wait_for_url("**/paid/**")
    page.locator(".md-content mark[data-md-highlight]").first.wait_for()


SEARCH_ONCE = """async (query) => {
    const { search } = await import(new URL("assets/doum/search.js", document.baseURI).href)
    try {
        return (await search(query, { limit: 1 })).map((hit) => hit.location)
    } catch (error) {
        return error.name
    }
}"""


def test_a_piece_that_cannot_be_fetched_fails_the_search_and_the_next_one_recovers(
        browser, default_url: str) -> None:
    # Not new_page: the blocked piece is a console error by design.
    context = browser.new_context(locale="ko-KR")
    page = context.new_page()
    page.set_default_timeout(20_000)
    thrown: list[str] = []
    page.on("pageerror", lambda error: thrown.append(str(error)))
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    postings = "**/search/doum/t.*"
    page.route(postings, lambda route: route.abort())
    page.goto(default_url)
    assert page.evaluate(SEARCH_ONCE, "탈퇴") == "SearchUnavailableError"  # callers show contact
    page.unroute(postings)
    assert page.evaluate(SEARCH_ONCE, "탈퇴") == ["account/delete-account/"]
    assert any("/search/doum/t." in url for url in fetched)
    assert not thrown
    context.close()
