"""Measure one built site: sizes on disk, then its header search in Chromium."""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser
from playwright.sync_api import Error as PlaywrightError

from bench import browser, metrics, sites


@dataclass
class SiteResult:
    engine: str
    build_seconds: float | None = None
    note: str = ""  # how this build differs from a plain one, e.g. a trimmed nav
    error: str = ""
    site_bytes: int | None = None
    html_bytes_mean: float | None = None
    payload_files: list[str] = field(default_factory=list)
    payload_raw: int | None = None
    payload_gzip: int | None = None
    ready_ms: float | None = None
    first_result_ms: float | None = None
    latencies_ms: list[float] = field(default_factory=list)
    no_result: int | None = None  # queries whose list stayed empty (fast, but found nothing)
    quality: dict[str, metrics.Quality] | None = None

    @property
    def latency_median_ms(self) -> float | None:
        return metrics.median(self.latencies_ms)

    @property
    def latency_p95_ms(self) -> float | None:
        return metrics.p95(self.latencies_ms)


def disk_figures(result: SiteResult, site_dir: Path, src_uris: list[str]) -> None:
    result.site_bytes = sites.site_bytes(site_dir)
    result.html_bytes_mean = sites.html_bytes_mean(site_dir, src_uris)


def search_figures(
    result: SiteResult,
    chromium: Browser,
    site_dir: Path,
    queries: list[str],
    repeats: int,
    on_query: Callable[[int, int], None],
) -> list[list[str]]:
    """Time the first result after load (median of `repeats` cold loads) and every query.

    Returns the result pages shown for each query, in order; also fills `result`.
    """
    shown: list[list[str]] = []
    loads: list[browser.FirstResult] = []
    with browser.serve(site_dir) as base_url:
        try:
            for repeat in range(repeats):
                with browser.open_search(chromium, base_url, queries[0]) as (first, session):
                    loads.append(first)
                    if repeat == repeats - 1:  # the last cold load goes on to answer every query
                        shown = _ask_all(session, queries, result, on_query)
        except PlaywrightError as error:
            result.error = f"search: {error.message.splitlines()[0]}"
    if loads:
        result.first_result_ms = statistics.median(load.result_ms for load in loads)
        ready = [load.ready_ms for load in loads if load.ready_ms is not None]
        result.ready_ms = statistics.median(ready) if ready else None
        _payload(result, site_dir, loads[-1].fetched)  # the load that also ran every query
        if not all(load.count for load in loads):
            result.error = f"first result: nothing found for {queries[0]!r}"
    return shown


def _ask_all(session: browser.SearchSession, queries: list[str], result: SiteResult,
             on_query: Callable[[int, int], None]) -> list[list[str]]:
    shown = []
    for number, query in enumerate(queries, 1):
        answer = session.ask(query)
        shown.append(answer.locations)
        if answer.latency_ms is not None:
            result.latencies_ms.append(answer.latency_ms)
        on_query(number, len(queries))
    result.no_result = sum(not pages for pages in shown)
    return shown


def _payload(result: SiteResult, site_dir: Path, fetched: list[str]) -> None:
    """The search index files the page requested to load and answer (all under search/)."""
    files = sorted({path for path in fetched if path.startswith("search/")})
    result.payload_files = files
    result.payload_raw, result.payload_gzip = sites.payload_bytes([site_dir / f for f in files])


@dataclass
class KBRun:
    """One knowledge base measured with each engine."""

    label: str  # "default KB", "1,000 pages"
    pages: int
    sites: list[SiteResult] = field(default_factory=list)
