"""`doum import SOURCE… --into docs/`: the command line of the importer."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from doum.importers import htmlfolder, manifest, report, writer
from doum.importers.csvfile import Columns
from doum.importers.model import ImportFailure
from doum.importers.plan import make_plan
from doum.importers.sources import FORMATS, ReadOptions, read_all

EXAMPLES = """\
examples:
  doum import faq.csv --into docs/
  doum import faq.csv --into docs/ --title 문의 --answer 답변내용 --category 분류
  doum import zendesk-export/ --into docs/          (articles-1.json, articles-2.json, …)
  doum import intercom-articles.json collections.json --into docs/
  doum import notion-export/ --into docs/ --title-selector h1.page-title
"""


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "import", help="bring in pages from CSV, Zendesk Guide, Intercom or HTML",
        description="Write one Markdown page per question into the docs folder. Run it again "
                    "to update: pages changed by hand since the last import are kept.",
        epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_arguments(parser)
    parser.set_defaults(run=run)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sources", nargs="+", metavar="SOURCE", type=Path,
                        help="files or folders: .csv/.tsv, Zendesk or Intercom .json, .html")
    parser.add_argument("--into", required=True, type=Path, metavar="DOCS",
                        help="the docs folder the pages go into, e.g. docs/")
    parser.add_argument("--format", choices=FORMATS,
                        help="the kind of export (default: from each file's name and content)")
    parser.add_argument("--encoding", help="text encoding of CSV files, e.g. cp949 "
                        "(default: UTF-8 with or without BOM, else CP949)")
    for key, example in (("title", "질문"), ("answer", "답변"), ("category", "카테고리"),
                         ("keywords", "키워드"), ("id", "번호")):
        parser.add_argument(f"--{key}", metavar="COLUMN",
                            help=f"CSV column with the {key} (default: a column named like "
                            f"{example})")
    parser.add_argument("--title-selector", default=htmlfolder.DEFAULT_TITLE_SELECTOR,
                        metavar="CSS",
                        help="HTML: element holding the title (default: %(default)s)")
    parser.add_argument("--body-selector", default=htmlfolder.DEFAULT_BODY_SELECTOR,
                        metavar="CSS",
                        help="HTML: element holding the answer; the first alternative that "
                        "matches wins (default: %(default)s)")
    parser.add_argument("--keep-hangul-slugs", action="store_true",
                        help="name folders and files in Hangul (default: romanised, gyejeong/…)")
    parser.add_argument("--findability", type=Path, metavar="MKDOCS_YML",
                        help="after importing, build the site with this config and report how "
                        "findable every page is (as `doum findability` does; not with --json)")
    parser.add_argument("--dry-run", action="store_true", help="report only; write nothing")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")


def run(args: argparse.Namespace) -> int:
    options = ReadOptions(
        format=args.format, encoding=args.encoding,
        columns=Columns(args.title, args.answer, args.category, args.keywords, args.id),
        title_selector=args.title_selector, body_selector=args.body_selector,
    )
    docs: Path = args.into
    try:
        if docs.exists() and not docs.is_dir():
            raise ImportFailure(str(docs), "--into must be a folder (the docs folder)")
        read = read_all(args.sources, options)
        plan = make_plan(read, docs, manifest.load(docs), args.keep_hangul_slugs)
        if not args.dry_run:
            writer.write(plan)
    except ImportFailure as failure:
        print(f"doum import: {failure}", file=sys.stderr)
        print("doum import: nothing was written", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"doum import: {error.filename or ''}: {error.strerror or error}", file=sys.stderr)
        return 1
    result = report.build(plan, dry_run=args.dry_run)
    try:
        print(report.as_json(result) if args.json else report.as_text(result), flush=True)
    except BrokenPipeError:  # `doum import … | head`: the import is done, the reader left
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    if args.findability and not args.dry_run and not args.json:
        from doum.cli import findability as findability_command  # the `doum` CLI imports this module

        print("\nFindability of the imported site (doum findability):", flush=True)
        return findability_command.run(argparse.Namespace(
            config_file=str(args.findability), site=None, docs=str(docs), json=False,
            limit=10, min_recall=None))
    return 0
