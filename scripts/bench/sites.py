"""Build the same pages twice — stock Material and doum — and measure what was written.

Both configs inherit the repository's mkdocs.yml (theme, features, Markdown extensions), so
the only difference is the plugin list: stock Material gets `search: {lang: ko}` and the
repository's glightbox with its options (the issue's baseline: "stock Material with the same
Markdown extensions and glightbox"); doum keeps the repository's plugins (search, doum,
glightbox).
"""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
ENGINES = ("stock", "doum")


@dataclass
class Build:
    engine: str
    site_dir: Path
    seconds: float | None  # None when the build failed or timed out
    error: str = ""


def write_config(engine: str, project_dir: Path, docs_dir: Path, site_name: str | None = None,
                 search_only: bool = False) -> Path:
    """Write `<engine>.yml` into project_dir for the pages in docs_dir; returns its path.

    search_only: a nav of the home page alone. Stock Material renders the whole nav into every
    page, so its build time grows with the square of the page count; with a one-entry nav the
    build is fast while the search index (every page) stays the same. Only search figures of
    such a build are comparable.
    """
    lines = [f"INHERIT: {ROOT / 'mkdocs.yml'}", f"docs_dir: {docs_dir.resolve()}"]
    if site_name:
        lines.append(f"site_name: {json.dumps(site_name, ensure_ascii=False)}")
    if engine == "stock":
        theme_dir = _stub_templates(project_dir / "stock-theme", docs_dir)
        plugins = [{"search": {"lang": "ko"}}, {"glightbox": _plugin_options("glightbox")}]
        lines += ["theme:", f"  custom_dir: {theme_dir}",
                  yaml.safe_dump({"plugins": plugins}, allow_unicode=True).strip()]
    if search_only:
        lines += ["nav:", "  - index.md", "validation:", "  nav:", "    omitted_files: info"]
    project_dir.mkdir(parents=True, exist_ok=True)
    config = project_dir / f"{engine}{'-search-only' if search_only else ''}.yml"
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return config


class _TagsAsNone(yaml.SafeLoader):
    """mkdocs.yml's !ENV and !!python tags need MkDocs to resolve; plugin options do not."""


_TagsAsNone.add_multi_constructor("", lambda loader, suffix, node: None)


def _plugin_options(name: str) -> dict[str, Any]:
    """The options the repository's mkdocs.yml gives a plugin ({} when it lists it bare)."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TagsAsNone)
    for entry in config.get("plugins") or []:
        if entry == name:
            return {}
        if isinstance(entry, dict) and name in entry:
            return dict(entry[name] or {})
    raise ValueError(f"mkdocs.yml: plugin {name!r} is not configured; the stock baseline needs it")


def _stub_templates(theme_dir: Path, docs_dir: Path) -> Path:
    """Pages that name a doum template (`template: doum-home.html`) render plainly in stock."""
    theme_dir.mkdir(parents=True, exist_ok=True)
    pattern = re.compile(r"^template:\s*(\S+)\s*$", re.M)
    for page in docs_dir.rglob("*.md"):
        head = page.read_text(encoding="utf-8")[:2000]
        for name in pattern.findall(head):
            (theme_dir / name).write_text('{% extends "main.html" %}\n', encoding="utf-8")
    return theme_dir


def build(engine: str, config: Path, site_dir: Path, timeout: float,
          on_wait: Callable[[], None] = lambda: None) -> Build:
    """Run the real `mkdocs build` and time it (wall clock, Python start-up included).

    on_wait is called about once a second while MkDocs works (to keep a progress line alive).
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config),
               "-d", str(site_dir)]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               env=env, cwd=config.parent)
    while True:
        try:
            output, _ = process.communicate(timeout=1)
            break
        except subprocess.TimeoutExpired:
            if time.perf_counter() - start > timeout:
                process.kill()
                process.communicate()
                return Build(engine, site_dir, None, f"timed out after {timeout:.0f} s")
            on_wait()
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        return Build(engine, site_dir, None, output[-2000:])
    return Build(engine, site_dir, seconds)


def site_bytes(site_dir: Path) -> int:
    return sum(path.stat().st_size for path in site_dir.rglob("*") if path.is_file())


def html_path(site_dir: Path, src_uri: str) -> Path:
    """Where MkDocs writes a page with directory URLs: a/b.md → a/b/index.html."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return site_dir / stem.removesuffix("index") / "index.html"
    return site_dir / stem / "index.html"


def html_bytes_mean(site_dir: Path, src_uris: list[str]) -> float:
    """Mean size of the HTML files written for these pages (navigation included)."""
    sizes = [html_path(site_dir, uri).stat().st_size for uri in src_uris]
    return sum(sizes) / len(sizes)


def payload_bytes(files: list[Path]) -> tuple[int, int]:
    """Raw and gzip (level 6, a usual server setting) bytes of the given files."""
    raw = zipped = 0
    for path in files:
        data = path.read_bytes()
        raw += len(data)
        zipped += len(gzip.compress(data, compresslevel=6))
    return raw, zipped
