"""The record of the last import, kept beside the pages as docs/.doum-import.json (MkDocs skips
files whose name starts with a dot, so it is never published).

For every source id it holds the page's path and the hash of the bytes written: a page whose
file no longer has that hash was edited by hand, and a later import leaves it alone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from doum.importers.model import ImportFailure, shown

FILE_NAME = ".doum-import.json"
VERSION = 1


@dataclass
class Record:
    path: str  # relative to the docs folder, with '/'
    hash: str  # digest() of the page as written by the import
    files: dict[str, str] = field(default_factory=dict)  # images and attachments: path → hash


@dataclass
class Manifest:
    pages: dict[str, Record] = field(default_factory=dict)  # source id → record
    folders: dict[str, str] = field(default_factory=dict)  # category name → folder

    def to_json(self) -> str:
        data = {
            "doum_import": VERSION,
            "folders": dict(sorted(self.folders.items())),
            "pages": {source: {"path": r.path, "hash": r.hash,
                               **({"files": dict(sorted(r.files.items()))} if r.files else {})}
                      for source, r in sorted(self.pages.items())},
        }
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def load(docs: Path) -> Manifest:
    path = docs / FILE_NAME
    if not path.is_file():
        return Manifest()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Manifest(
            pages={str(source): Record(str(r["path"]), str(r["hash"]),
                                       {str(k): str(v) for k, v in r.get("files", {}).items()})
                   for source, r in data["pages"].items()},
            folders={str(k): str(v) for k, v in data.get("folders", {}).items()},
        )
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise ImportFailure(shown(path), f"the record of the last import cannot be read "
                            f"({error}) — restore it from version control (without it "
                            "every page would be imported again beside the existing ones)")
