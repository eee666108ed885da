"""A help center built with `embed.origins` and every hand-off channel, served with the CORS
headers its `_headers` file asks for, and a product site on another port (another origin) with
hostile CSS and a strict CSP that embeds the launcher with one script tag."""

from __future__ import annotations

import datetime
import functools
import http.server
import json
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import MKDOCS_YML, write_project

PAGES = {
    "account/index.md": "---\ntitle: 계정\n---\n\n계정 도움말.\n",
    "account/reset-password.md": """\
        ---
        title: 비밀번호를 잊어버렸어요
        summary: 로그인 화면의 비밀번호 찾기에서 메일로 새 비밀번호를 정해요.
        keywords: [비밀번호, 비번, 로그인]
        ---

        로그인 화면에서 **비밀번호 찾기**를 누르고 가입한 메일 주소를 입력하세요.
        """,
    "account/delete-account.md": """\
        ---
        title: 회원 탈퇴는 어떻게 하나요?
        summary: 설정의 계정 메뉴에서 탈퇴할 수 있어요.
        keywords: [탈퇴, 계정 삭제]
        ---

        설정 → 계정 → 회원 탈퇴를 누르세요.
        """,
}

SUPPORT = """\
      support:
        timezone: Asia/Seoul
        hours: {mon: "10:00-18:30", tue: "10:00-18:30", wed: "10:00-18:30", thu: "10:00-18:30", fri: "10:00-18:30"}
        breaks: ["12:00-13:00"]
        chat_url: https://chat.example.org/doum
        email: help@example.org
        kakao_channel: {id: _xlxbTb, hours: always}
        naver_talktalk: w4abcd
        phone: {number: 1588-0000, hours: {mon: "09:00-18:00", tue: "09:00-18:00", wed: "09:00-18:00", thu: "09:00-18:00", fri: "09:00-18:00", sat: "09:00-13:00"}}
        messenger: 채널톡으로 상담
"""

HOSTILE_CSS = """\
* { all: unset; }
html { display: block; font-size: 9px; font-family: "Times New Roman", serif; color: #333; }
body { display: block; margin: 24px; }
head, script, style, link, title, meta { display: none; }
h1, p, main, header, div { display: block; }
button { display: none !important; }
.shop-buy { display: inline-block !important; padding: 6px 14px; border: 2px solid #222; color: #fff;
            background: #b00020; font: bold 17px/1.2 Georgia, serif; border-radius: 4px; }
.ads { position: fixed; left: 0; top: 0; width: 120px; height: 60px; z-index: 2147483647; background: #eee; }
"""

# Stand-in for an SDK messenger (Channel Talk's `ChannelIO`): records the calls it gets.
STUB_SDK = """\
;(function () {
  var calls = []
  window.ChannelIO = function () { calls.push(Array.prototype.slice.call(arguments)) }
  window.ChannelIO.calls = calls
})()
"""

# The README's example, word for word: the launcher's hand-off opens the SDK messenger.
HANDOFF_JS = """\
document.addEventListener('doum:launcher-handoff', function (event) {
  if (event.detail.channel === 'messenger') {
    event.preventDefault()
    ChannelIO('showMessenger')
  }
})
"""


def product_page(help_url: str, attributes: str = "") -> str:
    return f"""<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><title>데모 쇼핑몰</title>
<link rel="stylesheet" href="hostile.css">
<script src="stub-sdk.js"></script>
<script src="handoff.js"></script>
<script src="{help_url}assets/doum/embed.js" defer{attributes}></script>
</head><body>
<header class="shop-header"><h1>데모 쇼핑몰</h1></header>
<main><p class="shop-text">오늘만 특가! 지금 주문하세요.</p>
<p><button class="shop-buy" type="button">구매하기</button></p>
<p><a class="shop-help" href="#help" data-doum-launcher>주문 도움 받기</a></p></main>
<div class="ads">광고</div>
</body></html>
"""


class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files; `headers(path)` adds the response headers a host would send, and
    `answer(path)` may replace a file: (status, body), or HANG (no answer until the test ends)."""

    extra: Callable[[str], dict[str, str]] = staticmethod(lambda path: {})
    answer: Callable[[str], Any] = staticmethod(lambda path: None)
    released: threading.Event = threading.Event()

    def do_GET(self) -> None:
        replaced = self.answer(self.path.split("?", 1)[0])
        if replaced is None:
            super().do_GET()
            return
        if replaced == HANG:
            self.released.wait(60)  # bounded: the server stops answering when the test ends
            return
        if replaced == SLOW:
            self.released.wait(0.3)  # a slow network: the question spans several frames
            super().do_GET()
            return
        status, body = replaced
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self) -> None:
        for name, value in self.extra(self.path.split("?", 1)[0]).items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


HANG = "hang"
SLOW = "slow"


def start_server(folder: Path, headers: Callable[[str], dict[str, str]],
                 answer: Callable[[str], Any] = lambda path: None) -> tuple[str, Callable[[], None]]:
    released = threading.Event()
    handler = type("H", (Handler,), {"extra": staticmethod(headers), "answer": staticmethod(answer),
                                     "released": released})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def stop() -> None:
        released.set()
        server.shutdown()

    return f"http://127.0.0.1:{server.server_address[1]}/", stop


def ordinary_day(calendar: dict[str, Any], weekday: int) -> datetime.date:
    """A day of that weekday (0 = Monday) that is neither a holiday nor closed, in the calendar's span."""
    day = datetime.date(int(calendar["span"]["end"][:4]) - 1, 3, 2)
    while day.weekday() != weekday or day.isoformat() in calendar["holidays"] or day.isoformat() in calendar["closed"]:
        day += datetime.timedelta(days=1)
    return day


