"""The chat launcher in real Chromium: every support state at fixed instants in three visitor
time zones, keyboard-only use, instant navigation, the operator API, layout and axe-core."""

from __future__ import annotations

import datetime
import json
import re
import zoneinfo
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest


from conftest import DESKTOP, PHONE, axe_violations

pytestmark = pytest.mark.browser

KST = zoneinfo.ZoneInfo("Asia/Seoul")
VISITOR_ZONES = ["Asia/Seoul", "America/Los_Angeles", "Europe/Berlin"]
WEEKDAY_KO = "월화수목금토일"
PAGE = "account/delete-account/"


@pytest.fixture(scope="module")
def site_data(default_site: Path) -> dict[str, Any]:
    html = (default_site / "index.html").read_text(encoding="utf-8")
    opening = '<script type="application/json" id="doum-site">'
    start = html.index(opening) + len(opening)
    return json.loads(html[start:html.index("</script>", start)])


def working_day(calendar: dict[str, Any], start: datetime.date, weekday: int) -> datetime.date:
    """The first ordinary working day with that weekday (0 = Monday) on or after start."""
    day = start
    while not (day.weekday() == weekday and ordinary(calendar, day)):
        day += datetime.timedelta(days=1)
    return day


def ordinary(calendar: dict[str, Any], day: datetime.date) -> bool:
    key = day.isoformat()
    return key not in calendar["holidays"] and key not in calendar["closed"]


@pytest.fixture(scope="module")
def instants(site_data: dict[str, Any]) -> dict[str, tuple[datetime.datetime, datetime.datetime | None]]:
    """state → (a Korea-time instant in that state, when agents answer next), inside the
    built calendar's holiday span whatever the build year."""
    calendar = site_data["support"]["calendar"]
    year = int(calendar["span"]["end"][:4]) - 1
    wednesday = working_day(calendar, datetime.date(year, 3, 2), 2)
    friday = wednesday + datetime.timedelta(days=2)
    while not (ordinary(calendar, friday) and ordinary(calendar, friday + datetime.timedelta(days=3))):
        friday += datetime.timedelta(days=7)
    seollal = next(datetime.date.fromisoformat(d) for d, name in calendar["holidays"].items()
                   if name == "설날" and d.startswith(str(year)))
    after = seollal + datetime.timedelta(days=1)
    while not (after.weekday() < 5 and ordinary(calendar, after)):
        after += datetime.timedelta(days=1)

    def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
        return datetime.datetime.combine(day, datetime.time(hour, minute), KST)

    return {
        "open": (at(wednesday, 11), None),
        "break": (at(wednesday, 12, 30), at(wednesday, 13)),
        "closed": (at(friday, 19), at(friday + datetime.timedelta(days=3), 10)),
        "holiday": (at(seollal, 11), at(after, 10)),
    }


def korean(moment: datetime.datetime, zone: str, with_date: bool = True) -> str:
    local = moment.astimezone(zoneinfo.ZoneInfo(zone))
    clock = f"{local:%H:%M}"
    return f"{local.month}월 {local.day}일({WEEKDAY_KO[local.weekday()]}) {clock}" if with_date else clock


def open_at(new_page: Callable[..., Any], url: str, moment: datetime.datetime, **options: Any) -> Any:
    page = new_page(**{**DESKTOP, **options})
    page.context.route("https://example.com/**", lambda route: route.fulfill(
        body="<!doctype html><title>sample chat</title>", content_type="text/html"))
    page.clock.set_fixed_time(moment)
    page.goto(url + PAGE)
    return page


def launcher(page: Any) -> Any:
    """The floating button (pages may hold other [data-doum-launcher] 상담 buttons too)."""
    button = page.locator("button.doum-launcher")
    assert "상담" in button.evaluate("b => b.textContent")
    return button


def panel(page: Any) -> Any:
    return page.get_by_role("dialog", name=re.compile("상담"))


def agent_control(page: Any) -> Any:
    return panel(page).locator("[data-doum-agent]")


@pytest.mark.parametrize("zone", VISITOR_ZONES)
def test_every_state_at_fixed_instants(new_page: Callable[..., Any], default_url: str,
                                       site_data: dict[str, Any], instants: dict[str, Any], zone: str) -> None:
    """One page per visitor zone; the clock moves to each state's instant and the panel reopens."""
    page = open_at(new_page, default_url, instants["closed"][0], timezone_id=zone)
    launcher(page).click()
    panel(page).get_by_role("button", name="해결되지 않았어요").click()
    for state in ["closed", "holiday", "break", "open"]:  # open last: it opens a chat tab
        page.clock.set_fixed_time(instants[state][0])
        page.keyboard.press("Escape")
        launcher(page).click()
        status = panel(page).locator(".doum-status").inner_text()
        assert "챗봇" in status and "24시간" in status, state
        if state == "open":
            check_open(page, status, instants[state][0], zone, site_data["support"]["chat_url"])
        else:
            check_away(page, status, state, instants[state][1], zone)


