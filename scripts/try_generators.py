#!/usr/bin/env python3
"""Try the default help center on the generators that may replace MkDocs 1.x + Material 9.

    python3 scripts/try_generators.py            # MkDocs 2 (pre-release) and Zensical
    python3 scripts/try_generators.py zensical   # one of them
    python3 scripts/try_generators.py --keep     # keep the temp folder (venvs, sites, logs)

For each generator it makes a throwaway venv in a temp folder, installs the generator from
PyPI the way a site owner would, installs doum from this checkout, copies mkdocs.yml and
docs/ into a temp project, builds it, and prints what happened: the exit status, the
errors and warnings, whether doum's plugin ran (its search index and `#doum-site` data in the
pages), whether the contact page and the home page's template exist. Nothing here asserts:
it reports (README, "Material end of life", quotes a run).
"""

from __future__ import annotations

import argparse
import datetime
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# doum's own dependencies other than MkDocs and Material (pyproject.toml), for a venv where
# pip must not resolve doum's `mkdocs<2` pin.
DOUM_DEPS = ["pymdown-extensions>=10.7", "pyyaml>=6", "lunr>=0.7,<0.9", "holidays>=0.60"]
DOUM_SITE = 'id="doum-site"'
INSTALL_TIMEOUT = 900
BUILD_TIMEOUT = 600


@dataclass
class Step:
    name: str
    command: list[str]
    returncode: int | None = None
    output: str = ""
    seconds: float = 0.0


@dataclass
class Trial:
    generator: str
    version: str = "?"
    steps: list[Step] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)


def run(step: Step, cwd: Path, timeout: int) -> Step:
    started = time.monotonic()
    try:
        done = subprocess.run(step.command, cwd=cwd, capture_output=True, text=True,
                              timeout=timeout, env=_env())
        step.returncode, step.output = done.returncode, done.stdout + done.stderr
    except subprocess.TimeoutExpired as error:
        step.returncode = -1
        step.output = f"timed out after {timeout} s\n{error.stdout or ''}{error.stderr or ''}"
    except OSError as error:
        step.returncode, step.output = -1, str(error)
    step.seconds = time.monotonic() - started
    return step


def _env() -> dict[str, str]:
    import os

    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}


def make_venv(folder: Path) -> Path:
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    return folder / "bin"


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True)
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", target / "docs")
    return target


def installed_version(bin_dir: Path, package: str) -> str:
    done = subprocess.run([str(bin_dir / "python"), "-m", "pip", "show", package],
                          capture_output=True, text=True)
    match = re.search(r"^Version: (.+)$", done.stdout, re.M)
    return match.group(1) if match else "not installed"


def latest_version(bin_dir: Path, package: str) -> str:
    done = subprocess.run([str(bin_dir / "python"), "-m", "pip", "index", "versions", package],
                          capture_output=True, text=True, env=_env())
    match = re.search(rf"^{package} \((.+?)\)", done.stdout, re.M)
    return match.group(1) if match else ""


def inspect_site(site: Path, trial: Trial) -> None:
    """What an owner would look for in the output folder."""
    if not site.is_dir():
        trial.findings.append(f"no output folder ({site.name}/ was not written)")
        return
    pages = list(site.rglob("*.html"))
    home = site / "index.html"
    home_html = home.read_text(encoding="utf-8", errors="replace") if home.is_file() else ""
    faq = site / "account/reset-password/index.html"
    faq_html = faq.read_text(encoding="utf-8", errors="replace") if faq.is_file() else ""
    trial.findings += [
        f"{len(pages)} HTML files written",
        f"front matter printed as page text (account/reset-password): "
        f"{'YES' if 'summary:' in faq_html or 'keywords:' in faq_html else 'no'}",
        f"page <title> (account/reset-password): "
        + (re.search(r"<title>(.*?)</title>", faq_html, re.S).group(1).strip()[:80]
           if "<title>" in faq_html else "none"),
        f"home page: {'yes' if home.is_file() else 'NO'}",
        f"doum plugin ran (search/doum.json): {'yes' if (site / 'search/doum.json').is_file() else 'NO'}",
        f"#doum-site data in the home page: {'yes' if DOUM_SITE in home_html else 'NO'}",
        f"doum home template (doum-home.html) used: {'yes' if 'doum-searchbox' in home_html else 'NO'}",
        f"contact page (contact/index.html): {'yes' if (site / 'contact/index.html').is_file() else 'NO'}",
        f"category page (account/index.html): {'yes' if (site / 'account/index.html').is_file() else 'NO'}",
        f"a FAQ page (account/reset-password/index.html): "
        f"{'yes' if (site / 'account/reset-password/index.html').is_file() else 'NO'}",
        f"launcher markup (doum-launcher) in the home page: {'yes' if 'doum-launcher' in home_html else 'NO'}",
        f"generator's own search index: "
        + (", ".join(str(p.relative_to(site)) for p in sorted([*site.glob("search*.json"),
                                                                *site.glob("search*/*.json")]))
           or "none"),
    ]


