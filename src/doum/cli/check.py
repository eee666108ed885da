"""`doum check [DOCS]`: every problem of the docs at once, without building the site."""

from __future__ import annotations

import argparse

from doum.content import catalog
from doum.content.problems import ProblemLog
from doum.cli.project import ProjectError, open_project
from doum.content.problems import shown


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "check", help="check front matter, related pages and screenshots without building",
        description="Report every problem in the docs (errors and warnings) at once. "
                    "Exits 1 when there is an error (with --strict: any problem).",
    )
    parser.add_argument("docs", nargs="?", help="docs folder or mkdocs.yml (default: ./mkdocs.yml)")
    parser.add_argument("--strict", action="store_true", help="fail on warnings too")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        project = open_project(args.docs)
    except ProjectError as error:
        print(f"doum check: {error}")
        return 2
    problems = ProblemLog(echo_warnings=False)
    files = project.files()
    pages = catalog.load(files, project.options, project.config, problems)
    catalog.check_links(pages, files, problems)
    found = sorted(problems.problems, key=lambda p: (p.path, p.line, p.level))
    for problem in found:
        print(problem)
    errors = sum(p.level == "error" for p in found)
    warnings = len(found) - errors
    count = len(files.documentation_pages())
    print(f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')} in "
          f"{_plural(count, 'page')} ({shown(project.docs_dir)})")
    return 1 if errors or (args.strict and warnings) else 0


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")
