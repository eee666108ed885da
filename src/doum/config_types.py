"""Config option types for values doum prints into pages as links.

Every URL a site owner configures ends up in an `href` (or a `fetch`) on every page, so a
typo or a pasted `javascript:` must stop the build, not ship. These are MkDocs option types:
MkDocs names the key in its error (`plugins → doum → support → chat_url`), and `doum check`
reports the same ValidationError through the plugin's config validation.

    chat_url = SafeURL()                 # https:, mailto:, tel: (http: only for local hosts)
    endpoint = SafeURL(schemes=("https",))  # a receiver that must be https
    email = EmailAddress()               # one plain address, no display name, no ?headers
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlsplit

from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

DEFAULT_SCHEMES = ("https", "mailto", "tel")
LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]", "::1")
# Control characters and whitespace inside a URL are how `java\tscript:` slips past checks.
_UNSAFE_CHARS = re.compile(r"[\x00-\x20\x7f<>\"'`\\]")
# One plain address: local part, @, a dotted domain. No display name, no spaces, no `?`.
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&*+/=^_{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")


def check_url(value: str, schemes: tuple[str, ...] = DEFAULT_SCHEMES) -> str:
    """`value` when it is a safe absolute URL with one of `schemes`; ValidationError if not.

    Plain `http:` passes only for localhost/127.0.0.1, so local previews and tests work.
    The message says what to write instead; MkDocs puts the key in front of it.
    """
    allowed = ", ".join(f"{s}:" for s in schemes)
    if _UNSAFE_CHARS.search(value):
        raise ValidationError(
            f"'{value}' 에 공백·따옴표·꺾쇠 같은 글자가 있어요. 주소를 그대로 붙여 넣고, "
            f"공백은 %20으로 바꿔 쓰세요. (A URL must not contain spaces, quotes or angle "
            f"brackets; percent-encode them.)"
        )
    parts = urlsplit(value)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if scheme == "http" and "http" not in schemes:
        if host in LOCAL_HOSTS or f"[{host}]" in LOCAL_HOSTS:
            return value
        raise ValidationError(
            f"'{value}' 는 암호화되지 않은 http: 주소예요. https:// 로 바꿔 쓰세요 "
            f"(plain http: is allowed only for localhost and 127.0.0.1)."
        )
    if scheme not in schemes:
        raise ValidationError(
            f"'{value}' 는 쓸 수 없는 주소예요. {allowed} 로 시작하는 주소를 쓰세요 "
            f"(e.g. https://example.com/chat). Scripts (javascript:, data:) and relative "
            f"addresses are refused."
        )
    if scheme in ("http", "https") and not parts.netloc:
        raise ValidationError(
            f"'{value}' 에 호스트가 없어요. https://example.com/… 처럼 전체 주소를 쓰세요."
        )
    if scheme == "mailto":
        check_email(value[len("mailto:"):].split("?", 1)[0], value)
    if scheme == "tel" and not re.fullmatch(r"\+?[0-9()\-.]+", value[len("tel:"):]):
        raise ValidationError(
            f"'{value}' 는 전화번호 형식이 아니에요. tel:+82-2-1234-5678 처럼 숫자와 - 만 쓰세요."
        )
    return value


def check_email(value: str, shown: str | None = None) -> str:
    """`value` when it is exactly one plain address (help@example.com); ValidationError if not."""
    if not _EMAIL.fullmatch(value):
        raise ValidationError(
            f"'{shown or value}' 는 메일 주소 하나가 아니에요. help@example.com 처럼 주소 하나만 "
            f"쓰세요: 이름(고객센터 <…>), 두 번째 주소, ?bcc=/?subject= 같은 덧붙임은 받지 않아요. "
            f"(One plain address only: no display name, no second address, no ?headers.)"
        )
    return value


class SafeURL(c.Type[str]):
    """A URL doum prints as a link or calls: `https:`, `mailto:`, `tel:` by default.

    An empty string means "not set" (the feature stays off), so `default=""` works.
    """

    def __init__(self, schemes: tuple[str, ...] = DEFAULT_SCHEMES, default: str = "") -> None:
        super().__init__(str, default=default)
        self.schemes = tuple(s.lower() for s in schemes)

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value).strip()
        return check_url(text, self.schemes) if text else ""


class EmailAddress(c.Type[str]):
    """One plain e-mail address (help@example.com); empty means "not set"."""

    def __init__(self, default: str = "") -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value).strip()
        return check_email(text) if text else ""


def origin(url: str) -> str:
    """`https://chat.example.com/x?y` → `https://chat.example.com` (for CSP and CORS lists)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    return f"{parts.scheme}://{parts.netloc.lower()}"


