"""The page schema: every front-matter key doum reads, declared once.

The checker (`read_fields`), the page record (catalog.PageInfo), the `doum new` skeleton and the
README's front-matter table are all derived from PAGE_KEYS; a test keeps the README in step.
Adding a key is one entry here, one field on PageInfo, and the code that uses it.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from doum.content.frontmatter import Field, FrontMatter, as_date
from doum.content.markdown_source import Prose
from doum.content.problems import ProblemLog

PLATFORMS = ("android", "ios", "pc")
TITLE_EXAMPLE = "title: 비밀번호를 잊어버렸어요"
# Keys that MkDocs, Material for MkDocs and Material's plugins read themselves, by reader: doum
# accepts them without a warning (a site adds those plugins beside doum).
NEIGHBOUR_KEYS: dict[str, tuple[str, ...]] = {
    "Material": ("template", "hide", "description", "icon", "status", "subtitle", "search",
                 "comments"),
    "tags": ("tags",),
    "blog": ("date", "categories", "authors", "slug", "draft", "pin", "links", "readtime"),
    "social": ("social",),
    "glightbox": ("glightbox", "glightbox-manual"),  # false: no lightbox on the page
}
THEME_KEYS = tuple(key for keys in NEIGHBOUR_KEYS.values() for key in keys)
# The first `# heading` of the body, when front matter gives no title (as MkDocs does).
ATX_H1_RE = re.compile(r"^ {0,3}#(?!#)\s*(?P<text>.+?)\s*(?:\{[^}]*\})?\s*#*\s*$")

Reader = Callable[[str, "Key", Field, ProblemLog], Any]


@dataclass(frozen=True)
class Key:
    name: str
    kind: str  # how the README names the type
    meaning: str  # the README's description
    fix: str  # how to write it, shown with every problem of this key
    skeleton: str  # the line `doum new` writes ({today}, {order}, {service} filled in)
    used_by: str  # where the value shows: README column "used for"
    required: bool = False


def _text(path: str, key: Key, field: Field, problems: ProblemLog) -> str | None:
    if not isinstance(field.value, str):
        _wrong_type(path, key, field.line, f"text, not {_kind(field.value)}", problems)
        return None
    if not field.value.strip() and key.required:
        problems.error(path, field.line, f"`{key.name}` is empty", key.fix)
        return None
    return field.value.strip()


def _texts(path: str, key: Key, field: Field, problems: ProblemLog) -> list[str] | None:
    if not isinstance(field.value, list):
        _wrong_type(path, key, field.line, f"a list, not {_kind(field.value)}", problems)
        return None
    items: list[str] = []
    for index, item in enumerate(field.value):
        if isinstance(item, str) and item.strip():
            items.append(item.strip())
        else:
            _wrong_type(path, key, item_line(field, index),
                        f"a list of text; item {index + 1} is {_kind(item)}", problems)
    return items


def _platforms(path: str, key: Key, field: Field, problems: ProblemLog) -> list[str] | None:
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
                           f"did you mean `{close[0]}`?" if close else key.fix)
    return platforms


def _date(path: str, key: Key, field: Field, problems: ProblemLog) -> datetime.date | None:
    date = as_date(field.value)
    if date is None:
        problems.error(path, field.line, f"`{key.name}` is not a date: {field.value!r}", key.fix)
    return date


def _whole_number(path: str, key: Key, field: Field, problems: ProblemLog) -> int | None:
    if isinstance(field.value, bool) or not isinstance(field.value, int):
        _wrong_type(path, key, field.line, f"a whole number, not {_kind(field.value)}", problems)
        return None
    return field.value


READERS: dict[str, Reader] = {
    "text": _text, "list of text": _texts, "list of platforms": _platforms, "date": _date,
    "whole number": _whole_number,
}

PAGE_KEYS: tuple[Key, ...] = (
    Key("title", "text", "The question as customers ask it; unique across the site. Without it, a `# heading` that opens the page is the title.",
        f"write the customer's question as text: {TITLE_EXAMPLE}",
        "title: {title}", "page, nav, search (most weight), FAQ question", required=True),
    Key("summary", "text", "One-sentence answer. Default: the first paragraph (or first list item) as plain text.",
        "write one sentence of text: summary: 설정에서 바꿀 수 있어요.",
        'summary: ""  # 한 문장 답변. 비워 두면 본문 첫 문단을 요약으로 써요.',
        "search results, launcher answers, meta description, FAQPage answer"),
    Key("keywords", "list of text", "Extra words and synonyms customers type (`비번`, `탈퇴 방법`). Searched, not shown.",
        "write a list of words: keywords: [비번, 비밀번호 찾기]",
        "keywords: []  # 고객이 검색할 다른 말, 예: [비번, 비밀번호 찾기]", "search"),
    Key("questions", "list of text",
        "Other ways customers ask the question; shown nowhere, searched like the title.",
        "write a list of questions: questions: [로그인이 안 돼요, 비번이 기억 안 나요]",
        "questions: []  # 같은 질문의 다른 표현, 예: [로그인이 안 돼요]", "search"),
    Key("service", "text", "The service the page is about: one of `contact: services:`. Default: the category's `service`.",
        "write the service name as text: service: 카카오톡",
        "service: {service}", "contact form prefill"),
    Key("platforms", "list of platforms", "Some of `android`, `ios`, `pc` (any case).",
        f"write a list with some of {', '.join(PLATFORMS)}: platforms: [android, ios]",
        "platforms: [android, ios, pc]  # 해당하는 것만 남겨요", "platform badges on the page"),
    Key("related", "list of text", "Pages to read next, relative to `docs/`: `account/reset-password.md`.",
        "write a list of page paths relative to docs/: related: [account/reset-password.md]",
        "related: []  # 함께 볼 페이지, 예: [account/reset-password.md]", "page"),
    Key("updated", "date", "`YYYY-MM-DD`: when the answer was last checked.",
        "write the date as YYYY-MM-DD: updated: 2026-11-20",
        "updated: {today}", "\"마지막 업데이트\" on the page, `dateModified` and `sitemap.xml`'s `lastmod` for search engines"),
    Key("order", "whole number", "Position inside the category; pages without `order` follow, by title.",
        "write a whole number: order: 3", "order: {order}", "nav, category page"),
    Key("source", "text", "Where `doum import` took the page from (id or URL); leave it as it is.",
        "write the original id or URL as text: source: zendesk:360001234567",
        "", "`doum import` (a second import updates the page)"),
)
KEYS = {key.name: key for key in PAGE_KEYS}
KNOWN_KEYS = tuple(KEYS) + THEME_KEYS


def read_fields(path: str, front: FrontMatter, problems: ProblemLog,
                site_keys: tuple[str, ...] = ()) -> dict[str, Any]:
    """The doum fields of a page's front matter, each checked; wrong ones are reported and left out.
    site_keys: more keys the site's plugins read (the tags plugin's `tags_name_property`)."""
    if front.error:
        problems.error(
            path, front.error.line, f"the front matter is not valid YAML: {front.error.message}",
            "write one `key: value` per line between the two `---` lines; put quotes around "
            "values that contain ':' or '#' (title: \"오류: 결제가 안 돼요\") and indent "
            "list items the same way",
        )
        return {}
    for name, first, again in front.duplicates:
        problems.error(path, again, f"`{name}` is set twice (first on line {first})",
                       "keep only one of the two lines")
    values: dict[str, Any] = {}
    for name, field in front.fields.items():
        key = KEYS.get(name)
        if name not in KNOWN_KEYS and name not in site_keys:
            _unknown_key(path, name, field, problems)
        elif key is None:
            continue  # a theme's key: the theme reads it
        elif field.error:
            problems.error(path, field.line, f"`{name}` cannot be read: {field.error}", key.fix)
        elif field.value is not None:
            value = READERS[key.kind](path, key, field, problems)
            if value is not None:
                values[name] = value
    return values


def heading_title(lines: Prose) -> tuple[str, int] | None:
    """(title, line) of the body's first `# heading`, the title MkDocs gives a page without one."""
    for number, line in lines:
        if not line.strip():
            continue
        match = ATX_H1_RE.match(line)  # only a heading that opens the page, as MkDocs reads it
        return (match.group("text").strip(), number) if match else None
    return None


