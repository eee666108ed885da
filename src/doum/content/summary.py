"""The summary fallback: the first paragraph of a page's body as plain text."""

from __future__ import annotations

import html
import re

from doum.content.markdown_source import Prose, prose

# Block openers whose indented content is not the answer text (admonitions, details, tabs).
INDENTED_BLOCK_RE = re.compile(r"^(!!!|\?\?\?\+?|===)\s")
SKIPPED_LINE_RE = re.compile(
    r"^(#{1,6}\s|\||<|!\[|\{:|\[[^\]]+\]:|[-*+]\s|\d+[.)]\s|([-*_]\s*){3,}$|=+\s*$|-+\s*$)"
)
LIST_ITEM_RE = re.compile(r"^(?:[-*+]|\d+[.)])\s+(?P<text>.+)$")
INLINE_MARKUP = [
    (re.compile(r"!\[[^\]]*\]\([^)]*\)(\{[^}]*\})?"), ""),  # images
    (re.compile(r"!\[[^\]]*\]\[[^\]]*\]"), ""),
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links keep their text
    (re.compile(r"\[([^\]]*)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"\{\s*[:.#][^}]*\}"), ""),  # attr_list
    (re.compile(r"<[^>]+>"), ""),  # inline HTML
    (re.compile(r"(`+)(.+?)\1"), r"\2"),
    (re.compile(r"(\*\*|__|~~|==|\^\^)(.+?)\1"), r"\2"),
    (re.compile(r"\*(.+?)\*"), r"\1"),
    (re.compile(r"(?<!\w)_(.+?)_(?!\w)"), r"\1"),
    (re.compile(r"\\(.)"), r"\1"),
]


def first_paragraph(text: str, first_line: int = 1) -> str:
    return first_paragraph_of(prose(text, first_line))


def first_paragraph_of(lines: Prose) -> str:
    """The first paragraph of prose as plain text; a page that opens with a list (no paragraph
    before it) gets its first list item instead, so it never goes without a summary."""
    paragraph: list[str] = []
    first_item = ""
    in_block = False  # inside an admonition, tab or `///` block
    block_end = ""
    for _, line in lines:
        stripped = line.strip()
        if block_end:
            if stripped == block_end:
                block_end = ""
            continue
        if in_block and (not stripped or line[:1] in (" ", "\t")):
            continue
        in_block = False
        if not stripped:
            if paragraph:
                break
            continue
        if stripped.startswith("///"):
            block_end = "///"
            continue
        if INDENTED_BLOCK_RE.match(stripped):
            in_block = True
            continue
        if not first_item and (item := LIST_ITEM_RE.match(stripped)):
            first_item = item.group("text")
        if paragraph or not (SKIPPED_LINE_RE.match(stripped) or line[:1] in (" ", "\t")):
            paragraph.append(stripped)
    return plain_text(" ".join(paragraph) or first_item)


def plain_text(markdown: str) -> str:
    for pattern, replacement in INLINE_MARKUP:
        markdown = pattern.sub(replacement, markdown)
    return " ".join(html.unescape(markdown).split())
