"""Typed options of the doum plugin (the `plugins: - doum:` block of mkdocs.yml)."""

from __future__ import annotations

import datetime
import urllib.parse

from mkdocs.config import base
from mkdocs.config import config_options as c

from doum.config_types import (
    Channel, EmailAddress, Origins, SafeURL, kakao_channel_url, messenger_label, naver_talktalk_url,
    phone_url,
)
from mkdocs.config.base import ValidationError


class CategoryTranslation(base.Config):
    """A category's title and description in a further language (mkdocs-static-i18n sites)."""

    title = c.Type(str)
    description = c.Optional(c.Type(str))


class CategoryConfig(base.Config):
    """One folder of pages under docs/: how it is titled, ordered and routed to support."""

    title = c.Optional(c.Type(str))
    icon = c.Optional(c.Type(str))
    order = c.Type(int, default=100)
    description = c.Type(str, default="")
    # Prefill for the contact form when a customer comes from this category.
    service = c.Optional(c.Type(str))
    type = c.Optional(c.Type(str))
    # Per further language (its locale, e.g. `en`): {title, description}; the keys must be
    # languages the site builds (checked when the build knows them: site/languages.py).
    translations = c.DictOfItems(c.SubConfig(CategoryTranslation), default={})


class SearchConfig(base.Config):
    # Groups of words customers use for the same thing, e.g. [탈퇴, 회원 탈퇴, 계정 삭제].
    synonyms = c.ListOfItems(c.ListOfItems(c.Type(str)), default=[])
    # The built-in Korean help-center thesaurus (src/doum/search/thesaurus.ko.json); the
    # groups under `synonyms` extend it. false: only the site's own groups.
    thesaurus = c.Type(bool, default=True)
    # Shown as chips on the home page and when a search finds nothing.
    popular_keywords = c.ListOfItems(c.Type(str), default=[])


class SupportTranslation(base.Config):
    """Support wording in a further language (mkdocs-static-i18n sites)."""

    reply_time = c.Optional(c.Type(str))


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
    # Per further language (its locale, e.g. `en`): {reply_time}, shown on that language's pages.
    translations = c.DictOfItems(c.SubConfig(SupportTranslation), default={})
    # Hand-off channels (README "Hand-off channels"): the value alone or {…, hours, breaks}.
    kakao_channel = Channel("id", kakao_channel_url)  # _xxxx → https://pf.kakao.com/_xxxx/chat
    naver_talktalk = Channel("id", naver_talktalk_url)  # ID → https://talk.naver.com/ID
    phone = Channel("number", phone_url)  # 대표번호 1588-0000 → tel:, with its own (ARS) hours
    messenger = Channel("label", messenger_label)  # an SDK messenger opened by the handoff event


class StrictSubConfig(c.SubConfig):
    """A SubConfig whose unknown keys stop the build (MkDocs only warns): a typo such as
    `kakao_chanel` would otherwise drop a hand-off channel without a word."""

    def __init__(self, config_class: type[base.Config]) -> None:
        super().__init__(config_class)
        self.config_class = config_class  # SubConfig sets it only for its own exact type

    def run_validation(self, value: object) -> base.Config:
        if isinstance(value, dict):
            known = {key for key, _ in self.config_class._schema}
            unknown = sorted(str(key) for key in value if key not in known)
            if unknown:
                raise ValidationError(
                    f"Sub-option '{unknown[0]}': unknown key — use one of {', '.join(sorted(known))}")
        return super().run_validation(value)


class EmbedConfig(base.Config):
    """Sites that embed the launcher with assets/doum/embed.js (README "Embedding the launcher")."""

    # https origins, e.g. [https://shop.example.com]: CORS headers, and the only pages `from` may name.
    origins = Origins()


# Reported mailto: limits (README, "Contact checklist"): desktop shells and Gmail cut links near
# 2,000 characters; iOS Mail and Android intents carry far more.
MAILTO_LIMITS = {"desktop": 1800, "mobile": 30000}


