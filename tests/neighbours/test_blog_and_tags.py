"""Material's blog and tags plugins beside doum (issue #15): a real `mkdocs build --strict` of a
help center with a blog and tags, read back from its HTML and its search index."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from html import unescape
from pathlib import Path

import pytest

from conftest import mkdocs_build
from doum.cli import main
from doum.search.searcher import Searcher
from neighbour_sites import write_site


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_site(tmp_path_factory.mktemp("blog-tags") / "project")


@pytest.fixture(scope="module")
def built(project: Path) -> tuple[Path, str]:
    """(site folder, the build's own output)."""
    site = project.parent / "site"
    result = mkdocs_build(project, site, "--strict")
    assert result.returncode == 0, result.stdout + result.stderr
    return site, result.stdout + result.stderr


def html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def meta_description(page: str) -> str:
    found = re.findall(r'<meta name="description" content="([^"]*)"', page)
    assert len(found) == 1, found
    return unescape(found[0])


def page_data(page: str) -> dict:
    found = re.search(r'<script type="application/json" id="doum-page">(.*?)</script>', page, re.S)
    assert found, "no #doum-page data"
    return json.loads(found.group(1))


def test_strict_build_passes_without_doum_warnings(built: tuple[Path, str]) -> None:
    site, output = built
    assert "WARNING" not in output, output
    assert (site / "blog" / "index.html").is_file()
    assert (site / "blog" / "archive" / "2026" / "index.html").is_file()
    assert (site / "blog" / "category" / "업데이트" / "index.html").is_file()


def test_doum_check_accepts_the_plugins_keys_and_still_catches_typos(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(project)
    assert main(["check", "--strict"]) == 0, capsys.readouterr().out
    capsys.readouterr()
    typo = project / "docs" / "account" / "typo.md"
    typo.write_text("---\ntitle: 오타가 있는 페이지\ntagz: [계정]\n---\n\n본문이에요.\n", encoding="utf-8")
    try:
        assert main(["check", "--strict"]) == 1
        out = capsys.readouterr().out
        assert "unknown front-matter key `tagz` — did you mean `tags`?" in out, out
    finally:
        typo.unlink()


def test_tags_are_searched_as_keywords(built: tuple[Path, str]) -> None:
    searcher = Searcher.from_site(built[0])
    # 보안점검 and 계정관리 are nowhere in the pages' titles or text: only in their tags.
    hits = searcher.search("보안점검")
    assert hits and hits[0].location == "account/reset-password/", hits
    found = {hit.location for hit in searcher.search("계정관리")}
    assert {"account/reset-password/", "account/change-payment/"} <= found, found
    post = searcher.search("새기능")
    assert post and post[0].title == "채팅방 검색이 빨라졌어요", post


def test_blog_posts_are_no_help_category(built: tuple[Path, str]) -> None:
    site, _ = built
    home = html(site, ".")
    cards = [unescape(t).strip() for t in re.findall(r'class="doum-card__title">([^<]*)<', home)]
    assert cards == ["계정"], cards  # the blog is no category card named "blog"
    assert not (site / "blog" / "page").exists()  # nor a doum category page
    post = html(site, "blog/2026/11/20/new-version")
    data = page_data(post)
    assert data["category"] == "" and not data["is_faq"], data  # no FAQ box, no FAQPage data
    assert "FAQPage" not in post
    sidebar = re.findall(r'class="md-nav__link[^"]*"[^>]*>\s*(?:<[^>]+>\s*)*([^<]+)', post)
    assert "blog" not in [s.strip() for s in sidebar], sidebar
    # the blog's index is a page of the site's navigation, as the tags page is
    assert "공지사항" in [s.strip() for s in re.findall(
        r'class="md-nav__link[^"]*"[^>]*>\s*(?:<[^>]+>\s*)*([^<]+)', home)]
    question = page_data(html(site, "account/reset-password"))
    assert question["is_faq"] and question["category"] == "account"


@pytest.mark.parametrize("path, lists", [
    ("tags", ["보안점검", "계정관리", "새기능"]),
    ("blog", ["채팅방 검색이 빨라졌어요", "추석 연휴 상담 안내"]),
    ("blog/archive/2026", ["채팅방 검색이 빨라졌어요", "추석 연휴 상담 안내"]),
    ("blog/category/업데이트", ["채팅방 검색이 빨라졌어요"]),
])
def test_listing_pages_are_described_by_what_they_list(
    built: tuple[Path, str], path: str, lists: list[str]
) -> None:
    description = meta_description(html(built[0], path))
    for item in lists:
        assert item in description, description
    assert "사이트 전체 설명" not in description
    assert not re.search(r"\.md|:\d|/name|<|&", description), description  # no markup leftovers


def test_tags_and_blog_index_show_their_summaries_in_search(built: tuple[Path, str]) -> None:
    searcher = Searcher.from_site(built[0])
    by_location = {hit.location: hit for hit in searcher.search("태그 모음")}
    assert "tags/" in by_location, by_location
    summary = by_location["tags/"].summary
    assert "보안점검" in summary and "tags.md" not in summary, summary
    blog = {hit.location: hit for hit in searcher.search("공지사항")}
    assert "blog/" in blog and "채팅방 검색이 빨라졌어요" in blog["blog/"].summary, blog


def test_the_tags_plugins_own_property_is_accepted_and_searched(tmp_path: Path) -> None:
    project = write_site(tmp_path / "project", pages={
        "account/two-step.md": """\
            ---
            title: 2단계 인증을 켜고 싶어요
            labels: [이중잠금]
            ---

            설정의 보안 메뉴에서 켜요.
            """,
    })
    yml = project / "mkdocs.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace(
        "  - tags\n", "  - tags:\n      tags_name_property: labels\n"), encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(project, site, "--strict")
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stdout + result.stderr
    hits = Searcher.from_site(site).search("이중잠금")
    assert hits and hits[0].location == "account/two-step/", hits
