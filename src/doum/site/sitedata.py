"""Site-wide data the browser code needs, computed once per build and embedded as JSON."""

from __future__ import annotations

import datetime
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from doum.support import calendar
from doum.config import DoumConfig


def build(options: DoumConfig, config: MkDocsConfig) -> dict[str, Any]:
    support = options.support
    contact = options.contact
    return {
        "support": {
            "calendar": calendar.build(support, datetime.date.today()),
            "hours_text": calendar.hours_text(support),
            "chat_url": support.chat_url,
            "email": support.email,
            "reply_time": support.reply_time,
        },
        "contact": {
            "services": contact.services,
            "paid_services": contact.paid_services,
            "types": contact.types,
            "payment_types": contact.payment_types,
            "mailto_limit": contact.mailto_limit,
        },
        "search": {"popular_keywords": options.search.popular_keywords},
    }
