// status.json in the browser: validation (the same cases as src/doum/support/status.py),
// which notices and closures are active at an instant, and the launcher's agent line.
import { test } from "node:test"
import assert from "node:assert/strict"
import { readFileSync } from "node:fs"
import {
  activeClosure, activeNotices, agentStateWith, checkedLine, parseTime, validateStatus, withHours,
} from "../../overrides/assets/doum/shared/status-core.js"
import { loadStatus } from "../../overrides/assets/doum/shared/status.js"

const cases = JSON.parse(readFileSync(new URL("./fixtures/status-cases.json", import.meta.url), "utf-8"))

// The built calendar's shape (src/doum/support/calendar.py): weekdays 10:00-18:30, lunch 12-13.
const calendar = {
  timezone: "Asia/Seoul",
  hours: Object.fromEntries(["mon", "tue", "wed", "thu", "fri"].map((d) => [d, [600, 1110]])),
  breaks: [{ start: 720, end: 780, label: "점심시간" }],
  holidays: {},
  closed: {},
  span: { start: "2025-01-01", end: "2028-12-31" },
}
const at = (iso) => Date.parse(iso)
const WED_11 = at("2026-12-09T11:00:00+09:00") // an ordinary Wednesday

for (const { name, valid, status } of cases) {
  test(`validateStatus: ${name} → ${valid ? "valid" : "invalid"}`, () => {
    const result = validateStatus(status)
    assert.equal(result.problems.length === 0, valid, result.problems.join("; "))
    assert.equal(result.status, valid ? status : null)
    for (const problem of result.problems) assert.match(problem, /—|must|expected/, "each problem says how to fix it")
  })
}

test("parseTime needs an offset and a real date", () => {
  assert.equal(parseTime("2026-12-02T09:00:00+09:00"), at("2026-12-02T00:00:00Z"))
  assert.equal(parseTime("2026-12-02T09:00Z"), at("2026-12-02T09:00:00Z"))
  assert.ok(Number.isNaN(parseTime("2026-12-02T09:00:00")))
  assert.ok(Number.isNaN(parseTime("2026-02-29T09:00:00Z")))
  assert.ok(Number.isNaN(parseTime(20261202)))
})

test("activeNotices: from ≤ now < until, most severe first", () => {
  const status = {
    notices: [
      { level: "info", text: "always" },
      { level: "outage", text: "morning", from: "2026-12-09T09:00:00+09:00", until: "2026-12-09T12:00:00+09:00" },
      { level: "warning", text: "later", from: "2026-12-09T13:00:00+09:00" },
    ],
  }
  assert.deepEqual(activeNotices(status, WED_11).map((n) => n.text), ["morning", "always"])
  assert.deepEqual(activeNotices(status, at("2026-12-09T12:00:00+09:00")).map((n) => n.text), ["always"])
  assert.deepEqual(activeNotices(status, at("2026-12-09T14:00:00+09:00")).map((n) => n.text), ["later", "always"])
  assert.deepEqual(activeNotices(null, WED_11), [])
})

test("a closure turns the agent line off with its reason and the next opening after it", () => {
  const status = { closures: [{ from: "2026-12-09T10:30:00+09:00", until: "2026-12-09T15:00:00+09:00", reason: "사내 교육" }] }
  assert.equal(activeClosure(status, WED_11).reason, "사내 교육")
  const { state, text } = agentStateWith(WED_11, calendar, status, "Asia/Seoul")
  assert.equal(state.state, "closed")
  assert.equal(state.reason, "status-closure")
  assert.equal(state.nextOpen, at("2026-12-09T15:00:00+09:00"))
  assert.equal(text.agent, "지금은 상담원 상담을 잠시 쉬어요")
  assert.match(text.detail, /^사내 교육 · 다음 상담: 12월 9일\(수\) 15:00$/)
})

test("a closure ending in the lunch break reopens after lunch; back-to-back closures are skipped", () => {
  const status = {
    closures: [
      { from: "2026-12-09T10:00:00+09:00", until: "2026-12-09T12:30:00+09:00", reason: "점검" },
      { from: "2026-12-09T13:00:00+09:00", until: "2026-12-09T14:00:00+09:00", reason: "교육" },
    ],
  }
  const { state } = agentStateWith(WED_11, calendar, status, "Asia/Seoul")
  assert.equal(state.nextOpen, at("2026-12-09T14:00:00+09:00"))
})

test("before a closure: open, but only until the closure starts", () => {
  const status = { closures: [{ from: "2026-12-09T11:30:00+09:00", until: "2026-12-09T15:00:00+09:00", reason: "교육" }] }
  const { state, text } = agentStateWith(WED_11, calendar, status, "Asia/Seoul")
  assert.equal(state.state, "open")
  assert.equal(text.detail, "11:30까지")
})

test("after the closure, or with no status, the built calendar decides", () => {
  const status = { closures: [{ from: "2026-12-09T09:00:00+09:00", until: "2026-12-09T10:30:00+09:00", reason: "교육" }] }
  assert.equal(agentStateWith(WED_11, calendar, status, "Asia/Seoul").state.state, "open")
  assert.equal(agentStateWith(WED_11, calendar, null, "Asia/Seoul").state.state, "open")
  assert.equal(agentStateWith(WED_11, calendar, null, "Asia/Seoul").text.agent, "상담원 상담 가능")
})

test("changed hours and breaks: only the listed days change; '' closes a day", () => {
  const status = { hours: { wed: "13:00-17:00", thu: "", sat: "10:00-14:00" }, breaks: ["11:00-11:30"] }
  const changed = withHours(calendar, status)
  assert.deepEqual(changed.hours.wed, [780, 1020])
  assert.equal(changed.hours.thu, undefined)
  assert.deepEqual(changed.hours.sat, [600, 840])
  assert.deepEqual(changed.hours.mon, [600, 1110])
  assert.deepEqual(changed.breaks, [{ start: 660, end: 690, label: "점심시간" }])
  assert.equal(calendar.hours.thu.length, 2, "the built calendar is not modified")
  const { state } = agentStateWith(WED_11, calendar, status, "Asia/Seoul")
  assert.equal(state.reason, "before-hours")
  assert.equal(state.nextOpen, at("2026-12-09T13:00:00+09:00"))
})

test("checkedLine: the file's `updated` in the calendar's time zone", () => {
  assert.equal(checkedLine({ updated: "2026-12-02T00:30:00Z" }, "Asia/Seoul"), "마지막 확인 12월 2일(수) 09:30")
  assert.equal(checkedLine({}, "Asia/Seoul"), "")
})

test("loadStatus: fetched once with cache no-store; a bad file warns and yields null", async (t) => {
  const warnings = []
  t.mock.method(console, "warn", (message) => warnings.push(message))
  const calls = []
  const fetcher = async (url, options) => {
    calls.push([String(url), options])
    return { ok: true, json: async () => ({ notices: [{ level: "urgent", text: "x" }] }) }
  }
  assert.equal(await loadStatus(fetcher), null)
  assert.equal(await loadStatus(fetcher), null)
  assert.equal(calls.length, 1)
  assert.match(calls[0][0], /\/status\.json$/)
  assert.equal(calls[0][1].cache, "no-store")
  assert.equal(warnings.length, 1)
  assert.match(warnings[0], /notices\[0\]\.level/)
})
