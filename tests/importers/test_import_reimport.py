"""A second `doum import`: unchanged pages untouched, changed sources updated, new ones created,
pages changed by hand kept (and reported), all judged by the manifest's content hashes."""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from pathlib import Path

from import_helpers import FIXTURES, doum_import, front_matter, new_project, pages, snapshot

MANIFEST = ".doum-import.json"


def hashes(docs: Path) -> dict[str, str]:
    return {path: hashlib.sha256(data).hexdigest() for path, (data, _) in snapshot(docs).items()}


def copy_sheet(tmp_path: Path) -> Path:
    sheet = tmp_path / "faq.csv"
    shutil.copy(FIXTURES / "faq-utf8-bom.csv", sheet)
    return sheet


def edit_sheet(sheet: Path, old: str, new: str) -> None:
    text = sheet.read_text(encoding="utf-8-sig")
    assert old in text
    sheet.write_text(text.replace(old, new), encoding="utf-8-sig")


def test_reimport_without_changes_touches_nothing(tmp_path, capsys) -> None:
    docs = new_project(tmp_path) / "docs"
    sheet = copy_sheet(tmp_path)
    assert doum_import(capsys, sheet, FIXTURES / "html-export", "--into", docs).code == 0
    before = snapshot(docs)
    assert MANIFEST in before and len(before) == 29 + 3 + 2 + 1  # pages, images, manifest
    time.sleep(0.01)  # a rewrite would show in the nanosecond mtimes
    run = doum_import(capsys, sheet, FIXTURES / "html-export", "--into", docs, "--json")
    assert run.code == 0, run.err
    report = json.loads(run.out)
    assert report["counts"] == {"created": 0, "updated": 0, "unchanged": 32, "kept": 0,
                                "deleted": 0, "skipped": 1}
    assert snapshot(docs) == before  # same bytes, same mtimes, manifest included


def test_changed_rows_update_new_rows_create_the_rest_untouched(tmp_path, capsys) -> None:
    docs = new_project(tmp_path) / "docs"
    sheet = copy_sheet(tmp_path)
    assert doum_import(capsys, sheet, "--into", docs).code == 0
    before = snapshot(docs)
    edit_sheet(sheet, "VISA, Mastercard, JCB 해외 카드로", "VISA, Mastercard, JCB, AMEX 해외 카드로")
    with open(sheet, "a", encoding="utf-8") as file:
        file.write("FAQ-031,이모티콘,이모티콘 키보드를 켜고 싶어요,"
                   "이모티콘 탭 → 설정에서 이모티콘 키보드를 켤 수 있어요.,키보드\r\n")
    time.sleep(0.01)
    run = doum_import(capsys, sheet, "--into", docs, "--json")
    assert run.code == 0, run.err
    report = json.loads(run.out)
    assert report["counts"]["updated"] == 1 and report["counts"]["created"] == 1
    assert report["counts"]["unchanged"] == 28
    after = snapshot(docs)
    changed = {path for path in after if after[path] != before.get(path)}
    updated = "gyeolje-hwanbul/haeoe-kadeuro-gyeoljehal-su-itnayo.md"
    created = "imotikon/imotikon-kibodeureul-kyeogo-sipeoyo.md"
    assert changed == {updated, created, MANIFEST}
    assert "JCB, AMEX" in after[updated][0].decode()
    manifest = json.loads(after[MANIFEST][0])
    record = manifest["pages"]["csv:faq.csv#FAQ-016"]
    assert record["path"] == updated
    assert record["hash"] == "sha256:" + hashlib.sha256(after[updated][0]).hexdigest()


