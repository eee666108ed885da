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
