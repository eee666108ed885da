"""Hand-off channels and `embed.origins` through real `mkdocs build`s: each preset's URL in the
site data, the help center's launcher and the embed's site.json; bad values and unknown keys
stop the build naming the key; CORS in `_headers`; the /embed-demo/ page stays out of search."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import MKDOCS_YML, mkdocs_build, write_project
from conftest import site_data as page_site_data
from doum.site import headers


def project(tmp_path: Path, doum: str) -> Path:
    root = write_project(tmp_path / "project", {"guide/start.md": "---\ntitle: 시작하기\n---\n\n본문.\n"})
    (root / "mkdocs.yml").write_text(MKDOCS_YML.replace("  - doum\n", "  - doum:\n" + doum), encoding="utf-8")
    return root


def site_data(site: Path) -> dict[str, Any]:
    return page_site_data((site / "index.html").read_text(encoding="utf-8"))


PRESETS = {
    "kakao_channel: _xlxbTb": ("kakao_channel", "https://pf.kakao.com/_xlxbTb/chat"),
    "kakao_channel: https://pf.kakao.com/_xlxbTb": ("kakao_channel", "https://pf.kakao.com/_xlxbTb/chat"),
    "naver_talktalk: w4abcd": ("naver_talktalk", "https://talk.naver.com/w4abcd"),
    "naver_talktalk: https://talk.naver.com/ct/w4abcd": ("naver_talktalk", "https://talk.naver.com/w4abcd"),
    "phone: 1588-0000": ("phone", "tel:1588-0000"),
    "phone: 02-123-4567": ("phone", "tel:02-123-4567"),
    "messenger: 채널톡으로 상담": ("messenger", ""),
}


@pytest.mark.parametrize("line", list(PRESETS))
def test_each_channel_preset_gives_its_url(tmp_path: Path, build: Callable[..., Path], line: str) -> None:
    key, url = PRESETS[line]
    site = build(project(tmp_path, f"      support:\n        {line}\n"), tmp_path / "site", "--strict")
    channels = site_data(site)["support"]["channels"]
    assert [(c["id"], c["url"]) for c in channels] == [(key, url)]
    embedded = json.loads((site / "assets/doum/embed/site.json").read_text(encoding="utf-8"))
    assert embedded["support"]["channels"] == channels
    html = (site / "guide/start/index.html").read_text(encoding="utf-8")
    control = re.search(rf'<(a|button)[^>]*data-doum-channel="{key}"[^>]*>', html)
    assert control, html[-3000:]
    if url:
        assert f'href="{url}"' in control[0]
    else:
        assert control[1] == "button" and "href" not in control[0]


def test_channel_hours_own_always_and_agents(tmp_path: Path, build: Callable[..., Path]) -> None:
    doum = """\
      support:
        kakao_channel: {id: _xlxbTb, hours: always}
        naver_talktalk: w4abcd
        phone: {number: 1588-0000, hours: {mon: "09:00-18:00", sat: "09:00-13:00"}, breaks: ["12:00-13:00"]}
"""
    site = build(project(tmp_path, doum), tmp_path / "site", "--strict")
    channels = {c["id"]: c for c in site_data(site)["support"]["channels"]}
    assert channels["kakao_channel"]["hours"] == "always" and channels["kakao_channel"]["calendar"] is None
    assert channels["naver_talktalk"]["hours"] == "agents"
    phone = channels["phone"]
    assert phone["hours"] == "own"
    assert phone["calendar"]["hours"] == {"mon": [540, 1080], "sat": [540, 780]}
    assert phone["calendar"]["breaks"][0]["start"] == 720
    assert phone["calendar"]["timezone"] == "Asia/Seoul" and phone["calendar"]["holidays"]
    assert "월요일 09:00~18:00" in phone["hours_text"]


BAD = {
    "chat_url: javascript:alert(1)": "chat_url",
    "chat_url: http://chat.example.com/": "chat_url",
    "kakao_channel: javascript:alert(1)": "kakao_channel",
    "kakao_channel: http://pf.kakao.com/_xlxbTb": "kakao_channel",
    "naver_talktalk: 'https://evil.example.com/x'": "naver_talktalk",
    "phone: 'javascript:alert(1)'": "phone",
    "phone: {number: 1588-0000, hours: {mon: '9시-6시'}}": "phone",
    "phone: {number: 1588-0000, when: always}": "phone",
    "kakao_chanel: _xlxbTb": "kakao_chanel",
}


@pytest.mark.parametrize("line", list(BAD))
def test_bad_values_and_unknown_keys_stop_the_build(tmp_path: Path, line: str) -> None:
    result = mkdocs_build(project(tmp_path, f"      support:\n        {line}\n"), tmp_path / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert f"'{BAD[line]}'" in output, output[-2000:]
    assert "support" in output


@pytest.mark.parametrize("value", ["[http://shop.example.com]", "[https://shop.example.com/path]",
                                   "['javascript:alert(1)']", "https://shop.example.com"])
def test_embed_origins_are_https_origins(tmp_path: Path, value: str) -> None:
    result = mkdocs_build(project(tmp_path, f"      embed:\n        origins: {value}\n"), tmp_path / "site")
    assert result.returncode != 0
    assert "'origins'" in result.stdout + result.stderr


def test_embed_origins_give_cors_headers(tmp_path: Path, build: Callable[..., Path]) -> None:
    site = build(project(tmp_path, "      embed:\n        origins: [https://shop.example.com]\n"),
                 tmp_path / "site", "--strict")
    rules = headers.parse((site / "_headers").read_text(encoding="utf-8"))
    for path in ("/assets/doum/*", "/search/*"):
        assert rules[path]["Access-Control-Allow-Origin"] == "https://shop.example.com"
    assert site_data(site)["embed"] == {"origins": ["https://shop.example.com"]}
    two = headers.render(headers.Sources(cors=["https://a.example.com", "https://b.example.com"]))
    assert headers.parse(two)["/search/*"]["Access-Control-Allow-Origin"] == "*"
    none = headers.parse(headers.render(headers.Sources()))
    assert not any("Access-Control-Allow-Origin" in values for values in none.values())


def test_demo_page_is_built_but_not_found(tmp_path: Path, build: Callable[..., Path]) -> None:
    site = build(project(tmp_path, "      support:\n        phone: 1588-0000\n"), tmp_path / "site", "--strict")
    demo = (site / "embed-demo/index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in demo
    assert 'src="../assets/doum/embed.js"' in demo
    assert "<script>" not in demo and "style=" not in demo  # no inline script or style
    assert "embed-demo" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "embed-demo" not in (site / "index.html").read_text(encoding="utf-8")  # not in the navigation
    assert not any("embed-demo" in p.read_text(encoding="utf-8", errors="ignore")
                   for p in (site / "search").rglob("*.json"))
