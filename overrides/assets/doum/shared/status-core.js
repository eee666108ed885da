// status.json, the owner's same-day notices, closures and changed hours (format: README "Same-day
// notices and closures"; the same rules as src/doum/support/status.py): reading and interpreting
// it, with no DOM and nothing started on import. Two readers: the help center's pages
// (shared/status.js: the notice banner and the launcher's agent line) and the embedded launcher
// on other sites (embed/panel.js: the same agent line and the notices inside its panel).
// Tested with node:test (tests/site/status.test.mjs).
//
// A file that is missing, not JSON or not valid changes nothing for the visitor: the built
// calendar is used, and the console says what is wrong (console.warn).
import { describeState, formatDateTime, supportState } from '../launcher/calendar.js'
import { t } from './strings.js'

/** A notice level's name as visitors read it ("장애", "Outage"): browser.yml's status.levels. */
export const levelName = (level) => t(`status.levels.${level}`)

export const LEVELS = ['info', 'warning', 'outage']
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']
const TOP_KEYS = ['updated', 'notices', 'closures', 'hours', 'breaks']
const NOTICE_KEYS = ['level', 'text', 'link', 'from', 'until']
const CLOSURE_KEYS = ['from', 'until', 'reason']
const MAX_NOTICES = 10
const MAX_CLOSURES = 50
const MAX_TEXT = 500
const ISO_EXAMPLE = '2026-12-02T09:00:00+09:00'
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/
const RANGE = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/
const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/
const UNSAFE = /[\x00-\x20\x7f<>"'`\\]/

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value)
const show = (value) => JSON.stringify(value)

/** Epoch ms of an ISO 8601 date-time with an offset; NaN for anything else (no local times). */
export function parseTime(value) {
  const match = typeof value === 'string' ? ISO.exec(value) : null
  if (!match) return NaN
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number)
  const second = Number(match[6] || 0)
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return NaN
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day < 1 || day > days) return NaN
  const zone = match[7]
  if (zone !== 'Z' && (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(4, 6)) > 59)) return NaN
  return Date.parse(value)
}

function minutesRange(value) {
  const match = typeof value === 'string' ? RANGE.exec(value) : null
  if (!match) return null
  const [h1, m1, h2, m2] = match.slice(1).map(Number)
  if (h1 > 23 || h2 > 24 || m1 > 59 || m2 > 59 || (h2 === 24 && m2)) return null
  const [start, end] = [h1 * 60 + m1, h2 * 60 + m2]
  return start < end ? [start, end] : null
}

function linkOk(value) {
  if (typeof value !== 'string' || !value.trim() || UNSAFE.test(value) || value.startsWith('//')) return false
  if (SCHEME.test(value)) return value.toLowerCase().startsWith('https://') && value.length > 8
  return true
}

const textOk = (value) => typeof value === 'string' && value.trim() !== '' && value.length <= MAX_TEXT

function unknownKeys(where, value, allowed) {
  return Object.keys(value)
    .filter((key) => !allowed.includes(key))
    .map((key) => `${where}${key}: unknown key — use only ${allowed.join(', ')} (a typo?)`)
}

function periodProblems(where, item, required) {
  const problems = []
  const times = {}
  for (const key of ['from', 'until']) {
    if (!(key in item)) {
      if (required) problems.push(`${where}.${key}: missing — add "${key}": "${ISO_EXAMPLE}"`)
      continue
    }
    times[key] = parseTime(item[key])
    if (Number.isNaN(times[key])) {
      problems.push(
        `${where}.${key}: ${show(item[key])} is not a date-time with a time zone — write it as "${ISO_EXAMPLE}"`,
      )
    }
  }
  if (times.from >= times.until)
    problems.push(`${where}: "until" is not after "from" — the period would never be active`)
  return problems
}

/**
 * Check a parsed status file. → {status, problems}: status is the file itself when valid, or
 * null (use the built calendar) when anything is wrong; problems say what and how to fix it.
 */
