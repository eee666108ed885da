"""The author-facing checks. The plugin and `doum check` both call these (one implementation).

Every finding names the file and line and says how to fix it.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Callable, Collection, Iterable
from typing import Any
from urllib.parse import unquote, urlsplit

from doum.content.frontmatter import Field, FrontMatter, as_date
from doum.content.markdown_source import prose_lines, without_code_spans
from doum.content.problems import ProblemLog

PLATFORMS = ("android", "ios", "pc")
DOUM_KEYS = ("title", "summary", "keywords", "service", "platforms", "related", "updated", "order")
# Keys MkDocs and Material for MkDocs read themselves; authors use them on purpose.
THEME_KEYS = (
    "template", "hide", "description", "icon", "status", "subtitle", "search", "tags",
)
KNOWN_KEYS = DOUM_KEYS + THEME_KEYS
TITLE_EXAMPLE = "title: 비밀번호를 잊어버렸어요"

SiteFiles = Collection[str]  # docs-relative paths of every file of the site


def read_fields(path: str, front: FrontMatter, problems: ProblemLog) -> dict[str, Any]:
    """The doum fields of a page's front matter, each checked; wrong ones are reported and left out."""
    if front.error:
        problems.error(
            path, front.error.line, f"the front matter is not valid YAML: {front.error.message}",
            "write one `key: value` per line between the two `---` lines; put quotes around "
            "values that contain ':' or '#' (title: \"오류: 결제가 안 돼요\") and indent "
            "list items the same way",
        )
        return {}
    for key, first, again in front.duplicates:
        problems.error(path, again, f"`{key}` is set twice (first on line {first})",
                       "keep only one of the two lines")
    values: dict[str, Any] = {}
    for key, field in front.fields.items():
        if key not in KNOWN_KEYS:
            _unknown_key(path, key, field, problems)
        elif field.error:
            problems.error(path, field.line, f"`{key}` cannot be read: {field.error}",
                           _FIXES.get(key, "correct the value"))
        elif key in _READERS and field.value is not None:
            value = _READERS[key](path, key, field, problems)
            if value is not None:
                values[key] = value
    return values


def require_title(path: str, front: FrontMatter, problems: ProblemLog) -> None:
    if front.error:
        return  # reported already
    field = front.fields.get("title")
    if field is None:
        problems.error(
            path, 1, "the page has no `title`",
            f"start the file with three lines: `---`, `{TITLE_EXAMPLE}` (the customer's question), "
            "`---`",
        )
    elif field.value is None and not field.error:
        problems.error(path, field.line, "`title` is empty", _FIXES["title"])


def _unknown_key(path: str, key: str, field: Field, problems: ProblemLog) -> None:
    close = difflib.get_close_matches(key, KNOWN_KEYS, n=1, cutoff=0.6)
    fix = (f"did you mean `{close[0]}`?" if close
           else f"remove it; known keys: {', '.join(DOUM_KEYS)} (and {', '.join(THEME_KEYS)})")
    problems.warning(path, field.line, f"unknown front-matter key `{key}`", fix)


_FIXES = {
    "title": f"write the customer's question as text: {TITLE_EXAMPLE}",
    "summary": "write one sentence of text: summary: 설정에서 바꿀 수 있어요.",
    "keywords": "write a list of words: keywords: [비번, 비밀번호 찾기]",
    "service": "write the service name as text: service: 카카오톡",
    "platforms": f"write a list with some of {', '.join(PLATFORMS)}: platforms: [android, ios]",
    "related": "write a list of page paths relative to docs/: related: [account/reset-password.md]",
    "updated": "write the date as YYYY-MM-DD: updated: 2026-11-20",
    "order": "write a whole number: order: 3",
}


def _wrong_type(path: str, key: str, line: int, expected: str, problems: ProblemLog) -> None:
    problems.error(path, line, f"`{key}` must be {expected}", _FIXES[key])


