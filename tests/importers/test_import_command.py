"""The command line: `doum import` as a sub-command of `doum`, and `python -m doum.importers`."""

from __future__ import annotations

import argparse
import subprocess
import sys

from doum.importers import command
from import_helpers import FIXTURES, pages


def test_registers_as_a_doum_sub_command(tmp_path, capsys) -> None:
    parser = argparse.ArgumentParser(prog="doum")
    commands = parser.add_subparsers(dest="command", required=True)
    command.register(commands)
    args = parser.parse_args(["import", str(FIXTURES / "intercom"), "--into", str(tmp_path / "d"),
                              "--keep-hangul-slugs"])
    assert args.run(args) == 0
    assert sorted(pages(tmp_path / "d")) == [
        "상담/채팅-상담-시간이-궁금해요.md", "선물하기/선물-받은-상품을-교환할-수-있나요.md",
        "선물하기/선물하기-주문을-취소하고-싶어요.md"]


def test_runs_as_a_module_and_fails_with_exit_code_1(tmp_path) -> None:
    bad = tmp_path / "faq.csv"
    bad.write_text("질문\n무엇인가요?\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "doum.importers", str(bad), "--into",
                             str(tmp_path / "docs")], capture_output=True, text=True,
                            cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("doum import: faq.csv:1: no answer column")
    assert not (tmp_path / "docs").exists()
    help_text = subprocess.run([sys.executable, "-m", "doum.importers", "--help"],
                               capture_output=True, text=True).stdout
    for option in ("--into", "--format", "--encoding", "--title", "--answer", "--category",
                   "--keywords", "--title-selector", "--body-selector", "--keep-hangul-slugs",
                   "--json"):
        assert option in help_text
