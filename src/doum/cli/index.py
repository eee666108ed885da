"""`doum index SITE_DIR`: doum's search, launcher and contact data for a site built by any
generator (ProperDocs, Zensical, Hugo, hand-written HTML). The logic is doum.postbuild."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from doum.postbuild import build
from doum.postbuild.settings import SettingsError


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "index", help="add doum's search and launcher to a site any generator built",
        description="Read the HTML of an already-built static site and write doum's search "
                    "index (search/doum.json), the browser code (assets/doum/) and the launcher "
                    "and contact data (assets/doum/site.json) into it; then print the tags to "
                    "paste into the site's template.",
    )
    parser.add_argument("site_dir", metavar="SITE_DIR", help="the built site folder")
    parser.add_argument("--config", metavar="FILE",
                        help="support/contact/search settings (default: ./doum.yml when it exists)")
    parser.add_argument("--title-selector", metavar="CSS",
                        help="the page title (default: the first h1, else <title>)")
    parser.add_argument("--content-selector", metavar="CSS",
                        help="the page text (default: article, else main, [role=main], body)")
    parser.add_argument("--ignore-selector", metavar="CSS",
                        help="elements inside the content that are not page text "
                             "(default: nav, header, footer, aside, forms, scripts …)")
    parser.add_argument("--exclude", metavar="GLOB", action="append", default=[],
                        help="HTML files not to index, relative to SITE_DIR (repeatable; "
                             "the home page index.html and 404.html are always left out)")
    parser.add_argument("--contact-url", default="contact/", metavar="PATH",
                        help="the contact page, relative to the site root (default: contact/)")
    parser.add_argument("--base-url", default="/", metavar="PATH",
                        help="where the site is served, for the printed tags (default: /)")
    parser.add_argument("--quiet", action="store_true", help="print only the tags")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    config = Path(args.config) if args.config else None
    if config is None and Path("doum.yml").is_file():
        config = Path("doum.yml")
    try:
        result = build(Path(args.site_dir), config, title_selector=args.title_selector,
                       content_selector=args.content_selector, ignore_selector=args.ignore_selector,
                       exclude=args.exclude, contact_url=args.contact_url, base_url=args.base_url)
    except (SettingsError, ValueError) as error:
        print(f"doum index: {error}", file=sys.stderr)
        return 2
    if not args.quiet:
        print(f"doum index: {len(result.pages)} pages ({result.documents} search documents) "
              f"from {result.site_dir}; wrote {', '.join(result.written)}", file=sys.stderr)
        for skipped in result.skipped[:10]:
            print(f"  skipped {skipped.path}: {skipped.reason}", file=sys.stderr)
        if len(result.skipped) > 10:
            print(f"  … {len(result.skipped) - 10} more skipped", file=sys.stderr)
        for note in result.notes:
            print(f"note: {note}", file=sys.stderr)
        print("Paste into your site's template:", file=sys.stderr)
    print(result.snippet)
    return 0
