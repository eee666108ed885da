"""doum on a multilingual site built with mkdocs-static-i18n: which languages the site builds,
which one this build is, and where its files go (the language switcher: switcher.py; the
sitemaps: sitemaps.py).

mkdocs-static-i18n builds the default language, then (in its on_post_build) runs MkDocs' whole
build again per other language, with `theme.language` set and the documentation files filtered
to that language (its on_files, priority -100). doum's plugin therefore runs once per language:

- doum reads the files after that filter (on_files at priority -110) and first renames each page
  to its language-neutral path (`account/delete.en.md` or `en/account/delete.md` →
  `account/delete.md`, the plugin's `norm_src_uri`), so the catalog, categories, navigation,
  `related:` and body links of every language are resolved within that language, exactly as
  on a one-language site;
- the pages doum generates (category pages, /contact/, a missing home) go under the language's
  folder (`en/`), as the plugin places the authored ones;
- each build writes its own search index in its folder (en/search/doum.json), which the pages of
  that language name to the search worker (`search_worker`);
- the nested builds do not stage or publish: the first build's staging folder receives every
  language and is published once, after the last one.

A site without the plugin is one language, the build's (`strings.language_of`), at the site root.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

PLUGIN = "i18n"  # mkdocs-static-i18n's entry point name
# Theme pages MkDocs writes at the site root on every build: each language keeps its own.
LANGUAGE_PAGES = ("404.html",)


@dataclass(frozen=True)
class Language:
    locale: str  # "ko", "en"
    name: str  # what the switcher shows: "한국어", "English"
    root: str  # where its pages live: "" (the default language) or "en/"


@dataclass
class Languages:
    current: str
    default: str
    built: list[Language] = field(default_factory=list)  # in the plugin's order

    @property
    def many(self) -> bool:
        return len(self.built) > 1

    @property
    def is_default(self) -> bool:
        return self.current == self.default

    @property
    def root(self) -> str:
        return self.language(self.current).root

    def language(self, locale: str) -> Language:
        for language in self.built:
            if language.locale == locale:
                return language
        return Language(locale, locale, "")


def plugin(config: MkDocsConfig) -> Any | None:
    plugins = getattr(config, "plugins", None)  # `doum postbuild` passes a bare namespace
    return plugins.get(PLUGIN) if plugins is not None else None


def nested_build(config: MkDocsConfig) -> bool:
    """True inside the plugin's build of a further language (run from its on_post_build)."""
    i18n = plugin(config)
    return bool(i18n is not None and getattr(i18n, "building", False))


def of(config: MkDocsConfig, language: str) -> Languages:
    """The languages of the site and the one being built (after every on_config has run).
    `language`: the build's (strings.language_of), the only one of a site without the plugin."""
    i18n = plugin(config)
    if i18n is None or getattr(i18n, "current_language", None) is None:
        return Languages(language, language, [Language(language, language, "")])
    default = i18n.default_language
    built = [
        Language(lang.locale, lang.name, "" if lang.locale == default else f"{lang.locale}/")
        for lang in i18n.config.languages if lang.build
    ]
    return Languages(i18n.current_language, default, built)


def neutral_files(files: Files) -> Files:
    """Key every file of this language's build by its language-neutral path (the plugin's
    `norm_src_uri`). Where the file is read from and written to stays as the plugin set it."""
    for file in list(files):
        neutral = getattr(file, "norm_src_uri", None)
        if not neutral or neutral == file.src_uri:
            continue
        # Cached on first use, so resolve the real source and output before the key changes.
        _ = (file.abs_src_path, file.name, file.dest_uri, file.url, file.abs_dest_path)
        files.remove(file)
        file.src_uri = neutral
        files.append(file)
    return files


def place_generated(files: Files, known: set[str], languages: Languages) -> list[File]:
    """Move the files doum just generated (src_uri not in `known`) into the language's folder;
    returns them."""
    added = [file for file in files if file.src_uri not in known]
    for file in added:
        if languages.root and not file.dest_uri.startswith(languages.root):
            file.dest_uri = languages.root + file.dest_uri  # before url is first computed
        # What the plugin's own files carry (its page context and sitemap read them).
        file.norm_src_uri = file.src_uri
        file.locale = file.locale_alternate_of = languages.current
        file.alternates = {languages.current: file}
        file.doum_generated = True
    return added


