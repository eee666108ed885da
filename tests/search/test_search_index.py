"""The search files of a real build of the default site."""

from __future__ import annotations

import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import pytest
from lunr.index import Index

from doum.search import documents as index
from doum.search import lunrpack
from doum.search import pieces
from doum.site import headers
from doum.content.catalog import Catalog, PageInfo
from doum.search.searcher import Searcher


@pytest.fixture(scope="module")
def payload(default_site: Path) -> dict:
    return pieces.read_payload(default_site)


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids.update(value for name, value in attrs if name == "id" and value)


def test_index_loads_with_lunr(payload: dict) -> None:
    loaded = Index.load(lunrpack.expand(payload["index"]))
    assert loaded.fields == list(index.FIELD_BOOSTS)
    assert loaded.search("탈퇴")  # plain lunr finds it too


def test_packing_loses_nothing(payload: dict) -> None:
    expanded = lunrpack.expand(payload["index"])
    assert lunrpack.pack(expanded) == payload["index"]


def test_every_faq_page_and_its_sections_are_indexed(payload: dict, default_site: Path) -> None:
    locations = [doc[0] for doc in payload["docs"]]
    docs_dir = Path(__file__).parents[2] / "docs"
    for md in docs_dir.glob("*/*.md"):
        if md.name != "index.md":
            assert f"{md.relative_to(docs_dir).with_suffix('')}/" in locations, md
    assert any("#" in location for location in locations)


def test_sections_link_to_anchors_that_exist(payload: dict, default_site: Path) -> None:
    sections = [doc for doc in payload["docs"] if "#" in doc[0]]
    assert sections
    for location, title, _ in sections:
        page, anchor = location.split("#")
        parser = _Ids()
        parser.feed((default_site / page / "index.html").read_text(encoding="utf-8"))
        assert anchor in parser.ids, location
        assert title and "¶" not in title


def test_lunr_js_is_copied_from_mkdocs(default_site: Path) -> None:
    copied = (default_site / index.LUNR_TARGET).read_bytes()  # minified by the build (site/bundle.py)
    assert b"lunr" in copied[:200] and b"2.3.9" in copied[:200]  # its licence header kept
    assert len(copied) <= len(index.LUNR_JS.read_bytes())


def test_material_index_is_config_only(default_site: Path) -> None:
    stock = json.loads((default_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert stock["docs"] == [] and set(stock["config"]) == {"lang", "separator", "pipeline", "fields"}


def test_header_search_uses_doums_worker(default_site: Path) -> None:
    html = (default_site / "index.html").read_text(encoding="utf-8")
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                                  html, re.S).group(1))
    assert config["search"].endswith("assets/doum/search-worker.js")
    worker = (default_site / "assets" / "doum" / "search-worker.js").read_text(encoding="utf-8")
    # The engine (korean, english, core) is written into the worker at build time: one request;
    # lunr.js (2.3.9), for English stems, is imported only when an English index opens.
    assert "importScripts('search/engine.js')" not in worker
    assert "doumKorean" in worker and "doumSearchCore" in worker and "2.3.9" not in worker


def test_synonyms_from_the_config_are_shipped(payload: dict) -> None:
    assert [["탈퇴"], ["회원", "탈퇴"], ["계정", "삭제"], ["계정", "탈퇴"]] in payload["synonyms"]


def test_results_show_short_text(payload: dict) -> None:
    assert all(len(text) <= index.TEXT_CHARS + 1 for _, _, text in payload["docs"])


def test_cli_and_index_agree_on_a_query(default_site: Path) -> None:
    hits = Searcher.from_site(default_site).search("탈퇴하면", 1)
    assert hits[0].location == "account/delete-account/"


def _page(src_uri: str, url: str, meta: dict | None = None) -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), url=url, meta=meta or {})


PAGE_HTML = """<p>소개 <strong>비밀번호</strong>를 바꿔요.</p>
<h2 id="재설정">비밀번호 재설정<a class="headerlink" href="#재설정" title="이 부분 링크">¶</a></h2>
<p>로그인 화면에서<br>눌러요.</p><script>var x = "숨김";</script>
<h3 id="pc">PC에서</h3><ul><li>하나</li><li>둘</li></ul>
<h4 id="more">더 보기</h4><p>h4는 h3 구역에 속해요.</p>"""


