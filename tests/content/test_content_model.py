"""The content model: what a page's front matter becomes, its defaults, summaries and order."""

from __future__ import annotations

import datetime
import textwrap
from pathlib import Path

from doum.content import catalog
from doum.content.frontmatter import parse
from doum.content.problems import ProblemLog
from doum.cli.project import open_project
from doum.content.summary import first_paragraph

CONFIG = """\
site_name: 테스트
theme: {name: material, language: ko}
plugins:
  - search
  - doum:
      categories:
        paid: {title: 유료 서비스, icon: material/credit-card-outline, order: 2}
        account: {title: 계정/로그인, order: 1}
"""


def load(root: Path, pages: dict[str, str]) -> tuple[catalog.Catalog, ProblemLog]:
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    for path, text in pages.items():
        file = root / "docs" / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    project = open_project(str(root / "mkdocs.yml"))
    problems = ProblemLog(echo_warnings=False)
    files = project.files()
    site = catalog.load(files, project.options, project.config, problems)
    catalog.check_references(site, files, problems)
    return site, problems


def test_full_front_matter(tmp_path: Path) -> None:
    site, problems = load(tmp_path, {"account/reset-password.md": """
        ---
        title: 비밀번호를 잊어버렸어요
        summary: 로그인 화면의 비밀번호 찾기에서 새 비밀번호를 정해요.
        keywords: [비번, 비밀번호 재설정]
        service: 카카오톡
        platforms: [android, iOS]
        related: [/account/find-id.md]
        updated: "2026-11-20"
        order: 3
        ---
        본문
        """, "account/find-id.md": "---\ntitle: 아이디를 잊어버렸어요\n---\n"})
    assert problems.problems == []
    page = site.pages["account/reset-password.md"]
    assert page.title == "비밀번호를 잊어버렸어요"
    assert page.summary == "로그인 화면의 비밀번호 찾기에서 새 비밀번호를 정해요."
    assert page.keywords == ["비번", "비밀번호 재설정"]
    assert page.service == "카카오톡"
    assert page.platforms == ["android", "ios"]  # written any case, stored lower case
    assert page.related == ["account/find-id.md"]  # a leading / still means docs/
    assert page.updated == datetime.date(2026, 11, 20)  # a quoted ISO date is a date too
    assert page.order == 3
    assert page.category == "account"
    assert page.source_path.endswith("docs/account/reset-password.md")
    assert page.lines == {"title": 2, "summary": 3, "keywords": 4, "service": 5,
                          "platforms": 6, "related": 7, "updated": 8, "order": 9}
    assert page.related_lines == [7]


def test_only_a_title_in_an_unconfigured_folder(tmp_path: Path) -> None:
    site, problems = load(tmp_path, {"misc/q.md": "---\ntitle: 아무 질문\n---\n"})
    assert problems.problems == []
    page = site.pages["misc/q.md"]
    assert (page.summary, page.keywords, page.service, page.platforms, page.related,
            page.updated, page.order) == ("", [], None, [], [], None, None)
    category = site.categories["misc"]
    assert (category.title, category.icon, category.order, category.has_index) == (
        "misc", None, 100, False)
    assert category.pages == [page]


def test_configured_category_and_index_page(tmp_path: Path) -> None:
    site, _ = load(tmp_path, {"paid/index.md": "# 유료 서비스\n", "paid/q.md": "---\ntitle: 환불\n---\n",
                              "top.md": "---\ntitle: 맨 위 페이지\n---\n"})
    paid = site.categories["paid"]
    assert (paid.title, paid.icon, paid.order, paid.has_index) == (
        "유료 서비스", "material/credit-card-outline", 2, True)
    assert "paid/index.md" not in site.pages  # an index page is the category's, not a question
    assert site.pages["top.md"].category == ""
    assert site.categories[site.pages["paid/q.md"].category] is paid


def test_summary_falls_back_to_the_first_paragraph_as_plain_text(tmp_path: Path) -> None:
    site, _ = load(tmp_path, {"account/q.md": """
        ---
        title: 아이디를 잊어버렸어요
        ---

        # 아이디 찾기

        !!! note "설명용 그림"
            이 문단은 요약이 아니에요.

        ![로그인 화면](../x.png)

        **설정** → [카카오계정](../account/other.md)에서 `이메일`을
        확인할 수 있어요 <span class="x">바로</span>.{ .lead }

        두 번째 문단은 요약에 들어가지 않아요.
        """})
    assert site.pages["account/q.md"].summary == (
        "설정 → 카카오계정에서 이메일을 확인할 수 있어요 바로.")


def test_first_paragraph_skips_code_comments_lists_and_captions() -> None:
    text = textwrap.dedent("""
        <!-- 작성 메모 -->
        ```
        코드는 요약이 아니에요
        ```
        1. 단계
        /// caption
        그림 설명
        ///
        === "Android"
            탭 안의 글
        | 표 | 칸 |
        진짜 _첫_ 문단 &amp; 끝
        """)
    assert first_paragraph(text) == "진짜 첫 문단 & 끝"
    assert first_paragraph("# 제목만 있어요\n\n## 소제목\n") == ""


def test_pages_order_by_order_then_title_and_categories_by_config(tmp_path: Path) -> None:
    site, _ = load(tmp_path, {
        "account/c.md": "---\ntitle: 다 질문\norder: 2\n---\n",
        "account/a.md": "---\ntitle: 가 질문\n---\n",
        "account/b.md": "---\ntitle: 나 질문\norder: 1\n---\n",
        "account/d.md": "---\ntitle: 라 질문\norder: 2\n---\n",
        "zeta/q.md": "---\ntitle: 제타\n---\n",
        "alpha/q.md": "---\ntitle: 알파\n---\n",
        "paid/q.md": "---\ntitle: 유료\n---\n",
    })
    assert [p.title for p in site.categories["account"].pages] == [
        "나 질문", "다 질문", "라 질문", "가 질문"]  # ordered first, then the rest by title
    assert list(site.categories) == ["account", "paid", "alpha", "zeta"]


def test_front_matter_lines_and_multimarkdown_meta() -> None:
    front = parse("---\ntitle: 질문\nrelated:\n  - a.md\n  - b.md\n---\n\n본문\n")
    assert front.fields["title"].line == 2
    assert front.fields["related"].item_lines == [4, 5]
    assert front.body_line == 7
    # MkDocs also reads `key: value` lines at the top without `---`; so does doum.
    meta = parse("title: 질문\nsummary: 한 문장\n\n본문\n")
    assert meta.fields["title"].value == "질문" and meta.fields["summary"].line == 2
    assert meta.body_line == 4
