"""The English index: english.py against lunr.js (fixtures the JS test checks too), and the query
side on a tiny English help center.

Set DOUM_REGENERATE=1 to rewrite tests/search/fixtures/english-stems.json (the words: every word
of Python's own reference text, so thousands of shapes of English), english-payload.json and
english-expected.json after an intended change; tests/search/english.test.mjs must then agree.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import asdict
from html import escape
from pathlib import Path

import pytest

from doum.content.catalog import PageInfo
from doum.search import documents as index
from doum.search import english, korean, pieces
from doum.search.searcher import Searcher
from search_sites import assert_fixture_current, site_payload

FIXTURES = Path(__file__).parent / "fixtures"
DOCS = json.loads((FIXTURES / "english-docs.json").read_text(encoding="utf-8"))
STEMS = FIXTURES / "english-stems.json"
FIXTURE_PIECE_BYTES = 400  # several pieces of each kind, as the Korean parity fixtures
# Words whose stem turns on a rule where stemmers differ (y after a vowel or as first letter),
# digits, and the text cases the JS test cuts the same way.
SPECIAL_WORDS = ["key", "keys", "fly", "say", "by", "why", "try", "yes", "yield", "played", "y",
                 "2fa", "3rd", "ponies", "caresses", "generalizations", "agreed", "hopping"]
TEXTS = [
    "Getting a refund",
    "It's the customer's refund; don't worry!",
    "Deleting your account — for good",
    "ＫａｋａｏＰａｙ and 2FA",
    "카카오톡을 다크 모드로 바꾸기",
    "How do I change my password?",
    "email@example.com / www.example.com",
    "",
]


@pytest.fixture(scope="module")
def searcher() -> Searcher:
    return Searcher(site_payload(DOCS, "en"))


def test_stem_fixture_is_current() -> None:
    """Python's half of the stemmer parity (english.test.mjs runs lunr.js on the same words)."""
    if os.environ.get("DOUM_REGENERATE"):
        import pydoc_data.topics

        text = " ".join(pydoc_data.topics.topics.values()).lower()
        words = sorted(set(re.findall(r"[a-z0-9]*[a-z][a-z0-9]*", text)) | set(SPECIAL_WORDS))
        STEMS.write_text(json.dumps({
            "stop_words": sorted(english.STOP_WORDS),
            "stems": [[word, english.stem(word)] for word in words],
            "tokens": [[text, english.tokens(text)] for text in TEXTS],
        }, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    fixture = json.loads(STEMS.read_text(encoding="utf-8"))
    assert fixture["stop_words"] == sorted(english.STOP_WORDS)
    assert len(fixture["stems"]) > 2000
    assert [[word, english.stem(word)] for word, _ in fixture["stems"]] == fixture["stems"]
    assert [[text, english.tokens(text)] for text, _ in fixture["tokens"]] == fixture["tokens"]


def test_tokens_drop_stop_words_stem_english_and_keep_korean() -> None:
    assert english.tokens("Getting a refund") == ["get", "refund"]
    assert english.tokens("Deleting your account") == ["delet", "account"]
    assert english.tokens("the and of it's") == []
    assert english.tokens("customer's refunds") == ["custom", "refund"]
    # Korean inside an English page: the Korean pipeline's terms
    assert english.tokens("카카오톡을 다크 모드로") == korean.tokens("카카오톡을 다크 모드로")
    assert english.stem("key") == "key" and english.stem("fly") == "fli"  # lunr.js's step 1c


def test_analyzer_language_follows_the_build_language() -> None:
    assert [index.analyzer_language(code) for code in ("en", "ko", "ja")] == ["en", "ko", "ko"]


def test_fixtures_are_current(searcher: Searcher) -> None:
    entry, found = pieces.split(site_payload(DOCS, "en"), FIXTURE_PIECE_BYTES, FIXTURE_PIECE_BYTES,
                                 preload_bytes=0)
    payload = {"entry": entry, "pieces": found}
    assert entry["language"] == "en"
    assert min(len(pieces.piece_names(entry, kind)) for kind in ("terms", "docs")) > 1
    expected = [[asdict(hit) for hit in searcher.search(query, 5)] for query in DOCS["queries"]]
    assert_fixture_current(FIXTURES / "english-payload.json", payload)
    assert_fixture_current(FIXTURES / "english-expected.json", expected, indent=1)
    # the pieced form reads back as the same searcher
    assert Searcher(pieces.join(entry, found)).search("refund", 5) == searcher.search("refund", 5)


@pytest.mark.parametrize(("query", "page"), [
    ("refund", "billing/refunds/"),  # the page says refunds
    ("delete account", "account/delete/"),  # the page says deleting
    ("deleting my account", "account/delete/"),
    ("cancel membership", "account/delete/"),  # a synonym group of the site
    ("passcode", "account/password/"),
    ("refu", "billing/refunds/"),  # still typing
    ("deletin", "account/delete/"),  # typed past the stem
    ("refnd", "billing/refunds/"),  # one letter off
    ("pasword", "account/password/"),
    ("money back", "billing/refunds/"),
    ("다크 모드", "settings/dark-mode/"),  # Korean inside an English page
    ("kakaopay", "billing/payment-failed/"),
    ("2fa", "account/password/"),
    ("payment failed", "billing/payment-failed/"),
])
def test_finds_the_right_page_first(searcher: Searcher, query: str, page: str) -> None:
    assert searcher.search(query, 5)[0].location == page


@pytest.mark.parametrize("query", ["the", "how do i", "it's", "and or but", "what is this"])
def test_stop_words_alone_find_nothing(searcher: Searcher, query: str) -> None:
    assert searcher.search(query, 5) == []


def test_plan_never_uses_unknown_terms(searcher: Searcher) -> None:
    for query in DOCS["queries"]:
        assert set(searcher.plan(query)) <= searcher.known


def test_a_korean_index_is_untouched_by_english_rules() -> None:
    """The same pages through the Korean pipeline: English words unstemmed, as before."""
    docs = []
    for page in DOCS["pages"]:
        info = PageInfo(src_uri=page["location"], title=page["title"], summary=page["summary"])
        docs += index.page_documents(page["location"], info, f"<p>{escape(page['summary'])}</p>", None)
    payload = index.make_payload(docs, [])
    assert payload["language"] == "ko"
    assert "deleting" in payload["index"]["terms"] and "delet" not in payload["index"]["terms"]
    assert pieces.split(payload)[0]["language"] == "ko"
