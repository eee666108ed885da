"""doum's search index: pages and their h2/h3 sections, indexed at build time.

Makes the whole payload — lunr's field vectors in lunrpack's packed form (fieldvectors.py
computes them as lunr.py's Builder would), what the results show, the synonym groups, tuning
numbers and Korean tables — and writes it in pieces (pieces.py: the manifest
site/search/doum.json, an entry file, postings and result rows fetched by the piece); copies
lunr.js from the installed mkdocs package. The query side lives in searcher.py (Python) and
assets/doum/search/core.js (browser).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import mkdocs
from mkdocs.structure.pages import Page

from doum.search import english, korean
from doum.search.tuning import TUNING
from doum.search import fieldvectors
from doum.search import pieces
from doum.search import pagetext
from doum.content.catalog import Catalog, Category, PageInfo
from doum.config import SearchConfig

INDEX_FILE = pieces.MANIFEST  # the stable name; the rest of the index is under search/doum/
LUNR_JS = Path(mkdocs.__file__).parent / "contrib/search/templates/search/lunr.js"
LUNR_TARGET = "assets/doum/search/lunr.js"  # next to the worker that imports it
# Few fields: lunr lists every field in every term's entry, so each one costs payload.
# title or heading (and the page's `questions:`) · front-matter keywords · text · the
# category's title and description (a weak hint: the page is about its category's subject)
FIELD_BOOSTS = {"t": 5, "k": 3, "b": 1, "c": 0.5}
SECTION_BOOST = 0.8  # a section's heading counts a little less than the page's own title
TEXT_CHARS = 160  # text shown under a result
DATA = Path(__file__).parent
THESAURUS_FILE = DATA / "thesaurus.ko.json"  # built-in synonym groups (general Korean usage)
# The text pipeline of an index, by its language: a build whose theme.language is English gets
# an English index (english.py: lunr's stop words and stemmer; Hangul words still go through
# korean.py); every other build the Korean one. The language travels in the payload (pieces.py
# records it in the entry and the manifest), so both query sides pick the same pipeline.
ANALYZERS: dict[str, ModuleType] = {pieces.LANGUAGE: korean, english.LANGUAGE: english}
Tokens = Callable[[str], list[str]]  # an analyzer's tokens()
FUNCTION_WORDS_FILE = DATA / "function-words.ko.json"  # question and function words


@dataclass
class SearchDoc:
    location: str  # "account/reset-password/" or "account/reset-password/#anchor"
    title: str
    text: str  # shown in results (short)
    fields: dict[str, list[str]]  # field → index terms
    boost: float


def analyzer_language(language: str) -> str:
    """The index language for the build's language (strings.language_of): its own analyzer where
    there is one, else Korean's."""
    return language if language in ANALYZERS else pieces.LANGUAGE


def page_documents(location: str, info: PageInfo, html: str,
                   category: Category | None, tokens: Tokens = korean.tokens) -> list[SearchDoc]:
    """A page's own document and one per h2/h3 section, from its rendered HTML: what every
    build indexes, and what the Python/JS parity fixtures are built through. `tokens`: the
    index language's analyzer (Korean unless the build is English)."""
    intro, *rest = pagetext.sections(html)
    summary = info.summary or intro.text
    # The summary is indexed once: when the page's text already holds it (a fallback summary is
    # its first paragraph; authors often open with the same sentence), its words count once.
    body = intro.text if " ".join(summary.split()) in intro.text else f"{summary} {intro.text}"
    keywords = [tokens(str(keyword)) for keyword in info.keywords]
    docs = [SearchDoc(
        location=location,
        title=info.title,
        text=_short(summary),
        fields={
            "t": tokens(" ".join([info.title, *info.questions])),
            "k": [t for terms in keywords for t in terms],
            "b": tokens(body),
            "c": tokens(f"{category.title} {category.description}") if category else [],
        },
        boost=1,
    )]
    for section in rest:
        docs.append(SearchDoc(
            location=f"{location}#{section.anchor}",
            title=section.heading,
            text=_short(section.text),
            fields={"t": tokens(section.heading), "k": [],
                    "b": tokens(section.text), "c": []},
            boost=SECTION_BOOST,
        ))
    return docs


