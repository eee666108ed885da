"""`doum report` in a terminal: aligned tables (Hangul counts two columns wide)."""

from __future__ import annotations

import unicodedata
from typing import Any

from doum.insights.events import KST, parse_time


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1
               for ch in text)


def cut(text: str, limit: int) -> str:
    if width(text) <= limit:
        return text
    out, used = "", 0
    for ch in text:
        w = width(ch)
        if used + w > limit - 1:
            break
        out, used = out + ch, used + w
    return out + "…"


def pad(text: str, size: int, right: bool = False) -> str:
    gap = " " * max(0, size - width(text))
    return gap + text if right else text + gap


def table(headers: list[str], rows: list[list[str]], right: set[int] = frozenset(), limit: int = 40) -> list[str]:
    cells = [[cut(str(c), limit) for c in row] for row in rows]
    sizes = [max([width(h)] + [width(r[i]) for r in cells]) for i, h in enumerate(headers)]
    line = lambda row: "  ".join(pad(c, sizes[i], i in right) for i, c in enumerate(row)).rstrip()  # noqa: E731
    return [line(headers), "  ".join("-" * s for s in sizes), *(line(r) for r in cells)]


def period_text(period: dict[str, Any]) -> str:
    """The span shown: --since/--until as given, else the first and last event in Korea time."""
    def shown(given: str | None, seen: str | None) -> str:
        if given:
            return given
        if not seen:
            return "—"
        return parse_time(seen).astimezone(KST).strftime("%Y-%m-%d %H:%M")
    return f"{shown(period.get('since'), period.get('first'))} ~ {shown(period.get('until'), period.get('last'))}"


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def render(report: dict[str, Any]) -> str:
    out: list[str] = []
    period = report["period"]
    span = period_text(period)
    out.append(f"doum report — {span} (시각은 한국 시간)")
    types = report["by_type"]
    out.append(f"이벤트 {report['events']}개: 검색 {types['search']}, 챗봇 질문 {types['launcher_question']}, "
               f"상담 창 열기 {types['launcher_open']}, 평가 {types['vote']}, 상담 연결 {types['handoff']}, "
               f"메일 보내기 누름 {types['contact_send']}")
    if report["embedded_hosts"]:
        out.append("다른 사이트에 넣은 상담 창: " + ", ".join(f"{h} {n}" for h, n in report["embedded_hosts"].items()))
    malformed = report["malformed"]
    if malformed["count"]:
        out.append(f"건너뛴 줄 {malformed['count']}개:")
        out += [f"  {m['file']}:{m['line']}: {m['reason']}" for m in malformed["lines"][:10]]
        if malformed["count"] > 10:
            out.append(f"  … 외 {malformed['count'] - 10}개 (--json 에 {len(malformed['lines'])}개까지)")
    s = report["searches"]
    out += ["", "## 검색",
            f"검색 {s['total']}번 · 결과 없음 {s['zero_results']}번 ({percent(s['zero_rate'])}) · "
            f"결과를 연 검색 {percent(s['open_rate'])} · 실패(결과 없음 또는 아무것도 열지 않음) {percent(s['failed_rate'])}"]
    for kind, name in (("search", "헤더 검색"), ("launcher_question", "챗봇 질문")):
        b = s["by_source"][kind]
        if b["total"]:
            out.append(f"  {name}: {b['total']}번, 결과 없음 {percent(b['zero_rate'])}, 실패 {percent(b['failed_rate'])}")

    out += ["", "## 찾지 못한 검색 (같은 말은 한 줄로: 조사·띄어쓰기·한 자모 오타를 묶음)"]
    rows = []
    for rank, g in enumerate(report["failed_searches"], 1):
        variants = ", ".join(v["query"] for v in g["variants"][:3])
        engine = g["engine"][0]["location"] if g.get("engine") else "—"
        rows.append([str(rank), g["label"], str(g["failed"]), str(g["zero_results"]), str(g["not_opened"]),
                     variants, engine])
    if rows:
        out += table(["#", "검색어", "실패", "결과0", "안 엶", "쓴 말", "지금 1위"], rows, right={0, 2, 3, 4}, limit=30)
        out += ["", "제안:"]
        for rank, g in enumerate(report["failed_searches"], 1):
            out.append(f"{rank:>3}. {g['label']} → {g['suggestion']['text']}")
            found = g["suggestion"].get("page_findability")
            if found:  # doum findability on that page: it is hard to find on its own, too
                out.append(f"     이 페이지는 찾기도 어려워요 (doum findability): {'; '.join(found['reasons'])}")
                out += [f"     - {line}" for line in found["suggestions"]]
    else:
        out.append("실패한 검색이 없어요.")

    out += ["", "## ‘아니요’가 많은 페이지"]
    pages = report["unhelpful_pages"]
    if pages:
        out += table(["페이지", "제목", "아니요", "예", "아니요 비율"],
                     [[p["page"], p["title"], str(p["no"]), str(p["yes"]), percent(p["no_share"])] for p in pages],
                     right={2, 3, 4})
    else:
        out.append("‘아니요’ 평가가 없어요.")

    h = report["handoffs"]
    out += ["", "## 상담 연결 (검색 대비, 한국 시간)",
            f"상담 연결 {h['total']}번, 검색 대비 {percent(h['rate'])} · 방법: "
            + (", ".join(f"{k} {v}" for k, v in h["by_channel"].items()) or "—")
            + " · 상태: " + (", ".join(f"{k} {v}" for k, v in h["by_state"].items()) or "—")]
    out += table(["요일", "상담 연결", "검색", "비율"],
                 [[d["name"], str(d["handoffs"]), str(d["searches"]), percent(d["rate"])] for d in h["by_weekday"]],
                 right={1, 2, 3})
    busy = [r for r in h["by_hour"] if r["handoffs"] or r["searches"]]
    if busy:
        out.append("")
        out += table(["시", "상담 연결", "검색", "비율"],
                     [[f"{r['hour']:02d}시", str(r["handoffs"]), str(r["searches"]), percent(r["rate"])] for r in busy],
                     right={1, 2, 3})
    return "\n".join(out) + "\n"
