"""The query side of doum's search, for `doum search` and the tests.

assets/doum/search/core.js is the same algorithm for the browser, step for step: both read
the index a build writes (pieces.py: site/search/doum.json, its entry and pieces), turn the
customer's words into index terms the same way, run the same
programmatic lunr query (never lunr's query syntax) and rank with the same arithmetic, so
the CLI and the browser return the same list.

From words to terms (plan): each query word becomes one or more *parts* (a run-together word
or a string of initial consonants explains several words of the page), each part a few index
terms (the word, its completions, its correction, its synonyms). From terms to pages (rank):
lunr scores documents; a page's score is its best document plus a little of its others,
times the share of the query's parts the page covers (squared: a page that holds every
word beats one that repeats one word), times one plus the share its title and keywords
cover. Question and function words (function-words.ko.json, carried in the payload) count
little and are never corrected. A query that finds nothing is retried with every word
within one jamo of a known word, and its pages are flagged approximate.
"""

from __future__ import annotations

import bisect
import heapq
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from doum.search import english, korean
from doum.search import lunrpack
from doum.search import pieces
from doum.search.tuning import TUNING

MAX_WORDS = TUNING["max_words"]  # a pasted paragraph is cut to its first words
MAX_WORD_CHARS = TUNING["max_word_chars"]
MAX_EXPANSIONS = TUNING["max_expansions"]  # index words tried for one prefix, 초성 or typed-ahead word
PREFIX_BOOST = TUNING["prefix_boost"]
TYPO_BOOST = TUNING["typo_boost"]
SYNONYM_BOOST = TUNING["synonym_boost"]
WEAK_WEIGHT = TUNING["weak_weight"]  # a question or function word, in the ranking and in coverage
OTHER_DOCS = TUNING["other_docs"]  # how much a page's other matching documents add to its best one
TITLE_WEIGHT = TUNING["title_weight"]  # title and keywords holding every query word: three times
COVER_FIELDS = tuple(TUNING["cover_fields"])  # fields that count for coverage (not the category's)
TITLE_FIELDS = tuple(TUNING["title_fields"])  # title (and questions) and keywords of the page itself
SCORE_SCALE = TUNING["score_scale"]  # scores compared as integers, so float noise never reorders


@dataclass
class PageHit:
    title: str
    location: str  # root-relative: "account/reset-password/"
    summary: str
    score: float
    approximate: bool = False  # found through words near the query's, not the query's own


@dataclass
class Plan:
    terms: dict[str, float]  # index term → boost
    parts: list[dict[str, float]]  # per part of the query: its terms
    weights: list[float]  # per part: 1, or WEAK_WEIGHT for a function word
    # per part: (term set, credit) — any set answers the part, the customer's own word in
    # full (1), a correction or completion by its boost, a synonym by half
    covers: list[list[tuple[tuple[str, ...], float]]]
    alternative: Plan | None = None  # the second-best split of a run-together word
    title_only: list[bool] | None = None  # per part: only a title or keywords answer it


