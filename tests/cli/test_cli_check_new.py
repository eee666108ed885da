"""`doum check` and `doum new` as authors run them."""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, mkdocs_build, write_project
from doum.cli import main
from doum.cli.new import slugify


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The real console entry point in a fresh process."""
    return subprocess.run([sys.executable, "-m", "doum.cli", *args], cwd=cwd,
                          capture_output=True, text=True)


def test_check_lists_every_problem_at_once_sorted_by_file_and_line(tmp_path: Path) -> None:
    write_project(tmp_path, {
        "paid/refund.md": "---\ntitle: 환불\nupdated: 어제\ncolour: red\n---\n\n![](x.png)\n",
        "account/id.md": "---\ntitle: 아이디\nrelated: [account/pw.md]\n---\n",
        "account/pw.md": "비밀번호\n",
    })
    result = run("check", cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert [line.split(": ", 2)[:2] for line in lines[:-1]] == [
        ["docs/account/pw.md:1", "error"],  # no title
        ["docs/paid/refund.md:3", "error"],  # updated is not a date
        ["docs/paid/refund.md:4", "warning"],  # unknown key
        ["docs/paid/refund.md:7", "error"],  # no alt
        ["docs/paid/refund.md:7", "error"],  # missing file
    ]
    assert lines[-1] == "4 errors, 1 warning in 4 pages (docs)"


def test_check_accepts_a_docs_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = tmp_path / "somewhere"
    (docs / "faq").mkdir(parents=True)
    (docs / "faq/q.md").write_text("---\ntitle: 질문\nkeyword: []\n---\n", encoding="utf-8")
    assert main(["check", str(docs)]) == 0  # a warning only
    assert "faq/q.md:3: warning: unknown front-matter key `keyword`" in capsys.readouterr().out
    assert main(["check", "--strict", str(docs)]) == 1


def test_check_passes_on_the_default_docs() -> None:
    result = run("check", "--strict", cwd=ROOT)
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("0 errors, 0 warnings in ")


def test_check_without_a_project_says_what_to_give(tmp_path: Path) -> None:
    result = run("check", cwd=tmp_path)
    assert result.returncode == 2
    assert "no mkdocs.yml in this folder; give the docs folder" in result.stdout


def test_new_page_passes_check_and_builds(tmp_path: Path) -> None:
    write_project(tmp_path, {"account/a.md": "---\ntitle: 아이디\norder: 4\n---\n"})
    created = run("new", "account", "비밀번호를 잊어버렸어요?", cwd=tmp_path)
    assert created.returncode == 0, created.stdout
    path = tmp_path / "docs/account/비밀번호를-잊어버렸어요.md"
    assert created.stdout.strip() == "created docs/account/비밀번호를-잊어버렸어요.md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: 비밀번호를 잊어버렸어요?\n")
    assert f"updated: {datetime.date.today().isoformat()}\norder: 5\n---\n" in text
    for part in ("summary:", "keywords: []", "platforms: [android, ios, pc]", "related: []",
                 "/// caption", "![", "1. ", "2. ", "해결되지 않았나요?"):
        assert part in text

    checked = run("check", "--strict", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout
    built = mkdocs_build(tmp_path, tmp_path / "site", "--strict")
    assert built.returncode == 0, built.stdout + built.stderr
    html = (tmp_path / "site/account/비밀번호를-잊어버렸어요/index.html").read_text(encoding="utf-8")
    assert "비밀번호를 잊어버렸어요?" in html


def test_new_refuses_to_overwrite(tmp_path: Path) -> None:
    write_project(tmp_path, {"account/pw.md": "---\ntitle: 내 글\n---\n"})
    result = run("new", "account", "비밀번호", "--slug", "pw", cwd=tmp_path)
    assert result.returncode == 1
    assert "docs/account/pw.md already exists; nothing was changed" in result.stdout
    assert (tmp_path / "docs/account/pw.md").read_text(encoding="utf-8") == "---\ntitle: 내 글\n---\n"


def test_new_with_slug_docs_and_configured_service(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\ndocs_dir: pages\ntheme: {name: material}\nplugins:\n  - doum:\n"
        "      categories:\n        paid: {service: 이모티콘}\n", encoding="utf-8")
    (tmp_path / "pages").mkdir()
    result = run("new", "paid", "환불: 어떻게 하나요?", "--slug", "refund",
                 "--docs", "mkdocs.yml", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    text = (tmp_path / "pages/paid/refund.md").read_text(encoding="utf-8")
    assert 'title: "환불: 어떻게 하나요?"\n' in text  # quoted because of the colon
    assert "service: 이모티콘\n" in text
    assert "order: 1\n" in text


@pytest.mark.parametrize("title, slug", [
    ("비밀번호를 잊어버렸어요?", "비밀번호를-잊어버렸어요"),
    ("2단계 인증은 어떻게 설정하나요?", "2단계-인증은-어떻게-설정하나요"),
    ("PC 카카오톡 — 고객센터 연결!", "pc-카카오톡-고객센터-연결"),
    ("  이모티콘/결제 오류  ", "이모티콘결제-오류"),
])
def test_slug_keeps_hangul_and_drops_punctuation(title: str, slug: str) -> None:
    assert slugify(title) == slug
