"""`status.json`: same-day notices, closures and changed hours, read by every page at run time.

The owner (or a CI job) edits this one file on the host; no rebuild is needed:

    {"updated": "2026-12-02T09:00:00+09:00",
     "notices": [{"level": "outage", "text": "카카오톡 로그인이 지연되고 있어요.",
                  "link": "guide/outage/", "from": "2026-12-02T09:00:00+09:00",
                  "until": "2026-12-02T18:00:00+09:00"}],
     "closures": [{"from": "2026-12-02T14:00:00+09:00", "until": "2026-12-02T18:30:00+09:00",
                   "reason": "사내 교육"}],
     "hours": {"fri": "10:00-16:00", "sat": ""},
     "breaks": ["11:30-12:30"]}

Every key is optional. Times are ISO 8601 with a UTC offset (`+09:00` or `Z`). `hours` changes
only the weekdays it lists ("" closes that day); `breaks` replaces the breaks of every day.

The rules here are the same as assets/doum/shared/status-core.js `validateStatus` (the cases in
tests/site/fixtures/status-cases.json are checked on both sides): one problem and the whole
file is ignored — the pages keep the built calendar and say why in the browser console.
`doum check --status FILE` prints the problems with how to fix each; the build writes an empty
valid file when docs/ has none, and warns when the one in docs/ is invalid.
"""

from __future__ import annotations

import datetime
import json
import logging
import re
from pathlib import Path
from typing import Any

log = logging.getLogger("mkdocs.plugins.doum")

