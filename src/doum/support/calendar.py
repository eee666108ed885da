"""Support calendar: weekly hours, breaks, public holidays and extra closures, checked at build time.

The browser decides "open / break / closed / holiday" itself (assets/doum/launcher/calendar.js); this
module hands it everything it needs as plain JSON:

    {"timezone": "Asia/Seoul",
     "hours": {"mon": [600, 1110], ...},            # minutes after midnight, [open, close)
     "breaks": [{"start": 720, "end": 780, "label": "점심시간"}],
     "holidays": {"2026-02-17": "설날", ...},      # public holidays of the span
     "closed": {"2026-12-31": "연말 휴무"},          # extra closures from mkdocs.yml
     "span": {"start": "2025-01-01", "end": "2028-12-31"}}
"""

from __future__ import annotations

import datetime
import logging
import re
import zoneinfo
from typing import Any

import holidays as holiday_data
from mkdocs.exceptions import PluginError

from doum.config import SupportConfig
from doum.site.strings import Strings, load as load_strings

log = logging.getLogger("mkdocs.plugins.doum")

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
SPAN_WARNING_DAYS = 60
SAMPLE_DOMAIN = "example.com"
# The holidays package's name for each interface language (KR has ko and en_US names).
HOLIDAY_LANGUAGES = {"ko": "ko", "en": "en_US"}
_TIME_RANGE = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


class SupportConfigError(PluginError):
    """A support value in mkdocs.yml that cannot be used, with the key and how to fix it."""

    def __init__(self, key: str, problem: str, fix: str) -> None:
        super().__init__(f"mkdocs.yml: plugins → doum → support → {key}: {problem}. {fix}")
        self.key, self.problem, self.fix = key, problem, fix


def build(support: SupportConfig, today: datetime.date, strings: Strings | None = None) -> dict[str, Any]:
    """The JSON calendar for the browser, its names in the strings' language (default Korean);
    raises SupportConfigError on bad values."""
    strings = strings or load_strings("ko")
    timezone = _check_timezone(support.timezone)
    first, last = _span_years(support.holiday_years, today)
    span_end = datetime.date(last, 12, 31)
    if (span_end - today).days < SPAN_WARNING_DAYS:
        log.warning(
            "doum: the holiday calendar ends on %s, within %d days. Rebuild the site regularly, "
            "or raise support.holiday_years in mkdocs.yml (e.g. [-1, 2]).",
            span_end, SPAN_WARNING_DAYS,
        )
    _note_sample_channels(support)
    return {
        "timezone": timezone,
        "hours": weekly_hours(support.hours),
        "breaks": breaks(support.breaks, strings),
        "holidays": public_holidays(support.holidays, range(first, last + 1), strings.language),
        "closed": closed_dates(support.closed, strings),
        "span": {"start": f"{first}-01-01", "end": span_end.isoformat()},
    }


def hours_text(calendar: dict[str, Any], strings: Strings | None = None) -> str:
    """One line for people, e.g. '평일 10:00~18:30 · 점심시간 12:00~13:00 · 주말·공휴일 휴무' (or
    'Weekdays 10:00–18:30 · …' in English), from the calendar `build` made (the hours are
    parsed once, there)."""
    strings = strings or load_strings("ko")
    t = strings.text
    hours = calendar["hours"]
    parts = [t("pages.hours.range", days=_days_label(days, strings), start=_clock(start), end=_clock(end))
             for days, (start, end) in _groups(hours)]
    parts += [t("pages.hours.range", days=b["label"], start=_clock(b["start"]), end=_clock(b["end"]))
              for b in calendar["breaks"]]
    days_off = [d for d in WEEKDAYS if d not in hours]
    off = [_days_label(days_off, strings)] if days_off else []
    if calendar["holidays"]:
        off.append(t("pages.hours.public_holidays"))
    if off:
        parts.append(t("pages.hours.closed_days", days=t("pages.hours.off_separator").join(off)))
    return t("pages.hours.separator").join(parts)


def weekly_hours(hours: dict[str, str]) -> dict[str, list[int]]:
    checked = {}
    for day, value in hours.items():
        if day not in WEEKDAYS:
            raise SupportConfigError(
                f"hours → {day}", f"unknown weekday {day!r}",
                f"Use one of {', '.join(WEEKDAYS)}; leave a day out to close it.",
            )
        checked[day] = _minutes_range(f"hours → {day}", value)
    return {day: checked[day] for day in WEEKDAYS if day in checked}


def breaks(values: list[str], strings: Strings | None = None) -> list[dict[str, Any]]:
    strings = strings or load_strings("ko")
    result = []
    for number, value in enumerate(values):
        start, end = _minutes_range(f"breaks[{number}]", value)
        # A break around noon is what customers call lunch; others are plain breaks.
        label = strings.text("pages.hours.lunch" if 11 * 60 <= start <= 14 * 60 else "pages.hours.break")
        result.append({"start": start, "end": end, "label": label})
    return sorted(result, key=lambda b: b["start"])


