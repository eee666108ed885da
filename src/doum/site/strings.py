"""The interface's words in the build's language: one catalog per language and area.

`strings/<language>/<area>.yml` holds nested mappings of strings; Korean is the reference, and
every other language has exactly its keys and `{placeholders}`. Keys are `<area>.<dotted.path>`
(`pages.contact.title`). Templates print them through the Jinja global `doum_t`; Python that
renders visitor text calls `Strings.text`; the `browser` area travels to the browser code in the
site data (`strings`, see sitedata.py).

The build's language is Material's `theme.language`, which mkdocs-static-i18n sets per language:
`language_of` alone reads it, and what else speaks the build's language (the Languages record,
the search index's analyzer, the feed) is handed its result.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from doum.content.frontmatter import FAST_LOADER

SUPPORTED = ("ko", "en")
REFERENCE = "ko"
AREAS = ("pages", "browser")
CATALOGS = Path(__file__).parent / "strings"
# Parts of the browser catalog that one page's code alone reads (its bundle, or the embed's):
# left out of every other page's site data (some 7 KB of each page's HTML).
PAGE_OWN_STRINGS = {"contact": ("contact",), "embed": ("embed",)}
# Parts that only an optional feature's code reads: in the site data only when it is on (the
# insights consent notice's words, some 1 KB of every page, when `insights:` is configured).
FEATURE_STRINGS = {"insights": ("consent",)}
PLACEHOLDER = re.compile(r"\{(\w+)\}")


class Strings:
    """One language's catalog: `text(key, **values)` fills the `{name}` placeholders."""

    def __init__(self, language: str, areas: dict[str, dict[str, Any]]) -> None:
        self.language = language
        self.areas = areas
        self.flat = {key: value for area, tree in areas.items() for key, value in _flatten(tree, area)}

    def template(self, key: str) -> str:
        try:
            return self.flat[key]
        except KeyError:
            raise KeyError(f"doum: no string {key!r} in strings/{self.language}/") from None

    def text(self, key: str, **values: object) -> str:
        return PLACEHOLDER.sub(lambda m: str(values[m.group(1)]), self.template(key))

    def markup(self, key: str, **values: object) -> Markup:
        """The text as safe markup: the catalog's words and the values escaped (values that are
        already Markup, e.g. another `doum_t`, kept)."""
        template = self.template(key)
        parts: list[Markup] = []
        last = 0
        for match in PLACEHOLDER.finditer(template):
            parts += [escape(template[last:match.start()]), escape(values[match.group(1)])]
            last = match.end()
        parts.append(escape(template[last:]))
        return Markup("").join(parts)

    def area(self, name: str) -> dict[str, Any]:
        return self.areas[name]

    def browser(self, page: str = "", features: frozenset[str] = frozenset()) -> dict[str, Any]:
        """The browser code's words a page carries: every page the shared ones and those of the
        optional features that are on (its site data), the contact page also the form's (its
        page data: `page="contact"`). The embed's are in its own site data (site/embed.py),
        with everything else."""
        area = self.areas["browser"]
        if page:
            return {name: area[name] for name in PAGE_OWN_STRINGS[page]}
        left_out = {name for names in PAGE_OWN_STRINGS.values() for name in names}
        left_out |= {name for feature, names in FEATURE_STRINGS.items() if feature not in features
                     for name in names}
        return {name: words for name, words in area.items() if name not in left_out}


def language_of(config: MkDocsConfig) -> str:
    """The language this build speaks: `theme.language`, which doum must have strings for.
    Material always has one (its default is en); a config without (`doum check` of a bare docs
    folder) is Korean. Read once every on_config has run: an i18n plugin sets it in its own."""
    language = str(config.theme.get("language") or REFERENCE)
    if language not in SUPPORTED:
        raise PluginError(
            f"mkdocs.yml: theme.language: doum has no interface strings for {language!r} "
            f"(supported: {', '.join(SUPPORTED)}). Set theme.language to one of them."
        )
    return language


def of(config: MkDocsConfig) -> Strings:
    """The catalog of the build's language."""
    return load(language_of(config))


@functools.cache
def load(language: str) -> Strings:
    if language not in SUPPORTED:
        raise PluginError(f"doum: no interface strings for {language!r}; supported: {', '.join(SUPPORTED)}")
    strings = Strings(language, {area: _read(language, area) for area in AREAS})
    if language != REFERENCE:
        problems = differences(load(REFERENCE), strings)
        if problems:
            raise PluginError(f"doum: strings/{language}/ differs from strings/{REFERENCE}/: " + "; ".join(problems))
    return strings


def differences(reference: Strings, other: Strings) -> list[str]:
    """Keys missing or extra in `other`, and keys whose placeholders differ."""
    problems = [f"missing {key}" for key in reference.flat if key not in other.flat]
    problems += [f"extra {key}" for key in other.flat if key not in reference.flat]
    for key, text in reference.flat.items():
        if key in other.flat and placeholders(text) != placeholders(other.flat[key]):
            problems.append(f"{key} has placeholders {sorted(placeholders(other.flat[key]))}, "
                            f"expected {sorted(placeholders(text))}")
    return problems


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def add_global(env: Environment, strings: Strings) -> None:
    """`doum_t(key, **values)` in every template: escaped text, safe to print as it is."""
    env.globals["doum_t"] = strings.markup


def _read(language: str, area: str) -> dict[str, Any]:
    path = CATALOGS / language / f"{area}.yml"
    try:
        tree = yaml.load(path.read_text(encoding="utf-8"), Loader=FAST_LOADER)
    except (OSError, yaml.YAMLError) as error:
        raise PluginError(f"doum: cannot read {path}: {error}") from None
    if not isinstance(tree, dict):
        raise PluginError(f"doum: {path} must be a mapping of strings")
    for key, value in _flatten(tree, area, path):
        if not isinstance(value, str):
            raise PluginError(f"doum: {path}: {key} must be a string, got {value!r}")
    return tree


def _flatten(tree: dict[Any, Any], prefix: str, path: Path | None = None) -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    for key, value in tree.items():
        if not isinstance(key, str) and path is not None:
            raise PluginError(f"doum: {path}: key {key!r} under {prefix} must be a string (quote it)")
        dotted = f"{prefix}.{key}"
        found += _flatten(value, dotted, path) if isinstance(value, dict) else [(dotted, value)]
    return found
