"""`contact: endpoint:`: the checklist posted to the owner's receiver (a local one on 127.0.0.1),
only with 개인정보 수집·이용 동의, with a receipt number; a receiver error keeps the draft."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from contact_form import VALID, fill, open_contact, site_data, stored_draft

from conftest import DESKTOP, axe_violations, mkdocs_build, write_project

pytestmark = pytest.mark.browser

CONFIG = """\
site_name: 접수 확인용 도움말
theme:
  name: material
  language: ko
plugins:
  - search
  - doum:
      support:
        email: help@example.com
      contact:
        endpoint: {endpoint}
        consent:
          retention: 답장한 날부터 1년
"""
PAGES = {"guide/start.md": "---\ntitle: 문의 전에 확인해 주세요\n---\n\n주문 번호를 준비해 주세요.\n"}


class Receiver:
    """A receiver like the README's recipes: text/plain JSON in, a CORS answer out."""

    def __init__(self) -> None:
        self.posts: list[dict[str, Any]] = []
        self.requests: list[tuple[str, str]] = []  # (method, content type)
        self.status = 200
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                pass

            def answer(self, status: int, body: bytes) -> None:
                self.send_response(status)
                self.send_header("Access-Control-Allow-Origin", "*")
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_OPTIONS(self) -> None:  # noqa: N802 - http.server's naming
                receiver.requests.append(("OPTIONS", ""))
                self.answer(204, b"")

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length", "0"))
                raw = self.rfile.read(length).decode("utf-8")
                receiver.requests.append(("POST", self.headers.get("Content-Type", "")))
                if receiver.status != 200:
                    self.answer(receiver.status, b'{"ok": false}')
                    return
                receiver.posts.append(json.loads(raw))
                self.answer(200, b'{"ok": true}')

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/inquiries"


@pytest.fixture(scope="module")
def receiver() -> Iterator[Receiver]:
    running = Receiver()
    yield running
    running.server.shutdown()


@pytest.fixture(scope="module")
def endpoint_url(
    receiver: Receiver, tmp_path_factory: pytest.TempPathFactory, build: Callable[..., Path],
    serve: Callable[[Path], str],
) -> str:
    project = write_project(tmp_path_factory.mktemp("endpoint-project"), PAGES)
    (project / "mkdocs.yml").write_text(CONFIG.format(endpoint=receiver.url), encoding="utf-8")
    return serve(build(project, tmp_path_factory.mktemp("endpoint") / "site", "--strict"))


@pytest.fixture
def page(new_page: Callable[..., Any], endpoint_url: str, receiver: Receiver) -> Any:
    receiver.posts.clear()
    receiver.requests.clear()
    receiver.status = 200
    return open_contact(new_page(**DESKTOP), endpoint_url)


def test_nothing_is_posted_without_consent_then_the_checklist_arrives_whole(page: Any, receiver: Receiver) -> None:
    fill(page, VALID)
    page.get_by_role("button", name="바로 접수하기").click()
    summary = page.locator("#contact-error-summary")
    assert summary.is_visible() and page.evaluate("document.activeElement.id") == "contact-error-summary"
    assert [a.get_attribute("href") for a in summary.locator("a").all()] == ["#contact-consent"]
    consent_box = page.locator("#contact-consent")
    assert consent_box.get_attribute("aria-invalid") == "true"
    assert consent_box.get_attribute("aria-describedby").split() == ["contact-consent-hint", "contact-consent-error"]
    assert receiver.requests == [], "nothing leaves the page without consent"
    summary.locator("a").click()
    assert page.evaluate("document.activeElement.id") == "contact-consent"
    page.keyboard.press("Space")
    assert not summary.is_visible(), "consent given: the message goes"
    page.get_by_role("button", name="바로 접수하기").click()
    receipt = page.locator("#contact-receipt")
    receipt.wait_for()
    assert [method for method, _ in receiver.requests] == ["POST"], "a simple request: no preflight"
    assert receiver.requests[0][1].startswith("text/plain")
    (posted,) = receiver.posts
    fields = posted["fields"]
    assert {key: fields.get(key) for key in VALID} == VALID, "every field as typed"
    assert posted["subject"] == "[이모티콘/결제/환불] 구매한 이모티콘이 목록에 안 보여요"
    assert posted["to"] == "help@example.com"
    assert "[내용]\n어제 밤에 결제했어요.\n이모티콘 탭에 아무것도 없어요.\n" in posted["text"]
    consent = site_data(page)["contact"]["consent"]
    assert posted["consent"]["agreed"] is True
    assert posted["consent"]["items"] == consent["items"] and posted["consent"]["retention"] == "답장한 날부터 1년"
    assert posted["receipt"] in receipt.inner_text() and posted["receipt"].startswith("D-")
    assert page.evaluate("document.activeElement.id") == "contact-receipt"
    assert stored_draft(page) is None, "received: the draft is cleared"
    assert page.locator("#contact-summary").input_value() == ""


