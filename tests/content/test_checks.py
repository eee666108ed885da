"""One failing docs folder per check: each problem names its file and line and says how to fix it.

The folders are written from strings into tmp_path; `doum check` reads them the same way the
plugin does (one implementation), and one real `mkdocs build --strict` proves the build stops.
"""

from __future__ import annotations

import hashlib
import textwrap
from pathlib import Path

import pytest

from conftest import MKDOCS_YML, mkdocs_build, write_project
from doum.cli import main


def check(root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
          *flags: str) -> tuple[int, list[str]]:
    """Run `doum check` from the project folder: (exit code, output lines)."""
    monkeypatch.chdir(root)
    code = main(["check", *flags])
    return code, capsys.readouterr().out.splitlines()


def only_problem(lines: list[str]) -> str:
    problems = lines[:-1]  # the last line is the count
    assert len(problems) == 1, lines
    return problems[0]


@pytest.fixture
def run_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
              capsys: pytest.CaptureFixture[str]):
    def run(pages: dict[str, str], *flags: str) -> tuple[int, list[str]]:
        return check(write_project(tmp_path, pages), monkeypatch, capsys, *flags)

    return run


def test_unknown_key_is_a_warning_with_the_closest_known_key(run_check) -> None:
    code, lines = run_check({"account/id.md": """
        ---
        title: 아이디를 잊어버렸어요
        keyword: [아이디 찾기]
        ---
        답이에요.
        """})
    problem = only_problem(lines)
    assert problem.startswith("docs/account/id.md:3: warning: unknown front-matter key `keyword`")
    assert "did you mean `keywords`?" in problem
    assert code == 0  # warnings alone do not fail `doum check`…
    code, _ = run_check({}, "--strict")
    assert code == 1  # …unless --strict


def test_theme_keys_are_accepted_without_warning(run_check) -> None:
    code, lines = run_check({"account/id.md": """
        ---
        title: 아이디를 잊어버렸어요
        description: 검색 엔진용 설명
        hide: [toc]
        tags: [계정]
        ---
        답이에요.
        """})
    assert (code, lines[:-1]) == (0, [])


def test_wrong_type(run_check) -> None:
    code, lines = run_check({"account/id.md": """
        ---
        title: 아이디를 잊어버렸어요
        keywords: 아이디 찾기
        order: 첫째
        ---
        답이에요.
        """})
    assert code == 1
    assert lines[0].startswith("docs/account/id.md:3: error: `keywords` must be a list, not the text")
    assert "keywords: [비번, 비밀번호 찾기]" in lines[0]
    assert lines[1].startswith("docs/account/id.md:4: error: `order` must be a whole number")
    assert "order: 3" in lines[1]


def test_service_outside_the_contact_form_is_a_warning(run_check) -> None:
    code, lines = run_check({"account/id.md": "---\ntitle: 아이디\nservice: 카카오 톡\n---\n"})
    problem = only_problem(lines)
    assert problem.startswith("docs/account/id.md:3: warning: service '카카오 톡' is not one of "
                              "the contact form's services")
    assert "use one of 카카오톡, 카카오페이, 선물하기, 이모티콘" in problem
    assert code == 0


def test_unknown_platform_names_the_item_line(run_check) -> None:
    code, lines = run_check({"account/id.md": """
        ---
        title: 아이디를 잊어버렸어요
        platforms:
          - iOS
          - andriod
        ---
        """})
    problem = only_problem(lines)
    assert problem.startswith("docs/account/id.md:5: error: unknown platform `andriod`")
    assert "did you mean `android`?" in problem


@pytest.mark.parametrize("value, message", [
    ("2026-13-01", "`updated` cannot be read: 2026-13-01 (month must be in 1..12)"),
    ("2026/11/20", "`updated` is not a date: '2026/11/20'"),
])
def test_bad_date(run_check, value: str, message: str) -> None:
    code, lines = run_check({"account/id.md": f"""
        ---
        title: 아이디를 잊어버렸어요
        updated: {value}
        order: 1
        ---
        """})
    problem = only_problem(lines)
    assert problem.startswith(f"docs/account/id.md:3: error: {message}")
    assert "YYYY-MM-DD" in problem
    assert code == 1