def require_title(path: str, front: FrontMatter, has_heading: bool, problems: ProblemLog) -> None:
    if front.error:
        return  # reported already
    field = front.fields.get("title")
    if field is None and not has_heading:
        problems.error(
            path, 1, "the page has no `title`",
            f"start the file with three lines: `---`, `{TITLE_EXAMPLE}` (the customer's question), "
            "`---`, or start the text with a `# 질문` heading",
        )
    elif field is not None and field.value is None and not field.error:
        problems.error(path, field.line, "`title` is empty", KEYS["title"].fix)


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


def skeleton(title: str, service: str, order: int, today: datetime.date) -> list[str]:
    """The front-matter lines of a new page (`doum new`), one per key that has a skeleton."""
    lines = []
    for key in PAGE_KEYS:
        if not key.skeleton:
            continue
        if key.name == "service" and not service:
            lines.append("service:  # 예: 카카오톡")
            continue
        lines.append(key.skeleton.format(title=title, service=service, order=order,
                                         today=today.isoformat()))
    return lines


def readme_table() -> str:
    """The README's front-matter table, as the README must show it."""
    rows = ["| key | required | type | meaning | used for |", "| --- | --- | --- | --- | --- |"]
    for key in PAGE_KEYS:
        required = "yes (or a `# heading`)" if key.required else "no"
        rows.append(f"| `{key.name}` | {required} | {key.kind} | {key.meaning} | {key.used_by} |")
    return "\n".join(rows)


def item_line(field: Field, index: int) -> int:
    return field.item_lines[index] if index < len(field.item_lines) else field.line


def _unknown_key(path: str, name: str, field: Field, problems: ProblemLog) -> None:
    close = difflib.get_close_matches(name, KNOWN_KEYS, n=1, cutoff=0.6)
    fix = (f"did you mean `{close[0]}`?" if close
           else f"remove it; known keys: {', '.join(KEYS)} (and {', '.join(THEME_KEYS)})")
    problems.warning(path, field.line, f"unknown front-matter key `{name}`", fix)


def _wrong_type(path: str, key: Key, line: int, expected: str, problems: ProblemLog) -> None:
    problems.error(path, line, f"`{key.name}` must be {expected}", key.fix)


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
