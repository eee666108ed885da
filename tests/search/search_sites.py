"""The search tests' tiny help centers (fixtures/<name>-docs.json) indexed as a build indexes a
site, and the Python/JS parity fixtures written from them."""

from __future__ import annotations

import json
import os
from html import escape
from pathlib import Path

from doum.content.catalog import PageInfo
from doum.search import documents as index
from doum.search import pieces


def _site_docs(site: dict, language: str = pieces.LANGUAGE) -> list[index.SearchDoc]:
    """Every page through the builder every site uses: the page's record and its rendered HTML."""
    docs: list[index.SearchDoc] = []
    for page in site["pages"]:
        info = PageInfo(src_uri=page["location"], title=page["title"], summary=page["summary"],
                        keywords=page["keywords"])
        html = f"<p>{escape(page['summary'])}</p>" + "".join(
            f'<h2 id="{escape(anchor)}">{escape(heading)}</h2><p>{escape(text)}</p>'
            for anchor, heading, text in page["sections"])
        docs += index.page_documents(page["location"], info, html, None, index.ANALYZERS[language].tokens)
    return docs


def site_payload(site: dict, language: str = pieces.LANGUAGE) -> dict:
    """The site's own synonym groups and the language's built-in thesaurus, as a build writes them."""
    tokens = index.ANALYZERS[language].tokens
    phrases = [tokens(keyword) for page in site["pages"] for keyword in page["keywords"]]
    return index.make_payload(_site_docs(site, language), site["synonyms"] + index.builtin_thesaurus(language),
                              [terms for terms in phrases if len(terms) >= 2], language)


def assert_fixture_current(path: Path, value: object, indent: int | None = None) -> None:
    """The fixture at `path`, which a JS test reads too, holds `value`. DOUM_REGENERATE=1 rewrites
    it first, after an intended change (the JS test must then agree)."""
    if os.environ.get("DOUM_REGENERATE"):
        path.write_text(json.dumps(value, ensure_ascii=False, indent=indent) + "\n", encoding="utf-8")
    assert json.loads(path.read_text(encoding="utf-8")) == value, \
        f"{path.name} is not what the code makes now (DOUM_REGENERATE=1 rewrites it)"
