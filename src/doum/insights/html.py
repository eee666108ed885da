"""`doum report --html out.html`: one self-contained file — CSS in a <style> element, charts as
inline SVG, no script and no request to anything (it is a local report, not part of the site).
Every value from the events is escaped.
"""

from __future__ import annotations

from html import escape
from typing import Any

from doum.insights.text import percent, period_text

CSS = """
:root { color-scheme: light dark; --fg: #191919; --bg: #fff; --muted: #666; --bar: #c98a00;
  --bar2: #3b6fb6; --line: #ddd; }
@media (prefers-color-scheme: dark) { :root { --fg: #eee; --bg: #1b1b1f; --muted: #aaa;
  --bar: #fee500; --bar2: #7fb0ff; --line: #444; } }
body { font: 15px/1.55 Pretendard, "Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans KR", sans-serif;
  color: var(--fg); background: var(--bg); margin: 2rem auto; max-width: 72rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2.5rem; border-bottom: 1px solid var(--line); }
table { border-collapse: collapse; width: 100%; margin: .75rem 0; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.muted, small { color: var(--muted); }
.figures { display: flex; flex-wrap: wrap; gap: 1rem; padding: 0; list-style: none; }
.figures li { border: 1px solid var(--line); border-radius: .5rem; padding: .6rem 1rem; min-width: 10rem; }
.figures strong { display: block; font-size: 1.4rem; }
.kind { display: inline-block; border-radius: .25rem; padding: 0 .4rem; font-size: .8rem; border: 1px solid var(--line); }
svg { max-width: 100%; height: auto; }
svg text { fill: var(--fg); font-size: 11px; }
svg .bar { fill: var(--bar); } svg .bar2 { fill: var(--bar2); } svg .axis { stroke: var(--line); }
code { font-size: .9em; }
figure { margin: 1rem 0 2rem; } figcaption { color: var(--muted); font-size: .9rem; text-align: center; }
"""


def _e(value: Any) -> str:
    return escape(str(value), quote=True)


def _figure(title: str, svg: str) -> str:
    return f"<figure>{svg}<figcaption>{_e(title)}</figcaption></figure>"


def bar_chart(labels: list[str], values: list[float], title: str, fmt=lambda v: f"{v:g}",
              width: int = 720, height: int = 220, css: str = "bar") -> str:
    """Vertical bars with a label under each and the value above; role=img with a title."""
    top = max(values) if values and max(values) > 0 else 1
    count = max(1, len(values))
    left, bottom, plot_h = 8, 36, height - 56
    step = (width - 2 * left) / count
    parts = [f'<svg viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="{_e(title)}"><title>{_e(title)}</title>',
             f'<line class="axis" x1="{left}" y1="{height - bottom}" x2="{width - left}" y2="{height - bottom}"/>']
    for i, (label, value) in enumerate(zip(labels, values)):
        h = plot_h * (value / top) if value else 0
        x = left + i * step + step * 0.15
        y = height - bottom - h
        parts.append(f'<rect class="{css}" x="{x:.1f}" y="{y:.1f}" width="{step * 0.7:.1f}" height="{h:.1f}">'
                     f'<title>{_e(label)}: {_e(fmt(value))}</title></rect>')
        if value:
            parts.append(f'<text x="{x + step * 0.35:.1f}" y="{y - 3:.1f}" text-anchor="middle">{_e(fmt(value))}</text>')
        parts.append(f'<text x="{x + step * 0.35:.1f}" y="{height - bottom + 14}" text-anchor="middle">{_e(label)}</text>')
    parts.append("</svg>")
    return _figure(title, "".join(parts))


