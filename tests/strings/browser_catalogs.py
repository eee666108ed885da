"""Print the `browser` area of every language's string catalog as one JSON object, {language: area},
for node:test (tests/strings/catalog.mjs). Read with PyYAML, as the build reads the catalogs."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

CATALOGS = Path(__file__).resolve().parents[2] / "src/doum/site/strings"


def browser_catalogs() -> dict[str, object]:
    return {path.parent.name: yaml.safe_load(path.read_text(encoding="utf-8"))
            for path in sorted(CATALOGS.glob("*/browser.yml"))}


if __name__ == "__main__":
    json.dump(browser_catalogs(), sys.stdout)  # ASCII: whatever the locale's encoding
