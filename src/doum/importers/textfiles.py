"""Reading exported files: text in UTF-8 (with or without BOM) or CP949, and JSON with errors that
say where the export is broken."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from doum.importers.model import ImportFailure, shown

# Excel on Korean Windows saves "CSV" as CP949; "CSV UTF-8" adds a BOM; Google Sheets, none.
AUTO_ENCODINGS = ("utf-8-sig", "cp949")


def read_text(path: Path, encoding: str | None = None) -> str:
    """The file's text. Without `encoding`: UTF-8 (BOM or not), else CP949, both strictly."""
    data = path.read_bytes()
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise ImportFailure(shown(path), f"unknown encoding {encoding!r} — use utf-8 or cp949")
        except UnicodeDecodeError as error:
            line = data.count(b"\n", 0, error.start) + 1
            raise ImportFailure(
                f"{shown(path)}:{line}",
                f"not {encoding} text (byte 0x{data[error.start]:02x}) — check --encoding",
            )
    for candidate in AUTO_ENCODINGS:
        try:
            return data.decode(candidate)
        except UnicodeDecodeError:
            continue
    # Neither reads: say where UTF-8 breaks, the likelier intended encoding.
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
    raise ImportFailure(
        f"{shown(path)}:{line}",
        "the file is neither UTF-8 nor CP949 text — save it as \"CSV UTF-8\" or name the "
        "encoding with --encoding",
    )


def read_json(path: Path) -> Any:
    """Parsed JSON; a cut-off download gets its own message (the usual way exports break)."""
    text = read_text(path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        if _cut_off(text):
            end = text.rstrip()
            line = end.count("\n") + 1
            column = len(end) - end.rfind("\n")  # 1-based: just after the last character
            raise ImportFailure(
                shown(path),
                f"JSON ends early at line {line} column {column} — is the export complete?",
            )
        raise ImportFailure(
            f"{shown(path)}:{error.lineno}",
            f"not valid JSON: {error.msg} at column {error.colno}",
        )


def _cut_off(text: str) -> bool:
    """True when the text stops inside a string, object or list: a download cut short."""
    depth, in_string, escaped = 0, False, False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
    return in_string or depth > 0 or not text.strip()
