"""Intercom Articles: the JSON of `GET /articles` (`{"type": "list", "data": [article…]}`, one
file per page of results) and, when given, of `GET /help_center/collections`, whose names
become the categories. Only published articles are imported; drafts are reported.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from doum.importers.model import Category, Entry, ImportFailure, ReadResult, Skip, shown
from doum.importers.textfiles import read_json


def is_intercom(data: Any) -> bool:
    if not isinstance(data, dict) or not isinstance(data.get("data"), list):
        return False
    kinds = {item.get("type") for item in data["data"] if isinstance(item, dict)}
    return data.get("type") == "list" and (not kinds or kinds <= {"article", "collection",
                                                                  "section"})


def read(paths: list[Path]) -> ReadResult:
    articles: list[tuple[str, int, dict[str, Any]]] = []
    collections: dict[str, dict[str, Any]] = {}
    result = ReadResult()
    seen_pages: set[int] = set()
    total_pages = 0
    for path in paths:
        data = read_json(path)
        name = shown(path)
        if not is_intercom(data):
            raise ImportFailure(name, "not an Intercom export (expected {\"type\": \"list\", "
                                "\"data\": [articles or collections]})")
        for i, item in enumerate(data["data"]):
            if not isinstance(item, dict) or item.get("id") in (None, ""):
                raise ImportFailure(name, f"data[{i}] has no `id` — is this the API's JSON?")
            if item.get("type") in ("collection", "section"):
                collections[str(item["id"])] = item
            else:
                articles.append((name, i, item))
        pages = data.get("pages")
        if (isinstance(pages, dict) and isinstance(pages.get("total_pages"), int)
                and any(item.get("type") == "article" for item in data["data"])):
            seen_pages.add(pages.get("page", 1))
            total_pages = max(total_pages, pages["total_pages"])
    missing = sorted(set(range(1, total_pages + 1)) - seen_pages)
    if missing:
        result.warnings.append(
            f"Intercom says there are {total_pages} pages of articles but page(s) "
            f"{', '.join(map(str, missing))} were not given — the import is partial")
    seen: dict[str, str] = {}
    for name, i, article in articles:
        article_id = str(article["id"])
        origin = f"{name} (article {article_id})"
        if article_id in seen:
            result.skipped.append(Skip(origin, f"duplicate: article {article_id} is also in "
                                       f"{seen[article_id]}"))
            continue
        seen[article_id] = name
        title = " ".join(str(article.get("title") or "").split())
        if article.get("state", "published") != "published":
            result.skipped.append(Skip(origin, f"{article.get('state')}: {title or article_id}"))
            continue
        if not title:
            result.skipped.append(Skip(origin, "no title"))
            continue
        body = str(article.get("body") or "")
        if not body.strip():
            result.skipped.append(Skip(origin, f"empty answer: {title}"))
            continue
        url = str(article.get("url") or "")
        result.entries.append(Entry(
            source=f"intercom:{article_id}", origin=origin, title=title, body=body,
            category=_category(article, collections, result), updated=_date(article),
            base_url=url, aliases=[url] if url else [],
        ))
    return result


def _category(article: dict[str, Any], collections: dict[str, dict[str, Any]],
              result: ReadResult) -> str:
    parent = article.get("parent_id")
    if parent is None and article.get("parent_ids"):
        parent = article["parent_ids"][-1]  # the innermost collection
    if parent is None:
        return ""
    collection = collections.get(str(parent))
    if collection is None:
        name = f"collection {parent}"
        result.categories.setdefault(name, Category(name))
        return name
    name = " ".join(str(collection.get("name") or f"collection {parent}").split())
    order = collection.get("order")
    result.categories.setdefault(name, Category(
        name, str(collection.get("description") or "").strip(),
        order if isinstance(order, int) else None))
    return name


def _date(article: dict[str, Any]) -> datetime.date | None:
    value = article.get("updated_at") or article.get("created_at")
    if isinstance(value, (int, float)):  # Intercom dates are Unix timestamps
        return datetime.datetime.fromtimestamp(value, datetime.timezone.utc).date()
    return None
