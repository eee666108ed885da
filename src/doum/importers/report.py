"""What an import did, for a person (text) or a script (--json)."""

from __future__ import annotations

import json
import textwrap
from collections import Counter
from typing import Any

import yaml

from doum.importers.model import shown
from doum.importers.plan import CREATE, DELETED, KEPT, UNCHANGED, UPDATE, Plan
from doum.importers.sentences import shorter_than_a_sentence

ACTIONS = (CREATE, UPDATE, UNCHANGED, KEPT, DELETED)


def build(plan: Plan, dry_run: bool = False) -> dict[str, Any]:
    pages = plan.pages
    per_folder = Counter(page.folder for page in pages)
    removed: Counter[str] = Counter()
    for page in pages:
        removed.update(page.converted.removed if page.converted else {})
    return {
        "docs": shown(plan.docs),
        "dry_run": dry_run,
        "counts": {**{action: sum(p.action == action for p in pages) for action in ACTIONS},
                   "skipped": len(plan.skipped)},
        "categories": [
            {"folder": folder or ".", "title": plan.folders[folder].name if folder else "",
             "pages": count}
            for folder, count in sorted(per_folder.items())
        ],
        "pages": [{"source": p.entry.source, "path": p.path, "title": p.title,
                   "action": p.action} for p in pages],
        "skipped": [{"where": s.origin, "reason": s.reason} for s in plan.skipped],
        "renamed": [{"where": where, "from": before, "to": after}
                    for where, before, after in plan.renamed],
        "kept": [{"path": p.path, "source": p.entry.source,
                  "reason": "edited by hand since the last import" if p.action == KEPT
                  else "deleted by hand since the last import"}
                 for p in pages if p.action in (KEPT, DELETED)],
        "remote_images": [{"path": p.path, "url": url} for p in pages if p.converted
                          for url in p.converted.remote_images],
        "missing_files": [{"path": p.path, "where": p.entry.origin, "ref": ref} for p in pages
                          if p.converted for ref in p.converted.missing_files],
        "images_without_alt": [{"path": p.path, "count": p.converted.images_without_alt}
                               for p in pages if p.converted and p.converted.images_without_alt],
        "short_answers": [{"path": p.path, "where": p.entry.origin,
                           "answer": p.converted.plain_text} for p in pages
                          if p.converted and shorter_than_a_sentence(p.converted.plain_text)],
        "removed_markup": dict(sorted(removed.items())),
        "not_in_import": [{"source": source, "path": path} for source, path in plan.not_in_import],
        "warnings": plan.warnings,
        "mkdocs_categories": categories_block(plan),
    }


def categories_block(plan: Plan) -> dict[str, dict[str, Any]]:
    block: dict[str, dict[str, Any]] = {}
    for folder, category in sorted(plan.folders.items(),
                                   key=lambda item: (item[1].order is None, item[1].order or 0,
                                                     item[0])):
        if not folder:
            continue
        entry: dict[str, Any] = {"title": category.name}
        if category.description:
            entry["description"] = " ".join(category.description.split())
        if category.order is not None:
            entry["order"] = category.order
        block[folder] = entry
    return block


def as_json(report: dict[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2)


def as_text(report: dict[str, Any]) -> str:
    counts = report["counts"]
    lines = [
        f"{'would import' if report['dry_run'] else 'imported'} into {report['docs']}/: "
        f"{counts[CREATE]} created, {counts[UPDATE]} updated, {counts[UNCHANGED]} unchanged, "
        f"{counts[KEPT] + counts[DELETED]} kept (changed by hand), {counts['skipped']} skipped",
    ]

    def section(title: str, items: list[str]) -> None:
        if items:
            lines.extend(["", f"{title}:"] + [f"  {item}" for item in items])

    section("pages per category", [
        f"{c['folder']}/ {c['title']}: {c['pages']}" if c["title"] else f"(docs/): {c['pages']}"
        for c in report["categories"]])
    section("kept as they are (a later import never overwrites a page changed by hand)",
            [f"{k['path']}: {k['reason']} ({k['source']})" for k in report["kept"]])
    section("skipped", [f"{s['where']}: {s['reason']}" for s in report["skipped"]])
    section("duplicate titles, told apart by their category",
            [f"{r['where']}: {r['from']} → {r['to']}" for r in report["renamed"]])
    section("remote images, left as links to the old site (download them into docs/ and "
            "replace the links)", [f"{r['path']}: {r['url']}" for r in report["remote_images"]])
    section("links and images to files that were not found (kept as plain text)",
            [f"{m['where']}: {m['ref']}" for m in report["missing_files"]])
    section("images without alt text (the page title stands in; describe each picture)",
            [f"{i['path']}: {i['count']}" for i in report["images_without_alt"]])
    section("answers shorter than a sentence",
            [f"{s['path']}: {textwrap.shorten(s['answer'], 60) or '(only images)'}"
             for s in report["short_answers"]])
    section("removed from the old pages (scripts, trackers, event handlers…)",
            [f"{what}: {n}" for what, n in report["removed_markup"].items()])
    section("imported before but not in this import (left as they are)",
            [f"{n['path']} ({n['source']})" for n in report["not_in_import"]])
    section("warnings", report["warnings"])
    if report["mkdocs_categories"]:
        block = yaml.safe_dump({"categories": report["mkdocs_categories"]}, allow_unicode=True,
                               sort_keys=False, width=1_000_000)
        lines += ["", "categories: paste this into mkdocs.yml (merge it into an existing "
                  "`- doum:` entry):", "", "plugins:", "  - doum:",
                  textwrap.indent(block.rstrip(), " " * 6)]
    return "\n".join(lines)
