"""The doum MkDocs plugin: each MkDocs event hands its job to a module that owns it."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from doum.config import DoumConfig
from doum.content import catalog, images
from doum.content.problems import ProblemLog
from doum.search import documents as index
from doum.search import material as material_search
from doum.site import (
    categories,
    contact,
    generated,
    markdown_defaults,
    material_a11y,
    pagedata,
    sitedata,
    theme,
)
from doum.site import bundle, headers, safe_text
from doum.site import feed, legal, social
from doum.support import status
from doum.site import nav as sitenav
from doum.site.staging import Staging


class DoumPlugin(BasePlugin[DoumConfig]):
    supports_multiple_instances = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        theme.add_theme_dir(config)
        markdown_defaults.keep_hangul_anchors(config)
        self.staging = Staging(config)
        self.problems = ProblemLog()
        self.site = sitedata.build(self.config, config)
        self.search = index.SearchDocuments(self.config.search)
        legal.check(self.config, config)  # 사업자 정보 and privacy link: stop before building
        self.social = social.Social(self.config, config)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        # Every plugin's on_config has run by now, Material's search included.
        material_search.replace_indexer(config)
        # English builds get an English index; the language is final here (an i18n plugin
        # switches theme.language in its own on_config, after doum's)
        self.search.language = index.analyzer_language(config.theme.get("language"))
        self.catalog = catalog.load(files, self.config, config, self.problems)
        if self.catalog.unreadable:  # MkDocs cannot read them either: stop with the named files
            self.problems.raise_if_errors()
        generated.add_pages(files, self.catalog, self.config, config)
        self.bundles = bundle.add_to_site(files, config)  # one stylesheet, one script, page bundles
        return files

    def on_nav(self, navigation: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        return sitenav.build(self.catalog, files)

    def on_page_read_source(self, page: Page, config: MkDocsConfig) -> str | None:
        # doum parsed the front matter already; MkDocs gets the body alone (see on_page_markdown).
        return catalog.body_source(self.catalog, page.file)

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        page.meta = catalog.page_meta(self.catalog, page.file.src_uri, page.meta)
        contact.use_contact_template(page)
        return markdown

    def on_page_content(
        self, html: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        html = images.enhance(html, page, config)
        self.social.note_images(page, html)  # og:image: the page's first screenshot
        return html

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        # Every page is read by now and nothing is written yet: the last safe moment to stop.
        catalog.check_references(self.catalog, files, self.problems)
        self.problems.raise_if_errors()
        env.globals["doum_site"] = self.site
        env.globals["doum_legal"] = legal.footer(self.config, config)
        env.globals["doum_seo"] = self.social.site()
        env.globals["doum_assets"] = self.bundles.template_values()
        safe_text.add_filters(env)  # titles and config values print as text (Material's slots too)
        return env

    def on_page_context(
        self, context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any]:
        # Indexed here, as Material's search does: the tags plugin fills its listings into
        # page.content only in on_env, after every page's on_page_content.
        self.search.add_page(page, page.content or "", self.catalog)
        safe_text.describe(page, pagedata.summary(page, self.catalog))  # <meta description>, escaped once
        context["doum_page"] = pagedata.build(page, nav, self.catalog, self.config)
        context["doum_social"] = self.social.page(page, context["doum_page"])
        context["doum_listing"] = categories.listing(page, nav, self.catalog, self.config)
        context["nav"] = sitenav.local(nav, page, self.config)
        return context

    @event_priority(-100)  # after mkdocs-glightbox has written its inline code into the page
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        return material_a11y.finish_page(output, config)

    def on_post_template(
        self, output_content: str, template_name: str, config: MkDocsConfig
    ) -> str:
        return material_a11y.name_landmarks(output_content)

    @event_priority(0)
    def _write_search_index(self, config: MkDocsConfig) -> None:
        self.search.write(config.site_dir)

    @event_priority(-5)  # after the search index wrote lunr.js
    def _write_search_engine(self, config: MkDocsConfig) -> None:
        bundle.write_search_engine(config.site_dir)

    @event_priority(-10)  # feed.xml, the og:image card and status.json, before _headers lists them
    def _write_korean_files(self, config: MkDocsConfig) -> None:
        feed.write(config.site_dir, self.social.entries, self.config, config)
        self.social.write_card(config.site_dir)
        status.write(config.site_dir, config.docs_dir)

    @event_priority(-90)  # after the other plugins' files, which it lists for caching
    def _write_headers(self, config: MkDocsConfig) -> None:
        headers.write(config.site_dir, self.config)

    @event_priority(-100)  # after every other plugin has written its files
    def _publish(self, config: MkDocsConfig) -> None:
        self.staging.publish()

    on_post_build = CombinedEvent(
        _write_search_index, _write_search_engine, _write_korean_files, _write_headers, _publish
    )

    def on_build_error(self, error: Exception) -> None:
        if hasattr(self, "staging"):
            self.staging.discard()
