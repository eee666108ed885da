"""`doum import` of a folder of HTML pages with hostile markup: nothing that runs survives."""

from __future__ import annotations

import json
import re

from import_helpers import FIXTURES, FORBIDDEN, body, doum_import, front_matter, new_project, pages

from conftest import mkdocs_build

EXPORT = FIXTURES / "html-export"
LOGIN = "gyejeong/rogeuini-an-dwaeyo.md"


def test_hostile_markup_is_dropped_and_content_kept(tmp_path, capsys) -> None:
    docs = new_project(tmp_path) / "docs"
    run = doum_import(capsys, EXPORT, "--into", docs, "--json")
    assert run.code == 0, run.err
    report = json.loads(run.out)
    written = pages(docs)
    assert sorted(written) == [LOGIN, "gyeolje/hwanbureun-eotteotge-batnayo.md",
                               "seobiseu-jeomgeom-annae.md"]
    for path, text in written.items():
        assert not FORBIDDEN.search(text), (path, FORBIDDEN.search(text))
    login = written[LOGIN]
    front = front_matter(login)
    # The title comes from <h1>, not <title>, and is not repeated in the page.
    assert front["title"] == "로그인이 안 돼요"
    assert front["summary"] == "앱을 최신 버전으로 업데이트한 뒤 다시 로그인해 보세요."
    assert front["source"] == "html:html-export/계정/login.html"
    text = body(login)
    assert "# 로그인이 안 돼요" not in text and "옛 고객센터" not in text  # <title>, <footer>
    assert "1. 기기를 다시 켜요.\n2. 여기를 누르지 말고 설정을 열어요." in text  # link text kept
    assert "[환불 안내](../gyeolje/hwanbureun-eotteotge-batnayo.md)" in text
    assert "| 비밀번호 오류 | **비밀번호 찾기** |" in text
    assert "[로그인 방법 동영상](https://www.youtube.com/embed/abc123)" in text
    # Escaped text stays text: no raw HTML, no Markdown link, no attribute list.
    assert '&lt;script>alert("text")&lt;/script> 같은 글자는 글자로 보여요.' in text
    assert "\\[누르면\\]" in text and "\\{:" in text
    # The local image is copied next to the page; the pasted (data:) one is written out.
    image = docs / "gyejeong" / "rogeuini-an-dwaeyo-login-screen.png"
    assert image.read_bytes() == (EXPORT / "images" / "login-screen.png").read_bytes()
    assert "![로그인 화면](rogeuini-an-dwaeyo-login-screen.png)" in text
    refund = written["gyeolje/hwanbureun-eotteotge-batnayo.md"]
    assert "![구매 내역 화면](hwanbureun-eotteotge-batnayo-image.png)" in refund
    pasted = docs / "gyeolje" / "hwanbureun-eotteotge-batnayo-image.png"
    assert pasted.read_bytes()[:4] == b"\x89PNG"
    assert "[help@example.com](mailto:help@example.com)" in refund
    removed = report["removed_markup"]
    assert removed["tracking pixel"] == 2 and removed["javascript: link"] == 2
    assert removed["form"] == 1 and removed["event handler"] >= 4
    assert report["remote_images"] == []
    assert [m["ref"] for m in report["missing_files"]] == ["x"]  # the broken <img src=x>
    # The manifest lists the copied images with the page, for re-imports.
    manifest = json.loads((docs / ".doum-import.json").read_text(encoding="utf-8"))
    files = manifest["pages"]["html:html-export/계정/login.html"]["files"]
    assert list(files) == ["gyejeong/rogeuini-an-dwaeyo-login-screen.png"]
    assert files["gyejeong/rogeuini-an-dwaeyo-login-screen.png"].startswith("sha256:")


def test_built_pages_carry_no_script(tmp_path, capsys) -> None:
    """The site built from the hostile export: the article has no script, handler or js: URL."""
    project = new_project(tmp_path / "project")
    assert doum_import(capsys, EXPORT, "--into", project / "docs").code == 0
    result = mkdocs_build(project, tmp_path / "site")  # not --strict: `source:` (see build test)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "gyejeong" / "rogeuini-an-dwaeyo" / "index.html").read_text()
    article = html[html.index("<article"):html.index("</article>")]
    assert "<h1>로그인이 안 돼요</h1>" in article
    assert not re.search(r"<script|<iframe|<form|<svg|\son[a-z]+=|javascript:", article, re.I)
    assert 'src="../rogeuini-an-dwaeyo-login-screen.png"' in article


def test_title_and_body_selectors(tmp_path, capsys) -> None:
    export = tmp_path / "notion"
    (export / "계정 0123456789abcdef0123456789abcdef").mkdir(parents=True)
    (export / "계정 0123456789abcdef0123456789abcdef" / "page.html").write_text(
        "<html><head><title>사이트 이름</title></head><body>"
        "<header><h1>사이트 머리글</h1></header>"
        "<div class='page'><p class='page-title'>알림이 안 와요</p>"
        "<div class='content'><p>설정 → 알림에서 알림을 켜 주세요.</p></div></div>"
        "<footer>바닥글</footer></body></html>", encoding="utf-8")
    docs = tmp_path / "docs"
    run = doum_import(capsys, export, "--into", docs, "--title-selector", ".page-title",
                      "--body-selector", "article, .content, body")
    assert run.code == 0, run.err
    (path, text), = pages(docs).items()
    assert path == "gyejeong/allimi-an-wayo.md"  # Notion's id dropped from the folder name
    assert front_matter(text)["title"] == "알림이 안 와요"
    assert body(text).strip() == "설정 → 알림에서 알림을 켜 주세요."


def test_only_inert_files_are_copied_into_docs(tmp_path, capsys) -> None:
    """An SVG or HTML file next to the old page could run script from the new site's origin."""
    export = tmp_path / "export"
    export.mkdir()
    (export / "evil.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')
    (export / "other.html").write_text("<h1>다른 글</h1>", encoding="utf-8")
    (export / "guide.pdf").write_bytes(b"%PDF-1.4\n")
    (export / "page.html").write_text(
        "<h1>첨부 파일</h1><p>설명서를 보세요.</p><p><img src='evil.svg' alt='그림'></p>"
        "<p><a href='guide.pdf'>설명서</a> · <a href='evil.svg'>그림 파일</a></p>",
        encoding="utf-8")
    docs = tmp_path / "docs"
    run = doum_import(capsys, export, "--into", docs, "--json")
    assert run.code == 0, run.err
    copied = sorted(p.name for p in docs.rglob("*") if p.is_file() and p.suffix != ".md")
    assert copied == [".doum-import.json", "cheombu-pail-guide.pdf"]
    page = pages(docs)["cheombu-pail.md"]
    assert "[설명서](cheombu-pail-guide.pdf)" in page and ".svg" not in page
    missing = [m["ref"] for m in json.loads(run.out)["missing_files"]]
    assert missing == ["evil.svg", "evil.svg"]
