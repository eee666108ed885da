"""How findable is every page? Queries derived mechanically from each page's title and
keywords, run through the same search customers use, with the reasons a page is hard to find
and what its owner can do about it.

The queries (`derive_queries`) are the ones a fair, untunable check uses on any corpus: the
title itself; its content words (function and question words left out); the same without
spaces; the initial consonants (초성) of the first two content words; the 2-beolsik keys of
the content words typed with the keyboard in English mode; a one-jamo typo of the longest
word; the content words with particles and a question ending added; and each front-matter
keyword. `diagnose` names why a page is hard to find and `suggestions` turns the reasons into
advice (shared with other reports: both take plain data).
"""

from __future__ import annotations

import multiprocessing
import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

from doum.content.frontmatter import FAST_LOADER
from doum.search import korean
from doum.search.searcher import Searcher

KINDS = ("title", "words", "nospace", "chosung", "qwerty", "typo", "inflected", "keyword")
DEPTH = 10  # ranks below this count as not found
PARALLEL_FROM = 200  # pages from which the queries run in several processes
MAX_WORKERS = 4
MAX_KEYWORD_QUERIES = 3  # the first keywords of a page are its most important ones
COMMON_TITLE_WORD = 3  # a word in this many other titles tells no page apart
# One-jamo typos: each vowel becomes the one next to it on the keyboard or in sound.
VOWEL_TYPO = dict(zip("ㅏㅓㅗㅜㅐㅔㅣㅡㅑㅕㅛㅠㅘㅝㅚㅟㅢㅙㅞㅒㅖ", "ㅓㅏㅜㅗㅔㅐㅡㅣㅕㅑㅠㅛㅝㅘㅟㅚㅣㅞㅙㅖㅒ"))


@dataclass
class Probe:
    kind: str
    query: str
    rank: int  # 1-based; 0 when the page is not in the first DEPTH results
    first: str  # the location of the first result ("" when nothing was found)


@dataclass
class Reason:
    code: str  # "shadowed" | "no-distinctive-word" | "thesaurus-gap" | "typed-forms"
    detail: str
    other: str = ""  # shadowed: the location of the page that wins
    other_title: str = ""
    words: list[str] = field(default_factory=list)


@dataclass
class PageReport:
    location: str
    title: str
    source: str  # docs-relative Markdown path ("" when unknown)
    probes: list[Probe]
    reasons: list[Reason] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)

    def rank(self, kind: str) -> int:
        """The best rank of the page over the kind's queries (0: not found)."""
        ranks = [p.rank for p in self.probes if p.kind == kind and p.rank]
        return min(ranks) if ranks else 0

    @property
    def hard(self) -> bool:
        """Not first for its own title or content words, missed (not in the top 5) in some
        kind, or with a title of question and function words only (no words to search)."""
        firsts = [p.rank == 1 for p in self.probes if p.kind in ("title", "words")]
        no_words = not any(p.kind == "words" for p in self.probes)
        return no_words or not all(firsts) or any(not 1 <= p.rank <= 5 for p in self.probes)


@dataclass
class Report:
    pages: list[PageReport]
    seconds: float

    def recall(self, kind: str | None = None, at: int = 5) -> float:
        probes = [p for page in self.pages for p in page.probes if kind in (None, p.kind)]
        return sum(1 <= p.rank <= at for p in probes) / len(probes) if probes else 1.0

    def kinds(self) -> list[str]:
        present = {p.kind for page in self.pages for p in page.probes}
        return [kind for kind in KINDS if kind in present]

    def to_json(self) -> dict[str, Any]:
        return {
            "pages": len(self.pages),
            "queries": sum(len(page.probes) for page in self.pages),
            "seconds": round(self.seconds, 2),
            "recall": {"r1": round(self.recall(at=1), 3), "r5": round(self.recall(), 3)},
            "by_kind": {kind: {"r1": round(self.recall(kind, 1), 3), "r5": round(self.recall(kind), 3),
                               "n": sum(p.kind == kind for page in self.pages for p in page.probes)}
                        for kind in self.kinds()},
            "hard": [asdict(page) for page in self.pages if page.hard],
            "ranks": {page.location: {kind: page.rank(kind) for kind in self.kinds()}
                      for page in self.pages},
        }


# -- queries -----------------------------------------------------------------------------------

def content_words(text: str, weak: set[str]) -> list[str]:
    """The stems of a text's words, question and function words left out."""
    stems = []
    for word in korean.words(text):
        stem = korean.stem(word)
        if word not in weak and stem not in weak and stem not in stems:
            stems.append(stem)
    return stems


