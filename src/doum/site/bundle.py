"""Build-time bundles: doum's browser ES modules as classic `defer` scripts, one stylesheet.

Every page gets ONE doum stylesheet and ONE doum script (the modules every page runs); pages
that need more (the contact form) get a page bundle that the main bundle's loader
(shared/loader.js) adds when the page has its element. Classic scripts, not modules: a site
opened from `file://` blocks modules but runs classic scripts, so the launcher and the contact
checklist still work offline. No Node at deploy: the static `import {…} from './x.js'` graph is
resolved here, scripts are minified with minify-html's JavaScript minifier (oxc; rjsmin strips
the spaces of nested template literals, and oxc keeps comments, so whole-line comments go
first) and the stylesheet with rcssmin.

A module becomes a function scope registered under its path below assets/doum/ in one registry
shared by every bundle on the page (window.__doumModules), so the contact bundle reuses the main
bundle's site data, insights and search session instead of carrying copies. Exports are getters
on the module's record; an import reads them once its dependency has run (dependencies always
run first, so a constant export reads as a live binding would; a mutable `export let` would
not, and stops the build). A module already in the registry is not run again: a page bundle
reuses the main bundle's, and a test can register a stand-in (e.g. for search.js) first. Any
import or export form outside the small subset doum's sources use stops the build with its
file and line.

The source modules stay in the built site under their stable names (an embed loads some of them
cross-origin, and assets/doum/search.js is the documented search API).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import minify_html
import rcssmin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

ASSETS = "assets/doum"
# Beside assets/doum/, not in it: hosts merge every header rule a path matches, and the hashed
# bundles are cached for a year while /assets/doum/* is revalidated (site/headers.py).
BUNDLE_DIR = "assets/doum-bundle"
SOURCES_FROM_BUNDLE = "../doum/"  # a module's own URL, as import.meta.url, from a bundle's
# What every page runs, in the order the pages loaded them as modules: first the stand-in for
# Material's document$ from file://, the loader last.
MAIN_ENTRIES = (
    "shared/offline.js",
    "launcher/launcher.js",
    "shared/feedback.js",
    "shared/header-search.js",
    "search/empty.js",
    "shared/status.js",
    "shared/language-guard.js",
    "shared/loader.js",
)
# Page bundles: name → (entry module, the element whose presence on a page asks for it).
PAGE_BUNDLES = {"contact": ("contact/contact.js", "#contact-form")}
STYLESHEETS = ("shared/doum.css", "search/search.css", "launcher/launcher.css", "contact/contact.css")
# Material's palette stylesheet is merged into doum's, without its source-map comment.
SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/")
# Copied into the site by doum's search (src/doum/search/documents.py); minified after it.
LUNR_JS = f"{ASSETS}/search/lunr.js"

RESERVED = ("__exports", "__require", "__meta")
IMPORT_NAMED = re.compile(r"^import\s*\{([^}]*)\}\s*from\s*'([^']+)'\s*;?\s*(?://.*)?$", re.S)
IMPORT_BARE = re.compile(r"^import\s*'([^']+)'\s*;?\s*(?://.*)?$")
EXPORT_DECL = re.compile(r"^export\s+((?:async\s+)?function\*?|class)\s+([A-Za-z_$][\w$]*)")
EXPORT_CONST = re.compile(r"^export\s+const\s+([A-Za-z_$][\w$]*)\s*=")
SPECIFIER = re.compile(r"^([A-Za-z_$][\w$]*)(?:\s+as\s+([A-Za-z_$][\w$]*))?$")

Reader = Callable[[str], tuple[str, str]]  # module path below assets/doum → (text, where)


@dataclass
class Module:
    id: str  # path below assets/doum, e.g. "shared/site.js"
    where: str  # the file, for error messages
    body: str  # source with imports and `export` keywords rewritten
    deps: list[str] = field(default_factory=list)
    exports: list[str] = field(default_factory=list)


def _fail(where: str, line: int, message: str) -> PluginError:
    return PluginError(
        f"doum bundle: {where}:{line}: {message}. doum bundles its browser modules at build time "
        "and supports `import { a, b as c } from './x.js'`, `import './x.js'`, and `export` before "
        "function, async function, class and const declarations."
    )


def _resolve(module_id: str, spec: str, where: str, line: int) -> str:
    if not spec.startswith(("./", "../")) or not spec.endswith(".js"):
        raise _fail(where, line, f"import from {spec!r}: only relative './….js' paths can be bundled")
    parts: list[str] = list(PurePosixPath(module_id).parent.parts)
    for part in PurePosixPath(spec).parts:
        if part == "..":
            if not parts:
                raise _fail(where, line, f"import from {spec!r} leaves {ASSETS}/")
            parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


def parse(module_id: str, text: str, where: str) -> Module:
    """One ES module → its body for the bundle, its dependencies and its exported names."""
    module = Module(module_id, where, "")
    for name in RESERVED:
        if re.search(rf"(?<![\w$]){re.escape(name)}(?![\w$])", text):
            raise _fail(where, 1, f"the name {name} is the bundler's own")
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        line, number = lines[index], index + 1
        index += 1
        if re.search(r"(?<![\w$.])import\s*\(", line):
            raise _fail(where, number, "dynamic import() is not supported")
        if re.match(r"^\s+(?:import|export)[\s{'\"*]", line):
            raise _fail(where, number, "import/export must start the line, at the top level (Prettier style)")
        if re.match(r"^import[\s{'\"*]", line):
            statement = line
            while "{" in statement and "}" not in statement and index < len(lines):
                statement += "\n" + lines[index]
                index += 1
            named, bare = IMPORT_NAMED.match(statement), IMPORT_BARE.match(statement)
            if bare:
                module.deps.append(_resolve(module_id, bare.group(1), where, number))
                out.append("")
                continue
            if not named:
                raise _fail(where, number, f"unsupported import form: {statement.splitlines()[0]!r}")
            dep = _resolve(module_id, named.group(2), where, number)
            module.deps.append(dep)
            bindings = []
            for raw in (s.strip() for s in named.group(1).split(",")):
                if not raw:
                    continue
                spec = SPECIFIER.match(raw)
                if not spec:
                    raise _fail(where, number, f"unsupported import specifier {raw!r}")
                imported, local = spec.group(1), spec.group(2)
                bindings.append(f"{imported}: {local}" if local else imported)
            out.append(f"const {{ {', '.join(bindings)} }} = __require({json.dumps(dep)})")
            continue
        if re.match(r"^export[\s{*]", line):
            declared = EXPORT_DECL.match(line) or EXPORT_CONST.match(line)
            if not declared:
                if re.match(r"^export\s+(?:let|var)\b", line):
                    raise _fail(where, number, "a mutable export (export let/var) cannot be bundled faithfully")
                raise _fail(where, number, f"unsupported export form: {line.strip()!r}")
            module.exports.append(declared.group(declared.lastindex or 0))
            out.append(line[len("export") :].lstrip())
            continue
        out.append(line)
    module.body = "\n".join(_without_comments(out)).replace("import.meta", "__meta")
    return module


def _without_comments(lines: list[str]) -> list[str]:
    """Whole-line comments dropped (the minifier keeps them). Prettier starts every comment that
    stands alone at a line's start, where only a template literal spanning lines could hold the
    same text; after a line with an odd number of backticks (one may open such a literal) the
    rest of the module keeps its comments."""
    kept: list[str] = []
    in_block = unsure = False
    for line in lines:
        text = line.strip()
        if unsure:
            kept.append(line)
        elif in_block:
            if "*/" in text:
                in_block = False
                kept.append(text.split("*/", 1)[1])
        elif text.startswith("//"):
            continue
        elif text.startswith("/*"):
            if "*/" not in text:
                in_block = True
            else:
                kept.append(text.split("*/", 1)[1])
        else:
            unsure = line.count("`") % 2 == 1
            kept.append(line)
    return kept


def _graph(entries: tuple[str, ...], read: Reader) -> list[Module]:
    """Every module the entries reach, dependencies first, in ES module evaluation order."""
    done: dict[str, Module] = {}
    order: list[Module] = []
    visiting: list[str] = []

    def visit(module_id: str, where: str, line: int) -> None:
        if module_id in done:
            return
        if module_id in visiting:
            cycle = " → ".join(visiting[visiting.index(module_id) :] + [module_id])
            raise _fail(where, line, f"circular import ({cycle}) cannot be bundled")
        try:
            text, source = read(module_id)
        except FileNotFoundError:
            raise _fail(where, line, f"imports {module_id}, which does not exist") from None
        visiting.append(module_id)
        module = parse(module_id, text, source)
        for dep in module.deps:
            visit(dep, source, _line_of(text, dep))
        visiting.pop()
        done[module_id] = module
        order.append(module)

    for entry in entries:
        visit(entry, f"{ASSETS}/{entry}", 1)
    return order


def _line_of(text: str, dep: str) -> int:
    """The line that imports `dep` (for messages about it)."""
    name = PurePosixPath(dep).name
    for number, line in enumerate(text.split("\n"), 1):
        if re.search(rf"""['"][^'"]*{re.escape(name)}['"]""", line):
            return number
    return 1


RUNTIME = """;(function () {
'use strict'
var registry = (window.__doumModules = window.__doumModules || {})
var script = document.currentScript
var base = (script && script.src) || document.baseURI
function load(id, factory) {
  if (registry[id]) return
  var record = (registry[id] = {})
  var require = function (dep) {
    var found = registry[dep]
    if (!found || found.__failed) throw new Error('doum: ' + id + ' needs ' + dep + ', which did not run')
    return found
  }
  try {
    factory(record, require, { url: new URL(SOURCES + id, base).href })
  } catch (error) {
    Object.defineProperty(record, '__failed', { value: true })
    // As a module that throws: reported, and the bundle's other modules still run.
    if (typeof reportError === 'function') reportError(error)
    else setTimeout(function () { throw error })
  }
}
"""


def render(modules: list[Module]) -> str:
    """The classic script: the registry runtime, then each module in its own function scope."""
    parts = [RUNTIME.replace("SOURCES", json.dumps(SOURCES_FROM_BUNDLE), 1)]
    for module in modules:
        getters = "".join(
            f"Object.defineProperty(__exports, {json.dumps(name)}, "
            f"{{ enumerable: true, get: function () {{ return {name} }} }})\n"
            for name in module.exports
        )
        parts.append(
            f"load({json.dumps(module.id)}, function (__exports, __require, __meta) {{\n"
            f"{getters}{module.body}\n}})\n"
        )
    parts.append("})()\n")
    return "".join(parts)


def minify_js(text: str, *, strict: bool = True) -> str:
    """Minified script. minify-html minifies the inside of a <script> element: `</script` is
    escaped first (`<\\/` reads the same in strings and regular expressions)."""
    safe = re.sub(r"</(script)", r"<\\/\1", text, flags=re.I)
    element = minify_html.minify(f"<script>{safe}</script>", minify_js=True)
    code = element.removeprefix("<script>").removesuffix("</script>")
    if code == safe or len(element) != len(code) + len("<script></script>"):
        # minify-html hands back what it cannot parse unchanged: a syntax error in a module.
        raise PluginError(
            "doum bundle: the JavaScript minifier could not parse a bundle "
            "(a syntax error in one of its modules? `node --check` on each names it)"
        )
    # It drops 'use strict' directives; doum's modules are module code, which is always strict.
    return f'"use strict";{code}' if strict else code


def _hashed(stem: str, text: str, suffix: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
    return f"{BUNDLE_DIR}/{stem}.{digest}.{suffix}"


@dataclass
class Bundles:
    """The built bundles (site path → text) and what the templates need to link them."""

    files: dict[str, str]
    stylesheet: str
    script: str
    pages: list[dict[str, str]]  # [{selector, src}], src relative to the main script
    # Set when the stylesheet carries Material's palette rules: the page then links Material's
    # main stylesheet and doum's, and not Material's palette stylesheet.
    material_stylesheet: str = ""

    def template_values(self) -> dict[str, str]:
        return {
            "stylesheet": self.stylesheet,
            "material_stylesheet": self.material_stylesheet,
            "script": self.script,
            "pages": json.dumps(self.pages, separators=(",", ":")),
        }


def bundle_script(entries: tuple[str, ...], read: Reader, leave_out: frozenset[str] = frozenset()) -> str:
    """The minified classic script running `entries` and what they import, less `leave_out`."""
    return minify_js(render([module for module in _graph(entries, read) if module.id not in leave_out]))


def build(read: Reader, palette_css: str = "") -> Bundles:
    """All bundles from the sources `read` returns (paths below assets/doum/).

    `palette_css` is Material's palette stylesheet when the site has a palette: doum's rules go
    after it in the same file, which the page links in its place (one render-blocking
    stylesheet for both, in the order the two files had)."""
    files: dict[str, str] = {}
    main_ids = frozenset(module.id for module in _graph(MAIN_ENTRIES, read))
    script_text = bundle_script(MAIN_ENTRIES, read)
    script = _hashed("doum", script_text, "js")
    files[script] = script_text
    pages = []
    for name, (entry, selector) in PAGE_BUNDLES.items():
        # The main bundle runs first on every page: a page bundle carries only what it adds.
        text = bundle_script((entry,), read, main_ids)
        path = _hashed(name, text, "js")
        files[path] = text
        pages.append({"selector": selector, "src": PurePosixPath(path).name})
    css = rcssmin.cssmin("\n".join([palette_css, *(read(sheet)[0] for sheet in STYLESHEETS)]))
    stylesheet = _hashed("doum", css, "css")
    files[stylesheet] = css
    return Bundles(files, stylesheet, script, pages)


def theme_reader(files: Files) -> Reader:
    """Sources as MkDocs will copy them: a site's custom_dir overrides doum's own files."""

    def read(module_id: str) -> tuple[str, str]:
        file = files.get_file_from_path(f"{ASSETS}/{module_id}")
        if file is None:
            raise FileNotFoundError(module_id)
        return file.content_string, file.abs_src_path or f"{ASSETS}/{module_id}"

    return read


def directory_reader(root: Path) -> Reader:
    """Sources from a folder laid out as assets/doum/ (tests, tools)."""

    def read(module_id: str) -> tuple[str, str]:
        path = root / module_id
        return path.read_text(encoding="utf-8"), str(path)

    return read


def _material_sheet(files: Files, name: str) -> File | None:
    """Material's content-hashed stylesheet `name` (main, palette), if there is exactly one."""
    pattern = re.compile(rf"assets/stylesheets/{name}\.[0-9a-f]+\.min\.css")
    sheets = [file for file in files if pattern.fullmatch(file.src_uri)]
    return sheets[0] if len(sheets) == 1 else None


# Material's inline scripts as one file at a stable URL, render-blocking in every page's head:
# minified in place (doum's templates name it; a custom_dir's own copy is minified too).
BOOTSTRAP_JS = f"{ASSETS}/shared/bootstrap.js"


def add_to_site(files: Files, config: MkDocsConfig) -> Bundles:
    """Build the bundles and hand them to MkDocs as generated files of the build."""
    bootstrap = files.get_file_from_path(BOOTSTRAP_JS)
    if bootstrap is not None:
        # One strict function as written: its 'use strict' (which the minifier drops) comes first.
        minified = minify_js(_script(bootstrap.content_string))
        files.remove(bootstrap)
        files.append(File.generated(config, BOOTSTRAP_JS, content=minified))
    main, palette = _material_sheet(files, "main"), _material_sheet(files, "palette")
    # A Material whose files we do not recognise keeps its own links (see main.html).
    merge = bool(config.theme.get("palette")) and main is not None and palette is not None
    palette_css = SOURCE_MAP.sub("", palette.content_string) if merge and palette else ""
    bundles = build(theme_reader(files), palette_css)
    if merge and main is not None:
        bundles.material_stylesheet = main.src_uri
    for path, text in bundles.files.items():
        files.append(File.generated(config, path, content=text))
    return bundles


WORKER_JS = f"{ASSETS}/search-worker.js"
ENGINE_JS = f"{ASSETS}/search/engine.js"  # korean.js, english.js, core.js: one script
ENGINE_IMPORT = "importScripts('search/engine.js')"  # the worker's line the engine replaces
STRICT_PARTS = ("search/korean.js", "search/english.js", "search/core.js")


def _script(text: str) -> str:
    """A classic script without its whole-line comments (the minifier keeps comments)."""
    return "\n".join(_without_comments(text.split("\n")))


def minified_lunr(lunr: str) -> str:
    """lunr.js minified (sloppy-mode script, as written: no directive added), its licence
    header kept as it was."""
    header = re.match(r"\s*/\*[\s\S]*?\*/\s*", lunr)
    notice = header.group(0).strip() + "\n" if header and "@license" in header.group(0) else ""
    return notice + minify_js(_script(lunr), strict=False)


def search_engine(read: Reader) -> str:
    """korean.js, english.js and core.js in one strict function: the minifier drops their own
    'use strict' directives. All are UMD scripts that register on `self`, a worker's global and a
    page's window alike. lunr.js is not in it: only English stems need it, and the worker and the
    embed load it when an English index opens."""
    strict = minify_js("\n;".join(_script(read(part)[0]) for part in STRICT_PARTS), strict=False)
    return f';(function(){{"use strict";{strict}\n}}).call(self);\n'


def write_search_engine(site_dir: str | Path, read: Reader | None = None) -> None:
    """The search engine in one file (the embed loads it: assets/doum/search/engine.js) and
    inside the search worker itself, in place of its importScripts line: a page's search costs
    one request for code. Run after the index wrote lunr.js; the other sources are read as the
    site ships them (a custom_dir's own copies included)."""
    root = Path(site_dir)
    lunr = root / LUNR_JS
    if not lunr.is_file():
        return  # doum's search is off: no worker to build
    read = read or directory_reader(root / ASSETS)
    lunr.write_text(minified_lunr(lunr.read_text(encoding="utf-8")), encoding="utf-8")
    engine = search_engine(read)
    (root / ENGINE_JS).write_text(engine, encoding="utf-8")
    worker_path = root / WORKER_JS
    worker = worker_path.read_text(encoding="utf-8")
    if worker.count(ENGINE_IMPORT) != 1:
        raise PluginError(
            f"doum bundle: {WORKER_JS} must load the search engine with exactly one "
            f"`{ENGINE_IMPORT}` line (doum writes the engine in its place)"
        )
    # The worker's own code stays sloppy like lunr's; it still says hello before the engine runs.
    before, after = (minify_js(_script(part), strict=False) for part in worker.split(ENGINE_IMPORT))
    worker_path.write_text(f"{before}\n{engine}{after}\n", encoding="utf-8")
