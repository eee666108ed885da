"""The launcher on other sites (assets/doum/embed.js, README "Embedding the launcher").

The build writes what the embedded panel reads from the help center, `assets/doum/embed/site.json`
(a stable name, revalidated like the rest of assets/doum/): the support part of the site data
(calendar, hours, hand-off channels), the contact page's URL and the origins allowed to embed.
It also adds `/embed-demo/`: a plain product-like page that embeds the script as another site
would (no theme, `noindex`, not in the navigation, the search index or the sitemap — it is not a
Markdown page).
"""

from __future__ import annotations

import html
import json
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from doum.config import DoumConfig
from doum.site import sitedata
from doum.site import strings as ui_strings

SITE_JSON = "assets/doum/embed/site.json"
LOADER = "assets/doum/embed.js"
# embed.js's first-paint words: `var FALLBACK = {…}`, rewritten with the build language's words.
LOADER_WORDS = re.compile(r"var FALLBACK = \{[^}]*\}")
LOADER_KEYS = ("button", "title", "failed", "help", "email")
DEMO_PAGE = "embed-demo/index.html"
DEMO_STYLES = "embed-demo/demo.css"

_DEMO_HTML = """<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>임베드 데모 — 상품 페이지</title>
<link rel="icon" href="../{favicon}">
<link rel="stylesheet" href="demo.css">
<script src="../assets/doum/embed.js" defer data-label="상담하기" data-position="right"></script>
</head>
<body>
<header class="shop-header"><strong>데모 쇼핑몰</strong></header>
<main>
  <h1>도움말 센터 밖에서 열리는 상담 버튼</h1>
  <p>이 페이지는 상품 사이트가 도움말 센터의 상담 버튼을 붙이는 모습을 보여 줘요.
     오른쪽 아래 <strong>상담하기</strong>를 누르거나 아래 버튼을 눌러 보세요.</p>
  <p><button type="button" class="shop-button" data-doum-launcher>주문 도움 받기</button></p>
  <p>상품 사이트에는 다음 한 줄만 넣으면 돼요 (README "Embedding the launcher"):</p>
  <pre><code>&lt;script src="https://help.example.com/assets/doum/embed.js" defer&gt;&lt;/script&gt;</code></pre>
  <p><a href="../">도움말 센터로 돌아가기</a></p>
</main>
</body>
</html>
"""

_DEMO_CSS = """body { max-width: 40rem; margin: 0 auto; padding: 1rem; font-family: sans-serif; line-height: 1.6; }
.shop-header { padding: 0.5rem 0; border-bottom: 1px solid #ccc; }
.shop-button { padding: 0.5rem 1rem; border: 0; border-radius: 0.3rem; color: #fff; background: #2b5cd1; }
pre { overflow-x: auto; padding: 0.5rem; background: #f3f3f3; }
"""


def site_json(options: DoumConfig, config: MkDocsConfig) -> str:
    """What embed/panel.js reads: support, the contact page's URL, the embedding origins and the
    browser code's words (`strings`: the whole catalog, the embed's own part included)."""
    data = sitedata.build(options, config)
    return json.dumps(
        {"support": data["support"], "contact": {"url": data["contact"]["url"]}, "embed": data["embed"],
         "strings": ui_strings.of(config).area("browser")},
        ensure_ascii=False, separators=(",", ":"),
    )


def loader_in_language(source: str, words: ui_strings.Strings) -> str:
    """embed.js with its first-paint words in the build's language (JSON is a JS object literal)."""
    fallback = {key: words.text(f"browser.embed.{key}") for key in LOADER_KEYS}
    literal = "var FALLBACK = " + json.dumps(fallback, ensure_ascii=False)
    if not LOADER_WORDS.search(source):
        raise PluginError(f"{LOADER}: no `var FALLBACK = {{…}}` to write the interface words into")
    return LOADER_WORDS.sub(lambda _: literal, source, count=1)


def add_files(files: Files, options: DoumConfig, config: MkDocsConfig) -> None:
    files.append(File.generated(config, SITE_JSON, content=site_json(options, config)))
    loader = files.get_file_from_path(LOADER)
    if loader is not None:
        text = loader_in_language(loader.content_string, ui_strings.of(config))
        files.remove(loader)
        files.append(File.generated(config, LOADER, content=text))
    # The site's own icon (Material's default when none is set): no request for a missing /favicon.ico.
    favicon = html.escape(str(config.theme.get("favicon") or "assets/images/favicon.png"))
    demo = _DEMO_HTML.replace("{favicon}", favicon)
    for path, text in ((DEMO_PAGE, demo), (DEMO_STYLES, _DEMO_CSS)):
        if files.get_file_from_path(path) is None:
            files.append(File.generated(config, path, content=text))
