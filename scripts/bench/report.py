"""Figures → a side-by-side text table, a Markdown report and a PNG chart.

The chart is plain SVG in an HTML page that Chromium screenshots: no plotting dependency.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from playwright.sync_api import Browser

from bench.measure import KBRun, SiteResult

Cell = Callable[[SiteResult], str]
COLORS = {"stock": "#8a8f98", "doum": "#fee500", "doum-edge": "#3c1e1e"}


def _num(value: float | None, unit: str = "", digits: int = 0) -> str:
    return "—" if value is None else f"{value:,.{digits}f}{unit}"


def _kb(value: float | None) -> str:
    return _num(None if value is None else value / 1024, " KB", 0 if (value or 0) > 10240 else 1)


def _build(site: SiteResult) -> str:
    if site.note:
        return "n/a*"
    if site.build_seconds is None:
        return "failed" if site.error.startswith("build") else "—"
    return _num(site.build_seconds, " s", 1)


def _quality(attribute: str) -> Cell:
    def cell(site: SiteResult) -> str:
        if not site.quality:
            return "—"
        return f"{getattr(site.quality['all'], attribute):.2f}"
    return cell


ROWS: list[tuple[str, Cell]] = [
    ("build time", _build),
    ("site size", lambda s: _num(None if s.site_bytes is None else s.site_bytes / 2**20, " MB", 1)),
    ("HTML per page (mean)", lambda s: _kb(s.html_bytes_mean)),
    ("search payload raw", lambda s: _kb(s.payload_raw)),
    ("search payload gzip", lambda s: _kb(s.payload_gzip)),
    ("first result after load", lambda s: _num(s.first_result_ms, " ms")),
    ("query latency median", lambda s: _num(s.latency_median_ms, " ms", 1)),
    ("query latency p95", lambda s: _num(s.latency_p95_ms, " ms", 1)),
    ("queries with no result", lambda s: _num(s.no_result)),
    ("Recall@1", _quality("recall_at_1")),
    ("Recall@5", _quality("recall_at_5")),
    ("MRR", _quality("mrr")),
]


def _columns(runs: list[KBRun]) -> list[tuple[KBRun, SiteResult]]:
    return [(run, site) for run in runs for site in run.sites]


def text_table(runs: list[KBRun]) -> str:
    """The side-by-side table printed at the end of a run."""
    columns = _columns(runs)
    label_width = max(len(label) for label, _ in ROWS)
    width = max([14, *(len(site.engine) for _, site in columns)])
    kb_line = " " * label_width
    previous = None
    for run, _ in columns:
        kb_line += " " + (run.label[:width].ljust(width) if run is not previous else " " * width)
        previous = run
    lines = [kb_line.rstrip(),
             " " * label_width + "".join(" " + site.engine.ljust(width) for _, site in columns)]
    for label, cell in ROWS:
        lines.append(label.ljust(label_width)
                     + "".join(" " + cell(site).ljust(width) for _, site in columns))
    return "\n".join(line.rstrip() for line in lines)


def markdown_table(runs: list[KBRun]) -> str:
    columns = _columns(runs)
    head = "| | " + " | ".join(f"{run.label}<br>{site.engine}" for run, site in columns) + " |"
    rule = "| --- |" + " ---: |" * len(columns)
    body = ["| " + label + " | " + " | ".join(cell(site) for _, site in columns) + " |"
            for label, cell in ROWS]
    return "\n".join([head, rule, *body])


def quality_table(run: KBRun) -> str:
    """Recall@1 / Recall@5 / MRR per query kind, engines side by side."""
    sites = [site for site in run.sites if site.quality]
    if not sites:
        return "_No quality figures (search did not run)._"
    head = "| kind | queries | " + " | ".join(
        f"{s.engine} R@1 | {s.engine} R@5 | {s.engine} MRR" for s in sites) + " |"
    rule = "| --- | ---: |" + " ---: | ---: | ---: |" * len(sites)
    body = []
    for kind, first in sites[0].quality.items():
        cells = [f"{q.recall_at_1:.2f} | {q.recall_at_5:.2f} | {q.mrr:.2f}"
                 for q in (site.quality[kind] for site in sites)]
        body.append(f"| {kind} | {first.queries} | " + " | ".join(cells) + " |")
    return "\n".join([head, rule, *body])


def targets(runs: list[KBRun]) -> list[str]:
    """The brief's targets with the measured figures — reported, never asserted."""
    lines = []
    for run in runs:
        doum = _site(run, "doum")
        stock = _site(run, "stock")
        if doum is None or run.pages < 1000:
            continue
        limit = 16 if run.pages <= 1000 else 50
        lines.append(_target(f"{run.label}: query latency median ≤ {limit} ms",
                             doum.latency_median_ms, limit, "ms"))
        if run.pages >= 10_000 and stock and doum.first_result_ms and stock.first_result_ms:
            lines.append(_target(f"{run.label}: first result ≤ ⅓ of stock Material's",
                                 doum.first_result_ms / stock.first_result_ms, 1 / 3, "× stock"))
        if stock and doum.payload_gzip and stock.payload_gzip:
            lines.append(_target(f"{run.label}: search payload (gzip) ≤ 2× stock Material's",
                                 doum.payload_gzip / stock.payload_gzip, 2, "× stock"))
    return lines


