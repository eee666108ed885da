"""The importer's small parts: slugs, sentences, sanitising, conversion details, selectors."""

from __future__ import annotations

import pytest

from doum.importers import sanitize
from doum.importers.csvfile import looks_like_html, split_keywords
from doum.importers.htmlfolder import split_selector_list
from doum.importers.model import ImportFailure
from doum.importers.pagefile import page_text
from doum.importers.sentences import first_sentence, shorter_than_a_sentence
from doum.importers.slugs import slugify, unique
from doum.importers.textfiles import read_json, read_text
from doum.importers.tomarkdown import convert, plain_text_to_html
from import_helpers import FORBIDDEN, front_matter


@pytest.mark.parametrize(("text", "slug"), [
    ("계정/로그인", "gyejeong-rogeuin"),
    ("결제·환불", "gyeolje-hwanbul"),
    ("비밀번호를 잊어버렸어요", "bimilbeonhoreul-ijeobeoryeosseoyo"),
    ("이모티콘 플러스", "imotikon-peulleoseu"),
    ("Café & PC 버전", "cafe-pc-beojeon"),
    ("🎁", ""),
])
def test_romanised_slugs(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_hangul_slugs_length_and_uniqueness() -> None:
    assert slugify("계정/로그인", keep_hangul=True) == "계정-로그인"
    long = slugify("카카오톡 PC 버전에서 로그인이 자꾸 풀리고 알림도 오지 않을 때 확인할 것들")
    assert len(long) <= 50 and not long.endswith("-")
    assert unique("refund", {"refund", "Refund-2"}, "page") == "refund-3"
    assert unique("", set(), "question") == "question"  # a title with nothing to romanise
    assert unique("index", set(), "question") == "index-question"  # index.md: category page


def test_first_sentence_and_short_answers() -> None:
    assert first_sentence("요금은 1.5배예요. 다음 달부터 적용돼요.") == "요금은 1.5배예요."
    assert first_sentence("v2.0에서 바뀌었어요! 확인해 보세요.") == "v2.0에서 바뀌었어요!"
    assert len(first_sentence("가" * 300)) == 160
    assert shorter_than_a_sentence("네") and shorter_than_a_sentence("설정 메뉴 참고")
    assert not shorter_than_a_sentence("설정 → 알림에서 켜 주세요.")


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "java\nscript:x",
    "vbscript:msgbox", "data:text/html;base64,PHNjcmlwdD4=", "\x01javascript:x",
])
def test_unsafe_urls(url: str) -> None:
    assert not sanitize.safe_url(url)


@pytest.mark.parametrize("url", ["https://example.com", "/hc/ko/articles/1", "../a.html",
                                 "#top", "mailto:a@example.com", "tel:1577-3754",
                                 "data:image/png;base64,iVBORw0KGgo="])
def test_safe_urls(url: str) -> None:
    assert sanitize.safe_url(url)


def test_tracking_pixels() -> None:
    soup = sanitize.clean(
        '<img src="a.png" width="1" height="1"><img src="b.png" style="width:0;height:0">'
        '<img src="https://stats.wp.com/g.gif"><img src="https://www.facebook.com/tr?id=1">'
        '<img src="https://example.com/screen.png" width="640" alt="화면">').soup
    assert [img["src"] for img in soup.find_all("img")] == ["https://example.com/screen.png"]


def test_conversion_escapes_text_that_would_act() -> None:
    html = ("<p>&lt;img src=x onerror=alert(1)&gt; [a](javascript:x) {: onclick=y } `code`</p>"
            "<p><a href='https://example.com/a b(c)'>링크</a></p>"
            "<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></pre>")
    markdown = convert(html, True, title="t", page_path="a/b.md").markdown
    assert not FORBIDDEN.search(markdown), markdown
    assert "&lt;img src=x onerror&#61;alert(1)>" in markdown
    assert "[링크](https://example.com/a%20b%28c%29)" in markdown


def test_nested_lists_use_four_spaces() -> None:
    markdown = convert("<ol><li>하나<ul><li>가</li><li>나</li></ul></li><li>둘</li></ol>", True,
                       title="t", page_path="p.md").markdown
    assert markdown == "1. 하나\n    - 가\n    - 나\n2. 둘\n"


def test_headings_start_at_h2_and_images_need_alt() -> None:
    converted = convert("<h1>큰 제목</h1><h2>작은 제목</h2><p><img src='https://x.test/a.png'></p>",
                        True, title="알림 설정", page_path="p.md")
    assert converted.markdown.startswith("## 큰 제목\n\n### 작은 제목\n")
    assert "[그림: 알림 설정 그림](https://x.test/a.png)" in converted.markdown
    assert converted.images_without_alt == 1


def test_plain_text_answers() -> None:
    html = plain_text_to_html("첫 줄이에요 <b>.\n• 하나\n• 둘\n자세히: https://example.com/a.")
    assert html == ("<p>첫 줄이에요 &lt;b&gt;.</p>\n<ul><li>하나</li><li>둘</li></ul>\n"
                    '<p>자세히: <a href="https://example.com/a">https://example.com/a</a>.</p>')
    assert looks_like_html("<p>x</p>") and not looks_like_html("5 < 6 이고 7 > 3")


def test_keywords_and_selectors() -> None:
    assert split_keywords("비번, 비밀번호 찾기;#탈퇴 #회원탈퇴|비번") == [
        "비번", "비밀번호 찾기", "탈퇴", "회원탈퇴"]
    assert split_selector_list("main, :is(article, .post), [data-x='a,b']") == [
        "main", ":is(article, .post)", "[data-x='a,b']"]


def test_front_matter_round_trips_awkward_titles() -> None:
    for title in ('오류: "결제 실패" #1002', "- 목록처럼 보이는 제목", "yes", "2026-01-01", "'따옴표'"):
        text = page_text(title=title, summary="요약: 한 문장이에요.", keywords=["a: b", "#c"],
                         updated=None, source="csv:f.csv#1", markdown="본문\n")
        front = front_matter(text)
        assert front["title"] == title and front["keywords"] == ["a: b", "#c"]
        assert front["summary"] == "요약: 한 문장이에요."


def test_text_encodings(tmp_path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes("질문,답변\n".encode("cp949"))
    assert read_text(path) == "질문,답변\n"
    path.write_bytes("\ufeff질문".encode())
    assert read_text(path) == "질문"
    path.write_text('{"a": [1, 2', encoding="utf-8")
    with pytest.raises(ImportFailure, match="JSON ends early at line 1 column 12"):
        read_json(path)


def test_front_matter_values_carry_no_tags() -> None:
    converted = convert("<p>&lt;script&gt;alert(1)&lt;/script&gt; 설정에서 바꿔요.</p>", True,
                        title="t", page_path="p.md")
    assert converted.summary == "alert(1) 설정에서 바꿔요."
    text = page_text(title="제목", summary=converted.summary, keywords=["<b>굵게</b>", "<i>"],
                     updated=None, source="x:1", markdown=converted.markdown)
    assert not FORBIDDEN.search(text) and front_matter(text)["keywords"] == ["굵게"]
