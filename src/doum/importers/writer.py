"""Write a plan into docs/ so that a crash leaves no half-written page: every file is written
in full to a temporary folder beside docs/ (same disk), then renamed into place; the manifest
goes last, so it never lists a page that is not there."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from doum.importers.manifest import FILE_NAME
from doum.importers.plan import Plan


def write(plan: Plan) -> None:
    docs = plan.docs
    if not plan.writes and not plan.removals and not plan.manifest_changed:
        return  # a re-import with nothing new touches nothing, not even the manifest
    docs.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".doum-import-", dir=docs.parent))
    try:
        staged: list[tuple[Path, Path]] = []
        files = dict(plan.writes)
        if plan.manifest_changed:
            files[FILE_NAME] = plan.manifest.to_json().encode("utf-8")
        for i, (relative, data) in enumerate(files.items()):
            temp = staging / f"{i}.tmp"
            with open(temp, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            staged.append((temp, docs / relative))
        # Pages and images first, the manifest (added last above) after them.
        for temp, target in staged:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(temp, target)
        for relative in plan.removals:
            (docs / relative).unlink(missing_ok=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
