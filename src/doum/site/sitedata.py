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
from doum.site import strings as ui_strings
from doum.site.contact import CONTACT_SRC
from doum.site.languages import Languages
from doum.site.strings import Strings
from doum.insights import settings as insights_settings

# The prefill parameters of the contact page, in order. site.js's prefillLink writes the same.
PREFILL_KEYS = ("service", "type", "q", "from")


def _consent(contact: Any, strings: Strings) -> dict[str, Any]:
    """개인정보 수집·이용 동의 for the contact endpoint: the items are the form's own fields."""
    names = ["email", "inquiry"]
    if contact.paid_services or contact.payment_types:
        names.append("payment")
    names += ["device", "page"]
    items = [strings.text(f"pages.contact.consent_items.{name}") for name in names]
    return {"items": items, "purpose": contact.consent.purpose, "retention": contact.consent.retention}


# The last build's data, asked for by the pages (plugin.on_config) and the embed's site.json: the
# objects themselves are kept, so `is` cannot mistake a later build's config for this one (nor
# one language's build for another's).
_last: list[Any] = [None, None, None, None]


def build(options: DoumConfig, config: MkDocsConfig) -> dict[str, Any]:
    language = ui_strings.language_of(config)
    site_language = languages.of(config, language)
    # mkdocs-static-i18n builds each language with the same config objects: the language counts.
    which = (site_language.current, language)
    if _last[0] is not options or _last[1] is not config or _last[3] != which:
        _last[:] = [options, config, _build(options, config, site_language, ui_strings.load(language)), which]
    return _last[2]


def _build(options: DoumConfig, config: MkDocsConfig, site_language: Languages,
           strings: Strings) -> dict[str, Any]:
    support = options.support
    contact = options.contact
    support_calendar = calendar.build(support, datetime.date.today(), strings)
    insights = insights_settings.site_data(options.insights)
    return {
        # The language of this build's pages: instant navigation to another language's page
        # reloads it (shared/language-guard.js), since the site data, strings and index are this one's.
        "language": site_language.current,
        "support": {
            "calendar": support_calendar,
            "hours_text": calendar.hours_text(support_calendar, strings),
            # How every page and message names the agents' hours (partials/doum-support-hours.html,
            # and the browser's "search is unavailable" and empty-results notes).
            "hours_label": strings.text("pages.support.hours_label"),
            "chat_url": support.chat_url,
            "email": support.email,
            "reply_time": (support.translations.get(site_language.current) or {}).get("reply_time")
            or support.reply_time,
            "channels": channels(support, support_calendar, strings),
        },
        "embed": {"origins": list(options.embed.origins)},  # the only hosts `from` may name
        "contact": {
            "url": contact_url(config, site_language.root),
            "services": contact.services,
            "paid_services": contact.paid_services,
            "types": contact.types,
            "payment_types": contact.payment_types,
            # What this language's pages call each service and type (values stay the inquiry's).
            "labels": dict(contact.translations.get(site_language.current) or {}),
            "mailto_limit": contact.mailto_limit,
            "endpoint": contact.endpoint,
            "consent": _consent(contact, strings) if contact.endpoint else None,
        },
        # A further language's pages search its own entry of the index (site/languages.py); the
        # popular keywords are written in the default language.
        "search": {"popular_keywords": options.search.popular_keywords if site_language.is_default else [],
                   "worker": languages.search_worker(site_language)},
        "insights": insights,  # None: off
        # the browser code's words (shared/strings.js)
        "strings": strings.browser(features=frozenset({"insights"} if insights else ())),
    }


# Hand-off channels in the order the panel lists them (after the agent chat); their labels are
# pages.support.channels.<id>, except the messenger's, which the owner writes.
CHANNELS = ("kakao_channel", "naver_talktalk", "messenger", "phone")


def channels(support: Any, agents: dict[str, Any], strings: Strings) -> list[dict[str, Any]]:
    """The configured hand-off channels for the launcher: each with its URL (none for an SDK
    messenger) and when it answers — `agents` (the support hours), `always`, or its own
    calendar (its hours and breaks; the agents' time zone, holidays and closed days)."""
    found = []
    for key in CHANNELS:
        channel = getattr(support, key)
        if not channel:
            continue
        entry: dict[str, Any] = {
            "id": key,
            "label": channel["value"] if key == "messenger" else strings.text(f"pages.support.channels.{key}"),
            "url": channel["url"],
            "number": channel["value"] if key == "phone" else "",
            "hours": "agents" if channel["hours"] is None else "always" if channel["hours"] == "always" else "own",
            "calendar": None,
        }
        if entry["hours"] == "own":
            own = {**agents, "hours": calendar.weekly_hours(channel["hours"]),
                   "breaks": calendar.breaks(channel["breaks"] or [], strings)}
            entry["calendar"] = own
            entry["hours_text"] = calendar.hours_text(own, strings)
        elif entry["hours"] == "always":
            entry["hours_text"] = strings.text("pages.support.always")
        else:
            entry["hours_text"] = calendar.hours_text(agents, strings)
        found.append(entry)
    return found


def contact_url(config: MkDocsConfig, root: str = "") -> str:
    """The contact page's URL relative to the site root, as MkDocs will write it:
    `contact/` or, with `use_directory_urls: false`, `contact.html`; under a further language's
    `root` its own (en/contact/)."""
    url = File(CONTACT_SRC, config.docs_dir, config.site_dir, config.use_directory_urls).url
    return root + url


def prefill_query(**fill: str) -> str:
    """The contact page's query string for `service`, `type`, `q` and `from` (pass `from_`):
    trimmed, empty values left out, in PREFILL_KEYS order — the rules of site.js prefillLink."""
    values = {key.rstrip("_"): (value or "").strip() for key, value in fill.items()}
    unknown = set(values) - set(PREFILL_KEYS)
    if unknown:
        raise TypeError(f"unknown contact prefill keys: {sorted(unknown)}")
    return urlencode([(key, values[key]) for key in PREFILL_KEYS if values.get(key)])
