"""embed.js on a product site of another origin, in real Chromium: hostile CSS and a strict CSP
on the host, the panel by mouse and keyboard, the calendar at fixed instants in two zones, bot
answers from the help center's index (the host page running on meanwhile), hand-off channels and
an SDK messenger, the owner's status.json, axe inside the shadow root in both colour schemes,
the host page left as it was, and an index that cannot be read (each way on a real server)."""

from __future__ import annotations

import datetime
import gzip
import json
import re
import zoneinfo
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from conftest import DESKTOP
from embed_site import embed_env, ordinary_day, owner_status  # noqa: F401 (fixture)

pytestmark = pytest.mark.browser

KST = zoneinfo.ZoneInfo("Asia/Seoul")
HOST = "[data-doum-embed]"
# Computed styles of the host's own elements that the embed must not change.
STYLE_PROPS = ["display", "font-family", "font-size", "color", "background-color", "margin-top", "padding-left",
               "position", "z-index", "width", "height"]
HOST_ELEMENTS = [".shop-buy", ".shop-text", "h1", "body", ".ads", ".shop-help"]


@pytest.fixture(scope="module")
def calendar(embed_env: dict[str, Any]) -> dict[str, Any]:
    data = json.loads((embed_env["site"] / "assets/doum/embed/site.json").read_text(encoding="utf-8"))
    return data["support"]["calendar"]


def ordinary_wednesday(calendar: dict[str, Any]) -> datetime.date:
    return ordinary_day(calendar, 2)


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), KST)


def shop_page(new_page: Callable[..., Any], url: str, moment: datetime.datetime | None = None, **options: Any) -> Any:
    page = new_page(**{**DESKTOP, **options})
    if moment:
        page.clock.set_fixed_time(moment)
    page.goto(url)
    page.locator(HOST).wait_for(state="attached")
    return page


def styles(page: Any) -> dict[str, dict[str, str]]:
    return page.evaluate(
        """([selectors, props]) => Object.fromEntries(selectors.map((s) => {
            const style = getComputedStyle(document.querySelector(s))
            return [s, Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]))]
        }))""",
        [HOST_ELEMENTS, STYLE_PROPS],
    )


def launcher(page: Any) -> Any:
    return page.get_by_role("button", name="상담하기")


def panel(page: Any) -> Any:
    return page.get_by_role("dialog", name="채팅 상담")


def test_button_survives_hostile_css_and_leaves_the_host_alone(new_page: Callable[..., Any],
                                                                embed_env: dict[str, Any]) -> None:
    page = new_page(**DESKTOP)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    # The host page without the script, then with it: its own elements look the same.
    page.route("**/assets/doum/embed.js", lambda route: route.fulfill(body="", content_type="text/javascript"))
    page.goto(embed_env["shop"])
    before = styles(page)
    page.unroute("**/assets/doum/embed.js")
    requests.clear()
    page.goto(embed_env["shop"])
    page.locator(HOST).wait_for(state="attached")
    button = launcher(page)
    button.wait_for()
    assert button.is_visible()
    assert styles(page) == before
    box = button.bounding_box()
    assert box and box["width"] >= 40 and box["height"] >= 40
    # Nothing is fetched from the help center but the script itself until the panel opens.
    assert [url for url in requests if url.startswith(embed_env["help"])] == [embed_env["help"] + "assets/doum/embed.js"]
    # The only global is window.doum; no cookies, no storage.
    assert page.evaluate("Object.keys(window.doum)") == ["launcher"]
    assert page.evaluate("document.cookie") == ""
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    # The z-index war: the button is what a click at its centre reaches. The first open loads
    # the search code and the index, before any question.
    with page.expect_request(lambda request: request.url == embed_env["help"] + "search/doum.json"):
        button.click()
    panel(page).wait_for()
    assert embed_env["help"] + "assets/doum/search/engine.js" in requests
    assert page.evaluate("['lunr', 'doumKorean', 'doumSearchCore'].filter((n) => n in window)") == []
    assert styles(page) == before
    # The panel keeps its own font and sizes (launcher.css in px), not the host's serif 9px rem.
    font = page.evaluate("""() => { const body = document.querySelector('[data-doum-embed]').shadowRoot
        .querySelector('.doum-panel'); const s = getComputedStyle(body); return [s.fontFamily, s.fontSize] }""")
    assert "Times" not in font[0] and "sans-serif" in font[0]
    assert font[1] == "14px"  # 0.7rem of Material's 20px


