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
from doum.site import bundle, deferred_scripts, headers, languages, safe_text, sitemaps, switcher
from doum.site import feed, legal, social, strings, template_cache
from doum.support import status
from doum.site import nav as sitenav
from doum.site.staging import Staging


class DoumPlugin(BasePlugin[DoumConfig]):
    supports_multiple_instances = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        theme.add_theme_dir(config)
        markdown_defaults.keep_hangul_anchors(config)
        switcher.quiet_material_selector_warning()
        if not languages.nested_build(config):
            # mkdocs-static-i18n builds every further language into the first build's folder:
            # one staging folder for them all, published after the last (see site/languages.py).
            self.staging = Staging(config)
            self.language_pages: dict[str, bytes] = {}
        self.problems = ProblemLog()
        self.search = index.SearchDocuments(self.config.search)
        legal.check(self.config, config)  # 사업자 정보 and privacy link: stop before building
        material_a11y.take_over_lightbox(config)
        return config

    @event_priority(0)
    def _read_files_now(self, files: Files, config: MkDocsConfig) -> Files:
        self.every_file = list(files)  # before mkdocs-static-i18n keeps one language's
        if languages.plugin(config) is not None:
            return files  # read in _read_language_files
        return self._read_files(files, config)

    @event_priority(-110)  # after mkdocs-static-i18n has kept this language's files (-100)
    def _read_language_files(self, files: Files, config: MkDocsConfig) -> Files:
        if languages.plugin(config) is None:
            return files
        return self._read_files(files, config)

    def _read_files(self, files: Files, config: MkDocsConfig) -> Files:
        # Every plugin's on_config has run by now, Material's search and the i18n plugin's
        # (which sets this build's theme.language) included.
        material_search.replace_indexer(config)
        self._read_language(config)
        self.site = sitedata.build(self.config, config)
        self.social = social.Social(self.config, config)  # with this language's site_name
        files = self._language_files(files, config)
        self._read_catalog(files, config)
        self._generate_pages(files, config)  # from the catalog: categories, contact, a missing home
        self.category_locales = switcher.category_locales(files, self.languages)
        self.bundles = bundle.add_to_site(files, config)  # one stylesheet, one script, page bundles
        return files

    def _read_language(self, config: MkDocsConfig) -> None:
        """The language this build speaks, final here (an i18n plugin switches theme.language in
        its own on_config, after doum's), and what follows from it: the languages the site
        builds, the search index's analyzer (English builds get an English index), the words."""
        language = strings.language_of(config)  # ko or en, else stop here
        self.languages = languages.of(config, language)
        self.search.language = index.analyzer_language(language)
        languages.check_translations(self.config, self.languages)
        self.strings = strings.load(language)
        markdown_defaults.name_permalinks(config, self.strings)

    def _language_files(self, files: Files, config: MkDocsConfig) -> Files:
        """This language's files (the shared images too), keyed by their language-neutral paths."""
        files = languages.keep_default_media(files, self.every_file, self.languages, config.docs_dir)
        return languages.neutral_files(files)

    def _read_catalog(self, files: Files, config: MkDocsConfig) -> None:
        self.catalog = catalog.load(files, self.config, config, self.problems, self.languages)
        if self.catalog.unreadable:  # MkDocs cannot read them either: stop with the named files
            self.problems.raise_if_errors()

    def _generate_pages(self, files: Files, config: MkDocsConfig) -> None:
        """The pages doum writes, placed in this language's folder and its sitemap."""
        known = {file.src_uri for file in files}
        generated.add_pages(files, self.catalog, self.config, config,
                            embed_files=self.languages.is_default)
        added = languages.place_generated(files, known, self.languages)
        if self.languages.many:
            sitemaps.add_generated(config, added)

    on_files = CombinedEvent(_read_files_now, _read_language_files)

    def on_nav(self, navigation: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        return sitenav.build(self.catalog, files, self.strings)

    def on_page_read_source(self, page: Page, config: MkDocsConfig) -> str | None:
        # doum parsed the front matter already; MkDocs gets the body alone (see on_page_markdown).
        return catalog.body_source(self.catalog, page.file)

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        page.meta = catalog.page_meta(self.catalog, page.file.src_uri, page.meta)
        sitemaps.date_page(page, self.catalog)
        contact.use_contact_template(page)
        return markdown

    @event_priority(0)
    def _enhance_images(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        html = images.enhance(html, page, config)
        self.social.note_images(page, html)  # og:image: the page's first screenshot
        return html

    @event_priority(-50)  # after mkdocs-glightbox has linked the screenshots
    def _unwrap_lightbox_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        return material_a11y.lightbox_content(html)

    on_page_content = CombinedEvent(_enhance_images, _unwrap_lightbox_content)

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        # Every page is read by now and nothing is written yet: the last safe moment to stop.
        catalog.check_references(self.catalog, files, self.problems, config.docs_dir)
        self.problems.raise_if_errors()
        env.globals["doum_site"] = self.site
        env.globals["doum_legal"] = legal.footer(self.config, config)
        env.globals["doum_seo"] = self.social.site()
        env.globals["doum_assets"] = self.bundles.template_values()
        env.globals["doum_languages"] = switcher.for_page(None, self.languages, {})  # 404.html
        strings.add_global(env, self.strings)  # doum_t("pages.…") in every template
        safe_text.add_filters(env)  # titles and config values print as text (Material's slots too)
        env.filters["doum_defer_scripts"] = deferred_scripts.defer_scripts  # main.html's scripts block
        template_cache.share_compiled_templates(env)  # a further language's build compiles none
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
        context["doum_languages"] = switcher.for_page(
            page, self.languages, self.category_locales, context["doum_page"]["category"])
        return context

    @event_priority(-100)  # after every other plugin has written into the page
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        return material_a11y.finish_page(output, page, config)

    def on_post_template(
        self, output_content: str, template_name: str, config: MkDocsConfig
    ) -> str:
        return material_a11y.name_landmarks(output_content, config)

    @event_priority(0)
    def _write_search_index(self, config: MkDocsConfig) -> None:
        self.search.write(config.site_dir, root=self.languages.root)

    @event_priority(-5)  # after the search index wrote lunr.js
    def _write_search_engine(self, config: MkDocsConfig) -> None:
        bundle.write_search_engine(config.site_dir)

    @event_priority(-10)  # feed.xml, the og:image card and status.json, before _headers lists them
    def _write_korean_files(self, config: MkDocsConfig) -> None:
        if not self.languages.is_default:
            return  # the feed, og:image card and status.json are the default language's
        feed.write(config.site_dir, self.social.entries, self.config, config, self.strings.language)
        self.social.write_card(config.site_dir)
        status.write(config.site_dir, config.docs_dir)

    @event_priority(-90)  # after the other plugins' files
    def _keep_language_pages(self, config: MkDocsConfig) -> None:
        languages.keep_language_pages(config.site_dir, self.languages, self.language_pages)

    # After every other plugin has written its files, and after mkdocs-static-i18n (-100) has
    # built the further languages into the same folder; their nested builds publish nothing.
    # _headers lists every language's files for caching, so it is written here, once.
    @event_priority(-110)
    def _publish(self, config: MkDocsConfig) -> None:
        if not languages.nested_build(config):
            roots = [language.root for language in self.languages.built]
            sitemaps.write(str(self.staging.folder), self.languages, config.site_url or "")
            headers.write(str(self.staging.folder), self.config, language_roots=roots)
            self.staging.publish()

    on_post_build = CombinedEvent(
        _write_search_index, _write_search_engine, _write_korean_files, _keep_language_pages, _publish
    )

    def on_build_error(self, error: Exception) -> None:
        if hasattr(self, "staging"):  # a nested language build's error stops the whole build
            self.staging.discard()
            languages.after_error(self.staging.config)
