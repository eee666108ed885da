"""Compiled templates shared across the builds of one process (site/template_cache.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jinja2

from conftest import ROOT
from doum.site.template_cache import ProcessTemplateCache


def _environment(folder: Path, cache: ProcessTemplateCache) -> tuple[jinja2.Environment, list[str]]:
    """A fresh environment, as each MkDocs build makes one, counting what it compiles."""
    compiled: list[str] = []

    class Counting(jinja2.Environment):
        def compile(self, source, name=None, filename=None, raw=False, defer_init=False):
            compiled.append(name)
            return super().compile(source, name, filename, raw, defer_init)

    env = Counting(loader=jinja2.FileSystemLoader(str(folder)), auto_reload=False)
    env.bytecode_cache = cache
    return env, compiled


def test_a_second_build_reuses_the_compiled_templates(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text('{% include "part.html" %} {{ title }}', encoding="utf-8")
    (tmp_path / "part.html").write_text("<b>{{ title | upper }}</b>", encoding="utf-8")
    cache = ProcessTemplateCache()

    first, first_compiled = _environment(tmp_path, cache)
    assert first.get_template("page.html").render(title="ko") == "<b>KO</b> ko"
    second, second_compiled = _environment(tmp_path, cache)
    assert second.get_template("page.html").render(title="en") == "<b>EN</b> en"

    assert sorted(first_compiled) == ["page.html", "part.html"]
    assert second_compiled == []


def test_an_edited_template_compiles_anew(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("old {{ title }}", encoding="utf-8")
    cache = ProcessTemplateCache()
    first, _ = _environment(tmp_path, cache)
    assert first.get_template("page.html").render(title="x") == "old x"

    (tmp_path / "page.html").write_text("new {{ title }}", encoding="utf-8")  # `mkdocs serve`
    second, compiled = _environment(tmp_path, cache)
    assert second.get_template("page.html").render(title="x") == "new x"
    assert compiled == ["page.html"]


# Counts the template compiles of a real build's page environments (those doum set up: they
# carry doum_t; Material's search plugin compiles its translations in throwaway ones of its
# own), in a process of its own, and prints them as JSON.
COUNT_COMPILES = """
import collections, json, sys
import jinja2
compiled = collections.Counter()
original = jinja2.Environment.compile
def counting(self, source, name=None, *args, **kwargs):
    if "doum_t" in self.globals:
        compiled[name] += 1
    return original(self, source, name, *args, **kwargs)
jinja2.Environment.compile = counting
from mkdocs.__main__ import cli
try:
    cli(["build", "-q", "-f", sys.argv[1], "-d", sys.argv[2]], standalone_mode=False)
finally:
    print(json.dumps(compiled))
"""


def test_the_default_sites_two_languages_compile_each_template_once(tmp_path: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-c", COUNT_COMPILES, str(ROOT / "mkdocs.yml"), str(tmp_path / "site")],
        capture_output=True, text=True, env=env, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    compiled = json.loads(result.stdout.strip().splitlines()[-1])
    assert (tmp_path / "site" / "en" / "index.html").is_file()  # the English build ran too
    assert "main.html" in compiled
    assert {name: count for name, count in compiled.items() if count > 1} == {}


def test_an_environment_that_compiles_differently_gets_its_own_code(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("<i>  {% if x %}yes{% endif %}  </i>\n", encoding="utf-8")
    cache = ProcessTemplateCache()
    plain, _ = _environment(tmp_path, cache)
    assert plain.get_template("page.html").render(x=True) == "<i>  yes  </i>"

    trimmed, compiled = _environment(tmp_path, cache)
    trimmed.lstrip_blocks = trimmed.trim_blocks = True
    trimmed.keep_trailing_newline = True
    assert trimmed.get_template("page.html").render(x=True) == "<i>  yes  </i>\n"
    assert compiled == ["page.html"]
