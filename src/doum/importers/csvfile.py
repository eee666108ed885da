"""Spreadsheets: CSV, TSV and Excel's "CSV" (UTF-8 with or without BOM, or CP949), one row a page.

Columns are found by their header, so the order of columns and extra columns do not matter.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from doum.importers.model import Category, Entry, ImportFailure, ReadResult, Skip, shown
from doum.importers.textfiles import read_text

# Header names people use for each column, compared without case, spaces or punctuation.
DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "title": ("질문", "제목", "질문제목", "문의", "title", "question", "q", "subject"),
    "answer": ("답변", "내용", "답", "본문", "답변내용", "answer", "body", "content", "a"),
    "category": ("카테고리", "분류", "구분", "category", "section", "topic"),
    "keywords": ("키워드", "태그", "검색어", "keywords", "keyword", "tags", "tag", "labels"),
    "id": ("id", "번호", "no", "아이디"),
}
KEYWORD_SPLIT_RE = re.compile(r"[,;|、\n]+|\s+(?=#)")


@dataclass
class Columns:
    """Header names chosen on the command line (None: look for the defaults)."""

    title: str | None = None
    answer: str | None = None
    category: str | None = None
    keywords: str | None = None
    id: str | None = None


def read(path: Path, columns: Columns, encoding: str | None = None,
         delimiter: str | None = None) -> ReadResult:
    text = read_text(path, encoding)
    name = shown(path)
    if not text.strip():
        raise ImportFailure(name, "the file is empty — export the sheet with its header row")
    delimiter = delimiter or _delimiter(path, text)
    # strict: a quote that is never closed is an error instead of swallowing the rest of the file.
    # StringIO(newline=""): rows end at \r, \n or \r\n only, as the csv module wants (a U+2028
    # inside a cell must not split the row).
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for row in reader:
            rows.append((start, row))
            start = reader.line_num + 1
    except csv.Error as error:
        raise ImportFailure(f"{name}:{start}", f"the row cannot be read ({error}) — a quote "
                            "(\") opened in a cell is never closed")
    header_line, header = next(((line, row) for line, row in rows if any(c.strip() for c in row)),
                               (1, []))
    index = _map_columns(name, header_line, header, columns)
    result = ReadResult()
    seen_ids: dict[str, int] = {}
    for line, row in rows:
        if line <= header_line or not any(cell.strip() for cell in row):
            continue
        where = f"{name}:{line}"
        if len(row) > len(header) and any(cell.strip() for cell in row[len(header):]):
            result.skipped.append(Skip(where, f"unreadable row: {len(row)} cells where the header "
                                       f"has {len(header)} — is a comma inside an unquoted cell?"))
            continue
        if "\x00" in "".join(row):
            result.skipped.append(Skip(where, "unreadable row: it contains NUL bytes"))
            continue

        def cell(key: str) -> str:
            i = index.get(key)
            return row[i].strip() if i is not None and i < len(row) else ""

        title, answer = " ".join(cell("title").split()), cell("answer")
        if not title:
            result.skipped.append(Skip(where, "no question (the title cell is empty)"))
            continue
        if not answer:
            result.skipped.append(Skip(where, f"empty answer: {title}"))
            continue
        category = " ".join(cell("category").split())
        # A stable id survives re-sorting the sheet: the id column, else the question itself.
        key = cell("id") or title
        if key in seen_ids:
            key = f"{key} ({category})" if category else f"{key} ({line})"
        seen_ids[key] = line
        if category:
            result.categories.setdefault(category, Category(category))
        result.entries.append(Entry(
            source=f"csv:{path.name}#{key}", origin=where, title=title, body=answer,
            body_is_html=looks_like_html(answer), category=category,
            keywords=split_keywords(cell("keywords")),
        ))
    return result


def _delimiter(path: Path, text: str) -> str:
    """Tab for .tsv; otherwise whichever of , tab ; splits the header into the most cells."""
    if path.suffix.lower() in (".tsv", ".tab"):
        return "\t"
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    return max((",", "\t", ";"), key=lambda d: (len(next(csv.reader([first], delimiter=d))),
                                                d == ","))


def _normal(header: str) -> str:
    return re.sub(r"[\W_]+", "", header.lstrip("\ufeff")).lower()


def _map_columns(name: str, line: int, header: list[str], columns: Columns) -> dict[str, int]:
    normal = [_normal(cell) for cell in header]
    listed = ", ".join(cell.strip() for cell in header if cell.strip()) or "(none)"
    index: dict[str, int] = {}
    for key, defaults in DEFAULT_COLUMNS.items():
        chosen: str | None = getattr(columns, key)
        if chosen is not None:
            if _normal(chosen) not in normal:
                raise ImportFailure(f"{name}:{line}", f"no column named {chosen!r} (--{key}) — "
                                    f"the columns are: {listed}")
            index[key] = normal.index(_normal(chosen))
            continue
        found = next((normal.index(d) for d in defaults if d in normal), None)
        if found is not None:
            index[key] = found
    for key, example in (("title", "질문"), ("answer", "답변")):
        if key not in index:
            raise ImportFailure(
                f"{name}:{line}",
                f"no {key} column — the columns are: {listed}; name it with "
                f"--{key} (e.g. --{key} {example})",
            )
    return index


def split_keywords(text: str) -> list[str]:
    """"비번, 비밀번호 찾기" or "#비번 #비밀번호" → ["비번", "비밀번호 찾기"] (order kept, no repeats)."""
    words = (" ".join(part.strip().lstrip("#").split()) for part in KEYWORD_SPLIT_RE.split(text))
    return list(dict.fromkeys(word for word in words if word))


HTML_TAG_RE = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>|<!--")


def looks_like_html(text: str) -> bool:
    """Some sheets hold HTML answers (copied from an old help center); they are converted too."""
    return bool(HTML_TAG_RE.search(text))
