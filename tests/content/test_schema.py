"""One declared page schema: the checker, the page record, `doum new` and the README agree."""

from __future__ import annotations

import dataclasses
import datetime

from conftest import ROOT
from doum.content import schema
from doum.content.catalog import PageInfo


def test_readme_front_matter_table_is_the_schema() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert schema.readme_table() in readme, "README's front-matter table differs from PAGE_KEYS"


def test_every_key_has_a_field_on_the_page_record() -> None:
    fields = {field.name for field in dataclasses.fields(PageInfo)}
    assert {key.name for key in schema.PAGE_KEYS} <= fields


def test_every_key_has_a_reader_and_a_fix() -> None:
    for key in schema.PAGE_KEYS:
        assert key.kind in schema.READERS and key.fix and key.meaning


def test_new_page_skeleton_names_every_key_an_author_writes() -> None:
    lines = schema.skeleton("질문", "", 3, datetime.date(2026, 12, 1))
    written = {line.split(":", 1)[0] for line in lines}
    assert written == {key.name for key in schema.PAGE_KEYS if key.skeleton}
    assert "updated: 2026-12-01" in lines and "order: 3" in lines