def hbar_chart(labels: list[str], values: list[float], title: str, width: int = 720) -> str:
    """Horizontal bars (long Korean labels fit on the left)."""
    row, label_w = 24, 260
    height = row * max(1, len(values)) + 10
    top = max(values) if values and max(values) > 0 else 1
    parts = [f'<svg viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="{_e(title)}"><title>{_e(title)}</title>']
    for i, (label, value) in enumerate(zip(labels, values)):
        y = 5 + i * row
        w = (width - label_w - 60) * value / top
        short = label if len(label) <= 22 else label[:21] + "…"
        parts.append(f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end">{_e(short)}</text>')
        parts.append(f'<rect class="bar" x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row - 8}">'
                     f'<title>{_e(label)}: {value:g}</title></rect>')
        parts.append(f'<text x="{label_w + w + 4:.1f}" y="{y + 15}">{value:g}</text>')
    parts.append("</svg>")
    return _figure(title, "".join(parts))


def heatmap(grid: list[list[int]], names: list[str], title: str) -> str:
    cell, left, top_pad = 26, 30, 18
    width, height = left + 24 * cell + 4, top_pad + 7 * cell + 4
    peak = max((v for r in grid for v in r), default=0) or 1
    parts = [f'<svg viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="{_e(title)}"><title>{_e(title)}</title>']
    for hour in range(0, 24, 3):
        parts.append(f'<text x="{left + hour * cell + cell / 2}" y="12" text-anchor="middle">{hour}</text>')
    for d, row in enumerate(grid):
        y = top_pad + d * cell
        parts.append(f'<text x="{left - 6}" y="{y + 17}" text-anchor="end">{_e(names[d])}</text>')
        for hour, value in enumerate(row):
            opacity = 0.08 + 0.92 * value / peak if value else 0.04
            parts.append(f'<rect class="bar" x="{left + hour * cell + 1}" y="{y + 1}" width="{cell - 2}" '
                         f'height="{cell - 2}" fill-opacity="{opacity:.2f}"><title>{_e(names[d])} '
                         f'{hour:02d}시: {value}</title></rect>')
    parts.append("</svg>")
    return _figure(title, "".join(parts))


def _table(headers: list[tuple[str, bool]], rows: list[list[str]]) -> str:
    """`rows` hold HTML already escaped; headers are text."""
    num = ' class="n"'
    head = "".join(f'<th{num if n else ""} scope="col">{_e(h)}</th>' for h, n in headers)
    body = "".join("<tr>" + "".join(f'<td{num if headers[i][1] else ""}>{c}</td>'
                                    for i, c in enumerate(r)) + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


KIND_NAMES = {"keywords": "keywords 추가", "synonyms": "동의어 묶음", "new_page": "새 페이지",
              "found": "이제 찾음", "no_site": "사이트 없음"}


def render(report: dict[str, Any]) -> str:
    period = report["period"]
    span = period_text(period)
    s, h = report["searches"], report["handoffs"]
    out = ['<!doctype html><html lang="ko"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           '<meta name="referrer" content="no-referrer">',
           "<title>doum report — 고객이 찾지 못한 것</title>", f"<style>{CSS}</style></head><body>",
           "<h1>고객이 찾지 못한 것</h1>",
           f'<p class="muted">기간 {_e(span)} · 이벤트 {report["events"]}개 · 시각은 한국 시간(KST)</p>',
           '<ul class="figures">',
           f'<li>검색<strong>{s["total"]}</strong></li>',
           f'<li>결과 없음<strong>{_e(percent(s["zero_rate"]))}</strong></li>',
           f'<li>실패한 검색<strong>{_e(percent(s["failed_rate"]))}</strong></li>',
           f'<li>상담 연결 / 검색<strong>{_e(percent(h["rate"]))}</strong></li>',
           f'<li>메일 보내기 누름<strong>{report["contact_sends"]}</strong></li>', "</ul>"]
    malformed = report["malformed"]
    if malformed["count"]:
        items = "".join(f"<li><code>{_e(m['file'])}:{m['line']}</code> {_e(m['reason'])}</li>"
                        for m in malformed["lines"][:20])
        out.append(f"<details><summary>건너뛴 줄 {malformed['count']}개</summary><ul>{items}</ul></details>")

    groups = report["failed_searches"]
    out.append("<h2>찾지 못한 검색</h2>")
    out.append('<p class="muted">결과가 없었거나 아무 결과도 열지 않은 검색. 조사·어미, 띄어쓰기, 한 자모 오타가 다른 '
               "말은 한 줄로 묶었어요.</p>")
    if groups:
        out.append(hbar_chart([g["label"] for g in groups[:15]], [g["failed"] for g in groups[:15]],
                              "실패한 검색 횟수 (상위 15)"))
        rows = []
        for rank, g in enumerate(groups, 1):
            variants = ", ".join(f"{_e(v['query'])} <small>({v['count']})</small>" for v in g["variants"])
            engine = "<br>".join(f"{_e(x['title'])} <small><code>{_e(x['location'])}</code></small>"
                                 for x in g.get("engine", [])) or '<span class="muted">결과 없음</span>'
            sug = g["suggestion"]
            found = sug.get("page_findability")
            extra = ("<br><small>이 페이지는 찾기도 어려워요 (doum findability): "
                     + _e("; ".join(found["reasons"] + found["suggestions"])) + "</small>") if found else ""
            rows.append([str(rank), f"<strong>{_e(g['label'])}</strong><br><small>{variants}</small>",
                         str(g["failed"]), str(g["zero_results"]), str(g["not_opened"]), engine,
                         f'<span class="kind">{_e(KIND_NAMES.get(sug["kind"], sug["kind"]))}</span> {_e(sug["text"])}{extra}'])
        out.append(_table([("#", True), ("검색어와 쓴 말", False), ("실패", True), ("결과 없음", True),
                           ("안 엶", True), ("지금 검색하면", False), ("제안", False)], rows))
    else:
        out.append("<p>실패한 검색이 없어요.</p>")

    pages = report["unhelpful_pages"]
    out.append("<h2>‘아니요’가 많은 페이지</h2>")
    if pages:
        out.append(hbar_chart([p["title"] or p["page"] for p in pages], [p["no"] for p in pages],
                              "‘아니요’ 평가 수"))
        out.append(_table([("페이지", False), ("아니요", True), ("예", True), ("아니요 비율", True)], [
            [f"{_e(p['title'] or p['page'])}<br><small><code>{_e(p['page'])}</code></small>",
             str(p["no"]), str(p["yes"]), _e(percent(p["no_share"]))] for p in pages]))
    else:
        out.append("<p>‘아니요’ 평가가 없어요.</p>")

    out.append("<h2>상담 연결 (한국 시간)</h2>")
    out.append(f'<p>상담 연결 {h["total"]}번, 검색 대비 {_e(percent(h["rate"]))}. 방법: '
               + _e(", ".join(f"{k} {v}" for k, v in h["by_channel"].items()) or "—")
               + " · 그때 상태: " + _e(", ".join(f"{k} {v}" for k, v in h["by_state"].items()) or "—") + "</p>")
    out.append(bar_chart([f"{r['hour']}" for r in h["by_hour"]], [(r["rate"] or 0) * 100 for r in h["by_hour"]],
                         "시간대별 상담 연결 비율 (검색 대비, %)", fmt=lambda v: f"{v:.0f}"))
    out.append(bar_chart([d["name"] for d in h["by_weekday"]], [(d["rate"] or 0) * 100 for d in h["by_weekday"]],
                         "요일별 상담 연결 비율 (검색 대비, %)", fmt=lambda v: f"{v:.0f}", height=200, css="bar2"))
    out.append(heatmap(h["grid"], [d["name"] for d in h["by_weekday"]], "요일·시간대별 상담 연결 수"))
    out.append('<p class="muted">doum report · 이 파일은 아무 데서도 아무것도 불러오지 않아요.</p></body></html>')
    return "\n".join(out) + "\n"
