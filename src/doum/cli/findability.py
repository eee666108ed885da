"""`doum findability [-f mkdocs.yml] [--site DIR] [--json] [--min-recall X]`: can customers find
every page? Queries derived from each page's title and keywords, run through the site's own
search; the pages that are hard to find, why, and what to change.

Without --site the site is built first (into a temporary folder) with the real `mkdocs build`.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from doum.search import findability
from doum.search.documents import INDEX_FILE
from doum.search.searcher import Searcher


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "findability", help="check that every page can be found, and why some cannot",
        description="Run queries derived from every page's title and keywords (the title, its "
                    "words, without spaces, 초성, English-mode keys, a typo, with particles, the "
                    "keywords) through the site's search; report each page's rank by kind and "
                    "the pages that are hard to find, with reasons and suggestions.",
    )
    parser.add_argument("-f", "--config-file", default="mkdocs.yml",
                        help="the site's mkdocs.yml (default: mkdocs.yml)")
    parser.add_argument("--site", help="an already built site folder (skips the build)")
    parser.add_argument("--docs", help="the docs folder for keywords (default: the config's docs_dir)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--limit", type=int, default=20, help="hard pages listed (default: 20)")
    parser.add_argument("--min-recall", type=float, default=None, metavar="X",
                        help="exit with status 1 when the share of queries that find their page "
                             "in the first five results is below X (0 to 1): a CI gate")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    config = Path(args.config_file)
    docs = Path(args.docs) if args.docs else _docs_dir(config)
    with tempfile.TemporaryDirectory(prefix="doum-findability-") as tmp:
        site = Path(args.site) if args.site else _build(config, Path(tmp) / "site")
        if site is None:
            return 2
        if not (site / INDEX_FILE).is_file():
            print(f"doum findability: {site / INDEX_FILE} not found; build the site first or "
                  "leave out --site.", file=sys.stderr)
            return 2
        sources = findability.front_matter_keywords(docs) if docs and docs.is_dir() else {}
        report = findability.run(Searcher.from_site(site), sources)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=1))
    else:
        print(findability.table(report, args.limit))
    recall = report.recall()
    if args.min_recall is not None and recall < args.min_recall:
        print(f"doum findability: recall@5 {recall:.3f} is below --min-recall {args.min_recall}",
              file=sys.stderr)
        return 1
    return 0


def _docs_dir(config: Path) -> Path | None:
    if not config.is_file():
        return None
    try:
        from mkdocs.config import load_config
        return Path(load_config(str(config))["docs_dir"])
    except Exception:  # a config that does not load: keywords are optional
        return None


def _build(config: Path, site: Path) -> Path | None:
    if not config.is_file():
        print(f"doum findability: {config} not found (use -f, or --site for a built site)",
              file=sys.stderr)
        return None
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
        capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        cwd=config.resolve().parent,
    )
    if result.returncode != 0:
        print(f"doum findability: the build failed:\n{result.stdout}{result.stderr}", file=sys.stderr)
        return None
    return site