class SearchDocuments:
    def __init__(self, options: SearchConfig, language: str = pieces.LANGUAGE) -> None:
        self.options = options
        self.language = language  # set from the build's language (analyzer_language)
        self.docs: list[SearchDoc] = []
        self.phrases: list[list[str]] = []  # keyword phrases of two or more words, as terms

    def add_page(self, page: Page, html: str, catalog: Catalog) -> None:
        info = catalog.pages.get(page.file.src_uri)
        if info is None or _excluded(page):
            return
        body_html = "" if info.lists_pages else html  # other pages' titles: not this page's words
        tokens = ANALYZERS[self.language].tokens
        self.docs += page_documents(page.url, info, body_html, catalog.categories.get(info.category),
                                    tokens)
        keywords = [tokens(str(keyword)) for keyword in info.keywords]
        self.phrases += [terms for terms in keywords if len(terms) >= 2]

    def write(self, site_dir: str, root: str = "") -> list[str]:
        """Write the index (manifest, entry, pieces) and lunr.js; returns the index's paths.
        A multilingual site's further language writes its index under its root (en/)."""
        written = pieces.write(Path(site_dir) / root, self.payload())
        lunr_target = Path(site_dir) / LUNR_TARGET
        lunr_target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(LUNR_JS, lunr_target)
        return written

    def payload(self) -> dict:
        return make_payload(self.docs, site_synonyms(self.options, self.language), self.phrases,
                            self.language)


def make_payload(docs: list[SearchDoc], synonyms: list[list[str]],
                 phrases: list[list[str]] = (), language: str = pieces.LANGUAGE) -> dict:
    """What the browser and `doum search` load: the packed index, what results show, the
    synonym groups that can reach a word of this site, keyword phrases (for 초성 typed for
    a phrase), the function words and the tuning numbers the query side ranks with, and the
    index's language (which analyzer both query sides use)."""
    index = fieldvectors.packed_index(docs, FIELD_BOOSTS)
    known = set(index["terms"])
    tokens = ANALYZERS[language].tokens
    groups = [group for group in synonym_groups(synonyms, tokens)
              if len(group) >= 2 and any(all(t in known for t in member) for member in group)]
    return {
        "language": language,
        "index": index,
        "docs": [[doc.location, doc.title, doc.text] for doc in docs],
        "synonyms": groups,
        "phrases": [list(p) for p in dict.fromkeys(tuple(p) for p in phrases)],
        "weak": function_words(),
        **failure_words(),
        "tuning": TUNING,
        "korean": {key: value for key, value in korean.TABLES.items() if "about" not in key
                   and not key.endswith("_note")},
    }


def site_synonyms(options: SearchConfig, language: str = pieces.LANGUAGE) -> list[list[str]]:
    """The site's own groups (mkdocs.yml `search: synonyms:`), then the built-in thesaurus of
    the index's language unless `search: thesaurus: false`."""
    groups = [list(group) for group in options.synonyms]
    if getattr(options, "thesaurus", True):
        groups += builtin_thesaurus(language)
    return groups


def builtin_thesaurus(language: str = pieces.LANGUAGE) -> list[list[str]]:
    """The built-in groups of a language (thesaurus.<language>.json; only Korean ships one)."""
    path = THESAURUS_FILE.with_name(f"thesaurus.{language}.json")
    if not path.is_file():
        return []
    data = json.loads(path.read_text(encoding="utf-8"))
    return [list(group["words"]) for group in data.get("groups", [])]


def failure_words() -> dict[str, list[str]]:
    """negation: words that negate a predicate; failure: title words of pages about a failure."""
    data = json.loads(FUNCTION_WORDS_FILE.read_text(encoding="utf-8"))
    return {key: sorted({korean.normalize(word) for word in data.get(key, [])})
            for key in ("negation", "failure")}


def function_words() -> list[str]:
    data = json.loads(FUNCTION_WORDS_FILE.read_text(encoding="utf-8"))
    return sorted({korean.normalize(word) for word in data["words"]})


def synonym_groups(groups: list[list[str]], tokens: Tokens = korean.tokens) -> list[list[list[str]]]:
    """Each synonym as its index terms: [[탈퇴], [회원, 탈퇴], [계정, 삭제]] (a member said
    twice is kept once)."""
    result = []
    for group in groups:
        members = [tuple(tokens(str(words))) for words in group]
        result.append([list(m) for m in dict.fromkeys(m for m in members if m)])
    return result


def _excluded(page: Page) -> bool:
    search = page.meta.get("search")
    return isinstance(search, dict) and bool(search.get("exclude"))


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TEXT_CHARS else text[:TEXT_CHARS].rstrip() + "…"