@pytest.fixture
def page_seeing_a_500(browser: Any, endpoint_url: str, receiver: Receiver) -> Iterator[Any]:
    """Like new_page, except that Chromium's own log line for the receiver's 500 is expected."""
    receiver.posts.clear()
    receiver.requests.clear()
    context = browser.new_context(locale="ko-KR", timezone_id="Asia/Seoul", **DESKTOP)
    errors: list[str] = []
    page = context.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield open_contact(page, endpoint_url)
    context.close()
    assert [e for e in errors if "status of 500" not in e] == []


def test_a_receiver_error_keeps_the_draft_and_says_so(page_seeing_a_500: Any, receiver: Receiver) -> None:
    page = page_seeing_a_500
    receiver.status = 500
    fill(page, {**VALID, "description": "서버가 실패해도 남아 있어야 해요"})
    page.locator("#contact-consent").check()
    page.get_by_role("button", name="바로 접수하기").click()
    status = page.locator("#contact-status", has_text="저장돼 있어요")
    status.wait_for()
    assert "500" in status.inner_text() and "오류" in status.inner_text()
    assert not page.locator("#contact-receipt").is_visible()
    assert stored_draft(page)["values"]["description"] == "서버가 실패해도 남아 있어야 해요"
    assert page.locator("#contact-description").input_value() == "서버가 실패해도 남아 있어야 해요"
    receiver.status = 200
    page.get_by_role("button", name="바로 접수하기").click()
    page.locator("#contact-receipt").wait_for()
    assert len(receiver.posts) == 1 and stored_draft(page) is None


def test_privacy_notice_and_consent_come_from_the_config(page: Any, default_site: Path) -> None:
    consent = site_data(page)["contact"]["consent"]
    assert consent["items"][0] == "카카오 계정 이메일"
    assert page.locator("#contact-consent-items").inner_text() == ", ".join(consent["items"])
    terms = page.locator("#contact-consent-hint").inner_text()
    assert consent["purpose"] in terms and "답장한 날부터 1년" in terms and "동의하지 않으셔도" in terms
    sending = page.locator("#contact-privacy-sending").inner_text()
    assert "동의하신 경우에만" in sending and "127.0.0.1" in sending
    assert "답장한 날부터 1년" in page.locator("#contact-privacy").inner_text()
    page.get_by_role("button", name="바로 접수하기").click()
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in axe_violations(page)] == []
    # Without an endpoint neither the consent nor the direct route exists.
    html = (default_site / "contact" / "index.html").read_text(encoding="utf-8")
    assert 'id="contact-consent"' not in html and 'id="contact-post"' not in html
    assert "어디로도 보내지 않아요" in html and "동의" not in html.split('id="contact-privacy"')[1].split("</section>")[0]


@pytest.mark.parametrize("endpoint", ["http://example.com/inquiries", "ftp://example.com/x", "javascript:alert(1)"])
def test_an_endpoint_that_is_not_https_fails_the_build_naming_the_key(
    tmp_path: Path, endpoint: str
) -> None:
    project = write_project(tmp_path / "project", PAGES)
    (project / "mkdocs.yml").write_text(CONFIG.format(endpoint=json.dumps(endpoint)), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "contact.endpoint" in result.stdout + result.stderr
    assert "https://" in result.stdout + result.stderr
