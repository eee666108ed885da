"""Search quality (Recall@k, MRR per query kind) and latency statistics."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass
class Query:
    text: str
    kind: str
    expect: list[str]  # docs-relative source paths; any of them counts as a hit


@dataclass
class Quality:
    queries: int
    recall_at_1: float
    recall_at_5: float
    mrr: float  # over the results the list shows first (Material renders 10 before scrolling)


def load_queries(path: Path) -> list[Query]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Query(str(e["query"]), str(e["kind"]), list(e["expect"])) for e in entries]


def location(src_uri: str) -> str:
    """The root-relative URL MkDocs gives a page: account/x.md → account/x/, index.md → ''."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def rank(expect: list[str], shown: list[str]) -> int | None:
    """1-based position of the first expected page among the pages shown, or None."""
    wanted = {location(uri) for uri in expect}
    for position, page in enumerate(dict.fromkeys(shown), 1):
        if page in wanted:
            return position
    return None


def quality_by_kind(queries: list[Query], shown: list[list[str]]) -> dict[str, Quality]:
    """Quality per kind, in the order kinds first appear, plus "all"."""
    ranks: dict[str, list[int | None]] = {}
    for query, pages in zip(queries, shown, strict=True):
        found = rank(query.expect, pages)
        ranks.setdefault(query.kind, []).append(found)
        ranks.setdefault("all", []).append(found)
    all_ranks = ranks.pop("all")
    return {kind: _quality(found) for kind, found in [*ranks.items(), ("all", all_ranks)]}


def _quality(ranks: list[int | None]) -> Quality:
    n = len(ranks)
    return Quality(
        queries=n,
        recall_at_1=sum(r == 1 for r in ranks) / n,
        recall_at_5=sum(r is not None and r <= 5 for r in ranks) / n,
        mrr=sum(1 / r for r in ranks if r is not None) / n,
    )


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def p95(values: list[float]) -> float | None:
    """95th percentile, nearest-rank method (an observed value, no interpolation)."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, -(-95 * len(ordered) // 100) - 1)]