# ---------------------------------------------------------------- hand-off channels (support:)

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
ALWAYS = ("always", "24시간")  # `hours: always`: the channel answers around the clock
_RANGE = re.compile(r"^\s*([01]?\d|2[0-4]):([0-5]\d)\s*-\s*([01]?\d|2[0-4]):([0-5]\d)\s*$")
_KAKAO_ID = re.compile(r"^_[A-Za-z0-9]{2,40}$")
_NAVER_ID = re.compile(r"^[A-Za-z0-9]{2,40}$")
# 대표번호 (1588-0000), area and mobile numbers (02-123-4567, 031-1234-5678), 080 free calls.
_PHONE = re.compile(r"^(?:1[5-9]\d{2}-\d{4}|0\d{1,2}-\d{3,4}-\d{4})$")


def _check_hours(value: object) -> dict[str, str] | str | None:
    """A channel's own hours: None (the agents' hours), "always", or weekday → "HH:MM-HH:MM"."""
    if value is None:
        return None
    if isinstance(value, str) and value.strip().lower() in ALWAYS:
        return "always"
    if not isinstance(value, dict):
        raise ValidationError(
            f"hours: {value!r} 는 쓸 수 없어요. support.hours 와 같은 형식 {{mon: \"09:00-18:00\"}} 이나 "
            f"always(24시간)를 쓰세요.")
    for day, hours in value.items():
        if day not in WEEKDAYS:
            raise ValidationError(f"hours → {day}: unknown weekday; use one of {', '.join(WEEKDAYS)}")
        match = _RANGE.match(str(hours))
        if not match or not int(match[1]) * 60 + int(match[2]) < int(match[3]) * 60 + int(match[4]) <= 1440:
            raise ValidationError(
                f"hours → {day}: {hours!r} is not a time range. Write it as \"HH:MM-HH:MM\" in 24-hour "
                f"time, e.g. \"10:00-18:30\".")
    return {str(day): str(hours) for day, hours in value.items()}


class Channel(c.BaseConfigOption[dict]):
    """A hand-off channel under `support:`: its value alone (`kakao_channel: _xxxx`) or
    {<field>: value, hours: …, breaks: […]}. Read back as {"value", "url", "hours", "breaks"}
    (hours None: the agents' hours), or {} when it is not set."""

    def __init__(self, field: str, to_url: Callable[[str], str]) -> None:
        super().__init__()
        self.default: dict = {}
        self.field, self.to_url = field, to_url

    def run_validation(self, value: object) -> dict:
        if value is None or value == "" or value == {}:
            return {}
        hours, breaks = None, None
        if isinstance(value, dict):
            unknown = sorted(set(map(str, value)) - {self.field, "hours", "breaks"})
            if unknown or self.field not in value:
                raise ValidationError(
                    f"expected {{{self.field}: …, hours: …, breaks: […]}}"
                    + (f"; unknown key {unknown[0]!r}" if unknown else f"; {self.field} is missing"))
            hours = _check_hours(value.get("hours"))
            breaks = value.get("breaks")
            if breaks is not None and not (isinstance(breaks, list) and all(
                    isinstance(b, str) and _RANGE.match(b) for b in breaks)):
                raise ValidationError(f"breaks: expected a list of \"HH:MM-HH:MM\", got {breaks!r}")
            value = value[self.field]
        if not isinstance(value, (str, int)):
            raise ValidationError(f"expected text, got {value!r}")
        text = str(value).strip()
        return {"value": text, "url": self.to_url(text), "hours": hours, "breaks": breaks}