def test_mouse_keyboard_escape_and_answers(new_page: Callable[..., Any], embed_env: dict[str, Any],
                                           calendar: dict[str, Any]) -> None:
    page = shop_page(new_page, embed_env["shop"], at(ordinary_wednesday(calendar), 11))
    # Keyboard: Tab reaches the button after the host's own link; Enter opens, Esc closes.
    page.locator(".shop-help").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('[data-doum-embed]')")
    page.keyboard.press("Enter")
    panel(page).wait_for()
    question = page.locator("#doum-question")
    page.wait_for_function("document.querySelector('[data-doum-embed]').shadowRoot.activeElement?.id === 'doum-question'")
    page.keyboard.type("비밀번호를 잊어버렸어요")
    answers = panel(page).locator(".doum-bot__answer a")
    answers.first.wait_for()
    href = answers.first.get_attribute("href")
    assert href.startswith(embed_env["help"]) and "reset-password" in href
    assert answers.first.get_attribute("target") == "_blank"
    page.keyboard.press("Escape")
    assert not panel(page).is_visible()
    assert page.evaluate("document.querySelector('[data-doum-embed]').shadowRoot.activeElement?.className") == "doum-launcher"
    assert launcher(page).get_attribute("aria-expanded") == "false"
    # Mouse, the JS API and the events.
    page.evaluate("""() => { window.__events = []
        for (const name of ['open', 'close']) document.addEventListener('doum:launcher-' + name, () => __events.push(name)) }""")
    launcher(page).click()
    assert panel(page).is_visible() and question.input_value() == "비밀번호를 잊어버렸어요"
    page.evaluate("doum.launcher.close()")
    assert page.evaluate("doum.launcher.isOpen()") is False
    page.locator(".shop-help").click()  # the host's [data-doum-launcher] link
    assert page.evaluate("doum.launcher.isOpen()") is True
    assert page.evaluate("window.__events") == ["open", "close", "open"]
    # The email hand-off: the help center's contact page with the question and this page.
    panel(page).get_by_role("button", name="해결되지 않았어요").click()
    email = panel(page).get_by_role("link", name="이메일로 문의하기").get_attribute("href")
    parts = urlsplit(email)
    assert email.startswith(embed_env["help"] + "contact/")
    assert parse_qs(parts.query) == {"q": ["비밀번호를 잊어버렸어요"], "from": [embed_env["shop"]]}


@pytest.mark.parametrize("zone", ["Asia/Seoul", "America/Los_Angeles"])
def test_agent_control_follows_the_calendar(new_page: Callable[..., Any], embed_env: dict[str, Any],
                                            calendar: dict[str, Any], zone: str) -> None:
    wednesday = ordinary_wednesday(calendar)
    page = shop_page(new_page, embed_env["shop"], at(wednesday, 11), timezone_id=zone)
    launcher(page).click()
    panel(page).get_by_role("button", name="해결되지 않았어요").click()
    agent = panel(page).get_by_role("link", name="상담원과 채팅 상담")
    status = panel(page).locator(".doum-status")
    assert "상담 가능" in status.inner_text() and "12:00까지" in status.inner_text()
    assert ("내 시간" in status.inner_text()) == (zone != "Asia/Seoul")
    assert agent.get_attribute("href") == "https://chat.example.org/doum"
    assert agent.get_attribute("aria-disabled") is None
    for moment, words in ((at(wednesday, 12, 30), "점심시간"), (at(wednesday, 19), "상담 시간이 아니에요")):
        page.clock.set_fixed_time(moment)
        page.keyboard.press("Escape")
        launcher(page).click()
        assert words in status.inner_text()
        assert agent.get_attribute("aria-disabled") == "true" and agent.get_attribute("href") is None
        assert "다음 상담" in panel(page).locator("#doum-agent-reason").inner_text() or words == "점심시간"
    # Each channel keeps its own hours at 19:00: Kakao around the clock, the phone until 18:00.
    kakao = panel(page).locator('[data-doum-channel="kakao_channel"]')
    phone = panel(page).locator('[data-doum-channel="phone"]')
    assert kakao.get_attribute("href") == "https://pf.kakao.com/_xlxbTb/chat"
    assert phone.get_attribute("aria-disabled") == "true"


