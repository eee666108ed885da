"""Decide everything an import will do, before anything is written.

Titles are made unique, categories get folders, entries get file names, answers become
Markdown, and each page is compared with the manifest of the last import and with the file on
disk: create, update, leave unchanged, or keep (edited or deleted by hand since).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

from doum.importers import slugs
from doum.importers.manifest import FILE_NAME, Manifest, Record
from doum.importers.model import Category, Entry, ReadResult, Skip
from doum.importers.pagefile import digest, page_text
from doum.importers.sentences import inline_text
from doum.importers.tomarkdown import Converted, convert
from doum.importers.zendesk import ARTICLE_LINK_RE

CREATE, UPDATE, UNCHANGED, KEPT, DELETED = "created", "updated", "unchanged", "kept", "deleted"


@dataclass
class PagePlan:
    entry: Entry
    title: str
    folder: str  # "" for pages directly in docs/
    path: str  # docs-relative, '/'-separated
    action: str = CREATE
    text: str = ""
    converted: Converted | None = None
    old_path: str = ""  # set when the page moves to another folder (its category changed)


@dataclass
class Plan:
    docs: Path
    pages: list[PagePlan] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    renamed: list[tuple[str, str, str]] = field(default_factory=list)  # origin, before, after
    folders: dict[str, Category] = field(default_factory=dict)  # folder → category
    writes: dict[str, bytes] = field(default_factory=dict)  # docs-relative path → bytes
    removals: list[str] = field(default_factory=list)
    manifest: Manifest = field(default_factory=Manifest)
    manifest_changed: bool = False
    not_in_import: list[tuple[str, str]] = field(default_factory=list)  # source, path
    warnings: list[str] = field(default_factory=list)


def make_plan(read: ReadResult, docs: Path, old: Manifest, keep_hangul: bool = False) -> Plan:
    plan = Plan(docs, skipped=list(read.skipped), warnings=list(read.warnings))
    imported_paths = {record.path for record in old.pages.values()}
    this_import = {entry.source for entry in read.entries}
    on_disk = _pages_on_disk(docs)
    # Titles the new pages must not repeat: every page but the ones this import rewrites.
    existing_titles = {_title_key(title): path for path, title, source in on_disk
                       if title and source not in this_import}
    # Pages with a `source:` the manifest does not list (it was lost, or an import stopped
    # before writing it): found again by their source instead of imported a second time.
    existing_sources = {source: path for path, _, source in on_disk
                        if source and path not in imported_paths}
    entries = _unique_titles(read.entries, existing_titles, plan)
    folder_of = _folders(entries, read.categories, docs, old, keep_hangul, plan)
    taken: dict[str, set[str]] = {}  # folder → page file stems, on disk and planned
    # A page docs/x.md and a category docs/x/ would both be the address x/.
    taken[""] = _stems(docs) | set(folder_of.values())
    for entry, title in entries:
        folder = folder_of[entry.category]
        record = old.pages.get(entry.source)
        if record and posixpath.dirname(record.path) == folder:
            path = record.path  # same place as last time: its address does not change
        elif not record and entry.source in existing_sources:
            path = existing_sources[entry.source]
        else:
            stems = taken.setdefault(folder, _stems(docs / folder))
            stem = slugs.unique(slugs.slugify(title, keep_hangul), stems, "question")
            stems.add(stem)
            path = posixpath.join(folder, f"{stem}.md")
        plan.pages.append(PagePlan(entry, title, folder, path,
                                   old_path=record.path if record and record.path != path else ""))
    resolve = _link_resolver(plan.pages, read.article_ids)
    for page in plan.pages:
        entry = page.entry
        page.converted = convert(entry.body, entry.body_is_html, title=page.title,
                                 page_path=page.path, base_url=entry.base_url,
                                 base_dir=entry.base_dir, resolve=resolve)
        page.text = page_text(title=page.title, summary=page.converted.summary,
                              keywords=entry.keywords, updated=entry.updated, source=entry.source,
                              markdown=page.converted.markdown)
    _compare(plan, old)
    imported_now = {page.entry.source for page in plan.pages}
    prefixes = {_source_prefix(page.entry.source) for page in plan.pages}
    plan.not_in_import = [(source, record.path) for source, record in sorted(old.pages.items())
                          if source not in imported_now and _source_prefix(source) in prefixes]
    return plan


def _pages_on_disk(docs: Path) -> list[tuple[str, str, str]]:
    """(docs-relative path, title, source) of every page already in docs/."""
    found = []
    if docs.is_dir():
        for file in sorted(docs.rglob("*.md")):
            relative = file.relative_to(docs).as_posix()
            if not any(part.startswith(".") for part in relative.split("/")):
                text = file.read_text(encoding="utf-8-sig", errors="replace")
                found.append((relative, *_title_and_source(text)))
    return found


def _title_and_source(text: str) -> tuple[str, str]:
    match = re.match(r"---\s*\n(.*?)\n(?:---|\.\.\.)\s*(\n|$)", text, re.S)
    if match:
        try:
            front = yaml.safe_load(match.group(1))
        except yaml.YAMLError:
            front = None
        if isinstance(front, dict) and front.get("title"):
            return str(front["title"]), str(front.get("source") or "")
        text = text[match.end():]
    heading = re.search(r"^#\s+(.+?)\s*#*\s*$", text, re.M)
    return (heading.group(1) if heading else ""), ""


def _title_key(title: str) -> str:
    return " ".join(title.split()).casefold()


def _unique_titles(entries: list[Entry], existing: dict[str, str],
                   plan: Plan) -> list[tuple[Entry, str]]:
    """Titles must be unique across the site: a second "환불하고 싶어요" becomes
    "환불하고 싶어요 (선물하기)"; the same question twice in one category is skipped."""
    first_in: dict[tuple[str, str], str] = {}  # (title, category) → origin
    used: set[str] = set(existing)
    kept: list[tuple[Entry, str]] = []
    for entry in entries:
        entry.title = inline_text(entry.title)
        if not entry.title:
            plan.skipped.append(Skip(entry.origin, "no title"))
            continue
        key = _title_key(entry.title)
        if (key, entry.category) in first_in:
            plan.skipped.append(Skip(entry.origin, f"duplicate: the same question in the same "
                                     f"category as {first_in[key, entry.category]}"))
            continue
        first_in[key, entry.category] = entry.origin
        title = entry.title
        if key in used:
            label = entry.category or "기타"
            title, n = f"{entry.title} ({label})", 2
            while _title_key(title) in used:
                title, n = f"{entry.title} ({label} {n})", n + 1
            plan.renamed.append((entry.origin, entry.title, title))
        used.add(_title_key(title))
        kept.append((entry, title))
    return kept


def _folders(entries: list[tuple[Entry, str]], categories: dict[str, Category], docs: Path,
             old: Manifest, keep_hangul: bool, plan: Plan) -> dict[str, str]:
    """Category name → folder: the one it had last time, else a new readable, unique name."""
    folder_of: dict[str, str] = {"": ""}
    # Folders and root pages already there (docs/x.md and docs/x/ would share the address x/).
    on_disk = {p.stem if p.is_file() else p.name for p in docs.iterdir()} if docs.is_dir() else set()
    # Folders of hand-made categories are not merged into; folders of earlier imports are.
    taken = on_disk | set(old.folders.values())
    for entry, _ in entries:
        name = entry.category
        if name in folder_of:
            continue
        if name in old.folders:
            folder = old.folders[name]
        else:
            folder = slugs.unique(slugs.slugify(name, keep_hangul), taken, "category")
        taken.add(folder)
        folder_of[name] = folder
        plan.folders[folder] = categories.get(name, Category(name))
    plan.manifest.folders = {**old.folders,
                             **{name: f for name, f in folder_of.items() if name}}
    return folder_of


def _stems(folder: Path) -> set[str]:
    return {p.stem for p in folder.iterdir()} if folder.is_dir() else set()


def _normal_url(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}{unquote(parts.path).rstrip('/')}"


def _link_resolver(pages: list[PagePlan],
                   article_ids: dict[str, str]) -> Callable[[str], str | None]:
    """Links between pages of the import point at the new pages, not at the old help center."""
    by_alias = {_normal_url(alias): page.path for page in pages for alias in page.entry.aliases}
    by_source = {page.entry.source: page.path for page in pages}
    hosts = {urlsplit(alias).netloc.lower() for page in pages for alias in page.entry.aliases}

    def resolve(url: str) -> str | None:
        found = by_alias.get(_normal_url(url))
        if found:
            return found
        parts = urlsplit(url)
        match = ARTICLE_LINK_RE.search(parts.path)
        if match and (not parts.netloc or parts.netloc.lower() in hosts):
            return by_source.get(article_ids.get(match.group(1), ""))
        return None

    return resolve


def _compare(plan: Plan, old: Manifest) -> None:
    """Set each page's action and collect the bytes to write and the manifest to keep."""
    docs = plan.docs
    plan.manifest.pages = dict(old.pages)
    for page in plan.pages:
        data = page.text.encode("utf-8")
        files = _files(page)
        record = old.pages.get(page.entry.source)
        if record is not None:
            current = docs / record.path
            if not current.is_file():
                page.action, page.path = DELETED, record.path
                continue
            if digest(current.read_bytes()) != record.hash:
                page.action, page.path = KEPT, record.path
                continue
            if page.path == record.path and digest(data) == record.hash and all(
                    _same(docs / path, content) for path, content in files.items()):
                page.action = UNCHANGED
                continue
            page.action = UPDATE
        elif (docs / page.path).is_file():
            # A page with this `source:` the manifest does not list: adopt it when it is what
            # this import would write, else keep it (it may have been edited).
            if (docs / page.path).read_bytes() != data:
                page.action = KEPT
                continue
            page.action = UNCHANGED
        if page.action != UNCHANGED:
            plan.writes[page.path] = data
        for path, content in files.items():
            if not _same(docs / path, content):
                plan.writes[path] = content
        if record is not None:
            # Files the new version no longer uses go, unless someone changed them since.
            stale = dict(record.files)
            if page.old_path:
                stale[record.path] = record.hash
            for path, hash_ in stale.items():
                if path not in files and path != page.path and (docs / path).is_file() and \
                        digest((docs / path).read_bytes()) == hash_:
                    plan.removals.append(path)
        plan.manifest.pages[page.entry.source] = Record(
            page.path, digest(data), {path: digest(content) for path, content in files.items()})
    plan.manifest_changed = plan.manifest.to_json() != old.to_json() or not (
        docs / FILE_NAME).is_file() and bool(plan.pages)


def _files(page: PagePlan) -> dict[str, bytes]:
    assert page.converted is not None
    files: dict[str, bytes] = {}
    for local in page.converted.files:
        if local.data is not None:
            data = local.data
        else:
            assert local.source is not None
            data = local.source.read_bytes()
        files[posixpath.join(page.folder, local.name)] = data
    return files


def _same(path: Path, data: bytes) -> bool:
    return path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data


def _source_prefix(source: str) -> str:
    """What a source id belongs to: "csv:faq.csv", "zendesk", "html:export"."""
    if "#" in source:
        return source.split("#", 1)[0]
    kind, _, rest = source.partition(":")
    return f"{kind}:{rest.split('/', 1)[0]}" if kind == "html" else kind
