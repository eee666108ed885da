"""Site-wide data the browser code needs, computed once per build and embedded as JSON."""

from __future__ import annotations

import datetime
from typing import Any
from urllib.parse import urlencode

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from doum.support import calendar
from doum.config import DoumConfig
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


def build(options: DoumConfig, config: MkDocsConfig) -> dict[str, Any]:
    support = options.support
    contact = options.contact
    support_calendar = calendar.build(support, datetime.date.today())
    return {
        "support": {
            "calendar": support_calendar,
            "hours_text": calendar.hours_text(support_calendar),
            "hours_label": HOURS_LABEL,
            "chat_url": support.chat_url,
            "email": support.email,
            "reply_time": support.reply_time,
        },
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
        "search": {"popular_keywords": options.search.popular_keywords},
        "insights": insights_settings.site_data(options.insights),  # None: off
    }


def contact_url(config: MkDocsConfig) -> str:
    """The contact page's URL relative to the site root, as MkDocs will write it:
    `contact/` or, with `use_directory_urls: false`, `contact.html`."""
    return File(CONTACT_SRC, config.docs_dir, config.site_dir, config.use_directory_urls).url


def prefill_query(**fill: str) -> str:
    """The contact page's query string for `service`, `type`, `q` and `from` (pass `from_`):
    trimmed, empty values left out, in PREFILL_KEYS order — the rules of site.js prefillLink."""
    values = {key.rstrip("_"): (value or "").strip() for key, value in fill.items()}
    unknown = set(values) - set(PREFILL_KEYS)
    if unknown:
        raise TypeError(f"unknown contact prefill keys: {sorted(unknown)}")
    return urlencode([(key, values[key]) for key in PREFILL_KEYS if values.get(key)])
