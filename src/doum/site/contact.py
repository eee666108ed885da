"""The /contact/ page: generated when docs/ has none, so every doum site has the checklist form.

The form itself is the `doum-contact.html` template (rendered from the plugin's `contact` and
`support` options). An author may write docs/contact.md for their own introduction text; the
page keeps that text and still gets the form unless its front matter names another template.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

CONTACT_SRC = "contact.md"
CONTACT_TEMPLATE = "doum-contact.html"

_GENERATED_PAGE = f"""---
title: 문의하기
template: {CONTACT_TEMPLATE}
---

도움말에서 답을 찾지 못했다면 아래 체크리스트를 채워 메일로 문의해 주세요.
상담원이 첫 메일만 읽고도 바로 확인을 시작할 수 있도록, 필요한 정보를 한 번에 모아 드려요.
"""


def add_contact_page(files: Files, config: MkDocsConfig) -> None:
    """Add contact.md (→ /contact/) unless the author wrote their own."""
    if files.get_file_from_path(CONTACT_SRC) is None:
        files.append(File.generated(config, CONTACT_SRC, content=_GENERATED_PAGE))


def use_contact_template(page: Page) -> None:
    """An author's docs/contact.md without a `template:` still renders the form."""
    if page.file.src_uri == CONTACT_SRC:
        page.meta.setdefault("template", CONTACT_TEMPLATE)
