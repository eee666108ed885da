"""Write doum's browser side into a built site folder (see doum.postbuild)."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

import jinja2
from markupsafe import escape

from doum.config import DoumConfig
from doum.postbuild import pages as site_pages
from doum.postbuild import settings as site_settings
from doum.search.documents import INDEX_FILE, SearchDocuments
from doum.search import pieces
from doum.site import bundle, strings
from doum.site import sitedata
from doum.site.theme import THEME_DIR
from doum.support import status

ASSETS = Path(__file__).parent / "assets"
TEMPLATES = Path(__file__).parent / "templates"  # main.html: the page around the contact form
BROWSER_DIR = "assets/doum"  # the plugin's layout: assets/doum/search.js, search-worker.js, …
SITE_JSON = f"{BROWSER_DIR}/site.json"
LAUNCHER_HTML = f"{BROWSER_DIR}/launcher.html"
ENTRY = f"{BROWSER_DIR}/standalone.js"
GENERATOR = "doum index"  # <meta name="generator"> of the pages doum index writes
GENERATOR_META = f'<meta name="generator" content="{GENERATOR}">'
# `doum index` has no theme.language of its own: its launcher and contact form speak Korean.
LANGUAGE = strings.REFERENCE


@dataclass
class Result:
    site_dir: Path
    pages: list[site_pages.SitePage]
    skipped: list[site_pages.Skipped]
    documents: int  # search documents: pages and their h2/h3 sections
    written: list[str] = field(default_factory=list)
    snippet: str = ""
    notes: list[str] = field(default_factory=list)  # what the owner should know


def build(site_dir: Path, config: Path | None = None, *, title_selector: str | None = None,
          content_selector: str | None = None, ignore_selector: str | None = None,
          exclude: list[str] = (), contact_url: str = "contact/", base_url: str = "/") -> Result:
    """Read the site, write the index and the browser side into it; raises
    settings.SettingsError for a bad doum.yml and ValueError for an unusable site folder."""
    if not site_dir.is_dir():
        raise ValueError(f"{site_dir}: not a folder; point doum index at the built site")
    options = site_settings.load(config)
    found, skipped = site_pages.read_site(site_dir, title_selector, content_selector, exclude,
                                          ignore_selector)
    if not found:
        raise ValueError(f"{site_dir}: no page to index ({len(skipped)} HTML files skipped"
                         + (f", e.g. {skipped[0].path}: {skipped[0].reason}" if skipped else "")
                         + "); check --title-selector and --content-selector")
    index = write_index(site_dir, found, options)
    result = Result(site_dir, found, skipped, len(index.docs))
    result.written += [INDEX_FILE, f"{pieces.FOLDER}/", *copy_browser(site_dir)]
    site = site_data(options, site_dir, contact_url)
    (site_dir / SITE_JSON).write_text(json.dumps(site, ensure_ascii=False, indent=1), encoding="utf-8")
    (site_dir / LAUNCHER_HTML).write_text(launcher_markup(site), encoding="utf-8")
    result.written += [SITE_JSON, LAUNCHER_HTML]
    # Same-day notices and closures (README, status.json): the owner's file is kept (and
    # checked); without one, an empty valid file, so pages never fetch a missing one.
    had_status = (site_dir / status.STATUS_FILE).is_file()
    status.write(str(site_dir), str(site_dir))
    if not had_status:
        result.written.append(status.STATUS_FILE)
    result.snippet = snippet(base_url)
    if not _page_exists(site_dir, contact_url) or _ours(site_dir, contact_url):
        written = write_contact_page(site_dir, contact_url, site)
        if written:
            result.written.append(written)
            result.notes.append(
                f"wrote a contact page at {written} (the site had none): the checklist form that "
                f"becomes an email. To use your own page instead, pass --contact-url")
        else:
            result.notes.append(
                f"no page at {contact_url}: the launcher's 이메일로 문의하기 links there. Point "
                f"--contact-url at your contact page (relative to the site root)")
    return result


def write_contact_page(site_dir: Path, contact_url: str, site: dict) -> str:
    """The theme's contact form (doum-contact.html) in a plain page, at `contact_url` when
    that is a path of this site; "" when it is not (another host, a query, a fragment)."""
    path = _page_path(contact_url)
    if not path:
        return ""
    depth = path.count("/")
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(TEMPLATES)),
                                    jinja2.FileSystemLoader(str(THEME_DIR))]),
        autoescape=False)
    env.filters["url"] = lambda value: str(value)
    env.filters["doum_text"] = lambda value: escape(str(value))
    strings.add_global(env, strings.load(LANGUAGE))
    html = env.get_template("doum-contact.html").render(
        doum_site=site, title="문의하기", home="도움말 홈", root="../" * depth, generator=GENERATOR,
        favicon=_favicon(site_dir, "../" * depth))
    target = site_dir / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")
    return path


def _favicon(site_dir: Path, root: str) -> str:
    """The site's own icon when it has one at the root; else an empty one (no request)."""
    for name in ("favicon.svg", "favicon.ico", "favicon.png"):
        if (site_dir / name).is_file():
            return root + name
    return "data:,"


