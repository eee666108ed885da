"""`platforms:` and `updated:` show on the answer and reach search engines (schema.org dateModified)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from doum.content.frontmatter import parse


def test_answer_shows_its_platforms_and_last_update(default_site: Path) -> None:
    source = (Path(__file__).parents[2] / "docs/account/reset-password.md").read_text(encoding="utf-8")
    front = parse(source).fields
    html = (default_site / "account/reset-password/index.html").read_text(encoding="utf-8")
    facts = re.search(r'<p class="doum-page-facts">(.*?)</p>', html, re.S).group(1)
    updated = front["updated"].value
    assert f'datetime="{updated.isoformat()}"' in facts
    assert f"{updated.year}년 {updated.month}월 {updated.day}일" in facts
    badges = re.findall(r'<span class="doum-badge">([^<]+)</span>', facts)
    assert len(badges) == len(front["platforms"].value)
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert ld["dateModified"] == updated.isoformat()


def test_a_page_without_them_shows_no_empty_facts(default_site: Path) -> None:
    html = (default_site / "index.html").read_text(encoding="utf-8")
    assert "doum-page-facts" not in html
