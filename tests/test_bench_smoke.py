"""`make bench` pipeline smoke test: generator → real doum build → report writer.

Checks that the pieces fit together on a tiny knowledge base and on made-up figures; it
never looks at timings (the benchmark reports them, nothing asserts them).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from bench import generate, metrics, report, sites  # noqa: E402
from bench.measure import KBRun, SiteResult  # noqa: E402

PAGES = 30


@pytest.fixture(scope="module")
def knowledge_base(tmp_path_factory: pytest.TempPathFactory) -> generate.KnowledgeBase:
    vocabulary = generate.read_vocabulary(ROOT / "docs")
    return generate.generate(tmp_path_factory.mktemp("kb"), PAGES, vocabulary, seed=3)


def test_generator_is_deterministic(knowledge_base: generate.KnowledgeBase, tmp_path: Path) -> None:
    again = generate.generate(tmp_path, PAGES, generate.read_vocabulary(ROOT / "docs"), seed=3)
    first = sorted(knowledge_base.docs_dir.rglob("*.md"))
    assert len(first) == PAGES + 1  # the pages and a home page
    second = sorted(again.docs_dir.rglob("*.md"))
    assert [p.read_text() for p in first] == [p.read_text() for p in second]
    assert len({page.title for page in knowledge_base.pages}) == PAGES
    queries = knowledge_base.sample_queries(5, seed=1)
    assert len(queries) == 5 and all(queries)


def test_doum_builds_the_generated_pages(knowledge_base: generate.KnowledgeBase,
                                         tmp_path: Path) -> None:
    config = sites.write_config("doum", tmp_path, knowledge_base.docs_dir, "벤치 도움말")
    built = sites.build("doum", config, tmp_path / "site", timeout=600)
    assert built.seconds is not None, built.error
    uris = [page.src_uri for page in knowledge_base.pages]
    assert all(sites.html_path(built.site_dir, uri).is_file() for uri in uris)
    assert sites.html_bytes_mean(built.site_dir, uris) > 0
    search_files = [p for p in (built.site_dir / "search").iterdir() if p.is_file()]
    raw, zipped = sites.payload_bytes(search_files)
    assert raw > 0 and zipped > 0


def _fake_runs() -> list[KBRun]:
    queries = [metrics.Query("비밀번호", "keyword", ["account/reset-password.md"]),
               metrics.Query("ㅌㅌ", "chosung", ["account/delete-account.md"])]
    shown = [["account/reset-password/"], ["guide/pc/", "account/delete-account/"]]
    quality = metrics.quality_by_kind(queries, shown)
    stock = SiteResult("stock", build_seconds=2.0, site_bytes=3_000_000, html_bytes_mean=30_000,
                       payload_files=["search/search_index.json"], payload_raw=90_000,
                       payload_gzip=14_000, first_result_ms=700, latencies_ms=[8, 9, 30],
                       quality=quality)
    doum = SiteResult("doum", build_seconds=3.0, site_bytes=4_000_000, html_bytes_mean=40_000,
                      payload_raw=60_000, payload_gzip=20_000, first_result_ms=600,
                      latencies_ms=[5, 6, 7], quality=quality)
    big = SiteResult("stock", note="search only", first_result_ms=9000, latencies_ms=[90])
    return [KBRun("default KB", 20, [stock, doum]),
            KBRun("1,000 pages", 1000, [big, SiteResult("doum", error="build: boom")])]


def test_report_writer_on_fake_figures(tmp_path: Path) -> None:
    runs = _fake_runs()
    assert runs[0].sites[0].quality["chosung"].mrr == 0.5
    table = report.text_table(runs)
    assert "first result after load" in table and "n/a*" in table and "failed" in table
    markdown = report.write_markdown(tmp_path, runs, {"command": "scripts/bench.py"}).read_text()
    assert "| keyword | 1 |" in markdown and "## Errors" in markdown and "chart.png" in markdown
    data = json.loads(report.write_json(tmp_path, runs, {}).read_text())
    assert data["runs"][0]["sites"][1]["payload_gzip"] == 20_000


@pytest.mark.browser
def test_chart_renders_to_png(tmp_path: Path, browser: object) -> None:
    chart = report.write_chart(tmp_path, _fake_runs(), browser)
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
