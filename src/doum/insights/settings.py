"""The `insights` entry of the site data (#doum-site): what the browser sends and the consent it
asks first, and the /contact/ privacy notice's text.

The browser (assets/doum/shared/insights.js, consent.js) reads `endpoint`, `sample_rate`,
`respect_do_not_track` and `consent`; the contact page (doum-contact.html) prints `notice` and
`consent` under its privacy section whenever insights are on.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from doum.config_types import origin

def consent(insights: Any) -> dict[str, Any]:
    """개인정보 수집·이용 동의 as configured, and a version that changes with its text, so a
    visitor who agreed to other items, purpose, retention or receiver is asked again."""
    endpoint = insights.endpoint
    text = {
        "items": [item.strip() for item in insights.consent["items"]],
        "purpose": insights.consent.purpose.strip(),
        "retention": insights.consent.retention.strip(),
        "receiver": origin(endpoint),
    }
    digest = hashlib.sha256(json.dumps([text, endpoint], ensure_ascii=False).encode("utf-8"))
    return {**text, "version": digest.hexdigest()[:12]}


def site_data(insights: Any) -> dict[str, Any] | None:
    """What the browser and the contact template need; None when insights are off."""
    endpoint = getattr(insights, "endpoint", "") or ""
    if not endpoint:
        return None
    rate = float(getattr(insights, "sample_rate", 1.0))
    dnt = bool(getattr(insights, "respect_do_not_track", True))
    return {
        "endpoint": endpoint,
        "sample_rate": rate,
        "respect_do_not_track": dnt,
        "consent": consent(insights),
        "notice": {
            "sample_percent": round(rate * 100, 1) if rate < 1 else 100,
            "respects_do_not_track": dnt,
        },
    }
