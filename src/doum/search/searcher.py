"""The query side of doum's search, for `doum search` and the tests.

assets/doum/search/core.js is the same algorithm for the browser, step for step: both load
site/search/doum.json, turn the customer's words into index terms the same way, run the same
programmatic lunr query (never lunr's query syntax) and rank with the same arithmetic, so
the CLI and the browser return the same list.
"""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from doum.search import korean
from doum.search import lunrpack
from doum.search.documents import INDEX_FILE

MAX_WORDS = 12  # a pasted paragraph is cut to its first words
MAX_WORD_CHARS = 30
MAX_EXPANSIONS = 3  # index words tried for one prefix, initial-consonant or typed-ahead word
PREFIX_BOOST = 0.6
TYPO_BOOST = 0.8
SYNONYM_BOOST = 0.5
SCORE_SCALE = 1_000_000  # scores compared as integers, so float noise never reorders


@dataclass
class PageHit:
    title: str
    location: str  # root-relative: "account/reset-password/"
    summary: str
    score: float


class Searcher:
    def __init__(self, payload: dict[str, Any]) -> None:
        self.index, self.entry_counts = lunrpack.load(payload["index"])
        self.docs: list[list[str]] = payload["docs"]
        self.synonyms: list[list[list[str]]] = payload["synonyms"]
        self.vocab: list[str] = payload["index"]["terms"]  # sorted by code point
        self.known = set(self.vocab)
        self.term_ids = {term: i for i, term in enumerate(self.vocab)}
        self._by_length: dict[int, list[str]] | None = None
        self._chosungs: list[str] | None = None

    @classmethod
    def from_site(cls, site_dir: str | Path) -> Searcher:
        path = Path(site_dir) / INDEX_FILE
        return cls(json.loads(path.read_text(encoding="utf-8")))

    # -- from words to weighted index terms -------------------------------------------------

    def plan(self, query: str) -> dict[str, float]:
        """Index terms to look up, with their boosts."""
        words = [w[:MAX_WORD_CHARS] for w in korean.words(query)[:MAX_WORDS]]
        units = self.join_split_words(words)
        terms: dict[str, float] = {}
        resolved: list[str] = []
        for unit in units:
            for term, boost in self.resolve(unit):
                _add(terms, term, boost)
                resolved.append(term)
        stems = [korean.stem(unit) for unit in units]
        for term, boost in self.synonym_terms(stems, resolved):
            _add(terms, term, boost)
        return terms

    def join_split_words(self, words: list[str]) -> list[str]:
        """비밀 번호 → 비밀번호, when the joined word is known and a part alone is not."""
        units: list[str] = []
        i = 0
        while i < len(words):
            if i + 1 < len(words) and _hangul(words[i]) and _hangul(words[i + 1]):
                joined = words[i] + words[i + 1]
                both_known = (korean.stem(words[i]) in self.known
                              and korean.stem(words[i + 1]) in self.known)
                if korean.stem(joined) in self.known and not both_known:
                    units.append(joined)
                    i += 2
                    continue
            units.append(words[i])
            i += 1
        return units

    def resolve(self, word: str) -> list[tuple[str, float]]:
        stem = korean.stem(word)
        if stem in self.known:
            return [(stem, 1.0)]
        if any(korean.is_latin(ch) for ch in word):
            return self.resolve_latin(word)
        return self.resolve_hangul(word)

    def resolve_latin(self, word: str) -> list[tuple[str, float]]:
        """Known English words first; else the word was Korean typed in English mode."""
        expansions = self.prefixed(word) if len(word) >= 3 else []
        if expansions:
            return [(term, PREFIX_BOOST) for term in expansions]
        hangul = korean.from_qwerty(word)
        if all(korean.is_syllable(ch) or korean.is_digit(ch) for ch in hangul):
            return self.resolve_hangul(hangul)
        return []

    def resolve_hangul(self, word: str) -> list[tuple[str, float]]:
        stem = korean.stem(word)
        if stem in self.known:
            return [(stem, 1.0)]
        if korean.is_chosung_word(word):
            return self.by_chosung(word)
        if not all(korean.is_syllable(ch) or korean.is_digit(ch) for ch in stem):
            return []
        pieces, gaps = self.segment(stem)
        if gaps:  # a typo can leave a known word inside: 비빌번호 holds 번호
            whole = self.corrected(stem)
            if whole:
                return [(whole[0], TYPO_BOOST)]
        if pieces:
            fixed = [(t, TYPO_BOOST) for gap in gaps for t in self.corrected(gap)]
            return [(piece, 1.0) for piece in pieces] + fixed
        expansions = self.prefixed(stem) if len(stem) >= 2 else []
        if expansions:
            return [(term, PREFIX_BOOST) for term in expansions]
        return [(term, TYPO_BOOST) for term in self.corrected(stem)]

    def segment(self, word: str) -> tuple[list[str], list[str]]:
        """Known words inside a run-together word (이모티콘환불 → 이모티콘, 환불), and the
        runs of syllables left between them."""
        pieces: list[str] = []
        gaps: list[str] = []
        gap = ""
        i = 0
        while i < len(word):
            end = next((j for j in range(len(word), i + 1, -1) if word[i:j] in self.known), 0)
            if end:
                pieces.append(word[i:end])
                gaps, gap = (gaps + [gap] if gap else gaps), ""
                i = end
            else:
                gap += word[i]
                i += 1
        return pieces, gaps + [gap] if gap else gaps

    def prefixed(self, prefix: str) -> list[str]:
        """Known words that start with a word still being typed (비밀 → 비밀번호)."""
        start = bisect.bisect_right(self.vocab, prefix)
        found: list[str] = []
        for term in self.vocab[start : start + 200]:
            if not term.startswith(prefix):
                break
            found.append(term)
        return self.best(found, key_length=True)

    def by_chosung(self, word: str) -> list[tuple[str, float]]:
        """ㅂㅁㅂㅎ → 비밀번호: whole words first, else words the consonants begin."""
        if self._chosungs is None:
            self._chosungs = [korean.chosung(term) for term in self.vocab]
        pairs = list(zip(self.vocab, self._chosungs))
        exact = [t for t, initials in pairs if len(t) == len(word) and initials == word]
        if exact:
            return [(term, 1.0) for term in self.best(exact)]
        begun = [t for t, initials in pairs if len(t) > len(word) and initials.startswith(word)]
        return [(term, PREFIX_BOOST) for term in self.best(begun, key_length=True)]

    def corrected(self, word: str) -> list[str]:
        """The known word one jamo away (환볼 → 환불), if there is one."""
        if len(word) < 2:
            return []
        candidates = [t for t in self.same_length(len(word)) if _one_jamo_apart(word, t)]
        return self.best(candidates)[:1]

    def synonym_terms(self, stems: list[str], resolved: list[str]) -> list[tuple[str, float]]:
        """The other members of every synonym group the query mentions. A member of several
        words shares its boost among them, so one of its words alone counts for little."""
        added: list[tuple[str, float]] = []
        for group in self.synonyms:
            if not any(_contains(stems, m) or _contains(resolved, m) for m in group):
                continue
            for member in group:
                added.extend((term, SYNONYM_BOOST / len(member)) for term in member
                             if term in self.known)
        return added

    def best(self, terms: list[str], key_length: bool = False) -> list[str]:
        """The most useful few: shorter first (when asked), then in more documents."""
        ranked = sorted(terms, key=lambda t: (len(t) if key_length else 0, -self.df(t), t))
        return ranked[:MAX_EXPANSIONS]

    def df(self, term: str) -> int:
        """How common a word is: the (field, document) pairs that hold it."""
        return self.entry_counts[self.term_ids[term]]

    def same_length(self, length: int) -> list[str]:
        if self._by_length is None:
            self._by_length = {}
            for term in self.vocab:
                self._by_length.setdefault(len(term), []).append(term)
        return self._by_length.get(length, [])

    # -- ranking ----------------------------------------------------------------------------

    def search_docs(self, query: str) -> list[tuple[int, int]]:
        """(doc number, integer score) for pages and sections, best first."""
        terms = self.plan(query)
        if not terms:
            return []
        lunr_query = self.index.create_query()
        for term, boost in terms.items():
            lunr_query.term(term, use_pipeline=False, boost=boost)
        scored = [(int(r["ref"]), int(r["score"] * SCORE_SCALE + 0.5)) for r in self.index.query(lunr_query)]
        return sorted(scored, key=lambda hit: (-hit[1], hit[0]))

    def search(self, query: str, limit: int = 5) -> list[PageHit]:
        """Pages, each scored by its best document (its own or one of its sections)."""
        best: dict[str, int] = {}
        for ref, score in self.search_docs(query):
            page = self.docs[ref][0].split("#")[0]
            best.setdefault(page, score)
        page_docs = {doc[0]: doc for doc in self.docs if "#" not in doc[0]}
        return [
            PageHit(title=page_docs[page][1], location=page, summary=page_docs[page][2],
                    score=score / SCORE_SCALE)
            for page, score in list(best.items())[:limit]
        ]


def _add(terms: dict[str, float], term: str, boost: float) -> None:
    terms[term] = max(terms.get(term, 0.0), boost)


def _hangul(word: str) -> bool:
    return all(korean.is_syllable(ch) for ch in word)


def _contains(sequence: list[str], run: list[str]) -> bool:
    n = len(run)
    return n > 0 and any(sequence[i : i + n] == run for i in range(len(sequence) - n + 1))


def _one_jamo_apart(a: str, b: str) -> bool:
    """Same length, one syllable differs, and that by one jamo."""
    differing = [(x, y) for x, y in zip(a, b) if x != y]
    return len(differing) == 1 and korean.jamo_distance(*differing[0]) == 1
