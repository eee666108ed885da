"""doum's build-time bundles (src/doum/site/bundle.py): what a built page links, what the bundler
refuses, and that a bundled, minified copy answers as the ES modules it came from (node)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import mkdocs
import pytest
from mkdocs.exceptions import PluginError

from conftest import ROOT, mkdocs_build, write_project
from doum.site import bundle

ASSETS = ROOT / "overrides" / "assets" / "doum"
NODE = shutil.which("node")
PARITY = Path(__file__).with_name("bundle_parity.mjs")
PARITY_ENTRIES = (
    "contact/mailto.js",
    "contact/inquiry.js",
    "contact/device.js",
    "contact/platform.js",
    "launcher/calendar.js",
    "shared/site.js",
)

STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]*assets/doum[/-][^"]*)"')
SCRIPT = re.compile(r"<script\b[^>]*>")


def doum_scripts(html: str) -> list[str]:
    """doum's script tags other than bootstrap's parts, and the bootstrap part that starts the
    main bundle."""
    return [tag for tag in SCRIPT.findall(html)
            if "assets/doum" in tag and ("bootstrap.js" not in tag or 'data-doum-run="bundle"' in tag)]


def test_every_page_links_one_stylesheet_and_starts_one_classic_bundle_after_the_parse(default_site: Path) -> None:
    # The help center's pages (Material's, through doum's main.html), not a plain demo page.
    pages = [page for page in sorted(default_site.rglob("*.html")) if 'id="doum-site"' in page.read_text("utf-8")]
    assert len(pages) > 10
    for page in pages:
        html = page.read_text(encoding="utf-8")
        sheets = STYLESHEET.findall(html)
        assert len(sheets) == 1 and re.search(r"assets/doum-bundle/doum\.[0-9a-f]{10}\.css$", sheets[0]), page
        scripts = doum_scripts(html)
        assert len(scripts) == 1, (page, scripts)
        # bootstrap.js starts it once the page is parsed, so the preload scanner does not fetch it
        # beside the stylesheets and Material's bundle (its browser test: test_page_requests_e2e).
        assert 'data-doum-run="bundle"' in scripts[0], page
        bundle = re.search(r'data-doum-bundle="([^"]*assets/doum-bundle/doum\.[0-9a-f]{10}\.js)"', scripts[0])
        assert bundle, page
        assert 'type="module"' not in html, page
        for link in (bundle.group(1), sheets[0]):
            # 404.html links from the site root; every other page relatively.
            target = default_site / link.lstrip("/") if link.startswith("/") else page.parent / link
            assert target.resolve().is_file(), (page, link)


MATERIAL_SHEET = re.compile(r'<link rel="stylesheet" href="[^"]*assets/stylesheets/(\w+)\.[0-9a-f]+\.min\.css"')


def test_material_palette_rules_travel_in_doums_stylesheet_so_doum_adds_no_render_blocking_file(
    default_site: Path,
) -> None:
    html = (default_site / "index.html").read_text(encoding="utf-8")
    assert MATERIAL_SHEET.findall(html) == ["main"]
    sheet = default_site / STYLESHEET.search(html).group(1)
    css = sheet.read_text(encoding="utf-8")
    palette = next((default_site / "assets/stylesheets").glob("palette.*.min.css")).read_text(encoding="utf-8")
    # Material's palette rules first (a dark scheme's colours, a named primary), then doum's.
    assert "[data-md-color-scheme=slate]" in css and "[data-md-color-primary=indigo]" in css
    assert css.index("[data-md-color-primary=indigo]") < css.index(".doum-launcher")
    assert "sourceMappingURL" not in css and "[data-md-color-primary=indigo]" in palette


def test_a_site_without_a_palette_links_materials_own_stylesheet_and_doums(tmp_path: Path) -> None:
    project = write_project(tmp_path / "project", {})
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert MATERIAL_SHEET.findall(html) == ["main"]
    css = (tmp_path / "site" / STYLESHEET.search(html).group(1)).read_text(encoding="utf-8")
    assert "[data-md-color-primary=indigo]" not in css and ".doum-launcher" in css


def test_the_contact_bundle_is_listed_for_the_loader_and_left_out_of_the_main_bundle(default_site: Path) -> None:
    html = (default_site / "contact" / "index.html").read_text(encoding="utf-8")
    tag = doum_scripts(html)[0]
    pages = json.loads(re.search(r'data-doum-pages="([^"]*)"', tag).group(1).replace("&#34;", '"').replace("&quot;", '"'))
    assert [page["selector"] for page in pages] == ["#contact-form"]
    folder = default_site / "assets" / "doum-bundle"
    contact = (folder / pages[0]["src"]).read_text(encoding="utf-8")
    main = (folder / re.search(r"doum\.[0-9a-f]{10}\.js", tag).group(0)).read_text(encoding="utf-8")
    loads = lambda text: set(re.findall(r"load\([`'\"]([\w/.-]+)[`'\"]", text))  # noqa: E731
    assert {"contact/contact.js", "contact/mailto.js"} <= loads(contact)
    assert "contact/contact.js" not in main and "launcher/launcher.js" in loads(main)
    # What every page already has (site data, search, insights) is not carried twice.
    assert {"shared/site.js", "search.js"} <= loads(main)
    assert not {"shared/site.js", "search.js"} & loads(contact)


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_bundles_bootstrap_and_lunr_parse_minified_and_lunr_keeps_its_licence(default_site: Path) -> None:
    built = sorted((default_site / "assets" / "doum-bundle").glob("*.js"))
    assert len(built) == 2
    lunr = default_site / bundle.LUNR_JS
    bootstrap = default_site / bundle.BOOTSTRAP_JS  # render-blocking in every head: minified, strict
    source = ASSETS / "shared" / "bootstrap.js"
    assert bootstrap.stat().st_size < 0.7 * source.stat().st_size
    assert bootstrap.read_text(encoding="utf-8").startswith('"use strict";')
    for script in [*built, lunr, bootstrap]:
        result = subprocess.run([NODE, "--check", str(script)], capture_output=True, text=True)
        assert result.returncode == 0, (script, result.stderr)
    original = Path(mkdocs.__file__).parent / "contrib/search/templates/search/lunr.js"
    text = lunr.read_text(encoding="utf-8")
    assert len(text) < 0.7 * original.stat().st_size
    assert text.startswith("/**") and "@license MIT" in text.split("*/")[0]


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_the_worker_carries_the_search_engine_and_the_embed_loads_it_as_one_file(default_site: Path) -> None:
    worker = default_site / bundle.WORKER_JS
    engine = default_site / bundle.ENGINE_JS
    for script in (worker, engine):
        result = subprocess.run([NODE, "--check", str(script)], capture_output=True, text=True)
        assert result.returncode == 0, (script, result.stderr)
    text = worker.read_text(encoding="utf-8")
    assert bundle.ENGINE_IMPORT not in text
    # the one script left to import is lunr.js, which only an English index needs
    imported = [name.strip("'\"`") for name in re.findall(r"importScripts\(([^)]*)\)", text)]
    assert imported == ["search/lunr.js"]
    assert text.index("doum:hello") < text.index("doumSearchCore"), "hello before the engine runs"
    # The engine as a page (the embed) runs it: the Korean pipeline, the English one's factory and
    # the core, globals of `self`, in strict mode; without lunr.js (2.3.9), which is not in it.
    probe = (
        "const vm = require('vm'); const fs = require('fs'); const g = {}; g.self = g;"
        "vm.createContext(g); vm.runInContext(fs.readFileSync(process.argv[1], 'utf8'), g);"
        "console.log([typeof g.lunr, typeof g.doumKorean, typeof g.doumEnglish,"
        " typeof g.doumSearchCore.openSearcher].join(' '))"
    )
    result = subprocess.run([NODE, "-e", probe, str(engine)], capture_output=True, text=True)
    assert result.stdout.split() == ["undefined", "object", "function", "function"], result.stderr
    code = engine.read_text(encoding="utf-8")
    assert code.count('"use strict"') == 1 and "2.3.9" not in code and "2.3.9" not in text


def test_a_worker_without_the_engine_line_stops_the_build_naming_it(tmp_path: Path) -> None:
    shutil.copytree(ASSETS, tmp_path / bundle.ASSETS)
    shutil.copyfile(Path(mkdocs.__file__).parent / "contrib/search/templates/search/lunr.js",
                    tmp_path / bundle.LUNR_JS)
    worker = tmp_path / bundle.WORKER_JS
    worker.write_text(worker.read_text(encoding="utf-8").replace(bundle.ENGINE_IMPORT, ""), encoding="utf-8")
    with pytest.raises(PluginError, match=re.escape(bundle.WORKER_JS)):
        bundle.write_search_engine(tmp_path)


def test_source_modules_keep_their_public_names(default_site: Path) -> None:
    for path in ("search.js", "search-worker.js", "shared/site.js", "shared/bootstrap.js",
                 "launcher/launcher.js", "contact/contact.js", "shared/doum.css"):
        assert (default_site / "assets" / "doum" / path).is_file(), path


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_a_bundled_minified_copy_answers_as_the_modules(tmp_path: Path) -> None:
    target = tmp_path / "assets" / "doum-bundle" / "parity.js"
    target.parent.mkdir(parents=True)
    target.write_text(bundle.bundle_script(PARITY_ENTRIES, bundle.directory_reader(ASSETS)), encoding="utf-8")
    result = subprocess.run([NODE, str(PARITY), str(target), str(ASSETS)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.split("\n")
    assert len([line for line in lines if line.startswith("same ")]) == 13
    assert not [line for line in lines if line.startswith("DIFFERENT")], result.stdout
    assert f"root {tmp_path.as_uri()}/" in lines


@pytest.mark.parametrize(
    ("source", "line", "words"),
    [
        ("const a = 1\nexport default a\n", 2, "unsupported export form"),
        ("const a = 1\nexport { a }\n", 2, "unsupported export form"),
        ("export let counter = 0\n", 1, "mutable export"),
        ("import * as b from './b.js'\n", 1, "unsupported import form"),
        ("import b from './b.js'\n", 1, "unsupported import form"),
        ("// x\nconst b = await import('./b.js')\n", 2, "dynamic import"),
        ("import { x } from 'lodash'\n", 1, "only relative"),
        ("import { x } from './missing.js'\n", 1, "does not exist"),
        ("function f() {\n  import { b } from './b.js'\n}\n", 2, "top level"),
        ("import { b } from './b.js'\nexport const a = b\n", 1, "circular import"),
        ("const __require = 1\n", 1, "bundler's own"),
    ],
)
def test_unsupported_forms_stop_the_build_naming_file_and_line(
    tmp_path: Path, source: str, line: int, words: str
) -> None:
    (tmp_path / "a.js").write_text(source, encoding="utf-8")
    (tmp_path / "b.js").write_text("import { a } from './a.js'\nexport const b = a\n", encoding="utf-8")
    with pytest.raises(PluginError) as error:
        bundle.bundle_script(("a.js",), bundle.directory_reader(tmp_path))
    message = str(error.value)
    where = "b.js:1" if words == "circular import" else f"a.js:{line}"
    assert where in message and words in message, message


def test_supported_forms_bundle_with_getters_and_renamed_imports(tmp_path: Path) -> None:
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "b.js").write_text(
        "export const B = 2\nexport async function later() {}\nexport class Thing {}\n", encoding="utf-8")
    (tmp_path / "a.js").write_text(
        "import {\n  B as two,\n  Thing,\n} from './lib/b.js'\nimport './lib/b.js'\n"
        "export function a() {\n  return two + import.meta.url.length\n}\n"
        "important = exported\nfunction w() {\n  importScripts('x.js')\n  exportAll()\n}\n",
        encoding="utf-8",
    )
    text = bundle.render(bundle._graph(("a.js",), bundle.directory_reader(tmp_path)))
    assert text.index('load("lib/b.js"') < text.index('load("a.js"')
    assert 'const { B: two, Thing } = __require("lib/b.js")' in text
    assert "__meta.url.length" in text and "export " not in text
    assert "important = exported" in text and "  importScripts('x.js')" in text  # names, not statements
    for name in ("B", "later", "Thing", "a"):
        assert f'Object.defineProperty(__exports, "{name}"' in text


def test_a_site_module_the_bundler_cannot_take_stops_the_build_with_its_line(tmp_path: Path) -> None:
    """A site's custom_dir copy of a doum module is bundled instead of doum's, and checked alike."""
    project = write_project(tmp_path / "project", {"account/a.md": "---\ntitle: 질문\n---\n답\n"})
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  language: ko\n", "  language: ko\n  custom_dir: overrides\n"), encoding="utf-8")
    module = project / "overrides" / "assets" / "doum" / "shared" / "feedback.js"
    module.parent.mkdir(parents=True)
    module.write_text("// the site's own vote\nconst vote = 1\nexport default vote\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "feedback.js:3: unsupported export form" in result.stdout + result.stderr
    assert not (tmp_path / "site").exists(), "nothing is published"
