"""`doum findability`: queries derived from titles, the reasons a page is hard to find, the CLI gate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from doum.cli import main
from doum.search import documents as index
from doum.search import findability
from doum.search import korean
from doum.search.searcher import Searcher

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def searcher_for(pages: list[tuple[str, str, list[str], str]]) -> Searcher:
    """A searcher over (location, title, keywords, text) pages, built as the plugin builds."""
    docs = [index.SearchDoc(
        location=location, title=title, text=text,
        fields={"t": korean.tokens(title), "k": [t for k in keywords for t in korean.tokens(k)],
                "b": korean.tokens(text)},
        boost=1,
    ) for location, title, keywords, text in pages]
    return Searcher(index.make_payload(docs, index.builtin_thesaurus()))


def test_queries_of_every_kind_come_from_the_title_and_keywords() -> None:
    weak = set(index.function_words())
    queries = dict(findability.derive_queries("비밀번호를 변경하고 싶어요", ["비번 변경"], weak))
    assert queries["title"] == "비밀번호를 변경하고 싶어요"
    assert queries["words"] == "비밀번호 변경"  # 싶어요 is a function word
    assert queries["nospace"] == "비밀번호변경"
    assert queries["chosung"] == "ㅂㅁㅂㅎㅂㄱ"
    assert queries["qwerty"] == "qlalfqjsgh qusrud"
    assert korean.jamo_distance(queries["typo"].split()[0], "비밀번호") == 1
    assert queries["inflected"] == "비밀번호를 변경하려면 어떻게 해야 하나요"
    assert queries["keyword"] == "비번 변경"


def test_a_page_shadowed_by_another_names_the_winner() -> None:
    searcher = searcher_for([
        ("order/cancel/", "주문 취소", ["주문 취소", "취소"], "주문 취소는 주문 내역에서 주문 취소를 눌러요."),
        ("order/cancel-request/", "주문을 취소하고 싶어요", [], "가게가 접수하기 전이면 바로 취소돼요."),
        ("account/password/", "비밀번호를 잊어버렸어요", ["비밀번호 찾기"], "로그인 화면에서 재설정해요."),
    ])
    report = findability.run(searcher)
    pages = {page.location: page for page in report.pages}
    shadowed = pages["order/cancel-request/"]
    assert shadowed.hard
    reason = next(r for r in shadowed.reasons if r.code == "shadowed")
    assert reason.other == "order/cancel/"
    assert set(reason.words) == {"주문", "취소"}
    assert any("주문 취소" in advice for advice in shadowed.suggestions)
    assert pages["account/password/"].rank("title") == 1
    assert not any(r.code == "shadowed" for r in pages["account/password/"].reasons)


def test_a_title_of_question_words_only_has_no_distinctive_word() -> None:
    searcher = searcher_for([
        ("a/", "어떻게 하나요?", [], "이 페이지는 아무것도 설명하지 않아요."),
        ("b/", "환불 기간", [], "환불은 3일 걸려요."),
    ])
    page = next(p for p in findability.run(searcher).pages if p.location == "a/")
    assert page.hard
    assert [r.code for r in page.reasons][:1] in (["no-distinctive-word"], ["shadowed"])
    assert any(r.code == "no-distinctive-word" for r in page.reasons)
    assert findability.suggestions(page.reasons)


def test_suggestions_are_plain_data_in_and_text_out() -> None:
    reasons = [findability.Reason("thesaurus-gap", "…", words=["모아"]),
               findability.Reason("typed-forms", "…", words=["chosung"])]
    advice = findability.suggestions(reasons)
    assert len(advice) == 2 and "모아" in advice[0] and "keywords:" in advice[1]


@pytest.fixture(scope="module")
def minimal(minimal_site: Path) -> Path:
    return minimal_site


def test_cli_reports_and_gates_on_recall(minimal: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = str(FIXTURES / "minimal" / "mkdocs.yml")
    assert main(["findability", "-f", config, "--site", str(minimal), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["pages"] >= 2 and set(report["by_kind"]) >= {"title", "words", "chosung", "qwerty"}
    assert 0 <= report["recall"]["r5"] <= 1
    assert main(["findability", "-f", config, "--site", str(minimal), "--min-recall", "1.01"]) == 1
    assert "below --min-recall" in capsys.readouterr().err
    assert main(["findability", "-f", config, "--site", str(minimal), "--min-recall", "0"]) == 0
    assert "R@5" in capsys.readouterr().out
