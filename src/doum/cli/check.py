"""`doum check [DOCS]`: every problem of the docs at once, without building the site."""

from __future__ import annotations

import argparse
import datetime
from collections.abc import Iterator
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from doum.cli.project import ConfigProblems, Project, ProjectError, open_project
from doum.content import catalog
from doum.content.problems import ProblemLog, shown
from doum.site import generated, languages, markdown_defaults
from doum.site.languages import Languages
from doum.support import calendar, status
from doum.site import legal, social_cards, strings


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
    language = check_language(project, problems)
    if language is None:  # every generated page speaks it: nothing else to check
        print(*problems.problems, sep="\n")
        print(f"1 error in {shown(project.config.config_file_path or 'mkdocs.yml')}")
        return 1
    markdown_defaults.keep_hangul_anchors(project.config)  # the anchors the build will make
    count = len(project.files().documentation_pages())  # the author's pages, before doum adds its own
    for files, site_languages in language_builds(project, language):
        check_pages(project, files, site_languages, problems)
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


def language_builds(project: Project, language: str) -> Iterator[tuple[Files, Languages | None]]:
    """The files each build sees: all of them, or with mkdocs-static-i18n one language's at a
    time, keyed as the build keys them (site/languages.py). `language`: check_language's."""
    i18n = languages.plugin(project.config)
    if i18n is None:
        yield project.files(), None
        return
    for locale in i18n.build_languages:
        i18n.current_language = locale
        every_file = list(project.files())
        files = i18n.reconfigure_files(Files(every_file), project.config)
        site_languages = languages.of(project.config, language)
        files = languages.keep_default_media(files, every_file, site_languages, project.config.docs_dir)
        yield languages.neutral_files(files), site_languages


def check_pages(project: Project, files: Files, site_languages: Languages | None,
                problems: ProblemLog) -> None:
    """What the build checks of one language's pages (the only one, on most sites)."""
    if site_languages is not None:
        try:
            languages.check_translations(project.options, site_languages)
        except PluginError as error:
            problems.error(shown(project.config.config_file_path or "mkdocs.yml"), 1, str(error),
                           "fix `categories:` in mkdocs.yml")
    pages = catalog.load(files, project.options, project.config, problems, site_languages)
    # MkDocs records which plugin generates a file while it runs an event; here none runs.
    project.config.plugins._current_plugin = "doum"
    try:
        generated.add_pages(files, pages, project.options, project.config,
                            embed_files=site_languages is None or site_languages.is_default)
    except calendar.SupportConfigError:
        pass  # the embed's site data reads the calendar: check_support reports it at its line
    catalog.check_references(pages, files, problems, project.config.docs_dir)


def check_language(project: Project, problems: ProblemLog) -> str | None:
    """theme.language, the interface language doum must have strings for (ko, en): the
    language, or None when doum cannot speak it (reported)."""
    try:
        return strings.language_of(project.config)
    except PluginError as error:
        config_file = project.config.config_file_path or "mkdocs.yml"
        problems.error(shown(config_file), _line_of(config_file, "language"),
                       str(error).removeprefix("mkdocs.yml: "))
        return None


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
