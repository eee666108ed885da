"""The report's numbers: failed searches grouped by normalised form, unhelpful pages, the
zero-result rate and the hand-off rate by hour and weekday (Korea time).

A search is *failed* when it found nothing or when no result was opened. Header searches
(`search`) and the launcher's questions (`launcher_question`) are both searches; the report
counts them together and per source. The hand-off rate of a slot is its hand-offs divided by
its searches (how often asking the help center ended in asking a person).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from doum.insights.events import Collected, Event
from doum.insights.group import group_queries
from doum.insights.suggest import Advisor, page_advice, suggest, synonym_groups

SEARCH_TYPES = ("search", "launcher_question")
WEEKDAYS = ("월", "화", "수", "목", "금", "토", "일")
MAX_VARIANTS = 8
MAX_MALFORMED_LISTED = 50


@dataclass
class Options:
    top: int = 20  # failed-search groups listed
    pages: int = 10  # unhelpful pages listed
    hits: int = 3  # engine results shown per failed search


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _failed(event: Event) -> bool:
    return event.results == 0 or event.opened is not True


def searches_summary(searches: list[Event]) -> dict[str, Any]:
    def block(items: list[Event]) -> dict[str, Any]:
        counted = [e for e in items if e.results is not None]
        zero = sum(1 for e in counted if e.results == 0)
        opened = sum(1 for e in items if e.opened is True)
        failed = sum(1 for e in items if _failed(e))
        return {"total": len(items), "zero_results": zero, "zero_rate": _rate(zero, len(counted)),
                "opened": opened, "open_rate": _rate(opened, len(items)),
                "failed": failed, "failed_rate": _rate(failed, len(items))}

    return {**block(searches),
            "by_source": {kind: block([e for e in searches if e.type == kind]) for kind in SEARCH_TYPES}}


def failed_groups(searches: list[Event], advisor: Advisor | None, options: Options) -> list[dict[str, Any]]:
    queries = Counter(e.query for e in searches if e.query)
    names = group_queries(queries)
    groups: dict[str, dict[str, Any]] = {}
    for event in searches:
        if not event.query or not names.get(event.query):
            continue
        group = groups.setdefault(names[event.query], {
            "key": names[event.query], "searches": 0, "failed": 0, "zero_results": 0,
            "not_opened": 0, "sources": Counter(), "variants": Counter(), "failed_variants": Counter(),
        })
        group["searches"] += 1
        group["variants"][event.query] += 1
        if _failed(event):
            group["failed"] += 1
            group["failed_variants"][event.query] += 1
            group["sources"][event.type] += 1
            if event.results == 0:
                group["zero_results"] += 1
            elif event.opened is not True:
                group["not_opened"] += 1
    ranked = sorted((g for g in groups.values() if g["failed"]),
                    key=lambda g: (-g["failed"], -g["zero_results"], g["key"]))[: options.top]
    rows = []
    for group in ranked:
        label = min(group["failed_variants"].items(), key=lambda item: (-item[1], len(item[0]), item[0]))[0]
        rows.append({
            "key": group["key"],
            "label": label,
            "failed": group["failed"],
            "searches": group["searches"],
            "zero_results": group["zero_results"],
            "not_opened": group["not_opened"],
            "failed_share": _rate(group["failed"], group["searches"]),
            "sources": dict(group["sources"]),
            "variants": [{"query": q, "count": n} for q, n in
                         sorted(group["variants"].items(), key=lambda i: (-i[1], i[0]))[:MAX_VARIANTS]],
            "variant_count": len(group["variants"]),
        })
    advice = {}
    for row in rows:
        hits = advisor.hits(row["label"], options.hits) if advisor else []
        row["engine"] = [{"title": h.title, "location": h.location, "score": round(h.score, 3),
                          "approximate": h.approximate} for h in hits]
        advice[row["label"]] = suggest(advisor, row["label"], zero_results=row["zero_results"] == row["failed"])
    advice.update(synonym_groups(advisor, advice))
    page_advice(advisor, advice)
    for row in rows:
        row["suggestion"] = advice[row["label"]].as_dict()
    return rows


def unhelpful_pages(votes: list[Event], advisor: Advisor | None, options: Options) -> list[dict[str, Any]]:
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    for event in votes:
        tally[event.page][event.vote] += 1
    rows = []
    for page, counts in tally.items():
        total = counts["yes"] + counts["no"]
        if not counts["no"]:
            continue
        rows.append({"page": page, "title": advisor.title(page) if advisor else "",
                     "no": counts["no"], "yes": counts["yes"], "votes": total,
                     "no_share": _rate(counts["no"], total)})
    rows.sort(key=lambda r: (-r["no"], -(r["no_share"] or 0), r["page"]))
    return rows[: options.pages]


def handoffs_summary(handoffs: list[Event], searches: list[Event]) -> dict[str, Any]:
    by_hour = [{"hour": h, "handoffs": 0, "searches": 0} for h in range(24)]
    by_day = [{"weekday": d, "name": WEEKDAYS[d], "handoffs": 0, "searches": 0} for d in range(7)]
    grid = [[0] * 24 for _ in range(7)]
    for event in searches:
        moment = event.kst
        by_hour[moment.hour]["searches"] += 1
        by_day[moment.weekday()]["searches"] += 1
    for event in handoffs:
        moment = event.kst
        by_hour[moment.hour]["handoffs"] += 1
        by_day[moment.weekday()]["handoffs"] += 1
        grid[moment.weekday()][moment.hour] += 1
    for row in (*by_hour, *by_day):
        row["rate"] = _rate(row["handoffs"], row["searches"])
    return {
        "total": len(handoffs),
        "rate": _rate(len(handoffs), len(searches)),
        "by_channel": dict(Counter(e.channel or "?" for e in handoffs).most_common()),
        "by_state": dict(Counter(e.state or "?" for e in handoffs).most_common()),
        "by_hour": by_hour,
        "by_weekday": by_day,
        "grid": grid,
        "timezone": "Asia/Seoul (KST, UTC+9)",
    }


def summarize(found: Collected, events: list[Event], advisor: Advisor | None = None,
              options: Options | None = None, period: dict[str, Any] | None = None) -> dict[str, Any]:
    """Everything `doum report` prints, as plain data (the --json output)."""
    options = options or Options()
    searches = [e for e in events if e.type in SEARCH_TYPES]
    by_type = Counter(e.type for e in events)
    hosts = Counter(e.host for e in events if e.host)
    return {
        "period": {
            **(period or {}),
            "first": events[0].time.isoformat().replace("+00:00", "Z") if events else None,
            "last": events[-1].time.isoformat().replace("+00:00", "Z") if events else None,
        },
        "files": found.files,
        "records": found.lines,  # records read in all files, good and bad (before --since/--until)
        "events": len(events),
        "by_type": {kind: by_type.get(kind, 0) for kind in
                    ("search", "launcher_open", "launcher_question", "vote", "handoff", "contact_send")},
        "embedded_hosts": dict(hosts.most_common()),
        "malformed": {
            "count": len(found.malformed),
            "lines": [{"file": m.file, "line": m.line, "reason": m.reason}
                      for m in found.malformed[:MAX_MALFORMED_LISTED]],
        },
        "searches": searches_summary(searches),
        "failed_searches": failed_groups(searches, advisor, options),
        "unhelpful_pages": unhelpful_pages([e for e in events if e.type == "vote"], advisor, options),
        "handoffs": handoffs_summary([e for e in events if e.type == "handoff"], searches),
        "contact_sends": by_type.get("contact_send", 0),
        "site": bool(advisor),
    }
