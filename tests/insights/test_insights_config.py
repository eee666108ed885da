"""The `insights:` options: off by default, the endpoint checked like every URL doum calls,
sample_rate between 0 and 1, the consent (retention required with an endpoint), and the site
data the browser and the contact page read."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import mkdocs_build, site_data, write_project
from doum.config import DoumConfig, InsightsConfig
from doum.insights import settings
from doum.site import headers


def insights(**values: object) -> tuple[InsightsConfig, list, list]:
    config = InsightsConfig()
    config.load_dict(values)
    errors, warnings = config.validate()
    return config, errors, warnings


def test_off_by_default() -> None:
    config, errors, _ = insights()
    assert errors == []
    assert config.endpoint == "" and config.sample_rate == 1.0 and config.respect_do_not_track is True
    assert settings.site_data(config) is None
    doum = DoumConfig()
    doum.load_dict({})
    assert doum.validate()[0] == []
    assert settings.site_data(doum.insights) is None
    assert headers.sources(doum).connect == []


@pytest.mark.parametrize("endpoint", ["http://events.example.com/e", "javascript:alert(1)", "ftp://x.example/",
                                      "https://ex ample.com/", "/relative", "mailto:a@example.com"])
def test_bad_endpoints_stop_the_build(endpoint: str) -> None:
    _, errors, _ = insights(endpoint=endpoint)
    assert errors and errors[0][0] == "endpoint"


RETENTION = {"retention": "수집한 날부터 6개월"}


@pytest.mark.parametrize("rate", [-0.1, 1.5, "half", True])
def test_bad_sample_rates(rate: object) -> None:
    _, errors, _ = insights(endpoint="https://events.example.com/e", sample_rate=rate, consent=RETENTION)
    assert errors and errors[0][0] == "sample_rate"


def test_site_data_and_notice() -> None:
    config, errors, _ = insights(endpoint="https://events.example.com/doum?k=1", sample_rate=0.25,
                                 respect_do_not_track=False, consent=RETENTION)
    assert errors == []
    data = settings.site_data(config)
    assert data["endpoint"] == "https://events.example.com/doum?k=1"
    assert data["sample_rate"] == 0.25 and data["respect_do_not_track"] is False
    notice = data["notice"]
    assert notice["sample_percent"] == 25 and notice["respects_do_not_track"] is False
    consent = data["consent"]
    assert consent["receiver"] == "https://events.example.com"
    assert consent["retention"] == "수집한 날부터 6개월" and consent["purpose"]
    assert any("검색" in item for item in consent["items"]), "the default items say what an event holds"
    local, errors, _ = insights(endpoint="http://127.0.0.1:9999/e", consent=RETENTION)
    assert errors == [] and settings.site_data(local)["endpoint"] == "http://127.0.0.1:9999/e"


def test_retention_is_required_with_an_endpoint_and_named_in_the_error() -> None:
    _, errors, _ = insights(endpoint="https://events.example.com/e")
    assert [key for key, _ in errors] == ["consent"]
    assert "insights.consent.retention" in str(errors[0][1]) and "insights.endpoint" in str(errors[0][1])
    _, errors, _ = insights(endpoint="https://events.example.com/e", consent={"retention": "   "})
    assert "insights.consent.retention" in str(errors[0][1])
    _, errors, _ = insights(consent={"items": ["검색어"]})
    assert errors == [], "no endpoint: nothing is asked, nothing is required"
    doum = DoumConfig()
    doum.load_dict({"insights": {"endpoint": "https://events.example.com/e"}})
    errors = doum.validate()[0]
    assert errors and errors[0][0] == "insights" and "insights.consent.retention" in str(errors[0][1])


@pytest.mark.parametrize(("consent", "key"), [
    ({"items": []}, "insights.consent.items"),
    ({"items": ["검색어", " "]}, "insights.consent.items"),
    ({"purpose": ""}, "insights.consent.purpose"),
])
def test_empty_consent_text_is_named(consent: dict, key: str) -> None:
    _, errors, _ = insights(endpoint="https://events.example.com/e", consent={**RETENTION, **consent})
    assert errors and errors[0][0] == "consent" and key in str(errors[0][1])


def test_the_consent_version_follows_its_text() -> None:
    def version(**consent: object) -> str:
        config, errors, _ = insights(endpoint="https://events.example.com/e", consent={**RETENTION, **consent})
        assert errors == []
        return settings.site_data(config)["consent"]["version"]

    first = version()
    assert first == version(), "the same text: the same version (a visitor's choice holds)"
    assert len({first, version(retention="1년"), version(purpose="다른 목적"), version(items=["검색어"])}) == 4


class Notice(HTMLParser):
    """The /contact/ privacy notice's insights part (`li[data-doum-insights-notice]`): its text,
    and its items (`ul[data-doum-insights-items]`), as text."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[str] = []
        self.text = ""
        self.notice = 0  # open <li>s inside the notice (0: outside)
        self.listing = 0  # open <ul>s inside the items list (0: outside)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        names = {name for name, _ in attrs}
        if self.notice:
            self.notice += tag == "li"
        elif tag == "li" and "data-doum-insights-notice" in names:
            self.notice = 1
        if self.listing:
            self.listing += tag == "ul"
            if tag == "li":
                self.items.append("")
        elif tag == "ul" and "data-doum-insights-items" in names:
            self.listing = 1

    def handle_endtag(self, tag: str) -> None:
        if self.listing and tag == "ul":
            self.listing -= 1
        if self.notice and tag == "li":
            self.notice -= 1

    def handle_data(self, data: str) -> None:
        if self.listing and self.items:
            self.items[-1] += data
        if self.notice:
            self.text += data


