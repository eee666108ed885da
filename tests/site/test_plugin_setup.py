"""How the doum plugin fits into a site's mkdocs.yml."""

from __future__ import annotations

from pathlib import Path

from conftest import mkdocs_build


def write_site(root: Path, plugins: str) -> Path:
    (root / "docs" / "a").mkdir(parents=True)
    (root / "docs" / "a" / "q.md").write_text("---\ntitle: 질문\n---\n\n답이에요.\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        f"site_name: t\ntheme:\n  name: material\n  language: ko\nplugins:\n{plugins}",
        encoding="utf-8",
    )
    return root


def test_without_material_search_the_build_says_how_to_fix_it(tmp_path: Path) -> None:
    project = write_site(tmp_path / "site", "  - doum\n")
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert "mkdocs.yml: doum needs Material's search plugin" in result.stderr + result.stdout
    assert "list `- search` before `- doum`" in result.stderr + result.stdout
    assert not (tmp_path / "out").exists(), "a failed build leaves no site behind"


def test_hangul_heading_anchors_without_any_markdown_configuration(tmp_path: Path) -> None:
    project = write_site(tmp_path / "site", "  - search\n  - doum\n")
    (project / "docs" / "a" / "q.md").write_text(
        "---\ntitle: 질문\n---\n\n## 비밀번호 재설정\n\n본문.\n", encoding="utf-8"
    )
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out" / "a" / "q" / "index.html").read_text(encoding="utf-8")
    assert 'id="비밀번호-재설정"' in html
