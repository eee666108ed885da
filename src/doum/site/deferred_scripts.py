"""Material's bundle and the site's extra scripts run once the page is parsed (`defer`).

Material writes its bundle (~114 KB) and each `extra_javascript` as a classic script at the end
of <body>. The browser fetches a parser-blocking script at high priority, beside the stylesheets
the first paint waits for, and Lighthouse's mobile simulation counts its bytes on the way to that
paint. With `defer` it is fetched at low priority and run just before DOMContentLoaded, in
document order, which is where Material's code expects to run: it waits for DOMContentLoaded
itself. The site's own extra scripts are deferred with it so that they still run after it (a
script that calls Material's `document$`, as MathJax's set-up does, needs the bundle first);
scripts already `async`, `defer` or modules keep what they have. A deferred script cannot use
`document.write` (README: "What a page loads").
"""

from __future__ import annotations

import re

from markupsafe import Markup

# A classic external script: a src, and neither async, defer nor type="module". Only the
# scripts block's own tags go through this (Material's bundle and `extra_javascript`, written
# by Material's template and MkDocs' script_tag filter), never the page's content.
CLASSIC_SCRIPT = re.compile(r"<script\b(?![^>]*\b(?:async|defer|type=\"module\"))(?=[^>]*\bsrc=)")


def defer_scripts(html: str) -> Markup:
    """The same tags, each classic external script marked `defer`."""
    return Markup(CLASSIC_SCRIPT.sub("<script defer", str(html)))
