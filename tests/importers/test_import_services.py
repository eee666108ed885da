"""`doum import` of help-center exports: Zendesk Guide (two pages of API results) and Intercom."""

from __future__ import annotations

import datetime
import json
import shutil

import yaml

from import_helpers import FIXTURES, FORBIDDEN, body, doum_import, front_matter, new_project, pages

ZENDESK = FIXTURES / "zendesk"
INTERCOM = FIXTURES / "intercom"


def test_zendesk_export_of_two_pages(tmp_path, capsys) -> None:
    docs = new_project(tmp_path) / "docs"
    run = doum_import(capsys, ZENDESK, "--into", docs, "--json")
    assert run.code == 0, run.err
    report = json.loads(run.out)
    written = pages(docs)
    # Five articles over two pages of results; the draft is reported, not imported.
    assert sorted(written) == [
        "gyeolje-hwanbul/gyeolje-naeyeogeun-eodiseo-bonayo.md",
        "gyeolje-hwanbul/hwanbul-yocheong-eonjekkaji-hal-su-itnayo.md",
        "rogeuin-bimilbeonho/bimilbeonho-chatgineun-eotteotge-hanayo.md",
        "rogeuin-bimilbeonho/kakaogyejeong-bimilbeonhoreul-bakkugo-sipeoyo.md",
    ]
    assert [s["reason"] for s in report["skipped"]] == ["draft: 로그인 기기 관리 (준비 중)"]
    assert report["warnings"] == []
    change = written["rogeuin-bimilbeonho/kakaogyejeong-bimilbeonhoreul-bakkugo-sipeoyo.md"]
    front = front_matter(change)
    assert front == {
        "title": "카카오계정 비밀번호를 바꾸고 싶어요",
        "summary": "설정에서 비밀번호 변경을 누르면 바꿀 수 있어요.",
        "keywords": ["비번", "비밀번호 변경"],
        "updated": datetime.date(2026, 1, 15),
        "source": "zendesk:360001000001",
    }
    text = body(change)
    assert "**비밀번호 변경**" in text
    assert "1. 더보기 → 설정을 눌러요.\n2. 카카오계정 → 비밀번호 변경을 눌러요.\n    - 지금" in text
    # A link to another article of the export points at its new page.
    assert "[비밀번호 찾기](bimilbeonho-chatgineun-eotteotge-hanayo.md)" in text
    # A remote image (root-relative on the old help center) stays a link and is reported.
    image = "https://example.zendesk.com/hc/article_attachments/9001/password.png"
    assert f"[그림: 비밀번호 변경 화면]({image})" in text and "![" not in text
    assert {"path": "rogeuin-bimilbeonho/kakaogyejeong-bimilbeonhoreul-bakkugo-sipeoyo.md",
            "url": image} in report["remote_images"]
    table = body(written["rogeuin-bimilbeonho/bimilbeonho-chatgineun-eotteotge-hanayo.md"])
    assert "| 확인 방법 | 걸리는 시간 |\n| --- | --- |\n| 휴대폰 문자 | 1분 |" in table
    refund = written["gyeolje-hwanbul/hwanbul-yocheong-eonjekkaji-hal-su-itnayo.md"]
    assert front_matter(refund)["title"] == "환불 요청: 언제까지 할 수 있나요?"
    assert "google-analytics" not in refund and report["removed_markup"]["tracking pixel"] == 1
    history = body(written["gyeolje-hwanbul/gyeolje-naeyeogeun-eodiseo-bonayo.md"])
    assert "## 앱에서 보기" in history
    # Sections are the categories; Zendesk's categories give their order and description.
    assert report["mkdocs_categories"] == {
        "rogeuin-bimilbeonho": {"title": "로그인/비밀번호", "description": "카카오계정",
                                "order": 101},
        "gyeolje-hwanbul": {"title": "결제/환불", "description": "결제 수단, 결제 내역, 환불 기준",
                            "order": 201},
    }
    for path, page in written.items():
        assert not FORBIDDEN.search(page), path


