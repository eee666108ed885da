"""doum's search index: pages and their h2/h3 sections, built with lunr.py at build time.

Writes site/search/doum.json — the serialized lunr index (packed by lunrpack.py; expanded, it
loads with lunr.js 2.3.9 `lunr.Index.load`), what the
results show, and the synonym groups — and copies lunr.js from the installed mkdocs package.
The query side lives in searcher.py (Python) and assets/doum/search/core.js (browser).
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import mkdocs
from lunr.builder import Builder
from mkdocs.structure.pages import Page

from doum.search import korean
from doum.search import lunrpack
from doum.search import pagetext
from doum.content.catalog import Catalog
from doum.config import SearchConfig

INDEX_FILE = "search/doum.json"
LUNR_JS = Path(mkdocs.__file__).parent / "contrib/search/templates/search/lunr.js"
LUNR_TARGET = "assets/doum/search/lunr.js"  # next to the worker that imports it
# Few fields: lunr lists every field in every term's entry, so each one costs payload.
FIELD_BOOSTS = {"t": 5, "k": 3, "b": 1}  # title or heading · front-matter keywords · text
SECTION_BOOST = 0.8  # a section's heading counts a little less than the page's own title
TEXT_CHARS = 160  # text shown under a result


@dataclass
class SearchDoc:
    location: str  # "account/reset-password/" or "account/reset-password/#anchor"
    title: str
    text: str  # shown in results (short)
    fields: dict[str, list[str]]  # field → index terms
    boost: float


class SearchDocuments:
    def __init__(self, options: SearchConfig) -> None:
        self.options = options
        self.docs: list[SearchDoc] = []

    def add_page(self, page: Page, html: str, catalog: Catalog) -> None:
        info = catalog.pages.get(page.file.src_uri)
        if info is None or _excluded(page):
            return
        intro, *rest = pagetext.sections(html)
        summary = info.summary or intro.text
        self.docs.append(SearchDoc(
            location=page.url,
            title=info.title,
            text=_short(summary),
            fields={
                "t": korean.tokens(info.title),
                "k": [t for keyword in info.keywords for t in korean.tokens(str(keyword))],
                "b": korean.tokens(f"{info.summary} {intro.text}"),
            },
            boost=1,
        ))
        for section in rest:
            self.docs.append(SearchDoc(
                location=f"{page.url}#{section.anchor}",
                title=section.heading,
                text=_short(section.text),
                fields={"t": korean.tokens(section.heading), "k": [],
                        "b": korean.tokens(section.text)},
                boost=SECTION_BOOST,
            ))

    def write(self, site_dir: str) -> None:
        target = Path(site_dir) / INDEX_FILE
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(self.payload(), ensure_ascii=False, separators=(",", ":")),
                          encoding="utf-8")
        lunr_target = Path(site_dir) / LUNR_TARGET
        lunr_target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(LUNR_JS, lunr_target)

    def payload(self) -> dict:
        return {
            "index": lunrpack.pack(build_index(self.docs).serialize()),
            "docs": [[doc.location, doc.title, doc.text] for doc in self.docs],
            "synonyms": synonym_groups(self.options.synonyms),
        }


def build_index(docs: list[SearchDoc]):  # -> lunr.index.Index
    builder = Builder()  # no pipeline: korean.py has already made the terms
    builder.ref("id")
    for name, boost in FIELD_BOOSTS.items():
        builder.field(name, boost=boost)
    for ref, doc in enumerate(docs):
        builder.add({"id": str(ref), **doc.fields}, {"boost": doc.boost})
    return builder.build()


def synonym_groups(groups: list[list[str]]) -> list[list[list[str]]]:
    """Each synonym as its index terms: [[탈퇴], [회원, 탈퇴], [계정, 삭제]]."""
    return [[korean.tokens(words) for words in group if korean.tokens(words)] for group in groups]


def _excluded(page: Page) -> bool:
    search = page.meta.get("search")
    return isinstance(search, dict) and bool(search.get("exclude"))


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TEXT_CHARS else text[:TEXT_CHARS].rstrip() + "…"
