"""Scale: a page's HTML must not grow with the size of other categories (stock Material puts
every page into every page's navigation), its own category lists at most `nav_window`
questions, and long categories page their category page. Real builds of generated sites."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

NAV_WINDOW = 10
PAGE_SIZE = 50
BIG = 300
SMALL = 10


def make_project(root: Path, big: int, small: int) -> Path:
    """A site of title-only pages: `big` questions in big/, `small` in small/."""
    (root / "docs").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(
        "site_name: 규모 시험\n"
        "theme:\n  name: material\n  language: ko\n"
        "plugins:\n  - search\n  - doum:\n"
        f"      nav_window: {NAV_WINDOW}\n      category_page_size: {PAGE_SIZE}\n"
        "      categories:\n"
        "        big: {title: 큰 분류, order: 1}\n"
        "        small: {title: 작은 분류, order: 2}\n",
        encoding="utf-8",
    )
    for key, count, name in (("big", big, "큰"), ("small", small, "작은")):
        (root / "docs" / key).mkdir()
        for number in range(1, count + 1):
            (root / "docs" / key / f"q-{number:04d}.md").write_text(
                f"---\ntitle: {name} 분류 질문 {number:04d}\n---\n\n{name} 분류의 {number}번째 답이에요.\n",
                encoding="utf-8",
            )
    return root


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory, build: Callable[..., Path]) -> dict[int, Path]:
    """The same small category next to a big category of 30 and of 300 questions."""
    built = {}
    for big in (30, BIG):
        root = tmp_path_factory.mktemp(f"scale{big}")
        built[big] = build(make_project(root / "project", big, SMALL), root / "site", "--strict")
    return built


def html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def sidebar(text: str) -> str:
    """The primary navigation of a built page."""
    return text.split('class="md-nav md-nav--primary"', 1)[1].split('class="md-sidebar md-sidebar--secondary"', 1)[0]


def nav_questions(text: str, key: str) -> list[str]:
    """Question numbers the navigation lists for category `key`, by their titles."""
    name = {"big": "큰", "small": "작은"}[key]
    return [f"q-{n}" for n in dict.fromkeys(re.findall(rf"{name} 분류 질문 (\d{{4}})", sidebar(text)))]


def test_small_category_pages_do_not_grow_with_the_big_category(sites: dict[int, Path]) -> None:
    sizes = {big: len(html(site, "small/q-0005").encode()) for big, site in sites.items()}
    print(f"small/q-0005 HTML bytes with big=30: {sizes[30]}, with big={BIG}: {sizes[BIG]}")
    assert abs(sizes[BIG] - sizes[30]) <= 64, sizes


def test_big_category_pages_stay_bounded_too(sites: dict[int, Path]) -> None:
    sizes = {big: len(html(site, f"big/q-{big // 2:04d}").encode()) for big, site in sites.items()}
    print(f"middle big page HTML bytes with big=30: {sizes[30]}, with big={BIG}: {sizes[BIG]}")
    assert abs(sizes[BIG] - sizes[30]) <= 256, sizes


def test_navigation_lists_a_window_around_the_page_and_a_link_to_the_rest(sites: dict[int, Path]) -> None:
    site = sites[BIG]
    middle = html(site, "big/q-0150")
    listed = nav_questions(middle, "big")
    assert len(listed) == NAV_WINDOW
    assert "q-0150" in listed and listed == sorted(listed)
    assert f"전체 질문 {BIG}개 보기" in sidebar(middle)
    assert 'md-nav__link--active' in sidebar(middle)
    # The other category shows its category page only.
    assert not nav_questions(middle, "small") and 'href="../../small/"' in sidebar(middle)
    first, last = nav_questions(html(site, "big/q-0001"), "big"), nav_questions(html(site, f"big/q-{BIG:04d}"), "big")
    assert first[0] == "q-0001" and len(first) == NAV_WINDOW
    assert last[-1] == f"q-{BIG:04d}" and len(last) == NAV_WINDOW


def test_small_category_lists_all_its_questions_and_none_of_the_big_one(sites: dict[int, Path]) -> None:
    text = html(sites[BIG], "small/q-0005")
    assert len(nav_questions(text, "small")) == SMALL
    assert "big/q-" not in sidebar(text)
    assert "전체 질문" not in sidebar(text)


def test_long_categories_page_their_category_page(sites: dict[int, Path]) -> None:
    site = sites[BIG]
    pages = BIG // PAGE_SIZE
    assert (site / "big" / "page" / str(pages) / "index.html").is_file()
    assert not (site / "big" / "page" / str(pages + 1)).exists()
    first = html(site, "big")
    assert len(re.findall(r'class="doum-category__link"', first)) == PAGE_SIZE
    assert 'href="page/2/" rel="next"' in first and 'rel="prev"' not in first.split("doum-pager", 1)[1]
    second = html(site, "big/page/2")
    assert '<ol class="doum-category__list" start="51">' in second
    assert "큰 분류 질문 0051" in second and "큰 분류 질문 0050" not in second.split("doum-category", 1)[1]
    assert 'href="../../" rel="prev"' in second and 'href="../3/" rel="next"' in second
    assert "doum-pager" not in html(site, "small")


def test_footer_follows_category_order(sites: dict[int, Path]) -> None:
    site = sites[BIG]
    first = html(site, "big/q-0001")
    assert '<link rel="prev" href="../">' in first and '<link rel="next" href="../q-0002/">' in first
    last = html(site, f"big/q-{BIG:04d}")
    assert '<link rel="next" href="../../small/">' in last
