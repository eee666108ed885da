"""ProperDocs beside MkDocs: one strict build of the default site in .venv-properdocs (made by
`make properdocs`, on demand), served once for the compat tests.

Not a conftest.py: the suite imports the top-level tests/conftest.py as `conftest`, and a
second one by that name would shadow it. The test modules import these fixtures; the build is
memoised here, so two modules importing them still build once.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
PROPERDOCS_VENV = ROOT / ".venv-properdocs"
PROPERDOCS = PROPERDOCS_VENV / "bin" / "properdocs"
STAMP = PROPERDOCS_VENV / ".installed"
COMPAT_FIXTURES = Path(__file__).resolve().parent / "fixtures"
_BUILT: dict[str, tuple[Path, str, subprocess.CompletedProcess[str]]] = {}


def run_doum(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The `doum` command of this checkout's venv, as an owner runs it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "doum.cli", *args], capture_output=True,
                          text=True, env=env, cwd=cwd or ROOT)


@pytest.fixture(scope="session")
def properdocs() -> Path:
    """The ProperDocs executable; the venv is made when missing, and the tests that need it
    skip, saying why, only when it cannot be made (no network, no package index)."""
    if not STAMP.is_file():
        if not shutil.which("make"):
            pytest.skip("ProperDocs venv missing and `make` is not installed to create it")
        try:
            made = subprocess.run(["make", "--no-print-directory", str(STAMP.relative_to(ROOT))],
                                  cwd=ROOT, capture_output=True, text=True, timeout=1200)
        except subprocess.TimeoutExpired:
            pytest.skip("ProperDocs venv could not be created: `make properdocs` took over 20 minutes")
        if made.returncode != 0 or not STAMP.is_file():
            tail = " | ".join((made.stdout + made.stderr).strip().splitlines()[-3:])
            pytest.skip(f"ProperDocs venv (.venv-properdocs) could not be created: {tail}")
    return PROPERDOCS


@pytest.fixture(scope="session")
def properdocs_served(properdocs: Path, tmp_path_factory: pytest.TempPathFactory,
                     serve: Callable[[Path], str]) -> tuple[Path, str, subprocess.CompletedProcess[str]]:
    """The default site built once by `properdocs build --strict`, for the URL it is served at."""
    if "default" in _BUILT:
        return _BUILT["default"]
    site = tmp_path_factory.mktemp("properdocs") / "site"
    url = serve(site)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DOUM_SITE_URL": url}
    built = subprocess.run([str(properdocs), "build", "--strict", "-f", str(ROOT / "mkdocs.yml"),
                            "-d", str(site)], capture_output=True, text=True, env=env, cwd=ROOT)
    _BUILT["default"] = (site, url, built)
    return _BUILT["default"]


@pytest.fixture(scope="session")
def properdocs_site(properdocs_served: tuple[Path, str, subprocess.CompletedProcess[str]]) -> Path:
    site, _url, built = properdocs_served
    assert built.returncode == 0, built.stdout + built.stderr
    return site


@pytest.fixture(scope="session")
def properdocs_url(properdocs_site: Path, properdocs_served: tuple) -> str:
    return properdocs_served[1]