def test_channels_and_sdk_messenger_handoff(new_page: Callable[..., Any], embed_env: dict[str, Any],
                                            calendar: dict[str, Any]) -> None:
    page = shop_page(new_page, embed_env["shop"], at(ordinary_wednesday(calendar), 15))
    launcher(page).click()
    panel(page).get_by_role("button", name="해결되지 않았어요").click()
    channel = lambda name: panel(page).locator(f'[data-doum-channel="{name}"]')  # noqa: E731
    assert channel("kakao_channel").get_attribute("href") == "https://pf.kakao.com/_xlxbTb/chat"
    assert channel("naver_talktalk").get_attribute("href") == "https://talk.naver.com/w4abcd"
    assert channel("phone").get_attribute("href") == "tel:1588-0000"
    assert channel("phone").inner_text() == "전화 상담 1588-0000"
    # The SDK messenger: the page's handoff listener (README example) calls the stub SDK.
    page.evaluate("""() => { window.__handoffs = []
        document.addEventListener('doum:launcher-handoff', (e) => __handoffs.push(e.detail)) }""")
    panel(page).get_by_role("button", name="채널톡으로 상담").click()
    assert page.evaluate("ChannelIO.calls") == [["showMessenger"]]
    assert page.evaluate("window.__handoffs") == [{"channel": "messenger", "url": ""}]
    # Other channels still open as links, after the same event.
    page.context.route("https://talk.naver.com/**", lambda route: route.fulfill(body="톡톡", content_type="text/plain"))
    with page.context.expect_page() as popup:
        channel("naver_talktalk").click()
    assert popup.value.url.startswith("https://talk.naver.com/w4abcd")
    assert page.evaluate("window.__handoffs.at(-1).channel") == "naver_talktalk"


def panel_background(page: Any) -> str:
    return page.evaluate("""() => getComputedStyle(document.querySelector('[data-doum-embed]').shadowRoot
        .querySelector('.doum-panel')).backgroundColor""")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_inside_the_shadow_root(new_page: Callable[..., Any], embed_env: dict[str, Any],
                                    calendar: dict[str, Any], scheme: str) -> None:
    """The panel follows the visitor's colour scheme (data-palette="auto", the default) and is
    readable in both: axe on the open panel, the owner's outage notice and a closure included."""
    from axe_playwright_python.sync_playwright import Axe

    thursday_15 = at(ordinary_day(calendar, 3), 15)
    page = shop_page(new_page, embed_env["shop"], thursday_15, color_scheme=scheme)
    launcher(page).click()
    panel(page).locator(".doum-notice").wait_for()
    panel(page).get_by_role("button", name="해결되지 않았어요").click()
    page.locator("#doum-question").fill("탈퇴")
    panel(page).locator(".doum-bot__answer").first.wait_for()
    assert panel_background(page) == ("rgb(255, 255, 255)" if scheme == "light" else "rgb(30, 33, 41)")
    result = Axe().run(page, context={"include": [[HOST]]}).response
    assert result["passes"], "axe checked nothing inside the shadow root"
    assert any("doum-panel" in json.dumps(p["nodes"]) for p in result["passes"])
    assert any(p["id"] == "color-contrast" for p in result["passes"]), "contrast was not checked"
    violations = result["violations"]
    assert not violations, [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]


@pytest.mark.parametrize("palette, scheme, expected", [("light", "dark", "rgb(255, 255, 255)"),
                                                       ("dark", "light", "rgb(30, 33, 41)")])
def test_data_palette_overrides_the_system(new_page: Callable[..., Any], embed_env: dict[str, Any],
                                           palette: str, scheme: str, expected: str) -> None:
    page = shop_page(new_page, embed_env["shop"] + f"{palette}.html", color_scheme=scheme)
    launcher(page).click()
    panel(page).wait_for()
    assert panel_background(page) == expected


