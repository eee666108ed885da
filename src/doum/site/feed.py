"""`feed.xml`: an RSS 2.0 feed of the recently updated help pages, next to sitemap.xml.

Naver Search Advisor (and feed readers) take an RSS feed to learn about changed pages. The
items are the pages with an `updated:` date in their front matter, newest first (then by
title), at most `seo: feed_items:` of them. Links are absolute, so the feed is written only
when `site_url` is set; main.html's head links it with
`<link rel="alternate" type="application/rss+xml">` (partials/doum-social.html).
"""

from __future__ import annotations

import datetime
import email.utils
import zoneinfo
from collections.abc import Iterable
from pathlib import Path
from xml.sax.saxutils import escape

from doum.site.social import FeedEntry

FEED_PATH = "feed.xml"
ATOM = "http://www.w3.org/2005/Atom"


def _rfc822(day: str, timezone: str) -> str:
    """'2026-11-20' → 'Fri, 20 Nov 2026 00:00:00 +0900' (midnight in the support time zone)."""
    try:
        zone = zoneinfo.ZoneInfo(timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = zoneinfo.ZoneInfo("Asia/Seoul")
    moment = datetime.datetime.combine(datetime.date.fromisoformat(day), datetime.time(), zone)
    return email.utils.format_datetime(moment)


def render(entries: Iterable[FeedEntry], *, title: str, site_url: str, description: str,
           limit: int, timezone: str = "Asia/Seoul", language: str = "ko") -> str:
    """The feed's XML text (every value escaped)."""
    seen: set[str] = set()
    unique = []
    for entry in entries:
        if entry.url not in seen and entry.updated:
            seen.add(entry.url)
            unique.append(entry)
    newest = sorted(unique, key=lambda e: (-datetime.date.fromisoformat(e.updated).toordinal(), e.title))
    newest = newest[:max(limit, 0)]
    feed_url = site_url.rstrip("/") + "/" + FEED_PATH
    built = _rfc822(newest[0].updated, timezone) if newest else email.utils.format_datetime(
        datetime.datetime.now(datetime.timezone.utc))
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<rss version="2.0" xmlns:atom="{ATOM}">',
        "  <channel>",
        f"    <title>{escape(title)}</title>",
        f"    <link>{escape(site_url)}</link>",
        f"    <description>{escape(description or title)}</description>",
        f"    <language>{escape(language)}</language>",
        f"    <lastBuildDate>{built}</lastBuildDate>",
        f'    <atom:link href="{escape(feed_url, {chr(34): "&quot;"})}" rel="self" type="application/rss+xml"/>',
    ]
    for entry in newest:
        lines += [
            "    <item>",
            f"      <title>{escape(entry.title)}</title>",
            f"      <link>{escape(entry.url)}</link>",
            f'      <guid isPermaLink="true">{escape(entry.url)}</guid>',
            f"      <description>{escape(entry.summary)}</description>",
            f"      <pubDate>{_rfc822(entry.updated, timezone)}</pubDate>",
            "    </item>",
        ]
    lines += ["  </channel>", "</rss>", ""]
    return "\n".join(lines)


def write(site_dir: str, entries: Iterable[FeedEntry], options: object, config: object,
          language: str) -> None:
    """`language`: the build's (the default language's build writes the feed)."""
    site_url = (getattr(config, "site_url", None) or "").strip()
    if not site_url:
        return
    text = render(
        entries,
        title=str(config.site_name or ""),  # type: ignore[attr-defined]
        site_url=site_url,
        description=str(config.site_description or ""),  # type: ignore[attr-defined]
        limit=options.seo.feed_items,  # type: ignore[attr-defined]
        timezone=options.support.timezone,  # type: ignore[attr-defined]
        language=language,
    )
    (Path(site_dir) / FEED_PATH).write_text(text, encoding="utf-8")
