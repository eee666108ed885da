"""The browser code's visitor text lives in src/doum/site/strings/<language>/browser.yml: no
browser module writes Korean of its own (comments aside), outside the Korean search tables and
embed.js's first-paint fallback (it reads nothing from the help center before the first open)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from doum.site import embed

ROOT = Path(__file__).resolve().parents[2]
BROWSER = ROOT / "overrides" / "assets" / "doum"
# Korean linguistic data, not interface text; and embed.js, the embed's first paint: its button
# and its could-not-load box are drawn before (or without) the help center's site.json, so it
# keeps the reference catalog's words (checked against it below).
ALLOWED = {"search/korean.js", "embed.js"}
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
# After these characters (or at the start) a `/` opens a regular expression, not a division.
REGEX_BEFORE = set("(,=:[!&|?{};+-*%<>~^") | {""}


def code_without_comments(text: str, css: bool = False) -> str:
    """The source with its comments blanked out; strings, templates and regular expressions kept."""
    out: list[str] = []
    i, n = 0, len(text)
    last = ""  # the last significant character outside comments
    templates: list[int] = []  # brace depth of each open ${…} in a template literal
    while i < n:
        c, pair = text[i], text[i:i + 2]
        if pair == "/*":
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
            continue
        if pair == "//" and not css:
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        if c in "'\"" or (c == "`" and not css):
            j = i + 1
            while j < n and text[j] != c:
                if text[j] == "\\":
                    j += 1
                elif c == "`" and text[j:j + 2] == "${":
                    break
                j += 1
            if c == "`" and text[j:j + 2] == "${":
                templates.append(0)
                out.append(text[i:j + 2])
                i, last = j + 2, "{"
                continue
            out.append(text[i:j + 1])
            i, last = j + 1, c
            continue
        if c == "}" and templates and templates[-1] == 0:
            # back inside the template literal: up to its end or its next ${
            templates.pop()
            j = i + 1
            while j < n and text[j] != "`" and text[j:j + 2] != "${":
                j += 2 if text[j] == "\\" else 1
            if text[j:j + 2] == "${":
                templates.append(0)
                out.append(text[i:j + 2])
                i, last = j + 2, "{"
            else:
                out.append(text[i:j + 1])
                i, last = j + 1, "`"
            continue
        if templates and c in "{}":
            templates[-1] += 1 if c == "{" else -1
        if c == "/" and not css and last in REGEX_BEFORE:
            j, in_class = i + 1, False
            while j < n and text[j] != "\n" and (text[j] != "/" or in_class):
                if text[j] == "\\":
                    j += 1
                elif text[j] == "[":
                    in_class = True
                elif text[j] == "]":
                    in_class = False
                j += 1
            out.append(text[i:j + 1])
            i, last = j + 1, "/"
            continue
        out.append(c)
        if not c.isspace():
            last = c if not (c.isalnum() or c in "_$)]") else "a"
        i += 1
    return "".join(out)


def modules() -> list[Path]:
    found = []
    for path in sorted(BROWSER.rglob("*")):
        name = path.relative_to(BROWSER).as_posix()
        if path.suffix in (".js", ".css") and name not in ALLOWED:
            found.append(path)
    return found


def hangul_lines(path: Path) -> list[str]:
    code = code_without_comments(path.read_text(encoding="utf-8"), css=path.suffix == ".css")
    return [f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
            for number, line in enumerate(code.splitlines(), 1) if HANGUL.search(line)]


def test_the_scanner_sees_strings_and_skips_comments() -> None:
    code = code_without_comments(
        "// 주석\nconst a = '문자열' /* 주석 */\nconst b = `x ${`안쪽 ${c}`} 바깥`\n"
        "const r = /['\"]/g // 정규식 뒤\nconst d = x / 2 // 나눗셈 뒤\nconst e = \"겹따옴표\"\n"
        "const u = 'https://a.b/' // 주소 뒤\n"
    )
    assert HANGUL.findall(code) == list("문자열안쪽바깥겹따옴표")
    assert not HANGUL.search(code_without_comments("/* 한글 */ a::before { content: '' }", css=True))
    assert HANGUL.search(code_without_comments("a::before { content: '한글' }", css=True))


def test_a_module_with_korean_text_fails(tmp_path: Path) -> None:
    module = tmp_path / "bad.js"
    module.write_text("// fine\nexport const label = () => `상담 ${1}개`\n", encoding="utf-8")
    assert len(hangul_lines_of(module)) == 1


def hangul_lines_of(path: Path) -> list[str]:
    code = code_without_comments(path.read_text(encoding="utf-8"), css=path.suffix == ".css")
    return [line for line in code.splitlines() if HANGUL.search(line)]


@pytest.mark.parametrize("path", modules(), ids=lambda path: path.relative_to(BROWSER).as_posix())
def test_browser_module_has_no_korean_text(path: Path) -> None:
    found = hangul_lines(path)
    assert not found, ("Korean text in a browser module: put it in src/doum/site/strings/ko/browser.yml "
                       "(and en/browser.yml) and read it with t() from shared/strings.js:\n" + "\n".join(found))


def test_embed_fallback_words_are_the_catalogs() -> None:
    """embed.js's first-paint words are the Korean catalog's, word for word (the build writes the
    site's language's over them: tests/embed/test_embed_english.py)."""
    catalog = yaml.safe_load((ROOT / "src/doum/site/strings/ko/browser.yml").read_text(encoding="utf-8"))
    source = (BROWSER / "embed.js").read_text(encoding="utf-8")
    for key in embed.LOADER_KEYS:
        assert re.search(rf"\b{key}: '{re.escape(catalog['embed'][key])}'", source), key
