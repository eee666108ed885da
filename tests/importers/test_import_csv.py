"""`doum import` of spreadsheets: CP949 with Korean headers, UTF-8 with BOM and English headers."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import yaml

from import_helpers import FIXTURES, FORBIDDEN, doum_import, front_matter, new_project, pages

CP949 = FIXTURES / "faq-cp949.csv"
UTF8 = FIXTURES / "faq-utf8-bom.csv"


def sheet_rows(path: Path, encoding: str) -> list[dict[str, str]]:
    with open(path, encoding=encoding, newline="") as file:
        return list(csv.DictReader(file))


def test_cp949_sheet_with_korean_headers(tmp_path, capsys) -> None:
    docs = new_project(tmp_path) / "docs"
    run = doum_import(capsys, CP949, "--into", docs)
    assert run.code == 0, run.err
    written = pages(docs)
    rows = sheet_rows(CP949, "cp949")
    assert len(rows) == 30
    assert len(written) == 29  # one row has an empty answer
    folders = {path.split("/")[0] for path in written}
    assert folders == {"gyejeong", "gyeolje-hwanbul", "imotikon"}
    fronts = {path: front_matter(text) for path, text in written.items()}
    for path, front in fronts.items():
        assert front["title"] and front["summary"], path
        assert front["source"].startswith("csv:faq-cp949.csv#"), path
        assert not FORBIDDEN.search(written[path]), path
    titles = [front["title"] for front in fronts.values()]
    assert len(set(titles)) == len(titles)
    # Titles with ':', '#' and quotes read back exactly as the sheet had them.
    for tricky in ("이메일 주소를 바꾸려면: 어디서 하나요?", "\"정기 결제\"를 해지하려면 어떻게 하나요?",
                   "결제 오류 코드 #1002가 떠요"):
        assert tricky in titles
    by_title = {front["title"]: front for front in fronts.values()}
    first = by_title["비밀번호를 잊어버렸어요"]
    assert first["summary"] == "로그인 화면의 비밀번호 찾기에서 본인 확인을 하면 새 비밀번호를 정할 수 있어요."
    assert first["keywords"] == ["비번", "비밀번호 찾기", "비밀번호 재설정"]
    # A spreadsheet's numbered lines become a Markdown list.
    page = written["gyejeong/bimilbeonhoreul-ijeobeoryeosseoyo.md"]
    assert "\n1. 로그인 화면에서 비밀번호 찾기를 눌러요.\n2. " in page
    # "#1002는" at the start of a line stays a sentence, not a heading.
    assert "\n\\#1002는" in written["gyeolje-hwanbul/gyeolje-oryu-kodeu-1002ga-tteoyo.md"]
    # Duplicate question in another category: told apart by the category, and reported.
    assert "환불하고 싶어요" in titles and "환불하고 싶어요 (결제/환불)" in titles
    assert "환불하고 싶어요 → 환불하고 싶어요 (결제/환불)" in run.out
    # The report names the skipped row by its line (header is line 1, rows one line each but
    # the first answer spans four lines) and the answer that is not a sentence.
    assert "faq-cp949.csv:34: empty answer: 이모티콘 키보드를 켜고 싶어요" in run.out
    assert "imotikon/imotikon-geomsaegi-an-dwaeyo.md: 네" in run.out
    assert "gyejeong/ 계정: 10" in run.out


def test_printed_categories_block_pastes_into_mkdocs_yml(tmp_path, capsys) -> None:
    docs = new_project(tmp_path) / "docs"
    run = doum_import(capsys, CP949, "--into", docs)
    block = run.out[run.out.index("plugins:"):]
    config = yaml.safe_load(block)
    categories = config["plugins"][0]["doum"]["categories"]
    assert categories == {"gyejeong": {"title": "계정"}, "gyeolje-hwanbul": {"title": "결제/환불"},
                          "imotikon": {"title": "이모티콘"}}


def test_utf8_bom_sheet_with_english_headers_and_id_column(tmp_path, capsys) -> None:
    docs = new_project(tmp_path) / "docs"
    run = doum_import(capsys, UTF8, "--into", docs, "--json")
    assert run.code == 0, run.err
    report = json.loads(run.out)
    assert report["counts"]["created"] == 29 and report["counts"]["skipped"] == 1
    assert {c["folder"]: c["pages"] for c in report["categories"]} == {
        "gyejeong-doummal": 10, "gyeolje-hwanbul": 10, "imotikon": 9}
    fronts = [front_matter(text) for text in pages(docs).values()]
    sources = {front["source"] for front in fronts}
    assert "csv:faq-utf8-bom.csv#FAQ-001" in sources  # the ID column is the stable id
    first = next(f for f in fronts if f["source"] == "csv:faq-utf8-bom.csv#FAQ-001")
    assert first["keywords"] == ["비번", "비밀번호 찾기", "비밀번호 재설정"]  # "a;b;c" tags
    assert report["skipped"] == [{"where": report["skipped"][0]["where"],
                                  "reason": "empty answer: 이모티콘 키보드를 켜고 싶어요"}]
    assert report["skipped"][0]["where"].endswith("faq-utf8-bom.csv:34")
    assert report["short_answers"][0]["answer"] == "네"
    assert report["mkdocs_categories"]["gyejeong-doummal"] == {"title": "계정/도움말"}


def test_keep_hangul_slugs(tmp_path, capsys) -> None:
    docs = new_project(tmp_path) / "docs"
    assert doum_import(capsys, CP949, "--into", docs, "--keep-hangul-slugs").code == 0
    written = pages(docs)
    assert {path.split("/")[0] for path in written} == {"계정", "결제-환불", "이모티콘"}
    assert "계정/비밀번호를-잊어버렸어요.md" in written


def test_encoding_flag_and_wrong_encoding(tmp_path, capsys) -> None:
    docs = new_project(tmp_path) / "docs"
    assert doum_import(capsys, CP949, "--into", docs, "--encoding", "cp949").code == 0
    other = tmp_path / "other"
    run = doum_import(capsys, CP949, "--into", other, "--encoding", "utf-8")
    assert run.code == 1
    assert "faq-cp949.csv:1: not utf-8 text" in run.err
    assert not other.exists()


def test_columns_chosen_by_name(tmp_path, capsys) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("번호,Q열,A열,메모\n1,앱이 꺼져요,앱을 다시 설치해 보세요. 그래도 꺼지면 문의해 주세요.,x\n",
                     encoding="utf-8")
    docs = tmp_path / "docs"
    run = doum_import(capsys, sheet, "--into", docs)
    assert run.code == 1
    assert "sheet.csv:1: no title column — the columns are: 번호, Q열, A열, 메모" in run.err
    run = doum_import(capsys, sheet, "--into", docs, "--title", "Q열", "--answer", "A열")
    assert run.code == 0, run.err
    (path, text), = pages(docs).items()
    assert path == "aebi-kkeojyeoyo.md"  # no category column: directly in docs/
    assert front_matter(text)["source"] == "csv:sheet.csv#1"
    run = doum_import(capsys, sheet, "--into", docs, "--title", "질문열")
    assert run.code == 1 and "no column named '질문열' (--title)" in run.err


def test_tsv_multiline_cells_and_unreadable_rows(tmp_path, capsys) -> None:
    sheet = tmp_path / "faq.tsv"
    sheet.write_text(
        "question\tanswer\tcategory\n"
        "첫 질문\t\"첫 줄이에요.\n둘째 줄이에요.\"\t일반\n"
        "칸이 너무 많아요\t답이에요.\t일반\t남는 칸\n"
        "\t제목이 없는 답이에요.\t일반\n"
        "마지막 질문\t마지막 답이에요.\t일반\n", encoding="utf-8")
    docs = tmp_path / "docs"
    run = doum_import(capsys, sheet, "--into", docs)
    assert run.code == 0, run.err
    assert len(pages(docs)) == 2
    assert "faq.tsv:4: unreadable row: 4 cells where the header has 3" in run.out
    assert "faq.tsv:5: no question" in run.out
    page = pages(docs)["ilban/cheot-jilmun.md"]
    assert "첫 줄이에요.\n\n둘째 줄이에요." in page


def test_html_answers_in_a_sheet_are_sanitised(tmp_path, capsys) -> None:
    sheet = tmp_path / "faq.csv"
    sheet.write_text(
        "질문,답변\n"
        "굵은 글씨,\"<p>설정에서 <b>알림</b>을 켜요.<script>alert(1)</script></p>"
        "<img src=x onerror=alert(2)><a href='javascript:alert(3)'>링크</a>\"\n"
        "그냥 글자,<script>alert(4)</script> 글자 그대로예요. [링크](javascript:alert(5)) {: onclick=x}\n",
        encoding="utf-8")
    docs = tmp_path / "docs"
    assert doum_import(capsys, sheet, "--into", docs).code == 0
    for path, text in pages(docs).items():
        assert not FORBIDDEN.search(text), (path, text)
    bold = pages(docs)["gulgeun-geulssi.md"]
    assert "설정에서 **알림**을 켜요." in bold and "링크" in bold


def test_dry_run_writes_nothing(tmp_path, capsys) -> None:
    docs = tmp_path / "docs"
    run = doum_import(capsys, CP949, "--into", docs, "--dry-run")
    assert run.code == 0 and run.out.startswith("would import into")
    assert "29 created" in run.out
    assert not docs.exists()


def test_root_pages_and_category_folders_never_share_an_address(tmp_path, capsys) -> None:
    sheet = tmp_path / "faq.csv"
    sheet.write_text("질문,답변,카테고리\n계정,계정 설명이에요. 자세히 알려 드려요.,\n"
                     "비밀번호,비밀번호 설명이에요. 자세히 알려 드려요.,계정\n", encoding="utf-8")
    docs = tmp_path / "docs"
    assert doum_import(capsys, sheet, "--into", docs).code == 0
    assert sorted(pages(docs)) == ["gyejeong-2.md", "gyejeong/bimilbeonho.md"]