def _text(path: str, key: str, field: Field, problems: ProblemLog) -> str | None:
    if not isinstance(field.value, str):
        _wrong_type(path, key, field.line, f"text, not {_kind(field.value)}", problems)
        return None
    if not field.value.strip() and key == "title":
        problems.error(path, field.line, "`title` is empty", _FIXES["title"])
        return None
    return field.value.strip()


def _texts(path: str, key: str, field: Field, problems: ProblemLog) -> list[str] | None:
    if not isinstance(field.value, list):
        _wrong_type(path, key, field.line, f"a list, not {_kind(field.value)}", problems)
        return None
    items: list[str] = []
    for index, item in enumerate(field.value):
        line = item_line(field, index)
        if isinstance(item, str) and item.strip():
            items.append(item.strip())
        else:
            _wrong_type(path, key, line, f"a list of text; item {index + 1} is {_kind(item)}",
                        problems)
    return items


def item_line(field: Field, index: int) -> int:
    return field.item_lines[index] if index < len(field.item_lines) else field.line


def _platforms(path: str, key: str, field: Field, problems: ProblemLog) -> list[str] | None:
    items = _texts(path, key, field, problems)
    if items is None:
        return None
    platforms: list[str] = []
    for index, item in enumerate(items):
        if item.lower() in PLATFORMS:
            platforms.append(item.lower())
        else:
            line = item_line(field, index) if len(items) == len(field.value) else field.line
            close = difflib.get_close_matches(item.lower(), PLATFORMS, n=1, cutoff=0.65)
            problems.error(path, line, f"unknown platform `{item}`",
                           f"did you mean `{close[0]}`?" if close else _FIXES["platforms"])
    return platforms


def _date(path: str, key: str, field: Field, problems: ProblemLog) -> Any:
    date = as_date(field.value)
    if date is None:
        problems.error(path, field.line, f"`{key}` is not a date: {field.value!r}", _FIXES[key])
    return date


def _order(path: str, key: str, field: Field, problems: ProblemLog) -> int | None:
    if isinstance(field.value, bool) or not isinstance(field.value, int):
        _wrong_type(path, key, field.line, f"a whole number, not {_kind(field.value)}", problems)
        return None
    return field.value


def _kind(value: Any) -> str:
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, bool):
        return f"yes/no ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a `key: value` group (check the indentation)"
    if value is None:
        return "empty"
    return type(value).__name__


_READERS: dict[str, Callable[[str, str, Field, ProblemLog], Any]] = {
    "title": _text,
    "summary": _text,
    "service": _text,
    "keywords": _texts,
    "related": _texts,
    "platforms": _platforms,
    "updated": _date,
    "order": _order,
}


def check_service(path: str, service: str | None, line: int, services: list[str],
                  problems: ProblemLog) -> None:
    """The contact form preselects the page's service, so it must be one the form offers."""
    if service is None or not services or service in services:
        return
    problems.warning(
        path, line, f"service {service!r} is not one of the contact form's services",
        f"use one of {', '.join(services)}, or add it to `contact: services:` of the doum "
        "plugin in mkdocs.yml",
    )


# --- images in the Markdown source -------------------------------------------------------