def test_broken_related_names_the_path_and_the_closest_page(run_check) -> None:
    code, lines = run_check({
        "account/id.md": """
            ---
            title: 아이디를 잊어버렸어요
            related:
              - account/password.md
              - acount/pasword.md
            ---
            """,
        "account/password.md": "---\ntitle: 비밀번호를 잊어버렸어요\n---\n",
    })
    problem = only_problem(lines)
    assert problem.startswith("docs/account/id.md:5: error: related page not found: acount/pasword.md")
    assert "did you mean `account/password.md`?" in problem
    assert code == 1


def test_missing_image_file_at_its_markdown_line(run_check) -> None:
    code, lines = run_check({"guide/app.md": """
        ---
        title: 앱에서 상담은 어떻게 시작하나요?
        ---

        ```markdown
        ![코드 블록 안의 예시는 검사하지 않아요](nowhere.png)
        ```

        1. 설정을 눌러요.

            ![설정 화면. 설정 버튼에 1번 표시가 있어요](../assets/screens/step1.png)
            /// caption
            ① 설정을 눌러요.
            ///
        """})
    problem = only_problem(lines)
    assert problem.startswith(
        "docs/guide/app.md:11: error: image file not found: ../assets/screens/step1.png"
        " (looked for assets/screens/step1.png in the docs folder)")
    assert "put the file there, or correct the path (relative to this page" in problem
    assert code == 1


def test_missing_image_suggests_the_closest_file(run_check) -> None:
    code, lines = run_check({
        "guide/app.md": "---\ntitle: 앱\n---\n\n![설정 화면](../assets/screens/stepl.png)\n",
        "assets/screens/step1.png": "png",
    })
    assert only_problem(lines).endswith(
        "did you mean `../assets/screens/step1.png`? Paths are relative to this page")


def test_images_without_alt_text(run_check) -> None:
    code, lines = run_check({
        "guide/app.md": """
            ---
            title: 앱에서 상담은 어떻게 시작하나요?
            ---
            ![](../assets/step1.png)

            <img src="../assets/step1.png" alt="">

            `![](예시는-괜찮아요.png)` <!-- ![](주석도-괜찮아요.png) -->
            <img alt="설정 화면" src="../assets/step1.png">
            """,
        "assets/step1.png": "not read by the check",
    })
    assert code == 1
    assert len(lines) == 3, lines
    assert lines[0].startswith("docs/guide/app.md:4: error: image ../assets/step1.png has no alt text")
    assert lines[1].startswith("docs/guide/app.md:6: error: image ../assets/step1.png has no alt text")
    assert "describe in Korean what the screenshot shows" in lines[0]


def test_duplicate_titles_name_each_other(run_check) -> None:
    code, lines = run_check({
        "account/a.md": "---\ntitle: 비밀번호를 잊어버렸어요\n---\n",
        "settings/b.md": "---\norder: 2\ntitle: 비밀번호를  잊어버렸어요\n---\n",
    })
    assert code == 1
    assert lines[0].startswith("docs/account/a.md:2: error: the title '비밀번호를 잊어버렸어요' "
                               "is also the title of docs/settings/b.md")
    assert lines[1].startswith("docs/settings/b.md:3: error: the title '비밀번호를 잊어버렸어요' "
                               "is also the title of docs/account/a.md")


def test_malformed_yaml_at_its_line(run_check) -> None:
    # MkDocs itself would silently show this front matter as page text.
    code, lines = run_check({"paid/error.md": """
        ---
        title: 결제 오류
        summary: 오류: 결제가 안 돼요
        ---
        """})
    problem = only_problem(lines)
    assert problem.startswith(
        "docs/paid/error.md:3: error: the front matter is not valid YAML: "
        "mapping values are not allowed here")
    assert "put quotes around values that contain ':'" in problem
    assert code == 1