def test_page_edited_by_hand_is_kept_and_reported(tmp_path, capsys) -> None:
    docs = new_project(tmp_path) / "docs"
    sheet = copy_sheet(tmp_path)
    assert doum_import(capsys, sheet, "--into", docs).code == 0
    page = docs / "gyejeong-doummal" / "aidiga-gieoknaji-anhayo.md"
    edited = page.read_text(encoding="utf-8") + "\n상담원이 덧붙인 문장이에요.\n"
    page.write_text(edited, encoding="utf-8")
    manifest_before = (docs / MANIFEST).read_bytes()
    # The source changes too: the hand edit still wins.
    edit_sheet(sheet, "아이디 찾기 화면에서 둘 중 하나를", "아이디 찾기 화면에서 휴대폰 번호나 이메일을")
    run = doum_import(capsys, sheet, "--into", docs)
    assert run.code == 0, run.err
    assert page.read_text(encoding="utf-8") == edited
    assert ("gyejeong-doummal/aidiga-gieoknaji-anhayo.md: edited by hand since the last import "
            "(csv:faq.csv#FAQ-002)") in run.out
    assert "0 updated, 28 unchanged, 1 kept (changed by hand)" in run.out
    # The manifest keeps the hash of the imported version, so the page stays protected.
    assert (docs / MANIFEST).read_bytes() == manifest_before
    assert "1 kept" in doum_import(capsys, sheet, "--into", docs).out


def test_page_deleted_by_hand_is_not_brought_back(tmp_path, capsys) -> None:
    docs = new_project(tmp_path) / "docs"
    sheet = copy_sheet(tmp_path)
    assert doum_import(capsys, sheet, "--into", docs).code == 0
    (docs / "gyejeong-doummal" / "aidiga-gieoknaji-anhayo.md").unlink()
    run = doum_import(capsys, sheet, "--into", docs)
    assert run.code == 0
    assert not (docs / "gyejeong-doummal" / "aidiga-gieoknaji-anhayo.md").exists()
    assert "deleted by hand since the last import" in run.out


def test_lost_manifest_pages_are_found_by_their_source(tmp_path, capsys) -> None:
    docs = new_project(tmp_path) / "docs"
    sheet = copy_sheet(tmp_path)
    assert doum_import(capsys, sheet, "--into", docs).code == 0
    (docs / MANIFEST).unlink()
    page = docs / "gyejeong-doummal" / "aidiga-gieoknaji-anhayo.md"
    page.write_text(page.read_text(encoding="utf-8") + "손본 문장.\n", encoding="utf-8")
    before = hashes(docs)
    run = doum_import(capsys, sheet, "--into", docs, "--json")
    report = json.loads(run.out)
    assert report["counts"]["created"] == 0 and report["counts"]["unchanged"] == 28
    assert report["counts"]["kept"] == 1  # differs and the manifest cannot say why: kept
    after = hashes(docs)
    assert {k: v for k, v in after.items() if k != MANIFEST} == before
    assert len(pages(docs)) == 29  # no page-2.md duplicates


def test_category_change_moves_the_page(tmp_path, capsys) -> None:
    docs = new_project(tmp_path) / "docs"
    sheet = copy_sheet(tmp_path)
    assert doum_import(capsys, sheet, "--into", docs).code == 0
    edit_sheet(sheet, "FAQ-013,결제/환불,", "FAQ-013,영수증,")
    run = doum_import(capsys, sheet, "--into", docs, "--json")
    report = json.loads(run.out)
    assert report["counts"]["updated"] == 1
    assert not (docs / "gyeolje-hwanbul" / "yeongsujeungeun-eodiseo-batnayo.md").exists()
    moved = docs / "yeongsujeung" / "yeongsujeungeun-eodiseo-batnayo.md"
    assert front_matter(moved.read_text(encoding="utf-8"))["source"] == "csv:faq.csv#FAQ-013"


def test_existing_hand_written_page_keeps_its_title(tmp_path, capsys) -> None:
    docs = new_project(tmp_path) / "docs"
    (docs / "guide").mkdir(parents=True)
    mine = docs / "guide" / "refund.md"
    mine.write_text("---\ntitle: 환불하고 싶어요\n---\n\n직접 쓴 페이지예요.\n", encoding="utf-8")
    run = doum_import(capsys, FIXTURES / "faq-cp949.csv", "--into", docs)
    assert run.code == 0, run.err
    assert mine.read_text(encoding="utf-8").endswith("직접 쓴 페이지예요.\n")
    titles = [front_matter(text)["title"] for text in pages(docs).values()]
    assert titles.count("환불하고 싶어요") == 1
    assert "환불하고 싶어요 (계정)" in titles and "환불하고 싶어요 (결제/환불)" in titles
