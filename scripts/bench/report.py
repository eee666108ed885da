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

from bench import targets
from bench.embed import EmbedResult
from bench.measure import KBRun, SiteResult
from bench.pages import PageFigures

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


def _search_bytes(site: SiteResult) -> str:
    if site.search_raw is None:
        return "—"
    return f"{_kb(site.search_gzip)} ({_kb(site.search_raw)} raw, {len(site.search_files)} files)"


def _session_bytes(site: SiteResult) -> str:
    if site.session_raw is None:
        return "—"
    return f"{_kb(site.session_gzip)} ({site.session_files} files)"


def _typed_bytes(site: SiteResult) -> str:
    if site.typed_raw is None:
        return "—"
    return f"{_kb(site.typed_gzip)} ({len(site.typed_files)} files)"


ROWS: list[tuple[str, Cell]] = [
    ("build time", _build),
    ("site size", lambda s: _num(None if s.site_bytes is None else s.site_bytes / 2**20, " MB", 1)),
    ("HTML per page (mean)", lambda s: _kb(s.html_bytes_mean)),
    ("search bytes before first result, gzip", _search_bytes),
    ("stock search_index.json, gzip", lambda s: _kb(s.stock_index_gzip)),
    ("first result after a cold load", lambda s: _num(s.first_result_ms, " ms")),
    ("first result from the first keystroke", lambda s: _num(s.typed_first_ms, " ms")),
    ("bytes from keystroke to result, gzip", _typed_bytes),
    ("search bytes over the session, gzip", _session_bytes),
    ("per-keystroke latency median", lambda s: _num(s.keystroke_median_ms, " ms", 1)),
    ("per-keystroke latency p95", lambda s: _num(s.keystroke_p95_ms, " ms", 1)),
    ("query latency median", lambda s: _num(s.latency_median_ms, " ms", 1)),
    ("query latency p95", lambda s: _num(s.latency_p95_ms, " ms", 1)),
    ("queries with no result", lambda s: _num(s.no_result)),
    ("Recall@1", _quality("recall_at_1")),
    ("Recall@5", _quality("recall_at_5")),
    ("MRR", _quality("mrr")),
]
PAGE_ROWS: list[tuple[str, Callable[[PageFigures], str]]] = [
    ("requests", lambda p: str(p.requests)),
    ("bytes (uncompressed)", lambda p: _kb(p.bytes_raw)),
    ("bytes (gzip)", lambda p: _kb(p.bytes_gzip)),
    ("render-blocking", lambda p: str(len(p.render_blocking))),
    ("first contentful paint (Chromium)", lambda p: _num(p.fcp_ms, " ms")),
]
EMBED_COLUMNS = ("stage", "requests", "bytes (uncompressed)", "bytes (gzip)")
LIGHTHOUSE_ROWS = [("Lighthouse performance", "performance"),
                   ("Lighthouse accessibility", "accessibility"),
                   ("Lighthouse best practices", "best-practices"),
                   ("Lighthouse SEO", "seo")]
LIGHTHOUSE_METRICS = [("Lighthouse FCP", "first-contentful-paint"),
                      ("Lighthouse LCP", "largest-contentful-paint"),
                      ("Lighthouse TBT", "total-blocking-time")]


def _columns(runs: list[KBRun]) -> list[tuple[KBRun, SiteResult]]:
    return [(run, site) for run in runs for site in run.sites]


def text_table(runs: list[KBRun], embed: EmbedResult | None = None) -> str:
    """The side-by-side table printed at the end of a run, the launcher's stages, the marks."""
    columns = _columns(runs)
    label_width = max(len(label) for label, _ in ROWS)
    width = max([22, *(len(run.label) for run, _ in columns)])
    kb_line = " " * label_width
    previous = None
    for run, _ in columns:
        kb_line += " " + (run.label[:width].ljust(width) if run is not previous else " " * width)
        previous = run
    lines = [kb_line.rstrip(),
             " " * label_width + "".join(" " + site.engine.ljust(width) for _, site in columns)]
    for label, cell in ROWS:
        lines.append(label.ljust(label_width)
                     + "".join(" " + cell(site)[:width].ljust(width) for _, site in columns))
    if embed and embed.stages:
        lines += ["", "Embedded launcher (help center requests, gzip):"]
        lines += [f"  {stage.name}: {_kb(stage.bytes_gzip)}, requests: {stage.requests}"
                  for stage in embed.stages]
    found = targets.evaluate(runs, embed)
    lines += ["", "Issue #12 and #13 targets: " + ", ".join(
        f"{sum(t.verdict == v for t in found)} {v.split(' ', 1)[1]}"
        for v in (targets.PASS, targets.FAIL, targets.UNMEASURED))]
    lines += [f"  {t.verdict.split(' ', 1)[0]} {t.name}: {t.doum} (vs {t.reference})"
              for t in found if t.verdict == targets.FAIL]
    return "\n".join(line.rstrip() for line in lines)


