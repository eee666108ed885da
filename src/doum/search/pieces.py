"""doum's search index on disk: a manifest, one entry file per language, and pieces.

    search/doum.json              the manifest (a stable name, revalidated):
                                  {"format": 3, "default": "ko", "languages": {"ko": {"entry": …}}}
    search/doum/ko.<hash>.json    the entry: what planning a query needs up front — the word
                                  list (front-coded) and how common each word is, the fields,
                                  the pages' shape, the thesaurus, phrases, function words,
                                  tuning numbers, Korean tables and the piece table
    search/doum/t.<n>.<hash>.json postings of a run of the sorted word list: per word, per
                                  field, every document and its score — the full field vectors
                                  turned around, so a query scores exactly as the whole index
                                  (per field: the document gaps, then the scores × 10, integers)
    search/doum/d.<n>.<hash>.json result rows (location, title, text) of a run of documents
                                  (a section's location only from its #: its page's row is in
                                  the same piece, just before)
    search/doum/tb.<n>.<hash>.json  the same postings and rows again in bulk pieces, each the
    search/doum/db.<n>.<hash>.json  concatenation of a run of consecutive small pieces

Names in the manifest and the entry are relative to the manifest. A piece is named by its
kind, its number and a hash of every piece of its kind: the entry's piece table is then only
the first word (document) number of each piece, a few bytes each even for 10,000 pages,
where a hash per piece would cost the entry ~10 bytes per piece.

Two sizes of piece, because a search session has two phases. The first queries want few bytes:
small pieces (PIECE_BYTES and ROW_BYTES of JSON), so a query fetches only the pieces that hold
its words and its results. A visitor who keeps searching ends up fetching most of a region of
the index, and small pieces then cost more in all (each gzipped alone, ~2.7× the bytes of the
same rows in one file) and a fetch on many keystrokes. So once a session has fetched a share
(1/BULK_SHARE) of the small pieces a bulk piece holds (BULK_BYTES), it fetches that bulk piece
instead of more small ones (core.js decides; the entry's table says how).

A small index (PRELOAD_BYTES of pieces or less, a help center of up to about a hundred pages)
is one piece of each kind, and the entry says "preload": the reader fetches both as soon as it
opens, on the visitor's first sign of intent, so the first query waits for no round trip.

`split` and `join` turn the whole payload (documents.make_payload) into this form and back,
losslessly; searcher.py reads a site through `read_payload`, assets/doum/search/core.js
through openSearcher.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path
from collections.abc import Callable
from typing import Any

from doum.search import lunrpack

FORMAT = 3  # 1 was the whole index in search/doum.json; 2 had no bulk pieces, scores as floats
MANIFEST = "search/doum.json"
FOLDER = "search/doum"  # entries and pieces, content-hashed
PIECE_BYTES = 16 * 1024  # JSON bytes a postings piece holds before the next one starts
# Result rows: a query shows up to ten pages from all over the site (core.js MATERIAL_PAGES),
# each in some row piece, so the first query fetches about ten of them: 4 KB (measured with
# `make bench` at 1,000 pages, when the list showed 20) cost it a third less than 8 KB; the
# fetches that finer pieces once cost on later keystrokes are the bulk pieces' to save.
ROW_BYTES = 4 * 1024
# Bulk pieces: at 1,000 pages all rows (or all postings) fit in one or two, so a long session
# costs about what the whole index did; at 10,000 a region of ~10 % of the site. A session
# switches to a bulk piece once it has fetched 1/BULK_SHARE of its small pieces: at 1,000 pages
# that is after about the first query, whose small pieces stay its only cost.
BULK_BYTES = 1024 * 1024
BULK_SHARE = 16
# Below this much JSON in all (postings and rows), two round trips on the first query cost a
# visitor more than fetching the whole index at once (~70 KB gzipped at most, less than one
# screenshot): the default KB's first keystroke answers in about half the time.
PRELOAD_BYTES = 256 * 1024
SCORE_STEPS = 10 ** lunrpack.SCORE_DIGITS  # scores travel as integers: 4.9 → 49
LANGUAGE = "ko"  # a payload without "language" is Korean (documents.ANALYZERS)
MAX_SHARED = 35  # front coding: a shared prefix is one base-36 digit
PLANNING_KEYS = ("synonyms", "phrases", "weak", "negation", "failure", "tuning", "korean")


class IndexFormatError(ValueError):
    """A site's index that this reader cannot read (missing, or another format)."""


