"""A lossless, smaller transport form of a serialized lunr index (assets/doum/search-core.js
has the same `expand`).

lunr's serialized index stores every term's postings twice: in the inverted index (with an
entry for every field, empty or not) and again in the field vectors. The packed form keeps
only the sorted term list and the field vectors (each term number written as the gap from the
previous one, scores with two decimals); `expand` rebuilds the inverted index from the vectors, and the result loads with lunr.Index.load (lunr.js 2.3.9 and lunr.py).
search-core.js does the same, lazily: a term's posting is built the first time a query uses it.
"""

from __future__ import annotations

from typing import Any

SCORE_DIGITS = 2  # lunr keeps 3; two are plenty to rank and shrink the download
CHAMPIONS = 300  # documents a term keeps per field (see expand)
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


def expand(packed: dict[str, Any], champions: int = CHAMPIONS) -> dict[str, Any]:
    """The serialized index, its postings rebuilt from the field vectors.

    Each term keeps, per field, only its `champions` best-scoring documents (ties: lower
    document number first): on a large site a common word then matches hundreds of documents
    instead of tens of thousands, which keeps every query fast, while any document that could
    rank near the top for the word stays. Scores still come from the full field vectors.
    """
    fields = packed["fields"]
    vectors = unpack_vectors(packed)
    entries: list[list[list[tuple[int, float]]]] = [[[] for _ in fields] for _ in packed["terms"]]
    for ref, elements in vectors:
        field, doc = ref.split("/", 1)
        slot = fields.index(field)
        for i in range(0, len(elements), 2):
            entries[elements[i]][slot].append((int(doc), elements[i + 1]))
    inverted = []
    for index, term in enumerate(packed["terms"]):
        posting: dict[str, Any] = {"_index": index}
        for slot, field in enumerate(fields):
            best = sorted(entries[index][slot], key=lambda entry: (-entry[1], entry[0]))[:champions]
            posting[field] = {str(doc): NO_METADATA for doc, _ in sorted(best)}
        inverted.append([term, posting])
    return {
        "version": packed["version"],
        "fields": fields,
        "fieldVectors": vectors,
        "invertedIndex": inverted,
        "pipeline": [],
    }


def entry_counts(packed: dict[str, Any]) -> list[int]:
    """How many (field, document) pairs hold each term: how common a word is."""
    counts = [0] * len(packed["terms"])
    for _, elements in unpack_vectors(packed):
        for i in range(0, len(elements), 2):
            counts[elements[i]] += 1
    return counts
