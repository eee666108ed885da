"""Front matter read the way MkDocs reads it, but keeping the line of every key and list item.

MkDocs silently treats front matter it cannot parse as page text; doum parses the same block
itself so that a YAML mistake becomes an error naming the file and line.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

import yaml
from mkdocs.utils.meta import META_RE, YAML_RE


@dataclass
class Field:
    value: Any
    line: int  # line of the key in the file (1-based)
    item_lines: list[int] = field(default_factory=list)  # for lists: the line of each item
    # Why the value could not be read (e.g. a date like 2026-13-01); value is None then.
    error: str = ""


@dataclass
class YamlError:
    line: int
    message: str


@dataclass
class FrontMatter:
    fields: dict[str, Field] = field(default_factory=dict)
    body_line: int = 1  # first line of the Markdown body
    error: YamlError | None = None
    duplicates: list[tuple[str, int, int]] = field(default_factory=list)  # key, first, again


def parse(text: str) -> FrontMatter:
    if text.startswith("---"):
        return _parse_yaml(text)
    return _parse_multimarkdown(text)


def _parse_yaml(text: str) -> FrontMatter:
    match = YAML_RE.match(text)
    if not match:
        if text.split("\n", 1)[0].rstrip() != "---":
            return FrontMatter()  # a thematic break such as "-----" is just Markdown
        return FrontMatter(error=YamlError(1, "the front matter opened here is never closed"))
    body_line = text.count("\n", 0, match.end()) + 1
    front = FrontMatter(body_line=body_line)
    try:
        node = _compose(match.group(1))
    except yaml.YAMLError as error:
        # Marks count from 0 and from the line after the opening `---`: file line = mark + 2.
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 2 if mark else 2
        problem = getattr(error, "problem", None) or getattr(error, "context", None)
        front.error = YamlError(line, problem or str(error).splitlines()[0])
        return front
    if node is None:
        return front
    if not isinstance(node, yaml.MappingNode):
        front.error = YamlError(2, "the front matter is not a list of `key: value` lines")
        return front
    for key_node, value_node in node.value:
        key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
        line = key_node.start_mark.line + 2
        if key in front.fields:
            front.duplicates.append((key, front.fields[key].line, line))
        front.fields[key] = _field(value_node, line)
    return front


# libyaml, when PyYAML was built with it: a tenth of the pure-Python parser's time, which on a
# site of thousands of pages is seconds of every build (doum's string catalogs and findability's
# page reader use it too).
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose(block: str) -> yaml.Node | None:
    """The block's node tree; a block libyaml rejects is read again by PyYAML's own parser, so a
    mistake is reported in its words and at its line, as before."""
    try:
        return yaml.compose(block, Loader=FAST_LOADER)
    except yaml.YAMLError:
        if FAST_LOADER is yaml.SafeLoader:
            raise
        return yaml.compose(block, Loader=yaml.SafeLoader)


def _field(node: yaml.Node, line: int) -> Field:
    item_lines = (
        [item.start_mark.line + 2 for item in node.value]
        if isinstance(node, yaml.SequenceNode)
        else []
    )
    try:
        value = _construct(node)
    except (ValueError, OverflowError, yaml.YAMLError) as error:
        reason = str(error).splitlines()[0]
        shown = f"{node.value} ({reason})" if isinstance(node, yaml.ScalarNode) else reason
        return Field(None, line, item_lines, error=shown)
    return Field(value, line, item_lines)


def _construct(node: yaml.Node) -> Any:
    # One value at a time, so that a bad date (which PyYAML raises as a plain ValueError)
    # spoils only its own key; a constructor alone, without a loader's reader and parser.
    return yaml.constructor.SafeConstructor().construct_object(node, deep=True)


def _parse_multimarkdown(text: str) -> FrontMatter:
    """`title: …` lines at the very top without `---` (MkDocs accepts them too; values are text)."""
    front = FrontMatter()
    lines = text.split("\n")
    key = ""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            front.body_line = number + 1
            break
        if match := META_RE.match(line):
            key = match.group("key").lower()
            front.fields[key] = Field(match.group("value").strip(), number)
        elif key and line.startswith(("    ", "\t")):
            front.fields[key].value += " " + line.strip()
        else:
            front.body_line = number
            break
    else:
        front.body_line = len(lines) + 1
    if not front.fields:
        front.body_line = 1
    return front


def as_date(value: Any) -> datetime.date | None:
    """A YAML date, a datetime or an ISO `YYYY-MM-DD` string as a date; None otherwise."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None