def normal_target(path: str, languages: Languages) -> str:
    """A `related:` entry written with the language in it (`account/x.en.md`, `en/account/x.md`)
    → its language-neutral path."""
    for language in languages.built:
        suffix = f".{language.locale}.md"
        if path.endswith(suffix):
            return path[: -len(suffix)] + ".md"
        if path.startswith(f"{language.locale}/"):
            return path[len(language.locale) + 1:]
    return path


def keep_language_pages(site_dir: str, languages: Languages, saved: dict[str, bytes]) -> None:
    """404.html is written at the site root by every language's build: the default language's
    stays there, each other language's goes to its folder (en/404.html)."""
    site = Path(site_dir)
    for name in LANGUAGE_PAGES:
        page = site / name
        if not page.is_file():
            continue
        if languages.is_default:
            saved[name] = page.read_bytes()
        elif languages.root and name in saved:
            target = site / languages.root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(page, target)
            page.write_bytes(saved[name])


def translated_elsewhere(target: str, docs_dir: str, languages: Languages) -> bool:
    """Whether `target` (a language-neutral path) is a page of some language in docs/: a
    translation's `related:` may name a page not translated yet (it is left out there)."""
    docs = Path(docs_dir)
    stem = target[:-3] if target.endswith(".md") else target
    candidates = [target]
    for language in languages.built:
        candidates += [f"{stem}.{language.locale}.md", f"{language.locale}/{target}"]
    return bool(docs_dir) and any((docs / candidate).is_file() for candidate in candidates)


def check_translations(options: Any, languages: Languages) -> None:
    """Every `translations.<locale>` (categories, contact, support) must name a further language
    the site builds; contact's must name listed services and types."""
    further = [language.locale for language in languages.built if language.locale != languages.default]
    places = [(f"categories.{key}", settings.translations) for key, settings in options.categories.items()]
    places += [("contact", options.contact.translations), ("support", options.support.translations)]
    for where, translations in places:
        for locale in translations:
            if locale not in further:
                raise PluginError(
                    f"{where}.translations.{locale}: this site builds no further language "
                    f"'{locale}' (further languages: {', '.join(further) or 'none'}). Use a locale "
                    f"from the i18n plugin's `languages:` other than the default "
                    f"'{languages.default}', whose words are `{where}`'s own.")
    options_listed = {*options.contact.services, *options.contact.types}
    for locale, names in options.contact.translations.items():
        for value in names:
            if value not in options_listed:
                raise PluginError(
                    f"contact.translations.{locale}.{value}: not one of contact.services or "
                    f"contact.types ({', '.join(sorted(options_listed))}). Name a listed value.")


SEARCH_WORKER = "assets/doum/search-worker.js"


def search_worker(languages: Languages) -> str:
    """The search worker's path from the site root. A further language's pages name their
    language's index (`?index=en/search/doum.json`); the default language's is the worker's own
    (search/doum.json), so its pages name nothing."""
    if not languages.root:
        return SEARCH_WORKER
    return f"{SEARCH_WORKER}?index={languages.root}search/doum.json"


def keep_default_media(files: Files, every_file: list[File], languages: Languages,
                       docs_dir: str) -> Files:
    """With `fallback_to_default: false` the plugin leaves the default language's images out of
    a further language's build: a translation then could not show the screenshots it shares.
    Add them back, at the default language's place (a translation's own `x.en.png` wins)."""
    if languages.is_default or not languages.many:
        return files
    have = {getattr(file, "norm_src_uri", file.src_uri) for file in files}
    others = [language.locale for language in languages.built if language.locale != languages.default]
    docs = Path(docs_dir).resolve()
    for file in every_file:
        if file.is_documentation_page() or not file.abs_src_path:
            continue
        if not Path(file.abs_src_path).resolve().is_relative_to(docs):
            continue  # the theme's files: the plugin keeps them
        path = file.src_uri
        if path.startswith(f"{languages.default}/"):
            path = path[len(languages.default) + 1:]  # folder structure: ko/assets/x.png
            file.dest_uri = path
        if any(path.startswith(f"{locale}/") or f".{locale}." in Path(path).name for locale in others):
            continue  # another language's own
        if path not in have:
            file.norm_src_uri = path
            files.append(file)
            have.add(path)
    return files


def after_error(config: MkDocsConfig) -> None:
    """A language's build failed: the plugin never clears its `building` flag then, and the next
    build (`mkdocs serve` rebuilds) would run as a nested one, Korean only and unpublished."""
    i18n = plugin(config)
    if i18n is not None and getattr(i18n, "building", False):
        i18n.building = False
