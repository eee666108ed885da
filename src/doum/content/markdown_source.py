"""Walk the Markdown source of a page line by line, outside code blocks and HTML comments.

The checks and the summary fallback read the source (not the rendered HTML) so that every
finding keeps the line number the author sees in the editor.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

FENCE_RE = re.compile(r"^\s*(`{3,}|~{3,})")
CODE_SPAN_RE = re.compile(r"(`+)(.+?)\1")

Prose = list[tuple[int, str]]  # (line number, line) of a page's body outside code and comments


def prose_lines(text: str, first_line: int = 1) -> Iterator[tuple[int, str]]:
    """(line number, line) for every line from `first_line` that is not code or a comment.

    Fenced blocks may be indented (superfences inside list items); HTML comments may span
    lines. Comment text is removed from the lines it shares with other text.
    """
    fence = ""
    in_comment = False
    lines = text.split("\n")
    for number in range(first_line, len(lines) + 1):
        line = lines[number - 1]
        if fence:
            if re.match(rf"^\s*{re.escape(fence[0])}{{{len(fence)},}}\s*$", line):
                fence = ""
            continue
        if not in_comment and (match := FENCE_RE.match(line)):
            fence = match.group(1)
            continue
        line, in_comment = _without_comments(line, in_comment)
        yield number, line


def _without_comments(line: str, in_comment: bool) -> tuple[str, bool]:
    kept = ""
    while line:
        if in_comment:
            end = line.find("-->")
            if end < 0:
                return kept, True
            line, in_comment = line[end + 3 :], False
        else:
            start = line.find("<!--")
            if start < 0:
                return kept + line, False
            kept, line, in_comment = kept + line[:start], line[start + 4 :], True
    return kept, in_comment


def prose(text: str, first_line: int = 1) -> Prose:
    """prose_lines as a list: read once per page, shared by the summary and every check."""
    return list(prose_lines(text, first_line))


def without_code_spans(line: str) -> str:
    """The line with `inline code` blanked, so examples of syntax are not read as syntax."""
    return CODE_SPAN_RE.sub(lambda m: " " * len(m.group(0)), line)
