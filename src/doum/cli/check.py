"""`doum check [DOCS]`: every problem of the docs at once, without building the site."""

from __future__ import annotations

import argparse
import datetime
from pathlib import Path

from doum.cli.project import ConfigProblems, Project, ProjectError, open_project
from doum.content import catalog
from doum.content.problems import ProblemLog, shown
from doum.site import generated, markdown_defaults
from doum.support import calendar, status
from doum.site import legal, social_cards


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "check", help="check front matter, related pages and screenshots without building",
        description="Report every problem in the docs (errors and warnings) at once. "
                    "Exits 1 when there is an error (with --strict: any problem).",
    )
    parser.add_argument("docs", nargs="?", help="docs folder or mkdocs.yml (default: ./mkdocs.yml)")
    parser.add_argument("--strict", action="store_true", help="fail on warnings too")
    parser.add_argument("--status", metavar="FILE", help="check a status.json (notices, closures) instead")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if getattr(args, "status", None):
        return status.check_file(args.status)
    try:
        project = open_project(args.docs)
    except ConfigProblems as error:
        for problem in error.problems:
            line = _line_of(str(error.path), problem.key.split(" → ")[-1])
            print(f"{shown(error.path)}:{line}: error: {problem.key}: {problem.message}")
        print(f"{_plural(len(error.problems), 'error')} in {shown(error.path)}")
        return 1
    except ProjectError as error:
        print(f"doum check: {error}")
        return 2
    problems = ProblemLog(echo_warnings=False)
    markdown_defaults.keep_hangul_anchors(project.config)  # the anchors the build will make
    files = project.files()
    count = len(files.documentation_pages())  # the author's pages, before doum adds its own
    pages = catalog.load(files, project.options, project.config, problems)
    # MkDocs records which plugin generates a file while it runs an event; here none runs.
    project.config.plugins._current_plugin = "doum"
    try:
        generated.add_pages(files, pages, project.options, project.config)
    except calendar.SupportConfigError:
        pass  # the embed's site data reads the calendar: check_support reports it at its line
    catalog.check_references(pages, files, problems)
    check_support(project, problems)
    legal.report(project.options, project.config, problems)  # 사업자 정보, privacy_url
    social_cards.report(project.config, problems)  # the social plugin's Korean font
    status.report(project.docs_dir, problems)  # docs/status.json, when there is one
    found = sorted(problems.problems, key=lambda p: (p.path, p.line, p.level))
    for problem in found:
        print(problem)
    errors = sum(p.level == "error" for p in found)
    warnings = len(found) - errors
    print(f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')} in "
          f"{_plural(count, 'page')} ({shown(project.docs_dir)})")
    return 1 if errors or (args.strict and warnings) else 0


def check_support(project: Project, problems: ProblemLog) -> None:
    """The support settings the build turns into the calendar (hours, breaks, holidays, closures)."""
    try:
        calendar.build(project.options.support, datetime.date.today())
    except calendar.SupportConfigError as error:
        config_file = project.config.config_file_path or "mkdocs.yml"
        problems.error(shown(config_file), _line_of(config_file, error.key),
                       f"plugins → doum → support → {error.key}: {error.problem}",
                       error.fix)


def _line_of(config_file: str, key: str) -> int:
    """The line of `key:` in mkdocs.yml (1 when it is not written there, e.g. a default)."""
    try:
        lines = Path(config_file).read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1
    name = key.split(" → ")[0]
    return next((number for number, line in enumerate(lines, start=1)
                 if line.strip().startswith(f"{name}:")), 1)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")