def owner_status(calendar: dict[str, Any]) -> dict[str, Any]:
    """The owner's status.json on the help center: on an ordinary Thursday, an outage notice all
    day (with a link to a page of the help center) and a closure of the agents 14:00-16:00."""
    day = ordinary_day(calendar, 3).isoformat()
    return {
        "updated": f"{day}T09:00:00+09:00",
        "notices": [{"level": "outage", "text": "카카오 로그인이 지연되고 있어요.", "link": "account/",
                     "from": f"{day}T09:00:00+09:00", "until": f"{day}T18:00:00+09:00"}],
        "closures": [{"from": f"{day}T14:00:00+09:00", "until": f"{day}T16:00:00+09:00", "reason": "사내 교육"}],
    }


@pytest.fixture(scope="session")
def embed_env(tmp_path_factory: pytest.TempPathFactory, build: Callable[..., Path]) -> Iterator[dict[str, Any]]:
    """{help: URL with CORS, help_nocors: the same site whose /search/ sends no CORS headers,
    shop: URL of the product site, site: built folder}."""
    stops: list[Callable[[], None]] = []
    shop_dir = tmp_path_factory.mktemp("shop")
    shop, stop = start_server(shop_dir, lambda path: {
        "Content-Security-Policy": "default-src 'self'; script-src 'self' http://127.0.0.1:*; "
                                   "connect-src 'self' http://127.0.0.1:*; style-src 'self'; img-src 'self'",
    })
    stops.append(stop)
    shop_origin = shop.rstrip("/")
    root = tmp_path_factory.mktemp("help")
    project = write_project(root / "project", PAGES)
    yml = MKDOCS_YML.replace("  - doum\n", "  - doum:\n" + SUPPORT + f"      embed:\n        origins: [{shop_origin}]\n")
    (project / "mkdocs.yml").write_text(yml, encoding="utf-8")
    site = build(project, root / "site", "--strict")
    from doum.site import headers as site_headers

    rules = site_headers.parse((site / "_headers").read_text(encoding="utf-8"))

    def netlify(path: str) -> dict[str, str]:
        # What Netlify/Cloudflare Pages do with the generated _headers: every matching rule.
        found: dict[str, str] = {}
        for rule, values in rules.items():
            if rule == path or (rule.endswith("/*") and path.startswith(rule[:-1])) or rule == "/*":
                found.update(values)
        found.pop("Cache-Control", None)
        return found

    help_url, stop = start_server(site, netlify)
    stops.append(stop)
    # The owner's status file, as edited on the host after the build.
    calendar = json.loads((site / "assets/doum/embed/site.json").read_text(encoding="utf-8"))["support"]["calendar"]
    (site / "status.json").write_text(json.dumps(owner_status(calendar), ensure_ascii=False), encoding="utf-8")
    no_search_cors, stop = start_server(
        site, lambda path: {k: v for k, v in netlify(path).items()
                            if not (path.startswith("/search/") and k.startswith("Access-Control"))})
    stops.append(stop)
    # The same help center whose index cannot be read: missing, not JSON, or never answering
    # (and, missing or not JSON, its status.json too).
    both = ("/search/doum.json", "/status.json")
    broken = {
        "404": ((404, b'{"error": "not found"}'), both),
        "bad-json": ((200, b'{"format": 2, "languages": '), both),
        "timeout": (HANG, ("/search/doum.json",)),
    }
    pages = {"index.html": help_url, "nocors.html": no_search_cors}
    for how, (reply, paths) in broken.items():
        base, stop = start_server(site, netlify,
                                  lambda path, reply=reply, paths=paths: reply if path in paths else None)
        stops.append(stop)
        pages[f"{how}.html"] = base
    slow, stop = start_server(site, netlify, lambda path: SLOW if path.startswith("/search/doum/") else None)
    stops.append(stop)
    pages["slow.html"] = slow
    for name, base in pages.items():
        (shop_dir / name).write_text(product_page(base), encoding="utf-8")
    for palette in ("light", "dark"):
        (shop_dir / f"{palette}.html").write_text(product_page(help_url, f' data-palette="{palette}"'),
                                                  encoding="utf-8")
    (shop_dir / "left.html").write_text(
        product_page(help_url, ' data-position="left" data-label="문의" data-context="origin"'), encoding="utf-8")
    (shop_dir / "hostile.css").write_text(HOSTILE_CSS, encoding="utf-8")
    (shop_dir / "favicon.ico").write_bytes(b"")
    (shop_dir / "stub-sdk.js").write_text(STUB_SDK, encoding="utf-8")
    (shop_dir / "handoff.js").write_text(HANDOFF_JS, encoding="utf-8")
    yield {"help": help_url, "help_nocors": no_search_cors, "shop": shop, "site": site, "rules": rules}
    for stop in stops:
        stop()
