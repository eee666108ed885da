"""Zendesk Guide: the Help Center API's JSON, as `GET /api/v2/help_center/articles.json`
returns it (optionally with `include=sections,categories`), one file per page of results,
plus `sections.json` and `categories.json` when they were downloaded separately.

Articles become pages, a section becomes a category (Zendesk's own categories are one level
above sections and usually name the product; they become the category's description).
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

from doum.importers.model import Category, Entry, ImportFailure, ReadResult, Skip, shown
from doum.importers.textfiles import read_json

ARTICLE_LINK_RE = re.compile(r"/articles/(\d+)")


def is_zendesk(data: Any) -> bool:
    return isinstance(data, dict) and any(
        isinstance(data.get(key), list) for key in ("articles", "sections", "categories"))


def read(paths: list[Path]) -> ReadResult:
    articles: list[tuple[str, dict[str, Any]]] = []
    sections: dict[str, dict[str, Any]] = {}
    categories: dict[str, dict[str, Any]] = {}
    pages: dict[str, set[int]] = {}  # next_page-less URL → page numbers seen
    page_counts: dict[str, int] = {}
    result = ReadResult()
    for path in paths:
        data = read_json(path)
        name = shown(path)
        if not is_zendesk(data):
            raise ImportFailure(name, "not a Zendesk Help Center export (no `articles`, "
                                "`sections` or `categories` list)")
        for key, into in (("sections", sections), ("categories", categories)):
            for i, item in enumerate(data.get(key) or []):
                item_id = _id(item, name, key, i)
                into[item_id] = item
        for i, article in enumerate(data.get("articles") or []):
            _id(article, name, "articles", i)
            articles.append((name, article))
        if isinstance(data.get("articles"), list):
            _count_page(data, pages, page_counts)
    for listing, count in page_counts.items():
        missing = sorted(set(range(1, count + 1)) - pages.get(listing, set()))
        if missing:
            result.warnings.append(
                f"Zendesk says there are {count} pages of articles but page(s) "
                f"{', '.join(map(str, missing))} were not given — the import is partial")

    seen: dict[str, str] = {}
    for name, article in articles:
        article_id = str(article["id"])
        origin = f"{name} (article {article_id})"
        if article_id in seen:
            result.skipped.append(Skip(origin, f"duplicate: article {article_id} is also in "
                                       f"{seen[article_id]}"))
            continue
        seen[article_id] = name
        title = " ".join(str(article.get("title") or article.get("name") or "").split())
        if article.get("draft"):
            result.skipped.append(Skip(origin, f"draft: {title or article_id}"))
            continue
        if not title:
            result.skipped.append(Skip(origin, "no title"))
            continue
        body = article.get("body") or ""
        if not str(body).strip():
            result.skipped.append(Skip(origin, f"empty answer: {title}"))
            continue
        category = _category(article.get("section_id"), sections, categories, result)
        html_url = str(article.get("html_url") or "")
        source = f"zendesk:{article_id}"
        result.article_ids[article_id] = source
        result.entries.append(Entry(
            source=source, origin=origin, title=title, body=str(body), category=category,
            keywords=[str(label).strip() for label in article.get("label_names") or []
                      if str(label).strip()],
            updated=_date(article.get("updated_at") or article.get("edited_at")),
            base_url=html_url, aliases=[html_url] if html_url else [],
        ))
    if sections and not articles:
        result.warnings.append("the Zendesk files hold sections/categories but no articles")
    return result


def _id(item: Any, name: str, key: str, index: int) -> str:
    if not isinstance(item, dict) or item.get("id") in (None, ""):
        raise ImportFailure(name, f"{key}[{index}] has no `id` — is this the API's JSON?")
    return str(item["id"])


def _count_page(data: dict[str, Any], pages: dict[str, set[int]],
                page_counts: dict[str, int]) -> None:
    """Remember which page of which listing this file is, to spot a missing page."""
    page, count = data.get("page"), data.get("page_count")
    link = data.get("next_page") or data.get("previous_page") or ""
    listing = re.sub(r"([?&])page=\d+&?", r"\1", str(link)).rstrip("?&")
    if isinstance(page, int) and isinstance(count, int):
        pages.setdefault(listing, set()).add(page)
        page_counts[listing] = max(count, page_counts.get(listing, 0))


def _category(section_id: Any, sections: dict[str, dict[str, Any]],
              categories: dict[str, dict[str, Any]], result: ReadResult) -> str:
    if section_id is None:
        return ""
    section = sections.get(str(section_id))
    if section is None:
        # Without sections.json the page still imports; the folder is named after the id.
        name = f"section {section_id}"
        result.categories.setdefault(name, Category(name))
        return name
    name = " ".join(str(section.get("name") or f"section {section_id}").split())
    parent = categories.get(str(section.get("category_id")))
    description = str(section.get("description") or "").strip()
    if not description and parent:
        description = str(parent.get("name") or "")
    order = None
    position = section.get("position")
    if parent and isinstance(parent.get("position"), int) and isinstance(position, int):
        order = parent["position"] * 100 + position  # sections in their category's order
    elif isinstance(section.get("position"), int):
        order = section["position"]
    result.categories.setdefault(name, Category(name, description, order))
    return name


def _date(value: Any) -> datetime.date | None:
    try:
        return datetime.datetime.fromisoformat(str(value).replace("Z", "+00:00")).date()
    except ValueError:
        return None
