"""A help center built with `embed.origins` and every hand-off channel, served with the CORS
headers its `_headers` file asks for, and a product site on another port (another origin) with
hostile CSS and a strict CSP that embeds the launcher with one script tag."""

from __future__ import annotations

import functools
import http.server
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
    """Static files; `headers(path)` adds the response headers a host would send."""

    extra: Callable[[str], dict[str, str]] = staticmethod(lambda path: {})

    def end_headers(self) -> None:
        for name, value in self.extra(self.path.split("?", 1)[0]).items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


def start_server(folder: Path, headers: Callable[[str], dict[str, str]]) -> tuple[str, Callable[[], None]]:
    handler = type("H", (Handler,), {"extra": staticmethod(headers)})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server.shutdown


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
    no_search_cors, stop = start_server(
        site, lambda path: {k: v for k, v in netlify(path).items()
                            if not (path.startswith("/search/") and k.startswith("Access-Control"))})
    stops.append(stop)
    for name, base in (("index.html", help_url), ("nocors.html", no_search_cors)):
        (shop_dir / name).write_text(product_page(base), encoding="utf-8")
    (shop_dir / "left.html").write_text(
        product_page(help_url, ' data-position="left" data-label="문의" data-context="origin"'), encoding="utf-8")
    (shop_dir / "hostile.css").write_text(HOSTILE_CSS, encoding="utf-8")
    (shop_dir / "favicon.ico").write_bytes(b"")
    (shop_dir / "stub-sdk.js").write_text(STUB_SDK, encoding="utf-8")
    (shop_dir / "handoff.js").write_text(HANDOFF_JS, encoding="utf-8")
    yield {"help": help_url, "help_nocors": no_search_cors, "shop": shop, "site": site, "rules": rules}
    for stop in stops:
        stop()
