"""`make bench`: doum beside stock Material for MkDocs — page weight, build, header search.

Builds the default knowledge base and generated ones (1,000 and 10,000 pages by default, each
with a fixed and a growing vocabulary) with stock Material (`search: {lang: ko}` + glightbox)
and with doum; weighs home, an answer page and /contact/ in headless Chromium and scores them
with Lighthouse; drives each site's real header search; weighs the launcher embedded in a
product page of another origin; prints a side-by-side table and writes bench-results/<time>/
(report.md with issue #12's and #13's targets marked pass/fail, chart.png, results.json).
Figures are reported, never asserted.

    .venv/bin/python scripts/bench.py [--sizes 1000,10000] [--vocab fixed,growing] [--no-lighthouse]
    .venv/bin/python scripts/bench.py --quick      # small sizes, no Lighthouse: a smoke run
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Browser

from bench import browser, embed, generate, lighthouse, measure, metrics, report, sites
from bench.measure import KBRun, SiteResult
from bench.progress import Progress

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "tests" / "search" / "queries.yaml"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000",
                        help="page counts of the generated knowledge bases (default: 1000,10000)")
    parser.add_argument("--stock-pages", type=int, default=1000,
                        help="build stock Material in full up to this many pages (default: 1000; "
                             "its build time grows with the square of the page count)")
    parser.add_argument("--no-stock-search", action="store_true",
                        help="above --stock-pages, skip stock Material entirely instead of "
                             "measuring its search on a one-entry-nav build")
    parser.add_argument("--vocab", default="fixed,growing",
                        help="vocabulary modes of the generated knowledge bases: fixed (the "
                             "default KB's ~230 keywords), growing (new names on every page; "
                             "default: both)")
    parser.add_argument("--queries", type=int, default=100,
                        help="queries sampled from each generated knowledge base (default: 100)")
    parser.add_argument("--quality-queries", type=int, default=None,
                        help="use only the first N held-out queries on the default KB "
                             "(default: all of tests/search/queries.yaml)")
    parser.add_argument("--typed-queries", type=int, default=30,
                        help="queries typed one character at a time for the per-keystroke "
                             "latency (default: 30 per knowledge base)")
    # Cold loads on 2 cores spread over ~300 ms: a median of 5 moves by more than the 100 ms a
    # target allows (README, Benchmarks).
    parser.add_argument("--repeats", type=int, default=15,
                        help="runs per site for each 'first result' figure, the n-th with the "
                             "n-th sampled query, each in a cold browser context (median; "
                             "default: 15)")
    parser.add_argument("--no-embed", action="store_true",
                        help="skip the embedded launcher (e.g. benching a commit before it existed)")
    parser.add_argument("--no-lighthouse", action="store_true",
                        help="skip Lighthouse (it needs Node and `npx lighthouse@12.2.3`)")
    parser.add_argument("--lighthouse-runs", type=int, default=5,
                        help="Lighthouse runs per page; the report gives the median (default: 5)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the generated pages/queries")
    parser.add_argument("--build-timeout", type=float, default=1800, help="seconds per build")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results",
                        help="results folder (a time-stamped folder is made inside)")
    parser.add_argument("--keep", action="store_true", help="keep the built sites (path printed)")
    parser.add_argument("--quick", action="store_true",
                        help="smoke run: sizes 100,300, 20 queries, 5 typed, one load per "
                             "figure, no Lighthouse")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.stock_pages, args.queries, args.repeats = "100,300", 300, 20, 1
        args.typed_queries, args.no_lighthouse = 5, True
    args.sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    args.vocab = [mode.strip() for mode in args.vocab.split(",") if mode.strip()]
    if unknown := set(args.vocab) - set(generate.MODES):
        parser.error(f"--vocab: unknown mode {', '.join(sorted(unknown))} "
                     f"(use {', '.join(generate.MODES)})")
    return args


def plan(pages: int, args: argparse.Namespace, reference: bool = False) -> list[tuple[str, bool]]:
    """(engine, search_only) builds for a knowledge base of this size; the default KB (reference)
    is always built in full by both, whatever --stock-pages says: its pages are the comparison."""
    if reference or pages <= args.stock_pages:
        return [("stock", False), ("doum", False)]
    if args.no_stock_search:
        return [("doum", False)]
    return [("stock", True), ("doum", False)]


def measure_kb(run: KBRun, docs_dir: Path, project: Path, queries: list[str],
               quality: list[metrics.Query] | None, args: argparse.Namespace,
               chromium: Browser, progress: Progress, site_name: str | None = None,
               lighthouse_runs: int | None = None) -> KBRun:
    """Build and measure one knowledge base with each engine.

    lighthouse_runs: None measures search only; 0 adds page weight; more adds Lighthouse too.
    """
    label = run.label
    src_uris = sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md"))
    run.pages = sum(not uri.endswith("index.md") for uri in src_uris)
    questions = run.pages
    for engine, search_only in plan(questions, args, reference=run.mode == "default"):
        site = SiteResult(engine)
        run.sites.append(site)
        step = f"{label} · {engine}"
        config = sites.write_config(engine, project, docs_dir, site_name, search_only)
        site_dir = project / f"site-{config.stem}"
        built = sites.build(engine, config, site_dir, args.build_timeout,
                            on_wait=lambda: progress.show(f"{step} · building"))
        if built.seconds is None:
            site.error = f"build: {built.error.strip().splitlines()[-1] if built.error else '?'}"
            progress.note(f"{step}: build failed — {site.error}")
            continue
        if search_only:
            site.note = ("search only: built with a one-entry nav (its full build is quadratic), "
                         "so build time and sizes are not comparable")
        else:
            site.build_seconds = built.seconds
            measure.disk_figures(site, site_dir, src_uris)
            if lighthouse_runs is not None:
                measure.page_figures(site, chromium, site_dir, lighthouse_runs,
                                     on_step=lambda what: progress.show(f"{step} · {what}"))
        if engine == "stock":
            measure.stock_index(site, site_dir)
        progress.show(f"{step} · first result after load")
        shown = measure.search_figures(
            site, chromium, site_dir, queries, args.repeats, args.typed_queries,
            on_query=lambda done, total: progress.show(f"{step} · search", done, total))
        if quality and len(shown) == len(quality):
            site.quality = metrics.quality_by_kind(quality, shown)
        progress.note(f"{step}: {_summary(site)}")
        if not args.keep:
            shutil.rmtree(site_dir, ignore_errors=True)
    return run


def _summary(site: SiteResult) -> str:
    parts = []
    if site.build_seconds is not None:
        parts.append(f"built in {site.build_seconds:.1f} s")
    if site.first_result_ms is not None:
        parts.append(f"first result {site.first_result_ms:.0f} ms")
    if site.search_gzip is not None:
        parts.append(f"search bytes {site.search_gzip / 1024:,.0f} KB gzip")
    if site.latency_median_ms is not None:
        parts.append(f"latency median {site.latency_median_ms:.1f} ms")
    if site.error:
        parts.append(site.error)
    return ", ".join(parts) or "done"


def _embed_summary(result: embed.EmbedResult) -> str:
    stages = ", ".join(f"{stage.name} {stage.bytes_gzip / 1024:,.1f} KB gzip"
                       for stage in result.stages)
    answer = result.first_answer_ms
    return stages + ("" if answer is None else f", first answer {answer:.0f} ms after typing")


def run_info(args: argparse.Namespace, chromium: Browser, argv: list[str]) -> dict[str, str]:
    def git(*command: str) -> str:
        result = subprocess.run(["git", *command], cwd=ROOT, capture_output=True, text=True)
        return result.stdout.strip()

    dirty = " (uncommitted changes)" if git("status", "--porcelain", "--", "src", "overrides",
                                            "mkdocs.yml") else ""
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "command": " ".join(["scripts/bench.py", *argv]),
        "commit": git("rev-parse", "--short", "HEAD") + dirty,
        "machine": f"{os.cpu_count()} cores, {platform.machine()}, "
                   f"Python {platform.python_version()}",
        "browser": f"Chromium {chromium.version} (headless)",
        # Other work on the machine skews every timing; the load average tells how busy it was.
        "load average at start": "{:.1f} {:.1f} {:.1f}".format(*os.getloadavg()),
        "seed": str(args.seed),
        # The figures' medians are steadier with more loads: a report says how many it took.
        "first-result runs": f"{args.repeats} cold loads and {args.repeats} typed queries per site",
    }


def lighthouse_note(args: argparse.Namespace, progress: Progress) -> str:
    """How Lighthouse runs in this benchmark, or "skipped: why"."""
    if args.no_lighthouse or args.lighthouse_runs < 1:
        return "skipped: turned off (--no-lighthouse or --quick)"
    progress.show(f"fetching {lighthouse.PACKAGE} through npx")
    if why := lighthouse.unavailable():
        progress.note(f"Lighthouse skipped: {why}")
        return f"skipped: {why}"
    return (f"{lighthouse.PACKAGE}, mobile (its default form factor and simulated throttling), "
            f"Chromium at {browser.CHROMIUM}, median of {args.lighthouse_runs} runs per page")


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    progress = Progress()
    vocabulary = generate.read_vocabulary(ROOT / "docs")
    folder = args.out / datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%d-%H%M%S")
    folder.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="doum-bench-"))
    runs: list[KBRun] = []
    try:
        with browser.chromium() as chromium:
            info = run_info(args, chromium, argv)
            info["lighthouse"] = lighthouse_note(args, progress)
            skipped = info["lighthouse"].startswith("skipped")
            lighthouse_runs = 0 if skipped else args.lighthouse_runs
            quality = metrics.load_queries(QUERIES)[: args.quality_queries]
            runs.append(measure_kb(KBRun("default KB", 0), ROOT / "docs", work / "default",
                                   [q.text for q in quality], quality, args, chromium, progress,
                                   lighthouse_runs=lighthouse_runs))
            embedded = embed.EmbedResult(error="skipped: --no-embed")
            if not args.no_embed:
                embedded = embed.measure(
                    chromium, ROOT / "docs", work / "embed", args.build_timeout, args.keep,
                    on_step=lambda what: progress.show(f"embedded launcher · {what}"))
            progress.note(f"embedded launcher: {embedded.error or _embed_summary(embedded)}")
            for mode in args.vocab:
                for size in args.sizes:
                    label = f"{size:,} pages" + ("" if mode == "fixed" else f" ({mode})")
                    progress.show(f"{label} · generating")
                    folder_kb = work / f"kb{size}-{mode}"
                    kb = generate.generate(folder_kb, size, vocabulary, seed=args.seed, mode=mode)
                    run = KBRun(label, size, mode=mode, distinct_terms=kb.distinct_terms)
                    runs.append(measure_kb(run, kb.docs_dir, folder_kb,
                                           kb.sample_queries(args.queries, args.seed), None,
                                           args, chromium, progress,
                                           site_name=f"도움말 {size:,}쪽"))
                    if not args.keep:
                        shutil.rmtree(kb.docs_dir, ignore_errors=True)
            minutes = (time.perf_counter() - started) / 60
            info["duration"] = f"{minutes:.1f} min"
            info["load average at end"] = "{:.1f} {:.1f} {:.1f}".format(*os.getloadavg())
            report.write_markdown(folder, runs, info, embedded)
            report.write_json(folder, runs, info, embedded)
            report.write_chart(folder, runs, chromium)
    finally:
        if args.keep:
            print(f"built sites kept in {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(report.text_table(runs, embedded))
    print(f"\n{info['duration']} · report: {folder / 'report.md'} · "
          f"chart: {folder / 'chart.png'}")
    failed = [site for run in runs for site in run.sites if site.error.startswith("build")]
    return 1 if failed or embedded.error.startswith("build") else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
