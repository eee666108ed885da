"""The sitemaps of a multilingual site (mkdocs-static-i18n): the plugin writes the site-wide
sitemap.xml from the pages it saw; doum adds the pages it generates to it and gives each further
language its own sitemap under its folder."""

from __future__ import annotations

import gzip
from pathlib import Path
from xml.etree import ElementTree

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from doum.site.languages import Languages, plugin

SITEMAP_NS = {"": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


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


def write_per_language(site_dir: str, languages: Languages, site_url: str) -> None:
    """Each further language's own sitemap (en/sitemap.xml and .gz): the site-wide sitemap's
    entries under its folder, alternates kept. The root sitemap.xml stays site-wide."""
    site = Path(site_dir)
    whole = site / "sitemap.xml"
    if not languages.many or not site_url or not whole.is_file():
        return
    for prefix, uri in SITEMAP_NS.items():
        ElementTree.register_namespace(prefix, uri)
    tag = "{%s}" % SITEMAP_NS[""]
    entries = ElementTree.parse(whole).getroot().findall(f"{tag}url")
    base = site_url.rstrip("/") + "/"
    for language in languages.built:
        if not language.root:
            continue
        urlset = ElementTree.Element(f"{tag}urlset")
        urlset.extend(entry for entry in entries
                      if (entry.findtext(f"{tag}loc") or "").startswith(base + language.root))
        text = ElementTree.tostring(urlset, encoding="unicode", xml_declaration=False)
        data = ('<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n").encode("utf-8")
        target = site / language.root / "sitemap.xml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        with gzip.GzipFile(target.with_name("sitemap.xml.gz"), "wb", mtime=0) as packed:
            packed.write(data)
