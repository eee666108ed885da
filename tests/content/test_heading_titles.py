"""A folder of ordinary MkDocs pages titled by their `# heading` builds without edits (issue 18)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from conftest import ROOT, mkdocs_build

sys.path.insert(0, str(ROOT / "scripts"))
from bench import generate  # noqa: E402

PAGES = 1000
CONFIG = """\
site_name: 제목으로 쓰는 도움말
theme: {name: material, language: ko}
plugins:
  - search
  - doum
"""


def test_a_thousand_heading_titled_pages_build_strictly(tmp_path: Path) -> None:
    kb = generate.generate(tmp_path, PAGES, generate.read_vocabulary(ROOT / "docs"), seed=7,
                           plain=True)
    assert not any(p.read_text(encoding="utf-8").startswith("---") for p in kb.docs_dir.rglob("q*.md"))
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    result = mkdocs_build(tmp_path, tmp_path / "site", "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    page = kb.pages[0]
    html = (tmp_path / "site" / page.src_uri.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
    assert len(re.findall(r"<h1[ >]", html)) == 1  # the heading is the title, not repeated
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert title.startswith(page.title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")[:10])