def check_open(page: Any, status: str, moment: datetime.datetime, zone: str, chat_url: str) -> None:
    elsewhere = zone != "Asia/Seoul"
    assert "상담 가능" in status and "12:00까지" in status
    closes = moment.replace(hour=12)
    mine = [f"내 시간 {korean(closes, zone, with_date=False)}", f"내 시간 {korean(closes, zone)}"]
    assert any(text in status for text in mine) == elsewhere
    assert ("한국 시간 12:00까지" in status) == elsewhere
    link = agent_control(page)
    assert link.get_attribute("href") == chat_url
    assert link.get_attribute("target") == "_blank"
    assert "noopener" in link.get_attribute("rel")
    assert link.get_attribute("aria-disabled") is None
    with page.context.expect_page() as popup:
        panel(page).get_by_role("link", name=re.compile("상담원")).click()
    assert popup.value.url == chat_url


def check_away(page: Any, status: str, state: str, next_open: datetime.datetime, zone: str) -> None:
    elsewhere = zone != "Asia/Seoul"
    expected = {"break": "점심시간", "closed": "상담 시간이 아니에요", "holiday": "설날"}[state]
    assert expected in status, state
    if state == "break":
        assert "13:00에 다시 상담해요" in status
    else:
        assert f"다음 상담: {'한국 시간 ' if elsewhere else ''}{korean(next_open, 'Asia/Seoul')}" in status, state
    mine = [f"내 시간 {korean(next_open, zone)}", f"내 시간 {korean(next_open, zone, with_date=False)}"]
    assert any(text in status for text in mine) == elsewhere, state
    link = panel(page).get_by_role("link", name=re.compile("상담원"))
    assert link.get_attribute("aria-disabled") == "true", state
    assert link.get_attribute("href") is None, state
    assert expected in panel(page).locator("#doum-agent-reason").inner_text(), state
    pages_before = len(page.context.pages)
    link.click(force=True)  # Playwright rightly refuses aria-disabled; the page must ignore it too
    assert len(page.context.pages) == pages_before and page.url.endswith(PAGE), state


def test_keyboard_only(new_page: Callable[..., Any], default_url: str, instants: dict[str, Any]) -> None:
    page = open_at(new_page, default_url, instants["open"][0])
    page.keyboard.press("Shift+Tab")  # from the top of the page backwards: the launcher is last
    button = launcher(page)
    assert page.evaluate("document.activeElement.classList.contains('doum-launcher')")
    assert button.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    assert panel(page).is_visible()
    assert button.get_attribute("aria-expanded") == "true"
    assert page.evaluate("document.activeElement.id") == "doum-question"
    page.keyboard.type("환불")
    for _ in range(10):  # Tab to 해결되지 않았어요 past any answers
        if page.evaluate("document.activeElement.matches('[data-doum-escalate]')"):
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "doum-options-title"
    page.keyboard.press("Tab")
    assert "상담원" in page.evaluate("document.activeElement.textContent")
    page.keyboard.press("Escape")
    assert not panel(page).is_visible()
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.classList.contains('doum-launcher')")
    page.keyboard.press("Space")
    assert panel(page).is_visible()
    assert page.locator("#doum-question").input_value() == "환불"
    page.keyboard.press("Escape")


def test_instant_navigation_and_reload_keep_panel_and_question(
        new_page: Callable[..., Any], default_url: str, instants: dict[str, Any]) -> None:
    page = new_page(**DESKTOP)
    page.clock.set_fixed_time(instants["closed"][0])
    with page.expect_response("**/sitemap.xml"):  # instant navigation starts once it is read
        page.goto(default_url + PAGE)
    launcher(page).click()
    page.locator("#doum-question").fill("번호 변경")
    page.evaluate("window.__sameDocument = true")
    page.locator(".md-footer__link--prev").click()
    page.wait_for_url(re.compile("change-phone-number/$"))
    page.wait_for_function("JSON.parse(document.getElementById('doum-page').textContent).url"
                           ".includes('change-phone-number')")
    assert page.evaluate("window.__sameDocument") is True, "expected Material's instant navigation"
    assert panel(page).is_visible()
    assert page.locator("#doum-question").input_value() == "번호 변경"
    assert "상담 시간이 아니에요" in panel(page).inner_text()
    email = panel(page).locator("[data-doum-email]")
    query = dict(re.findall(r"([a-z]+)=([^&]+)", email.get_attribute("href").split("?", 1)[1]))
    assert "change-phone-number" in query["from"] and query["q"]
    assert email.get_attribute("href").startswith(default_url + "contact/?")
    panel(page).get_by_role("button", name="상담 창 닫기").click()
    assert not panel(page).is_visible()
    assert page.evaluate("document.activeElement.classList.contains('doum-launcher')")
    launcher(page).click()
    assert panel(page).is_visible()
    page.reload()
    assert panel(page).is_visible()
    assert page.locator("#doum-question").input_value() == "번호 변경"
    assert launcher(page).get_attribute("aria-expanded") == "true"


