// Support calendar in the browser: pure functions, no DOM, no visitor time zone.
// The calendar comes from the build (src/doum/calendar.py):
//   {timezone, hours: {mon: [open, close]}, breaks: [{start, end, label}],
//    holidays: {"2026-02-17": "설날"}, closed: {"2026-12-31": "연말 휴무"}, span: {start, end}}
// Minutes count from midnight in the calendar's own time zone. The words come from the page's
// strings (shared/strings.js); times stay on the calendar's clock, with the visitor's beside them.
import { locale, t } from '../shared/strings.js'

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']
const DAY_MS = 86400000
const SEARCH_DAYS = 400 // a longer closure than this means the calendar is misconfigured

const partsFormats = new Map()

function partsFormat(timeZone) {
  if (!partsFormats.has(timeZone)) {
    partsFormats.set(
      timeZone,
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        weekday: 'short',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      }),
    )
  }
  return partsFormats.get(timeZone)
}

// Wall clock of an instant in a time zone: {date: "2026-12-01", year, month, day, weekday: "tue", minutes}.
export function wallClock(instant, timeZone) {
  const parts = {}
  for (const { type, value } of partsFormat(timeZone).formatToParts(new Date(instant))) parts[type] = value
  const [year, month, day] = [Number(parts.year), Number(parts.month), Number(parts.day)]
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    year,
    month,
    day,
    weekday: parts.weekday.slice(0, 3).toLowerCase(),
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  }
}

// The instant (epoch ms) at which a time zone's wall clock shows `minutes` on date "YYYY-MM-DD".
export function zonedInstant(date, minutes, timeZone) {
  const [year, month, day] = date.split('-').map(Number)
  const asUtc = Date.UTC(year, month - 1, day, 0, minutes)
  let guess = asUtc
  for (let i = 0; i < 2; i++) {
    // twice settles daylight-saving edges
    const seen = wallClock(guess, timeZone)
    const seenUtc = Date.UTC(seen.year, seen.month - 1, seen.day, 0, seen.minutes)
    guess += asUtc - seenUtc
  }
  return guess
}

function addDays(date, days) {
  const [year, month, day] = date.split('-').map(Number)
  return new Date(Date.UTC(year, month - 1, day) + days * DAY_MS).toISOString().slice(0, 10)
}

function weekdayOf(date) {
  const [year, month, day] = date.split('-').map(Number)
  return WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]
}

// Why agents are away all day, or null on a working day.
function dayOff(date, calendar) {
  const closed = calendar.closed?.[date]
  if (closed) return { reason: 'closed-date', name: closed }
  const holiday = calendar.holidays?.[date]
  if (holiday) return { reason: 'holiday', name: holiday }
  if (!calendar.hours?.[weekdayOf(date)]) return { reason: 'day-off' }
  return null
}

// Moments of a working day when agents start answering: the opening and every break's end.
function openings(date, calendar) {
  const [open, close] = calendar.hours[weekdayOf(date)]
  const ends = (calendar.breaks || []).map((b) => b.end).filter((end) => end > open && end < close)
  return [open, ...ends].filter((m) => !inBreak(m, calendar)).sort((a, b) => a - b)
}

function inBreak(minutes, calendar) {
  return (calendar.breaks || []).find((b) => minutes >= b.start && minutes < b.end) || null
}

// The first moment at or after (date, minutes) when agents answer, as epoch ms; null if none.
export function nextOpening(date, minutes, calendar) {
  for (let offset = 0; offset < SEARCH_DAYS; offset++) {
    const day = addDays(date, offset)
    if (dayOff(day, calendar)) continue
    const later = openings(day, calendar).find((m) => offset > 0 || m >= minutes)
    if (later !== undefined) return zonedInstant(day, later, calendar.timezone)
  }
  return null
}

/**
 * Agent availability at an instant, the same for every visitor time zone.
 * → {state: "open"|"break"|"closed"|"holiday", reason, holidayName?, breakLabel?,
 *    nextOpen: epoch ms|null, closesAt?: epoch ms, at: epoch ms, today: "YYYY-MM-DD", beyondSpan}
 * reason: open · break · before-hours · after-hours · day-off · holiday · closed-date
 */
