"""Names for two of Material's landmarks that axe-core flags, added to the finished HTML.

Material's search dialog has no accessible name (aria-dialog-name), and its breadcrumbs reuse
the main navigation's label (landmark-unique). Patching the output keeps Material's partials
unforked.
"""

from __future__ import annotations

import re

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
NAMED_SEARCH_DIALOG = SEARCH_DIALOG[:-1] + ' aria-label="검색">'
BREADCRUMBS = re.compile(r'<nav class="md-path" aria-label="[^"]*"')


def name_landmarks(html: str) -> str:
    html = html.replace(SEARCH_DIALOG, NAMED_SEARCH_DIALOG, 1)
    return BREADCRUMBS.sub('<nav class="md-path" aria-label="현재 위치"', html, count=1)
