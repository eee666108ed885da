"""Support calendar at build time: holidays, closures, the span warning and config errors."""

from __future__ import annotations

import datetime
import json
import logging
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from doum.support import calendar
from doum.config import SupportConfig

# Shared with tests/support/calendar.test.mjs so both sides test the same calendar.
JS_FIXTURE = Path(__file__).parent / "fixtures" / "support-calendar.json"
FIXTURE_TODAY = datetime.date(2026, 6, 1)
FIXTURE_OPTIONS = {"closed": [{"date": "2026-12-31", "name": "연말 휴무"}]}


def support(**options: Any) -> SupportConfig:
    config = SupportConfig()
    config.load_dict(options)
    errors, _ = config.validate()
    assert not errors, errors
    return config


def fixture_calendar() -> dict[str, Any]:
    return calendar.build(support(**FIXTURE_OPTIONS), FIXTURE_TODAY)


def test_js_fixture_is_what_python_builds() -> None:
    assert json.loads(JS_FIXTURE.read_text(encoding="utf-8")) == fixture_calendar(), (
        "tests/support/fixtures/support-calendar.json is stale: run `.venv/bin/python tests/support/test_calendar.py`"
    )


def test_default_calendar_shape() -> None:
    built = calendar.build(support(), FIXTURE_TODAY)
    assert built["timezone"] == "Asia/Seoul"
    assert built["hours"] == {d: [600, 1110] for d in ("mon", "tue", "wed", "thu", "fri")}
    assert built["breaks"] == [{"start": 720, "end": 780, "label": "점심시간"}]
    assert built["span"] == {"start": "2025-01-01", "end": "2028-12-31"}
    assert built["closed"] == {}
    json.dumps(built)  # the browser gets it as JSON


@pytest.mark.parametrize(("day", "name"), [
    ("2025-01-28", "설날 전날"), ("2025-01-29", "설날"), ("2025-01-30", "설날 다음날"),
    ("2026-02-16", "설날 전날"), ("2026-02-17", "설날"), ("2026-02-18", "설날 다음날"),
    ("2025-10-06", "추석"), ("2025-10-08", "추석 대체 휴일"),  # 추석 전날 fell on a Sunday
    ("2026-09-25", "추석"), ("2026-03-02", "삼일절 대체 휴일"), ("2026-08-17", "광복절 대체 휴일"),
    ("2027-02-07", "설날"), ("2027-02-09", "설날 대체 휴일"), ("2028-12-25", "기독탄신일"),
])
def test_korean_public_holidays_with_lunar_and_substitute_days(day: str, name: str) -> None:
    holidays = calendar.build(support(), FIXTURE_TODAY)["holidays"]
    assert holidays[day] == name


def test_two_holidays_on_one_day_read_as_one_name() -> None:
    assert calendar.build(support(), FIXTURE_TODAY)["holidays"]["2025-05-05"] == "부처님오신날 · 어린이날"


def test_span_follows_holiday_years() -> None:
    built = calendar.build(support(holiday_years=[0, 0]), datetime.date(2026, 3, 1))
    assert built["span"] == {"start": "2026-01-01", "end": "2026-12-31"}
    assert min(built["holidays"]) >= "2026-01-01" and max(built["holidays"]) <= "2026-12-31"


def test_holidays_can_be_turned_off() -> None:
    assert calendar.build(support(holidays=""), FIXTURE_TODAY)["holidays"] == {}


def test_extra_closed_dates_accept_strings_dates_and_names() -> None:
    built = calendar.build(support(closed=[
        "2026-12-31", datetime.date(2027, 1, 2), {"date": datetime.date(2026, 12, 30), "name": "창립기념일"},
    ]), FIXTURE_TODAY)
    assert built["closed"] == {"2026-12-30": "창립기념일", "2026-12-31": "휴무", "2027-01-02": "휴무"}


