"""The `insights:` options: off by default, the endpoint checked like every URL doum calls,
sample_rate between 0 and 1, and the site data the browser and the contact page read."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, write_project, mkdocs_build
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


@pytest.mark.parametrize("rate", [-0.1, 1.5, "half", True])
def test_bad_sample_rates(rate: object) -> None:
    _, errors, _ = insights(endpoint="https://events.example.com/e", sample_rate=rate)
    assert errors and errors[0][0] == "sample_rate"


def test_site_data_and_notice() -> None:
    config, errors, _ = insights(endpoint="https://events.example.com/doum?k=1", sample_rate=0.25,
                                 respect_do_not_track=False)
    assert errors == []
    data = settings.site_data(config)
    assert data["endpoint"] == "https://events.example.com/doum?k=1"
    assert data["sample_rate"] == 0.25 and data["respect_do_not_track"] is False
    notice = data["notice"]
    assert notice["receiver"] == "https://events.example.com"
    assert notice["sample_percent"] == 25 and notice["respects_do_not_track"] is False
    assert any("검색" in item for item in notice["collected"])
    local, errors, _ = insights(endpoint="http://127.0.0.1:9999/e")
    assert errors == [] and settings.site_data(local)["endpoint"] == "http://127.0.0.1:9999/e"


def test_a_site_with_insights_lists_the_receiver_in_connect_src(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", {"a/q.md": "---\ntitle: 질문\n---\n\n답이에요.\n"})
    yml = project / "mkdocs.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace(
        "  - doum\n", "  - doum:\n      insights:\n        endpoint: https://events.example.com/doum\n"),
        encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site", "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    policy = headers.parse((tmp_path / "site" / "_headers").read_text(encoding="utf-8"))["/*"]
    assert "https://events.example.com" in policy["Content-Security-Policy"]
    page = (tmp_path / "site" / "contact" / "index.html").read_text(encoding="utf-8")
    assert '"endpoint": "https://events.example.com/doum"' in page
    assert "data-doum-insights-notice" in page
