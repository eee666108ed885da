"""Readable folder and file names: romanised Hangul (계정 로그인 → gyejeong-rogeuin) or, with
--keep-hangul-slugs, the Hangul itself (계정-로그인)."""

from __future__ import annotations

import re
import unicodedata

from hangul_romanize import Transliter
from hangul_romanize.rule import REVISED_FINALS, REVISED_INITIALS, REVISED_VOWELS

SLUG_LIMIT = 50  # characters; long questions make long addresses
# Names doum or MkDocs use for themselves inside docs/ or a category.
RESERVED = {"index", "assets", "contact", "search", "page", "404", "sitemap"}

_RIEUL = 5  # ㄹ among the initials
_SILENT = 11  # ㅇ among the initials
# A final consonant before another consonant sounds as one of seven (Revised Romanization).
_FINAL_SOUNDS = {
    "g": "k", "kk": "k", "gs": "k", "lg": "k", "k": "k", "n": "n", "nj": "n", "nh": "n",
    "d": "t", "s": "t", "ss": "t", "j": "t", "ch": "t", "t": "t", "h": "t", "l": "l",
    "lb": "l", "ls": "l", "lt": "l", "lh": "l", "m": "m", "lm": "m", "b": "p", "bs": "p",
    "p": "p", "lp": "p", "ng": "ng", "": "",
}


def _revised(now, pre=None, post=None, **_options) -> str:  # type: ignore[no-untyped-def]
    """hangul-romanize rule: Revised Romanization as street signs spell it, without the
    academic hyphens, so 로그인 is "rogeuin" and 결제 is "gyeolje"."""
    char, syllable = now
    if syllable is None:
        return char
    before = pre[1] if pre else None
    after = post[1] if post else None
    initial = REVISED_INITIALS[syllable.initial]
    if syllable.initial == _RIEUL:
        initial = "l" if before is not None and REVISED_FINALS[before.final] == "l" else "r"
    final = REVISED_FINALS[syllable.final]
    if after is not None and after.initial == _SILENT:
        final = final.replace("l", "r") if final == "l" else final  # carried over: 물어 → mureo
    else:
        final = _FINAL_SOUNDS.get(final, final)
    return initial + REVISED_VOWELS[syllable.vowel] + final


_TRANSLITER = Transliter(_revised)


def romanize(text: str) -> str:
    return _TRANSLITER.translit(unicodedata.normalize("NFC", text))


def slugify(text: str, keep_hangul: bool = False, limit: int = SLUG_LIMIT) -> str:
    """Lower-case words joined by '-'; '' when nothing readable is left."""
    text = unicodedata.normalize("NFC", text)
    if not keep_hangul:
        text = romanize(re.sub(r"[^\w]+", " ", text))
        # é → e; what is still not ASCII (kanji, emoji) is dropped.
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[^\W_]+", text.lower())
    slug = "-".join(words)
    if len(slug) > limit:
        cut = slug.rfind("-", 0, limit + 1)
        slug = slug[: cut if cut > limit // 2 else limit].strip("-")
    return slug


def unique(slug: str, taken: set[str], fallback: str) -> str:
    """The slug, or slug-2, slug-3… when the name is taken (compared without case)."""
    slug = slug or fallback
    if slug in RESERVED:
        slug = f"{slug}-{fallback}"
    candidate, n = slug, 2
    lowered = {name.lower() for name in taken}
    while candidate.lower() in lowered:
        candidate, n = f"{slug}-{n}", n + 1
    return candidate
