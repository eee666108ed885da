"""Korean site conventions (issue 16): the legal footer on every page, link previews (og:) and
Naver, the RSS feed, and status.json read at run time by every page.

The fixture site (tests/site/fixtures/korean) is a seller with a full `legal:` block; sellers
with missing or wrong facts are written per test. Browser tests serve different status.json
bodies with page.route and fix the clock with page.clock.
"""

from __future__ import annotations

import datetime
import json
import re
import subprocess
import sys
import zoneinfo
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from conftest import DESKTOP, axe_violations, mkdocs_build, write_project

HERE = Path(__file__).resolve().parent
PROJECT = HERE / "fixtures" / "korean"
CASES = json.loads((HERE / "fixtures" / "status-cases.json").read_text(encoding="utf-8"))
KST = zoneinfo.ZoneInfo("Asia/Seoul")
FTC = "https://www.ftc.go.kr/bizCommPop.do?wrkr_no=2208162517"
# Pages of the fixture with `updated:` (newest first) and the feed's length (seo.feed_items: 3).
UPDATED = [("이메일을 바꾸고 싶어요", "account/email/"), ('<b>"영수증"</b> & 세금계산서', "billing/receipt/"),
           ("로그인이 안 돼요", "account/login/")]


class Head(HTMLParser):
    """Meta tags, links and the footer's legal block of one built page."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, list[str]] = {}
        self.links: list[dict[str, str]] = []
        self.anchors: list[tuple[dict[str, str], str]] = []  # inside <footer>
        self.footer_text = ""
        self.page_json = ""
        self._in_footer = 0
        self._anchor: dict[str, str] | None = None
        self._anchor_text = ""
        self._script = ""
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "meta" and ("property" in values or "name" in values):
            self.meta.setdefault(values.get("property") or values["name"], []).append(values.get("content", ""))
        if tag == "link":
            self.links.append(values)
        if tag == "footer":
            self._in_footer += 1
        if tag == "a" and self._in_footer:
            self._anchor, self._anchor_text = values, ""
        if tag == "script":
            self._script = values.get("id", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "footer":
            self._in_footer -= 1
        if tag == "a" and self._anchor is not None:
            self.anchors.append((self._anchor, self._anchor_text.strip()))
            self._anchor = None
        if tag == "script":
            self._script = ""

    def handle_data(self, data: str) -> None:
        if self._in_footer:
            self.footer_text += data
        if self._anchor is not None:
            self._anchor_text += data
        if self._script == "doum-page":
            self.page_json += data


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, build: Callable[..., Path]) -> Path:
    return build(PROJECT, tmp_path_factory.mktemp("korean") / "site", "--strict")


def pages(site: Path) -> list[Path]:
    # Every help page; not /embed-demo/, a product-like page that only embeds the launcher.
    found = sorted(p for p in site.rglob("index.html") if p.parent.name != "embed-demo")
    assert len(found) >= 8, found
    return found


def head(path: Path) -> Head:
    return Head(path.read_text(encoding="utf-8"))


# ------------------------------------------------------------------ legal footer


def test_footer_has_privacy_link_and_business_facts_on_every_page(site: Path) -> None:
    for path in [*pages(site), site / "404.html"]:
        page = head(path)
        footer = re.sub(r"\s+", " ", page.footer_text)
        for text in ["개인정보처리방침", "사업자 정보", "상호", "주식회사 도움 & <파트너스>", "대표자", "홍길동",
                     "사업자등록번호", "220-81-62517", "통신판매업 신고번호", "2026-서울강남-01234",
                     "서울특별시 강남구 테헤란로 1", "02-123-4567", "biz@example.org"]:
            assert text in footer, (path, text)
        # `copyright:` is text: the entity reads as ©, the tag as characters.
        assert "© 2026 주식회사 도움 <script>" in footer, path
        lookups = [a for a, _ in page.anchors if a.get("href", "").startswith("https://www.ftc.go.kr/")]
        assert [a["href"] for a in lookups] == [FTC], path
        privacy = [a for a, text in page.anchors if text == "개인정보처리방침"]
        assert len(privacy) == 1, path
        if path.parent != site and path.name == "index.html":
            target = (path.parent / privacy[0]["href"]).resolve()
            assert target == (site / "privacy").resolve(), (path, privacy[0]["href"])
    raw = (site / "index.html").read_text(encoding="utf-8")
    assert "<파트너스>" not in raw and "&lt;파트너스&gt;" in raw


def seller(tmp_path: Path, business: dict[str, str], **legal: str) -> Path:
    project = write_project(tmp_path / "seller", {"account/login.md": "---\ntitle: 로그인\n---\n\n로그인 안내\n"})
    config = project / "mkdocs.yml"
    block = {"legal": {**({"business": business} if business else {}), **legal}}
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - doum\n", "  - doum:\n" + _yaml(block, 6)), encoding="utf-8")
    return project


def _yaml(value: dict[str, Any], indent: int) -> str:
    lines = []
    for key, item in value.items():
        if isinstance(item, dict):
            lines.append(" " * indent + f"{key}:")
            lines.append(_yaml(item, indent + 2).rstrip("\n"))
        else:
            lines.append(" " * indent + f"{key}: {json.dumps(item, ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


def doum_check(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "doum.cli", "check", *args],
                          capture_output=True, text=True, cwd=cwd)


def test_seller_with_missing_facts_fails_the_build_and_doum_check(tmp_path: Path) -> None:
    project = seller(tmp_path, {"name": "주식회사 도움", "registration_number": "220-81-62517"})
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    for key in ("representative", "address"):
        assert f"legal → business → {key}" in output, output
    assert "legal → business → name" not in output
    assert not (tmp_path / "site").exists()
    checked = doum_check(str(project / "mkdocs.yml"))
    assert checked.returncode == 1, checked.stdout
    lines = [line for line in checked.stdout.splitlines() if "error:" in line]
    assert len(lines) == 2, checked.stdout
    assert all(line.startswith("seller/mkdocs.yml:") or "mkdocs.yml:" in line for line in lines)
    assert any("legal → business → representative" in line and "대표자" in line for line in lines)
    assert any("legal → business → address" in line for line in lines)
    # the line of `business:` in mkdocs.yml, where the key belongs
    business_line = next(n for n, text in enumerate(
        (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines(), start=1) if "business:" in text)
    assert f"mkdocs.yml:{business_line}:" in lines[0], lines


@pytest.mark.parametrize("number, problem", [("220-81-62518", "check digit"), ("220-81-6251", "10 digits")])
def test_bad_registration_number_fails(tmp_path: Path, number: str, problem: str) -> None:
    project = seller(tmp_path, {"name": "도움", "representative": "홍길동", "address": "서울",
                                "registration_number": number})
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "legal → business → registration_number" in result.stdout + result.stderr
    assert problem in result.stdout + result.stderr
    checked = doum_check(str(project / "mkdocs.yml"))
    assert checked.returncode == 1 and "registration_number" in checked.stdout and problem in checked.stdout


def test_privacy_url_must_be_a_page_or_https(tmp_path: Path) -> None:
    project = seller(tmp_path, {}, privacy_url="javascript:alert(1)")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0 and "legal → privacy_url" in result.stdout + result.stderr
    project = seller(tmp_path / "b", {}, privacy_url="missing.md")
    result = mkdocs_build(project, tmp_path / "b" / "site")
    assert result.returncode != 0 and "legal → privacy_url" in result.stdout + result.stderr


def test_valid_seller_passes_doum_check() -> None:
    checked = doum_check(str(PROJECT / "mkdocs.yml"))
    assert checked.returncode == 0, checked.stdout
    assert "0 errors" in checked.stdout


# ------------------------------------------------------------------ link previews, Naver, feed


def test_every_page_has_og_tags_with_its_own_summary(site: Path) -> None:
    base = "https://help.example.org/"
    seen_descriptions = set()
    for path in pages(site):
        page = head(path)
        meta = {key: values for key, values in page.meta.items()}
        for key in ("og:title", "og:description", "og:image", "og:url", "og:type", "og:site_name", "og:locale"):
            assert len(meta.get(key, [])) == 1, (path, key, meta.get(key))
        assert meta["og:locale"] == ["ko_KR"]
        assert meta["og:site_name"] == ["도움 테스트 고객센터"]
        relative = path.parent.relative_to(site).as_posix()
        url = base + (relative + "/" if relative != "." else "")
        assert meta["og:url"] == [url], path
        assert meta["og:image"][0].startswith(base), path
        data = json.loads(page.page_json)
        if data.get("summary"):
            assert meta["og:description"] == [data["summary"]], path
            seen_descriptions.add(data["summary"])
        else:
            assert meta["og:description"] == ["테스트 사이트 설명"], path
        if relative == "account/email":
            assert meta["og:image"] == [base + "assets/shot.png"]  # its first screenshot
            assert meta["og:image:alt"] == ["설정 화면. 계정 메뉴에 1번 표시가 있어요"]
        else:
            assert meta["og:image"] == [base + "assets/doum/og-card.png"], path
        if relative == "billing/receipt":
            assert meta["og:title"] == ['<b>"영수증"</b> & 세금계산서']
            assert meta["og:description"] == ['영수증은 <결제 내역>에서 "출력" & 저장해요.']
            raw = path.read_text(encoding="utf-8")
            assert 'content="&lt;b&gt;&#34;영수증&#34;&lt;/b&gt; &amp; 세금계산서"' in raw
        assert meta["og:type"] == (["website"] if relative == "." else ["article"])
    assert len(seen_descriptions) >= 5  # each page its own
    card = (site / "assets" / "doum" / "og-card.png").read_bytes()
    assert card[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(card[16:20], "big") == 1200 and int.from_bytes(card[20:24], "big") == 630


def _first_pixel(png: bytes) -> tuple[int, int, int]:
    import zlib

    try:  # with Pillow (the test extra has it) the card is Pillow's PNG, filtered per row
        import io

        from PIL import Image

        return Image.open(io.BytesIO(png)).convert("RGB").getpixel((0, 0))  # type: ignore[return-value]
    except ImportError:
        pass
    chunks, offset = b"", 8
    while offset < len(png):
        length = int.from_bytes(png[offset:offset + 4], "big")
        if png[offset + 4:offset + 8] == b"IDAT":
            chunks += png[offset + 8:offset + 8 + length]
        offset += 12 + length
    raw = zlib.decompress(chunks)
    assert raw[0] == 0  # filter byte of the first row: none
    return tuple(raw[1:4])  # type: ignore[return-value]


def test_default_card_uses_the_site_colours(site: Path) -> None:
    from mkdocs.config import load_config

    from doum.site import social

    # the fixture keeps Material's default palette (indigo); the default site is doum's yellow
    assert _first_pixel((site / "assets" / "doum" / "og-card.png").read_bytes()) == (0x40, 0x51, 0xB5)
    default = load_config(str(Path(__file__).resolve().parents[2] / "mkdocs.yml"))
    assert social.site_colours(default) == ((0xFE, 0xE5, 0x00), (0x19, 0x19, 0x19))


def test_card_with_pillow_writes_the_site_name(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("PIL")
    from doum.site import social

    fonts = [p for p in map(Path, ["/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", *social.FONT_CANDIDATES])
             if p.is_file()]
    if not fonts:
        pytest.skip("no font on this machine")
    monkeypatch.setattr(social, "FONT_CANDIDATES", (str(fonts[0]),))
    plain = social.card_png((254, 229, 0), (25, 25, 25), "")
    named = social.card_png((254, 229, 0), (25, 25, 25), "Doum " * 30)
    assert plain[:8] == named[:8] == b"\x89PNG\r\n\x1a\n" and plain != named
    assert int.from_bytes(named[16:20], "big") == 1200 and int.from_bytes(named[20:24], "big") == 630


def test_naver_verification_meta_when_configured(site: Path, tmp_path: Path, build: Callable[..., Path]) -> None:
    for path in pages(site):
        assert head(path).meta.get("naver-site-verification") == ["naver-abc123"], path
    plain = build(write_project(tmp_path / "plain", {"a/b.md": "---\ntitle: 질문\n---\n\n답\n"}),
                  tmp_path / "plain-site", "--strict")
    page = head(plain / "index.html")
    assert "naver-site-verification" not in page.meta
    # no site_url: no absolute addresses to give, so no og:url, no feed
    assert "og:url" not in page.meta and not (plain / "feed.xml").exists()
    assert page.meta["og:title"] == ["테스트 도움말"]
    assert not any(link.get("type") == "application/rss+xml" for link in page.links)


def test_feed_parses_and_lists_updated_pages_newest_first(site: Path) -> None:
    feedparser = pytest.importorskip("feedparser")
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "rss20"
    assert feed.feed.title == "도움 테스트 고객센터"
    assert feed.feed.link == "https://help.example.org/"
    assert feed.feed.language == "ko"  # theme.language
    got = [(entry.title, entry.link) for entry in feed.entries]
    assert got == [(title, "https://help.example.org/" + url) for title, url in UPDATED]
    dates = [datetime.datetime(*entry.published_parsed[:6]) for entry in feed.entries]
    assert dates == sorted(dates, reverse=True)
    assert feed.entries[0].summary == "설정의 계정 메뉴에서 이메일을 바꿀 수 있어요."
    # linked from every page's head, next to the sitemap
    assert (site / "sitemap.xml").is_file()
    for path in pages(site):
        links = [link for link in head(path).links if link.get("type") == "application/rss+xml"]
        assert len(links) == 1 and "alternate" in links[0]["rel"].split(), path
        assert (path.parent / links[0]["href"]).resolve() == (site / "feed.xml").resolve()


# ------------------------------------------------------------------ status.json: build and check


def test_build_writes_a_valid_empty_status_file(site: Path) -> None:
    from doum.support import status

    data = json.loads((site / "status.json").read_text(encoding="utf-8"))
    assert status.validate(data) == []
    assert data["notices"] == [] and data["closures"] == []


def test_status_in_docs_is_kept_and_checked(tmp_path: Path) -> None:
    own = {"notices": [{"level": "info", "text": "공지"}], "closures": []}
    project = write_project(tmp_path / "own", {"status.json": json.dumps(own, ensure_ascii=False),
                                               "a/b.md": "---\ntitle: 질문\n---\n\n답\n"})
    result = mkdocs_build(project, tmp_path / "site", "--strict")
    assert result.returncode == 0, result.stderr
    assert json.loads((tmp_path / "site" / "status.json").read_text(encoding="utf-8")) == own
    (project / "docs" / "status.json").write_text('{"notices": [{"level": "urgent", "text": "x"}]}')
    result = mkdocs_build(project, tmp_path / "site2", "--strict")
    assert result.returncode != 0 and "notices[0].level" in result.stderr
    checked = doum_check(str(project / "mkdocs.yml"))
    assert checked.returncode == 0 and "status.json:1: warning: notices[0].level" in checked.stdout
    assert doum_check(str(project / "mkdocs.yml"), "--strict").returncode == 1


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_status_rules_match_the_browser(case: dict[str, Any]) -> None:
    """The same cases as tests/site/status.test.mjs (status.js validateStatus)."""
    from doum.support import status

    assert (status.validate(case["status"]) == []) is case["valid"], status.validate(case["status"])


def test_doum_check_status(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"notices": [{"level": "urgent", "text": "점검"}], "closures": [{"from": "2026-12-02 09:00"}]}')
    result = doum_check("--status", str(bad))
    assert result.returncode == 1
    assert 'notices[0].level: "urgent" — write "level": "info", "warning" or "outage"' in result.stdout
    assert "closures[0].from" in result.stdout and "2026-12-02T09:00:00+09:00" in result.stdout
    assert "closures[0].reason" in result.stdout
    broken = tmp_path / "broken.json"
    broken.write_text('{"notices": [\n  {"level": "info",}\n]}')
    result = doum_check("--status", str(broken))
    assert result.returncode == 1 and "line 2" in result.stdout and "not valid JSON" in result.stdout
    good = tmp_path / "good.json"
    good.write_text(json.dumps(CASES[2]["status"], ensure_ascii=False), encoding="utf-8")
    result = doum_check("--status", str(good))
    assert result.returncode == 0 and "OK" in result.stdout
    result = doum_check("--status", str(tmp_path / "missing.json"))
    assert result.returncode == 1


# ------------------------------------------------------------------ status.json in the browser

WED = datetime.date(2026, 12, 9)  # an ordinary Wednesday (the fixture turns public holidays off)


def kst(hour: int, minute: int = 0, day: datetime.date = WED) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), KST)


@pytest.fixture(scope="module")
def served(served_site: Callable[[Path, str], tuple[Path, str]]) -> tuple[Path, str]:
    return served_site(PROJECT, "korean-served")


def open_page(new_page: Callable[..., Any], url: str, moment: datetime.datetime, body: str | None,
              path: str = "account/login/") -> tuple[Any, list[str]]:
    page = new_page(**DESKTOP)
    warnings: list[str] = []
    page.on("console", lambda m: warnings.append(m.text) if m.type == "warning" else None)
    page.context.route("https://example.com/**", lambda route: route.fulfill(body="chat", content_type="text/html"))
    if body is not None:
        page.route("**/status.json", lambda route: route.fulfill(body=body, content_type="application/json"))
    page.clock.set_fixed_time(moment)
    page.goto(url + path)
    page.wait_for_function("() => document.querySelector('button.doum-launcher')")
    return page, warnings


def settle(page: Any) -> None:
    """status.js has read the file (its promise resolves within a few ticks of the fetch)."""
    page.wait_for_load_state("networkidle")
    page.evaluate("() => new Promise(r => setTimeout(r, 50))")


def agent_line(page: Any) -> tuple[str, str, str | None]:
    page.locator("button.doum-launcher").click()
    panel = page.get_by_role("dialog", name=re.compile("상담"))
    panel.get_by_role("button", name="해결되지 않았어요").click()
    title = panel.locator("[data-doum-agent-title]").inner_text()
    detail = panel.locator("[data-doum-agent-detail]").inner_text()
    return title, detail, panel.locator("[data-doum-agent]").get_attribute("aria-disabled")


NOTICE = {
    "updated": "2026-12-09T09:30:00+09:00",
    "notices": [{"level": "outage", "text": '로그인 지연 <img src=x onerror="window.pwned=1">',
                 "link": "account/login/", "from": "2026-12-09T09:00:00+09:00",
                 "until": "2026-12-09T12:00:00+09:00"}],
}


@pytest.mark.browser
def test_notice_banner_shown_before_until_and_gone_after(new_page: Callable[..., Any],
                                                         served: tuple[Path, str]) -> None:
    _, url = served
    page, _ = open_page(new_page, url, kst(11), json.dumps(NOTICE, ensure_ascii=False))
    banner = page.get_by_role("alert")
    banner.wait_for()
    text = banner.inner_text()
    assert '로그인 지연 <img src=x onerror="window.pwned=1">' in text  # text, never HTML
    assert "마지막 확인 12월 9일(수) 09:30" in text
    assert page.locator(".doum-notices img").count() == 0
    assert page.evaluate("() => window.pwned") is None
    link = banner.get_by_role("link", name="자세히 보기")
    assert link.get_attribute("href") == url + "account/login/"
    assert axe_violations(page) == []
    # instant navigation keeps the banner without fetching the file again
    fetches: list[str] = []
    page.on("request", lambda r: fetches.append(r.url) if r.url.endswith("status.json") else None)
    page.locator(".md-content a[href$='billing/refund/']").first.click()
    page.wait_for_url("**/billing/refund/")
    page.get_by_role("alert").wait_for()
    assert fetches == []
    # dismissed: gone, and stays gone on the next page
    page.get_by_role("button", name="장애 알림 닫기").click()
    assert page.locator(".doum-notices").count() == 0
    page.locator(".md-content a[href$='account/email/']").first.click()
    page.wait_for_url("**/account/email/")
    settle(page)
    assert page.locator(".doum-notices").count() == 0
    # after `until`: no banner on a fresh load
    later, _ = open_page(new_page, url, kst(12, 1), json.dumps(NOTICE, ensure_ascii=False))
    settle(later)
    assert later.locator(".doum-notices").count() == 0
    assert later.get_by_role("alert").count() == 0
    before, _ = open_page(new_page, url, kst(8, 59), json.dumps(NOTICE, ensure_ascii=False))
    settle(before)
    assert before.locator(".doum-notices").count() == 0


@pytest.mark.browser
def test_info_notice_is_a_status_in_the_dark_palette_too(new_page: Callable[..., Any],
                                                         served: tuple[Path, str]) -> None:
    _, url = served
    body = {"notices": [{"level": "warning", "text": "점검 예정"}, {"level": "info", "text": "안내 문구"}]}
    page, _ = open_page(new_page, url, kst(11), json.dumps(body, ensure_ascii=False))
    page.get_by_role("status").filter(has_text="안내 문구").wait_for()
    assert page.locator(".doum-notice").evaluate_all("els => els.map(e => e.dataset.level)") == ["warning", "info"]
    assert axe_violations(page) == []
    page.evaluate("() => document.body.setAttribute('data-md-color-scheme', 'slate')")
    assert axe_violations(page) == []


CLOSURE = {
    "updated": "2026-12-09T09:30:00+09:00",
    "notices": [],
    "closures": [{"from": "2026-12-09T10:30:00+09:00", "until": "2026-12-09T15:00:00+09:00",
                  "reason": "사내 교육 <b>"}],
}


@pytest.mark.browser
def test_a_closure_turns_the_agent_off_with_its_reason(new_page: Callable[..., Any],
                                                       served: tuple[Path, str]) -> None:
    _, url = served
    page, _ = open_page(new_page, url, kst(11), json.dumps(CLOSURE, ensure_ascii=False))
    settle(page)
    title, detail, disabled = agent_line(page)
    assert title == "지금은 상담원 상담을 잠시 쉬어요"
    assert detail.startswith("사내 교육 <b> · 다음 상담: 12월 9일(수) 15:00"), detail
    assert "마지막 확인 12월 9일(수) 09:30" in detail
    assert disabled == "true"
    reason = page.locator("[data-doum-agent-reason]").inner_text()
    assert "사내 교육" in reason
    # after the closure the built calendar decides again
    after, _ = open_page(new_page, url, kst(15, 30), json.dumps(CLOSURE, ensure_ascii=False))
    settle(after)
    title, _, disabled = agent_line(after)
    assert title == "상담원 상담 가능" and disabled is None


@pytest.mark.browser
def test_changed_hours_move_the_agent_state(new_page: Callable[..., Any], served: tuple[Path, str]) -> None:
    _, url = served
    body = {"updated": "2026-12-09T08:00:00+09:00", "hours": {"wed": "13:00-17:00"}, "breaks": []}
    page, _ = open_page(new_page, url, kst(11), json.dumps(body))
    settle(page)
    title, detail, disabled = agent_line(page)
    assert title == "지금은 상담원 상담 시간이 아니에요" and disabled == "true"
    assert detail == "다음 상담: 12월 9일(수) 13:00 (마지막 확인 12월 9일(수) 08:00)"
    later, _ = open_page(new_page, url, kst(12, 30), json.dumps(body))  # no lunch break today
    settle(later)
    title, detail, _ = agent_line(later)
    assert title == "지금은 상담원 상담 시간이 아니에요"
    page.clock.set_fixed_time(kst(13, 30))
    page.keyboard.press("Escape")
    title, detail, disabled = agent_line(page)
    assert title == "상담원 상담 가능" and detail.startswith("17:00까지") and disabled is None


@pytest.mark.browser
def test_an_open_panel_follows_a_status_file_that_arrives_late(new_page: Callable[..., Any],
                                                                served: tuple[Path, str]) -> None:
    _, url = served
    page = new_page(**DESKTOP)
    held: list[Any] = []
    page.route("**/status.json", lambda route: held.append(route))
    page.clock.set_fixed_time(kst(11))
    page.goto(url + "account/login/")
    page.wait_for_function("() => document.querySelector('button.doum-launcher')")
    title, _, _ = agent_line(page)
    assert title == "상담원 상담 가능"
    page.wait_for_function("() => true")
    assert len(held) == 1
    held[0].fulfill(body=json.dumps(CLOSURE, ensure_ascii=False), content_type="application/json")
    panel = page.get_by_role("dialog", name=re.compile("상담"))
    panel.locator("[data-doum-agent-title]", has_text="잠시 쉬어요").wait_for()
    assert panel.locator("[data-doum-agent]").get_attribute("aria-disabled") == "true"


@pytest.mark.browser
@pytest.mark.parametrize("body", ["{not json", json.dumps({"closures": [{"from": "2026-12-09T10:30:00+09:00",
                                                                          "reason": "교육"}]}),
                                  json.dumps({"notices": [{"level": "urgent", "text": "장애"}]})],
                         ids=["not-json", "closure-without-until", "bad-level"])
def test_a_malformed_file_changes_nothing_for_the_visitor(new_page: Callable[..., Any],
                                                           served: tuple[Path, str], body: str) -> None:
    _, url = served
    page, warnings = open_page(new_page, url, kst(11), body)
    settle(page)
    assert page.locator(".doum-notices").count() == 0
    title, detail, disabled = agent_line(page)
    assert title == "상담원 상담 가능" and detail == "12:00까지" and disabled is None
    assert any("status.json" in w and "built calendar" in w for w in warnings), warnings


@pytest.mark.browser
def test_the_built_empty_status_file_changes_nothing(new_page: Callable[..., Any],
                                                      served: tuple[Path, str]) -> None:
    _, url = served
    page, warnings = open_page(new_page, url, kst(11), None)
    settle(page)
    assert page.locator(".doum-notices").count() == 0
    title, _, _ = agent_line(page)
    assert title == "상담원 상담 가능"
    assert not [w for w in warnings if "status.json" in w]