def public_holidays(country: str, years: range, language: str = "ko") -> dict[str, str]:
    """{ISO date: name} of the country's public holidays, names in the interface language
    (Korean or English) when the package has them."""
    if not country:
        return {}
    try:
        # Countries without Korean names fall back to their own default language.
        found = holiday_data.country_holidays(
            country, years=list(years), language=HOLIDAY_LANGUAGES[language])
    except NotImplementedError:
        raise SupportConfigError(
            "holidays", f"the holidays package has no country {country!r}",
            "Use an ISO country code such as KR, or an empty string to turn public holidays off.",
        ) from None
    # The package joins two holidays on one day with "; " (부처님오신날; 어린이날).
    return {day.isoformat(): name.replace("; ", " · ") for day, name in sorted(found.items())}


def closed_dates(values: list[Any], strings: Strings | None = None) -> dict[str, str]:
    default_name = (strings or load_strings("ko")).text("pages.hours.closed")
    result = {}
    for number, value in enumerate(values):
        key = f"closed[{number}]"
        name = default_name
        if isinstance(value, dict):
            unknown = set(value) - {"date", "name"}
            if "date" not in value or unknown:
                raise SupportConfigError(
                    key, f"expected keys date and name, got {sorted(value)}",
                    "Write {date: 2026-12-31, name: 연말 휴무} or just 2026-12-31.",
                )
            name = str(value.get("name") or name)
            value = value["date"]
        result[_date(key, value).isoformat()] = name
    return dict(sorted(result.items()))


def _check_timezone(name: str) -> str:
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise SupportConfigError(
            "timezone", f"unknown time zone {name!r}",
            "Use an IANA time zone name such as Asia/Seoul.",
        ) from None
    return name


def _span_years(offsets: list[int], today: datetime.date) -> tuple[int, int]:
    if len(offsets) != 2 or offsets[0] > offsets[1]:
        raise SupportConfigError(
            "holiday_years", f"expected [first, last] with first ≤ last, got {offsets}",
            "Years are relative to the build year; the default [-1, 2] covers last year to two years ahead.",
        )
    return today.year + offsets[0], today.year + offsets[1]


def _minutes_range(key: str, value: str) -> list[int]:
    match = _TIME_RANGE.match(str(value))
    fix = 'Write it as "HH:MM-HH:MM" in 24-hour time, e.g. "10:00-18:30".'
    if not match:
        raise SupportConfigError(key, f"{value!r} is not a time range", fix)
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    if m1 > 59 or m2 > 59 or h1 > 24 or h2 > 24:
        raise SupportConfigError(key, f"{value!r} has an impossible time", fix)
    start, end = h1 * 60 + m1, h2 * 60 + m2
    if not start < end <= 24 * 60:
        raise SupportConfigError(key, f"{value!r} ends before it starts", fix)
    return [start, end]


def _date(key: str, value: Any) -> datetime.date:
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value).strip())
    except ValueError:
        raise SupportConfigError(
            key, f"{value!r} is not a date", "Write dates as YYYY-MM-DD, e.g. 2026-12-31.",
        ) from None


def _note_sample_channels(support: SupportConfig) -> None:
    # Only info: a warning would fail `mkdocs build --strict` of the shipped default site.
    samples = [v for v in (support.chat_url, support.email) if SAMPLE_DOMAIN in v]
    if samples:
        log.info("doum: support channels still use sample values (%s); replace them in mkdocs.yml.",
                 ", ".join(samples))


def _groups(hours: dict[str, list[int]]) -> list[tuple[list[str], list[int]]]:
    """Runs of consecutive weekdays with the same hours: ([mon…fri], [600, 1110])."""
    groups: list[tuple[list[str], list[int]]] = []
    previous = None
    for day in WEEKDAYS:
        if day in hours and previous in hours and hours[day] == hours[previous] and groups:
            groups[-1][0].append(day)
        elif day in hours:
            groups.append(([day], hours[day]))
        previous = day
    return groups


def _days_label(days: list[str], strings: Strings) -> str:
    t = strings.text
    names = {"mon tue wed thu fri": "weekdays", "sat sun": "weekend", " ".join(WEEKDAYS): "every_day"}
    joined = " ".join(days)
    if joined in names:
        return t(f"pages.hours.{names[joined]}")
    short = [t(f"pages.hours.day.{day}") for day in days]
    if len(days) > 2 and joined in " ".join(WEEKDAYS):
        return t("pages.hours.day_range", first=short[0], last=short[-1])
    if len(days) == 1:
        return t("pages.hours.single_day", day=short[0])
    return t("pages.hours.day_list_separator").join(short)


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