def _target(label: str, value: float | None, limit: float, unit: str) -> str:
    if value is None:
        return f"- {label}: not measured"
    verdict = "met" if value <= limit else "**not met**"
    shown = f"{value:.1f} {unit}" if unit == "ms" else f"{value:.2f}{unit}"
    return f"- {label}: {shown} — {verdict}"


def _site(run: KBRun, engine: str) -> SiteResult | None:
    return next((site for site in run.sites if site.engine == engine), None)


def write_markdown(folder: Path, runs: list[KBRun], info: dict[str, str]) -> Path:
    notes = [f"- {run.label} · {site.engine}: {site.note}" for run, site in _columns(runs)
             if site.note]
    errors = [f"- {run.label} · {site.engine}: {site.error}" for run, site in _columns(runs)
              if site.error]
    payloads = [f"- {run.label} · {site.engine}: {', '.join(site.payload_files) or '—'}"
                for run, site in _columns(runs)]
    parts = [
        "# doum benchmark",
        "",
        *[f"- {key}: {value}" for key, value in info.items()],
        "",
        "![chart](chart.png)",
        "",
        "## Side by side",
        "",
        markdown_table(runs),
        "",
        "Build time is the wall clock of `mkdocs build` (Python start-up included). Search times "
        "are measured in the page (performance.now()) on a local static server: *first result "
        "after load* is from navigation start to the first RESULT message when the home page is "
        "opened with Material's `?q=` search link in a cold browser context (median of the "
        "repeats); *query latency* is from the QUERY message Material posts to its search "
        "worker to the RESULT message back, per query typed in the header search. *Search "
        "payload* counts the files under `search/` the page fetched (gzip level 6). Quality "
        "figures use tests/search/queries.yaml on the default knowledge base; generated "
        "knowledge bases are measured for speed only.",
        "",
        "## Targets (reported, not asserted)",
        "",
        *(targets(runs) or ["- no knowledge base of 1,000 pages or more was measured"]),
        "",
    ]
    for run in runs:
        if any(site.quality for site in run.sites):
            parts += [f"## Search quality by query kind — {run.label}", "", quality_table(run), ""]
    parts += ["## Search payload files", "", *payloads, ""]
    if notes:
        parts += ["## Notes", "", *[f"{line} (marked * in the table)" for line in notes], ""]
    if errors:
        parts += ["## Errors", "", *errors, ""]
    path = folder / "report.md"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def write_json(folder: Path, runs: list[KBRun], info: dict[str, str]) -> Path:
    data = {"info": info, "runs": [asdict(run) for run in runs]}
    path = folder / "results.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