def test_operator_api_events_and_data_attribute(new_page: Callable[..., Any], default_url: str,
                                               instants: dict[str, Any]) -> None:
    page = open_at(new_page, default_url, instants["open"][0])
    page.evaluate("""() => {
        window.__events = []
        for (const name of ["doum:launcher-open", "doum:launcher-close"])
            document.addEventListener(name, () => window.__events.push(name))
        const link = Object.assign(document.createElement("a"),
                                   {href: "../../contact/", textContent: "상담하기 (본문)"})
        link.setAttribute("data-doum-launcher", "")
        document.querySelector("article").append(link)
    }""")
    page.evaluate("window.doum.launcher.open()")
    assert panel(page).is_visible()
    page.evaluate("window.doum.launcher.toggle()")
    assert not panel(page).is_visible()
    page.get_by_role("link", name="상담하기 (본문)").click()
    assert panel(page).is_visible() and page.url.endswith(PAGE)
    page.evaluate("window.doum.launcher.close()")
    assert page.evaluate("document.activeElement.textContent") == "상담하기 (본문)"
    assert page.evaluate("window.__events") == [
        "doum:launcher-open", "doum:launcher-close", "doum:launcher-open", "doum:launcher-close"]


def test_intent_draws_the_state_before_the_click(new_page: Callable[..., Any], default_url: str,
                                                 instants: dict[str, Any]) -> None:
    """A pointer over an opener (the button, or any [data-doum-launcher] link) or focus on it draws
    the support state into the still hidden panel: the first date formats are made before the
    click. Nothing opens, no event fires, and the click shows the same state."""
    status = "#doum-panel [data-doum-agent-status]"
    page = open_at(new_page, default_url, instants["closed"][0])
    page.evaluate("""() => {
        window.__events = []
        document.addEventListener("doum:launcher-open", () => window.__events.push("open"))
    }""")
    assert page.locator(status).get_attribute("data-state") is None
    launcher(page).hover()
    assert page.locator(status).get_attribute("data-state") == "closed"
    assert not panel(page).is_visible() and launcher(page).get_attribute("aria-expanded") == "false"
    assert page.evaluate("window.__events") == []
    launcher(page).click()
    assert "상담 시간이 아니에요" in panel(page).locator(".doum-status").inner_text()

    for reach in ("hover", "focus"):
        page = open_at(new_page, default_url, instants["break"][0])
        page.evaluate("""() => {
            const link = Object.assign(document.createElement("a"),
                                       {href: "../../contact/", textContent: "상담하기 (본문)"})
            link.setAttribute("data-doum-launcher", "")
            document.querySelector("article").append(link)
        }""")
        getattr(page.get_by_role("link", name="상담하기 (본문)"), reach)()
        assert page.locator(status).get_attribute("data-state") == "break", reach
        assert not panel(page).is_visible(), reach


# Registered before the page's bundle runs, which then keeps it as search.js (site/bundle.py).
FAKE_SEARCH = """
window.__doumModules = { 'search.js': { search: async (query, { limit = 5 } = {}) => {
  (window.__queries ||= []).push(query)
  return [1, 2, 3, 4, 5].map((n) => ({
    title: `${query} 답변 ${n}`, location: "account/reset-password/", score: 1 / n,
    url: new URL("/account/reset-password/", location.origin).href, summary: `한 줄 요약 ${n}`,
  })).slice(0, limit)
}, warm: () => {} } }
"""