def contact_notice(site: Path) -> Notice:
    parser = Notice()
    parser.feed((site / "contact" / "index.html").read_text(encoding="utf-8"))
    return parser


def test_a_site_with_insights_lists_the_receiver_in_connect_src(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", {"a/q.md": "---\ntitle: 질문\n---\n\n답이에요.\n"})
    yml = project / "mkdocs.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace(
        "  - doum\n", "  - doum:\n      insights:\n        endpoint: https://events.example.com/doum\n"
        "        consent:\n          items: [\"검색어 <b>(가린 뒤)</b>\", 보고 있던 페이지]\n"
        "          retention: 수집한 날부터 6개월\n"),
        encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site", "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    policy = headers.parse((tmp_path / "site" / "_headers").read_text(encoding="utf-8"))["/*"]
    assert "https://events.example.com" in policy["Content-Security-Policy"]
    page = (tmp_path / "site" / "contact" / "index.html").read_text(encoding="utf-8")
    data = site_data(page)
    assert data["insights"]["endpoint"] == "https://events.example.com/doum"
    # the consent notice's words come with insights on (strings.FEATURE_STRINGS)
    assert data["strings"]["consent"]["title"]
    assert "data-doum-insights-notice" in page
    notice = contact_notice(tmp_path / "site")
    assert notice.items == ["검색어 <b>(가린 뒤)</b>", "보고 있던 페이지"], "exactly the configured items, as text"
    assert "수집한 날부터 6개월" in notice.text


def test_without_insights_the_notice_says_nothing_of_them(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", {"a/q.md": "---\ntitle: 질문\n---\n\n답이에요.\n"})
    result = mkdocs_build(project, tmp_path / "site", "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    page = (tmp_path / "site" / "contact" / "index.html").read_text(encoding="utf-8")
    assert "data-doum-insights-notice" not in page and "data-doum-consent-change" not in page
    data = site_data(page)
    assert data["insights"] is None
    assert "consent" not in data["strings"], "no notice is drawn: its words stay out of every page"
    assert "방문 통계는" in page


def test_a_build_without_retention_stops_and_names_the_key(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", {"a/q.md": "---\ntitle: 질문\n---\n\n답이에요.\n"})
    yml = project / "mkdocs.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace(
        "  - doum\n", "  - doum:\n      insights:\n        endpoint: https://events.example.com/doum\n"),
        encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site", "--strict")
    assert result.returncode != 0
    assert "insights.consent.retention" in result.stdout + result.stderr
