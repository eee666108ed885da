"""Whatever is stored under the draft key, and however storage fails, /contact/ sets up.

The new_page fixture fails a test on any console error or uncaught exception, so each case
also proves that nothing threw (an out-of-range savedAt once threw a RangeError here).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from contact_form import DRAFT_KEY, VALID, fill, open_contact, send_href, stored_draft, wait_ready

from conftest import DESKTOP

pytestmark = pytest.mark.browser

GARBAGE = [
    '{"values":{"summary":"시간이 이상한 초안"},"savedAt":1e300}',
    '{"values":{"summary":"시간이 글자인 초안"},"savedAt":"toString"}',
    "toString", "{}", "[]", '"', '{"values":{"__proto__":{"summary":"x"}},"savedAt":1e300}',
]


def test_garbage_drafts_never_stop_the_form(new_page: Callable[..., Any], default_url: str) -> None:
    page = open_contact(new_page(**DESKTOP), default_url)
    for raw in GARBAGE:
        page.evaluate("([key, raw]) => localStorage.setItem(key, raw)", [DRAFT_KEY, raw])
        page.reload()
        wait_ready(page)
        summary = page.locator("#contact-summary").input_value()
        notice = page.locator("#contact-draft-notice")
        if summary:  # a readable draft comes back, without a time it cannot know
            assert raw.startswith('{"values":{"summary"') and notice.is_visible(), raw
            assert "저장)" not in notice.inner_text(), raw
        else:
            assert not notice.is_visible(), raw
        fill(page, {"description": "다시 써요"})
        assert stored_draft(page)["values"]["description"] == "다시 써요", raw
        assert isinstance(stored_draft(page)["savedAt"], int)
        assert send_href(page).startswith("mailto:help@example.com?")
        page.evaluate(f"localStorage.removeItem({json.dumps(DRAFT_KEY)})")


@pytest.mark.parametrize("failing", ["getItem", "setItem", "all"])
def test_storage_that_throws_never_stops_the_form(
    new_page: Callable[..., Any], default_url: str, failing: str
) -> None:
    page = new_page(**DESKTOP)
    names = ["getItem", "setItem", "removeItem"] if failing == "all" else [failing]
    page.add_init_script(f"""(() => {{
      const names = {json.dumps(names)}
      for (const name of names) {{
        const original = Storage.prototype[name]
        Storage.prototype[name] = function (key, ...rest) {{
          // Only writes fail: the probe that tells "storage exists" still passes.
          if (name === 'setItem' && names.length === 1 && key === 'doum:probe') return original.call(this, key, ...rest)
          throw new DOMException('storage refused', 'QuotaExceededError')
        }}
      }}
    }})()""")
    open_contact(page, default_url)
    fill(page, {**VALID, "description": "저장이 안 돼도 보낼 수 있어요"})
    assert "%EC%A0%80%EC%9E%A5" in send_href(page), "the link still follows the form"
    page.locator("#contact-clear").click()
    assert page.locator("#contact-summary").input_value() == ""
