"""doum's Korean text pipeline (build time and `doum search`).

overrides/assets/doum/search/korean.js is the same pipeline for the browser, function for function;
tests/search/fixtures/*.json are checked against both, so keep every rule here and there alike.
Only characters both sides classify the same way matter: Hangul syllables, compatibility
jamo, a-z and 0-9 (everything else separates words).
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

SYLLABLE_FIRST, SYLLABLE_LAST = 0xAC00, 0xD7A3
# The tables both twins read (korean.ko.json; the index payload carries them to korean.js).
TABLES_FILE = Path(__file__).with_name("korean.ko.json")
TABLES: dict[str, Any] = json.loads(TABLES_FILE.read_text(encoding="utf-8"))
CHO: str = TABLES["cho"]
JUNG: str = TABLES["jung"]
JONG: str = TABLES["jong"]  # index 0: no final
# Compound vowels and finals as the keys typed for them (2-beolsik order).
COMPOUND: dict[str, str] = TABLES["compound"]
JOIN = {pair: single for single, pair in COMPOUND.items()}
# NFKC turns compatibility jamo (ㅂ) into conjoining jamo (ᄇ); map them back.
CONJOINING_CHO = {chr(0x1100 + i): c for i, c in enumerate(CHO)}
CONJOINING_JUNG = {chr(0x1161 + i): v for i, v in enumerate(JUNG)}
# Korean 2-beolsik keyboard: the jamo each Latin key types. With Shift: the doubled consonants
# and ㅒ ㅖ; any other capital types its plain jamo.
QWERTY = dict(zip(TABLES["qwerty"]["keys"], TABLES["qwerty"]["jamo"]))
QWERTY.update({key.upper(): jamo for key, jamo in QWERTY.items()})
QWERTY.update(dict(zip(TABLES["qwerty"]["shifted_keys"], TABLES["qwerty"]["shifted_jamo"])))
# Suffixes stripped from the end of a word, longest first, each with where it attaches
# (TABLES["endings_note"] says what C, V, L and N mean).
ENDINGS: list[tuple[str, str]] = [(suffix, condition) for suffix, condition in TABLES["endings"]]
# The same list, looked up by a word's last syllable (order kept: longest first).
ENDINGS_BY_LAST: dict[str, list[tuple[str, str]]] = {}
for _ending in ENDINGS:
    ENDINGS_BY_LAST.setdefault(_ending[0][-1], []).append(_ending)
# Syllables a stem keeps: two after a one-syllable particle, so short words are never
# over-stripped (사이 stays), one after a longer ending (앱에서 → 앱).
MIN_STEM: int = TABLES["min_stem"]
MIN_STEM_LONG_SUFFIX: int = TABLES["min_stem_long_suffix"]
# A native numeral and the unit noun after it, written apart and often typed together (두번);
# longest first (TABLES["spacing_about"]).
NUMERALS: list[str] = sorted(TABLES["numerals"], key=len, reverse=True)
COUNTERS: list[str] = sorted(TABLES["counters"], key=len, reverse=True)
MAX_STRIPS: int = TABLES["max_strips"]


# NFKC's conjoining jamo back to compatibility jamo (CONJOINING_CHO, CONJOINING_JUNG), for str.translate
TO_COMPATIBILITY = str.maketrans({**CONJOINING_JUNG, **CONJOINING_CHO})


def normalize(text: str) -> str:
    """NFKC (full-width → ASCII), lower case, compatibility jamo kept as typed."""
    return unicodedata.normalize("NFKC", text).lower().translate(TO_COMPATIBILITY)


def is_syllable(ch: str) -> bool:
    return SYLLABLE_FIRST <= ord(ch) <= SYLLABLE_LAST


def is_jamo(ch: str) -> bool:
    return "ㄱ" <= ch <= "ㅣ"


def is_latin(ch: str) -> bool:
    return "a" <= ch <= "z"


def is_digit(ch: str) -> bool:
    return "0" <= ch <= "9"


def _word_pattern(latin: str) -> re.Pattern[str]:
    """A word: a run of Hangul (syllables and compatibility jamo) or of Latin letters, the digits
    in it or before it included; or a run of digits alone. Anything else separates words."""
    hangul = f"{chr(SYLLABLE_FIRST)}-{chr(SYLLABLE_LAST)}ㄱ-ㅣ"
    return re.compile(f"[0-9]*(?:[{hangul}][{hangul}0-9]*|[{latin}][{latin}0-9]*)|[0-9]+")


WORD = _word_pattern("a-z")
CASED_WORD = _word_pattern("a-zA-Z")


def split_words(text: str, cased: bool = False) -> list[str]:
    """Words of normalized text: runs of Hangul or Latin letters; digits join either side.
    cased: the text kept its capital letters (typed_words)."""
    return (CASED_WORD if cased else WORD).findall(text)


def words(text: str) -> list[str]:
    return split_words(normalize(text))


def typed_words(text: str) -> list[str]:
    """words(text) with Latin capitals as typed: with the keyboard in English mode, Shift
    types ㄲ ㄸ ㅃ ㅆ ㅉ ㅒ ㅖ (Tmrl → 쓰기). Falls back to words(text) if the two disagree."""
    lowered = words(text)
    kept = "".join(ch if "A" <= ch <= "Z" else ch.lower()
                   for ch in unicodedata.normalize("NFKC", text))
    kept = kept.translate(TO_COMPATIBILITY)
    cased = split_words(kept, cased=True)
    return cased if [w.lower() for w in cased] == lowered else lowered


def strip_once(word: str) -> str:
    for suffix, condition in ENDINGS_BY_LAST.get(word[-1:], ()):
        rest = word[: len(word) - len(suffix)]
        shortest = MIN_STEM if len(suffix) == 1 else MIN_STEM_LONG_SUFFIX
        if not word.endswith(suffix) or len(rest) < shortest or not is_syllable(rest[-1]):
            continue
        if _fits(condition, rest[-1]):
            return rest
    return word


def _fits(condition: str, syllable: str) -> bool:
    """Does a particle of this kind attach after this syllable?"""
    final = (ord(syllable) - SYLLABLE_FIRST) % 28
    rieul = JONG.index("ㄹ")
    return {
        "C": final != 0,
        "V": final == 0,
        "L": final in (0, rieul),
        "N": final not in (0, rieul),
    }.get(condition, True)


@functools.lru_cache(maxsize=1 << 16)  # a site repeats the same words over and over
def stem(word: str) -> str:
    """Strip particles and endings: 비밀번호를 → 비밀번호, 탈퇴하면 → 탈퇴."""
    for _ in range(MAX_STRIPS):
        shorter = strip_once(word)
        if shorter == word:
            break
        word = shorter
    return word


def tokens(text: str) -> list[str]:
    """Index terms of a text: normalized, split, stemmed."""
    return [stem(word) for word in words(text)]


def is_chosung_word(word: str) -> bool:
    return len(word) >= 2 and all(ch in CHO for ch in word)


def chosung(word: str) -> str:
    """Initial consonants: 비밀번호 → ㅂㅁㅂㅎ (other characters stay)."""
    return "".join(
        CHO[(ord(ch) - SYLLABLE_FIRST) // 588] if is_syllable(ch) else ch for ch in word
    )


def decompose(syllable: str) -> str:
    """A syllable as the basic jamo typed for it: 환 → ㅎㅗㅏㄴ."""
    if not is_syllable(syllable):
        return COMPOUND.get(syllable, syllable)
    code = ord(syllable) - SYLLABLE_FIRST
    parts = CHO[code // 588] + JUNG[(code % 588) // 28] + JONG[code % 28].strip()
    return "".join(COMPOUND.get(ch, ch) for ch in parts)


def compose(jamo: str) -> str:
    """Basic jamo typed in order → syllables (the 2-beolsik automaton): ㅎㅗㅏㄴ → 환."""
    out: list[str] = []
    i = 0
    while i < len(jamo):
        vowel, used = _vowel_at(jamo, i + 1)
        if jamo[i] in CHO and vowel:
            cho = jamo[i]
            i += 1 + used
            final, used = _final_at(jamo, i)
            i += used
            out.append(_syllable(cho, vowel, final))
            continue
        lone, used = _vowel_at(jamo, i)
        out.append(lone or jamo[i])
        i += used or 1
    return "".join(out)


def _vowel_at(jamo: str, i: int) -> tuple[str, int]:
    pair = jamo[i : i + 2]
    if len(pair) == 2 and pair in JOIN and JOIN[pair] in JUNG:
        return JOIN[pair], 2
    if i < len(jamo) and jamo[i] in JUNG:
        return jamo[i], 1
    return "", 0


def _final_at(jamo: str, i: int) -> tuple[str, int]:
    """The final consonant(s) at i, unless they start the next syllable."""
    def starts_syllable(k: int) -> bool:
        return k < len(jamo) and jamo[k] in CHO and bool(_vowel_at(jamo, k + 1)[0])

    pair = jamo[i : i + 2]
    if len(pair) == 2 and pair in JOIN and JOIN[pair] in JONG and not starts_syllable(i + 1):
        return JOIN[pair], 2
    if i < len(jamo) and jamo[i] in JONG.strip() and not starts_syllable(i):
        return jamo[i], 1
    return "", 0


def _syllable(cho: str, vowel: str, final: str) -> str:
    code = CHO.index(cho) * 588 + JUNG.index(vowel) * 28 + (JONG.index(final) if final else 0)
    return chr(SYLLABLE_FIRST + code)


def from_qwerty(word: str) -> str:
    """Latin keys typed with the keyboard in English mode → Hangul: qlalfqjsgh → 비밀번호."""
    return compose("".join(QWERTY.get(ch, ch) for ch in word))


def jamo_distance(a: str, b: str) -> int:
    """Levenshtein distance between two words' jamo, one per key slot of a syllable
    (initial, vowel, final; compound vowels and finals count as one): 환볼 ↔ 환불 = 1."""
    x, y = _slots(a), _slots(b)
    previous = list(range(len(y) + 1))
    for i, cx in enumerate(x, 1):
        current = [i]
        for j, cy in enumerate(y, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (cx != cy)))
        previous = current
    return previous[-1]


def _slots(word: str) -> list[str]:
    slots: list[str] = []
    for ch in word:
        if not is_syllable(ch):
            slots.append(ch)
            continue
        code = ord(ch) - SYLLABLE_FIRST
        slots += [CHO[code // 588], JUNG[(code % 588) // 28]]
        if code % 28:
            slots.append(JONG[code % 28])
    return slots


QWERTY_KEYS = {jamo: key for key, jamo in QWERTY.items() if key.islower()}
QWERTY_KEYS.update(zip(TABLES["qwerty"]["shifted_jamo"], TABLES["qwerty"]["shifted_keys"]))


def to_qwerty(text: str) -> str:
    """The keys typed for Korean text with the keyboard left in English mode (2-beolsik):
    비밀번호 → qlalfqjsgh, 쓰기 → Tmrl. The inverse of from_qwerty (used by reports)."""
    return "".join(
        "".join(QWERTY_KEYS.get(jamo, jamo) for jamo in decompose(ch)) if is_syllable(ch) or is_jamo(ch)
        else ch
        for ch in text
    )
