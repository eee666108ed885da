"""Reading collected insight events: JSON Lines (one event a line) or CSV (a header row whose
columns are the event's keys, as the Apps Script recipe writes them, or one `event`/`json`
column holding the whole event).

A line that is not an event — broken JSON, an unknown type, a time that cannot be read, a
count that is not a number — is counted and skipped with its file and line number; reading
never stops on bad input. Unreadable files are reported the same way (line 0).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

EVENT_TYPES = ("search", "launcher_open", "launcher_question", "vote", "handoff", "contact_send")
TEXT_FIELDS = ("page", "host", "query", "vote", "channel", "state", "from", "service", "kind")
KST = dt.timezone(dt.timedelta(hours=9), "KST")
MAX_TEXT = 200  # the browser sends at most 100 characters; anything longer was not ours
JSON_COLUMNS = ("event", "json", "payload", "data", "body")
TRUE = {"true", "1", "yes", "y", "t"}
FALSE = {"false", "0", "no", "n", "f", ""}


@dataclass
class Event:
    type: str
    time: dt.datetime  # aware, UTC
    page: str = ""
    host: str = ""
    query: str = ""
    results: int | None = None
    opened: bool | None = None
    vote: str = ""
    channel: str = ""
    state: str = ""
    source: str = ""  # "from": where a hand-off started (launcher, page)
    service: str = ""  # contact_send: the chosen service
    kind: str = ""  # contact_send: the inquiry type

    @property
    def kst(self) -> dt.datetime:
        return self.time.astimezone(KST)


@dataclass
class Malformed:
    file: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}"


@dataclass
class Collected:
    events: list[Event] = field(default_factory=list)
    malformed: list[Malformed] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    lines: int = 0  # non-empty records read


class BadEvent(ValueError):
    pass


def parse_time(value: Any) -> dt.datetime:
    """'2026-12-02T02:36Z', any ISO 8601 time (an offset or none: UTC), or epoch ms/s."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if value > 1e11 else value
        return dt.datetime.fromtimestamp(seconds, dt.timezone.utc)
    if not isinstance(value, str) or not value.strip():
        raise BadEvent("no time")
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        moment = dt.datetime.fromisoformat(text.replace(" ", "T", 1) if len(text) > 10 else text)
    except ValueError:
        raise BadEvent(f"time {value!r} is not an ISO 8601 time such as 2026-12-02T02:36Z") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc)


def _int(value: Any, name: str) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise BadEvent(f"{name} is not a number: {value!r}")
    if isinstance(value, (int, float)):
        number = value
    else:
        try:
            number = float(str(value).strip())
        except ValueError:
            raise BadEvent(f"{name} is not a number: {value!r}") from None
    if number != number or number < 0 or number > 10**9:
        raise BadEvent(f"{name} is out of range: {value!r}")
    return int(number)


def _bool(value: Any, name: str) -> bool | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in TRUE:
        return True
    if text in FALSE:
        return None if text == "" else False
    raise BadEvent(f"{name} is not true or false: {value!r}")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise BadEvent(f"expected text, got {type(value).__name__}")
    return " ".join(str(value).split())[:MAX_TEXT]


def to_event(record: Any) -> Event:
    """One record (a dict from JSON or a CSV row) → Event, or BadEvent saying why not."""
    if not isinstance(record, dict):
        raise BadEvent(f"expected a JSON object, got {type(record).__name__}")
    kind = record.get("type")
    if kind not in EVENT_TYPES:
        raise BadEvent(f"unknown event type {kind!r}" if kind else "no event type")
    event = Event(type=kind, time=parse_time(record.get("time")))
    for name in TEXT_FIELDS:
        if name in record:
            setattr(event, "source" if name == "from" else name, _text(record[name]))
    event.results = _int(record.get("results"), "results")
    event.opened = _bool(record.get("opened"), "opened")
    if event.type == "vote" and event.vote not in ("yes", "no"):
        raise BadEvent(f"vote is {event.vote!r}, expected yes or no")
    return event


def _json_lines(text: str, name: str, found: Collected) -> None:
    stripped = text.lstrip()
    if stripped.startswith("["):  # a JSON array of events (an export, not a log)
        try:
            records = json.loads(stripped)
        except json.JSONDecodeError as error:
            found.malformed.append(Malformed(name, error.lineno, f"broken JSON: {error.msg}"))
            return
        for number, record in enumerate(records if isinstance(records, list) else [records], 1):
            _take(record, name, number, found)
        return
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            found.lines += 1
            found.malformed.append(Malformed(name, number, f"broken JSON: {error.msg}"))
            continue
        _take(record, name, number, found)


def _csv_rows(text: str, name: str, found: Collected) -> None:
    reader = csv.reader(io.StringIO(text, newline=""))
    header: list[str] | None = None
    try:
        for row in reader:
            number = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if header is None:
                header = [cell.strip().lstrip("\ufeff").lower() for cell in row]
                if "type" not in header and not set(JSON_COLUMNS) & set(header):
                    found.malformed.append(Malformed(
                        name, number, "no header row with a `type` column (or an `event` column holding JSON)"))
                    return
                continue
            if len(row) > len(header):
                found.lines += 1
                found.malformed.append(Malformed(name, number, f"{len(row)} cells, the header has {len(header)}"))
                continue
            record: Any = {key: value for key, value in zip(header, row) if key}
            column = next((c for c in JSON_COLUMNS if c in record and record[c].strip()), None)
            if column and "type" not in header:
                try:
                    record = json.loads(record[column])
                except json.JSONDecodeError as error:
                    found.lines += 1
                    found.malformed.append(Malformed(name, number, f"broken JSON in `{column}`: {error.msg}"))
                    continue
            else:
                record = {k: v for k, v in record.items() if v != ""}
            _take(record, name, number, found)
    except csv.Error as error:
        found.malformed.append(Malformed(name, reader.line_num, f"broken CSV: {error}"))


def _take(record: Any, name: str, number: int, found: Collected) -> None:
    found.lines += 1
    try:
        found.events.append(to_event(record))
    except BadEvent as error:
        found.malformed.append(Malformed(name, number, str(error)))


def is_csv(path: Path, text: str) -> bool:
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv"):
        return True
    if suffix in (".jsonl", ".ndjson", ".json", ".log"):
        return False
    return not text.lstrip().startswith(("{", "["))


def read(paths: Iterable[str | Path]) -> Collected:
    """Every event of these files (folders: their *.jsonl, *.ndjson, *.json and *.csv files)."""
    found = Collected()
    for path in _files(paths):
        name = str(path)
        found.files.append(name)
        try:
            text = path.read_bytes().decode("utf-8-sig", errors="replace")
        except OSError as error:
            found.malformed.append(Malformed(name, 0, f"cannot read the file: {error.strerror or error}"))
            continue
        (_csv_rows if is_csv(path, text) else _json_lines)(text, name, found)
    found.events.sort(key=lambda e: e.time)
    return found


def _files(paths: Iterable[str | Path]) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in (".jsonl", ".ndjson", ".json", ".csv"):
                    yield child
        else:
            yield path


def within(events: list[Event], since: dt.datetime | None, until: dt.datetime | None) -> list[Event]:
    return [e for e in events if (since is None or e.time >= since) and (until is None or e.time < until)]


def parse_bound(text: str, end: bool = False) -> dt.datetime:
    """--since/--until: a KST date (2026-12-01; --until includes that day) or an ISO time."""
    value = text.strip()
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return parse_time(value)
    start = dt.datetime.combine(day + dt.timedelta(days=1 if end else 0), dt.time(), KST)
    return start.astimezone(dt.timezone.utc)
