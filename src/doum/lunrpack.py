"""A lossless, smaller transport form of a serialized lunr index (assets/doum/search-core.js
has the same `expand`).

lunr's serialized index stores every term's postings twice: in the inverted index (with an
entry for every field, empty or not) and again in the field vectors. The packed form keeps
only the sorted term list and the field vectors; `expand` rebuilds the inverted index from
the vectors, and the result loads with lunr.Index.load (lunr.js 2.3.9 and lunr.py).
"""

from __future__ import annotations

from typing import Any

SCORE_DIGITS = 2  # lunr keeps 3; two are plenty to rank and shrink the download


def pack(serialized: dict[str, Any]) -> dict[str, Any]:
    terms = [term for term, _ in serialized["invertedIndex"]]  # already sorted
    position = {posting["_index"]: i for i, (_, posting) in enumerate(serialized["invertedIndex"])}
    vectors = []
    for ref, elements in serialized["fieldVectors"]:
        if not elements:
            continue  # an empty field matches nothing and is never looked up
        pairs = sorted((position[elements[i]], elements[i + 1]) for i in range(0, len(elements), 2))
        vectors.append([ref, [x for index, score in pairs for x in (index, round(score, SCORE_DIGITS))]])
    return {"version": serialized["version"], "fields": serialized["fields"], "terms": terms,
            "vectors": vectors}


def expand(packed: dict[str, Any]) -> dict[str, Any]:
    fields = packed["fields"]
    postings: list[dict[str, Any]] = []
    for index in range(len(packed["terms"])):
        posting: dict[str, Any] = {"_index": index}
        for field in fields:
            posting[field] = {}
        postings.append(posting)
    for ref, elements in packed["vectors"]:
        field, doc = ref.split("/", 1)
        for i in range(0, len(elements), 2):
            postings[elements[i]][field][doc] = {}
    return {
        "version": packed["version"],
        "fields": fields,
        "fieldVectors": packed["vectors"],
        "invertedIndex": [[term, postings[i]] for i, term in enumerate(packed["terms"])],
        "pipeline": [],
    }
