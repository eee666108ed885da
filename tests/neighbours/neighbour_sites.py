"""The fixture site for tests/neighbours: a help center with Material's blog and tags plugins
(and, for the card tests, its social plugin) beside doum."""

from __future__ import annotations

import textwrap
from pathlib import Path

BLOG_TAGS_YML = """\
site_name: 테스트 도움말
site_description: 사이트 전체 설명이에요
theme:
  name: material
  language: ko
  font: false
  palette:
    scheme: default
    primary: custom
    accent: custom
plugins:
  - search
  - blog
  - tags
{extra}  - doum:
      categories:
        account:
          title: 계정
"""

PAGES = {
    "account/reset-password.md": """\
        ---
        title: 비밀번호를 잊어버렸어요
        summary: 로그인 화면의 비밀번호 찾기에서 새 비밀번호를 정할 수 있어요.
        tags: [보안점검, 계정관리]
        ---

        로그인 화면의 비밀번호 찾기에서 새 비밀번호를 정할 수 있어요.
        """,
    "account/change-payment.md": """\
        ---
        title: 결제수단을 바꾸고싶어요
        tags:
          - 계정관리
        ---

        설정의 결제 메뉴에서 결제수단을 바꿔요.
        """,
    "tags.md": """\
        ---
        title: 태그 모음
        ---

        <!-- material/tags -->
        """,
    "blog/index.md": """\
        # 공지사항
        """,
    "blog/posts/new-version.md": """\
        ---
        date: 2026-11-20
        categories: [업데이트]
        authors: []
        tags: [새기능]
        slug: new-version
        readtime: 2
        pin: false
        draft: false
        comments: true
        links:
          - account/reset-password.md
        ---

        # 채팅방 검색이 빨라졌어요

        새 버전에서 채팅방 검색이 두 배 빨라졌어요.

        <!-- more -->

        자세한 변경 내용이에요.
        """,
    "blog/posts/holiday.md": """\
        ---
        date:
          created: 2026-09-10
          updated: 2026-09-12
        categories: [안내]
        ---

        # 추석 연휴 상담 안내

        추석 연휴에는 채팅 상담을 쉬어요.
        """,
}


def write_site(root: Path, extra_plugins: str = "", pages: dict[str, str] | None = None) -> Path:
    """The project folder: mkdocs.yml (with `extra_plugins` lines before doum) and docs/."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(BLOG_TAGS_YML.format(extra=extra_plugins), encoding="utf-8")
    for path, text in {**PAGES, **(pages or {})}.items():
        file = root / "docs" / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root
