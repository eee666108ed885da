"""The interface catalogs (src/doum/site/strings/): every language has Korean's keys and
placeholders, every key the templates and Python ask for exists, templates hold no Korean of
their own, and a language doum cannot speak stops the build at theme.language."""

from __future__ import annotations

import datetime
import re
import subprocess
import sys
from pathlib import Path

import pytest
from markupsafe import Markup

from conftest import MKDOCS_YML, ROOT, mkdocs_build, write_project
from doum.config import SupportConfig
from doum.site import strings
from doum.support import calendar

TEMPLATES = sorted([*ROOT.glob("overrides/*.html"), *ROOT.glob("overrides/partials/*.html")])
PYTHON = sorted((ROOT / "src" / "doum").rglob("*.py"))
HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")
JINJA_COMMENT = re.compile(r"\{#.*?#\}", re.S)
# doum_t('pages.x.y') / doum_t("pages.x.y" …; a key built with ~ is checked by its fixed start.
TEMPLATE_KEY = re.compile(r"""doum_t\(\s*['"]([\w.]+)['"]\s*(~)?""")
PYTHON_KEY = re.compile(r"""["'](pages\.[\w.]+?)(\.?)["']|f["'](pages\.[\w.]+)\.\{""")


@pytest.mark.parametrize("language", [lang for lang in strings.SUPPORTED if lang != strings.REFERENCE])
def test_every_language_has_the_reference_keys_and_placeholders(language: str) -> None:
    strings.load.cache_clear()
    reference = strings.load(strings.REFERENCE)
    other = strings.Strings(language, {area: strings._read(language, area) for area in strings.AREAS})
    assert strings.differences(reference, other) == []
    assert set(other.flat) == set(reference.flat)


def test_differences_name_missing_extra_and_placeholder_changes() -> None:
    reference = strings.Strings("ko", {"pages": {"a": "{n}개", "b": "b", "c": "c"}})
    other = strings.Strings("en", {"pages": {"a": "{count} items", "b": "b", "d": "d"}})
    problems = strings.differences(reference, other)
    assert "missing pages.c" in problems and "extra pages.d" in problems
    assert any(p.startswith("pages.a has placeholders ['count']") for p in problems)


def test_every_key_the_templates_use_exists() -> None:
    catalog = strings.load(strings.REFERENCE).flat
    used = 0
    for template in TEMPLATES:
        for match in TEMPLATE_KEY.finditer(template.read_text(encoding="utf-8")):
            key, dynamic = match.groups()
            used += 1
            if dynamic:
                assert any(k.startswith(key) for k in catalog), f"{template.name}: {key}…"
            else:
                assert key in catalog, f"{template.name}: {key}"
    assert used > 150  # the pattern still finds the templates' calls


def test_every_key_the_python_uses_exists() -> None:
    catalog = strings.load(strings.REFERENCE).flat
    used = 0
    for source in PYTHON:
        for match in PYTHON_KEY.finditer(source.read_text(encoding="utf-8")):
            key, trailing_dot, prefix = match.groups()
            used += 1
            if prefix or trailing_dot:
                start = prefix or key
                assert any(k.startswith(start + ".") for k in catalog), f"{source.name}: {start}.…"
            else:
                assert key in catalog, f"{source.name}: {key}"
    assert used > 20


def test_templates_hold_no_korean_outside_the_catalog() -> None:
    found = []
    for template in TEMPLATES:
        text = JINJA_COMMENT.sub("", template.read_text(encoding="utf-8"))
        for number, line in enumerate(text.splitlines(), start=1):
            if HANGUL.search(line):
                found.append(f"{template.relative_to(ROOT)}: {line.strip()}")
    assert found == [], "move these words to src/doum/site/strings/<lang>/pages.yml:\n" + "\n".join(found)