def test_auto_palette_follows_the_system_while_open(new_page: Callable[..., Any],
                                                    embed_env: dict[str, Any]) -> None:
    page = shop_page(new_page, embed_env["shop"], color_scheme="light")
    launcher(page).click()
    panel(page).wait_for()
    assert panel_background(page) == "rgb(255, 255, 255)"
    page.emulate_media(color_scheme="dark")  # the visitor's system turns dark (evening)
    page.wait_for_function("""() => getComputedStyle(document.querySelector('[data-doum-embed]')
        .shadowRoot.querySelector('.doum-panel')).backgroundColor === 'rgb(30, 33, 41)'""")


def test_owner_status_in_the_panel(new_page: Callable[..., Any], embed_env: dict[str, Any],
                                   calendar: dict[str, Any]) -> None:
    """status.json on the help center, read cross-origin: the outage notice inside the panel
    (the host page has no banner), the closure in the agent line, both ending on time."""
    thursday = ordinary_day(calendar, 3)
    page = shop_page(new_page, embed_env["shop"], at(thursday, 15))
    launcher(page).click()
    notice = panel(page).locator(".doum-notice")
    notice.wait_for()
    text = notice.inner_text()
    assert "장애" in text and "카카오 로그인이 지연되고 있어요." in text and "마지막 확인" in text
    more = notice.get_by_role("link", name="자세히 보기")
    assert more.get_attribute("href") == embed_env["help"] + "account/"
    assert more.get_attribute("target") == "_blank"
    assert panel(page).locator(".doum-panel__notices").get_attribute("role") == "status"
    # The closure: agents away for 사내 교육 until 16:00, the agent chat disabled meanwhile.
    status = panel(page).locator(".doum-status")
    page.wait_for_function("""() => document.querySelector('[data-doum-embed]').shadowRoot
        .querySelector('.doum-status').innerText.includes('사내 교육')""")
    assert "잠시 쉬어요" in status.inner_text()
    panel(page).get_by_role("button", name="해결되지 않았어요").click()
    agent = panel(page).get_by_role("link", name="상담원과 채팅 상담")
    assert agent.get_attribute("aria-disabled") == "true"
    # After the closure the agents are back; after 18:00 the notice is gone.
    page.clock.set_fixed_time(at(thursday, 16, 30))
    page.keyboard.press("Escape")
    launcher(page).click()
    assert "사내 교육" not in status.inner_text() and "상담 가능" in status.inner_text()
    assert agent.get_attribute("aria-disabled") is None
    assert notice.is_visible()
    page.clock.set_fixed_time(at(thursday, 18, 30))
    page.keyboard.press("Escape")
    launcher(page).click()
    assert not panel(page).locator(".doum-panel__notices").is_visible()
    assert panel(page).locator(".doum-notice").count() == 0


# Counts the host page's own animation frames and timers (a busy host, as a product page is).
HOST_CLOCKS = """() => {
  const clocks = (window.__hostClocks = { frames: 0, timers: 0 })
  const frame = () => { clocks.frames += 1; requestAnimationFrame(frame) }
  const timer = () => { clocks.timers += 1; setTimeout(timer, 0) }
  requestAnimationFrame(frame)
  setTimeout(timer, 0)
  const root = document.querySelector('[data-doum-embed]').shadowRoot
  window.__query = { typed: null, answered: null }
  root.addEventListener('input', () => { window.__query.typed ??= { ...clocks } }, true)
  new MutationObserver(() => {
    if (root.querySelector('.doum-bot__answer a') && !window.__query.answered) window.__query.answered = { ...clocks }
  }).observe(root, { childList: true, subtree: true })
}"""


def test_host_page_keeps_running_while_a_question_is_answered(new_page: Callable[..., Any],
                                                               embed_env: dict[str, Any]) -> None:
    """The index comes from a slow help center: while the question waits for its pieces and is
    ranked (on the host's main thread, in slices), the host page's frames and timers go on."""
    page = shop_page(new_page, embed_env["shop"] + "slow.html")
    launcher(page).click()
    panel(page).wait_for()
    page.evaluate(HOST_CLOCKS)
    page.locator("#doum-question").fill("비밀번호를 잊어버렸어요")
    page.wait_for_function("() => window.__query.answered !== null", timeout=30_000)
    typed, answered = page.evaluate("[window.__query.typed, window.__query.answered]")
    assert answered["frames"] > typed["frames"] and answered["timers"] > typed["timers"]
    href = panel(page).locator(".doum-bot__answer a").first.get_attribute("href")
    assert "reset-password" in href  # an answer from the index, not the fallback link


