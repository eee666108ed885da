"""The site's sitemaps. MkDocs (or, on a multilingual site, mkdocs-static-i18n) writes the
site-wide sitemap.xml; doum dates each page by its `updated:`, adds the pages it generates to
the plugin's list, keeps the file compact, and gives each further language its own sitemap
under its folder.

Compact, because Material's instant navigation downloads and parses sitemap.xml on the main
thread of every page's first load: at 10,000 pages the written file is 2.6 MB and its parse holds
the page (and the first search result) for about half a second."""

from __future__ import annotations

import gzip
from pathlib import Path
from xml.etree import ElementTree

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_date

from doum.content.catalog import Catalog
from doum.site.languages import Languages, plugin

SITEMAP_NS = {"": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
URL = "{%s}" % SITEMAP_NS[""]  # the sitemap namespace, as ElementTree spells its tags


def date_page(page: Page, catalog: Catalog) -> None:
    """The page's <lastmod> (MkDocs' and mkdocs-static-i18n's templates print page.update_date,
    which MkDocs sets to the build date): its `updated:` date when it has one."""
    info = catalog.pages.get(page.file.src_uri)
    if info and info.updated:
        page.update_date = info.updated.isoformat()


def add_generated(config: MkDocsConfig, generated: list[File]) -> None:
    """The plugin's sitemap lists the pages it saw in its on_files, before doum generated the
    category and contact pages: add them, with their alternates, to this language's list."""
    i18n = plugin(config)
    listed = getattr(i18n, "i18n_files_per_language", None)
    if listed is None:
        return
    pages = [file for file in generated if file.is_documentation_page()]
    listed.setdefault(i18n.current_language, [])
    listed[i18n.current_language] = list(listed[i18n.current_language]) + pages
    # Pair the same generated page across the languages built so far, both ways.
    for locale, files in listed.items():
        for file in files:
            if not getattr(file, "doum_generated", False):
                continue  # the plugin's own file: its alternates are the plugin's
            for page in pages:
                if file is not page and getattr(file, "norm_src_uri", None) == page.norm_src_uri:
                    file.alternates[i18n.current_language] = page
                    page.alternates[locale] = file


def write(site_dir: str, languages: Languages, site_url: str) -> None:
    """sitemap.xml compacted in place (and its .gz), then each further language's own sitemap
    cut from it: one parse of the file."""
    whole = Path(site_dir) / "sitemap.xml"
    if not whole.is_file():
        return
    for prefix, uri in SITEMAP_NS.items():
        ElementTree.register_namespace(prefix, uri)
    urlset = ElementTree.parse(whole).getroot()
    _compact(urlset)
    _write(whole, urlset)
    if languages.many and site_url:
        _write_per_language(Path(site_dir), urlset.findall(f"{URL}url"), languages, site_url)


def _compact(urlset: ElementTree.Element) -> None:
    """Leave out what tells a search engine nothing: indentation, `changefreq` (a fixed "daily"
    in both templates, which search engines ignore), a `lastmod` that is only the build date
    (every page "changed" at every build tells a search engine nothing; a page's `updated:` date
    stays, unless it is the build's own day) and a page's hreflang alternates when the only one
    is the page itself (a page in one language has no versions to pair; alternates stay for
    every page that has a translation)."""
    link = "{%s}link" % SITEMAP_NS["xhtml"]
    built = get_build_date()
    urlset.text = "\n"
    for entry in urlset.findall(f"{URL}url"):
        for changefreq in entry.findall(f"{URL}changefreq"):
            entry.remove(changefreq)
        for lastmod in entry.findall(f"{URL}lastmod"):
            if lastmod.text == built:
                entry.remove(lastmod)
        alternates = entry.findall(link)
        if all(alternate.get("href") == entry.findtext(f"{URL}loc") for alternate in alternates):
            for alternate in alternates:
                entry.remove(alternate)
        entry.text = None
        for child in entry:
            child.tail = None
        entry.tail = "\n"


def _write_per_language(site: Path, entries: list[ElementTree.Element], languages: Languages,
                        site_url: str) -> None:
    """Each further language's own sitemap (en/sitemap.xml and .gz): the site-wide sitemap's
    entries under its folder, alternates kept. The root sitemap.xml stays site-wide."""
    base = site_url.rstrip("/") + "/"
    for language in languages.built:
        if not language.root:
            continue
        urlset = ElementTree.Element(f"{URL}urlset")
        urlset.text = "\n"
        urlset.extend(entry for entry in entries
                      if (entry.findtext(f"{URL}loc") or "").startswith(base + language.root))
        _write(site / language.root / "sitemap.xml", urlset)


def _write(target: Path, urlset: ElementTree.Element) -> None:
    """A sitemap and its .gz twin (byte-stable: no time in the gzip header)."""
    text = ElementTree.tostring(urlset, encoding="unicode", xml_declaration=False)
    data = ('<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n").encode("utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    with gzip.GzipFile(target.with_name("sitemap.xml.gz"), "wb", mtime=0) as packed:
        packed.write(data)