def markdown_table(runs: list[KBRun]) -> str:
    columns = _columns(runs)
    head = "| | " + " | ".join(f"{run.label}<br>{site.engine}" for run, site in columns) + " |"
    rule = "| --- |" + " ---: |" * len(columns)
    body = ["| " + label + " | " + " | ".join(cell(site) for _, site in columns) + " |"
            for label, cell in ROWS]
    return "\n".join([head, rule, *body])


def pages_table(run: KBRun) -> str:
    """Home, answer and /contact/: doum and stock side by side, Lighthouse medians below."""
    sites = [site for site in run.sites if site.pages]
    if not sites:
        return "_No page figures (the default KB did not build)._"
    head = "| | " + " | ".join(f"{role}<br>{site.engine}" for role in targets.ROLES
                               for site in sites) + " |"
    rule = "| --- |" + " ---: |" * (len(targets.ROLES) * len(sites))
    body = []
    for label, cell in PAGE_ROWS:
        body.append(f"| {label} | " + " | ".join(
            cell(site.pages[role]) + ("†" if site.pages[role].stands_in else "")
            if role in site.pages else "—" for role in targets.ROLES for site in sites) + " |")
    for label, name in LIGHTHOUSE_ROWS + LIGHTHOUSE_METRICS:
        cells = []
        for role in targets.ROLES:
            for site in sites:
                scores = site.lighthouse.get(role)
                value = None
                if scores:
                    value = scores.scores.get(name, scores.metrics.get(name))
                unit = "" if name in dict(LIGHTHOUSE_ROWS).values() else " ms"
                cells.append(_num(value, unit))
        body.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join([head, rule, *body])


def blocking_list(run: KBRun) -> list[str]:
    return [f"- {role} · {site.engine}: " + (", ".join(f"`{url}`" for url in
                                                      site.pages[role].render_blocking) or "none")
            for site in run.sites if site.pages for role in targets.ROLES if role in site.pages]


def vocabulary_table(runs: list[KBRun]) -> str:
    generated = [run for run in runs if run.distinct_terms is not None]
    if not generated:
        return "_No generated knowledge base._"
    modes = list(dict.fromkeys(run.mode for run in generated))
    pages = sorted({run.pages for run in generated})
    head = "| pages | " + " | ".join(f"{mode}: distinct terms" for mode in modes) + " |"
    rule = "| ---: |" + " ---: |" * len(modes)
    body = []
    for size in pages:
        cells = [next((f"{r.distinct_terms:,}" for r in generated
                       if r.mode == mode and r.pages == size), "—") for mode in modes]
        body.append(f"| {size:,} | " + " | ".join(cells) + " |")
    return "\n".join([head, rule, *body])


def targets_table(runs: list[KBRun], embed: EmbedResult | None = None) -> str:
    head = "| | target | doum | held against | result |\n| --- | --- | ---: | --- | --- |"
    body = [f"| {t.area} | {t.name} | {t.doum} | {t.reference} | {t.verdict} |"
            for t in targets.evaluate(runs, embed)]
    return "\n".join([head, *body])


def embed_table(embed: EmbedResult | None) -> str:
    """The launcher's three stages on a product page of another origin, and the first answer."""
    if embed is None or not embed.stages:
        return "_The embedded launcher was not measured._"
    head = "| " + " | ".join(EMBED_COLUMNS) + " |\n| --- |" + " ---: |" * 3
    body = [f"| {s.name} | {s.requests} | {_kb(s.bytes_raw)} | {_kb(s.bytes_gzip)} |"
            for s in embed.stages]
    lines = [head, *body, "", f"First answer after typing: {_num(embed.first_answer_ms, ' ms')}"
             + (f" (`{embed.answer}`)" if embed.answer else ""), "", "Fetched in each stage:", ""]
    lines += [f"- {s.name}: " + (", ".join(f"`{path}`" for path in s.paths) or "nothing")
              for s in embed.stages]
    return "\n".join(lines)


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