@pytest.mark.parametrize("how", ["blocked", "no-cors", "404", "bad-json", "timeout"])
def test_index_unreadable_keeps_hours_and_handoff(browser: Any, embed_env: dict[str, Any],
                                                  calendar: dict[str, Any], how: str) -> None:
    """Each a real help center on its own port whose index cannot be read (only `blocked` is
    refused by the browser itself): hours and hand-off work, a link replaces the answers."""
    # Its own page: the browser logs the refused requests as console errors by itself, so only
    # uncaught exceptions and doum's own console.error calls count here.
    context = browser.new_context(locale="ko-KR", timezone_id="Asia/Seoul", **DESKTOP)
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda m: problems.append(m.text)
            if m.type == "error" and not re.search(r"Failed to load resource|CORS policy", m.text) else None)
    warnings: list[str] = []
    page.on("console", lambda m: warnings.append(m.text) if m.type == "warning" else None)
    pages = {"blocked": "", "no-cors": "nocors.html"}
    url = embed_env["shop"] + pages.get(how, f"{how}.html")
    moment = at(ordinary_wednesday(calendar), 11)
    if how == "timeout":
        page.clock.install(time=moment)  # the question's timeout is run forward, not waited for
    else:
        page.clock.set_fixed_time(moment)
    if how == "blocked":
        page.route(re.compile(r".*/search/.*\.json.*"), lambda route: route.abort())
    page.goto(url)
    launcher(page).click()
    assert "상담 가능" in panel(page).locator(".doum-status").inner_text()
    page.locator("#doum-question").fill("비밀번호")
    link = panel(page).get_by_role("link", name=re.compile("도움말 센터에서"))
    if how == "timeout":
        page.wait_for_timeout(500)  # the question is asked (typing pause) and waits for the index
        assert not link.is_visible()
        page.clock.run_for(15_000)
    link.wait_for()
    assert link.get_attribute("href").endswith("?q=%EB%B9%84%EB%B0%80%EB%B2%88%ED%98%B8")
    assert panel(page).locator(".doum-bot__answer").count() == 1
    # The other ways to ask open by themselves and work.
    assert panel(page).locator("#doum-options").is_visible()
    assert panel(page).get_by_role("link", name="상담원과 채팅 상담").get_attribute("href") == "https://chat.example.org/doum"
    assert "contact/" in panel(page).get_by_role("link", name="이메일로 문의하기").get_attribute("href")
    assert panel(page).locator('[data-doum-channel="kakao_channel"]').get_attribute("href")
    if how in ("404", "bad-json"):  # its status.json is broken the same way: the built calendar stays
        assert any("/status.json could not be read" in text for text in warnings), warnings
    context.close()
    assert not problems


def test_options_position_label_context(new_page: Callable[..., Any], embed_env: dict[str, Any]) -> None:
    page = shop_page(new_page, embed_env["shop"] + "left.html")
    button = page.get_by_role("button", name="문의")
    button.wait_for()
    assert button.bounding_box()["x"] < 100
    button.click()
    panel(page).get_by_role("button", name="해결되지 않았어요").click()
    email = panel(page).get_by_role("link", name="이메일로 문의하기").get_attribute("href")
    assert parse_qs(urlsplit(email).query)["from"] == [embed_env["shop"]]  # the origin only


def test_first_paint_budget(embed_env: dict[str, Any]) -> None:
    """The button costs one file: embed.js, at most 15 KB gzip (the panel loads on first open)."""
    script = (embed_env["site"] / "assets/doum/embed.js").read_bytes()
    assert len(gzip.compress(script, 9)) <= 15 * 1024


