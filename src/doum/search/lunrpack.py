"""A smaller transport form of a serialized lunr index, and how to load it back.

lunr's serialized index stores every term's postings twice: in the inverted index (with an
entry for every field, empty or not) and again in the field vectors. The packed form keeps
only the sorted term list and the field vectors (each term number written as the gap from the
previous one, scores with one decimal). `expand` rebuilds the inverted index from the
vectors, and the result loads with lunr.Index.load (lunr.js 2.3.9 and lunr.py); `load` — and
loadIndex in assets/doum/search/core.js — do the same lazily: a term's posting is built the
first time a query uses it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lunr.index import Index

from doum.search.tuning import TUNING

SCORE_DIGITS = 1  # lunr keeps 3; one ranks the same on the test queries and gzips far better
CHAMPIONS = TUNING["champions"]  # documents a term keeps per field (see expand)
NO_METADATA: dict[str, Any] = {}  # doum stores no term metadata; shared, never written to


def pack(serialized: dict[str, Any]) -> dict[str, Any]:
    terms = [term for term, _ in serialized["invertedIndex"]]  # already sorted
    position = {posting["_index"]: i for i, (_, posting) in enumerate(serialized["invertedIndex"])}
    vectors = []
    for ref, elements in serialized["fieldVectors"]:
        if not elements:
            continue  # an empty field matches nothing and is never looked up
        pairs = sorted((position[elements[i]], elements[i + 1]) for i in range(0, len(elements), 2))
        gaps = [index - previous for (index, _), previous in zip(pairs, [0] + [i for i, _ in pairs])]
        vectors.append([ref, [x for gap, (_, score) in zip(gaps, pairs)
                              for x in (gap, round(score, SCORE_DIGITS))]])
    return {"version": serialized["version"], "fields": serialized["fields"], "terms": terms,
            "vectors": vectors}


def unpack_vectors(packed: dict[str, Any]) -> list[list[Any]]:
    """Field vectors as lunr stores them: [ref, [term number, score, …]]."""
    vectors = []
    for ref, elements in packed["vectors"]:
        absolute: list[Any] = []
        index = 0
        for i in range(0, len(elements), 2):
            index += elements[i]
            absolute += [index, elements[i + 1]]
        vectors.append([ref, absolute])
    return vectors


def expand(packed: dict[str, Any]) -> dict[str, Any]:
    """The serialized index, its postings rebuilt from the field vectors.

    Each term keeps, per field, only its CHAMPIONS best-scoring documents (ties: lower
    document number first): on a large site a common word then matches hundreds of documents
    instead of tens of thousands, which keeps every query fast, while any document that could
    rank near the top for the word stays. Scores still come from the full field vectors.
    """
    vectors = unpack_vectors(packed)
    entries = _entries_by_term(packed, vectors)
    inverted = [[term, _posting(packed["fields"], i, entries[i])]
                for i, term in enumerate(packed["terms"])]
    return _serialized(packed, vectors, inverted)


def load(packed: dict[str, Any]) -> tuple[Index, list[int]]:
    """expand + lunr's Index.load, lazily (as search-core.js does): a term's posting is built
    the first time a query looks it up. Also returns how common each term is."""
    vectors = unpack_vectors(packed)
    entries = _entries_by_term(packed, vectors)
    placeholders = [[term, {"_index": i}] for i, term in enumerate(packed["terms"])]
    index = Index.load(_serialized(packed, vectors, placeholders))
    ids = {term: i for i, term in enumerate(packed["terms"])}
    index.inverted_index = _LazyPostings(lambda term: _posting(packed["fields"], ids[term],
                                                               entries[ids[term]]))
    return index, [sum(len(field) for field in term) for term in entries]


class _LazyPostings(dict):
    def __init__(self, build: Callable[[str], dict[str, Any]]) -> None:
        super().__init__()
        self.build = build

    def __missing__(self, term: str) -> dict[str, Any]:
        self[term] = posting = self.build(term)
        return posting


Entries = list[list[tuple[int, float]]]  # per field: (document number, score)


def _entries_by_term(packed: dict[str, Any], vectors: list[list[Any]]) -> list[Entries]:
    fields = packed["fields"]
    entries: list[Entries] = [[[] for _ in fields] for _ in packed["terms"]]
    for ref, elements in vectors:
        field, doc = ref.split("/", 1)
        slot = fields.index(field)
        for i in range(0, len(elements), 2):
            entries[elements[i]][slot].append((int(doc), elements[i + 1]))
    return entries


def _posting(fields: list[str], index: int, entries: Entries) -> dict[str, Any]:
    posting: dict[str, Any] = {"_index": index}
    for slot, field in enumerate(fields):
        best = sorted(entries[slot], key=lambda entry: (-entry[1], entry[0]))[:CHAMPIONS]
        posting[field] = {str(doc): NO_METADATA for doc, _ in sorted(best)}
    return posting


def _serialized(packed: dict[str, Any], vectors: list[list[Any]],
                inverted: list[list[Any]]) -> dict[str, Any]:
    return {
        "version": packed["version"],
        "fields": packed["fields"],
        "fieldVectors": vectors,
        "invertedIndex": inverted,
        "pipeline": [],
    }
