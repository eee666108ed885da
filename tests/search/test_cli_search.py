"""`doum search` on the built default site: the command a support author runs in a terminal."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def doum(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "doum.cli", "search", *args],
                          capture_output=True, text=True)


def test_json_results_rank_the_right_page_first(default_site: Path) -> None:
    result = doum("비밀번호를 잊어버렸어요", "--site", str(default_site), "--json", "--limit", "3")
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    assert len(hits) == 3
    assert hits[0]["location"] == "account/reset-password/"
    assert set(hits[0]) == {"title", "location", "summary", "score", "approximate"}
    assert hits[0]["approximate"] is False
    assert hits[0]["score"] >= hits[1]["score"] >= hits[2]["score"]


def test_text_output_lists_titles(default_site: Path) -> None:
    result = doum("ㅌㅌ", "--site", str(default_site), "--limit", "1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("1. 카카오톡을 탈퇴하고 싶어요")


def test_nothing_found_is_said_plainly(default_site: Path) -> None:
    result = doum("+-~^:*", "--site", str(default_site))
    assert result.returncode == 0
    assert "검색 결과가 없어요" in result.stdout


def test_missing_site_explains_how_to_fix(tmp_path: Path) -> None:
    result = doum("탈퇴", "--site", str(tmp_path))
    assert result.returncode == 2
    assert "search/doum.json" in result.stderr and "Build the site first" in result.stderr


def test_limit_must_be_positive(default_site: Path) -> None:
    result = doum("탈퇴", "--site", str(default_site), "--limit", "0")
    assert result.returncode == 2
    assert "--limit" in result.stderr