def test_the_lint_sees_korean_in_a_template(tmp_path: Path) -> None:
    line = JINJA_COMMENT.sub("", '<p>{# 설명 #}도움말</p>')
    assert HANGUL.search(line)
    assert not HANGUL.search(JINJA_COMMENT.sub("", "<p>{# 설명 #}{{ doum_t('pages.x') }}</p>"))


def test_doum_t_escapes_the_words_and_the_values_once() -> None:
    catalog = strings.Strings("ko", {"pages": {"note": "<{name}> & {other}"}})
    text = catalog.markup("pages.note", name="<b>", other=Markup("<i>kept</i>"))
    assert text == "&lt;&lt;b&gt;&gt; &amp; <i>kept</i>"
    assert catalog.text("pages.note", name="a", other="b") == "<a> & b"
    with pytest.raises(KeyError, match="pages.missing"):
        catalog.text("pages.missing")


def test_an_unsupported_theme_language_stops_the_build(tmp_path: Path) -> None:
    project = write_project(tmp_path / "fr", {})
    (project / "mkdocs.yml").write_text(MKDOCS_YML.replace("language: ko", "language: fr"), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "theme.language" in output and "'fr'" in output and "ko, en" in output
    check = subprocess.run([sys.executable, "-m", "doum.cli", "check", str(project / "mkdocs.yml")],
                           capture_output=True, text=True, cwd=project)
    assert check.returncode == 1, check.stdout + check.stderr
    assert "mkdocs.yml:4: error:" in check.stdout and "theme.language" in check.stdout


def test_a_one_language_site_speaks_the_build_language() -> None:
    """strings.language_of reads theme.language (Korean when there is none); the Languages
    record of a one-language site is built from its answer."""
    from types import SimpleNamespace

    from doum.site import languages

    assert strings.language_of(SimpleNamespace(theme={})) == "ko"  # `doum check` of a bare docs folder
    site = SimpleNamespace(plugins={}, theme={"language": "en"})
    built = languages.of(site, strings.language_of(site))
    assert (built.current, built.default, built.root, built.many) == ("en", "en", "", False)


@pytest.mark.parametrize(("options", "expected"), [
    ({}, "Weekdays 10:00–18:30 · Lunch break 12:00–13:00 · Closed: Weekends and public holidays"),
    ({"hours": {d: "09:00-18:00" for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")},
      "breaks": [], "holidays": ""}, "Every day 09:00–18:00"),
    ({"hours": {"mon": "09:00-18:00", "tue": "09:00-18:00", "wed": "09:00-18:00", "sat": "10:00-14:00"},
      "breaks": ["12:30-13:30", "16:00-16:15"]},
     "Mon–Wed 09:00–18:00 · Sat 10:00–14:00 · Lunch break 12:30–13:30 · Break 16:00–16:15 · "
     "Closed: Thu, Fri, Sun and public holidays"),
])
def test_english_hours_and_holidays(options: dict[str, object], expected: str) -> None:
    config = SupportConfig()
    config.load_dict(options)
    assert config.validate()[0] == []
    english = strings.load("en")
    built = calendar.build(config, datetime.date(2026, 6, 1), english)
    assert calendar.hours_text(built, english) == expected
    assert all(not HANGUL.search(name) for name in built["holidays"].values())
    if built["holidays"]:
        assert built["holidays"]["2025-05-05"] == "Buddha's Birthday · Children's Day"


def test_listing_summaries_speak_the_build_language_with_the_right_particle() -> None:
    from doum.content.neighbours import listing_summary

    korean, english = strings.load("ko"), strings.load("en")
    assert listing_summary(korean, "태그", [], "tags") == "태그: 아직 태그가 없어요."
    assert listing_summary(korean, "공지사항", [], "posts") == "공지사항: 아직 글이 없어요."
    assert listing_summary(korean, "공지사항", ["가", "나"]) == "공지사항: 글 2개 — 가, 나"
    assert listing_summary(english, "News", ["A", "B"]) == "News: 2 posts — A, B"
    assert listing_summary(english, "Tags", [], "tags") == "Tags: no tags yet."