STATUS_FILE = "status.json"
LEVELS = ("info", "warning", "outage")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
TOP_KEYS = ("updated", "notices", "closures", "hours", "breaks")
NOTICE_KEYS = ("level", "text", "link", "from", "until")
CLOSURE_KEYS = ("from", "until", "reason")
MAX_NOTICES = 10
MAX_CLOSURES = 50
MAX_TEXT = 500
ISO_EXAMPLE = "2026-12-02T09:00:00+09:00"
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$")
_RANGE = re.compile(r"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def parse_time(value: Any) -> datetime.datetime | None:
    """An ISO 8601 date-time with an offset, or None (a plain date or a local time is refused:
    visitors in other time zones would read it differently)."""
    if not isinstance(value, str):
        return None
    match = _ISO.match(value)
    if not match:
        return None
    year, month, day, hour, minute = (int(match.group(i)) for i in range(1, 6))
    second = int(match.group(6) or 0)
    zone = match.group(7)
    try:
        if zone == "Z":
            offset = datetime.timezone.utc
        else:
            sign = 1 if zone[0] == "+" else -1
            hours, minutes = int(zone[1:3]), int(zone[4:6])
            if hours > 23 or minutes > 59:
                return None
            offset = datetime.timezone(sign * datetime.timedelta(hours=hours, minutes=minutes))
        return datetime.datetime(year, month, day, hour, minute, second, tzinfo=offset)
    except ValueError:
        return None


def _time_range(value: Any) -> bool:
    match = _RANGE.match(value) if isinstance(value, str) else None
    if not match:
        return False
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    if h1 > 23 or h2 > 24 or m1 > 59 or m2 > 59 or (h2 == 24 and m2):
        return False
    return h1 * 60 + m1 < h2 * 60 + m2


def _link_ok(value: Any) -> bool:
    """https:// addresses, or a path of this site (guide/outage/, /notice/): never a script."""
    if not isinstance(value, str) or not value.strip() or re.search(r"[\x00-\x20\x7f<>\"'`\\]", value):
        return False
    if value.startswith("//"):
        return False
    if _SCHEME.match(value):
        return value.lower().startswith("https://") and len(value) > len("https://")
    return True


def _text_ok(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip()) and len(value) <= MAX_TEXT


def _object(value: Any) -> bool:
    return isinstance(value, dict)


def _unknown(where: str, value: dict, allowed: tuple[str, ...]) -> list[str]:
    return [f"{where}{key}: unknown key — use only {', '.join(allowed)} (a typo?)"
            for key in value if key not in allowed]


def _period(where: str, item: dict, required: bool) -> list[str]:
    problems = []
    times = {}
    for key in ("from", "until"):
        if key not in item:
            if required:
                problems.append(f"{where}.{key}: missing — add \"{key}\": \"{ISO_EXAMPLE}\"")
            continue
        times[key] = parse_time(item[key])
        if times[key] is None:
            problems.append(f"{where}.{key}: {json.dumps(item[key], ensure_ascii=False)} is not a date-time "
                            f"with a time zone — write it as \"{ISO_EXAMPLE}\"")
    if times.get("from") and times.get("until") and times["from"] >= times["until"]:
        problems.append(f"{where}: \"until\" is not after \"from\" — the period would never be active")
    return problems


def validate(data: Any) -> list[str]:
    """Every problem of a parsed status file, each saying how to fix it ([] when valid)."""
    if not _object(data):
        return ["the file must hold one JSON object: {\"notices\": [], \"closures\": []}"]
    problems = _unknown("", data, TOP_KEYS)
    if "updated" in data and parse_time(data["updated"]) is None:
        problems.append(f"updated: {json.dumps(data['updated'], ensure_ascii=False)} is not a date-time with "
                        f"a time zone — write it as \"{ISO_EXAMPLE}\"")
    notices = data.get("notices", [])
    if not isinstance(notices, list) or len(notices) > MAX_NOTICES:
        problems.append(f"notices: expected a list of at most {MAX_NOTICES} notices, "
                        "e.g. [{\"level\": \"info\", \"text\": \"…\"}]")
        notices = []
    for number, notice in enumerate(notices):
        where = f"notices[{number}]"
        if not _object(notice):
            problems.append(f"{where}: expected an object {{\"level\": \"info\", \"text\": \"…\"}}")
            continue
        problems += _unknown(f"{where}.", notice, NOTICE_KEYS)
        if notice.get("level") not in LEVELS:
            shown = json.dumps(notice.get("level"), ensure_ascii=False) if "level" in notice else "missing"
            problems.append(f"{where}.level: {shown} — write \"level\": \"info\", \"warning\" or \"outage\"")
        if not _text_ok(notice.get("text")):
            problems.append(f"{where}.text: expected the notice as text (1 to {MAX_TEXT} characters)")
        if "link" in notice and not _link_ok(notice["link"]):
            problems.append(f"{where}.link: {json.dumps(notice['link'], ensure_ascii=False)} is not usable — "
                            "write an https:// address or a page of this site such as \"guide/outage/\"")
        problems += _period(where, notice, required=False)
    closures = data.get("closures", [])
    if not isinstance(closures, list) or len(closures) > MAX_CLOSURES:
        problems.append(f"closures: expected a list of at most {MAX_CLOSURES} closures, e.g. "
                        f"[{{\"from\": \"{ISO_EXAMPLE}\", \"until\": \"…\", \"reason\": \"사내 교육\"}}]")
        closures = []
    for number, closure in enumerate(closures):
        where = f"closures[{number}]"
        if not _object(closure):
            problems.append(f"{where}: expected an object {{\"from\": …, \"until\": …, \"reason\": …}}")
            continue
        problems += _unknown(f"{where}.", closure, CLOSURE_KEYS)
        problems += _period(where, closure, required=True)
        if not _text_ok(closure.get("reason")):
            problems.append(f"{where}.reason: expected the reason customers see, e.g. \"사내 교육\"")
    if "hours" in data:
        hours = data["hours"]
        if not _object(hours):
            problems.append("hours: expected weekdays, e.g. {\"fri\": \"10:00-16:00\", \"sat\": \"\"}")
        else:
            for day, value in hours.items():
                if day not in WEEKDAYS:
                    problems.append(f"hours.{day}: unknown weekday — use one of {', '.join(WEEKDAYS)}")
                elif value not in ("", None) and not _time_range(value):
                    problems.append(f"hours.{day}: {json.dumps(value, ensure_ascii=False)} is not a time range — "
                                    "write \"HH:MM-HH:MM\" in 24-hour time (\"10:00-18:30\"), or \"\" to close the day")
    if "breaks" in data:
        breaks = data["breaks"]
        if not isinstance(breaks, list) or not all(_time_range(b) for b in breaks):
            problems.append("breaks: expected a list of \"HH:MM-HH:MM\" ranges, e.g. [\"12:00-13:00\"] "
                            "([] for no break)")
    return problems


def load(path: Path) -> tuple[Any, list[str]]:
    """(data, problems) of a status file; JSON syntax errors name the line and column."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        return None, [f"cannot be read ({error.strerror or error})"]
    except UnicodeDecodeError:
        return None, ["is not UTF-8 text — save it as UTF-8"]
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return None, [f"line {error.lineno}, column {error.colno}: not valid JSON ({error.msg}) — "
                      "check the commas and quotes around that place"]
    return data, validate(data)


def empty(now: datetime.datetime | None = None) -> dict[str, Any]:
    moment = (now or datetime.datetime.now(datetime.timezone.utc)).astimezone(datetime.timezone.utc)
    return {"updated": moment.replace(microsecond=0).isoformat().replace("+00:00", "Z"),
            "notices": [], "closures": []}


def write(site_dir: str, docs_dir: str) -> None:
    """At build time: keep docs/status.json (MkDocs copied it; warn when it is invalid), else
    write a valid empty one, so pages never fetch a missing file."""
    own = Path(docs_dir) / STATUS_FILE
    if own.is_file():
        _, problems = load(own)
        for problem in problems:
            log.warning("doum: docs/%s: %s (pages will ignore the file until it is fixed)", STATUS_FILE, problem)
        return
    target = Path(site_dir) / STATUS_FILE
    if not target.exists():
        target.write_text(json.dumps(empty(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def check_file(path: str) -> int:
    """`doum check --status FILE`: print the problems (with fixes); 1 when there is one."""
    _, problems = load(Path(path))
    for problem in problems:
        print(f"{path}: error: {problem}")
    if problems:
        print(f"{len(problems)} error{'s' if len(problems) != 1 else ''} in {path}: pages ignore this file "
              "and keep the built calendar until it is fixed")
        return 1
    print(f"{path}: OK")
    return 0


def report(docs_dir: str | Path, problems_log: Any) -> None:
    """`doum check`: the problems of docs/status.json (when the docs have one), as the build warns."""
    own = Path(docs_dir) / STATUS_FILE
    if not own.is_file():
        return
    from doum.content.problems import shown

    _, problems = load(own)
    for problem in problems:
        problems_log.warning(shown(own), 1, f"{problem}",
                             "pages ignore the file until it is fixed (doum check --status checks one file)")