def test_page_and_section_documents_from_rendered_html() -> None:
    catalog = Catalog(pages={"a/b.md": PageInfo(src_uri="a/b.md", title="비밀번호를 잊어버렸어요",
                                                 keywords=["비번"], summary="")})
    docs = index.SearchDocuments(SimpleNamespace(synonyms=[]))
    docs.add_page(_page("a/b.md", "a/b/"), PAGE_HTML, catalog)
    docs.add_page(_page("a/c.md", "a/c/"), PAGE_HTML, catalog)  # not a catalog page
    page, first, second = docs.docs
    assert [d.location for d in docs.docs] == ["a/b/", "a/b/#재설정", "a/b/#pc"]
    assert page.fields["k"] == ["비번"] and "비밀번호" in page.fields["b"]  # <strong> kept in the word
    assert first.title == "비밀번호 재설정" and "숨김" not in first.text and "¶" not in first.text
    assert first.text == "로그인 화면에서 눌러요."
    assert second.text == "하나 둘 더 보기 h4는 h3 구역에 속해요."


def test_pages_can_opt_out_of_search() -> None:
    catalog = Catalog(pages={"a/b.md": PageInfo(src_uri="a/b.md", title="숨은 페이지")})
    docs = index.SearchDocuments(SimpleNamespace(synonyms=[]))
    docs.add_page(_page("a/b.md", "a/b/", {"search": {"exclude": True}}), "<p>x</p>", catalog)
    assert docs.docs == []


def test_questions_are_searched_like_the_title_and_shown_nowhere(
        tmp_path_factory: pytest.TempPathFactory, build) -> None:
    from doum.search.searcher import Searcher

    project = Path(__file__).parent / "fixtures" / "questions-site"
    site = build(project, tmp_path_factory.mktemp("questions") / "site")
    searcher = Searcher.from_site(site)
    hits = searcher.search("집에 있는 데스크톱에서 메시지 보내려면", 2)
    assert hits[0].location == "app/pc/"
    assert "데스크톱" not in (site / "app" / "pc" / "index.html").read_text(encoding="utf-8")
    assert "데스크톱" not in hits[0].title + hits[0].summary


# -- the index on disk: manifest, entry, pieces (pieces.py) ------------------------------------

def test_the_manifest_names_one_entry_per_language_and_the_entry_its_pieces(default_site: Path) -> None:
    manifest = json.loads((default_site / index.INDEX_FILE).read_text(encoding="utf-8"))
    assert manifest["format"] == pieces.FORMAT and manifest["default"] == "ko"
    entry_name = manifest["languages"]["ko"]["entry"]
    assert re.fullmatch(r"doum/ko\.[0-9a-f]{12}\.json", entry_name)
    entry = pieces.read_entry(default_site)
    names = [name for kind in ("terms", "docs") for bulk in (False, True)
             for name in pieces.piece_names(entry, kind, bulk)]
    on_disk = {p.relative_to(default_site / "search").as_posix() for p in (default_site / "search/doum").iterdir()}
    assert on_disk == {entry_name, *names}  # nothing else, nothing missing
    entry_text = (default_site / "search" / entry_name).read_text(encoding="utf-8")
    assert hashlib.sha256(entry_text.encode()).hexdigest()[:12] in entry_name
    for kind in ("terms", "docs"):  # a piece's name: its kind, number and the kind's content hash
        for bulk in (False, True):
            texts = [(default_site / "search" / name).read_text(encoding="utf-8")
                     for name in pieces.piece_names(entry, kind, bulk)]
            digest = hashlib.sha256("\n".join(texts).encode()).hexdigest()[:12]
            assert all(name.endswith(f".{digest}.json") for name in pieces.piece_names(entry, kind, bulk))
    assert entry["docs"] == sum(entry["pages"]) + len(entry["pages"])
    assert len(entry["counts"]) == len(pieces.front_decode(entry["terms"]))


def test_pieces_are_cached_for_a_year_and_the_manifest_revalidated(default_site: Path) -> None:
    rules = headers.parse((default_site / "_headers").read_text(encoding="utf-8"))
    assert rules["/search/doum.json"]["Cache-Control"] == headers.SHORT_CACHE
    for path in (default_site / "search/doum").iterdir():
        site_path = "/" + path.relative_to(default_site).as_posix()
        matching = [rule for rule in rules if rule == site_path or (
            rule.endswith("/*") and site_path.startswith(rule[:-1]))]
        caching = [rules[rule]["Cache-Control"] for rule in matching if "Cache-Control" in rules[rule]]
        assert caching == [headers.LONG_CACHE], (site_path, matching)


