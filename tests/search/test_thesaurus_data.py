"""The built-in Korean thesaurus is well-formed data: known domains, real groups, no stray words."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from doum.search import korean

ROOT = Path(__file__).resolve().parents[2]
THESAURUS = ROOT / "src" / "doum" / "search" / "thesaurus.ko.json"

DOMAINS = {
    "account",
    "password",
    "verification",
    "device",
    "app",
    "error",
    "payment",
    "refund",
    "subscription",
    "receipt",
    "benefit",
    "order",
    "delivery",
    "notification",
    "privacy",
    "messaging",
    "media",
    "profile",
    "support",
    "membership",
    "review",
    "reservation",
    "banking",
    "general",
    "time",
}


@pytest.fixture(scope="module")
def thesaurus() -> dict:
    return json.loads(THESAURUS.read_text(encoding="utf-8"))


def test_header(thesaurus: dict) -> None:
    assert thesaurus["version"] == 1
    assert isinstance(thesaurus["about"], str) and thesaurus["about"].strip()
    assert isinstance(thesaurus["groups"], list)


def test_enough_groups(thesaurus: dict) -> None:
    assert len(thesaurus["groups"]) >= 300


def test_groups_are_well_formed(thesaurus: dict) -> None:
    problems = []
    for number, group in enumerate(thesaurus["groups"]):
        if set(group) != {"domain", "words"}:
            problems.append(f"group {number}: keys {sorted(group)}")
            continue
        if group["domain"] not in DOMAINS:
            problems.append(f"group {number}: unknown domain {group['domain']!r}")
        words = group["words"]
        if not isinstance(words, list) or len(words) < 2:
            problems.append(f"group {number}: fewer than two words: {words!r}")
            continue
        for word in words:
            if not isinstance(word, str) or not word.strip() or word != word.strip():
                problems.append(f"group {number}: bad word {word!r}")
        folded = Counter(word.casefold() for word in words if isinstance(word, str))
        repeated = sorted(word for word, count in folded.items() if count > 1)
        if repeated:
            problems.append(f"group {number} ({words[0]}): repeated {repeated}")
    assert not problems, "\n".join(problems)


def test_a_word_is_in_at_most_two_groups(thesaurus: dict) -> None:
    groups_of: dict[str, list[str]] = {}
    for group in thesaurus["groups"]:
        for word in {word.casefold() for word in group["words"]}:
            groups_of.setdefault(word, []).append(group["words"][0])
    crowded = {word: firsts for word, firsts in groups_of.items() if len(firsts) > 2}
    assert not crowded, crowded


def test_no_word_of_a_group_reads_as_plain_사용(thesaurus: dict) -> None:
    """사용기한 (a deadline) reads as 사용 (use): the analyzer takes its 기 and 한 for endings. In a
    group it made 사용 a synonym of 유효기간 and 기한, so every query with 사용 searched for expiry
    dates; the group keeps the spaced 사용 기한, which reads as both words."""
    plain = [word for group in thesaurus["groups"] for word in group["words"] if korean.tokens(word) == ["사용"]]
    assert not plain
