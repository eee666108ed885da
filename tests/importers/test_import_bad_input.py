"""Bad input stops `doum import` with a message naming the file and line, and docs/ stays exactly
as it was; a crash while writing leaves no half-written file."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from doum.importers import writer
from import_helpers import FIXTURES, doum_import, new_project, snapshot


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """A docs folder with one hand-written page, which every failure must leave alone."""
    docs = new_project(tmp_path / "project") / "docs"
    (docs / "guide").mkdir(parents=True)
    (docs / "guide" / "start.md").write_text("---\ntitle: 시작하기\n---\n\n안녕하세요.\n",
                                             encoding="utf-8")
    return docs


def fails(capsys, docs: Path, *args: object) -> str:
    before = snapshot(docs)
    run = doum_import(capsys, *args, "--into", docs)
    assert run.code == 1, run.out
    assert "nothing was written" in run.err
    assert snapshot(docs) == before
    assert not list(docs.parent.glob(".doum-import-*"))  # no staging folder left behind
    return run.err


def test_csv_without_answer_column(tmp_path, capsys, docs) -> None:
    sheet = tmp_path / "faq.csv"
    sheet.write_text("질문,카테고리\n비밀번호를 잊어버렸어요,계정\n", encoding="utf-8")
    err = fails(capsys, docs, sheet)
    assert "faq.csv:1: no answer column — the columns are: 질문, 카테고리; name it with --answer" in err


def test_csv_with_a_quote_never_closed(tmp_path, capsys, docs) -> None:
    sheet = tmp_path / "faq.csv"
    sheet.write_text('질문,답변\n첫 질문,첫 답이에요.\n둘째 질문,"닫히지 않은 답\n셋째 질문,답\n',
                     encoding="utf-8")
    err = fails(capsys, docs, sheet)
    assert "faq.csv:3: the row cannot be read" in err and "never closed" in err


def test_csv_neither_utf8_nor_cp949(tmp_path, capsys, docs) -> None:
    sheet = tmp_path / "faq.csv"
    sheet.write_bytes("질문,답변\n".encode() + b"\xff\xfe\xfa broken,x\n")
    err = fails(capsys, docs, sheet)
    assert "faq.csv:2: the file is neither UTF-8 nor CP949 text" in err


def test_truncated_json(tmp_path, capsys, docs) -> None:
    export = tmp_path / "zendesk"
    shutil.copytree(FIXTURES / "zendesk", export)
    page = export / "articles-page-2.json"
    text = page.read_text(encoding="utf-8")
    page.write_text(text[: text.index('"body"') + 20], encoding="utf-8")
    cut = page.read_text(encoding="utf-8").rstrip()
    line, column = cut.count("\n") + 1, len(cut) - cut.rfind("\n")  # just after the end
    err = fails(capsys, docs, export)
    assert (f"articles-page-2.json: JSON ends early at line {line} column {column} — "
            "is the export complete?") in err


def test_broken_json_names_the_line(tmp_path, capsys, docs) -> None:
    export = tmp_path / "articles.json"
    export.write_text('{"type": "list",\n "data": [\n  {"id": 1 "title": "x"}\n ]\n}\n',
                      encoding="utf-8")
    err = fails(capsys, docs, export)
    assert "articles.json:3: not valid JSON: Expecting ',' delimiter" in err


def test_html_page_without_title(tmp_path, capsys, docs) -> None:
    export = tmp_path / "export"
    shutil.copytree(FIXTURES / "html-export", export)
    (export / "계정" / "untitled.html").write_text(
        "<html><body><main><p>제목이 없는 페이지예요.</p></main></body></html>", encoding="utf-8")
    err = fails(capsys, docs, export)
    assert "untitled.html: the page has no title: nothing matches --title-selector 'h1'" in err


def test_one_bad_source_stops_the_good_ones(tmp_path, capsys, docs) -> None:
    bad = tmp_path / "faq.csv"
    bad.write_text("제목만\n질문\n", encoding="utf-8")
    fails(capsys, docs, FIXTURES / "faq-cp949.csv", FIXTURES / "zendesk", bad)


def test_unknown_json_and_missing_source(tmp_path, capsys, docs) -> None:
    other = tmp_path / "data.json"
    other.write_text(json.dumps({"items": []}), encoding="utf-8")
    assert "not a Zendesk Guide or Intercom Articles export" in fails(capsys, docs, other)
    assert "no such file or folder" in fails(capsys, docs, tmp_path / "missing.csv")


def test_crash_while_moving_leaves_only_whole_files(tmp_path, capsys, docs, monkeypatch) -> None:
    real_replace = os.replace
    calls = []

    def crash_on_third(src, dst):  # type: ignore[no-untyped-def]
        calls.append(dst)
        if len(calls) == 3:
            raise OSError(28, "No space left on device", str(dst))
        real_replace(src, dst)

    monkeypatch.setattr(writer.os, "replace", crash_on_third)
    run = doum_import(capsys, FIXTURES / "faq-cp949.csv", "--into", docs)
    assert run.code == 1 and "No space left on device" in run.err
    monkeypatch.undo()
    # Two pages made it, whole; the manifest (written last) did not; no staging folder is left.
    written = [p for p in docs.rglob("*.md") if p.name != "start.md"]
    assert len(written) == 2
    for page in written:
        assert page.read_text(encoding="utf-8").startswith("---\ntitle: ")
        assert page.read_text(encoding="utf-8").endswith("\n")
    assert not (docs / ".doum-import.json").exists()
    assert not list(docs.parent.glob(".doum-import-*"))
    # Running again finishes the job: the two pages are recognised by their `source:`.
    run = doum_import(capsys, FIXTURES / "faq-cp949.csv", "--into", docs)
    assert run.code == 0 and "27 created, 0 updated, 2 unchanged" in run.out
    assert len([p for p in docs.rglob("*.md") if p.name != "start.md"]) == 29