export function validateStatus(data) {
  if (!isObject(data)) {
    return { status: null, problems: ['the file must hold one JSON object: {"notices": [], "closures": []}'] }
  }
  const problems = unknownKeys('', data, TOP_KEYS)
  if ('updated' in data && Number.isNaN(parseTime(data.updated))) {
    problems.push(
      `updated: ${show(data.updated)} is not a date-time with a time zone — write it as "${ISO_EXAMPLE}"`,
    )
  }
  let notices = 'notices' in data ? data.notices : []
  if (!Array.isArray(notices) || notices.length > MAX_NOTICES) {
    problems.push(
      `notices: expected a list of at most ${MAX_NOTICES} notices, e.g. [{"level": "info", "text": "…"}]`,
    )
    notices = []
  }
  notices.forEach((notice, number) => {
    const where = `notices[${number}]`
    if (!isObject(notice)) {
      problems.push(`${where}: expected an object {"level": "info", "text": "…"}`)
      return
    }
    problems.push(...unknownKeys(`${where}.`, notice, NOTICE_KEYS))
    if (!LEVELS.includes(notice.level)) {
      const shown = 'level' in notice ? show(notice.level) : 'missing'
      problems.push(`${where}.level: ${shown} — write "level": "info", "warning" or "outage"`)
    }
    if (!textOk(notice.text))
      problems.push(`${where}.text: expected the notice as text (1 to ${MAX_TEXT} characters)`)
    if ('link' in notice && !linkOk(notice.link)) {
      problems.push(
        `${where}.link: ${show(notice.link)} is not usable — write an https:// address or a page of this site such as "guide/outage/"`,
      )
    }
    problems.push(...periodProblems(where, notice, false))
  })
  let closures = 'closures' in data ? data.closures : []
  if (!Array.isArray(closures) || closures.length > MAX_CLOSURES) {
    problems.push(
      `closures: expected a list of at most ${MAX_CLOSURES} closures, e.g. [{"from": "${ISO_EXAMPLE}", "until": "…", "reason": "Staff training"}]`,
    )
    closures = []
  }
  closures.forEach((closure, number) => {
    const where = `closures[${number}]`
    if (!isObject(closure)) {
      problems.push(`${where}: expected an object {"from": …, "until": …, "reason": …}`)
      return
    }
    problems.push(...unknownKeys(`${where}.`, closure, CLOSURE_KEYS))
    problems.push(...periodProblems(where, closure, true))
    if (!textOk(closure.reason))
      problems.push(`${where}.reason: expected the reason customers see, e.g. "Staff training"`)
  })
  if ('hours' in data) {
    if (!isObject(data.hours)) {
      problems.push('hours: expected weekdays, e.g. {"fri": "10:00-16:00", "sat": ""}')
    } else {
      for (const [day, value] of Object.entries(data.hours)) {
        if (!WEEKDAYS.includes(day))
          problems.push(`hours.${day}: unknown weekday — use one of ${WEEKDAYS.join(', ')}`)
        else if (value !== '' && value !== null && !minutesRange(value)) {
          problems.push(
            `hours.${day}: ${show(value)} is not a time range — write "HH:MM-HH:MM" in 24-hour time ("10:00-18:30"), or "" to close the day`,
          )
        }
      }
    }
  }
  if ('breaks' in data && !(Array.isArray(data.breaks) && data.breaks.every((b) => minutesRange(b)))) {
    problems.push('breaks: expected a list of "HH:MM-HH:MM" ranges, e.g. ["12:00-13:00"] ([] for no break)')
  }
  return { status: problems.length ? null : data, problems }
}

const activeAt = (item, now) => {
  const from = 'from' in item ? parseTime(item.from) : -Infinity
  const until = 'until' in item ? parseTime(item.until) : Infinity
  return from <= now && now < until
}

/** The notices to show at `now` (epoch ms), most severe first. */
export function activeNotices(status, now) {
  const notices = (status?.notices || []).filter((notice) => activeAt(notice, now))
  return notices.sort((a, b) => LEVELS.indexOf(b.level) - LEVELS.indexOf(a.level))
}

/** The closure in force at `now`, or null. */
export function activeClosure(status, now) {
  return (status?.closures || []).find((closure) => activeAt(closure, now)) || null
}

