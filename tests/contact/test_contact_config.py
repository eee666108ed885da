"""`contact:` options read back typed: per-platform mailto limits and the endpoint check."""

from __future__ import annotations

from typing import Any

import pytest

from doum.config import ContactConfig


def load(options: dict[str, Any]) -> tuple[ContactConfig, list[str]]:
    config = ContactConfig()
    config.load_dict(options)
    errors, _ = config.validate()
    return config, [str(error) for _, error in errors]


@pytest.mark.parametrize(("given", "expected"), [
    (None, {"desktop": 1800, "mobile": 30000}),
    (900, {"desktop": 900, "mobile": 900}),  # a plain number keeps working: the same everywhere
    ({"desktop": 1500}, {"desktop": 1500, "mobile": 30000}),
    ({"desktop": 2000, "mobile": 100000}, {"desktop": 2000, "mobile": 100000}),
])
def test_mailto_limit_is_read_per_platform(given: Any, expected: dict[str, int]) -> None:
    config, errors = load({} if given is None else {"mailto_limit": given})
    assert errors == [] and config.mailto_limit == expected


@pytest.mark.parametrize("given", [{"tablet": 5000}, "1800", True, {"desktop": 50}, {"mobile": 1.5}])
def test_a_bad_mailto_limit_names_the_key(given: Any) -> None:
    _, errors = load({"mailto_limit": given})
    assert len(errors) == 1 and errors[0].startswith("contact.mailto_limit")


@pytest.mark.parametrize("endpoint", [
    "https://inquiries.example.workers.dev/", "https://script.google.com/macros/s/AKfy/exec",
    "http://127.0.0.1:8787/inquiries", "http://localhost:8787/", "",
])
def test_https_endpoints_and_local_receivers_are_accepted(endpoint: str) -> None:
    config, errors = load({"endpoint": endpoint})
    assert errors == [] and config.endpoint == endpoint


@pytest.mark.parametrize("endpoint", [
    "http://example.com/x", "http://127.0.0.2/x", "ftp://example.com/", "javascript:alert(1)",
    "//example.com/x", "https://", "https://user:pass@example.com/", "https://exa mple.com/",
    "https://example.com:port/", 42,
])
def test_other_endpoints_fail_naming_the_key(endpoint: Any) -> None:
    _, errors = load({"endpoint": endpoint})
    assert len(errors) == 1 and errors[0].startswith("contact.endpoint:") and "https://" in errors[0]


def test_consent_defaults_state_purpose_and_retention() -> None:
    config, errors = load({"consent": {"retention": "1년"}})
    assert errors == [] and config.consent.retention == "1년" and config.consent.purpose