def test_split_and_join_lose_nothing_at_any_piece_size(payload: dict) -> None:
    for size in (1, 300, 5000, pieces.ROW_BYTES, pieces.PIECE_BYTES, 10**9):
        entry, found = pieces.split(payload, size, size, 4 * size, preload_bytes=0)
        assert pieces.join(entry, found) == payload
        counts = [len(pieces.piece_names(entry, kind)) for kind in ("terms", "docs")]
        assert counts == [1, 1] if size == 10**9 else min(counts) > 1


def test_a_small_index_is_one_piece_of_each_kind_marked_for_preloading(payload: dict) -> None:
    """The default KB is small: its first query must not wait for pieces (core.js preloads)."""
    entry, found = pieces.split(payload)
    assert entry["preload"] is True
    assert [len(pieces.piece_names(entry, kind)) for kind in ("terms", "docs")] == [1, 1]
    assert "bulk" not in entry["pieces"]["terms"] and "bulk" not in entry["pieces"]["docs"]
    assert pieces.join(entry, found) == payload
    whole = sum(len(json.dumps(piece, ensure_ascii=False, separators=(",", ":")).encode())
                for piece in found.values())
    larger, _ = pieces.split(payload, preload_bytes=whole // 2)  # a larger index: on demand
    assert "preload" not in larger and len(pieces.piece_names(larger, "docs")) > 1


def test_bulk_pieces_hold_runs_of_consecutive_small_pieces(payload: dict) -> None:
    """A long session reads a region of the index from one bulk piece instead of its small
    pieces: the same items, in the same order, table-aligned (core.js counts on it)."""
    for size, bulk_bytes in ((300, 1200), (300, 1), (5000, 10**9)):
        entry, found = pieces.split(payload, size, size, bulk_bytes, preload_bytes=0)
        for kind, key in (("terms", "postings"), ("docs", "docs")):
            small = pieces.piece_names(entry, kind)
            bulk = pieces.piece_names(entry, kind, bulk=True)
            if bulk_bytes == 1 or len(small) == 1:  # a bulk piece per small one: none written
                assert bulk == [] and "bulk" not in entry["pieces"][kind]
                continue
            sizes = entry["pieces"][kind]["bulk"]["sizes"]
            assert len(bulk) == len(sizes) < len(small) and sum(sizes) == len(small)
            first = 0
            for name, count in zip(bulk, sizes, strict=True):
                items = [item for part in small[first:first + count] for item in found[part][key]]
                assert found[name][key] == items
                first += count


def test_front_coding_round_trips_long_shared_prefixes() -> None:
    terms = sorted(["a", "ab", "abc", "가" * 40, "가" * 41 + "나", "나", "9", "99x"])
    assert pieces.front_decode(pieces.front_code(terms)) == terms
    assert pieces.front_decode(pieces.front_code([])) == []


def test_rewriting_the_index_drops_the_old_pieces(payload: dict, tmp_path: Path) -> None:
    first = set(pieces.write(tmp_path, payload, 2000, 2000, preload_bytes=0))
    smaller = {**payload, "docs": [[loc, title, "바뀐 요약"] for loc, title, _ in payload["docs"]]}
    second = set(pieces.write(tmp_path, smaller, 2000, 2000, preload_bytes=0))
    left = {f"search/{p.relative_to(tmp_path / 'search').as_posix()}" for p in (tmp_path / "search").rglob("*.json")}
    assert left == second and first != second
    assert pieces.read_payload(tmp_path) == smaller
    assert not list((tmp_path / "search").rglob("*.tmp"))


def test_an_index_of_another_format_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "search").mkdir()
    (tmp_path / index.INDEX_FILE).write_text('{"index": {}, "docs": []}', encoding="utf-8")
    with pytest.raises(pieces.IndexFormatError, match="build the site again"):
        Searcher.from_site(tmp_path)


def test_a_pages_rows_never_straddle_two_pieces(payload: dict) -> None:
    """A section's row keeps its location from the # on: its page's row opens the piece."""
    entry, found = pieces.split(payload, 1, 1, preload_bytes=0)
    for name in pieces.piece_names(entry, "docs"):
        rows = found[name]["docs"]
        assert "#" not in rows[0][0] and all(row[0].startswith("#") for row in rows[1:])


def test_a_new_help_center_with_only_its_home_page_builds_an_empty_index(tmp_path: Path) -> None:
    from conftest import mkdocs_build, write_project

    result = mkdocs_build(write_project(tmp_path / "project", {}), tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert Searcher.from_site(tmp_path / "site").search("비밀번호") == []
