"""Measure one built site: sizes on disk, page weight, then its header search in Chromium."""

from __future__ import annotations

import gzip
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser
from playwright.sync_api import Error as PlaywrightError

from bench import browser, lighthouse, metrics, pages, sites


@dataclass
class SiteResult:
    engine: str
    build_seconds: float | None = None
    note: str = ""  # how this build differs from a plain one, e.g. a trimmed nav
    error: str = ""
    site_bytes: int | None = None
    html_bytes_mean: float | None = None
    # Search, cold load with ?q=: everything the search path fetched until the first result.
    search_files: list[str] = field(default_factory=list)
    search_raw: int | None = None
    search_gzip: int | None = None
    ready_ms: float | None = None
    first_result_ms: float | None = None
    found_nothing: list[str] = field(default_factory=list)  # first-result queries answered empty
    # Search, typed into a loaded page: first keystroke → first result, and what it fetched.
    typed_first_ms: float | None = None
    typed_files: list[str] = field(default_factory=list)
    typed_raw: int | None = None
    typed_gzip: int | None = None
    # Search, the whole session: the cold ?q= load, then every query (pasted and typed).
    session_files: int | None = None
    session_raw: int | None = None
    session_gzip: int | None = None
    latencies_ms: list[float] = field(default_factory=list)  # whole queries pasted
    keystroke_ms: list[float] = field(default_factory=list)  # queries typed char by char
    no_result: int | None = None  # queries whose list stayed empty (fast, but found nothing)
    quality: dict[str, metrics.Quality] | None = None
    stock_index_gzip: int | None = None  # stock only: search/search_index.json, gzip level 6
    pages: dict[str, pages.PageFigures] = field(default_factory=dict)  # home, answer, contact
    lighthouse: dict[str, lighthouse.Scores] = field(default_factory=dict)

    @property
    def latency_median_ms(self) -> float | None:
        return metrics.median(self.latencies_ms)

    @property
    def latency_p95_ms(self) -> float | None:
        return metrics.p95(self.latencies_ms)

    @property
    def keystroke_median_ms(self) -> float | None:
        return metrics.median(self.keystroke_ms)

    @property
    def keystroke_p95_ms(self) -> float | None:
        return metrics.p95(self.keystroke_ms)


def disk_figures(result: SiteResult, site_dir: Path, src_uris: list[str]) -> None:
    result.site_bytes = sites.site_bytes(site_dir)
    result.html_bytes_mean = sites.html_bytes_mean(site_dir, src_uris)


def stock_index(result: SiteResult, site_dir: Path) -> None:
    """Stock Material's search_index.json, gzip: the issue's baseline for search bytes.

    Read by name on the stock side only; doum's index is weighed as the browser fetches it.
    """
    index = site_dir / "search" / "search_index.json"
    result.stock_index_gzip = len(gzip.compress(index.read_bytes(), compresslevel=6))