DEFINITIONS = """\
How each figure is taken (Chromium headless through Playwright, a local static server with no
compression, a cold browser context for every load):

- *Pages*: home, an answer page (`account/reset-password/`) and `/contact/` of the default KB,
  on a phone-sized screen, until the network has been quiet for 0.5 s. *Requests* counts every
  request of the page and its workers (data: URIs left out); *bytes* are the response bodies
  (uncompressed as this server sends them, and gzipped at level 6 as a compressing server
  would). *Render-blocking* counts what Lighthouse's render-blocking audit counts: the
  resources Chromium itself marks render-blocking (stylesheets, and scripts in the head without
  `async`, `defer` or `type=module`; Resource Timing's `renderBlockingStatus`, the mark
  Lighthouse reads from the trace) requested before first contentful paint. Stock Material has
  no contact page: its answer page stands in (marked †). Lighthouse: see the header above.
- *Search bytes before first result*: the home page is opened with Material's `?q=` search
  link; everything the search path fetched until the first result — each worker's script and
  everything the workers fetched, the data the page fetched (fetch/XHR) under `search/`, and
  whatever else that load fetched which the same page loaded without a query never fetches
  (search code loaded on demand) — as observed by Resource Timing in the page and in the
  workers, gzipped at level 6. The stock baseline is its `search/search_index.json` gzipped.
- *First result after a cold load*: navigation start → the first RESULT message of the header
  search's worker; the median of the repeats, the n-th with the n-th sampled query, each in a
  cold browser context (one that finds nothing still counts: the notes name it). *From the
  first keystroke*: the home page loaded and idle, each of those queries typed into the header
  search: its first input event → the first RESULT;
  *bytes from keystroke to result* is what the page fetched in between (the most of any).
  *Search bytes before first result* are likewise the most any of the cold loads fetched.
- *Search bytes over the session*: the last cold load goes on to answer every sampled query
  (pasted) and to type the first ones character by character: everything its search path
  fetched from the load to the last answer, each URL once, gzipped at level 6. A whole index
  costs its size here; a pieced one what the session's queries needed.
- *Per-keystroke latency*: queries typed one character at a time (a QUERY message per
  keystroke); QUERY → RESULT, measured in the page; median and 95th percentile (nearest
  rank). *Query latency*: the same for whole queries pasted at once.
- *Embedded launcher* (issue #13): the default KB built with `embed.origins` naming a plain
  product page on another port of 127.0.0.1, served with the CORS headers of its `_headers`;
  the product page embeds `assets/doum/embed.js` with one tag. Requests to the help center's
  origin and their bytes, per stage: *before the first open* (load, the button drawn, network
  quiet), *first open* (the button clicked, the panel and its question box drawn) and *first
  question answered* (a Korean question filled in, until its first answer link and a quiet
  network; a preloaded index, under 256 KB, already came on the first open, so this stage
  may fetch nothing). *First answer after typing*: the box's first input event → the answer
  link, in the page.
- *Build time*: wall clock of `mkdocs build` (Python start-up included); *HTML per page*: mean
  size of the question pages' HTML files.
- *Distinct terms*: distinct word forms (runs of Hangul syllables, or of Latin letters and
  digits starting with a letter) over every generated page.
"""


def _sizes_note(small: int | None, large: int | None) -> str:
    if small is None:
        return "No generated knowledge base in this run: only the default KB's rows are measured."
    if (small, large) == (1000, 10000):
        return "Measured in this run, doum beside stock Material."
    if large is None:
        return (f"{small:,} pages stand for the issue's 1,000; no larger size was run, so the "
                "10,000-page rows are not measured.")
    return f"{small:,} pages stand for the issue's 1,000 and {large:,} for its 10,000."


