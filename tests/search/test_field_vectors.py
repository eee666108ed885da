"""fieldvectors.packed_index gives the packed index lunr.py's Builder gives (lunrpack.pack of its
serialized index): the same terms, the same vectors in the same order, the same rounded scores,
on the search tests' help centers (Korean and English) and on the cases a real site has: a word
said twice, upper-case Latin, empty fields, section boosts, a site with no document at all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lunr.builder import Builder

from doum.search import documents as index
from doum.search import fieldvectors, korean, lunrpack
from search_sites import _site_docs

FIXTURES = Path(__file__).parent / "fixtures"


def lunr_packed(docs: list[index.SearchDoc]) -> dict:
    """The reference: lunr.py's own Builder, no pipeline (the analyzer made the terms)."""
    builder = Builder()
    builder.ref("id")
    for name, boost in index.FIELD_BOOSTS.items():
        builder.field(name, boost=boost)
    for ref, doc in enumerate(docs):
        builder.add({"id": str(ref), **{name: doc.fields.get(name, []) for name in index.FIELD_BOOSTS}},
                    {"boost": doc.boost})
    return lunrpack.pack(builder.build().serialize())


def doc(title: str, body: str = "", keywords: tuple[str, ...] = (), boost: float = 1) -> index.SearchDoc:
    return index.SearchDoc(location=f"{title}/", title=title, text=body, boost=boost, fields={
        "t": korean.tokens(title), "k": [t for k in keywords for t in korean.tokens(k)],
        "b": korean.tokens(body)})


@pytest.mark.parametrize("name,language", [("mini", "ko"), ("english", "en")])
def test_the_test_help_centers(name: str, language: str) -> None:
    site = json.loads((FIXTURES / f"{name}-docs.json").read_text(encoding="utf-8"))
    docs = _site_docs(site, language)
    assert docs
    assert fieldvectors.packed_index(docs, index.FIELD_BOOSTS) == lunr_packed(docs)


def test_repeats_case_empty_fields_and_boosts() -> None:
    docs = [
        doc("비밀번호 변경", "설정에서 비밀번호 변경을 눌러요. 비밀번호 비밀번호", ("비번",)),
        doc("Kakao 계정 KAKAO", "Kakao kakao KaKaO 로그인"),
        doc("빈 본문"),
        doc("섹션", "섹션은 조금 덜 세요", boost=index.SECTION_BOOST),
        index.SearchDoc(location="x/", title="", text="", boost=1, fields={"t": [], "k": [], "b": []}),
        index.SearchDoc(location="c/", title="분류", text="", boost=1,
                        fields={"t": ["분류"], "k": [], "b": [], "c": ["계정", "계정", "로그인"]}),
    ]
    assert fieldvectors.packed_index(docs, index.FIELD_BOOSTS) == lunr_packed(docs)


def test_a_site_with_no_documents() -> None:
    packed = fieldvectors.packed_index([], index.FIELD_BOOSTS)
    assert packed["terms"] == [] and packed["vectors"] == []
    assert packed["fields"] == list(index.FIELD_BOOSTS) and packed["version"] == "2.3.9"