def test_span_warning_within_60_days(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.doum"):
        calendar.build(support(holiday_years=[-1, 0]), datetime.date(2026, 11, 2))  # 59 days left
    assert any("2026-12-31" in r.getMessage() and r.levelno == logging.WARNING for r in caplog.records)


def test_no_span_warning_with_time_left(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.doum"):
        calendar.build(support(holiday_years=[-1, 0]), datetime.date(2026, 11, 1))  # 60 days left
        calendar.build(support(), datetime.date(2026, 12, 31))
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_sample_channels_are_noted_without_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.doum"):
        calendar.build(support(chat_url="https://example.com/chat", email="help@example.com"), FIXTURE_TODAY)
    levels = [r.levelno for r in caplog.records if "sample" in r.getMessage()]
    assert levels == [logging.INFO]


@pytest.mark.parametrize(("options", "key", "hint"), [
    ({"hours": {"mon": "10-18"}}, "hours → mon", "HH:MM-HH:MM"),
    ({"hours": {"mon": "18:30-10:00"}}, "hours → mon", "ends before it starts"),
    ({"hours": {"mon": "10:00-25:00"}}, "hours → mon", "impossible time"),
    ({"hours": {"monday": "10:00-18:30"}}, "hours → monday", "mon, tue, wed"),
    ({"breaks": ["noon"]}, "breaks[0]", "HH:MM-HH:MM"),
    ({"closed": ["2026-13-01"]}, "closed[0]", "YYYY-MM-DD"),
    ({"closed": [{"day": "2026-12-31"}]}, "closed[0]", "{date: 2026-12-31, name: 연말 휴무}"),
    ({"timezone": "Seoul"}, "timezone", "Asia/Seoul"),
    ({"holidays": "XX"}, "holidays", "ISO country code"),
    ({"holiday_years": [2, -1]}, "holiday_years", "[-1, 2]"),
])
def test_bad_values_name_the_file_key_and_fix(options: dict[str, Any], key: str, hint: str) -> None:
    with pytest.raises(calendar.SupportConfigError) as error:
        calendar.build(support(**options), FIXTURE_TODAY)
    message = str(error.value)
    assert f"mkdocs.yml: plugins → doum → support → {key}:" in message
    assert hint in message


@pytest.mark.parametrize(("options", "expected"), [
    ({}, "평일 10:00~18:30 · 점심시간 12:00~13:00 · 주말·공휴일 휴무"),
    ({"hours": {d: "09:00-18:00" for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")},
      "breaks": [], "holidays": ""}, "매일 09:00~18:00"),
    ({"hours": {"mon": "09:00-18:00", "tue": "09:00-18:00", "wed": "09:00-18:00", "sat": "10:00-14:00"},
      "breaks": ["12:30-13:30", "16:00-16:15"]},
     "월~수 09:00~18:00 · 토요일 10:00~14:00 · 점심시간 12:30~13:30 · 휴게시간 16:00~16:15 · 목·금·일·공휴일 휴무"),
])
def test_hours_text(options: dict[str, Any], expected: str) -> None:
    built = calendar.build(support(**options), datetime.date(2026, 6, 1))
    assert calendar.hours_text(built) == expected


def test_bad_support_value_stops_a_real_build(tmp_path: Path) -> None:
    from conftest import mkdocs_build

    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "index.md").write_text("---\ntitle: 도움말\n---\n\n안녕하세요.\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        "site_name: 테스트\ntheme:\n  name: material\n  language: ko\n"
        "plugins:\n  - search\n  - doum:\n      support:\n        hours: {mon: '10:00~18:30'}\n",
        encoding="utf-8",
    )
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "mkdocs.yml: plugins → doum → support → hours → mon: '10:00~18:30' is not a time range" in output
    assert not (tmp_path / "site" / "index.html").exists()


def test_default_site_embeds_calendar_and_hours(default_site: Path) -> None:
    html = (default_site / "index.html").read_text(encoding="utf-8")
    start = html.index('<script type="application/json" id="doum-site">') + len(
        '<script type="application/json" id="doum-site">')
    site = json.loads(html[start:html.index("</script>", start)])
    support_data = site["support"]
    assert support_data["calendar"]["holidays"]
    assert support_data["hours_text"] == "평일 10:00~18:30 · 점심시간 12:00~13:00 · 주말·공휴일 휴무"
    assert support_data["chat_url"] and support_data["email"]


if __name__ == "__main__":  # regenerate the JS fixture after changing calendar.py
    JS_FIXTURE.write_text(json.dumps(fixture_calendar(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {JS_FIXTURE}", file=sys.stderr)
