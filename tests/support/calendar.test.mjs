// Table tests of the support calendar's state function (overrides/assets/doum/launcher/calendar.js).
// The calendar is the one Python builds (tests/support/fixtures/support-calendar.json, checked by
// tests/test_calendar.py): weekdays 10:00–18:30, lunch 12:00–13:00, KR holidays 2025–2028,
// and one extra closed date, 2026-12-31 연말 휴무.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import {
  describeState,
  formatDateTime,
  formatTime,
  supportState,
  visitorTime,
  zonedInstant,
} from '../../overrides/assets/doum/launcher/calendar.js'

const calendar = JSON.parse(
  readFileSync(new URL('./fixtures/support-calendar.json', import.meta.url), 'utf8'),
)
const kst = (text) => new Date(`${text}+09:00`)
const iso = (ms) => (ms == null ? null : new Date(ms).toISOString())

// [Korea wall clock, state, reason, next opening in Korea wall clock (null: open now), holiday name]
const table = [
  // A plain Wednesday, every boundary of the day.
  ['2026-12-02T00:00', 'closed', 'before-hours', '2026-12-02T10:00'],
  ['2026-12-02T09:59', 'closed', 'before-hours', '2026-12-02T10:00'],
  ['2026-12-02T10:00', 'open', 'open', null],
  ['2026-12-02T11:59', 'open', 'open', null],
  ['2026-12-02T12:00', 'break', 'break', '2026-12-02T13:00'],
  ['2026-12-02T12:59', 'break', 'break', '2026-12-02T13:00'],
  ['2026-12-02T13:00', 'open', 'open', null],
  ['2026-12-02T18:29', 'open', 'open', null],
  ['2026-12-02T18:30', 'closed', 'after-hours', '2026-12-03T10:00'],
  ['2026-12-02T23:59', 'closed', 'after-hours', '2026-12-03T10:00'],
  // Friday evening to Monday.
  ['2026-11-27T18:29', 'open', 'open', null],
  ['2026-11-27T18:30', 'closed', 'after-hours', '2026-11-30T10:00'],
  ['2026-11-28T12:00', 'closed', 'day-off', '2026-11-30T10:00'],
  ['2026-11-29T23:59', 'closed', 'day-off', '2026-11-30T10:00'],
  ['2026-11-30T09:59', 'closed', 'before-hours', '2026-11-30T10:00'],
  ['2026-11-30T10:00', 'open', 'open', null],
  ['2025-11-28T18:30', 'closed', 'after-hours', '2025-12-01T10:00'], // "다음 상담: 12월 1일(월) 10:00"
  // 설날 2025: a temporary holiday on Monday, then Tue–Thu; the weekend before.
  ['2025-01-24T18:30', 'closed', 'after-hours', '2025-01-31T10:00'],
  ['2025-01-25T10:00', 'closed', 'day-off', '2025-01-31T10:00'],
  ['2025-01-27T11:00', 'holiday', 'holiday', '2025-01-31T10:00', '임시공휴일'],
  ['2025-01-28T11:00', 'holiday', 'holiday', '2025-01-31T10:00', '설날 전날'],
  ['2025-01-29T00:00', 'holiday', 'holiday', '2025-01-31T10:00', '설날'],
  ['2025-01-30T23:59', 'holiday', 'holiday', '2025-01-31T10:00', '설날 다음날'],
  ['2025-01-31T10:00', 'open', 'open', null],
  // 설날 2026: Mon–Wed.
  ['2026-02-13T18:30', 'closed', 'after-hours', '2026-02-19T10:00'],
  ['2026-02-16T10:00', 'holiday', 'holiday', '2026-02-19T10:00', '설날 전날'],
  ['2026-02-17T12:30', 'holiday', 'holiday', '2026-02-19T10:00', '설날'],
  ['2026-02-18T18:29', 'holiday', 'holiday', '2026-02-19T10:00', '설날 다음날'],
  ['2026-02-19T09:59', 'closed', 'before-hours', '2026-02-19T10:00'],
  // 설날 2027 falls on a weekend: Monday and Tuesday are substitute days.
  ['2027-02-05T18:30', 'closed', 'after-hours', '2027-02-10T10:00'],
  ['2027-02-07T10:00', 'holiday', 'holiday', '2027-02-10T10:00', '설날'],
  ['2027-02-09T10:00', 'holiday', 'holiday', '2027-02-10T10:00', '설날 대체 휴일'],
  // 추석 2025: 개천절 Friday, 추석 from Sunday, a substitute Wednesday, 한글날 Thursday.
  ['2025-10-02T18:30', 'closed', 'after-hours', '2025-10-10T10:00'],
  ['2025-10-03T10:00', 'holiday', 'holiday', '2025-10-10T10:00', '개천절'],
  ['2025-10-04T10:00', 'closed', 'day-off', '2025-10-10T10:00'],
  ['2025-10-05T10:00', 'holiday', 'holiday', '2025-10-10T10:00', '추석 전날'],
  ['2025-10-06T10:00', 'holiday', 'holiday', '2025-10-10T10:00', '추석'],
  ['2025-10-08T10:00', 'holiday', 'holiday', '2025-10-10T10:00', '추석 대체 휴일'],
  ['2025-10-09T10:00', 'holiday', 'holiday', '2025-10-10T10:00', '한글날'],
  ['2025-10-10T10:00', 'open', 'open', null],
  // 추석 2026: Thursday to Saturday.
  ['2026-09-23T18:30', 'closed', 'after-hours', '2026-09-28T10:00'],
  ['2026-09-24T12:00', 'holiday', 'holiday', '2026-09-28T10:00', '추석 전날'],
  ['2026-09-26T10:00', 'holiday', 'holiday', '2026-09-28T10:00', '추석 다음날'],
  ['2026-09-27T10:00', 'closed', 'day-off', '2026-09-28T10:00'],
  // Year end: 2025-12-31 is an ordinary Wednesday; 2026-12-31 is an extra closed date.
  ['2025-12-31T18:29', 'open', 'open', null],
  ['2025-12-31T18:30', 'closed', 'after-hours', '2026-01-02T10:00'],
  ['2026-01-01T10:00', 'holiday', 'holiday', '2026-01-02T10:00', '신정연휴'],
  ['2026-12-30T18:30', 'closed', 'after-hours', '2027-01-04T10:00'],
  ['2026-12-31T10:00', 'holiday', 'closed-date', '2027-01-04T10:00', '연말 휴무'],
  ['2026-12-31T23:59', 'holiday', 'closed-date', '2027-01-04T10:00', '연말 휴무'],
  ['2027-01-01T00:00', 'holiday', 'holiday', '2027-01-04T10:00', '신정연휴'],
]

