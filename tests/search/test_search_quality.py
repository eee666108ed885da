"""Search quality on realistic customer queries, and the browser ranking exactly as Python.

tests/search/queries.yaml is held out from the search code (written separately, never tuned
against); tests/search/dev-queries.yaml is the search code's own development set.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from doum.search.searcher import Searcher

HERE = Path(__file__).parent
QUERY_FILES = [path for path in (HERE / "queries.yaml", HERE / "dev-queries.yaml") if path.exists()]
MIN_RECALL_AT_5 = 0.95
MIN_RECALL_AT_1 = 0.80


def load_queries(path: Path) -> list[dict[str, Any]]:
    queries = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(queries, list) and queries, f"{path}: expected a list of queries"
    return queries


def page_location(src: str) -> str:
    """docs-relative Markdown path → the root-relative URL the index uses."""
    stem = src.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def recall(searcher: Searcher, queries: list[dict[str, Any]]) -> tuple[float, float, list[str]]:
    at_1 = at_5 = 0
    misses: list[str] = []
    for entry in queries:
        expected = {page_location(src) for src in entry["expect"]}
        found = [hit.location for hit in searcher.search(str(entry["query"]), 5)]
        at_1 += bool(found) and found[0] in expected
        at_5 += any(location in expected for location in found)
        if not found or found[0] not in expected:
            misses.append(f"{entry.get('kind', '?')}: {entry['query']} → {found[:3]}")
    return at_1 / len(queries), at_5 / len(queries), misses


@pytest.fixture(scope="module")
def searcher(default_site: Path) -> Searcher:
    return Searcher.from_site(default_site)


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.name)
def test_recall(searcher: Searcher, path: Path) -> None:
    at_1, at_5, misses = recall(searcher, load_queries(path))
    report = f"Recall@1 {at_1:.3f}, Recall@5 {at_5:.3f}; not first:\n" + "\n".join(misses)
    assert at_5 >= MIN_RECALL_AT_5, report
    assert at_1 >= MIN_RECALL_AT_1, report


# examples/delivery: a second knowledge base (food delivery) with its own query set, written
# before the engine changes that use it and never edited. The floors sit a little under what
# the engine reaches (R@1 0.833, R@5 0.981 when they were set) so a regression shows.
DELIVERY = HERE.parent.parent / "examples" / "delivery"
DELIVERY_MIN_RECALL_AT_1 = 0.80
DELIVERY_MIN_RECALL_AT_5 = 0.96
DELIVERY_MIN_KIND_RECALL_AT_5 = 0.85


@pytest.fixture(scope="module")
def delivery_searcher(tmp_path_factory: pytest.TempPathFactory, build) -> Searcher:
    site = build(DELIVERY, tmp_path_factory.mktemp("delivery") / "site")
    return Searcher.from_site(site)


def test_delivery_queries_recall(delivery_searcher: Searcher) -> None:
    queries = load_queries(DELIVERY / "queries.yaml")
    at_1, at_5, misses = recall(delivery_searcher, queries)
    report = f"Recall@1 {at_1:.3f}, Recall@5 {at_5:.3f}; not first:\n" + "\n".join(misses)
    assert at_5 >= DELIVERY_MIN_RECALL_AT_5, report
    assert at_1 >= DELIVERY_MIN_RECALL_AT_1, report
    for kind in sorted({q["kind"] for q in queries}):
        _, kind_at_5, _ = recall(delivery_searcher, [q for q in queries if q["kind"] == kind])
        assert kind_at_5 >= DELIVERY_MIN_KIND_RECALL_AT_5, f"{kind}: Recall@5 {kind_at_5:.3f}\n{report}"


KINDS = {"keyword", "inflected", "nospace", "colloquial", "synonym", "typo", "chosung", "qwerty", "mixed"}


def test_held_out_set_is_big_enough_in_every_kind() -> None:
    queries = load_queries(HERE / "queries.yaml")
    assert len(queries) >= 150
    per_kind = {kind: sum(q["kind"] == kind for q in queries) for kind in KINDS}
    assert {q["kind"] for q in queries} == KINDS
    assert min(per_kind.values()) >= 15, per_kind


@pytest.mark.browser
def test_browser_top5_equals_python_top5(searcher: Searcher, default_url: str, new_page) -> None:
    queries = [str(q["query"]) for path in QUERY_FILES for q in load_queries(path)]
    queries += ["", "   ", "+-~^:*", "<img src=x onerror=alert(1)>", "a" * 1000, "constructor"]
    page = new_page()
    page.goto(default_url)
    browser = page.evaluate(
        """async (queries) => {
            const { search } = await import(new URL("assets/doum/search.js", document.baseURI).href)
            const lists = []
            for (const query of queries) lists.push((await search(query, { limit: 5 })).map((h) => h.location))
            return lists
        }""",
        queries,
    )
    python = [[hit.location for hit in searcher.search(query, 5)] for query in queries]
    differing = [(q, p, b) for q, p, b in zip(queries, python, browser) if p != b]
    assert not differing, json.dumps(differing[:10], ensure_ascii=False, indent=1)
