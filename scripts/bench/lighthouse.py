"""Lighthouse mobile scores (median of several runs) with Debian's Chromium.

`npx --yes lighthouse@12.2.3` (12.2.3 is the last release that runs on Node 20; newer ones need
Node 22). When Node, npx or the npm registry is missing, the run is skipped with a note and the
report says why — the rest of the benchmark does not depend on it.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
from dataclasses import dataclass, field

from bench import browser

PACKAGE = "lighthouse@12.2.3"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time")
RUN_TIMEOUT_S = 240


@dataclass
class Scores:
    """Medians over the runs: scores 0–100, metrics in ms."""

    runs: int
    scores: dict[str, float] = field(default_factory=dict)
    metrics: dict[str, float] = field(default_factory=dict)
    each: list[dict[str, float]] = field(default_factory=list)  # every run's scores, as run
    error: str = ""


def _command() -> list[str]:
    return ["npx", "--yes", PACKAGE]


def unavailable() -> str:
    """Why Lighthouse cannot run here ("" when it can): fetched once through npx."""
    if not shutil.which("npx"):
        return "npx (Node.js) is not installed"
    try:
        result = subprocess.run([*_command(), "--version"], capture_output=True, text=True,
                                timeout=600)
    except subprocess.TimeoutExpired:
        return f"`npx --yes {PACKAGE}` did not answer in 10 minutes (registry unreachable?)"
    if result.returncode != 0:
        tail = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["?"]
        return f"`npx --yes {PACKAGE} --version` failed: {tail[0]}"
    return ""


def run_once(url: str) -> dict[str, float]:
    """One mobile run (Lighthouse's default form factor and simulated throttling)."""
    env = {**os.environ, "CHROME_PATH": browser.CHROMIUM}
    command = [*_command(), url, "--output=json", "--output-path=stdout", "--quiet",
               f"--only-categories={','.join(CATEGORIES)}",
               "--chrome-flags=--headless=new --no-sandbox --disable-gpu"]
    result = subprocess.run(command, capture_output=True, text=True, env=env,
                            timeout=RUN_TIMEOUT_S)
    if result.returncode != 0:
        raise RuntimeError((result.stderr.strip().splitlines() or ["lighthouse failed"])[-1])
    report = json.loads(result.stdout)
    if report.get("runtimeError"):
        raise RuntimeError(report["runtimeError"].get("message", "runtime error"))
    figures = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    figures |= {name: report["audits"][name]["numericValue"] for name in METRICS}
    return figures


def scores(url: str, runs: int) -> Scores:
    """Median of `runs` runs; a failed run ends the series with its error."""
    result = Scores(runs)
    try:
        for _ in range(runs):
            result.each.append(run_once(url))
    except (RuntimeError, subprocess.TimeoutExpired, json.JSONDecodeError, KeyError,
            TypeError) as error:
        result.error = f"lighthouse: {str(error) or type(error).__name__}"
    if result.each:
        result.scores = {n: statistics.median(r[n] for r in result.each) for n in CATEGORIES}
        result.metrics = {n: statistics.median(r[n] for r in result.each) for n in METRICS}
    return result
