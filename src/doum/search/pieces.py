"""doum's search index on disk: a manifest, one entry file per language, and pieces.

    search/doum.json              the manifest (a stable name, revalidated):
                                  {"format": 2, "default": "ko", "languages": {"ko": {"entry": …}}}
    search/doum/ko.<hash>.json    the entry: what planning a query needs up front — the word
                                  list (front-coded) and how common each word is, the fields,
                                  the pages' shape, the thesaurus, phrases, function words,
                                  tuning numbers, Korean tables and the piece table
    search/doum/t.<n>.<hash>.json postings of a run of the sorted word list: per word, per
                                  field, every (document, score) — the full field vectors
                                  turned around, so a query scores exactly as the whole index
    search/doum/d.<n>.<hash>.json result rows (location, title, text) of a run of documents

Names in the manifest and the entry are relative to the manifest. A piece is named by its
kind, its number and a hash of every piece of its kind: the entry's piece table is then only
the first word (document) number of each piece, a few bytes each even for 10,000 pages,
where a hash per piece would cost the entry ~10 bytes per piece. Pieces are cut by size
(PIECE_BYTES and ROW_BYTES of JSON), so a small site has one of each kind and a large one many; a query
fetches only the pieces that hold its words and its results. `split` and `join` turn the whole
payload (documents.make_payload) into this form and back, losslessly; searcher.py reads a site
through `read_payload`, assets/doum/search/core.js through openSearcher.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

FORMAT = 2  # 1 was the whole index in search/doum.json
MANIFEST = "search/doum.json"
FOLDER = "search/doum"  # entries and pieces, content-hashed
PIECE_BYTES = 16 * 1024  # JSON bytes a postings piece holds before the next one starts
# Result rows: a query shows up to 20 pages from all over the site, each in some row piece. Finer
# pieces cost fewer bytes to the first result but more fetches per keystroke; measured with
# `make bench` at 1,000 pages and offline at 10,000: 8 KB keeps per-keystroke latency near the
# whole index's, and the first result at 10,000 growing-vocabulary pages under 250 KB gzip
# (2 KB rows, 8 KB postings: 180 KB but twice the latency; 16 KB rows, 32 KB postings: over
# 300 KB).
ROW_BYTES = 8 * 1024
LANGUAGE = "ko"  # a payload without "language" is Korean (documents.ANALYZERS)
MAX_SHARED = 35  # front coding: a shared prefix is one base-36 digit
PLANNING_KEYS = ("synonyms", "phrases", "weak", "negation", "failure", "tuning", "korean")


class IndexFormatError(ValueError):
    """A site's index that this reader cannot read (missing, or another format)."""


def split(payload: dict[str, Any], piece_bytes: int = PIECE_BYTES,
          row_bytes: int = ROW_BYTES) -> tuple[dict[str, Any], dict[str, Any]]:
    """The whole payload → (entry, {piece name: piece}); piece names are relative to the
    manifest's folder (doum/t.<n>.<hash>.json)."""
    packed = payload["index"]
    fields: list[str] = packed["fields"]
    terms: list[str] = packed["terms"]
    postings = _postings(packed)
    pieces: dict[str, Any] = {}
    term_runs = _runs(postings, piece_bytes)
    terms_table = _table(pieces, "t", term_runs, [{"postings": postings[a:b]} for a, b in term_runs])
    docs = payload["docs"]
    doc_runs = _runs(docs, row_bytes, _page_ends(docs))
    docs_table = _table(pieces, "d", doc_runs, [{"docs": docs[a:b]} for a, b in doc_runs])
    entry = {
        "format": FORMAT,
        "language": payload.get("language", LANGUAGE),
        "lunr": packed["version"],
        "fields": fields,
        "terms": front_code(terms),
        "counts": [sum(len(field) // 2 for field in posting) for posting in postings],
        "docs": len(docs),
        "pages": page_runs(docs),
        "pieces": {"terms": terms_table, "docs": docs_table},
        **{key: payload[key] for key in PLANNING_KEYS if key in payload},
    }
    return entry, pieces


def join(entry: dict[str, Any], pieces: dict[str, Any]) -> dict[str, Any]:
    """split, undone: the whole payload again (field vectors in lunr's order)."""
    if entry.get("format") != FORMAT:
        raise IndexFormatError(f"index format {entry.get('format')!r}; this doum reads format {FORMAT}")
    fields = entry["fields"]
    postings = [p for name in piece_names(entry, "terms") for p in pieces[name]["postings"]]
    docs = [row for name in piece_names(entry, "docs") for row in pieces[name]["docs"]]
    by_vector: dict[tuple[int, int], list[tuple[int, float]]] = {}
    for term, posting in enumerate(postings):
        for slot, flat in enumerate(posting):
            doc = 0
            for i in range(0, len(flat), 2):
                doc += flat[i]
                by_vector.setdefault((doc, slot), []).append((term, flat[i + 1]))
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
          row_bytes: int = ROW_BYTES) -> list[str]:
    """Write the manifest, entry and pieces (each file atomically, the manifest last, so a
    reader never sees a manifest whose files are not there yet); drop pieces of an earlier
    index in the same folder. Returns the site paths written.

    site_dir: the language's root (a multilingual site's further language writes its own
    manifest under its folder: en/search/doum.json)."""
    site = Path(site_dir)
    entry, pieces = split(payload, piece_bytes, row_bytes)
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


def piece_names(entry: dict[str, Any], kind: str) -> list[str]:
    """The names of a kind's pieces ("terms" or "docs"), in order."""
    table = entry["pieces"][kind]
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


def _postings(packed: dict[str, Any]) -> list[list[list[float]]]:
    """Per term, per field: [document gap, score, …] in document order."""
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
            flat: list[float] = []
            previous = 0
            for doc, score in sorted(pairs):
                flat += [doc - previous, score]
                previous = doc
            coded.append(flat)
        postings.append(coded)
    return postings


def _runs(items: list[Any], piece_bytes: int, ends: list[bool] | None = None) -> list[tuple[int, int]]:
    """Consecutive [start, end) runs of items, each about piece_bytes of JSON (at least one
    item, and at least one run); a run ends only after an item whose `ends` is true."""
    runs, start, size = [], 0, 0
    for i, item in enumerate(items):
        size += len(_dumps(item).encode("utf-8")) + 1
        if size >= piece_bytes and (ends is None or ends[i]):
            runs.append((start, i + 1))
            start, size = i + 1, 0
    if start < len(items) or not runs:
        runs.append((start, len(items)))
    return runs


def _page_ends(docs: list[list[str]]) -> list[bool]:
    """Whether a document is its page's last: a page's rows never straddle two pieces."""
    return [i + 1 == len(docs) or "#" not in docs[i + 1][0] for i in range(len(docs))]


def _table(pieces: dict[str, Any], kind: str, runs: list[tuple[int, int]],
           contents: list[Any]) -> dict[str, Any]:
    """Add a kind's pieces; their table: {kind, hash, firsts (each piece's first number, as
    gaps from the one before)}."""
    digest = hashlib.sha256("\n".join(_dumps(c) for c in contents).encode("utf-8")).hexdigest()[:12]
    for n, content in enumerate(contents):
        pieces[f"doum/{kind}.{n}.{digest}.json"] = content
    starts = [start for start, _ in runs]
    return {"kind": kind, "hash": digest, "firsts": [b - a for a, b in zip([0] + starts, starts)]}


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