class MailtoLimit(c.BaseConfigOption[dict]):
    """`mailto_limit`: one number for every device, or {desktop: N, mobile: N} (missing keys
    take the defaults). Always read back as {"desktop": int, "mobile": int}."""

    def __init__(self) -> None:
        super().__init__()
        self.default = dict(MAILTO_LIMITS)

    def run_validation(self, value: object) -> dict:
        if isinstance(value, int) and not isinstance(value, bool):
            value = {"desktop": value, "mobile": value}
        if not isinstance(value, dict):
            raise ValidationError(
                f"contact.mailto_limit: expected a number or {{desktop: N, mobile: N}}, got {value!r}")
        unknown = sorted(set(map(str, value)) - set(MAILTO_LIMITS))
        if unknown:
            raise ValidationError(
                f"contact.mailto_limit: unknown key {unknown[0]!r} (use desktop and mobile)")
        limits = {**MAILTO_LIMITS, **value}
        for key, limit in limits.items():
            if not isinstance(limit, int) or isinstance(limit, bool) or not 200 <= limit <= 2_000_000:
                raise ValidationError(
                    f"contact.mailto_limit.{key}: expected a whole number from 200 to 2000000, got {limit!r}")
        return limits


class Endpoint(c.BaseConfigOption[str]):
    """`endpoint`: the owner's receiver for inquiries posted from the page. https:// only;
    http:// only for localhost and 127.0.0.1 (a receiver on the author's own machine)."""

    LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}

    def __init__(self) -> None:
        super().__init__()
        self.default = ""

    def run_validation(self, value: object) -> str:
        if value is None or value == "":
            return ""
        fix = "write the receiver's address as https://… (http:// only for localhost or 127.0.0.1)"
        if not isinstance(value, str):
            raise ValidationError(f"contact.endpoint: expected a URL, got {value!r}; {fix}")
        text = value.strip()
        try:
            parts = urllib.parse.urlsplit(text)
            host = parts.hostname or ""
            parts.port  # noqa: B018 - raises ValueError on a port that is not a number
        except ValueError:
            raise ValidationError(f"contact.endpoint: {text!r} is not a valid URL; {fix}") from None
        bad = any(ch.isspace() or ord(ch) < 32 or ch in '<>"\\`' for ch in text)
        if bad or not host or parts.username is not None or parts.password is not None:
            raise ValidationError(f"contact.endpoint: {text!r} is not a valid URL; {fix}")
        if parts.scheme == "https" or (parts.scheme == "http" and host in self.LOCAL_HOSTS):
            return text
        raise ValidationError(f"contact.endpoint: {text!r} is not an https:// address; {fix}")


class ConsentConfig(base.Config):
    """개인정보 수집·이용 동의 shown when `endpoint` is set (items come from the form's fields)."""

    purpose = c.Type(str, default="문의 내용을 확인하고 답장하기 위해")
    retention = c.Type(str, default="문의 처리를 마친 날부터 3년 (전자상거래법의 소비자 불만·분쟁 처리 기록)")


class ContactConfig(base.Config):
    """The /contact/ checklist form that becomes a mailto: inquiry."""

    services = c.ListOfItems(c.Type(str), default=["카카오톡", "카카오페이", "선물하기", "이모티콘"])
    # Services and inquiry types for which the payment section is shown and required.
    paid_services = c.ListOfItems(c.Type(str), default=["카카오페이", "선물하기", "이모티콘"])
    types = c.ListOfItems(c.Type(str), default=["계정/로그인", "결제/환불", "오류/장애", "설정", "기타"])
    payment_types = c.ListOfItems(c.Type(str), default=["결제/환불"])
    # Longest mailto: link per platform; a longer inquiry is copied and pasted.
    mailto_limit = MailtoLimit()
    # Optional receiver that takes the checklist directly (text/plain JSON POST).
    endpoint = Endpoint()
    consent = c.SubConfig(ConsentConfig)
    # Per further language: the names its pages show for services and types, {value: name}. The
    # inquiry keeps the values (the support team routes by them); a value without one shows as is.
    translations = c.DictOfItems(c.DictOfItems(c.Type(str)), default={})


class BusinessConfig(base.Config):
    """사업자 정보 for online sellers (전자상거래법): shown in every page's footer. Checked by
    doum.site.legal (required keys, the registration number's check digit) — build and `doum check`."""

    name = c.Type(str, default="")  # 상호
    representative = c.Type(str, default="")  # 대표자
    registration_number = c.Type(str, default="")  # 사업자등록번호, 10 digits (123-45-67890)
    mail_order_number = c.Type(str, default="")  # 통신판매업 신고번호
    address = c.Type(str, default="")
    phone = c.Type(str, default="")
    email = EmailAddress()


class LegalConfig(base.Config):
    """The legal footer: the 개인정보처리방침 link and, for sellers, 사업자 정보."""

    # A page of the docs (privacy.md) or an https:// address; checked by doum.site.legal.
    privacy_url = c.Type(str, default="")
    business = c.SubConfig(BusinessConfig)  # a seller: any key set makes the required ones required
    # Naver Search Advisor's verification code (also accepted under `seo:`).
    naver_site_verification = c.Type(str, default="")


