"""Evaluate doum's search on a query file: Recall@1, Recall@5 and MRR, overall and by kind.

    .venv/bin/python scripts/search_eval.py mkdocs.yml tests/search/queries.yaml
    .venv/bin/python scripts/search_eval.py examples/delivery/mkdocs.yml examples/delivery/queries.yaml --json
    .venv/bin/python scripts/search_eval.py --site /tmp/built-site examples/delivery/queries.yaml

Builds the site with the real `mkdocs build` (into a temporary folder unless --site names an
already built one) and searches through doum.search.searcher.Searcher — the same ranking the
browser uses (tests/search/test_search_quality.py checks the two agree). A query file is a YAML
list of {query, kind, expect: [docs-relative .md paths]}; any expected page counts as a hit.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from doum.search.searcher import Searcher  # noqa: E402


def page_location(src: str) -> str:
    """docs-relative Markdown path → the root-relative URL the index uses."""
    stem = src.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def build_site(config: Path, site_dir: Path) -> Path:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site_dir)],
        capture_output=True, text=True, env=env, cwd=config.parent,
    )
    if result.returncode != 0:
        raise SystemExit(f"mkdocs build failed:\n{result.stdout}{result.stderr}")
    return site_dir


def evaluate(searcher: Searcher, queries: list[dict[str, Any]]) -> dict[str, Any]:
    """{overall: {n, r1, r5, mrr}, kinds: {kind: {...}}, misses: [...]}"""
    per_kind: dict[str, list[tuple[int, int, float]]] = defaultdict(list)
    misses = []
    for entry in queries:
        expected = {page_location(src) for src in entry["expect"]}
        found = [hit.location for hit in searcher.search(str(entry["query"]), 10)]
        rank = next((i for i, location in enumerate(found, 1) if location in expected), 0)
        kind = str(entry.get("kind", "?"))
        per_kind[kind].append((rank == 1, 1 <= rank <= 5, 1 / rank if rank else 0.0))
        if rank != 1:
            misses.append({"kind": kind, "query": str(entry["query"]), "rank": rank,
                           "expect": sorted(expected), "found": found[:3]})

    def summary(rows: list[tuple[int, int, float]]) -> dict[str, float]:
        n = len(rows)
        return {"n": n, "r1": round(sum(r[0] for r in rows) / n, 3),
                "r5": round(sum(r[1] for r in rows) / n, 3),
                "mrr": round(sum(r[2] for r in rows) / n, 3)}

    everything = [row for rows in per_kind.values() for row in rows]
    return {"overall": summary(everything),
            "kinds": {kind: summary(rows) for kind, rows in sorted(per_kind.items())},
            "misses": misses}


def table(result: dict[str, Any]) -> str:
    lines = ["| kind | n | R@1 | R@5 | MRR |", "| --- | ---: | ---: | ---: | ---: |"]
    for kind, row in [*result["kinds"].items(), ("all", result["overall"])]:
        lines.append(f"| {kind} | {row['n']} | {row['r1']:.3f} | {row['r5']:.3f} | {row['mrr']:.3f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("config", nargs="?", help="the site's mkdocs.yml (omit with --site)")
    parser.add_argument("queries", help="the query file (YAML)")
    parser.add_argument("--site", help="an already built site folder (skips the build)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--misses", action="store_true", help="list the queries not at rank 1")
    args = parser.parse_args(argv)
    queries = yaml.safe_load(Path(args.queries).read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        if args.site:
            site = Path(args.site)
        elif args.config:
            site = build_site(Path(args.config).resolve(), Path(tmp) / "site")
        else:
            parser.error("give the site's mkdocs.yml or --site")
        result = evaluate(Searcher.from_site(site), queries)
    if args.json:
        print(json.dumps(result if args.misses else {k: v for k, v in result.items() if k != "misses"},
                         ensure_ascii=False, indent=1))
        return 0
    print(table(result))
    if args.misses:
        for miss in result["misses"]:
            print(f"  {miss['kind']}: {miss['query']} → rank {miss['rank'] or '-'}; "
                  f"want {miss['expect']}, got {miss['found']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
