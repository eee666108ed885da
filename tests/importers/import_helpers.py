"""Shared by the `doum import` tests: run the command in-process, read what it wrote."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from doum.importers.__main__ import main

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
MINIMAL_MKDOCS = HERE.parent / "fixtures" / "minimal" / "mkdocs.yml"
# What must never reach a written page (the test brief: no <script>, no on…=, no javascript:).
FORBIDDEN = re.compile(r"<\s*script|\son[a-z]+\s*=|javascript\s*:|<\s*iframe|<\s*style|<\s*form",
                       re.I)


@dataclass
class Run:
    code: int
    out: str
    err: str


def doum_import(capsys: pytest.CaptureFixture[str], *args: object) -> Run:
    capsys.readouterr()
    code = main([str(arg) for arg in args])
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


def new_project(root: Path) -> Path:
    """A doum site with nothing in docs/ yet: the smallest mkdocs.yml of the suite."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(MINIMAL_MKDOCS, root / "mkdocs.yml")
    return root


def pages(docs: Path) -> dict[str, str]:
    """docs-relative path → text of every Markdown page."""
    return {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(docs.rglob("*.md"))}


def front_matter(text: str) -> dict:
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    assert match, text[:200]
    return yaml.safe_load(match.group(1))


def body(text: str) -> str:
    return re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under the folder (dot files included) with its bytes and mtime in ns."""
    if not folder.exists():
        return {}
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}