def test_unclosed_front_matter(run_check) -> None:
    code, lines = run_check({"paid/error.md": "---\ntitle: 결제 오류\n\n본문\n"})
    assert only_problem(lines).startswith(
        "docs/paid/error.md:1: error: the front matter is not valid YAML: "
        "the front matter opened here is never closed")


def test_missing_title(run_check) -> None:
    code, lines = run_check({"paid/error.md": "본문이에요.\n\n# 나중에 나온 제목\n"})
    problem = only_problem(lines)
    assert problem.startswith("docs/paid/error.md:1: error: the page has no `title`")
    assert "title: 비밀번호를 잊어버렸어요" in problem and "# 질문" in problem
    assert code == 1


def test_a_page_opening_with_a_heading_is_titled_by_it(run_check) -> None:
    code, lines = run_check({"paid/error.md": "\n# 결제 오류가 나요\n\n본문이에요.\n",
                             "paid/other.md": "---\nsummary: 요약\n---\n# 다른 질문 {#other}\n"})
    assert (code, lines) == (0, ["0 errors, 0 warnings in 3 pages (docs)"])


def test_heading_titles_count_as_duplicates(run_check) -> None:
    code, lines = run_check({"paid/a.md": "# 결제 오류\n", "paid/b.md": "---\ntitle: 결제 오류\n---\n"})
    assert code == 1
    assert [line.split(": error: ")[0] for line in lines[:-1]] == ["docs/paid/a.md:1", "docs/paid/b.md:2"]
    assert "is also the title of docs/paid/b.md" in lines[0]


def test_body_links_and_anchors_are_checked_without_building(run_check) -> None:
    code, lines = run_check({
        "account/a.md": "---\ntitle: 가\n---\n\n## 번호 바꾸기\n",
        "account/b.md": ("---\ntitle: 나\n---\n\n[없는 페이지](../account/nope.md)\n"
                         "[있는 제목](a.md#번호-바꾸기) [없는 제목](a.md#번호-변경)\n"
                         "[문의](../contact.md) [분류](../account/index.md) `[코드](x.md)`\n"),
    })
    assert code == 1
    assert lines[0].startswith("docs/account/b.md:5: error: link target not found: ../account/nope.md")
    assert lines[1].startswith("docs/account/b.md:6: warning: account/a.md has no heading #번호-변경")
    assert "did you mean `#번호-바꾸기`?" in lines[1]
    assert len(lines) == 3




@pytest.mark.parametrize("line", ["title:", 'title: ""', "title: '  '"])
def test_empty_title(run_check, line: str) -> None:
    code, lines = run_check({"paid/error.md": f"---\norder: 1\n{line}\n---\n"})
    assert only_problem(lines).startswith("docs/paid/error.md:3: error: `title` is empty")
    assert code == 1


def test_key_set_twice(run_check) -> None:
    code, lines = run_check({"paid/error.md": "---\ntitle: 결제 오류\norder: 1\ntitle: 또\n---\n"})
    assert only_problem(lines).startswith(
        "docs/paid/error.md:4: error: `title` is set twice (first on line 2)")


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_strict_build_fails_with_file_line_and_keeps_the_previous_site(tmp_path: Path) -> None:
    project = write_project(tmp_path / "project", {
        "account/id.md": "---\ntitle: 아이디를 잊어버렸어요\n---\n\n설정에서 확인해요.\n",
    })
    site = tmp_path / "site"
    first = mkdocs_build(project, site, "--strict")
    assert first.returncode == 0, first.stdout + first.stderr
    before = snapshot(site)
    assert "account/id/index.html" in before

    (project / "docs/account/id.md").write_text(
        "---\ntitle: 아이디를 잊어버렸어요\nupdated: 2026-02-30\nrelated: [acount/pw.md]\n---\n"
        "\n![](../assets/none.png)\n",
        encoding="utf-8",
    )
    broken = mkdocs_build(project, site, "--strict")
    output = broken.stdout + broken.stderr
    assert broken.returncode != 0
    # Every error of the build at once, each at its line.
    assert "docs/account/id.md:3: error: `updated` cannot be read: 2026-02-30" in output
    assert "docs/account/id.md:4: error: related page not found: acount/pw.md" in output
    assert "docs/account/id.md:7: error: image ../assets/none.png has no alt text" in output
    assert "docs/account/id.md:7: error: image file not found: ../assets/none.png" in output
    assert snapshot(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]  # no staging left


