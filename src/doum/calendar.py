"""STUB (owner: launcher helper). Support calendar: hours, breaks, Korean public holidays."""

from __future__ import annotations

import datetime
from typing import Any

from doum.config import SupportConfig


def build(support: SupportConfig, today: datetime.date) -> dict[str, Any]:
    return {"timezone": support.timezone}


def hours_text(support: SupportConfig) -> str:
    """STUB: one Korean line for people, e.g. '평일 10:00~18:30 (점심 12:00~13:00 제외, 공휴일 휴무)'."""
    return ""