def split(payload: dict[str, Any], piece_bytes: int = PIECE_BYTES, row_bytes: int = ROW_BYTES,
          bulk_bytes: int = BULK_BYTES, preload_bytes: int = PRELOAD_BYTES
          ) -> tuple[dict[str, Any], dict[str, Any]]:
    """The whole payload → (entry, {piece name: piece}); piece names are relative to the
    manifest's folder (doum/t.<n>.<hash>.json). An index of preload_bytes or less is one piece
    of each kind, marked for preloading."""
    packed = payload["index"]
    fields: list[str] = packed["fields"]
    terms: list[str] = packed["terms"]
    postings = _postings(packed)
    docs = [_short_row(row) for row in payload["docs"]]
    preload = len(_dumps(postings).encode("utf-8")) + len(_dumps(docs).encode("utf-8")) <= preload_bytes
    if preload:
        piece_bytes = row_bytes = bulk_bytes = sys.maxsize
    pieces: dict[str, Any] = {}
    terms_table = _table(pieces, "t", "postings", postings, _runs(postings, piece_bytes), bulk_bytes)
    doc_runs = _runs(docs, row_bytes, _page_ends(payload["docs"]))
    docs_table = _table(pieces, "d", "docs", docs, doc_runs, bulk_bytes)
    entry = {
        "format": FORMAT,
        "language": payload.get("language", LANGUAGE),
        "lunr": packed["version"],
        "fields": fields,
        "terms": front_code(terms),
        "counts": [sum(len(field) // 2 for field in posting) for posting in postings],
        "score_steps": SCORE_STEPS,
        "docs": len(docs),
        "pages": page_runs(payload["docs"]),
        "pieces": {"terms": terms_table, "docs": docs_table},
        **({"preload": True} if preload else {}),
        **{key: payload[key] for key in PLANNING_KEYS if key in payload},
    }
    return entry, pieces


def join(entry: dict[str, Any], pieces: dict[str, Any]) -> dict[str, Any]:
    """split, undone: the whole payload again (field vectors in lunr's order)."""
    if entry.get("format") != FORMAT:
        raise IndexFormatError(f"index format {entry.get('format')!r}; this doum reads format {FORMAT}")
    fields = entry["fields"]
    postings = [p for name in piece_names(entry, "terms") for p in pieces[name]["postings"]]
    steps = entry["score_steps"]
    docs = _full_rows([row for name in piece_names(entry, "docs") for row in pieces[name]["docs"]])
    by_vector: dict[tuple[int, int], list[tuple[int, float]]] = {}
    for term, posting in enumerate(postings):
        for slot, flat in enumerate(posting):
            doc, half = 0, len(flat) // 2  # the gaps, then the scores
            for i in range(half):
                doc += flat[i]
                by_vector.setdefault((doc, slot), []).append((term, flat[half + i] / steps))
    vectors = []
    for (doc, slot), pairs in sorted(by_vector.items()):
        gaps, previous = [], 0
        for term, score in pairs:  # already in term order
            gaps += [term - previous, score]
            previous = term
        vectors.append([f"{fields[slot]}/{doc}", gaps])
    index = {"version": entry["lunr"], "fields": fields, "terms": front_decode(entry["terms"]),
             "vectors": vectors}
    return {"language": entry.get("language", LANGUAGE), "index": index, "docs": docs,
            **{key: entry[key] for key in PLANNING_KEYS if key in entry}}


def write(site_dir: str | Path, payload: dict[str, Any], piece_bytes: int = PIECE_BYTES,
          row_bytes: int = ROW_BYTES, bulk_bytes: int = BULK_BYTES,
          preload_bytes: int = PRELOAD_BYTES) -> list[str]:
    """Write the manifest, entry and pieces (each file atomically, the manifest last, so a
    reader never sees a manifest whose files are not there yet); drop pieces of an earlier
    index in the same folder. Returns the site paths written.

    site_dir: the language's root (a multilingual site's further language writes its own
    manifest under its folder: en/search/doum.json)."""
    site = Path(site_dir)
    entry, pieces = split(payload, piece_bytes, row_bytes, bulk_bytes, preload_bytes)
    language = entry["language"]
    entry_name = _add(pieces, language, entry)
    written = []
    for name, content in pieces.items():
        _write_atomic(site / "search" / name, _dumps(content))
        written.append(f"search/{name}")
    manifest = {"format": FORMAT, "default": language, "languages": {language: {"entry": entry_name}}}
    _write_atomic(site / MANIFEST, _dumps(manifest))
    keep = {site / "search" / name for name in pieces}
    for old in (site / FOLDER).glob("*.json"):
        if old not in keep:
            old.unlink()
    return [MANIFEST, *written]


def read_manifest(site_dir: str | Path) -> dict[str, Any]:
    path = Path(site_dir) / MANIFEST
    manifest = json.loads(path.read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT:
        raise IndexFormatError(f"{path}: index format {manifest.get('format')!r}; this doum reads "
                               f"format {FORMAT} — build the site again with this doum")
    return manifest


def read_entry(site_dir: str | Path, language: str | None = None) -> dict[str, Any]:
    manifest = read_manifest(site_dir)
    language = language or manifest["default"]
    return _read(site_dir, manifest["languages"][language]["entry"])


def read_piece(site_dir: str | Path, name: str) -> dict[str, Any]:
    return _read(site_dir, name)


def read_payload(site_dir: str | Path, language: str | None = None) -> dict[str, Any]:
    """The whole payload of a built site (manifest → entry → every piece)."""
    entry = read_entry(site_dir, language)
    names = [name for kind in ("terms", "docs") for name in piece_names(entry, kind)]
    return join(entry, {name: read_piece(site_dir, name) for name in names})


def piece_names(entry: dict[str, Any], kind: str, bulk: bool = False) -> list[str]:
    """The names of a kind's pieces ("terms" or "docs"), in order; bulk: its bulk pieces (none
    when every bulk piece would be one small piece)."""
    table = entry["pieces"][kind]
    if bulk:
        table = table.get("bulk") or {"kind": "", "hash": "", "sizes": []}
        return [f"doum/{table['kind']}.{n}.{table['hash']}.json" for n in range(len(table["sizes"]))]
    return [f"doum/{table['kind']}.{n}.{table['hash']}.json" for n in range(len(table["firsts"]))]


# -- the parts -------------------------------------------------------------------------------

def front_code(terms: list[str]) -> str:
    """Sorted words as one string: per word, one base-36 digit for the characters it shares
    with the word before, then the rest, each word on its own line."""
    lines, previous = [], ""
    for term in terms:
        shared = 0
        limit = min(len(term), len(previous), MAX_SHARED)
        while shared < limit and term[shared] == previous[shared]:
            shared += 1
        lines.append(_DIGITS[shared] + term[shared:])
        previous = term
    return "\n".join(lines)


def front_decode(coded: str) -> list[str]:
    terms: list[str] = []
    previous = ""
    for line in coded.split("\n") if coded else []:
        previous = previous[: _DIGITS.index(line[0])] + line[1:]
        terms.append(previous)
    return terms


def page_runs(docs: list[list[str]]) -> list[int]:
    """How many sections follow each page's own document (a page's document comes first,
    its sections right after it: documents.page_documents)."""
    runs: list[int] = []
    page = None
    for location, *_ in docs:
        if "#" not in location:
            runs.append(0)
            page = location
        elif runs and location.split("#", 1)[0] == page:
            runs[-1] += 1
        else:
            raise ValueError(f"search document {location!r} does not follow its page's own document")
    return runs


_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def _postings(packed: dict[str, Any]) -> list[list[list[int]]]:
    """Per term, per field: [document gap, …, score × SCORE_STEPS, …] in document order (gaps
    and scores apart: each run gzips better alone)."""
    fields = packed["fields"]
    entries: list[list[list[tuple[int, float]]]] = [[[] for _ in fields] for _ in packed["terms"]]
    for ref, elements in packed["vectors"]:
        field, doc = ref.split("/", 1)
        slot = fields.index(field)
        term = 0
        for i in range(0, len(elements), 2):
            term += elements[i]
            entries[term][slot].append((int(doc), elements[i + 1]))
    postings = []
    for by_field in entries:
        coded = []
        for pairs in by_field:
            gaps: list[int] = []
            scores: list[int] = []
            previous = 0
            for doc, score in sorted(pairs):
                gaps.append(doc - previous)
                scores.append(round(score * SCORE_STEPS))
                previous = doc
            coded.append(gaps + scores)
        postings.append(coded)
    return postings


def _runs(items: list[Any], piece_bytes: int, ends: list[bool] | None = None,
          measure: Callable[[Any], int] | None = None) -> list[tuple[int, int]]:
    """Consecutive [start, end) runs of items, each about piece_bytes of JSON (at least one
    item, and at least one run); a run ends only after an item whose `ends` is true."""
    runs, start, size = [], 0, 0
    for i, item in enumerate(items):
        size += measure(item) if measure else len(_dumps(item).encode("utf-8")) + 1
        if size >= piece_bytes and (ends is None or ends[i]):
            runs.append((start, i + 1))
            start, size = i + 1, 0
    if start < len(items) or not runs:
        runs.append((start, len(items)))
    return runs


def _short_row(row: list[str]) -> list[str]:
    """A section's row keeps its location from the #: the page's location is its row's."""
    location, *rest = row
    return [location[location.index("#"):] if "#" in location else location, *rest]


def _full_rows(rows: list[list[str]]) -> list[list[str]]:
    full, page = [], ""
    for location, *rest in rows:
        if location.startswith("#"):
            location = page + location
        else:
            page = location
        full.append([location, *rest])
    return full


def _page_ends(docs: list[list[str]]) -> list[bool]:
    """Whether a document is its page's last: a page's rows never straddle two pieces."""
    return [i + 1 == len(docs) or "#" not in docs[i + 1][0] for i in range(len(docs))]


def _table(pieces: dict[str, Any], kind: str, key: str, items: list[Any],
           runs: list[tuple[int, int]], bulk_bytes: int) -> dict[str, Any]:
    """Add a kind's pieces, small and bulk; their table: {kind, hash, firsts (each small piece's
    first number, as gaps from the one before), bulk: {kind, hash, sizes (small pieces per bulk
    piece), share}} — no bulk when each bulk piece would be one small piece."""
    contents = [{key: items[a:b]} for a, b in runs]
    table: dict[str, Any] = {"kind": kind, **_add_kind(pieces, kind, contents)}
    starts = [start for start, _ in runs]
    table["firsts"] = [b - a for a, b in zip([0] + starts, starts)]
    sizes = [len(_dumps(content).encode("utf-8")) for content in contents]
    groups = _runs(sizes, bulk_bytes, measure=lambda size: size)
    if len(groups) < len(runs):
        bulk = [{key: items[runs[a][0]:runs[b - 1][1]]} for a, b in groups]
        table["bulk"] = {"kind": kind + "b", **_add_kind(pieces, kind + "b", bulk),
                         "sizes": [b - a for a, b in groups], "share": BULK_SHARE}
    return table


def _add_kind(pieces: dict[str, Any], kind: str, contents: list[Any]) -> dict[str, str]:
    """Add a kind's pieces under one hash of them all; returns {hash}."""
    digest = hashlib.sha256("\n".join(_dumps(c) for c in contents).encode("utf-8")).hexdigest()[:12]
    for n, content in enumerate(contents):
        pieces[f"doum/{kind}.{n}.{digest}.json"] = content
    return {"hash": digest}


def _add(pieces: dict[str, Any], kind: str, content: Any) -> str:
    name = f"doum/{kind}.{hashlib.sha256(_dumps(content).encode('utf-8')).hexdigest()[:12]}.json"
    pieces[name] = content
    return name


def _dumps(content: Any) -> str:
    return json.dumps(content, ensure_ascii=False, separators=(",", ":"))


def _read(site_dir: str | Path, name: str) -> dict[str, Any]:
    return json.loads((Path(site_dir) / "search" / name).read_text(encoding="utf-8"))


def _write_atomic(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(temporary, 0o644)  # mkstemp makes it private; the site is served to all
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
