"""`doum report` on a few thousand synthetic events (tests/insights/fixtures/synthetic.py, fixed
seed): spelling variants of one failed search are one row, rows are ranked by failures, the
suggestions point where a person reading the default knowledge base would, and bad lines are
counted and skipped with their line numbers."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from doum.cli import main
from doum.insights import events as event_io
from doum.insights.group import group_queries, normal_key
from insights.fixtures import synthetic


def report(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    assert main(["report", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture(scope="module")
def events_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synthetic.write(tmp_path_factory.mktemp("events"))


@pytest.fixture(scope="module")
def full_report(events_file: Path, default_site: Path) -> dict[str, Any]:
    import io
    import contextlib

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["report", str(events_file), "--site", str(default_site), "--json"]) == 0
    return json.loads(out.getvalue())


def test_the_fixture_is_the_same_every_time() -> None:
    assert synthetic.jsonl_lines() == synthetic.jsonl_lines()
    assert len(synthetic.jsonl_lines()) > 3000


def test_spelling_variants_of_a_failed_search_are_one_row_ranked_by_failures(full_report: dict) -> None:
    rows = full_report["failed_searches"]
    for rank, (failures, variants, _) in enumerate(synthetic.FAILED):
        row = rows[rank]
        seen = {v["query"] for v in row["variants"]}
        assert seen == set(variants), (rank, row["label"], seen)
        assert row["failed"] == failures
        assert row["zero_results"] + row["not_opened"] == failures
    # the noise (thousands of different one-off questions) never outranks a real group
    assert all(r["failed"] < synthetic.FAILED[-1][0] for r in rows[len(synthetic.FAILED):])


def test_suggestions_point_where_a_person_would(full_report: dict) -> None:
    rows = full_report["failed_searches"]
    for rank, (_, variants, wanted) in enumerate(synthetic.FAILED):
        suggestion = rows[rank]["suggestion"]
        if wanted == "new_page":
            assert suggestion["kind"] == "new_page", (variants[0], suggestion)
        else:
            assert suggestion["kind"] in ("keywords", "synonyms"), (variants[0], suggestion)
            assert suggestion["page"] == wanted, (variants[0], suggestion)
            assert suggestion["words"], suggestion
            assert wanted in suggestion["text"]
        # and the engine's current answer is shown beside it
        assert rows[rank]["engine"], rows[rank]


def test_keyword_suggestions_use_the_customers_words(full_report: dict) -> None:
    gift = full_report["failed_searches"][1]
    assert "반품" in gift["suggestion"]["words"]
    password = full_report["failed_searches"][3]
    assert any("잊어버림" in word for word in password["suggestion"]["words"])


def test_malformed_lines_are_counted_and_skipped_with_their_line_numbers(full_report: dict, events_file: Path) -> None:
    malformed = full_report["malformed"]
    assert malformed["count"] == len(synthetic.MALFORMED)
    assert [m["line"] for m in malformed["lines"]] == sorted(synthetic.MALFORMED)
    assert all(m["file"] == str(events_file) for m in malformed["lines"])
    assert full_report["events"] == len(synthetic.events())


def test_votes_rates_and_handoffs(full_report: dict) -> None:
    pages = full_report["unhelpful_pages"]
    assert [p["page"] for p in pages[:2]] == ["paid/emoticon-refund/", "account/two-step-verification/"]
    assert pages[0]["no"] == 60 and pages[0]["votes"] == 100 and pages[0]["no_share"] == 0.6
    assert pages[0]["title"] == "이모티콘을 환불받고 싶어요"
    assert "settings/change-theme/" not in [p["page"] for p in pages], "no 아니요, not listed"
    searches = full_report["searches"]
    assert 0 < searches["zero_rate"] < 1 and searches["total"] > 2000
    handoffs = full_report["handoffs"]
    assert handoffs["total"] == 300
    assert sum(r["handoffs"] for r in handoffs["by_hour"]) == 300
    assert sum(map(sum, handoffs["grid"])) == 300
    # business hours (KST) were made the busy ones: the weekday hand-off rate beats the weekend's
    week, weekend = handoffs["by_weekday"][:5], handoffs["by_weekday"][5:]
    assert min(d["rate"] for d in week) > max(d["rate"] for d in weekend)
    assert handoffs["by_hour"][10]["handoffs"] > handoffs["by_hour"][3]["handoffs"]
    assert full_report["embedded_hosts"] == {"https://shop.example.com": 40}


def test_the_terminal_table(events_file: Path, default_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(events_file), "--site", str(default_site), "--top", "6"]) == 0
    out = capsys.readouterr().out
    assert "찾지 못한 검색" in out and "배송 조회" in out and "paid/cancel-gift/" in out
    assert f"{events_file}:7:" in out, "a skipped line is named file:line"
    assert "아니요" in out and "상담 연결" in out


def test_without_a_site_the_report_still_groups_and_says_what_a_site_adds(
        events_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = report(capsys, str(events_file), "--top", "3")
    assert [r["failed"] for r in data["failed_searches"]] == [f for f, _, _ in synthetic.FAILED[:3]]
    assert data["failed_searches"][0]["suggestion"]["kind"] == "no_site"


def test_since_and_until_are_korean_days(events_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    whole = report(capsys, str(events_file))
    first_week = report(capsys, str(events_file), "--since", "2026-11-01", "--until", "2026-11-07")
    assert 0 < first_week["events"] < whole["events"]
    kst = event_io.KST
    for moment in (first_week["period"]["first"], first_week["period"]["last"]):
        day = event_io.parse_time(moment).astimezone(kst).date().isoformat()
        assert "2026-11-01" <= day <= "2026-11-07"


def test_csv_from_a_sheet_and_broken_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "sheet.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["received", "time", "type", "page", "host", "query", "results", "opened", "vote", "channel", "state"])
        writer.writerow(["2026-11-02 10:00:05", "2026-11-02T01:00Z", "search", "", "", "선물 반품", "0", "FALSE", "", "", ""])
        writer.writerow(["", "2026-11-02T01:05Z", "search", "", "", "선물을 반품하고 싶어요", "2", "FALSE", "", "", ""])
        writer.writerow(["", "2026-11-02T01:06Z", "search", "", "", "선물 반풍", "", "", "", "", ""])
        writer.writerow(["", "2026-11-02T01:07Z", "vote", "paid/cancel-gift/", "", "", "", "", "no", "", ""])
        writer.writerow(["", "2026-11-02T01:08Z", "handoff", "", "", "", "", "", "", "agent", "open"])
        writer.writerow(["", "not a time", "search", "", "", "x", "1", "TRUE", "", "", ""])
        writer.writerow(["", "2026-11-02T01:09Z", "search", "", "", "x", "1", "TRUE", "", "", "", "extra"])
    json_col = tmp_path / "worker.csv"
    json_col.write_text('event\n"{""type"":""search"",""time"":""2026-11-02T01:10Z"",""query"":""선물반품"",""results"":0}"\n'
                        '"{broken"\n', encoding="utf-8")
    data = report(capsys, str(path), str(json_col))
    assert data["events"] == 6
    assert [(m["line"]) for m in data["malformed"]["lines"]] == [7, 8, 3]
    group = data["failed_searches"][0]
    assert group["failed"] == 4 and group["zero_results"] == 2
    assert data["unhelpful_pages"][0]["page"] == "paid/cancel-gift/"


@pytest.mark.parametrize("content", [b"", b"\xff\xfe\x00garbage", b"{}\n[]\n\"x\"\n", b"type\n\n\n"])
def test_hostile_files_never_crash(tmp_path: Path, content: bytes, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "events.jsonl"
    path.write_bytes(content)
    data = report(capsys, str(path))
    assert data["events"] == 0


def test_normal_forms() -> None:
    assert normal_key("이모티콘을 환불하고 싶어요") == normal_key("이모티콘환불") == "이모티콘환불"
    assert normal_key("qlalfqjsgh") == "비밀번호"
    names = group_queries(["탈퇴", "탈퇴하면 어떻게 돼요", "탈툐", "iOS 17", "iOS 18"])
    assert names["탈툐"] == names["탈퇴하면 어떻게 돼요"] == "탈퇴"
    assert names["iOS 17"] != names["iOS 18"], "a different number is not a typo"


def test_the_html_report_is_self_contained(events_file: Path, default_site: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.html"
    assert main(["report", str(events_file), "--site", str(default_site), "--html", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "<script" not in html.lower() and "http://" not in html and "https://" not in html.replace(
        "https://shop.example.com", "")
    assert "<svg" in html and "<style>" in html
    assert "배송 조회" in html


@pytest.mark.browser
def test_the_html_report_opens_in_chromium_without_errors_or_network(
        events_file: Path, default_site: Path, tmp_path: Path, new_page: Any) -> None:
    out = tmp_path / "report.html"
    assert main(["report", str(events_file), "--site", str(default_site), "--html", str(out)]) == 0
    page = new_page(viewport={"width": 1280, "height": 900})  # fails at teardown on a console error
    attempted: list[str] = []
    own = out.resolve().as_uri()

    def route(request_route: Any) -> None:
        if request_route.request.url == own:
            request_route.continue_()
        else:
            attempted.append(request_route.request.url)
            request_route.abort()

    page.route("**/*", route)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(own)
    page.wait_for_load_state("load")
    assert attempted == [] and requests == [own], (attempted, requests)
    assert page.locator("svg").count() >= 4
    assert page.locator("h1").inner_text() == "고객이 찾지 못한 것"
    assert page.locator("table").first.locator("tbody tr").count() >= len(synthetic.FAILED)
    assert page.evaluate("document.scripts.length") == 0


def test_site_given_as_mkdocs_yml_is_built_to_a_temporary_folder(
        events_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from conftest import ROOT

    data = report(capsys, str(events_file), "--site", str(ROOT / "mkdocs.yml"), "--top", "2")
    assert data["site"] is True
    assert data["failed_searches"][1]["suggestion"]["page"] == "paid/cancel-gift/"


def test_a_bad_site_or_missing_file_is_an_error_not_a_crash(events_file: Path, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(events_file), "--site", str(tmp_path)]) == 2
    assert "mkdocs.yml" in capsys.readouterr().err
    assert main(["report", str(tmp_path / "nope.jsonl")]) == 2
    assert main(["report", str(events_file), "--since", "last week"]) == 2


def test_a_suggested_page_that_is_itself_hard_to_find_gets_findabilitys_advice(tmp_path: Path) -> None:
    from conftest import mkdocs_build, write_project
    from doum.insights.suggest import Advisor, Suggestion, page_advice
    from doum.search.searcher import Searcher

    project = write_project(tmp_path / "p", {
        "a/how.md": "---\ntitle: 어떻게 하나요?\n---\n\n설정에서 알림을 끌 수 있어요.\n",
        "a/sound.md": "---\ntitle: 알림 소리를 끄고 싶어요\n---\n\n설정에서 알림 소리를 끌 수 있어요.\n",
    })
    assert mkdocs_build(project, tmp_path / "site").returncode == 0
    advisor = Advisor(Searcher.from_site(tmp_path / "site"))
    advice = {"알림 끄는 법": Suggestion("keywords", "…", page="a/how/"),
              "알림 소리": Suggestion("keywords", "…", page="a/sound/")}
    page_advice(advisor, advice)
    hard = advice["알림 끄는 법"].page_findability
    assert hard and any("question and function words" in r for r in hard["reasons"])
    assert any("rename the title" in line for line in hard["suggestions"]), "findability's own advice"
    assert advice["알림 소리"].page_findability is None, "an easy page needs no more advice"
