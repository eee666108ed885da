"""The /contact/ page: generated when docs/ has none, so every doum site has the checklist form.

The form itself is the `doum-contact.html` template (rendered from the plugin's `contact` and
`support` options). An author may write docs/contact.md for their own introduction text; the
page keeps that text and still gets the form unless its front matter names another template.
"""

from __future__ import annotations

import json

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from doum.site import strings

CONTACT_SRC = "contact.md"
CONTACT_TEMPLATE = "doum-contact.html"


def add_contact_page(files: Files, config: MkDocsConfig) -> None:
    """Add contact.md (→ /contact/) unless the author wrote their own."""
    if files.get_file_from_path(CONTACT_SRC) is None:
        files.append(File.generated(config, CONTACT_SRC, content=_generated_page(config)))


def _generated_page(config: MkDocsConfig) -> str:
    """The page's title and introduction in the build's language (the form is the template)."""
    text = strings.of(config).text
    title = json.dumps(text("pages.contact.page_title"), ensure_ascii=False)  # a YAML string
    return f"---\ntitle: {title}\ntemplate: {CONTACT_TEMPLATE}\n---\n\n{text('pages.contact.page_intro')}\n"


def use_contact_template(page: Page) -> None:
    """An author's docs/contact.md without a `template:` still renders the form."""
    if page.file.src_uri == CONTACT_SRC:
        page.meta.setdefault("template", CONTACT_TEMPLATE)