/** The built calendar with the file's weekly hours (only the days it lists) and breaks. */
export function withHours(calendar, status) {
  if (!status || (!('hours' in status) && !('breaks' in status))) return calendar
  const hours = { ...calendar.hours }
  for (const [day, value] of Object.entries(status.hours || {})) {
    const range = minutesRange(value)
    if (range) hours[day] = range
    else delete hours[day]
  }
  const breaks =
    'breaks' in status
      ? status.breaks
          .map(minutesRange)
          .map(([start, end]) => ({
            start,
            end,
            label: t(start >= 660 && start <= 840 ? 'status.lunch' : 'status.pause'), // as calendar.py labels them
          }))
          .sort((a, b) => a.start - b.start)
      : calendar.breaks
  return { ...calendar, hours, breaks }
}

const LIMIT = 20 // closures in a row checked when looking for the next opening

/**
 * The agent line at `now` with the status file applied: {state, text} as the launcher renders
 * them (calendar.js's supportState and describeState). A closure makes the state "closed" with
 * its reason and the first opening after it; an opening day's closesAt stops at a closure.
 */
export function agentStateWith(now, calendar, status, visitorZone) {
  const adjusted = withHours(calendar, status)
  let closure = activeClosure(status, now)
  if (!closure) {
    const state = supportState(now, adjusted)
    if (state.state === 'open') {
      const starts = (status?.closures || [])
        .map((c) => parseTime(c.from))
        .filter((t) => t > now && t < state.closesAt)
      if (starts.length) state.closesAt = Math.min(...starts)
    }
    return { state, text: describeState(state, adjusted, visitorZone), closure: null }
  }
  const reason = closure.reason
  let at = now
  let next = null
  for (let i = 0; i < LIMIT && closure; i++) {
    at = parseTime(closure.until)
    const after = supportState(at, adjusted)
    next = after.state === 'open' ? at : after.nextOpen
    if (next == null) break
    closure = activeClosure(status, next)
    if (closure) at = next
  }
  const state = {
    ...supportState(now, adjusted),
    state: 'closed',
    reason: 'status-closure',
    closureReason: reason,
    nextOpen: next,
  }
  const described = describeState(state, adjusted, visitorZone)
  return {
    state,
    text: { agent: t('status.closed'), detail: `${reason} · ${described.detail}` },
    closure: { reason },
  }
}

/** "마지막 확인 12월 2일(수) 09:00" of the file's `updated`, in the calendar's time zone. */
export function checkedLine(status, timeZone) {
  const at = parseTime(status?.updated)
  return Number.isNaN(at) ? '' : t('status.checked', { when: formatDateTime(at, timeZone || 'Asia/Seoul') })
}

/**
 * The agent line as the launchers show it: agentStateWith, and when the file changed the hours
 * (closures, hours or breaks) "(마지막 확인 …)" after the detail, so visitors see how fresh it is.
 */
export function agentLine(now, calendar, status, visitorZone) {
  const { state, text } = agentStateWith(now, calendar, status, visitorZone)
  const checked =
    status && (status.closures?.length || status.hours || status.breaks)
      ? checkedLine(status, calendar.timezone)
      : ''
  return { state, text: checked ? { ...text, detail: `${text.detail} (${checked})` } : text }
}

/** A notice's link as an absolute http(s) address (paths are the site's, below `siteRoot`), or ''. */
export function noticeHref(notice, siteRoot) {
  if (!notice.link) return ''
  try {
    const href = new URL(notice.link, siteRoot).href
    return /^https?:/.test(href) ? href : ''
  } catch {
    return ''
  }
}

/**
 * Fetch and check a status file (never from a cache: it changes during the day) → the valid
 * status, or null when it is missing, unreadable, not JSON or not valid; console.warn says why.
 * The embed reads another origin's file: `credentials: 'omit'`.
 */
export async function fetchStatus(url, { fetcher = globalThis.fetch, credentials = 'same-origin' } = {}) {
  const where = new URL(url).pathname
  try {
    const response = await fetcher(url, { cache: 'no-store', credentials })
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    let data
    try {
      data = await response.json()
    } catch (error) {
      throw new Error(`not valid JSON (${error.message})`)
    }
    const { status, problems } = validateStatus(data)
    if (!status) {
      console.warn(
        `doum: ${where} is ignored; the built calendar is used. Fix it (check it with \`doum check --status status.json\`):\n- ${problems.join('\n- ')}`,
      )
    }
    return status
  } catch (error) {
    console.warn(`doum: ${where} could not be read (${error.message}); the built calendar is used.`)
    return null
  }
}
