"""doum.yml: the support, contact and search settings of `doum index`.

The same keys as the plugin's `support:`, `contact:` and `search:` blocks in mkdocs.yml,
validated by the plugin's own option classes (doum.config), so a mistake is reported with
its key exactly as the build reports it:

    support:
      hours: {mon: "10:00-18:30", tue: "10:00-18:30"}
      email: help@example.com
    contact:
      services: [카카오톡, 카카오페이]
    search:
      synonyms: [[탈퇴, 계정 삭제]]
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import yaml

from doum.config import DoumConfig
from doum.support import calendar

KEYS = ("support", "contact", "search")


class SettingsError(Exception):
    """A doum.yml that cannot be used; the message names the file, the key and the fix."""


def load(path: Path | None) -> DoumConfig:
    """The validated settings; the plugin's defaults for everything doum.yml leaves out."""
    name = str(path) if path else "doum.yml"
    data: Any = {}
    if path is not None:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except OSError as error:
            raise SettingsError(f"{name}: cannot be read ({error.strerror or error})") from None
        except yaml.YAMLError as error:
            raise SettingsError(f"{name}: not valid YAML: {error}") from None
    if not isinstance(data, dict):
        raise SettingsError(f"{name}: expected the keys {', '.join(KEYS)} at the top, "
                            f"got {type(data).__name__}")
    unknown = [key for key in data if key not in KEYS]
    if unknown:
        raise SettingsError(f"{name}: unknown key {unknown[0]!r}; doum.yml holds only "
                            f"{', '.join(KEYS)} (the plugin's blocks of the same names)")
    options = DoumConfig(config_file_path=name)
    options.load_dict(dict(data))
    errors, _warnings = options.validate()
    if errors:
        key, error = errors[0]
        raise SettingsError(f"{name}: {key} → {_sub_key(str(error))}")
    try:  # the calendar's own checks (time ranges, dates, time zone), as the build runs them
        calendar.build(options.support, datetime.date.today())
    except calendar.SupportConfigError as error:
        raise SettingsError(f"{name}: support → {error.key}: {error.problem}. {error.fix}") from None
    return options


def _sub_key(message: str) -> str:
    # MkDocs words a nested error as "Sub-option 'hours': …"; say it the way the key is written.
    prefix = "Sub-option '"
    if message.startswith(prefix) and "': " in message:
        key, rest = message[len(prefix):].split("': ", 1)
        return f"{key}: {rest}"
    return message