# --- chart -------------------------------------------------------------------------------

PANELS: list[tuple[str, Callable[[SiteResult], float | None]]] = [
    ("Build time (s)", lambda s: s.build_seconds),
    ("Search payload, gzip (KB)",
     lambda s: None if s.payload_gzip is None else s.payload_gzip / 1024),
    ("First result after page load (ms)", lambda s: s.first_result_ms),
    ("Query latency, median (ms)", lambda s: s.latency_median_ms),
    ("Query latency, p95 (ms)", lambda s: s.latency_p95_ms),
]
PANEL_WIDTH, LABEL_WIDTH, BAR_HEIGHT = 520, 170, 22


def _bar_panel(title: str, bars: list[tuple[str, str, float]], digits: int = 1) -> str:
    """Horizontal bars: (label, engine, value)."""
    height = 34 + len(bars) * (BAR_HEIGHT + 6)
    top = max([value for _, _, value in bars] + [1e-9])
    scale = (PANEL_WIDTH - LABEL_WIDTH - 90) / top
    rows = []
    for index, (label, engine, value) in enumerate(bars):
        y = 30 + index * (BAR_HEIGHT + 6)
        width = max(1.0, value * scale)
        rows.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 16}" text-anchor="end">'
            f'{html.escape(label)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{width:.1f}" height="{BAR_HEIGHT}" '
            f'fill="{COLORS[engine]}" stroke="{COLORS["doum-edge"]}" stroke-width="0.5"/>'
            f'<text x="{LABEL_WIDTH + width + 6:.1f}" y="{y + 16}">{value:,.{digits}f}</text>')
    return (f'<svg width="{PANEL_WIDTH}" height="{height}" xmlns="http://www.w3.org/2000/svg">'
            f'<text x="0" y="18" class="title">{html.escape(title)}</text>{"".join(rows)}</svg>')


def _quality_panel(run: KBRun) -> str:
    """Recall@1 per kind, one bar per engine."""
    bars = [(f"{kind} · {site.engine}", site.engine, q.recall_at_1)
            for kind in (run.sites[0].quality or {})
            for site in run.sites if site.quality
            for q in [site.quality[kind]]]
    return _bar_panel(f"Recall@1 by query kind — {run.label}", bars, digits=2)


def chart_html(runs: list[KBRun]) -> str:
    panels = []
    for title, value in PANELS:
        bars = [(f"{run.label} · {site.engine}{' *' if site.note else ''}", site.engine, figure)
                for run, site in _columns(runs) if (figure := value(site)) is not None]
        if bars:
            panels.append(_bar_panel(title, bars))
    panels += [_quality_panel(run) for run in runs if any(site.quality for site in run.sites)]
    if any(site.note for _, site in _columns(runs)):
        panels.append("<p>* stock Material built with a one-entry nav: search figures only</p>")
    return (
        "<!doctype html><html lang='ko'><meta charset='utf-8'><style>"
        "body{margin:0;background:#fff;font:13px 'Noto Sans CJK KR',sans-serif;color:#222}"
        "main{display:grid;grid-template-columns:repeat(2,520px);gap:18px 28px;padding:20px;"
        "width:max-content} h1{grid-column:1/-1;font-size:18px;margin:0}"
        "svg text{font:12px 'Noto Sans CJK KR',sans-serif;fill:#222} svg .title{font-weight:700}"
        "main p{grid-column:1/-1;margin:0}</style>"
        "<main><h1>doum vs stock Material for MkDocs</h1>" + "".join(panels) + "</main>")


def write_chart(folder: Path, runs: list[KBRun], chromium: Browser) -> Path:
    """Render the chart page in Chromium and keep a PNG screenshot of it."""
    path = folder / "chart.png"
    page = chromium.new_page(device_scale_factor=2)
    try:
        page.set_content(chart_html(runs))
        page.locator("main").screenshot(path=str(path))
    finally:
        page.close()
    return path
