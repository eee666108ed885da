"""The fixture sites for tests/i18n: a Korean + English help center with mkdocs-static-i18n,
its pages as suffixes (account/delete.en.md) or in a folder per language (en/account/delete.md)."""

from __future__ import annotations

import textwrap
from pathlib import Path

I18N_YML = """\
site_name: 테스트 도움말
site_url: !ENV [DOUM_SITE_URL, "https://help.example.com/"]
theme:
  name: material
  language: ko
  font: false
  features: [navigation.instant]
plugins:
  - search
  - doum:
      categories:
        account:
          title: 계정
          description: 탈퇴와 비밀번호
          translations:
            en: {{title: Account, description: Deleting your account and passwords}}
  - i18n:
      docs_structure: {structure}
      fallback_to_default: false
      languages:
        - locale: ko
          name: 한국어
          default: true
        - locale: en
          name: English
"""

# Written as suffixes; FOLDER moves them into ko/ and en/.
PAGES = {
    "index.md": """\
        ---
        title: 테스트 도움말
        template: doum-home.html
        ---

        도움말 홈이에요.
        """,
    "index.en.md": """\
        ---
        title: Test help center
        template: doum-home.html
        ---

        The help center's home.
        """,
    "account/delete-account.md": """\
        ---
        title: 카카오 계정을 탈퇴하고 싶어요
        summary: 설정의 계정 메뉴에서 탈퇴할 수 있어요. 탈퇴하면 대화 내용은 되돌릴 수 없어요.
        related: [account/reset-password.md]
        ---

        설정 > 개인/보안 > 카카오 계정 > 탈퇴하기를 누르세요.
        """,
    "account/delete-account.en.md": """\
        ---
        title: How do I delete my Kakao Account?
        summary: You can delete your account from the account menu in settings. Deleted chats cannot be restored.
        related: [account/reset-password.md]
        ---

        Go to Settings > Privacy > Kakao Account > Delete account.
        """,
    "account/reset-password.md": """\
        ---
        title: 비밀번호를 잊어버렸어요
        summary: 로그인 화면의 비밀번호 찾기에서 새 비밀번호를 정할 수 있어요.
        ---

        로그인 화면에서 비밀번호 찾기를 누르세요.
        """,
    "account/reset-password.en.md": """\
        ---
        title: I forgot my password
        summary: Choose a new password with "Forgot password" on the sign-in screen.
        ---

        Tap "Forgot password" on the sign-in screen.
        """,
    "account/change-phone.md": """\
        ---
        title: 전화번호를 바꾸고 싶어요
        summary: 설정의 계정 메뉴에서 새 번호를 인증하면 돼요.
        related: [account/delete-account.md]
        ---

        설정 > 개인/보안 > 전화번호 변경에서 새 번호로 인증하세요.
        """,
}


def write_site(root: Path, structure: str = "suffix") -> Path:
    """A project folder with the pages above, in `structure` ("suffix" or "folder")."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(I18N_YML.format(structure=structure), encoding="utf-8")
    for path, text in PAGES.items():
        if structure == "folder":
            language = "en" if ".en.md" in path else "ko"
            path = f"{language}/{path.replace('.en.md', '.md')}"
        file = root / "docs" / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root