def _ours(site_dir: Path, url: str) -> bool:
    """A contact page an earlier `doum index` wrote: written again with today's settings."""
    path = _page_path(url)
    target = site_dir / path if path else None
    return bool(target and target.is_file()
                and GENERATOR_META in target.read_text(encoding="utf-8", errors="replace"))


def _page_path(url: str) -> str:
    if "://" in url or url.startswith(("mailto:", "//")) or any(ch in url for ch in "?#"):
        return ""
    path = url.lstrip("/")
    path = path + "index.html" if (not path or path.endswith("/")) else path
    if not path.endswith(".html") or ".." in path.split("/"):
        return ""
    return path


def _page_exists(site_dir: Path, url: str) -> bool:
    path = url.split("#")[0].split("?")[0].lstrip("/")
    if "://" in url or url.startswith("mailto:"):
        return True  # somewhere else: not ours to check
    target = site_dir / path
    return (target / "index.html").is_file() if (not path or path.endswith("/")) else target.is_file()


def write_index(site_dir: Path, found: list[site_pages.SitePage], options: DoumConfig) -> SearchDocuments:
    """The plugin's own index builder, fed pages read from HTML instead of MkDocs pages."""
    index = SearchDocuments(options.search)
    categories = {page.category: SimpleNamespace(title=page.category, description="")
                  for page in found if page.category}
    for page in found:
        info = SimpleNamespace(title=page.title, summary=page.description, keywords=page.keywords,
                               questions=[], category=page.category, lists_pages=False)
        catalog = SimpleNamespace(pages={page.path: info}, categories=categories)
        mkdocs_page = SimpleNamespace(file=SimpleNamespace(src_uri=page.path), url=page.location,
                                      meta={})
        index.add_page(mkdocs_page, page.html, catalog)
    index.write(str(site_dir))
    return index


def copy_browser(site_dir: Path) -> list[str]:
    """The browser code as the plugin's theme ships it, plus the standalone entry point."""
    target = site_dir / BROWSER_DIR
    shutil.copytree(THEME_DIR / BROWSER_DIR, target, dirs_exist_ok=True)
    for asset in sorted(ASSETS.iterdir()):
        if asset.is_file():
            shutil.copyfile(asset, target / asset.name)
    bundle.write_search_engine(site_dir)  # the worker with its engine inside, as the plugin ships it
    return [f"{BROWSER_DIR}/"]


def site_data(options: DoumConfig, site_dir: Path, contact_url: str) -> dict:
    """The plugin's `doum_site` (#doum-site), with the contact page where the owner says."""
    config = SimpleNamespace(docs_dir=str(site_dir), site_dir=str(site_dir), use_directory_urls=True,
                             theme={"language": LANGUAGE})
    data = sitedata.build(options, config)
    data["contact"]["url"] = contact_url
    # One file for every page, the contact page this command writes included: all the words.
    data["strings"] = strings.load(LANGUAGE).area("browser")
    return data


def launcher_markup(site: dict) -> str:
    """The launcher's markup from the theme's own partial, links relative to the site root
    (standalone.js resolves them against the root before the launcher starts)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(THEME_DIR)), autoescape=False)
    env.filters["url"] = lambda value: str(value)
    env.filters["doum_text"] = lambda value: escape(str(value))
    strings.add_global(env, strings.load(LANGUAGE))
    template = env.get_template("partials/doum-launcher.html")
    return template.render(doum_site=site).strip() + "\n"


def snippet(base_url: str) -> str:
    base = base_url if base_url.endswith("/") else base_url + "/"
    return (
        "<!-- doum: in the <head> of every page -->\n"
        f'<script type="module" src="{escape(base + ENTRY)}"></script>\n'
        "<!-- doum: where the search box goes (your header); doum fills it in -->\n"
        '<div data-doum-searchbox></div>'
    )