def search_figures(
    result: SiteResult,
    chromium: Browser,
    site_dir: Path,
    queries: list[str],
    repeats: int,
    typed_queries: int,
    on_query: Callable[[int, int], None],
) -> list[list[str]]:
    """Time the first result (cold ?q= load, and typed into a loaded page): `repeats` of each,
    the n-th with the n-th query, median; every whole query; and the first `typed_queries`
    queries typed char by char.

    One query repeated would time that query: whether its words are rare or in half the pages
    moves the figure more than the engine does. Bytes before the first result are the largest
    any of those queries fetched.

    Returns the result pages shown for each query, in order; also fills `result`.
    """
    shown: list[list[str]] = []
    firsts = first_queries(queries, repeats)
    loads: list[browser.FirstResult] = []
    typed: list[browser.TypedResult] = []
    bodies = pages.Bodies()
    with browser.serve(site_dir) as base_url:
        try:
            for repeat, query in enumerate(firsts):
                with browser.open_search(chromium, base_url, query) as (first, session):
                    loads.append(first)
                    if repeat == repeats - 1:  # the last cold load goes on to answer every query
                        shown = _ask_all(session, queries, typed_queries, result, on_query)
                        _, result.session_raw, result.session_gzip = _weigh(
                            session.search_path(), base_url, bodies)
                        result.session_files = len(session.search_path())
            for query in firsts:
                typed.append(browser.typed_search(chromium, base_url, query))
        except PlaywrightError as error:
            result.error = f"search: {error.message.splitlines()[0]}"
        if loads:
            result.first_result_ms = statistics.median(load.result_ms for load in loads)
            ready = [load.ready_ms for load in loads if load.ready_ms is not None]
            result.ready_ms = statistics.median(ready) if ready else None
            # code or data the search loads on demand, which an idle page never asks for
            idle = typed[-1].idle_urls if typed else None
            result.search_files, result.search_raw, result.search_gzip = max(
                (_weigh(_search_fetched(load, idle), base_url, bodies) for load in loads),
                key=lambda weighed: weighed[2])
            # An empty list is an answer (its time counts) unless no query found anything.
            result.found_nothing = [query for load, query in zip(loads, firsts) if not load.count]
            if len(result.found_nothing) == len(loads):
                result.error = f"first result: nothing found for {result.found_nothing[0]!r}"
        if typed:
            result.typed_first_ms = statistics.median(t.result_ms for t in typed)
            result.typed_files, result.typed_raw, result.typed_gzip = max(
                (_weigh(t.fetched, base_url, bodies) for t in typed), key=lambda weighed: weighed[2])
    return shown


def first_queries(queries: list[str], repeats: int) -> list[str]:
    """The query of each first-result run: the sample's first `repeats`, in order."""
    return [queries[n % len(queries)] for n in range(repeats)]


def _search_fetched(load: browser.FirstResult,
                    idle: set[str] | None) -> list[browser.Resource]:
    """What a cold ?q= load fetched for its search: the search path, and (when the idle page's
    requests are known) whatever else it loaded that the page without a query never does."""
    if idle is None:
        return load.fetched
    return load.fetched + [r for r in load.loaded if r.url not in idle]


def page_figures(result: SiteResult, chromium: Browser, site_dir: Path, lighthouse_runs: int,
                 on_step: Callable[[str], None]) -> None:
    """Per-page weight, and Lighthouse (when lighthouse_runs > 0) on the same static server."""
    with browser.serve(site_dir) as base_url:
        on_step("page weight")
        try:
            result.pages = pages.measure_pages(chromium, base_url, result.engine)
        except PlaywrightError as error:
            result.error = f"pages: {error.message.splitlines()[0]}"
        for role, path in pages.PAGES.items() if lighthouse_runs else ():
            if result.engine == "stock" and role == "contact":
                continue  # no contact page in stock Material; its answer page is measured
            on_step(f"lighthouse {role}")
            result.lighthouse[role] = lighthouse.scores(base_url + path, lighthouse_runs)


def _weigh(fetched: list[browser.Resource], base_url: str,
           bodies: pages.Bodies) -> tuple[list[str], int, int]:
    """Root-relative URLs (each once) and their raw and gzip bytes."""
    urls = list(dict.fromkeys(r.url for r in fetched))
    sizes = [bodies(url) for url in urls]
    return ([browser.location(url, base_url) for url in urls], sum(s[0] for s in sizes),
            sum(s[1] for s in sizes))


def _ask_all(session: browser.SearchSession, queries: list[str], typed_queries: int,
             result: SiteResult, on_query: Callable[[int, int], None]) -> list[list[str]]:
    shown = []
    for number, query in enumerate(queries, 1):
        answer = session.ask(query)
        shown.append(answer.locations)
        if answer.latency_ms is not None:
            result.latencies_ms.append(answer.latency_ms)
        if number <= typed_queries:
            result.keystroke_ms += session.type_by_syllable(query)
        on_query(number, len(queries))
    result.no_result = sum(not pages for pages in shown)
    return shown


@dataclass
class KBRun:
    """One knowledge base measured with each engine."""

    label: str  # "default KB", "1,000 pages", "1,000 pages (growing)"
    pages: int
    sites: list[SiteResult] = field(default_factory=list)
    mode: str = "default"  # "default" (docs/), or the generator's "fixed" / "growing"
    distinct_terms: int | None = None  # distinct word forms in the pages (generated KBs)
