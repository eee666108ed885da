"""URLs and addresses from mkdocs.yml are checked at build time (the error names the key), and
the generated `_headers` carries the CSP, the other security headers and the caching rules."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.config.base import ValidationError
from mkdocs.exceptions import Abort

from conftest import mkdocs_build, write_project
from doum.config_types import EmailAddress, SafeURL, check_url
from doum.site import headers

GOOD_URLS = ["https://example.com/chat", "https://pf.kakao.com/_abc/chat", "mailto:help@example.com",
             "tel:+82-2-1234-5678", "http://localhost:8000/chat", "http://127.0.0.1/chat", ""]
BAD_URLS = ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
            "data:text/html,<script>alert(1)</script>", "http://example.com/chat", "//example.com/chat",
            "/contact/", "https://x\"><img src=x onerror=alert(1)>", "vbscript:msgbox(1)",
            "mailto:a@b.com,c@d.com", "https://", "tel:javascript:alert(1)"]
GOOD_EMAILS = ["help@example.com", "cs.team+ko@help.example.co.kr", ""]
BAD_EMAILS = ["고객센터 <help@example.com>", "a@b.com?bcc=c@d.com", "a@b.com,c@d.com",
              "a@b.com c@d.com", "mailto:help@example.com", "help", "help@localhost",
              '"><img src=x onerror=alert(1)>@x.com', "a@b.com\nBcc: c@d.com"]


@pytest.mark.parametrize("value", GOOD_URLS)
def test_safe_urls_pass(value: str) -> None:
    assert SafeURL().validate(value) == value


@pytest.mark.parametrize("value", BAD_URLS)
def test_unsafe_urls_fail_with_a_fix(value: str) -> None:
    with pytest.raises(ValidationError, match=r"https:|%20|tel:|help@example.com"):
        SafeURL().validate(value)


def test_a_feature_can_ask_for_https_only() -> None:
    with pytest.raises(ValidationError):
        check_url("mailto:help@example.com", ("https",))
    assert SafeURL(schemes=("https",)).validate("https://hooks.example.com/in") == "https://hooks.example.com/in"


@pytest.mark.parametrize("value", GOOD_EMAILS)
def test_plain_addresses_pass(value: str) -> None:
    assert EmailAddress().validate(value) == value


@pytest.mark.parametrize("value", BAD_EMAILS)
def test_anything_but_one_plain_address_fails(value: str) -> None:
    with pytest.raises(ValidationError, match="help@example.com"):
        EmailAddress().validate(value)


SUPPORT = """\
site_name: 테스트 도움말
theme:
  name: material
  language: ko
plugins:
  - search
  - doum:
      support:
        {key}: '{value}'
"""


CASES = [
    ("chat_url", "javascript:alert(1)"),
    ("chat_url", "http://example.com/chat"),
    ("email", "a@b.com?bcc=c@d.com"),
    ("email", "고객센터 <help@example.com>"),
]


def project_with(tmp_path: Path, key: str, value: str) -> Path:
    project = write_project(tmp_path / "project", {"account/a.md": "---\ntitle: 질문\n---\n답\n"})
    (project / "mkdocs.yml").write_text(SUPPORT.format(key=key, value=value), encoding="utf-8")
    return project


def test_the_build_fails_naming_the_key(tmp_path: Path) -> None:
    """The real `mkdocs build` stops before writing anything, with the key and the fix."""
    project = project_with(tmp_path, "chat_url", "javascript:alert(1)")
    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Plugin 'doum' option 'support'" in output and "Sub-option 'chat_url'" in output, output
    assert "https:" in output and "Traceback" not in output
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize(("key", "value"), CASES)
def test_the_config_is_refused_naming_the_key(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, key: str, value: str
) -> None:
    """What the build reads first (MkDocs' config loading), in-process for speed."""
    project = project_with(tmp_path, key, value)
    with pytest.raises(Abort):
        load_config(str(project / "mkdocs.yml"))
    logged = caplog.text
    assert "Plugin 'doum' option 'support'" in logged and f"Sub-option '{key}'" in logged, logged
    assert value in logged and ("https:" in logged or "help@example.com" in logged)


class Options:
    """The parts of the doum config the header generator reads."""

    def __init__(self, endpoint: str = "") -> None:
        self.contact = {"endpoint": endpoint}


def test_headers_allow_configured_origins_exactly() -> None:
    found = headers.sources(Options("https://hooks.example.com/inquiries?key=1"),
                            extra_connect=["https://insights.example.net/e"],
                            frame_ancestors=["https://shop.example.com/page"],
                            cors=["https://shop.example.com"])
    assert found.connect == ["https://hooks.example.com", "https://insights.example.net"]
    policy = headers.content_security_policy(found)
    assert "connect-src 'self' https://hooks.example.com https://insights.example.net;" in policy
    assert policy.endswith("frame-ancestors https://shop.example.com")
    rules = headers.parse(headers.render(found))
    assert "X-Frame-Options" not in rules["/*"]  # framing by the listed site is allowed
    assert rules["/assets/doum/*"]["Access-Control-Allow-Origin"] == "https://shop.example.com"


def test_default_site_headers_parse_with_csp_and_caching(default_site: Path) -> None:
    rules = headers.parse((default_site / "_headers").read_text(encoding="utf-8"))
    every = rules["/*"]
    policy = dict(part.strip().split(" ", 1) for part in every["Content-Security-Policy"].split(";"))
    assert policy["default-src"] == "'self'" and policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'" and policy["object-src"] == "'none'"
    assert policy["connect-src"] == "'self'" and policy["frame-ancestors"] == "'none'"
    assert "unsafe" not in every["Content-Security-Policy"] and "sha256" not in every["Content-Security-Policy"]
    assert every["X-Content-Type-Options"] == "nosniff" and every["X-Frame-Options"] == "DENY"
    assert "Cache-Control" not in every  # hosts combine matching rules: caching stays per kind
    assert rules["/assets/doum/*"]["Cache-Control"] == headers.SHORT_CACHE
    assert rules["/search/doum.json"]["Cache-Control"] == headers.SHORT_CACHE  # the index's manifest
    assert rules["/status.json"]["Cache-Control"] == headers.SHORT_CACHE  # notices reach visitors at once
    long = [path for path, values in rules.items() if values.get("Cache-Control") == headers.LONG_CACHE]
    assert any(p.startswith("/assets/javascripts/bundle.") for p in long)
    assert any(p.startswith("/assets/stylesheets/main.") for p in long)
    for path in long:  # every long-cached name exists and carries its content hash
        assert (default_site / path.lstrip("/")).is_file(), path
        assert headers.HASHED_NAME.search(path), path
    assert not any("/assets/doum/" in p for p in long)
    assert len(rules) <= 100  # Cloudflare Pages reads at most 100 rules


def test_the_contact_endpoint_from_mkdocs_yml_reaches_connect_src(tmp_path: Path) -> None:
    project = write_project(tmp_path / "project", {"account/a.md": "---\ntitle: 질문\n---\n답\n"})
    (project / "mkdocs.yml").write_text(
        "site_name: t\ntheme: {name: material, language: ko}\nplugins:\n  - search\n"
        "  - doum:\n      contact:\n        endpoint: https://hooks.example.com/inq?x=1\n",
        encoding="utf-8")
    config = load_config(str(project / "mkdocs.yml"))
    found = headers.sources(config.plugins["doum"].config)
    assert "connect-src 'self' https://hooks.example.com;" in headers.content_security_policy(found)
