"""`doum report EVENTS… [--site mkdocs.yml|SITE_DIR] [--since] [--until] [--html out.html] [--json]`:
what customers could not find, from the collected insight events (JSON Lines or CSV).

With --site, each failed search is run through the site's own search (the built index: a
site folder is read as it is, a mkdocs.yml is built into a temporary folder first) and gets
a suggestion: keywords for a page, a synonym group, or a new page.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from doum.insights import aggregate, events, html, text
from doum.insights.suggest import Advisor
from doum.search.documents import INDEX_FILE
from doum.search.searcher import Searcher


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "report", help="what customers could not find (from collected insight events)",
        description="Failed searches grouped by their normalised Korean form, pages voted "
                    "'아니요', the zero-result rate and hand-offs by hour and weekday (KST), "
                    "with a suggestion for each failed search.",
    )
    parser.add_argument("events", nargs="+", help="event files or folders (.jsonl, .ndjson, .json, .csv)")
    parser.add_argument("--site", help="mkdocs.yml (built into a temporary folder) or a built site folder")
    parser.add_argument("--since", help="first day (KST, 2026-12-01) or an ISO time")
    parser.add_argument("--until", help="last day, included (KST, 2026-12-31) or an ISO time (excluded)")
    parser.add_argument("--html", metavar="OUT.html", help="also write a self-contained HTML report")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--top", type=int, default=20, help="failed searches listed (default: 20)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        since = events.parse_bound(args.since) if args.since else None
        until = events.parse_bound(args.until, end=True) if args.until else None
    except ValueError as error:
        print(f"doum report: {error}", file=sys.stderr)
        return 2
    missing = [p for p in args.events if not Path(p).exists()]
    if missing:
        print(f"doum report: not found: {', '.join(missing)}", file=sys.stderr)
        return 2
    found = events.read(args.events)
    chosen = events.within(found.events, since, until)
    with tempfile.TemporaryDirectory(prefix="doum-report-") as scratch:
        advisor = None
        if args.site:
            site_dir = site_folder(Path(args.site), Path(scratch))
            if site_dir is None:
                return 2
            advisor = Advisor(Searcher.from_site(site_dir))
        period = {"since": args.since, "until": args.until}
        report = aggregate.summarize(found, chosen, advisor, aggregate.Options(top=args.top), period)
    if args.html:
        Path(args.html).write_text(html.render(report), encoding="utf-8")
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(text.render(report))
        if args.html:
            print(f"\nHTML: {args.html}")
    return 0


def site_folder(site: Path, scratch: Path) -> Path | None:
    """A built site folder: --site itself, or mkdocs.yml built into `scratch`."""
    if site.is_dir() and (site / INDEX_FILE).is_file():
        return site
    config = site / "mkdocs.yml" if site.is_dir() else site
    if not config.is_file():
        print(f"doum report: --site {site}: neither a built site (no {INDEX_FILE}) nor a mkdocs.yml",
              file=sys.stderr)
        return None
    out = scratch / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(out)],
        capture_output=True, text=True, cwd=config.parent,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    if result.returncode != 0 or not (out / INDEX_FILE).is_file():
        print(f"doum report: building {config} failed:\n{result.stdout}{result.stderr}", file=sys.stderr)
        return None
    return out
