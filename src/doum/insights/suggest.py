"""What to do about a search customers could not finish: add words as `keywords:` to a page,
add a synonym group, or write a new page.

The advice is read off the engine itself (doum.search.searcher.Searcher on the built site's
index): which words of the query the site does not know at all, which page the engine would
now put first, and whether that page's title and keywords hold the query's words.

    suggest(searcher, "선물 반품")
    → Suggestion(kind="keywords", page="paid/cancel-gift/", words=["반품"], …)

A failed search and a hard-to-find page get the same advice: for every page a suggestion
names, `page_advice` runs `doum findability`'s own probes, diagnosis and suggestions
(doum.search.findability) on that page, so the report also says when the page itself is hard
to find and why. The rules for failed searches (which page, which words) live here.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from doum.insights.group import query_words, weak_words
from doum.search import findability, korean

GOOD_TITLE_SHARE = 0.5  # the page's title/keywords hold at least half the query's words
MAX_HITS = 3


@dataclass
class Suggestion:
    kind: str  # "keywords" | "synonyms" | "new_page" | "found" | "no_site"
    text: str  # one line for people (Korean, with the YAML to write)
    page: str = ""  # root-relative location of the page to change
    page_title: str = ""
    words: list[str] = field(default_factory=list)  # words to add (keywords or a synonym group)

    # `doum findability` on `page`, when that page is itself hard to find: its reasons and advice
    page_findability: dict[str, Any] | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class Advisor:
    """Suggestions for one built site: caches what the searcher knows about its pages."""

    def __init__(self, searcher: Any) -> None:
        self.searcher = searcher
        self.own_doc = {doc[0]: i for i, doc in enumerate(searcher.docs) if "#" not in doc[0]}
        self._titled: dict[str, set[str]] = {}

    def hits(self, query: str, limit: int = MAX_HITS) -> list[Any]:
        return self.searcher.search(query, limit)

    def resolves(self, word: str) -> list[set[str]]:
        """The word's parts, each as the index terms that answer it ([] when unknown)."""
        plan = self.searcher.analyze(word)
        return [set(part) for part in plan.parts if part]

    def title_weight(self, page: str, word: str) -> float:
        """How well the page's title and keywords hold the word: 1 in its own spelling, half
        through a synonym or correction only, halved again for a word many titles share."""
        doc = self.own_doc.get(page)
        parts = self.resolves(word)
        if doc is None or not parts:
            return 0.0
        titles = self.searcher.title_docs
        if not all(any(doc in titles(term) for term in part) for part in parts):
            return 0.0
        weight = 1.0 if all(word in part and doc in titles(word) for part in parts) else 0.5
        pages = {self.searcher.page_of[d] for part in parts for term in part for d in titles(term)}
        if len(pages) > max(2, 0.05 * len(self.own_doc)):
            weight /= 2
        return weight

    def title_terms(self, page: str) -> set[str]:
        """The index terms of the page's own title and keywords."""
        if not self._titled:
            searcher = self.searcher
            for term in searcher.vocab:
                for doc in searcher.title_docs(term):
                    self._titled.setdefault(searcher.docs[doc][0], set()).add(term)
        return self._titled.get(page, set())

    def unknown(self, word: str) -> bool:
        return not self.resolves(word)

    def title(self, page: str) -> str:
        doc = self.own_doc.get(page)
        return self.searcher.docs[doc][1] if doc is not None else page


def suggest(advisor: Advisor | None, query: str, *, zero_results: bool = False) -> Suggestion:
    """The advice for one failed search (its most common spelling)."""
    if advisor is None:
        return Suggestion("no_site", "--site 로 사이트를 주면 지금 검색 결과와 제안을 보여 줘요.")
    spelled = surface_words(query, advisor.searcher.join_split_words)  # stem → as typed
    words = list(spelled)
    phrase = " ".join(spelled.values()) or query.strip()
    hits = advisor.hits(query)
    target = hits[0] if hits and not hits[0].approximate else None
    weights = {w: advisor.title_weight(target.location, w) if target else 0.0 for w in words}
    covered = [w for w in words if weights[w] > 0]
    # The share of the query's letters the page's title and keywords hold: a long unknown word
    # (유효기간연장) outweighs a short known one.
    share = sum(weights[w] * len(w) for w in words) / max(1, sum(len(w) for w in words))
    if target is None or not words or share < GOOD_TITLE_SHARE:
        return Suggestion(
            "new_page",
            f"새 페이지를 쓰세요: 지금 이 질문에 답하는 페이지가 없어요. 제목 예: “{query.strip()}” "
            f"(doum new <카테고리> \"{query.strip()}\")",
            words=[phrase],
        )
    missing = [w for w in words if w not in covered]
    if missing:
        keywords = [phrase] if len(words) > 1 else []
        keywords += [spelled[w] for w in missing if spelled[w] not in keywords]
        listed = ", ".join(keywords)
        return Suggestion(
            "keywords",
            f"{target.location} ({target.title})의 keywords: 에 더하세요: [{listed}]",
            page=target.location, page_title=target.title, words=keywords,
        )
    what = "결과가 없었지만 이제 찾아요" if zero_results else "첫 결과로 찾지만 아무도 열지 않았어요"
    return Suggestion(
        "found",
        f"{what}: {target.location} ({target.title})의 제목과 summary 가 “{query.strip()}”에 답하는지 "
        f"확인하세요. 답하지 않으면 새 페이지를 쓰세요.",
        page=target.location, page_title=target.title, words=[],
    )


