"""Grouping searches by their normalised Korean form, with the search pipeline's own rules
(src/doum/search/korean.py): NFKC and lower case, Korean typed in English mode converted
(qlalfqjsgh → 비밀번호), particles and endings stripped (비밀번호를 → 비밀번호), question and
function words dropped (어떻게, 싶어요: the search payload's `weak` list), spacing removed
(이모티콘 환불 = 이모티콘환불) — and then keys one jamo apart merged (환불/환볼/헌불).
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from collections.abc import Callable, Iterable

from doum.search import korean

FUNCTION_WORDS = korean.__file__.replace("korean.py", "function-words.ko.json")
MIN_TYPO_SLOTS = 4  # keys shorter than two full syllables are never merged by a typo


@functools.cache
def weak_words() -> frozenset[str]:
    with open(FUNCTION_WORDS, encoding="utf-8") as handle:
        words = json.load(handle)["words"]
    return frozenset(korean.normalize(word) for word in words)


def _hangul_if_typed_in_english(word: str) -> str:
    if not word.isascii() or not word.isalpha() or len(word) < 3:
        return word
    hangul = korean.from_qwerty(word)
    return hangul if all(korean.is_syllable(ch) for ch in hangul) else word


def query_words(query: str, join: Callable[[list[str]], list[str]] | None = None) -> list[str]:
    """The query's content words as stems, in order (function words dropped unless that
    leaves nothing). `join`: the searcher's join_split_words (비밀 번호 → 비밀번호)."""
    typed = [_hangul_if_typed_in_english(word) for word in korean.words(query)]
    stems = [korean.stem(word) for word in (join(typed) if join else typed)]
    weak = weak_words()
    content = [s for s in stems if s not in weak]
    return content or stems


def normal_key(query: str) -> str:
    """The normalised form: content stems joined without spaces."""
    return "".join(query_words(query))


def _digits(key: str) -> str:
    return "".join(ch if ch.isdigit() else " " for ch in key).strip()


def _slots(key: str) -> tuple[str, ...]:
    return tuple(korean._slots(key))


def merge_typos(counts: Counter[str]) -> dict[str, str]:
    """key → the key of its group: keys one jamo apart (edit distance over jamo slots) join
    the group of the most frequent one. Symmetric deletion: two keys within one edit share a
    slot sequence with at most one slot deleted, so this is linear, not quadratic."""
    parent = {key: key for key in counts}

    def find(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra == rb:
            return
        # the more frequent (then shorter, then smaller) key names the group
        keep, drop = sorted((ra, rb), key=lambda k: (-counts[k], len(k), k))
        parent[drop] = keep

    buckets: dict[tuple[str, ...], list[str]] = {}
    for key in counts:
        slots = _slots(key)
        if len(slots) < MIN_TYPO_SLOTS:
            continue
        variants = {slots} | {slots[:i] + slots[i + 1:] for i in range(len(slots))}
        for variant in variants:
            buckets.setdefault(variant, []).append(key)
    checked: set[tuple[str, str]] = set()
    for keys in buckets.values():
        for i, one in enumerate(keys):
            for other in keys[i + 1:]:
                pair = (one, other) if one < other else (other, one)
                if pair in checked:
                    continue
                checked.add(pair)
                # a typo is in the letters: 17 and 18, 305 and 1305 stay apart
                if _digits(one) == _digits(other) and korean.jamo_distance(one, other) <= 1:
                    union(one, other)
    # the group's name: its most frequent member
    groups: dict[str, list[str]] = {}
    for key in counts:
        groups.setdefault(find(key), []).append(key)
    names = {}
    for members in groups.values():
        name = min(members, key=lambda k: (-counts[k], len(k), k))
        for member in members:
            names[member] = name
    return names


def group_queries(queries: Counter[str] | Iterable[str]) -> dict[str, str]:
    """query → the name of its group (a normalised key). With a Counter of queries, the most
    searched spelling names a group."""
    weights = queries if isinstance(queries, Counter) else Counter(queries)
    keys = {query: normal_key(query) for query in weights}
    counts: Counter[str] = Counter()
    for query, key in keys.items():
        if key:
            counts[key] += weights[query]
    names = merge_typos(counts)
    return {query: names.get(key, key) for query, key in keys.items()}