export function supportState(instant, calendar) {
  const now = wallClock(instant, calendar.timezone)
  const beyondSpan = Boolean(
    calendar.span && (now.date > calendar.span.end || now.date < calendar.span.start),
  )
  const base = { at: Number(instant), today: now.date, beyondSpan }
  const off = dayOff(now.date, calendar)
  if (off) {
    const state = off.reason === 'day-off' ? 'closed' : 'holiday'
    const named = off.name ? { holidayName: off.name } : {}
    return {
      ...base,
      state,
      reason: off.reason,
      ...named,
      nextOpen: nextOpening(addDays(now.date, 1), 0, calendar),
    }
  }
  const [open, close] = calendar.hours[now.weekday]
  if (now.minutes < open) {
    return {
      ...base,
      state: 'closed',
      reason: 'before-hours',
      nextOpen: nextOpening(now.date, now.minutes, calendar),
    }
  }
  if (now.minutes >= close) {
    return {
      ...base,
      state: 'closed',
      reason: 'after-hours',
      nextOpen: nextOpening(now.date, now.minutes, calendar),
    }
  }
  const pause = inBreak(now.minutes, calendar)
  if (pause) {
    return {
      ...base,
      state: 'break',
      reason: 'break',
      breakLabel: pause.label,
      nextOpen: nextOpening(now.date, now.minutes, calendar),
    }
  }
  const nextBreak = (calendar.breaks || []).map((b) => b.start).filter((s) => s > now.minutes && s < close)
  const closesAt = zonedInstant(now.date, Math.min(close, ...nextBreak), calendar.timezone)
  return { ...base, state: 'open', reason: 'open', nextOpen: Number(instant), closesAt }
}

// A Korean holiday name takes 라 after a final vowel (연휴라) and 이라 after a consonant (설날이라).
function holidayKey(word) {
  const code = word.charCodeAt(word.length - 1) - 0xac00
  const hangul = code >= 0 && code < 11172
  return hangul && code % 28 === 0 ? 'launcher.holiday_after_vowel' : 'launcher.holiday_after_consonant'
}

const pad = (n) => String(n).padStart(2, '0')

// "12:00" in a time zone.
export function formatTime(instant, timeZone) {
  const { minutes } = wallClock(instant, timeZone)
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
}

const nameFormats = new Map()

// The month's or weekday's short name in the page's locale ("12월", "Dec"; "월", "Mon").
function shortName(instant, timeZone, part) {
  const language = locale()
  const key = `${language} ${timeZone} ${part}`
  if (!nameFormats.has(key)) {
    nameFormats.set(key, new Intl.DateTimeFormat(language, { timeZone, [part]: 'short' }))
  }
  return nameFormats.get(key).format(new Date(instant))
}

// "12월 1일(월) 10:00" (Korean), "Mon, Dec 1, 10:00" (English) in a time zone.
export function formatDateTime(instant, timeZone) {
  return t('time.date_time', {
    month: shortName(instant, timeZone, 'month'),
    day: wallClock(instant, timeZone).day,
    weekday: shortName(instant, timeZone, 'weekday'),
    time: formatTime(instant, timeZone),
  })
}

// The same moment for a visitor elsewhere, or "" when their clock reads the same.
export function visitorTime(instant, calendarZone, visitorZone, format = formatDateTime) {
  if (!visitorZone || visitorZone === calendarZone) return ''
  const theirs = format(instant, visitorZone)
  return theirs === format(instant, calendarZone) ? '' : theirs
}

// What people call the calendar's clock: "한국 시간" for Asia/Seoul.
export function zoneName(timeZone) {
  return t(timeZone === 'Asia/Seoul' ? 'time.zone_seoul' : 'time.zone_other')
}

/**
 * Lines for the panel, in the page's language: {agent, detail} — e.g.
 * {agent: "상담원 상담 가능", detail: "12:00까지"}. With a visitorZone whose clock differs,
 * times are marked as the calendar's and followed by the visitor's own ("내 시간 …").
 */
export function describeState(state, calendar, visitorZone) {
  const zone = calendar.timezone
  const elsewhere = Boolean(visitorTime(state.at, zone, visitorZone, formatDateTime))
  const zoned = (time) => (elsewhere ? t('time.zoned', { zone: zoneName(zone), time }) : time)
  // The visitor's clock: just the time on the same date, the full date otherwise.
  const mine = (instant) => {
    if (!elsewhere) return ''
    const sameDate = wallClock(instant, zone).date === wallClock(instant, visitorZone).date
    return ` ${t('time.visitor', { time: (sameDate ? formatTime : formatDateTime)(instant, visitorZone) })}`
  }
  const next =
    state.nextOpen == null
      ? t('launcher.next_unknown')
      : t('launcher.next_open', { when: zoned(formatDateTime(state.nextOpen, zone)) }) + mine(state.nextOpen)
  switch (state.state) {
    case 'open':
      return {
        agent: t('launcher.agent_open'),
        detail:
          t('launcher.open_until', { time: zoned(formatTime(state.closesAt, zone)) }) + mine(state.closesAt),
      }
    case 'break':
      return {
        agent: t('launcher.agent_break', { label: state.breakLabel || t('launcher.break_label') }),
        detail:
          t('launcher.back_at', { time: zoned(formatTime(state.nextOpen, zone)) }) + mine(state.nextOpen),
      }
    case 'holiday':
      return {
        agent: t(holidayKey(state.holidayName), { holiday: state.holidayName }),
        detail: next,
      }
    default:
      return { agent: t('launcher.agent_closed'), detail: next }
  }
}
