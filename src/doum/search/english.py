"""doum's English text pipeline (build time and `doum search`), for a site or language built
with `theme: language: en`.

overrides/assets/doum/search/english.js is the same pipeline for the browser: there lunr.js's
own `lunr.stopWordFilter` and `lunr.stemmer`, here the `lunr` package's stop words and Porter
stemmer. tests/search/fixtures/english-*.json are checked against both.

Words are cut as korean.py cuts them (runs of Latin letters or of Hangul; digits join either
side), after an apostrophe inside a word is dropped (it's → its, customer's → customers), so
Korean inside an English page is still found: a Hangul word goes through the Korean pipeline.
A Latin word is lowercased, dropped when it is a stop word, else stemmed (refunds → refund,
deleting → delet).
"""

from __future__ import annotations

import functools
import re

from lunr.stemmer import PorterStemmer
from lunr.stop_word_filter import WORDS

from doum.search import korean

LANGUAGE = "en"
STOP_WORDS: frozenset[str] = frozenset(WORDS)  # lunr.js's list, word for word
APOSTROPHE = re.compile(r"(?<=[a-z0-9])['’](?=[a-z])")


class _LunrJsStemmer(PorterStemmer):
    """The `lunr` package's Porter stemmer, with lunr.js's step 1c: y becomes i only after a
    consonant that is not the word's first letter (fly → fli, key → key, say → say), where the
    package's original rule turns it after any vowel in the stem (key → kei). Every other step
    agrees (tests/search/fixtures/english-stems.json: thousands of words, both sides)."""

    def step1c(self) -> None:
        if self.ends("y") and self.j >= 1 and self.b[self.j] not in "aeiou":
            self.b = self.b[: self.k] + "i" + self.b[self.k + 1 :]


_STEMMER = _LunrJsStemmer()


def words(text: str) -> list[str]:
    """Words of a text: normalized (NFKC, lower case) and cut as korean.words cuts them."""
    return korean.split_words(APOSTROPHE.sub("", korean.normalize(text)))


def is_stop_word(word: str) -> bool:
    return word in STOP_WORDS


@functools.lru_cache(maxsize=1 << 16)  # a site repeats the same words over and over
def stem(word: str) -> str:
    """A Latin word's Porter stem as lunr.js makes it; a Hangul word's Korean stem."""
    if any(korean.is_latin(ch) for ch in word):
        return _STEMMER.stem(word)
    return korean.stem(word)


def tokens(text: str) -> list[str]:
    """Index terms of a text: normalized, split, stop words dropped, stemmed."""
    return [stem(word) for word in words(text) if not is_stop_word(word)]
