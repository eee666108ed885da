"""The query side on a tiny help center: what it finds, and the fixture the JS test ranks against.

Set DOUM_REGENERATE=1 to rewrite tests/search/fixtures/mini-payload.json and
mini-expected.json after an intended change (then tests/search/search-core.test.mjs must agree).
The payload fixtures hold the index as the browser reads it — {entry, pieces} — cut into small
pieces (FIXTURE_PIECE_BYTES), so the JS side looks every term and row up across pieces.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import pytest

from doum.search import documents as index
from doum.search import korean, lunrpack
from doum.search import pieces
from doum.search.searcher import Searcher
from search_sites import assert_fixture_current, site_payload

FIXTURES = Path(__file__).parent / "fixtures"
MINI = json.loads((FIXTURES / "mini-docs.json").read_text(encoding="utf-8"))
FIXTURE_PIECE_BYTES = 400  # several pieces of each kind even for the tiny help center
FIXTURE_BULK_BYTES = 800  # and several bulk pieces, each of a few small ones


def pieced(payload: dict) -> dict:
    entry, found = pieces.split(payload, FIXTURE_PIECE_BYTES, FIXTURE_PIECE_BYTES, FIXTURE_BULK_BYTES,
                                 preload_bytes=0)
    return {"entry": entry, "pieces": found}


def many_payload() -> dict:
    """More documents share each word than a term keeps per field (lunrpack.CHAMPIONS)."""
    docs = []
    for i in range(2 * lunrpack.CHAMPIONS):
        text = f"탈퇴 방법 안내 {'자세한 설명 ' * (i % 7)}{i}"
        docs.append(index.SearchDoc(
            location=f"p{i}/", title=f"탈퇴 {i}", text=text,
            fields={"t": korean.tokens(f"탈퇴 {i}"), "k": [], "b": korean.tokens(text)}, boost=1,
        ))
    return index.make_payload(docs, [])


MANY_QUERIES = ["탈퇴", "탈퇴 방법", "설명", "안내 17", "599"]


@pytest.fixture(scope="module")
def searcher() -> Searcher:
    return Searcher(site_payload(MINI))


def expected_results(searcher: Searcher) -> list[list[dict]]:
    return [[asdict(hit) for hit in searcher.search(query, 5)] for query in MINI["queries"]]


def test_fixtures_are_current(searcher: Searcher) -> None:
    payload, expected = pieced(site_payload(MINI)), expected_results(searcher)
    for kind in ("terms", "docs"):
        bulk = pieces.piece_names(payload["entry"], kind, bulk=True)
        assert 1 < len(bulk) < len(pieces.piece_names(payload["entry"], kind))
    assert_fixture_current(FIXTURES / "mini-payload.json", payload)
    assert_fixture_current(FIXTURES / "mini-expected.json", expected, indent=1)


def test_large_fixtures_are_current() -> None:
    """Common words keep only their best documents: the JS test checks the same cut."""
    many = Searcher(many_payload())
    payload = pieced(many_payload())
    expected = [[asdict(hit) for hit in many.search(query, 5)] for query in MANY_QUERIES]
    assert_fixture_current(FIXTURES / "many-payload.json", payload)
    assert_fixture_current(FIXTURES / "many-expected.json", {"queries": MANY_QUERIES, "results": expected},
                           indent=1)
    assert len(many.index.inverted_index["탈퇴"]["b"]) == lunrpack.CHAMPIONS


@pytest.mark.parametrize(("query", "page"), [
    ("탈퇴", "account/delete/"),
    ("탈퇴하면 어떻게 돼요", "account/delete/"),
    ("비밀번호를 잊어버렸어요", "account/password/"),
    ("ㅂㅁㅂㅎ", "account/password/"),  # initial consonants
    ("qlalfqjsgh", "account/password/"),  # typed with the keyboard in English mode
    ("환볼", "paid/refund/"),  # one jamo off
    ("이모티콘환불", "paid/refund/"),  # no space
    ("비밀 번호", "account/password/"),  # extra space
    ("패스워드", "account/password/"),  # site synonym
    ("kakaopay 결제", "paid/pay-error/"),  # mixed scripts through a synonym
    ("다크", "settings/theme/"),  # still typing
    ("계정삭제", "account/delete/"),
])
def test_finds_the_right_page_first(searcher: Searcher, query: str, page: str) -> None:
    assert searcher.search(query, 5)[0].location == page


def test_synonyms_compose_into_thesaurus_phrases(searcher: Searcher) -> None:
    """결재 is a one-word synonym of 결제, so 결재 오류 is the phrase 결제 오류, and reads as its
    group does (결제 실패 …), however the customer spelled the first word."""
    assert "실패" in searcher.analyze("결제 오류").terms
    assert "실패" in searcher.analyze("결재 오류").terms


@pytest.mark.parametrize("query", ["", "   ", "+-~^:*", '"', "<script>alert(1)</script>",
                                   "a" * 1000, "탈퇴 " * 500, "constructor", "\ud800"])
def test_bad_input_never_raises(searcher: Searcher, query: str) -> None:
    assert isinstance(searcher.search(query, 5), list)


@pytest.mark.parametrize(("attached", "spaced"), [
    ("결제 안먹혀요", "결제 안 먹혀요"), ("비밀번호 안바뀜", "비밀번호 안 바뀜"), ("테마 못바꿈", "테마 못 바꿈"),
    ("결제 두번됨", "결제 두 번 됨"), ("비밀번호 몇번째", "비밀번호 몇 번째"),
])
def test_words_spacing_writes_apart_read_as_spaced(searcher: Searcher, attached: str, spaced: str) -> None:
    """안/못 before a predicate and a numeral before its unit noun are words of their own,
    often typed without their space (안와 → 안 와, 두번 → 두 번)."""
    assert searcher.analyze(attached).terms == searcher.analyze(spaced).terms
    assert searcher.search(attached, 5) == searcher.search(spaced, 5)


def test_a_word_the_site_knows_is_never_read_apart() -> None:
    """안내, 안내문 (안내 + 문), 안드로 (the start of 안드로이드) and 세대 are words, not 안 + … or
    세 + 대; a numeral needs a unit noun after it (한국, 두부)."""
    site = {**MINI, "pages": [*MINI["pages"], {**MINI["pages"][0], "location": "guide/",
                                               "title": "안드로이드 안내", "keywords": ["안내"]}]}
    known = Searcher(site_payload(site))
    assert {"안내", "안드로이드"} <= known.known
    kept = ["안내", "안내문", "안드로", "세대", "두통", "한국", "두부", "안돼"]
    assert [known.detach(word) for word in kept] == [[word] for word in kept]
    assert [known.detach(word) for word in ["안와", "두번됨", "몇개", "한달"]] == [
        ["안", "와"], ["두", "번", "됨"], ["몇", "개"], ["한", "달"]]


def test_plan_never_uses_unknown_terms(searcher: Searcher) -> None:
    for query in MINI["queries"]:
        assert set(searcher.plan(query)) <= searcher.known