for (const [at, state, reason, next, holidayName] of table) {
  test(`${at} KST → ${state} (${reason})`, () => {
    const result = supportState(kst(at), calendar)
    assert.equal(result.state, state)
    assert.equal(result.reason, reason)
    assert.equal(result.holidayName, holidayName)
    assert.equal(iso(result.nextOpen), next ? iso(kst(next)) : kst(at).toISOString())
  })
}

test('open: closesAt is the next break or the end of the day', () => {
  assert.equal(iso(supportState(kst('2026-12-02T10:00'), calendar).closesAt), iso(kst('2026-12-02T12:00')))
  assert.equal(iso(supportState(kst('2026-12-02T13:00'), calendar).closesAt), iso(kst('2026-12-02T18:30')))
})

test('the instant may be a Date or epoch milliseconds', () => {
  const date = kst('2026-12-02T12:30')
  assert.deepEqual(supportState(date.getTime(), calendar), supportState(date, calendar))
})

test("the state does not depend on the visitor's time zone", () => {
  const saved = process.env.TZ
  try {
    const results = ['Asia/Seoul', 'America/Los_Angeles', 'Europe/Berlin', 'Pacific/Kiritimati'].map(
      (zone) => {
        process.env.TZ = zone // Node re-reads TZ for Date's local methods
        return table.map(([at]) => supportState(kst(at), calendar))
      },
    )
    for (const other of results.slice(1)) assert.deepEqual(other, results[0])
  } finally {
    if (saved === undefined) delete process.env.TZ
    else process.env.TZ = saved
  }
})

