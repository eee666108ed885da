"""The default site with JavaScript off: no visible control that needs a script, and the way to
a person (the contact page, with how to send the checklist by hand) is one link away."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

PAGES = {"home": "", "category": "account/", "answer": "guide/pc/", "contact": "contact/",
         "404": "404.html"}

# Visible elements a customer could press or type into, with what makes them work.
CONTROLS = """() => {
  const visible = (el) => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility !== "hidden" && style.display !== "none" &&
      style.opacity !== "0" && !el.closest("[hidden]");
  };
  const describe = (el) => `${el.tagName.toLowerCase()}#${el.id}.${el.className} "${el.textContent.trim().slice(0, 40)}"`;
  const dead = [];
  for (const el of document.querySelectorAll("button, [role=button], input, select, textarea, a, [data-doum-launcher]")) {
    if (!visible(el)) continue;
    if (el.closest("form#contact-form")) continue;  // the checklist: the <noscript> note explains it
    if (el.closest("form[role=search][method=get][action]")) continue;  // a real GET form (?q= link)
    if (el.tagName === "A") {
      const href = el.getAttribute("href");
      if (href === null || href === "" || href.startsWith("javascript:")) dead.push(describe(el));
      else if (href.startsWith("#") && href.length > 1 && !document.getElementById(decodeURIComponent(href.slice(1)))) dead.push(describe(el));
      continue;
    }
    dead.push(describe(el));
  }
  return dead;
}"""


def open_without_js(new_page: Callable[..., Any], url: str, **options: Any) -> Any:
    page = new_page(java_script_enabled=False, **(options or DESKTOP))
    page.set_default_timeout(10_000)
    page.goto(url)
    return page


@pytest.mark.parametrize(("name", "viewport"), [(name, "desktop") for name in PAGES]
                         + [("home", "phone"), ("answer", "phone")])
def test_no_dead_control_is_visible(
    new_page: Callable[..., Any], default_url: str, name: str, viewport: str
) -> None:
    page = open_without_js(new_page, default_url + PAGES[name], **(PHONE if viewport == "phone" else DESKTOP))
    assert page.locator("html").get_attribute("class") == "no-js"
    dead = page.evaluate(CONTROLS)
    assert dead == [], f"{name}: controls that do nothing without JavaScript: {dead}"


def test_the_chat_buttons_are_hidden_and_contact_is_one_link_away(
    new_page: Callable[..., Any], default_url: str
) -> None:
    page = open_without_js(new_page, default_url + "guide/pc/")
    assert page.get_by_text("채팅 상담 시작하기").count() >= 1
    assert not page.get_by_text("채팅 상담 시작하기").first.is_visible()
    page.locator("a.doum-launcher").click()  # the floating launcher is a plain link
    page.wait_for_url("**/contact/")
    note = page.locator("#contact-no-script")
    assert note.is_visible()
    assert "직접 적어" in note.inner_text() and "help@example.com" in note.inner_text()
    send = page.locator("#contact-send")
    assert send.is_visible() and send.get_attribute("href").startswith("mailto:help@example.com")


def test_home_chat_button_hidden_without_js(new_page: Callable[..., Any], default_url: str) -> None:
    page = open_without_js(new_page, default_url)
    assert not page.get_by_role("button", name="채팅 상담 시작하기").is_visible()
    assert page.get_by_role("link", name="문의 양식 열기").is_visible()
