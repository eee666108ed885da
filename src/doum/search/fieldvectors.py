"""The packed index (lunrpack's form): lunr's field vectors, computed directly.

lunr.py's Builder makes the same numbers on the way to a whole lunr index: a Token and a deep
copy of its metadata for every word of every field, an inverted index with per-document entries,
and a serialized copy of it all, of which doum keeps only the vectors (lunrpack.pack). Here each
score is the same float from the same operations in the same order (lunr/builder.py
_create_field_vectors, lunr/idf.py), so the packed index is the one lunr's builder gives, at a
fraction of the build time (tests/search/test_field_vectors.py holds the two equal).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from lunr import __TARGET_JS_VERSION__ as LUNR_VERSION

from doum.search.lunrpack import SCORE_DIGITS

K1 = 1.2  # lunr's BM25 defaults (Builder.k1, Builder.b), which doum keeps
B = 0.75
LUNR_PRECISION = 3  # lunr rounds each score to three digits before the packed form's one


class Indexable(Protocol):
    fields: Mapping[str, Sequence[str]]  # field → the document's index terms, in order
    boost: float


def packed_index(docs: Sequence[Indexable], field_boosts: Mapping[str, float]) -> dict[str, Any]:
    """{version, fields, terms (sorted), vectors: [["field/doc", [term gap, score, …]], …]}, the
    documents numbered in order, as lunrpack.pack(lunr Builder's index.serialize()) has them."""
    fields = list(field_boosts)
    # per document, per field: how often each term occurs, and how many terms the field has
    frequencies = [[Counter(str(term).lower() for term in doc.fields.get(name, [])) for name in fields]
                   for doc in docs]
    lengths = [[len(doc.fields.get(name, [])) for name in fields] for doc in docs]
    # lunr's idf counts a document once per field that holds the term
    holders: Counter[str] = Counter()
    for by_field in frequencies:
        for counts in by_field:
            holders.update(counts.keys())
    terms = sorted(holders)
    position = {term: i for i, term in enumerate(terms)}
    count = len(docs)
    averages = [sum(row[slot] for row in lengths) / count if count else 0 for slot in range(len(fields))]
    idf = {term: math.log(1 + abs((count - n + 0.5) / (n + 0.5))) for term, n in holders.items()}
    vectors = []
    for ref, (doc, by_field) in enumerate(zip(docs, frequencies)):
        for slot, (name, counts) in enumerate(zip(fields, by_field)):
            if not counts:
                continue  # an empty field matches nothing (lunrpack.pack leaves it out)
            norm = K1 * (1 - B + B * (lengths[ref][slot] / averages[slot]))
            pairs = []
            for term, tf in counts.items():
                score = idf[term] * ((K1 + 1) * tf) / (norm + tf)
                score *= field_boosts[name]
                score *= doc.boost
                pairs.append((position[term], round(round(score, LUNR_PRECISION), SCORE_DIGITS)))
            pairs.sort()
            flat: list[Any] = []
            previous = 0
            for index, score in pairs:
                flat += [index - previous, score]
                previous = index
            vectors.append([f"{name}/{ref}", flat])
    return {"version": LUNR_VERSION, "fields": fields, "terms": terms, "vectors": vectors}