def test_zendesk_missing_page_of_results_is_reported(tmp_path, capsys) -> None:
    export = tmp_path / "export"
    export.mkdir()
    for name in ("articles-page-1.json", "sections.json", "categories.json"):
        shutil.copy(ZENDESK / name, export / name)
    run = doum_import(capsys, export, "--into", tmp_path / "docs")
    assert run.code == 0, run.err
    assert "Zendesk says there are 2 pages of articles but page(s) 2 were not given" in run.out
    assert len(pages(tmp_path / "docs")) == 2


def test_zendesk_files_given_one_by_one(tmp_path, capsys) -> None:
    files = sorted(ZENDESK.glob("*.json"))
    run = doum_import(capsys, *files, "--into", tmp_path / "docs", "--format", "zendesk")
    assert run.code == 0, run.err
    assert len(pages(tmp_path / "docs")) == 4


def test_intercom_export_with_collections(tmp_path, capsys) -> None:
    docs = new_project(tmp_path) / "docs"
    run = doum_import(capsys, INTERCOM / "articles.json", INTERCOM / "collections.json",
                      "--into", docs)
    assert run.code == 0, run.err
    written = pages(docs)
    assert sorted(written) == [
        "sangdam/chaeting-sangdam-sigani-gunggeumhaeyo.md",
        "seonmulhagi/seonmul-badeun-sangpumeul-gyohwanhal-su-itnayo.md",
        "seonmulhagi/seonmulhagi-jumuneul-chwisohago-sipeoyo.md",
    ]
    assert "intercom/articles.json (article 104): draft: 아직 쓰고 있는 초안" in run.out
    cancel = written["seonmulhagi/seonmulhagi-jumuneul-chwisohago-sipeoyo.md"]
    assert front_matter(cancel)["source"] == "intercom:101"
    assert front_matter(cancel)["summary"] == "받는 사람이 선물을 받기 전이라면 주문 내역에서 취소할 수 있어요."
    assert "- **받기 전**: 바로 취소돼요." in cancel
    assert "https://downloads.intercomcdn.com/i/o/123/cancel.png" in run.out
    exchange = written["seonmulhagi/seonmul-badeun-sangpumeul-gyohwanhal-su-itnayo.md"]
    assert "[주문 취소](seonmulhagi-jumuneul-chwisohago-sipeoyo.md)" in exchange
    block = yaml.safe_load(run.out[run.out.index("plugins:"):])
    assert block["plugins"][0]["doum"]["categories"] == {
        "seonmulhagi": {"title": "선물하기", "description": "주문, 취소, 교환", "order": 1},
        "sangdam": {"title": "상담", "order": 2},
    }


def test_every_format_in_one_import(tmp_path, capsys) -> None:
    docs = new_project(tmp_path) / "docs"
    run = doum_import(capsys, ZENDESK, INTERCOM, FIXTURES / "html-export",
                      FIXTURES / "faq-cp949.csv", "--into", docs, "--json")
    assert run.code == 0, run.err
    report = json.loads(run.out)
    assert report["counts"]["created"] == 4 + 3 + 3 + 29
    titles = [front_matter(text)["title"] for text in pages(docs).values()]
    assert len(titles) == len(set(titles))


def test_a_second_source_does_not_repeat_titles_of_an_earlier_import(tmp_path, capsys) -> None:
    docs = tmp_path / "docs"
    sheet = tmp_path / "faq.csv"
    sheet.write_text("질문,답변\n채팅 상담 시간이 궁금해요,평일 10시부터 상담해요. 주말에는 쉬어요.\n",
                     encoding="utf-8")
    assert doum_import(capsys, sheet, "--into", docs).code == 0
    run = doum_import(capsys, INTERCOM, "--into", docs)
    assert run.code == 0, run.err
    assert "채팅 상담 시간이 궁금해요 → 채팅 상담 시간이 궁금해요 (상담)" in run.out
    # Importing the sheet again changes nothing: its page keeps its own title.
    assert "0 created, 0 updated, 1 unchanged" in doum_import(capsys, sheet, "--into", docs).out