def one_jamo_typo(word: str) -> str:
    """The word with the vowel of its middle syllable changed to a neighbouring one."""
    syllables = [i for i, ch in enumerate(word) if korean.is_syllable(ch)]
    if len(syllables) < 2:
        return ""
    i = syllables[len(syllables) // 2]
    code = ord(word[i]) - korean.SYLLABLE_FIRST
    vowel = korean.JUNG[(code % 588) // 28]
    new = korean.JUNG.index(VOWEL_TYPO[vowel])
    changed = chr(korean.SYLLABLE_FIRST + code - ((code % 588) // 28) * 28 + new * 28)
    return word[:i] + changed + word[i + 1:]


def with_particles(words: list[str]) -> str:
    """비밀번호, 변경 → 비밀번호를 변경하려면 어떻게 해야 하나요."""
    if not words:
        return ""
    first = words[0]
    if len(words) == 1:
        return f"{first}{_object_particle(first)} 어떻게 해야 하나요"
    return f"{first}{_object_particle(first)} {' '.join(words[1:])}하려면 어떻게 해야 하나요"


def _object_particle(word: str) -> str:
    last = word[-1]
    if not korean.is_syllable(last):
        return "를"
    return "을" if (ord(last) - korean.SYLLABLE_FIRST) % 28 else "를"


def derive_queries(title: str, keywords: list[str], weak: set[str]) -> list[tuple[str, str]]:
    """(kind, query) for a page, mechanically from its title and keywords."""
    words = content_words(title, weak)
    hangul = [w for w in words if all(korean.is_syllable(ch) for ch in w)]
    queries = [("title", title)]
    if words:
        queries.append(("words", " ".join(words)))
        queries.append(("qwerty", korean.to_qwerty(" ".join(words))))
        queries.append(("inflected", with_particles(words)))
    if len(words) >= 2:
        queries.append(("nospace", "".join(words)))
    if hangul:
        chosung = "".join(korean.chosung(w) for w in hangul[:2])
        if len(chosung) >= 2:
            queries.append(("chosung", chosung))
        longest = max(hangul, key=len)
        typo = one_jamo_typo(longest)
        if typo:
            queries.append(("typo", " ".join(typo if w == longest else w for w in words)))
    for keyword in keywords[:MAX_KEYWORD_QUERIES]:
        if str(keyword).strip():
            queries.append(("keyword", str(keyword)))
    return [(kind, query) for kind, query in queries if query.strip()]


# -- running -----------------------------------------------------------------------------------

def front_matter_keywords(docs_dir: Path) -> dict[str, tuple[str, list[str]]]:
    """location → (docs-relative source, keywords) for the Markdown pages of a docs folder."""
    pages: dict[str, tuple[str, list[str]]] = {}
    for path in sorted(Path(docs_dir).rglob("*.md")):
        src = path.relative_to(docs_dir).as_posix()
        meta = _front_matter(path.read_text(encoding="utf-8", errors="replace"))
        keywords = meta.get("keywords") if isinstance(meta, dict) else None
        words = [str(k) for k in keywords] if isinstance(keywords, list) else []
        pages[page_location(src)] = (src, words)
    return pages


def _front_matter(text: str) -> Any:
    if not text.startswith("---"):
        return {}
    end = text.find("\n---", 3)
    if end < 0:
        return {}
    try:
        return yaml.load(text[3:end], Loader=FAST_LOADER) or {}
    except yaml.YAMLError:
        return {}


def page_location(src: str) -> str:
    """docs-relative Markdown path → the root-relative URL the index uses."""
    stem = src.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def run(searcher: Searcher, sources: dict[str, tuple[str, list[str]]] | None = None,
        only: set[str] | None = None) -> Report:
    """Every page of the index (or those `only` names), probed with its derived queries."""
    started = time.monotonic()
    sources = sources or {}
    jobs = [(location, doc[1], *sources.get(location, ("", [])))
            for location, doc in searcher.page_docs.items()
            if location != "" and (only is None or location in only)]  # "": the home page
    workers = min(os.cpu_count() or 1, MAX_WORKERS) if len(jobs) >= PARALLEL_FROM else 1
    if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
        global _SEARCHER
        _SEARCHER = searcher
        chunks = [jobs[i::workers] for i in range(workers)]
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            done = {report.location: report for part in pool.map(_probe_all, chunks) for report in part}
        _SEARCHER = None
        reports = [done[job[0]] for job in jobs]
    else:
        reports = _probe_pages(searcher, jobs)
    title_counts = title_word_counts(searcher)
    for page in reports:
        if page.hard:
            page.reasons = diagnose(searcher, page, title_counts)
            page.suggestions = suggestions(page.reasons)
    return Report(reports, time.monotonic() - started)


_SEARCHER: Searcher | None = None  # the searcher forked workers share


def _probe_all(jobs: list[tuple[str, str, str, list[str]]]) -> list[PageReport]:
    assert _SEARCHER is not None
    return _probe_pages(_SEARCHER, jobs)


def _probe_pages(searcher: Searcher, jobs: list[tuple[str, str, str, list[str]]]) -> list[PageReport]:
    searcher.memo = {}  # derived queries often come down to the same terms
    reports = []
    for location, title, source, keywords in jobs:
        probes = []
        for kind, query in derive_queries(title, keywords, searcher.weak):
            found = [hit.location for hit in searcher.search(query, DEPTH)]
            rank = found.index(location) + 1 if location in found else 0
            probes.append(Probe(kind, query, rank, found[0] if found else ""))
        reports.append(PageReport(location, title, source, probes))
    searcher.memo = None
    return reports


def title_word_counts(searcher: Searcher) -> dict[str, int]:
    """How many page titles hold each word."""
    counts: dict[str, int] = {}
    for location, doc in searcher.page_docs.items():
        for stem in set(content_words(doc[1], searcher.weak)):
            counts[stem] = counts.get(stem, 0) + 1
    return counts


def diagnose(searcher: Searcher, page: PageReport, title_counts: dict[str, int]) -> list[Reason]:
    """Why a page is hard to find, most telling first."""
    reasons: list[Reason] = []
    words = content_words(page.title, searcher.weak)
    own = [p for p in page.probes if p.kind in ("title", "words")]
    rivals = [p.first for p in own if p.rank != 1 and p.first and p.first != page.location]
    if rivals:
        other = rivals[0]
        other_title = searcher.page_docs[other][1] if other in searcher.page_docs else other
        shared = [w for w in words if w in content_words(other_title, searcher.weak)]
        reasons.append(Reason(
            "shadowed",
            f"another page comes first for this page's own title words: “{other_title}” ({other})"
            + (f", sharing {', '.join(shared)}" if shared else ""),
            other=other, other_title=other_title, words=shared,
        ))
    common = [w for w in words if title_counts.get(w, 0) - 1 >= COMMON_TITLE_WORD]
    if not words or len(common) == len(words):
        reasons.append(Reason(
            "no-distinctive-word",
            "no word of the title tells it apart: "
            + (", ".join(f"{w} (in {title_counts.get(w, 0) - 1} other titles)" for w in words)
               or "the title is only question and function words"),
            words=common,
        ))
    known = {term for group in searcher.synonyms for member in group for term in member}
    unknown = [w for w in words if w not in known and not w.isdigit() and len(w) >= 2]
    if unknown:
        reasons.append(Reason(
            "thesaurus-gap",
            f"the thesaurus knows no other word for {', '.join(unknown)}: customers who say it "
            "differently will not find the page",
            words=unknown,
        ))
    missed = sorted({p.kind for p in page.probes if not 1 <= p.rank <= 5} - {"title", "words"},
                    key=KINDS.index)
    if missed and not rivals:
        reasons.append(Reason("typed-forms", f"missed when typed as: {', '.join(missed)}",
                              words=missed))
    return reasons


def suggestions(reasons: list[Reason]) -> list[str]:
    """What a page's owner can do, one line per reason (plain data in, plain text out)."""
    advice = []
    for reason in reasons:
        if reason.code == "shadowed":
            advice.append(
                f"add keywords: or questions: with the words customers use for this page and not "
                f"for “{reason.other_title}”, or rename the title so it says what differs from it")
        elif reason.code == "no-distinctive-word":
            advice.append("rename the title to name the specific feature or problem, and add "
                          "keywords: for it")
        elif reason.code == "thesaurus-gap":
            advice.append(f"add the other words customers use for {', '.join(reason.words)} to "
                          "keywords: (or, site-wide, to search: synonyms: in mkdocs.yml)")
        elif reason.code == "typed-forms":
            advice.append("add keywords: with the short forms customers type (a two-word "
                          "keyword also gives its 초성 and run-together forms)")
    return advice


def table(report: Report, limit: int = 20) -> str:
    """The readable report: recall by kind, then the hardest pages with reasons."""
    lines = [f"{len(report.pages)} pages, {sum(len(p.probes) for p in report.pages)} queries, "
             f"{report.seconds:.1f} s", "",
             f"{'kind':<10} {'n':>5} {'R@1':>6} {'R@5':>6}"]
    for kind in [*report.kinds(), None]:
        n = sum(p.kind == kind or kind is None for page in report.pages for p in page.probes)
        lines.append(f"{kind or 'all':<10} {n:>5} {report.recall(kind, 1):>6.3f} {report.recall(kind):>6.3f}")
    hard = sorted((page for page in report.pages if page.hard),
                  key=lambda page: (sum(1 <= p.rank <= 5 for p in page.probes) / len(page.probes),
                                    page.location))
    lines += ["", f"hard to find: {len(hard)} of {len(report.pages)} pages"
              + (f" (the {limit} hardest below)" if len(hard) > limit else "")]
    for page in hard[:limit]:
        ranks = " ".join(f"{kind}:{page.rank(kind) or '-'}" for kind in report.kinds())
        lines += ["", f"• {page.title}  ({page.source or page.location})", f"  ranks  {ranks}"]
        lines += [f"  why    {reason.detail}" for reason in page.reasons]
        lines += [f"  do     {advice}" for advice in page.suggestions]
    return "\n".join(lines)
