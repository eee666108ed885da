"""`doum search "질의" [--site DIR] [--json] [--limit N]`: the built site's search, in a terminal.

Reads the index the build wrote (site/search/doum.json, its entry and pieces) and ranks exactly
as the browser does.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from doum.search import pieces
from doum.search.documents import INDEX_FILE
from doum.search.searcher import Searcher


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "search", help="search the built help center as customers do",
        description="Search the built site's index, ranked exactly as the browser ranks.",
    )
    parser.add_argument("query", help='what a customer would type, e.g. "비밀번호를 잊어버렸어요"')
    parser.add_argument("--site", default="site", help="the built site folder (default: site)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--limit", type=_positive, default=5, help="how many pages (default: 5)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    index_path = Path(args.site) / INDEX_FILE
    if not index_path.is_file():
        print(f"doum search: {index_path} not found. Build the site first (`make build` or "
              f"`mkdocs build`), or point --site at the built folder.", file=sys.stderr)
        return 2
    try:
        searcher = Searcher.from_site(args.site)
    except pieces.IndexFormatError as error:
        print(f"doum search: {error}", file=sys.stderr)
        return 2
    except FileNotFoundError as error:
        print(f"doum search: {error.filename} is missing (the index is incomplete); build the "
              f"site again.", file=sys.stderr)
        return 2
    hits = searcher.search(args.query, args.limit)
    if args.json:
        print(json.dumps([asdict(hit) for hit in hits], ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print("검색 결과가 없어요.")
    elif hits[0].approximate:
        print("정확히 맞는 결과가 없어 비슷한 낱말로 찾은 결과예요.")
    for rank, hit in enumerate(hits, 1):
        print(f"{rank}. {hit.title}  ({hit.location}, {hit.score:.3f})")
        if hit.summary:
            print(f"   {hit.summary}")
    return 0


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("--limit must be 1 or more")
    return number