class Searcher:
    def __init__(self, payload: dict[str, Any]) -> None:
        # The index's analyzer: an English index (english.py) stems Latin words and has no stop
        # words; Hangul words and everything Korean-specific go through korean.py either way.
        self.english = payload.get("language") == english.LANGUAGE
        self.text = english if self.english else korean
        self.index, self.entry_counts = lunrpack.load(payload["index"])
        self.docs: list[list[str]] = payload["docs"]
        self.synonyms: list[list[list[str]]] = payload["synonyms"]
        self.weak = set(payload.get("weak", []))
        self.negation = set(payload.get("negation", []))
        self.negation_adverbs = {word for word in self.negation if len(word) == 1}  # 안, 못
        self.failure = [t for t in payload.get("failure", []) if t in set(payload["index"]["terms"])]
        self.phrases: list[list[str]] = payload.get("phrases", [])
        self.vocab: list[str] = payload["index"]["terms"]  # sorted by code point
        self.known = set(self.vocab)
        self.term_ids = {term: i for i, term in enumerate(self.vocab)}
        self.thesaurus_words = {m[0] for g in self.synonyms for m in g if len(m) == 1}
        self.groups_by_term: dict[str, list[int]] = {}  # a member's first word → its groups
        for g, group in enumerate(self.synonyms):
            for member in group:
                found = self.groups_by_term.setdefault(member[0], []) if member else []
                if g not in found:
                    found.append(g)
        # a one-word member → the group's other one-word members (환급 → 환불, 리펀드 …)
        self.word_synonyms: dict[str, set[str]] = {}
        for group in self.synonyms:
            words = {m[0] for m in group if len(m) == 1}
            for word in words:
                self.word_synonyms.setdefault(word, set()).update(words - {word})
        self.page_of = [doc[0].split("#")[0] for doc in self.docs]
        self.page_docs = {doc[0]: doc for doc in self.docs if "#" not in doc[0]}
        self._packed = payload["index"]
        self._by_length: dict[int, list[str]] | None = None
        self._chosungs: dict[str, list[str]] | None = None
        self._titles: dict[int, set[int]] | None = None
        self._phrase_codes: dict[str, list[str]] | None = None
        self._second: Any = None
        self._typed: dict[str, str] = {}
        self._vectors: dict[int, Any] = {}
        self._postings: dict[str, tuple[int, list[list[int]]]] = {}
        self.own = ["#" not in doc[0] for doc in self.docs]
        self.memo: dict[Any, Any] | None = None  # plan → pages, when a report turns it on

    @classmethod
    def from_site(cls, site_dir: str | Path) -> Searcher:
        """The index of a built site: manifest → entry → pieces."""
        return cls(pieces.read_payload(site_dir))

    # -- from words to weighted index terms -------------------------------------------------

    def plan(self, query: str) -> dict[str, float]:
        """Index terms to look up, with their boosts."""
        return self.analyze(query).terms

    def query_words(self, query: str) -> list[str]:
        words = [w[:MAX_WORD_CHARS] for w in self.text.words(query)[:MAX_WORDS]]
        if self.english:  # stop words are not in the index: never looked up, completed or corrected
            words = [w for w in words if not english.is_stop_word(w)]
        return words

    def analyze(self, query: str) -> Plan:
        words = self.query_words(query)
        typed = words if self.english else [w[:MAX_WORD_CHARS]
                                            for w in korean.typed_words(query)[:MAX_WORDS]]
        self._typed = dict(zip(words, typed))  # Shift matters for English-mode keys
        if not self.english:
            words = [part for word in words for part in self.detach(word)]
        units = self.join_split_words(words)
        resolved = []
        alternative_at = -1
        for i, unit in enumerate(units):
            parts, second = self.unit_parts(unit)
            resolved.append(parts)
            if second is not None and alternative_at < 0:
                alternative_at, alternative = i, second
        plan = self.make_plan(units, resolved)
        if alternative_at >= 0:
            resolved[alternative_at] = alternative
            plan.alternative = self.make_plan(units, resolved)
        return plan

    def unit_parts(self, unit: str) -> tuple[list[list[tuple[str, float]]], Any]:
        """A query word's parts, and the parts of its second-best split (or None)."""
        stem = self.text.stem(unit)
        if stem in self.known:
            return [[(stem, 1.0)]], None
        if self.is_weak(unit):
            return [], None  # never corrected or completed
        if stem in self.thesaurus_words:
            return [[(stem, 0.0)]], None  # a word only the thesaurus knows: its synonyms
        self._second = None
        parts = self.resolve(unit)
        return parts, self._second

    def make_plan(self, units: list[str], resolved: list[list[list[tuple[str, float]]]]) -> Plan:
        parts: list[dict[str, float]] = []
        weights: list[float] = []
        unit_of: list[int] = []
        chosung: list[int] = []  # parts spelled by initial consonants
        for i, (unit, unit_parts) in enumerate(zip(units, resolved)):
            weight = WEAK_WEIGHT if self.is_weak(unit) else 1.0
            for found in unit_parts:
                if korean.is_chosung_word(unit):
                    chosung.append(len(parts))
                part: dict[str, float] = {}
                for term, boost in found:
                    _add(part, term, boost)
                parts.append(part)
                weights.append(weight)
                unit_of.append(i)
        self.rank_chosung_candidates(parts, chosung)
        stems = [self.text.stem(unit) for unit in units]
        flat = [(term, p) for p, part in enumerate(parts) for term in part]
        covers: list[list[tuple[tuple[str, ...], float]]] = [
            [((t,), min(1.0, b)) for t, b in part.items()] for part in parts]
        # Synonyms compose (_composed): per part, the one-word synonyms of the word the customer
        # wrote, not of guesses at it (corrections, initial consonants).
        own = [set(part) for part in parts]  # before the groups below add to the parts
        written = [self.word_synonyms.get(stems[unit_of[p]], set()) for p in range(len(parts))]
        present = set(stems) | {term for term, _ in flat} | set().union(*written)
        for g in sorted({g for term in present for g in self.groups_by_term.get(term, ())}):
            group = self.synonyms[g]
            hit: list[int] = []
            for member in group:
                for start in _find(stems, member):
                    hit += [p for p, u in enumerate(unit_of) if start <= u < start + len(member)]
                for start in _find([t for t, _ in flat], member):
                    hit += [p for _, p in flat[start : start + len(member)]]
                for start in _composed(member, own, written):
                    hit += range(start, start + len(member))
            for p in dict.fromkeys(hit):
                # A word the site does not use is looked up through its synonyms alone: a
                # phrase's words then count in full, else they share the synonym's weight.
                stand_in = any(term not in self.known for term in parts[p])
                for member in group:
                    for term in member:
                        if term in self.known:
                            _add(parts[p], term, SYNONYM_BOOST / (1 if stand_in else len(member)))
                    # a phrase answers the part only with all its words
                    if all(term in self.known for term in member):
                        covers[p].append((tuple(member), 1.0 if stand_in else SYNONYM_BOOST))
        for part in parts:  # a word only the thesaurus knows is not looked up itself
            for term in [t for t in part if t not in self.known]:
                del part[term]
        keep = [p for p, part in enumerate(parts) if part]
        if any(weights[p] == 1 for p in keep):  # content words: the function words drop out
            keep = [p for p in keep if weights[p] == 1]
        terms: dict[str, float] = {}
        for p in keep:
            for term, boost in parts[p].items():
                _add(terms, term, boost * weights[p])
        plan = Plan(terms, [parts[p] for p in keep], [weights[p] for p in keep],
                    [[c for c in dict.fromkeys(covers[p]) if all(t in self.known for t in c[0])]
                     for p in keep])
        plan.title_only = [False] * len(plan.parts)
        # the sentence's final predicate is negated (…안 열려요, …안됨), not one on the way
        # (안 하고, 안 오게 해 주세요)
        negated = any(unit in self.negation or self.text.stem(unit) in self.negation
                      for unit in units[-2:])
        if negated and self.failure and any(w == 1 for w in plan.weights):
            # 안 열려요: something fails; a page about a failure says so in its title
            failing = {term: SYNONYM_BOOST for term in self.failure}
            plan.parts.append(failing)
            plan.weights.append(1.0)
            plan.covers.append([((term,), 1.0) for term in failing])
            plan.title_only.append(True)
            for term, boost in failing.items():
                _add(plan.terms, term, boost)
        return plan

    def is_weak(self, word: str) -> bool:
        return word in self.weak or self.text.stem(word) in self.weak

    def detach(self, word: str) -> list[str]:
        """A word typed together that Korean spacing writes apart, apart again: a native numeral
        and its unit noun (두번됨 → 두 번 됨, 몇개 → 몇 개), and the negation adverbs 안 and 못
        before a predicate (안와 → 안 와, 못받음 → 못 받음). Never a word the site knows, one
        that starts with a word the site knows (안내문: 안내) or that may be the start of one
        (안드로 → 안드로이드), nor a function or thesaurus word."""
        if len(word) < 2 or not _hangul(word):
            return [word]
        numeral = next((n for n in korean.NUMERALS if word.startswith(n)), "")
        counter = next((c for c in korean.COUNTERS if word.startswith(c, len(numeral))), "") if numeral else ""
        if numeral and counter:
            rest = word[len(numeral) + len(counter):]
            parts = [numeral, counter, *([rest] if rest else [])]
        elif word[0] in self.negation_adverbs:
            parts = [word[0], word[1:]]
        else:
            return [word]
        stem = self.text.stem(word)
        if (word in self.negation or stem in self.negation or self.is_weak(word)
                or stem in self.thesaurus_words
                or any(stem[:end] in self.known for end in range(2, len(stem) + 1))
                or self.prefixed(stem)):
            return [word]
        return parts

    def join_split_words(self, words: list[str]) -> list[str]:
        """비밀 번호 → 비밀번호, when the joined word is known and a part alone is not."""
        units: list[str] = []
        i = 0
        while i < len(words):
            if i + 1 < len(words) and _hangul(words[i]) and _hangul(words[i + 1]):
                joined = words[i] + words[i + 1]
                both_known = (self.text.stem(words[i]) in self.known
                              and self.text.stem(words[i + 1]) in self.known)
                if self.text.stem(joined) in self.known and not both_known:
                    units.append(joined)
                    i += 2
                    continue
            units.append(words[i])
            i += 1
        return units

    def resolve(self, word: str) -> list[list[tuple[str, float]]]:
        stem = self.text.stem(word)
        if stem in self.known:
            return [[(stem, 1.0)]]
        if any(korean.is_latin(ch) for ch in word):
            return self.resolve_english(word) if self.english else self.resolve_latin(word)
        return self.resolve_hangul(word)

    def resolve_english(self, word: str) -> list[list[tuple[str, float]]]:
        """An English word the index does not hold: a word still being typed (refu → refund,
        deletin → delet, the stem of deleting), else the known word one letter away (refnd →
        refund). Never read as Korean typed in English mode: this is an English site."""
        if len(word) >= 3:
            expansions = self.prefixed(word) or self.prefixed(self.text.stem(word))
            if not expansions:  # typed past a stem: deletin holds delet
                expansions = [word[:end] for end in range(len(word) - 1, max(3, len(word) - 4), -1)
                              if word[:end] in self.known][:1]
            if expansions:
                return [[(term, PREFIX_BOOST) for term in expansions]]
        fixed = self.near(self.text.stem(word)) if len(word) >= 4 else []
        return [[(fixed[0], TYPO_BOOST)]] if fixed else []

    def resolve_latin(self, word: str) -> list[list[tuple[str, float]]]:
        """Known English words first; else the word was Korean typed in English mode."""
        expansions = self.prefixed(word) if len(word) >= 3 else []
        if expansions:
            return [[(term, PREFIX_BOOST) for term in expansions]]
        hangul = korean.from_qwerty(self._typed.get(word, word))
        if all(korean.is_syllable(ch) or korean.is_digit(ch) for ch in hangul):
            return self.resolve_hangul(hangul)
        return []

    def resolve_hangul(self, word: str) -> list[list[tuple[str, float]]]:
        stem = korean.stem(word)
        if stem in self.known:
            return [[(stem, 1.0)]]
        if stem in self.thesaurus_words:
            return [[(stem, 0.0)]]
        if korean.is_chosung_word(word):
            return self.by_chosung(word)
        if not all(korean.is_syllable(ch) or korean.is_digit(ch) for ch in stem):
            return []
        splits = self.segment(stem)
        if not splits:
            return self.unsplit(stem)
        pieces, gaps = splits[0]
        if gaps:  # a typo can leave a known word inside: 비빌번호 holds 번호
            whole = self.corrected(stem)
            if whole:
                return [[(whole[0], TYPO_BOOST)]]
        if len(splits) > 1:
            self._second = self.split_parts(*splits[1])
        return self.split_parts(pieces, gaps)

    def unsplit(self, stem: str) -> list[list[tuple[str, float]]]:
        expansions = self.prefixed(stem) if len(stem) >= 2 else []
        if expansions:
            return [[(term, PREFIX_BOOST) for term in expansions]]
        fixed = self.corrected(stem)
        return [[(fixed[0], TYPO_BOOST)]] if fixed else []

    def split_parts(self, pieces: list[str], gaps: list[str]) -> list[list[tuple[str, float]]]:
        fixed = [[(t, TYPO_BOOST)] for gap in gaps for t in self.corrected(gap)]
        return [[(piece, 1.0)] for piece in pieces] + fixed

    def segment(self, word: str) -> list[tuple[list[str], list[str]]]:
        """The best two ways to read a run-together word as known words (이모티콘환불 →
        이모티콘 + 환불), with the runs of syllables left between them. Cheaper first: fewer
        syllables left over, then fewer (so longer) pieces, then rarer pieces."""
        n = len(word)
        # best[i]: up to two (cost, steps) for word[:i]; a step is a known piece or a
        # syllable left over ("" before it).
        best: list[list[tuple[tuple[int, int, int], list[tuple[str, str]]]]] = [[] for _ in range(n + 1)]
        best[0] = [((0, 0, 0), [])]
        for i in range(1, n + 1):
            options = [((cost[0] + 1, cost[1], cost[2]), steps + [("", word[i - 1])])
                       for cost, steps in best[i - 1]]
            for j in range(0, i - 1):
                piece = word[j:i]
                if piece in self.known:
                    options += [((cost[0], cost[1] + 1, cost[2] + self.df(piece)), steps + [("p", piece)])
                                for cost, steps in best[j]]
            options.sort(key=lambda option: option[0])  # stable: ties keep their order
            best[i] = options[:2]
        splits = []
        for _, steps in best[n]:
            pieces = [text for kind, text in steps if kind]
            gaps: list[str] = []
            for k, (kind, text) in enumerate(steps):
                if kind:
                    continue
                if k and not steps[k - 1][0]:
                    gaps[-1] += text
                else:
                    gaps.append(text)
            if pieces:
                splits.append((pieces, gaps))
        return splits

    def prefixed(self, prefix: str) -> list[str]:
        """Known words that start with a word still being typed (비밀 → 비밀번호)."""
        start = bisect.bisect_right(self.vocab, prefix)
        found: list[str] = []
        for term in self.vocab[start : start + 200]:
            if not term.startswith(prefix):
                break
            found.append(term)
        return self.best(found, key_length=True)

    def by_chosung(self, word: str) -> list[list[tuple[str, float]]]:
        """ㅂㅁㅂㅎ → 비밀번호: a whole word; else a keyword phrase (ㅈㅁㅊㅅ → 주문 취소);
        else the fewest known words the consonants spell one after another; else words
        the consonants begin. Candidates are ranked later (rank_chosung_candidates)."""
        chosungs = self.chosung_index()
        if word in chosungs:
            return [[(term, 1.0) for term in chosungs[word]]]
        phrase = self.phrase_codes().get(word)
        if phrase:
            return [[(term, 1.0)] for term in phrase]
        pieces = self.chosung_split(word)
        if pieces:
            return [[(term, 1.0) for term in chosungs[piece]] for piece in pieces]
        begun = [t for code, terms in chosungs.items() if len(code) > len(word)
                 and code.startswith(word) for t in terms]
        return [[(term, PREFIX_BOOST) for term in self.best(begun, key_length=True)]]

    def chosung_index(self) -> dict[str, list[str]]:
        """Initial consonants → the known Hangul words they spell."""
        if self._chosungs is None:
            self._chosungs = {}
            for term in self.vocab:
                if len(term) >= 2 and _hangul(term):
                    self._chosungs.setdefault(korean.chosung(term), []).append(term)
        return self._chosungs

    def phrase_codes(self) -> dict[str, list[str]]:
        """Initial consonants of each keyword phrase (주문 취소 → ㅈㅁㅊㅅ), first phrase kept."""
        if self._phrase_codes is None:
            self._phrase_codes = {}
            for phrase in self.phrases:
                code = "".join(korean.chosung(term) for term in phrase)
                if all(term in self.known for term in phrase):
                    self._phrase_codes.setdefault(code, phrase)
        return self._phrase_codes

    def chosung_split(self, word: str) -> list[str]:
        """ㅈㅂㄱㅈ → [ㅈㅂ, ㄱㅈ]: the fewest pieces of two or more consonants, each the
        initials of a known word; ties: longer pieces first."""
        chosungs = self.chosung_index()
        n = len(word)
        best: list[list[str] | None] = [None] * (n + 1)
        best[0] = []
        for i in range(2, n + 1):
            for j in range(0, i - 1):
                if best[j] is None or word[j:i] not in chosungs:
                    continue
                candidate = best[j] + [word[j:i]]
                if best[i] is None or len(candidate) < len(best[i]):
                    best[i] = candidate
        return best[n] or []

    def rank_chosung_candidates(self, parts: list[dict[str, float]], chosung: list[int]) -> None:
        """Among the words initial consonants can spell, keep those that explain most of the
        query: first a word that shares a title or keyword list with words of more of the
        query's other parts, then one in more titles, then a more common one. The best keeps
        its boost; the others that explain as much (MAX_EXPANSIONS in all) count less."""
        for p in chosung:
            part = parts[p]
            if len(part) <= 1:
                continue
            others = [set().union(*(self.title_docs(t) for t in other))
                      for q, other in enumerate(parts) if q != p and other]

            def key(term: str) -> tuple[int, int, int, str]:
                docs = self.title_docs(term)
                return (-sum(1 for other in others if docs & other), -len(docs), -self.df(term), term)

            ranked = sorted((key(term) for term in part))
            kept = [k[3] for k in ranked if k[0] == ranked[0][0]][:MAX_EXPANSIONS]
            boosts = {term: part[term] * (1 if i == 0 else PREFIX_BOOST) for i, term in enumerate(kept)}
            part.clear()
            part.update(boosts)

    def title_docs(self, term: str) -> set[int]:
        """Documents whose title or keywords hold the term."""
        if self._titles is None:
            self._titles = {}
            fields = [f"{name}/" for name in TITLE_FIELDS]
            for ref, elements in lunrpack.unpack_vectors(self._packed):
                if any(ref.startswith(f) for f in fields):
                    doc = int(ref.split("/", 1)[1])
                    for i in range(0, len(elements), 2):
                        self._titles.setdefault(elements[i], set()).add(doc)
        return self._titles.get(self.term_ids.get(term, -1), set())

    def corrected(self, word: str) -> list[str]:
        """The known word one jamo away (환볼 → 환불), if there is one."""
        if len(word) < 2:
            return []
        candidates = [t for t in self.same_length(len(word)) if _one_jamo_apart(word, t)]
        return self.best(candidates)[:1]

    def near(self, word: str) -> list[str]:
        """Known words within one jamo of a word (a jamo added, dropped or changed)."""
        if len(word) < 2 or self.is_weak(word):
            return []
        candidates = [t for length in (len(word) - 1, len(word), len(word) + 1)
                      for t in self.same_length(length)
                      if t != word and korean.jamo_distance(word, t) == 1]
        return self.best(candidates)

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
        return [hit for _, _, hits in self.rank(query)[0] for hit in hits]

    def rank(self, query: str, limit: int | None = None
             ) -> tuple[list[tuple[str, int, list[tuple[int, int]]]], Plan, bool]:
        """Pages best first — (page, integer score, its documents best first) — the plan
        used, and whether the pages are only approximate."""
        plan = self.analyze(query)
        pages, cover = self.rank_plan(plan, None if plan.alternative else limit)
        if plan.alternative is not None and cover < 1:
            other, other_cover = self.rank_plan(plan.alternative)
            if other_cover > cover:
                plan, pages = plan.alternative, other
        if pages or not query:
            return pages, plan, False
        approximate = self.approximate_plan(query)
        if approximate is None:
            return [], plan, False
        return self.rank_plan(approximate, limit)[0], approximate, True

    def approximate_plan(self, query: str) -> Plan | None:
        words = self.query_words(query)
        parts = []
        for word in words:
            latin = any(korean.is_latin(c) for c in word)
            hangul = korean.from_qwerty(word) if latin and not self.english else word
            for candidate in dict.fromkeys([self.text.stem(word), word, korean.stem(hangul)]):
                found = self.near(candidate)
                if found:
                    parts.append({term: TYPO_BOOST for term in found})
                    break
        if not parts:
            return None
        terms: dict[str, float] = {}
        for part in parts:
            for term, boost in part.items():
                _add(terms, term, boost)
        return Plan(terms, parts, [1.0] * len(parts), [[((t,), 1.0) for t in part] for part in parts])

    def rank_plan(self, plan: Plan, limit: int | None = None
                  ) -> tuple[list[tuple[str, int, list[tuple[int, int]]]], float]:
        """Pages for a plan, best first, and the best coverage any page reached."""
        if not plan.terms:
            return [], 0.0
        if self.memo is not None:  # reports run many queries that come down to one plan
            key = (tuple(plan.terms.items()), tuple(map(tuple, plan.covers)), tuple(plan.weights),
                   tuple(plan.title_only or ()), limit)
            if key not in self.memo:
                self.memo[key] = self.rank_terms(plan, limit)
            return self.memo[key]
        return self.rank_terms(plan, limit)

    def rank_terms(self, plan: Plan, limit: int | None = None
                   ) -> tuple[list[tuple[str, int, list[tuple[int, int]]]], float]:
        """Pages best first. With a limit, only pages that can still reach the first `limit`
        are scored in full (a page scores at most three times its base), so the first
        `limit` are exact while the rest of the list is left out; the coverage returned is
        then only over the pages scored."""
        scores, covered, titled = self.lunr_query(plan.terms)
        by_page: dict[str, list[tuple[int, int]]] = {}
        for ref, score in scores.items():
            by_page.setdefault(self.page_of[ref], []).append((ref, math.floor(score * SCORE_SCALE + 0.5)))
        total = sum(plan.weights)
        answers = _answers(plan)
        none: set[str] = set()
        entries = []
        for page, hits in by_page.items():
            hits.sort(key=lambda hit: (-hit[1], hit[0]))
            rest = sum(score for _, score in hits[1:])
            entries.append((page, hits[0][1] + OTHER_DOCS * min(rest, hits[0][1]), hits))
        if limit is not None:
            entries.sort(key=lambda entry: -entry[1])
        pages = []
        best: list[int] = []  # the `limit` best scores so far (a min-heap)
        best_cover = 0.0
        for page, base, hits in entries:
            if limit is not None and len(best) >= limit and \
                    math.floor(base * (1 + TITLE_WEIGHT) * 1.000001 + 0.5) < best[0]:
                break
            in_title = titled.get(page, none)
            cover = _share(plan, answers, covered.get(page, none), in_title) / total
            title = _share(plan, answers, in_title, in_title) / total
            best_cover = max(best_cover, cover)
            score = math.floor(base * cover * (1 + TITLE_WEIGHT * title) + 0.5)
            pages.append((page, score, hits))
            if limit is not None:
                if len(best) < limit:
                    heapq.heappush(best, score)
                elif score > best[0]:
                    heapq.heapreplace(best, score)
        pages.sort(key=lambda p: (-p[1], p[2][0][0]))
        return pages, best_cover

    def lunr_query(self, terms: dict[str, float]) -> tuple[dict[int, float], dict[str, set[str]],
                                                          dict[str, set[str]]]:
        """lunr's Index.query for a list of optional term clauses, number for number (the
        same vectors, the same order of additions), without its per-match bookkeeping.
        Returns each matching document's score, and per page the terms its documents
        matched in coverage fields and in its own document's title fields."""
        fields = self.index.fields
        count = len(fields)
        query_vectors: list[dict[int, float]] = [{} for _ in fields]
        matched: dict[int, list[str]] = {}  # doc × fields + field slot → terms, first seen first
        numbers: dict[str, int] = {}
        # Terms whose posting was cut to its best CHAMPIONS documents: a document outside the
        # posting may still hold the term, and lunr's dot product then counts it too.
        cut: list[list[int]] = [[] for _ in fields]
        for term, boost in terms.items():
            index, docs_by_slot = self.posting_docs(term)
            numbers[term] = index
            for slot in range(count):
                vector = query_vectors[slot]
                vector[index] = vector[index] + boost if index in vector else boost
                if len(docs_by_slot[slot]) >= lunrpack.CHAMPIONS:
                    cut[slot].append(index)
                for doc in docs_by_slot[slot]:
                    key = doc * count + slot
                    found = matched.get(key)
                    if found is None:
                        matched[key] = [term]
                    else:
                        found.append(term)
        ordered = [sorted(vector.items()) for vector in query_vectors]
        magnitudes = []
        for items in ordered:
            total = 0
            for _, value in items:
                total += value * value
            magnitudes.append(math.sqrt(total))
        cover_slots = {i for i, name in enumerate(fields) if name in COVER_FIELDS}
        title_slots = {i for i, name in enumerate(fields) if name in TITLE_FIELDS}
        scores: dict[int, float] = {}
        covered: dict[str, set[str]] = {}
        titled: dict[str, set[str]] = {}
        for key, found in matched.items():
            doc, slot = divmod(key, count)
            elements, items, magnitude = self.field_vector(key, fields[slot], doc)
            query = query_vectors[slot]
            if magnitudes[slot] == 0 or magnitude == 0:
                score = 0
            else:
                # the shared terms, in term order as lunr's Vector.dot adds them
                shared = [numbers[term] for term in found]
                shared += [i for i in cut[slot] if i in elements and i not in shared]
                shared.sort()
                dot = 0
                for index in shared:
                    dot += query[index] * elements[index]
                score = dot / magnitudes[slot]
            scores[doc] = scores[doc] + score if doc in scores else score
            if slot in cover_slots:
                covered.setdefault(self.page_of[doc], set()).update(found)
            if slot in title_slots and self.own[doc]:
                titled.setdefault(self.page_of[doc], set()).update(found)
        return scores, covered, titled

    def posting_docs(self, term: str) -> tuple[int, list[list[int]]]:
        """A term's number and, per field, the documents its posting lists (in order)."""
        cached = self._postings.get(term)
        if cached is None:
            posting = self.index.inverted_index[term]
            cached = (posting["_index"], [[int(doc) for doc in posting[name]] for name in self.index.fields])
            self._postings[term] = cached
        return cached

    def field_vector(self, key: int, field: str, doc: int) -> tuple[dict[int, float], list[tuple[int, float]], float]:
        cached = self._vectors.get(key)
        if cached is None:
            vector = self.index.field_vectors[f"{field}/{doc}"]
            e = vector.elements
            items = [(e[i], e[i + 1]) for i in range(0, len(e), 2)]
            cached = (dict(items), items, vector.magnitude)
            self._vectors[key] = cached
        return cached

    def search(self, query: str, limit: int = 5) -> list[PageHit]:
        """Pages, each scored from its own document and its sections together."""
        pages, _, approximate = self.rank(query, limit)
        return [
            PageHit(title=self.page_docs[page][1], location=page, summary=self.page_docs[page][2],
                    score=score / SCORE_SCALE, approximate=approximate)
            for page, score, _ in pages[:limit]
        ]


