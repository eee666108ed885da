"""`doum index SITE_DIR`: doum's search, launcher and contact data for an already-built site.

MkDocs-independent: it reads the site's HTML (any generator: ProperDocs, Zensical, Hugo, a
folder of hand-written pages), so the browser side outlives Material 9's end of life.

    pages.py     the pages: title and content by CSS selector, meta description and keywords
    settings.py  doum.yml: support/contact/search, validated by the plugin's own config classes
    output.py    writes the index (search/doum.json and search/doum/, the plugin's own index
                 builder), assets/doum/ (the
                 browser code), assets/doum/site.json and the launcher markup; the snippet
"""

from __future__ import annotations

from doum.postbuild.output import Result, build

__all__ = ["Result", "build"]
