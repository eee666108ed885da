"""doum in place of mkdocs-glightbox's on_post_page: its files only on pages with an image to
enlarge (the script deferred), its options as JSON data, no inline code, and no second parse of
every page (the built default site, and the plugin collection itself)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

from mkdocs.plugins import PluginCollection
from mkdocs_glightbox.plugin import LightboxPlugin
from selectolax.lexbor import LexborHTMLParser

from conftest import MKDOCS_YML, ROOT, write_project
from doum.site import material_a11y

SCRIPT = "assets/javascripts/glightbox.min.js"
SHEET = "assets/stylesheets/glightbox.min.css"


def page(site: Path, url: str) -> LexborHTMLParser:
    return LexborHTMLParser((site / url / "index.html").read_text(encoding="utf-8"))


def settings(doc: LexborHTMLParser) -> dict:
    blocks = doc.css("body > script#doum-glightbox[type='application/json']")
    assert len(blocks) == 1
    return json.loads(blocks[0].text())


def test_glightbox_keeps_its_image_links_and_gives_doum_its_page_rewrite() -> None:
    plugins = PluginCollection()
    plugins["glightbox"] = LightboxPlugin()
    material_a11y.take_over_lightbox(SimpleNamespace(plugins=plugins))
    owners = {event: [getattr(m, "__self__", None) for m in methods]
              for event, methods in plugins.events.items()}
    assert plugins["glightbox"] not in owners["post_page"]
    assert plugins["glightbox"] in owners["page_content"]  # it still wraps the images


def test_a_page_with_screenshots_links_the_files_once_and_defers_the_script(default_site: Path) -> None:
    doc = page(default_site, "guide/pc/")
    assert doc.css("a.glightbox"), "the page should have screenshots"
    sheets = [e.attributes["href"] for e in doc.css(f"head > link[rel=stylesheet][href$='{SHEET}']")]
    scripts = [e.attributes for e in doc.css(f"script[src$='{SCRIPT}']")]
    assert sheets == ["../../" + SHEET]
    assert [(s["src"], "defer" in s) for s in scripts] == [("../../" + SCRIPT, True)]
    assert settings(doc)["script"] == "../../" + SCRIPT
    assert settings(doc)["options"]["openEffect"] == "zoom"


def test_a_page_without_screenshots_has_the_settings_but_neither_file(default_site: Path) -> None:
    doc = page(default_site, "")
    assert not doc.css("a.glightbox")
    assert not doc.css("link[href*=glightbox], script[src*=glightbox]")
    assert settings(doc)["script"] == SCRIPT


def test_no_page_has_glightbox_inline_code(default_site: Path) -> None:
    for path in default_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert 'id="init-glightbox"' not in html and 'id="glightbox-style"' not in html, path


def test_a_page_that_opts_out_of_the_lightbox_gets_no_files() -> None:
    config = SimpleNamespace(plugins={"glightbox": LightboxPlugin()})
    config.plugins["glightbox"].load_config({})
    html = '<html><head></head><body><a class="glightbox" href="a.png"><img src="a.png"></a></body></html>'
    for meta, files in (({"glightbox": False}, 0), ({}, 1)):
        doc = LexborHTMLParser(material_a11y.static_lightbox(html, SimpleNamespace(meta=meta, url="a/"), config))
        assert len(doc.css(f"head > link[href='../{SHEET}']")) == files, meta
        assert len(doc.css(f"head > script[defer][src='../{SCRIPT}']")) == files, meta
        assert settings(doc)["script"] == "../" + SCRIPT  # instant navigation may bring screenshots


def test_page_content_is_a_fragment_again_after_glightbox_links_the_screenshots(default_site: Path) -> None:
    # glightbox returns the content as a whole document; a browser would drop the nested tags,
    # a validator and the home intro would not
    for path in default_site.rglob("*.html"):
        assert path.read_text(encoding="utf-8").count("<html") == 1, path
    wrapped = "<html><head><style>p{}</style></head><body><p>a</p>\n<p>b</p></body></html>"
    assert material_a11y.lightbox_content(wrapped) == "<style>p{}</style><p>a</p>\n<p>b</p>"
    assert material_a11y.lightbox_content("<p>a</p>") == "<p>a</p>"


def test_a_page_may_turn_the_lightbox_off_in_its_front_matter(tmp_path: Path, build: Callable[..., Path]) -> None:
    image = (ROOT / "docs" / "assets" / "screens" / "pc-step1.png").read_bytes()
    page_text = "---\ntitle: {title}\nglightbox: {on}\n---\n\n![PC 카카오톡 창이에요](shot.png)\n"
    project = write_project(tmp_path / "project", {
        "faq/off.md": page_text.format(title="끈 질문", on="false"),
        "faq/on.md": page_text.format(title="켠 질문", on="true"),
    })
    (project / "docs" / "faq" / "shot.png").write_bytes(image)
    (project / "mkdocs.yml").write_text(MKDOCS_YML + "  - glightbox\n", encoding="utf-8")
    site = build(project, tmp_path / "site", "--strict")  # the keys are known: no warning
    off, on = page(site, "faq/off"), page(site, "faq/on")
    assert not off.css("a.glightbox")
    assert not off.css("link[href*=glightbox], script[src*=glightbox]")
    assert settings(off)["script"] == "../../" + SCRIPT  # for a page instant navigation brings
    assert on.css("a.glightbox") and settings(on)["script"] == "../../" + SCRIPT