class SeoConfig(base.Config):
    """Link previews, search engines and the feed of updated pages."""

    naver_site_verification = c.Type(str, default="")  # <meta name="naver-site-verification">
    feed_items = c.Type(int, default=20)  # pages in feed.xml, most recently updated first
    # og:image when a page has no screenshot: a docs-relative image; default: a generated card.
    image = c.Type(str, default="")


class SampleRate(c.Type[float]):
    """`insights.sample_rate`: the share of page loads that send events, 0 … 1 (0.1: one in ten)."""

    def __init__(self) -> None:
        super().__init__((int, float), default=1.0)

    def run_validation(self, value: object) -> float:
        number = super().run_validation(value)
        if isinstance(number, bool) or not 0 <= number <= 1:
            raise ValidationError(f"expected a number from 0 to 1 (0.1: one page load in ten), got {value!r}")
        return float(number)


# What an insights event holds (shared/insights-core.js), in the words the consent notice uses.
INSIGHTS_ITEMS = [
    "도움말과 챗봇에 입력한 검색어 (이메일 주소·전화번호·카드 번호·6자리 이상의 숫자는 가린 뒤), 결과 수와 결과를 열었는지",
    "채팅 상담 창을 열었는지, 고른 문의 방법(상담원 채팅·전화·이메일)과 그때의 상담 가능 여부, 문의 메일 보내기를 눌렀는지 (문의 내용은 빼고)",
    "'이 답변이 도움이 되었나요?'에 누른 답",
    "보고 있던 도움말 페이지 주소와 분 단위 시각",
]


class InsightsConsentConfig(base.Config):
    """개인정보 수집·이용 동의 the browser asks before any insights event is sent."""

    items = c.ListOfItems(c.Type(str), default=list(INSIGHTS_ITEMS))
    purpose = c.Type(str, default="도움말에서 답을 찾지 못한 질문과 도움이 되지 않은 답변을 찾아 도움말을 고치기 위해")
    # No default: how long the receiver keeps events is the owner's decision, never doum's guess.
    retention = c.Type(str, default="")


class InsightsConsent(c.SubConfig[InsightsConsentConfig]):
    """`insights.consent`: with an endpoint, the notice needs items, a purpose and a retention."""

    def __init__(self) -> None:
        super().__init__(InsightsConsentConfig)

    def post_validation(self, config: base.Config, key_name: str) -> None:
        consent = config[key_name]
        if not config.get("endpoint"):
            return
        if not consent.retention.strip():
            raise ValidationError(
                "insights.consent.retention is required when insights.endpoint is set: write how long your "
                "receiver keeps the events, as your 개인정보처리방침 says (e.g. retention: 수집한 날부터 1년)")
        if not consent.purpose.strip():
            raise ValidationError("insights.consent.purpose is empty: write why the events are collected, "
                                  "or leave the key out for doum's default")
        if not consent["items"] or any(not item.strip() for item in consent["items"]):
            raise ValidationError("insights.consent.items: list what one event holds, one non-empty line each, "
                                  "or leave the key out for doum's default")


class InsightsConfig(base.Config):
    """Opt-in events for `doum report` (README "What customers could not find"): off until
    `endpoint` is set; the browser masks typed text and asks for consent before anything leaves
    the page."""

    endpoint = SafeURL(schemes=("https",))  # the owner's receiver (http: only for localhost)
    sample_rate = SampleRate()
    # Send nothing from browsers with Do Not Track or Global Privacy Control on.
    respect_do_not_track = c.Type(bool, default=True)
    consent = InsightsConsent()


class DoumConfig(base.Config):
    categories = c.DictOfItems(c.SubConfig(CategoryConfig), default={})
    # How many questions of the current category a page's navigation lists around itself.
    nav_window = c.Type(int, default=20)
    # Questions per generated category page before it pages.
    category_page_size = c.Type(int, default=50)
    search = c.SubConfig(SearchConfig)
    support = StrictSubConfig(SupportConfig)
    embed = c.SubConfig(EmbedConfig)
    contact = c.SubConfig(ContactConfig)
    legal = c.SubConfig(LegalConfig)
    seo = c.SubConfig(SeoConfig)
    insights = c.SubConfig(InsightsConfig)  # opt-in events for `doum report`; off by default