Answers = dict[str, list[tuple[int, tuple[str, ...], float]]]


def _answers(plan: Plan) -> Answers:
    """For each term, the parts it helps answer: (part, the words that must all be there,
    the credit)."""
    by_first: Answers = {}
    for p, sets in enumerate(plan.covers):
        for words, credit in sets:
            by_first.setdefault(words[0], []).append((p, words, credit))
    return by_first


def _share(plan: Plan, answers: Answers, terms: set[str], title: set[str]) -> float:
    """The weight of the plan's parts these terms answer, each by its best credit (added in
    part order); a title-only part only by the title's terms."""
    answered: dict[int, float] = {}
    title_only = plan.title_only or [False] * len(plan.parts)
    for term in terms:
        for p, words, credit in answers.get(term, ()):
            among = title if title_only[p] else terms
            if credit > answered.get(p, 0) and all(t in among for t in words):
                answered[p] = credit
    return sum(plan.weights[p] * answered[p] for p in sorted(answered))


def _add(terms: dict[str, float], term: str, boost: float) -> None:
    terms[term] = max(terms.get(term, 0.0), boost)


def _distinct(options: list) -> list:
    seen, out = set(), []
    for option in options:
        key = (tuple(option[1]), tuple(option[2]))
        if key not in seen:
            seen.add(key)
            out.append(option)
    return out


def _hangul(word: str) -> bool:
    return all(korean.is_syllable(ch) for ch in word)


def _find(sequence: list[str], run: list[str]) -> list[int]:
    n = len(run)
    return [i for i in range(len(sequence) - n + 1) if n and sequence[i : i + n] == run]


def _composed(member: list[str], own: list[set[str]], written: list[set[str]]) -> list[int]:
    """Where a phrase of several words is read in consecutive parts through a one-word synonym
    of what the customer wrote for at least one of its words (환급 언제 → 환불 언제)."""
    n = len(member)
    if n < 2:
        return []
    return [start for start in range(len(own) - n + 1)
            if all(word in own[start + k] or word in written[start + k]
                   for k, word in enumerate(member))
            and any(word not in own[start + k] for k, word in enumerate(member))]


def _one_jamo_apart(a: str, b: str) -> bool:
    """Same length, one syllable differs, and that by one jamo."""
    differing = [(x, y) for x, y in zip(a, b) if x != y]
    return len(differing) == 1 and korean.jamo_distance(*differing[0]) == 1
