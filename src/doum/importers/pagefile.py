"""The text of an imported page: YAML front matter (written by PyYAML, so titles with ':', '#'
or quotes read back exactly) and the Markdown answer."""

from __future__ import annotations

import datetime
import hashlib

import yaml

from doum.importers.sentences import inline_text


class _Inline(list):  # type: ignore[type-arg]
    """A list written on one line, as the README writes keywords: [비번, 비밀번호 찾기]."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(
    _Inline, lambda dumper, data: dumper.represent_sequence(
        "tag:yaml.org,2002:seq", list(data), flow_style=True))


def page_text(*, title: str, summary: str, keywords: list[str], updated: datetime.date | None,
              source: str, markdown: str) -> str:
    front: dict[str, object] = {"title": title}
    if summary:
        front["summary"] = summary
    keywords = [word for word in map(inline_text, keywords) if word]
    if keywords:
        front["keywords"] = _Inline(keywords)
    if updated:
        front["updated"] = updated
    front["source"] = source
    # width: never fold a long summary over two lines.
    block = yaml.dump(front, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                      width=1_000_000, default_flow_style=False)
    return f"---\n{block}---\n\n{markdown}"


def digest(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()