def try_mkdocs2(work: Path, trial: Trial) -> None:
    bin_dir = make_venv(work / "venv")
    pip = [str(bin_dir / "python"), "-m", "pip", "install", "--quiet"]
    install = run(Step("install MkDocs 2 pre-release", [*pip, "--pre", "mkdocs>=2.0.0.dev0"]),
                  work, INSTALL_TIMEOUT)
    trial.steps.append(install)
    trial.version = installed_version(bin_dir, "mkdocs")
    # As an owner would first try it: doum and MkDocs 2 in one resolve.
    trial.steps.append(run(Step("install doum next to it (one resolve)",
                                [*pip, "--pre", "--dry-run", "mkdocs>=2.0.0.dev0", str(ROOT)]),
                           work, INSTALL_TIMEOUT))
    # Then forced: doum, Material and glightbox without their MkDocs 1.x pins.
    trial.steps.append(run(Step("install doum, Material, glightbox with --no-deps",
                                [*pip, "--no-deps", "-e", str(ROOT), "mkdocs-material>=9.5,<10",
                                 "mkdocs-glightbox>=0.4,<0.6"]), work, INSTALL_TIMEOUT))
    trial.steps.append(run(Step("install doum's other dependencies",
                                [*pip, *DOUM_DEPS, "babel", "paginate", "pygments", "backrefs",
                                 "colorama", "requests", "mkdocs-material-extensions"]),
                           work, INSTALL_TIMEOUT))
    project = copy_project(work / "project")
    trial.steps.append(run(Step("mkdocs --version", [str(bin_dir / "mkdocs"), "--version"]),
                           project, 60))
    trial.steps.append(run(Step("mkdocs build", [str(bin_dir / "mkdocs"), "build"]),
                           project, BUILD_TIMEOUT))
    if not (project / "site").is_dir():
        # MkDocs 2 refuses a folder with mkdocs.yml: take it away, as its error asks.
        (project / "mkdocs.yml").rename(project / "mkdocs.yml.off")
        trial.steps.append(run(Step("mkdocs build without mkdocs.yml",
                                    [str(bin_dir / "mkdocs"), "build"]), project, BUILD_TIMEOUT))
    inspect_site(project / "site", trial)
    try_doum_index(project / "site", trial, "--content-selector", "body")


def try_zensical(work: Path, trial: Trial) -> None:
    bin_dir = make_venv(work / "venv")
    pip = [str(bin_dir / "python"), "-m", "pip", "install", "--quiet"]
    trial.steps.append(run(Step("install zensical", [*pip, "zensical"]), work, INSTALL_TIMEOUT))
    first = installed_version(bin_dir, "zensical")
    newest = latest_version(bin_dir, "zensical")
    if newest and newest != first:
        trial.findings.append(f"pip chose zensical {first}, not the newest {newest}")
        trial.steps.append(run(Step(f"why not zensical {newest} (dry run)",
                                    [*pip, "--dry-run", f"zensical=={newest}"]), work, INSTALL_TIMEOUT))
    trial.steps.append(run(Step("install doum next to it", [*pip, "-e", str(ROOT)]),
                           work, INSTALL_TIMEOUT))
    trial.version = installed_version(bin_dir, "zensical")
    if trial.version != first:
        trial.findings.append(f"installing doum moved zensical from {first} to {trial.version}")
    project = copy_project(work / "project")
    trial.steps.append(run(Step("zensical build", [str(bin_dir / "zensical"), "build", "--clean"]),
                           project, BUILD_TIMEOUT))
    if not (project / "site/index.html").is_file():
        # Second try: doum's theme layer as Material's custom_dir, as an owner might.
        config = project / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace(
            "theme:\n  name: material\n",
            f"theme:\n  name: material\n  custom_dir: {ROOT / 'overrides'}\n", 1), encoding="utf-8")
        trial.steps.append(run(Step("zensical build with theme.custom_dir: overrides/",
                                    [str(bin_dir / "zensical"), "build", "--clean"]),
                               project, BUILD_TIMEOUT))
    if not (project / "site/index.html").is_file():
        # Third try: no doum templates at all (the home page's `template:` line and the
        # custom_dir taken out), Zensical's own theme; doum comes back with `doum index`.
        config.write_text(config.read_text(encoding="utf-8").replace(
            f"  custom_dir: {ROOT / 'overrides'}\n", "", 1), encoding="utf-8")
        home = project / "docs/index.md"
        home.write_text(re.sub(r"^template: .*\n", "", home.read_text(encoding="utf-8"), count=1,
                               flags=re.M), encoding="utf-8")
        trial.steps.append(run(Step("zensical build without doum's templates",
                                    [str(bin_dir / "zensical"), "build", "--clean"]),
                               project, BUILD_TIMEOUT))
    inspect_site(project / "site", trial)
    try_doum_index(project / "site", trial)


