"""STUB (owner: launcher helper). Support calendar: hours, breaks, Korean public holidays."""

from __future__ import annotations

import datetime
from typing import Any

from doum.config import SupportConfig


def build(support: SupportConfig, today: datetime.date) -> dict[str, Any]:
    return {"timezone": support.timezone}
