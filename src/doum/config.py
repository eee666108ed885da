"""Typed options of the doum plugin (the `plugins: - doum:` block of mkdocs.yml)."""

from __future__ import annotations

import datetime

from mkdocs.config import base
from mkdocs.config import config_options as c

from doum.config_types import EmailAddress, SafeURL


class CategoryConfig(base.Config):
    """One folder of pages under docs/: how it is titled, ordered and routed to support."""

    title = c.Optional(c.Type(str))
    icon = c.Optional(c.Type(str))
    order = c.Type(int, default=100)
    description = c.Type(str, default="")
    # Prefill for the contact form when a customer comes from this category.
    service = c.Optional(c.Type(str))
    type = c.Optional(c.Type(str))


class SearchConfig(base.Config):
    # Groups of words customers use for the same thing, e.g. [탈퇴, 회원 탈퇴, 계정 삭제].
    synonyms = c.ListOfItems(c.ListOfItems(c.Type(str)), default=[])
    # The built-in Korean help-center thesaurus (src/doum/search/thesaurus.ko.json); the
    # groups under `synonyms` extend it. false: only the site's own groups.
    thesaurus = c.Type(bool, default=True)
    # Shown as chips on the home page and when a search finds nothing.
    popular_keywords = c.ListOfItems(c.Type(str), default=[])


class SupportConfig(base.Config):
    """When agents answer and how customers reach them."""

    timezone = c.Type(str, default="Asia/Seoul")
    # Weekday (mon … sun) → "HH:MM-HH:MM"; a missing day is closed.
    hours = c.DictOfItems(
        c.Type(str),
        default={d: "10:00-18:30" for d in ("mon", "tue", "wed", "thu", "fri")},
    )
    breaks = c.ListOfItems(c.Type(str), default=["12:00-13:00"])
    # Country code for the `holidays` package; empty turns public holidays off.
    holidays = c.Type(str, default="KR")
    # Years of holidays to compute, relative to the build year (default: last year … two ahead).
    holiday_years = c.ListOfItems(c.Type(int), default=[-1, 2])
    # Extra closed dates: "2026-12-31" or {date: 2026-12-31, name: 연말 휴무}.
    closed = c.ListOfItems(c.Type((str, dict, datetime.date)), default=[])
    # https:, mailto: or tel: (http: only for localhost); anything else fails the build.
    chat_url = SafeURL()
    # One plain address (help@example.com): no display name, no ?bcc=, no second address.
    email = EmailAddress()
    reply_time = c.Type(str, default="1~2일")


class ContactConfig(base.Config):
    """The /contact/ checklist form that becomes a mailto: inquiry."""

    services = c.ListOfItems(c.Type(str), default=["카카오톡", "카카오페이", "선물하기", "이모티콘"])
    # Services and inquiry types for which the payment section is shown and required.
    paid_services = c.ListOfItems(c.Type(str), default=["카카오페이", "선물하기", "이모티콘"])
    types = c.ListOfItems(c.Type(str), default=["계정/로그인", "결제/환불", "오류/장애", "설정", "기타"])
    payment_types = c.ListOfItems(c.Type(str), default=["결제/환불"])
    # mailto: URLs longer than this are cut to a short body asking to paste the copied text.
    mailto_limit = c.Type(int, default=1800)


class DoumConfig(base.Config):
    categories = c.DictOfItems(c.SubConfig(CategoryConfig), default={})
    # How many questions of the current category a page's navigation lists around itself.
    nav_window = c.Type(int, default=20)
    # Questions per generated category page before it pages.
    category_page_size = c.Type(int, default=50)
    search = c.SubConfig(SearchConfig)
    support = c.SubConfig(SupportConfig)
    contact = c.SubConfig(ContactConfig)