def try_doum_index(site: Path, trial: Trial, *options: str) -> None:
    """The post-build road: `doum index` (run from this checkout's .venv) on the output."""
    python = ROOT / ".venv/bin/python"
    if not site.is_dir() or not python.is_file():
        trial.findings.append("doum index: not tried (no output folder, or no .venv in the checkout)")
        return
    step = run(Step("doum index on the output (this checkout's .venv)",
                    [str(python), "-m", "doum.cli", "index", str(site), "--quiet", *options]),
               ROOT, BUILD_TIMEOUT)
    trial.steps.append(step)
    index = site / "search/doum.json"
    if step.returncode != 0 or not index.is_file():
        return
    import json

    docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
    pages = [doc for doc in docs if "#" not in doc[0]]
    trial.findings.append(f"doum index: {len(pages)} pages, {len(docs)} search documents")
    found = subprocess.run([str(python), "-m", "doum.cli", "search", "비밀번호를 잊어버렸어요",
                            "--site", str(site), "--limit", "1"], capture_output=True, text=True,
                           env=_env())
    trial.findings.append("doum search 비밀번호를 잊어버렸어요 → "
                          + (found.stdout.strip().splitlines() or ["nothing"])[0])


PIP_NOISE = re.compile(r"^WARNING: Location '.*' is ignored")  # this machine's local mirrors
TRIALS = {"mkdocs2": try_mkdocs2, "zensical": try_zensical}
NOTEWORTHY = re.compile(r"error|warn|exception|traceback|not found|unknown|ignored|plugin|"
                        r"deprecat|conflict|requires|incompatible|doum", re.I)


def report(trial: Trial, verbose: bool) -> None:
    print(f"\n=== {trial.generator} {trial.version} ===")
    for step in trial.steps:
        status = "ok" if step.returncode == 0 else f"FAILED (exit {step.returncode})"
        print(f"- {step.name}: {status} in {step.seconds:.0f} s")
        lines = [line.rstrip() for line in step.output.splitlines()
                 if line.strip() and not PIP_NOISE.search(line)]
        shown = lines if verbose else [line for line in lines if NOTEWORTHY.search(line)]
        if step.returncode != 0 and not shown:
            shown = lines[-15:]
        for line in shown[:40]:
            print(f"    {line[:300]}")
        if len(shown) > 40:
            print(f"    … {len(shown) - 40} more lines")
    print("- output:")
    for finding in trial.findings:
        print(f"    {finding}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("generators", nargs="*", help=f"which to try: {', '.join(TRIALS)} (default: all)")
    parser.add_argument("--keep", action="store_true", help="keep the temp folder and print it")
    parser.add_argument("--verbose", action="store_true", help="print every line of every step")
    args = parser.parse_args(argv)
    unknown = [name for name in args.generators if name not in TRIALS]
    if unknown:
        parser.error(f"unknown generator {unknown[0]!r}: choose from {', '.join(TRIALS)}")
    temp = Path(tempfile.mkdtemp(prefix="doum-generators-"))
    print(f"doum try_generators — {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, "
          f"Python {sys.version.split()[0]}, work folder {temp}")
    try:
        for name in args.generators or list(TRIALS):
            trial = Trial(name)
            try:
                TRIALS[name](temp / name, trial)
            except Exception as error:  # report and go on with the next generator
                trial.findings.append(f"the trial itself failed: {error!r}")
            report(trial, args.verbose)
    finally:
        if args.keep:
            print(f"\nkept: {temp}")
        else:
            shutil.rmtree(temp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