def test_warning_fails_only_the_strict_build(tmp_path: Path) -> None:
    project = write_project(tmp_path / "project", {
        "account/id.md": "---\ntitle: 아이디를 잊어버렸어요\ncolour: red\n---\n\n답이에요.\n",
    })
    relaxed = mkdocs_build(project, tmp_path / "site")
    assert relaxed.returncode == 0
    assert "docs/account/id.md:3: warning: unknown front-matter key `colour`" in relaxed.stderr
    strict = mkdocs_build(project, tmp_path / "strict-site", "--strict")
    assert strict.returncode != 0
    assert not (tmp_path / "strict-site").exists()


def test_a_file_that_is_not_utf8_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    root = write_project(tmp_path, {"paid/ok.md": "---\ntitle: 결제\n---\n"})
    (root / "docs" / "paid" / "cp949.md").write_bytes("---\ntitle: 환불\n---\n\n환불이에요.\n".encode("cp949"))
    code, lines = check(root, monkeypatch, capsys)
    assert code == 1
    assert lines[0].startswith("docs/paid/cp949.md:2: error: 저장 형식이 UTF-8이 아니에요")
    assert "UTF-8로 다시 저장하세요" in lines[0]
    build = mkdocs_build(root, tmp_path / "site")
    assert build.returncode != 0
    assert "docs/paid/cp949.md:2: error: 저장 형식이 UTF-8이 아니에요" in build.stdout + build.stderr
    assert "Traceback" not in build.stdout + build.stderr and not (tmp_path / "site").exists()


def test_a_long_line_of_brackets_is_checked_in_linear_time(run_check) -> None:
    # A 200 KB line of `![` + `[a` took half a minute with the old image pattern; a linear scan
    # handles it like any other page (the bound is generous: this is not a timing test).
    import time
    started = time.monotonic()
    code, lines = run_check({"paid/x.md": "---\ntitle: 괄호\n---\n\n" + "![[a" * 50_000 + "\n"})
    assert time.monotonic() - started < 10
    assert code == 0


def test_bad_support_hours_are_reported_by_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    root = write_project(tmp_path, {})
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - doum\n", "  - doum:\n      support:\n        hours: {mon: '18:00-09:00'}\n"), encoding="utf-8")
    code, lines = check(root, monkeypatch, capsys)
    assert code == 1
    assert lines[0].startswith("mkdocs.yml:9: error: ")
    assert "mon" in lines[0]


@pytest.mark.parametrize("option, value", [
    ("chat_url", "javascript:alert(1)"),
    ("email", "고객센터 <help@example.com>"),
])
def test_check_reports_the_plugin_config_the_build_refuses(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        option: str, value: str) -> None:
    root = write_project(tmp_path, {})
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - doum\n", f"  - doum:\n      support:\n        {option}: '{value}'\n"), encoding="utf-8")
    code, lines = check(root, monkeypatch, capsys)
    assert code == 1
    assert lines[0].startswith(f"mkdocs.yml:9: error: plugins → doum → support → {option}: ")
    assert lines[-1] == "1 error in mkdocs.yml"
    build = mkdocs_build(root, tmp_path / "site")
    assert build.returncode != 0 and option in build.stdout + build.stderr
