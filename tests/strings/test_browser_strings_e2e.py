"""The default help center's English pages (`theme.language: en`): what the browser code writes — the
launcher's support state and answers, the contact checklist's messages, the search's empty
state — is English in Chromium, with the times still in Korea time and the visitor's zone.
Hangul may remain only in the page content and config values (category titles, keywords)."""

from __future__ import annotations

import datetime
import re
import zoneinfo
from pathlib import Path
from typing import Any, Callable

import pytest

from conftest import DESKTOP
from conftest import site_data as site_data_of

HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
SEOUL = zoneinfo.ZoneInfo("Asia/Seoul")


@pytest.fixture(scope="module")
def english(default_served: tuple[Path, str]) -> tuple[Path, str, str]:
    """The default knowledge base's English half (mkdocs-static-i18n builds it under /en/ with
    `theme.language: en`)."""
    site, url = default_served
    assert (site / "en" / "index.html").is_file(), "the default site has English pages"
    return site / "en", url + "en/", url


@pytest.fixture(scope="module")
def site(english: tuple[Path, str, str]) -> dict[str, Any]:
    return site_data_of((english[0] / "index.html").read_text(encoding="utf-8"))


def working_morning(calendar: dict[str, Any]) -> datetime.datetime:
    """11:00 Korea time on the first working day from 2026-12-02 without a break at that time."""
    day = datetime.date(2026, 12, 2)
    names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    while True:
        hours = calendar["hours"].get(names[day.weekday()])
        iso = day.isoformat()
        in_break = any(b["start"] <= 660 < b["end"] for b in calendar.get("breaks", []))
        if hours and hours[0] <= 660 < hours[1] and not in_break and iso not in calendar.get("holidays", {}) \
                and iso not in calendar.get("closed", {}):
            return datetime.datetime.combine(day, datetime.time(11), SEOUL)
        day += datetime.timedelta(days=1)


def korean_left(text: str, allowed: list[str] = ()) -> list[str]:
    """The Hangul words of `text` once the config values in `allowed` are taken out."""
    for value in sorted(allowed, key=len, reverse=True):
        text = text.replace(value, " ")
    return [word for word in text.split() if HANGUL.search(word)]


def test_launcher_states_hours_and_answers_in_english(new_page: Callable[..., Any], english: tuple[Path, str, str],
                                                      site: dict[str, Any]) -> None:
    moment = working_morning(site["support"]["calendar"])
    page = new_page(**DESKTOP, timezone_id="Europe/Berlin")
    page.set_default_timeout(15_000)
    page.clock.set_fixed_time(moment)
    page.goto(english[1])
    page.locator("button.doum-launcher").click()
    title = page.locator("[data-doum-agent-title]")
    detail = page.locator("[data-doum-agent-detail]")
    assert title.inner_text() == "Agents available"
    # Korea time first, the visitor's own clock (Berlin, 8 hours behind in December) after it.
    assert re.fullmatch(r"Until \d\d:\d\d Korea time \(your time \d\d:\d\d\)", detail.inner_text()), \
        detail.inner_text()
    page.locator("#doum-question").fill("zzqqxx")
    status = page.locator("#doum-bot-status")
    page.wait_for_function("document.querySelector('#doum-bot-status').textContent.length > 0")
    assert status.inner_text().startswith("No matching answers")
    page.locator("[data-doum-escalate]").click()
    notes = page.locator(".doum-option__note[id^=doum-agent-reason], .doum-option__note[id^=doum-channel-]")
    channels = site["support"]["channels"]
    for note in notes.all():
        text = note.inner_text()
        assert not korean_left(text, [c.get("hours_text", "") for c in channels]), text


def test_contact_checklist_messages_in_english(new_page: Callable[..., Any], english: tuple[Path, str, str],
                                               site: dict[str, Any]) -> None:
    page = new_page(**DESKTOP)
    page.set_default_timeout(15_000)
    page.goto(english[2] + site["contact"]["url"])  # relative to the site's root
    page.locator("#contact-os").select_option("")  # the device guess would fill it
    page.locator("#contact-send").click()
    summary = page.locator("#contact-error-summary")
    summary.wait_for(state="visible")
    messages = [link.inner_text() for link in summary.locator("a").all()]
    assert "Choose the service your question is about." in messages
    assert "Choose your device's OS." in messages
    for message in messages:
        assert not HANGUL.search(message), message
    error = page.locator("#contact-email-error")
    assert error.text_content().startswith("Error: Enter ")  # the visually hidden prefix, read first
    counter = page.locator("#contact-description-counter")
    assert re.search(r"About [\d,]+ more characters", counter.inner_text()), counter.inner_text()
    page.locator("#contact-summary").fill("zzqqxx refund")
    page.locator("#contact-clear").click()
    assert page.locator("#contact-status").inner_text().startswith("Draft cleared.")


def test_search_empty_state_in_english(new_page: Callable[..., Any], english: tuple[Path, str, str],
                                       site: dict[str, Any]) -> None:
    page = new_page(**DESKTOP)
    page.set_default_timeout(15_000)
    page.goto(english[1])
    box = page.locator("[data-md-component=search-query]")
    box.focus()
    box.fill("zzqqxx")
    box.press("End")
    panel = page.locator(".doum-search-empty")
    panel.wait_for(state="visible")
    if site["search"]["popular_keywords"]:
        assert panel.locator(".doum-search-empty__heading").inner_text() == "Try searching for"
    contact = panel.locator(".doum-search-empty__contact")
    assert contact.inner_text().startswith("Can't find what you need? Let us know through the contact form.")
    assert contact.locator("a").inner_text() == "contact form"
    support = site["support"]
    config_values = [*site["search"]["popular_keywords"], support.get("hours_label", ""), support.get("hours_text", "")]
    assert not korean_left(panel.inner_text(), config_values), panel.inner_text()