def surface_words(query: str, join: Any = None) -> dict[str, str]:
    """The query's content words, stem → as the customer spelled it (function words dropped);
    `join`: the searcher's join_split_words (비밀 번호 → 비밀번호)."""
    found: dict[str, str] = {}
    weak = weak_words()
    typed = korean.words(query)
    for word in join(typed) if join else typed:
        stem = korean.stem(word)
        if stem not in weak and stem not in found:
            found[stem] = word
    if not found:
        found = {korean.stem(w): w for w in korean.words(query)}
    return found


def synonym_groups(advisor: Advisor | None, advice: dict[str, Suggestion]) -> dict[str, Suggestion]:
    """A word the site does not know, wanted on two or more different pages, is a synonym of
    something the site says in its own words: one `search: synonyms:` group beats keywords on
    every page. `advice`: label query → its suggestion; returns the labels to re-advise."""
    if advisor is None:
        return {}
    pages_of: dict[str, set[str]] = {}
    labels_of: dict[str, list[str]] = {}
    for label, suggestion in advice.items():
        if suggestion.kind != "keywords":
            continue
        for word in suggestion.words:
            if " " in word or not advisor.unknown(word):
                continue
            pages_of.setdefault(word, set()).add(suggestion.page)
            labels_of.setdefault(word, []).append(label)
    changed: dict[str, Suggestion] = {}
    for word, pages in pages_of.items():
        if len(pages) < 2:
            continue
        partners = _shared_title_word(advisor, pages, labels_of[word])
        group = [word, partners[0]] if partners else [word]
        listed = ", ".join(group)
        others = f" (또는 {', '.join(partners[1:3])})" if len(partners) > 1 else ""
        text = (f"동의어 묶음을 mkdocs.yml 의 search: synonyms: 에 더하세요: [{listed}]{others}"
                if partners else f"“{word}”를 여러 페이지({', '.join(sorted(pages))})에서 찾아요: "
                f"같은 뜻의 사이트 낱말과 함께 search: synonyms: 에 묶으세요: [{word}, …]")
        for label in labels_of[word]:
            old = advice[label]
            changed[label] = Suggestion("synonyms", text, page=old.page, page_title=old.page_title, words=group)
    return changed


def _shared_title_word(advisor: Advisor, pages: set[str], labels: list[str]) -> list[str]:
    """Words every one of these pages has in its title or keywords, one of them in its title
    proper, that none of the queries used (the site's own words for the customers' one),
    the most specific first."""
    used = {w for label in labels for w in query_words(label)}
    weak = weak_words()  # (the most specific shared word: the least common on the site)
    shared: set[str] | None = None
    for page in pages:
        terms = advisor.title_terms(page)
        shared = terms if shared is None else shared & terms
    titled = {t for page in pages for t in korean.tokens(advisor.title(page))}
    candidates = sorted((t for t in shared or () if t in titled and t not in used and t not in weak
                         and len(t) >= 2), key=lambda t: (advisor.searcher.df(t), t))
    return candidates


def page_advice(advisor: Advisor | None, advice: dict[str, Suggestion]) -> None:
    """Attach findability's diagnosis to every suggestion whose page is itself hard to find."""
    pages = {s.page for s in advice.values() if s.page}
    if advisor is None or not pages:
        return
    report = findability.run(advisor.searcher, only=pages)
    hard = {page.location: page for page in report.pages if page.hard}
    for suggestion in advice.values():
        page = hard.get(suggestion.page)
        if page is not None:
            suggestion.page_findability = {
                "missed": [p.kind for p in page.probes if not 1 <= p.rank <= 5],
                "reasons": [reason.detail for reason in page.reasons],
                "suggestions": list(page.suggestions),
            }
