"""The Python half of the Korean pipeline against the fixtures tests/search/korean.test.mjs also checks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

import pytest

from doum.search import korean

FIXTURES = Path(__file__).parent / "fixtures"
CASES = json.loads((FIXTURES / "pipeline.json").read_text(encoding="utf-8"))
CORPUS = json.loads((FIXTURES / "corpus-tokens.json").read_text(encoding="utf-8"))

FUNCTIONS: dict[str, Callable[[Any], Any]] = {
    "normalize": korean.normalize,
    "words": korean.words,
    "stem": korean.stem,
    "tokens": korean.tokens,
    "chosung": korean.chosung,
    "is_chosung_word": korean.is_chosung_word,
    "decompose": korean.decompose,
    "compose": korean.compose,
    "from_qwerty": korean.from_qwerty,
    "jamo_distance": lambda pair: korean.jamo_distance(*pair),
}


@pytest.mark.parametrize(
    ("name", "given", "expected"),
    [(name, given, expected) for name, cases in CASES.items() if not name.startswith("_")
     for given, expected in cases],
)
def test_pipeline_fixture(name: str, given: Any, expected: Any) -> None:
    assert FUNCTIONS[name](given) == expected


def test_every_fixture_function_is_checked() -> None:
    assert {name for name in CASES if not name.startswith("_")} == set(FUNCTIONS)


def test_corpus_tokens_match_the_shared_fixture() -> None:
    """Real help-center sentences: the browser must cut them into the very same terms."""
    for text, expected in CORPUS["cases"]:
        assert korean.tokens(text) == expected, text


def test_short_words_are_never_stripped_below_two_syllables() -> None:
    for word in ["사이", "추가", "나이", "회의", "결과", "기기"]:
        assert korean.stem(word) == word


def test_qwerty_round_trip_of_every_syllable_shape() -> None:
    keys = {jamo: key for key, jamo in korean.QWERTY.items()}  # shifted keys (ㄲ ㅆ …) excluded
    for word in ["닭갈비", "없어요", "괜찮아", "읽기", "뷁", "의사"]:
        typed = "".join(keys[j] for ch in word for j in korean.decompose(ch))
        assert korean.from_qwerty(typed) == word


def test_shift_in_english_mode_types_doubled_consonants() -> None:
    assert korean.typed_words("flqb Tmrl") == ["flqb", "Tmrl"]
    assert korean.from_qwerty("Tmrl") == "쓰기" and korean.from_qwerty("tmrl") == "스기"
    assert korean.to_qwerty("쓰기") == "Tmrl"
    assert korean.typed_words("ＡＢ 탈퇴") == ["AB", "탈퇴"]