test('beyond the holiday span the weekly hours still apply, flagged', () => {
  const result = supportState(kst('2029-01-03T11:00'), calendar)
  assert.equal(result.state, 'open')
  assert.equal(result.beyondSpan, true)
  assert.equal(supportState(kst('2026-12-02T11:00'), calendar).beyondSpan, false)
})

test('a calendar with no working day has no next opening', () => {
  const result = supportState(kst('2026-12-02T11:00'), { ...calendar, hours: {} })
  assert.equal(result.state, 'closed')
  assert.equal(result.nextOpen, null)
  assert.match(describeState(result, calendar).detail, /정해지지 않았어요/)
})

test('zonedInstant handles a daylight-saving calendar zone', () => {
  // Berlin switches to summer time on 2026-03-29 at 02:00.
  assert.equal(iso(zonedInstant('2026-03-28', 600, 'Europe/Berlin')), '2026-03-28T09:00:00.000Z')
  assert.equal(iso(zonedInstant('2026-03-30', 600, 'Europe/Berlin')), '2026-03-30T08:00:00.000Z')
})

test("Korean date and time in the calendar's zone", () => {
  const monday = kst('2025-12-01T10:00')
  assert.equal(formatDateTime(monday, 'Asia/Seoul'), '12월 1일(월) 10:00')
  assert.equal(formatDateTime(monday, 'America/Los_Angeles'), '11월 30일(일) 17:00')
  assert.equal(formatTime(monday, 'Europe/Berlin'), '02:00')
  assert.equal(visitorTime(monday, 'Asia/Seoul', 'Asia/Seoul'), '')
  assert.equal(visitorTime(monday, 'Asia/Seoul', 'Asia/Tokyo'), '') // same clock, nothing to add
  assert.equal(visitorTime(monday, 'Asia/Seoul', 'Europe/Berlin'), '12월 1일(월) 02:00')
})

const describeTable = [
  ['2026-12-02T11:00', 'Asia/Seoul', '상담원 상담 가능', '12:00까지'],
  ['2026-12-02T11:00', 'Europe/Berlin', '상담원 상담 가능', '한국 시간 12:00까지 (내 시간 04:00)'],
  ['2026-12-02T12:30', 'Asia/Seoul', '상담원 점심시간', '13:00에 다시 상담해요'],
  [
    '2026-12-02T12:30',
    'America/Los_Angeles',
    '상담원 점심시간',
    '한국 시간 13:00에 다시 상담해요 (내 시간 12월 1일(화) 20:00)',
  ],
  ['2025-11-28T18:30', 'Asia/Seoul', '지금은 상담원 상담 시간이 아니에요', '다음 상담: 12월 1일(월) 10:00'],
  [
    '2025-11-28T18:30',
    'America/Los_Angeles',
    '지금은 상담원 상담 시간이 아니에요',
    '다음 상담: 한국 시간 12월 1일(월) 10:00 (내 시간 11월 30일(일) 17:00)',
  ],
  ['2026-02-17T11:00', 'Asia/Seoul', '오늘은 설날이라 상담원이 쉬어요', '다음 상담: 2월 19일(목) 10:00'],
  ['2026-01-01T11:00', 'Asia/Seoul', '오늘은 신정연휴라 상담원이 쉬어요', '다음 상담: 1월 2일(금) 10:00'],
  [
    '2026-12-31T11:00',
    'Europe/Berlin',
    '오늘은 연말 휴무라 상담원이 쉬어요',
    '다음 상담: 한국 시간 1월 4일(월) 10:00 (내 시간 02:00)',
  ],
]

for (const [at, zone, agent, detail] of describeTable) {
  test(`describeState ${at} KST for a visitor in ${zone}`, () => {
    assert.deepEqual(describeState(supportState(kst(at), calendar), calendar, zone), { agent, detail })
  })
}
