"""The search's tuning numbers, one file both twins read (tuning.json; the payload carries it to
the browser), so the Python and JavaScript sides cannot drift apart on a constant."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

TUNING_FILE = Path(__file__).with_name("tuning.json")
TUNING: dict[str, Any] = {key: value for key, value in
                          json.loads(TUNING_FILE.read_text(encoding="utf-8")).items()
                          if key != "about"}