def test_contact_page_shows_the_embedding_page_as_text(new_page: Callable[..., Any],
                                                       embed_env: dict[str, Any]) -> None:
    """`from` is accepted only from embed.origins, and shown as text, never as a link or markup."""
    page = new_page(**DESKTOP)
    shop_page_url = embed_env["shop"] + "cart?step=2"
    page.goto(embed_env["help"] + "contact/?from=" + quote(shop_page_url, safe=""))
    line = page.locator("#contact-from")
    line.wait_for()
    assert page.locator("#contact-from-link").inner_text() == shop_page_url
    assert page.locator("#contact-from-link").get_attribute("href") is None
    other = new_page(**DESKTOP)  # no draft of the first visit
    other.goto(embed_env["help"] + "contact/?q=" + quote("확인용") + "&from="
               + quote("https://evil.example.net/<b>x</b>", safe=""))
    other.wait_for_function("document.querySelector('#contact-form [name=summary]')?.value === '확인용'")
    assert not other.locator("#contact-from").is_visible()


def test_demo_page_in_the_default_site(new_page: Callable[..., Any], default_url: str) -> None:
    """/embed-demo/ embeds the script as a product site would; its own button opens the panel."""
    page = new_page(**DESKTOP)
    page.goto(default_url + "embed-demo/")
    page.get_by_role("button", name="주문 도움 받기").click()
    panel(page).wait_for()
    assert page.evaluate("doum.launcher.isOpen()") is True
    assert "상담원" in panel(page).locator(".doum-status").inner_text()
    page.keyboard.press("Escape")
    assert not panel(page).is_visible()


def test_help_center_launcher_has_the_same_channels(new_page: Callable[..., Any], embed_env: dict[str, Any],
                                                    calendar: dict[str, Any]) -> None:
    """The partial draws the channels the embed draws; their hours and the handoff event work there too."""
    from conftest import axe_violations

    page = new_page(**DESKTOP)
    page.clock.set_fixed_time(at(ordinary_wednesday(calendar), 19))
    page.goto(embed_env["help"] + "account/reset-password/")
    page.get_by_role("button", name="상담하기").click()
    panel(page).get_by_role("button", name="해결되지 않았어요").click()
    channel = lambda name: panel(page).locator(f'[data-doum-channel="{name}"]')  # noqa: E731
    assert channel("kakao_channel").get_attribute("href") == "https://pf.kakao.com/_xlxbTb/chat"
    assert channel("naver_talktalk").get_attribute("aria-disabled") == "true"  # the agents' hours
    assert channel("phone").get_attribute("aria-disabled") == "true"  # its own: until 18:00
    assert "다음 상담" in panel(page).locator("#doum-channel-phone").inner_text()
    assert channel("messenger").get_attribute("aria-disabled") == "true"
    # Nobody takes the messenger hand-off here: the button says so instead of doing nothing.
    page.clock.set_fixed_time(at(ordinary_wednesday(calendar), 15))
    page.keyboard.press("Escape")
    page.get_by_role("button", name="상담하기").click()
    assert channel("phone").get_attribute("aria-disabled") is None
    panel(page).get_by_role("button", name="채널톡으로 상담").click()
    assert "열지 못했어요" in panel(page).locator("#doum-channel-messenger").inner_text()
    violations = axe_violations(page)
    assert not violations, [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]


def test_panel_that_cannot_load_still_offers_contact(browser: Any, embed_env: dict[str, Any]) -> None:
    """No CORS at all (or a CSP that refuses the help center): a small box links to the help
    center and its contact page; Esc closes it and focus returns; nothing throws."""
    context = browser.new_context(locale="ko-KR", timezone_id="Asia/Seoul", **DESKTOP)
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.route("**/assets/doum/embed/panel.js", lambda route: route.abort())
    page.goto(embed_env["shop"])
    launcher(page).click()
    box = page.get_by_role("dialog", name="채팅 상담")
    box.wait_for()
    contact = box.get_by_role("link", name="이메일로 문의하기")
    assert contact.get_attribute("href") == embed_env["help"] + "contact/"
    assert box.get_by_role("link", name="도움말 센터 열기").get_attribute("href") == embed_env["help"]
    assert page.evaluate("doum.launcher.isOpen()") is True
    page.keyboard.press("Escape")
    assert not box.is_visible()
    assert page.evaluate("document.querySelector('[data-doum-embed]').shadowRoot.activeElement?.className") == "doum-launcher"
    context.close()
    assert not problems
