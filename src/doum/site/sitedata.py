"""Site-wide data the browser code needs, computed once per build and embedded as JSON."""

from __future__ import annotations

import datetime
from typing import Any
from urllib.parse import urlencode

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from doum.support import calendar
from doum.config import DoumConfig
from doum.site import languages
from doum.site.contact import CONTACT_SRC
from doum.insights import settings as insights_settings

# How every page and message names the agents' hours (partials/doum-support-hours.html, and the
# browser's "search is unavailable" and empty-results notes).
HOURS_LABEL = "상담원 상담 시간"

# The prefill parameters of the contact page, in order. site.js's prefillLink writes the same.
PREFILL_KEYS = ("service", "type", "q", "from")


def _consent(contact: Any) -> dict[str, Any]:
    """개인정보 수집·이용 동의 for the contact endpoint: the items are the form's own fields."""
    items = ["카카오 계정 이메일", "문의 서비스·유형·요약·내용"]
    if contact.paid_services or contact.payment_types:
        items.append("주문 번호·결제 일시·결제 수단(유료 서비스 문의일 때)")
    items += ["기기 모델·OS·OS 버전·앱 버전", "문의한 도움말 페이지 주소"]
    return {"items": items, "purpose": contact.consent.purpose, "retention": contact.consent.retention}


# The last build's data, asked for by the pages (plugin.on_config) and the embed's site.json: the
# objects themselves are kept, so `is` cannot mistake a later build's config for this one.
_last: list[Any] = [None, None, None, None]


def build(options: DoumConfig, config: MkDocsConfig) -> dict[str, Any]:
    # mkdocs-static-i18n builds each language with the same config objects: the language counts.
    language = languages.of(config).current
    if _last[0] is not options or _last[1] is not config or _last[3] != language:
        _last[:] = [options, config, _build(options, config), language]
    return _last[2]


def _build(options: DoumConfig, config: MkDocsConfig) -> dict[str, Any]:
    support = options.support
    contact = options.contact
    site_language = languages.of(config)
    support_calendar = calendar.build(support, datetime.date.today())
    return {
        "support": {
            "calendar": support_calendar,
            "hours_text": calendar.hours_text(support_calendar),
            "hours_label": HOURS_LABEL,
            "chat_url": support.chat_url,
            "email": support.email,
            "reply_time": support.reply_time,
            "channels": channels(support, support_calendar),
        },
        "embed": {"origins": list(options.embed.origins)},  # the only hosts `from` may name
        "contact": {
            "url": contact_url(config),
            "services": contact.services,
            "paid_services": contact.paid_services,
            "types": contact.types,
            "payment_types": contact.payment_types,
            "mailto_limit": contact.mailto_limit,
            "endpoint": contact.endpoint,
            "consent": _consent(contact) if contact.endpoint else None,
        },
        # A further language's pages search its own entry of the index (site/languages.py); the
        # popular keywords are written in the default language.
        "search": {"popular_keywords": options.search.popular_keywords if site_language.is_default else [],
                   "worker": languages.search_worker(site_language)},
        "insights": insights_settings.site_data(options.insights),  # None: off
    }


# Hand-off channels in the order the panel lists them (after the agent chat), with their labels.
CHANNELS = {
    "kakao_channel": "카카오톡 채널로 상담",
    "naver_talktalk": "네이버 톡톡으로 상담",
    "messenger": "",  # the owner's own label
    "phone": "전화 상담",
}


def channels(support: Any, agents: dict[str, Any]) -> list[dict[str, Any]]:
    """The configured hand-off channels for the launcher: each with its URL (none for an SDK
    messenger) and when it answers — `agents` (the support hours), `always`, or its own
    calendar (its hours and breaks; the agents' time zone, holidays and closed days)."""
    found = []
    for key, label in CHANNELS.items():
        channel = getattr(support, key)
        if not channel:
            continue
        entry: dict[str, Any] = {
            "id": key,
            "label": channel["value"] if key == "messenger" else label,
            "url": channel["url"],
            "number": channel["value"] if key == "phone" else "",
            "hours": "agents" if channel["hours"] is None else "always" if channel["hours"] == "always" else "own",
            "calendar": None,
        }
        if entry["hours"] == "own":
            own = {**agents, "hours": calendar.weekly_hours(channel["hours"]),
                   "breaks": calendar.breaks(channel["breaks"] or [])}
            entry["calendar"] = own
            entry["hours_text"] = calendar.hours_text(own)
        elif entry["hours"] == "always":
            entry["hours_text"] = "24시간"
        else:
            entry["hours_text"] = calendar.hours_text(agents)
        found.append(entry)
    return found


def contact_url(config: MkDocsConfig) -> str:
    """The contact page's URL relative to the site root, as MkDocs will write it:
    `contact/` or, with `use_directory_urls: false`, `contact.html`."""
    url = File(CONTACT_SRC, config.docs_dir, config.site_dir, config.use_directory_urls).url
    return languages.of(config).root + url  # a further language's own: en/contact/


def prefill_query(**fill: str) -> str:
    """The contact page's query string for `service`, `type`, `q` and `from` (pass `from_`):
    trimmed, empty values left out, in PREFILL_KEYS order — the rules of site.js prefillLink."""
    values = {key.rstrip("_"): (value or "").strip() for key, value in fill.items()}
    unknown = set(values) - set(PREFILL_KEYS)
    if unknown:
        raise TypeError(f"unknown contact prefill keys: {sorted(unknown)}")
    return urlencode([(key, values[key]) for key in PREFILL_KEYS if values.get(key)])