MD_IMAGE_RE = re.compile(
    r"!\[(?P<alt>(?:\\.|\[[^\]]*\]|[^\]\\])*)\]"
    r"(?:\(\s*(?P<src><[^>]*>|[^\s)]+)(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
    r"|\[(?P<ref>[^\]]*)\])?"
)
HTML_IMG_RE = re.compile(r"<img\b(?P<attrs>[^>]*)>", re.IGNORECASE)
ATTR_RE = re.compile(r"""([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
REF_DEF_RE = re.compile(r"^\s{0,3}\[(?P<label>[^\]]+)\]:\s*(?P<url><[^>]*>|\S+)")
ALT_FIX = ("describe in Korean what the screenshot shows: "
           "![설정 화면. 알림 항목에 1번 표시가 있어요](../assets/screens/이름.png)")


def html_attributes(attrs: str) -> dict[str, str]:
    return {m.group(1).lower(): next((g for g in m.groups()[1:] if g is not None), "")
            for m in ATTR_RE.finditer(attrs)}


def check_images(path: str, src_uri: str, text: str, first_line: int, site_files: SiteFiles,
                 problems: ProblemLog) -> None:
    """Images without alt text and images whose file is missing, at their source line."""
    lines = list(prose_lines(text, first_line))
    references = {m.group("label").lower(): m.group("url").strip("<>")
                  for _, line in lines if (m := REF_DEF_RE.match(line))}
    for number, line in lines:
        line = without_code_spans(line)
        for match in MD_IMAGE_RE.finditer(line):
            src = (match.group("src") or "").strip("<>")
            if match.group("src") is None:
                label = (match.group("ref") or match.group("alt")).lower()
                src = references.get(label, "")
            _check_image(path, src_uri, number, match.group("alt"), src, site_files, problems)
        for match in HTML_IMG_RE.finditer(line):
            attrs = html_attributes(match.group("attrs"))
            _check_image(path, src_uri, number, attrs.get("alt", ""), attrs.get("src", ""),
                         site_files, problems)


def _check_image(path: str, src_uri: str, line: int, alt: str, src: str, site_files: SiteFiles,
                 problems: ProblemLog) -> None:
    shown = src or "(no source)"
    if not alt.strip():
        problems.error(path, line, f"image {shown} has no alt text", ALT_FIX)
    target = local_target(src_uri, src)
    if target is not None and target not in site_files:
        close = difflib.get_close_matches(target, list(site_files), n=1, cutoff=0.6)
        fix = (f"did you mean `{posixpath.relpath(close[0], posixpath.dirname(src_uri) or '.')}`? "
               "Paths are relative to this page" if close
               else "put the file there, or correct the path (relative to this page, "
                    "e.g. ../assets/screens/이름.png)")
        problems.error(
            path, line, f"image file not found: {src} (looked for {target} in the docs folder)", fix)


def local_target(src_uri: str, url: str) -> str | None:
    """The docs-relative path a link of a page points to; None for external or empty links."""
    parts = urlsplit(url)
    if not parts.path or parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    joined = path.lstrip("/") if path.startswith("/") else posixpath.join(
        posixpath.dirname(src_uri), path)
    normal = posixpath.normpath(joined)
    return normal if normal != "." else ""


# --- checks across pages ------------------------------------------------------------------

def check_duplicate_titles(pages: Iterable[tuple[str, str, int]], problems: ProblemLog) -> None:
    """pages: (display path, title, line of the title). Each duplicate names the others."""
    by_title: dict[str, list[tuple[str, int]]] = {}
    for path, title, line in pages:
        by_title.setdefault(" ".join(title.split()), []).append((path, line))
    for title, places in by_title.items():
        for path, line in places:
            others = ", ".join(other for other, _ in places if other != path)
            if others:
                problems.error(
                    path, line, f"the title {title!r} is also the title of {others}",
                    "give each page its own question so customers can tell them apart "
                    "in search results",
                )


def check_related(path: str, src_uri: str, related: list[str], lines: list[int],
                  pages: list[str], problems: ProblemLog) -> None:
    """`related` must list existing pages, written relative to docs/.

    lines: the source line of each entry of `related`.
    """
    known = set(pages)
    others = [page for page in pages if page != src_uri]
    for target, line in zip(related, lines):
        if target in known:
            continue
        close = difflib.get_close_matches(target, others, n=1, cutoff=0.4)
        fix = (f"did you mean `{close[0]}`? Paths are relative to docs/" if close
               else "write the path relative to docs/, e.g. account/reset-password.md")
        problems.error(path, line, f"related page not found: {target}", fix)


def normal_related(target: str) -> str:
    """`/account/x.md` and `./account/x.md` mean docs/account/x.md too."""
    return posixpath.normpath(target.lstrip("/"))
