"""Which reader reads which source: by --format, else by the file's extension and content."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from doum.importers import csvfile, htmlfolder, intercom, zendesk
from doum.importers.model import ImportFailure, ReadResult, shown
from doum.importers.textfiles import read_json

FORMATS = ("csv", "tsv", "zendesk", "intercom", "html")
TABLE_SUFFIXES = (".csv", ".tsv", ".tab", ".txt")


@dataclass
class ReadOptions:
    format: str | None = None  # one of FORMATS; None: detect per file
    encoding: str | None = None
    columns: csvfile.Columns = field(default_factory=csvfile.Columns)
    title_selector: str = htmlfolder.DEFAULT_TITLE_SELECTOR
    body_selector: str = htmlfolder.DEFAULT_BODY_SELECTOR


def read_all(sources: list[Path], options: ReadOptions) -> ReadResult:
    """Every source read and checked; raises ImportFailure on the first one that cannot be."""
    groups: dict[str, list[Path]] = {name: [] for name in FORMATS}
    for source in sources:
        if not source.exists():
            raise ImportFailure(shown(source), "no such file or folder")
        for kind, path in _classify(source, options.format):
            groups[kind].append(path)
    if not any(groups.values()):
        raise ImportFailure(", ".join(map(shown, sources)),
                            "nothing to import: no .csv, .tsv, .json or .html files found")
    result = ReadResult()
    for kind in ("csv", "tsv"):
        for path in groups[kind]:
            result.extend(csvfile.read(path, options.columns, options.encoding,
                                       "\t" if kind == "tsv" else None))
    if groups["zendesk"]:
        result.extend(zendesk.read(groups["zendesk"]))
    if groups["intercom"]:
        result.extend(intercom.read(groups["intercom"]))
    if groups["html"]:
        result.extend(htmlfolder.read(groups["html"], options.title_selector,
                                      options.body_selector))
    return result


def _classify(source: Path, chosen: str | None) -> list[tuple[str, Path]]:
    if source.is_dir():
        if chosen == "html":
            return [("html", source)]
        files = sorted(p for p in source.iterdir() if p.is_file() and not p.name.startswith("."))
        json_files = [p for p in files if p.suffix.lower() == ".json"]
        tables = [p for p in files if p.suffix.lower() in TABLE_SUFFIXES]
        if chosen in ("zendesk", "intercom"):
            return [(chosen, p) for p in json_files]
        if chosen in ("csv", "tsv"):
            return [(chosen, p) for p in tables]
        found = [pair for p in json_files + tables for pair in _classify(p, None)]
        if htmlfolder.html_files(source):
            found.append(("html", source))
        return found
    if chosen:
        return [(chosen, source)]
    suffix = source.suffix.lower()
    if suffix in (".tsv", ".tab"):
        return [("tsv", source)]
    if suffix in (".csv", ".txt"):
        return [("csv", source)]
    if suffix in htmlfolder.HTML_SUFFIXES:
        return [("html", source)]
    if suffix == ".json":
        data = read_json(source)
        if zendesk.is_zendesk(data):
            return [("zendesk", source)]
        if intercom.is_intercom(data):
            return [("intercom", source)]
        raise ImportFailure(shown(source), "not a Zendesk Guide or Intercom Articles export — "
                            "name the format with --format zendesk or --format intercom")
    raise ImportFailure(shown(source), "unknown kind of file — name the format with --format "
                        f"({', '.join(FORMATS)})")