def test_bot_answers_top_three_as_text_and_ime(new_page: Callable[..., Any], default_url: str,
                                               instants: dict[str, Any]) -> None:
    """The panel's side of the search API, with a stand-in module answering every question."""
    page = new_page(**DESKTOP)
    page.add_init_script(FAKE_SEARCH)
    page.clock.set_fixed_time(instants["open"][0])
    page.goto(default_url + PAGE)
    launcher(page).click()
    question = page.locator("#doum-question")
    question.fill("<img src=x>")
    answers = panel(page).locator(".doum-bot__answer")
    answers.first.wait_for()
    assert answers.count() == 3
    assert answers.first.locator("a").inner_text() == "<img src=x> 답변 1"
    assert answers.first.locator("p").inner_text() == "한 줄 요약 1"
    assert panel(page).locator(".doum-bot__answer img").count() == 0
    # Korean IME: compose 비밀번호 syllable by syllable, then commit.
    question.fill("")
    question.focus()
    page.evaluate("""() => { window.__composed = 0
        document.getElementById("doum-question").addEventListener("compositionend", () => window.__composed++) }""")
    cdp = page.context.new_cdp_session(page)
    for text in ["ㅂ", "비", "빌", "비미", "비밀", "비밀ㅂ", "비밀버", "비밀번"]:
        cdp.send("Input.imeSetComposition", {"text": text, "selectionStart": len(text), "selectionEnd": len(text)})
    cdp.send("Input.insertText", {"text": "비밀번"})
    page.keyboard.type("호")
    page.wait_for_function("document.querySelector('.doum-bot__answer a')?.textContent === '비밀번호 답변 1'")
    assert page.evaluate("window.__composed") >= 1  # the browser really went through an IME composition
    assert page.evaluate("window.__queries.at(-1)") == "비밀번호"
    assert "ㅂ" not in page.evaluate("window.__queries")  # no query for a lone jamo mid-composition
    email = panel(page).locator("[data-doum-email]").get_attribute("href")
    assert "q=%EB%B9%84%EB%B0%80%EB%B2%88%ED%98%B8" in email  # 비밀번호


def test_bot_answers_from_the_real_index(new_page: Callable[..., Any], default_url: str,
                                         instants: dict[str, Any]) -> None:
    page = open_at(new_page, default_url, instants["open"][0])
    launcher(page).click()
    page.locator("#doum-question").fill("비밀번호를 잊어버렸어요")
    answers = panel(page).locator(".doum-bot__answer")
    answers.first.wait_for()
    assert 1 <= answers.count() <= 3
    assert "reset-password" in answers.first.locator("a").get_attribute("href")


def test_without_javascript_it_is_a_link_to_contact(new_page: Callable[..., Any], default_url: str) -> None:
    page = new_page(**DESKTOP, java_script_enabled=False)
    page.goto(default_url + PAGE)
    link = page.get_by_role("link", name="상담하기")
    assert link.is_visible()
    assert link.evaluate("a => a.href") == default_url + "contact/"
    assert not page.locator("#doum-panel").is_visible()


def boxes_overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return not (a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
                or a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"])


@pytest.mark.parametrize("device", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_layout_leaves_material_controls_free(new_page: Callable[..., Any], default_url: str,
                                              device: dict[str, Any]) -> None:
    page = new_page(**device)
    page.goto(default_url + PAGE)
    button = launcher(page)
    style = button.evaluate("b => { const s = getComputedStyle(b); "
                            "return {bg: s.backgroundColor, color: s.color, position: s.position} }")
    assert style == {"bg": "rgb(254, 229, 0)", "color": "rgb(25, 25, 25)", "position": "fixed"}
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_function("window.scrollY + innerHeight >= document.documentElement.scrollHeight - 1")
    bubble = button.bounding_box()
    viewport = page.viewport_size
    assert bubble["x"] + bubble["width"] <= viewport["width"] and bubble["y"] + bubble["height"] <= viewport["height"]
    for selector in [".md-footer__link--prev", ".md-footer__link--next", ".md-footer-meta__inner"]:
        box = page.locator(selector).bounding_box()
        assert box and not boxes_overlap(bubble, box), selector
    page.evaluate("window.scrollBy(0, -200)")  # scrolling up shows Material's back-to-top button
    top = page.locator(".md-top")
    top.wait_for(state="visible")
    assert not boxes_overlap(bubble, top.bounding_box())
    page.emulate_media(media="print")
    assert not button.is_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_with_panel_open(new_page: Callable[..., Any], default_url: str, instants: dict[str, Any],
                             scheme: str) -> None:
    page = open_at(new_page, default_url, instants["closed"][0], color_scheme=scheme)
    expected = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
    launcher(page).click()
    panel(page).get_by_role("button", name="해결되지 않았어요").click()
    page.locator("#doum-question").fill("환불")
    violations = axe_violations(page)
    assert not violations, [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]


def test_minimal_site_without_channels(new_page: Callable[..., Any], minimal_site: Path,
                                       serve: Callable[[Path], str], instants: dict[str, Any]) -> None:
    """Title-only pages and no support block: the launcher still works, hand-off says why not."""
    base = serve(minimal_site)
    page = new_page(**DESKTOP)
    page.clock.set_fixed_time(instants["open"][0])
    page.goto(base + "account/login/")
    launcher(page).click()
    assert "상담 가능" in panel(page).locator(".doum-status").inner_text()
    panel(page).get_by_role("button", name="해결되지 않았어요").click()
    link = panel(page).get_by_role("link", name=re.compile("상담원"))
    assert link.get_attribute("aria-disabled") == "true"
    assert "설정되지 않았어요" in panel(page).locator("#doum-agent-reason").inner_text()
    assert panel(page).locator("[data-doum-email]").evaluate("a => new URL(a.href).pathname") == "/contact/"
