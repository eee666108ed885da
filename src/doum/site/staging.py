"""Build into a staging folder and publish it only when the whole build succeeded.

MkDocs writes straight into `site_dir` and cleans it first, so a failed build would leave a
half-written (or empty) site. doum points MkDocs at a sibling staging folder and swaps it in
at the very end of a successful build; a failed build leaves the previous site untouched.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import CountHandler


class Staging:
    def __init__(self, config: MkDocsConfig) -> None:
        self.config = config
        self.target = Path(config.site_dir)
        self.folder = self.target.with_name(self.target.name + ".doum-staging")
        shutil.rmtree(self.folder, ignore_errors=True)
        config.site_dir = str(self.folder)
        # `--strict` aborts only after post_build; count warnings to know we will abort.
        self.warnings: CountHandler | None = None
        if config.strict:
            self.warnings = CountHandler()
            self.warnings.setLevel(logging.WARNING)
            logging.getLogger("mkdocs").addHandler(self.warnings)

    def publish(self) -> None:
        """Swap the finished build in (unless strict mode is about to abort it)."""
        self._detach()
        if self.warnings is not None and self.warnings.get_counts():
            self.discard()
            return
        old = self.target.with_name(self.target.name + ".doum-old")
        shutil.rmtree(old, ignore_errors=True)
        if self.target.exists():
            self.target.rename(old)
        self.folder.rename(self.target)
        shutil.rmtree(old, ignore_errors=True)

    def discard(self) -> None:
        self._detach()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _detach(self) -> None:
        # Commands that read site_dir after the build (gh-deploy) must see the real folder.
        self.config.site_dir = str(self.target)
        if self.warnings is not None:
            logging.getLogger("mkdocs").removeHandler(self.warnings)