def write_markdown(folder: Path, runs: list[KBRun], info: dict[str, str],
                   embed: EmbedResult | None = None) -> Path:
    notes = [f"- {run.label} · {site.engine}: {site.note}" for run, site in _columns(runs)
             if site.note]
    errors = [f"- {run.label} · {site.engine}: {site.error}" for run, site in _columns(runs)
              if site.error]
    errors += [f"- {run.label} · {site.engine} · {role}: {scores.error}"
               for run, site in _columns(runs) for role, scores in site.lighthouse.items()
               if scores.error]
    if embed and embed.error:
        errors.append(f"- embedded launcher: {embed.error}")
    payloads = [f"- {run.label} · {site.engine}: {', '.join(site.search_files) or '—'}"
                + (f"; after the keystroke: {', '.join(site.typed_files)}"
                   if site.typed_files else "")
                for run, site in _columns(runs)]
    default = next((run for run in runs if run.mode == "default"), None)
    small, large = targets.sizes(runs)
    parts = [
        "# doum benchmark",
        "",
        *[f"- {key}: {value}" for key, value in info.items()],
        "",
        "![chart](chart.png)",
        "",
        "## Targets (issues #12 and #13)",
        "",
        _sizes_note(small, large),
        "",
        targets_table(runs, embed),
        "",
        "## Pages — default KB",
        "",
        pages_table(default) if default else "_The default KB was not measured._",
        "",
        "Render-blocking resources:",
        "",
        *(blocking_list(default) if default else []),
        "",
        "## Embedded launcher — default KB",
        "",
        embed_table(embed),
        "",
        "## Side by side",
        "",
        markdown_table(runs),
        "",
        "## Vocabulary of the generated knowledge bases",
        "",
        vocabulary_table(runs),
        "",
        "## How each figure is taken",
        "",
        DEFINITIONS,
    ]
    for run in runs:
        if any(site.quality for site in run.sites):
            parts += [f"## Search quality by query kind — {run.label}", "", quality_table(run), ""]
    parts += ["## Search files fetched", "", *payloads, ""]
    empty = [f"- {run.label} · {site.engine}: the first result for "
             f"{', '.join(map(repr, site.found_nothing))} was an empty list (its time counts)"
             for run, site in _columns(runs) if site.found_nothing and not site.error]
    if notes or empty:
        parts += ["## Notes", "", *[f"{line} (marked * in the table)" for line in notes], *empty, ""]
    if errors:
        parts += ["## Errors", "", *errors, ""]
    path = folder / "report.md"
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def write_json(folder: Path, runs: list[KBRun], info: dict[str, str],
               embed: EmbedResult | None = None) -> Path:
    data = {"info": info, "runs": [asdict(run) for run in runs],
            "embed": asdict(embed) if embed else None,
            "targets": [asdict(target) for target in targets.evaluate(runs, embed)]}
    path = folder / "results.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


# --- chart -------------------------------------------------------------------------------

PANELS: list[tuple[str, Callable[[SiteResult], float | None]]] = [
    ("Build time (s)", lambda s: s.build_seconds),
    ("Search bytes before first result, gzip (KB)",
     lambda s: None if s.search_gzip is None else s.search_gzip / 1024),
    ("First result after a cold load (ms)", lambda s: s.first_result_ms),
    ("First result from the first keystroke (ms)", lambda s: s.typed_first_ms),
    ("Per-keystroke latency, median (ms)", lambda s: s.keystroke_median_ms),
    ("Per-keystroke latency, p95 (ms)", lambda s: s.keystroke_p95_ms),
    ("Query latency, p95 (ms)", lambda s: s.latency_p95_ms),
    ("Search bytes over the session, gzip (KB)",
     lambda s: None if s.session_gzip is None else s.session_gzip / 1024),
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


def _pages_panel(run: KBRun) -> str:
    """Page bytes (uncompressed) of home, answer and /contact/, one bar per engine."""
    bars = [(f"{role} · {site.engine}{'†' if site.pages[role].stands_in else ''}", site.engine,
             site.pages[role].bytes_raw / 1024)
            for role in targets.ROLES for site in run.sites if role in site.pages]
    return _bar_panel(f"Page bytes, uncompressed (KB) — {run.label}", bars, digits=0)


def chart_html(runs: list[KBRun]) -> str:
    panels = [_pages_panel(run) for run in runs if any(site.pages for site in run.sites)]
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