def kakao_channel_url(value: str) -> str:
    """`_xxxx` (or its pf.kakao.com address) → https://pf.kakao.com/_xxxx/chat."""
    match = re.fullmatch(r"https://pf\.kakao\.com/(_[A-Za-z0-9]+)(?:/chat)?/?", value)
    channel = match[1] if match else value
    if not _KAKAO_ID.fullmatch(channel):
        raise ValidationError(
            f"'{value}' 는 카카오톡 채널 ID가 아니에요. 채널 관리자센터의 채널 URL(pf.kakao.com/_xxxx)에 있는 "
            f"_로 시작하는 ID를 쓰세요 (e.g. kakao_channel: _ZeUTxl).")
    return f"https://pf.kakao.com/{channel}/chat"


def naver_talktalk_url(value: str) -> str:
    """A 네이버 톡톡 ID (or its talk.naver.com address) → https://talk.naver.com/ID."""
    match = re.fullmatch(r"https://talk\.naver\.com/(?:ct/)?([A-Za-z0-9]+)/?", value)
    talk = match[1] if match else value
    if not _NAVER_ID.fullmatch(talk):
        raise ValidationError(
            f"'{value}' 는 네이버 톡톡 ID가 아니에요. 톡톡 파트너센터의 톡톡 URL(talk.naver.com/ID) 끝의 "
            f"영문·숫자 ID를 쓰세요 (e.g. naver_talktalk: w4abcd).")
    return f"https://talk.naver.com/{talk}"


def phone_url(value: str) -> str:
    """A 대표번호 or phone number (1588-0000, 02-123-4567) → tel:1588-0000."""
    if not _PHONE.fullmatch(value):
        raise ValidationError(
            f"'{value}' 는 전화번호 형식이 아니에요. 1588-0000, 02-123-4567 처럼 숫자와 - 로 쓰세요.")
    return f"tel:{value}"


def chat_url(value: str) -> str:
    return check_url(value)


def messenger_label(value: str) -> str:
    """An SDK messenger (채널톡, Zendesk, Intercom) has no URL: the launcher's `handoff` event."""
    if not value or len(value) > 40:
        raise ValidationError("expected the button's label, e.g. messenger: 채널톡으로 상담 (1 to 40 characters)")
    return ""


def https_origin(value: str) -> str:
    """`https://shop.example.com` exactly: an origin (no path), https (http: only for local hosts)."""
    parts = urlsplit(value)
    host = (parts.hostname or "").lower()
    local = parts.scheme == "http" and host in ("localhost", "127.0.0.1")
    if _UNSAFE_CHARS.search(value) or not (parts.scheme == "https" or local) or not host:
        raise ValidationError(
            f"'{value}' 는 쓸 수 없는 출처예요. https://shop.example.com 처럼 https:// 와 호스트만 쓰세요 "
            f"(http: only for localhost and 127.0.0.1).")
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
        raise ValidationError(
            f"'{value}' 에 경로가 있어요. 출처(origin)만 쓰세요: https://shop.example.com")
    return origin(value)


class Origins(c.BaseConfigOption[list]):
    """`embed.origins`: the https origins of the sites that embed the launcher."""

    def __init__(self) -> None:
        super().__init__()
        self.default: list = []

    def run_validation(self, value: object) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            raise ValidationError(f"expected a list of origins, e.g. [https://shop.example.com], got {value!r}")
        return [https_origin(str(item).strip()) for item in value]
