// The pure half of doum's opt-in insight events (shared/insights.js does the DOM and the sending).
// No DOM, no clock, no randomness of its own: everything comes in as arguments, so node:test
// checks it (tests/site/insights.test.mjs).
//
// An event (README "What customers could not find"):
//   {v: 1, type, time: "2026-12-02T02:36Z" (UTC, rounded down to the minute),
//    page: "account/reset-password/" (root-relative; "" when embedded on another site),
//    host: "https://shop.example.com" (only when embedded), ...fields}
// Fields are flat: query, results, opened, vote, channel, state, from, service, kind.
// Every string field is masked (maskText) before the event exists, so nothing a customer typed
// leaves the page or reaches a `doum:insight` listener unmasked.

export const EVENT_VERSION = 1
export const EVENT_TYPES = Object.freeze([
  'search',
  'launcher_open',
  'launcher_question',
  'vote',
  'handoff',
  'contact_send',
])
export const SETTLE_MS = 1500 // a query that stands this long is a search, not a keystroke
export const MAX_TEXT = 100 // characters kept of any text field, after masking
const MAX_FIELDS = 12
const FIELD_NAME = /^[a-z][a-z_]{0,23}$/
const RESERVED = new Set(['v', 'type', 'time', 'page', 'host'])

export const MASKS = Object.freeze({
  email: '[email]',
  card: '[card]',
  phone: '[phone]',
  digits: '[digits]',
})

// Order matters: an address first (it may hold digits), then card-like runs (13–19 digits with
// spaces or dashes), phone numbers with a leading 0 or + (010-1234-5678, 02 123 4567,
// +82 10 1234 5678, (02)123-4567), then any other run of six or more digits (order, account,
// verification and resident numbers).
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*/g
const AT_WORD = /\S+@\S+/g // what is left around an @ (a Hangul address part): masked whole
const CARD = /(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)/g
const PHONE =
  /(?<![\d+])(?:\+\d{1,3}[ .-]?(?:\(0?\d{1,3}\)|0?\d{1,3})|\(0\d{1,2}\)|0\d{1,2})[ .-]?\d{3,4}[ .-]?\d{4}(?!\d)/g
const DIGITS = /\d{6,}/g

/** Typed text with e-mail addresses, card-like and phone numbers and long digit runs masked. */
export function maskText(value) {
  if (typeof value !== 'string') return ''
  // NFKC first: full-width ０１０ and the like are digits too.
  let text = value.normalize('NFKC')
  text = text.replace(EMAIL, MASKS.email).replace(AT_WORD, MASKS.email)
  text = text.replace(CARD, (run) => (run.replace(/\D/g, '').length >= 13 ? MASKS.card : run))
  text = text.replace(PHONE, (run) => (run.replace(/\D/g, '').length >= 9 ? MASKS.phone : run))
  text = text.replace(DIGITS, MASKS.digits)
  text = text.replace(/\s+/g, ' ').trim()
  return [...text].slice(0, MAX_TEXT).join('')
}

/** `insights` of the site data as a settings object; anything unusable reads as "off". */
export function readSettings(raw) {
  const value = raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {}
  const endpoint =
    typeof value.endpoint === 'string' && /^https?:\/\//i.test(value.endpoint) ? value.endpoint : ''
  const rate = Number(value.sample_rate)
  return {
    endpoint,
    sampleRate: Number.isFinite(rate) ? Math.min(1, Math.max(0, rate)) : 1,
    respectDoNotTrack: value.respect_do_not_track !== false,
  }
}

/** Does the visitor's browser ask not to be tracked (Do Not Track or Global Privacy Control)? */
export function optedOut(nav) {
  if (!nav || typeof nav !== 'object') return false
  return nav.doNotTrack === '1' || nav.doNotTrack === 'yes' || nav.globalPrivacyControl === true
}

/**
 * Should this page load send events? `draw` is one random number in [0, 1) per page load, so a
 * visit is sampled whole. No endpoint: never. Sampling 0: never. DNT/GPC: never, when the
 * owner turned `respect_do_not_track` on.
 */
export function shouldSend(settings, { draw = 0, nav = null } = {}) {
  if (!settings || !settings.endpoint) return false
  if (!(settings.sampleRate > 0)) return false
  if (settings.respectDoNotTrack && optedOut(nav)) return false
  return settings.sampleRate >= 1 || draw < settings.sampleRate
}

/** `ms` since the epoch as UTC ISO time rounded down to the minute: "2026-12-02T02:36Z". */
export function minuteOf(ms) {
  const date = new Date(Math.floor(Number(ms) / 60000) * 60000)
  return Number.isNaN(date.getTime()) ? '' : `${date.toISOString().slice(0, 16)}Z`
}

function cleanField(value) {
  if (typeof value === 'string') return maskText(value)
  if (typeof value === 'boolean') return value
  if (typeof value === 'number') return Number.isFinite(value) ? Math.round(value) : null
  return null // objects, arrays, functions, undefined: dropped
}

/**
 * The event object: known type, minute time, page and host context, masked flat fields.
 * Returns null for an unknown type. `context`: {now, page, host}.
 */
export function buildEvent(type, fields, { now = 0, page = '', host = '' } = {}) {
  if (!EVENT_TYPES.includes(type)) return null
  const event = { v: EVENT_VERSION, type, time: minuteOf(now), page: maskText(String(page || '')) }
  if (host) event.host = String(host)
  let count = 0
  const source = fields && typeof fields === 'object' ? fields : {}
  for (const [name, raw] of Object.entries(source)) {
    if (count >= MAX_FIELDS || RESERVED.has(name) || !FIELD_NAME.test(name)) continue
    const value = cleanField(raw)
    if (value === null || value === '') continue
    event[name] = value
    count += 1
  }
  return event
}

/** Material's result line ("3개의 일치하는 문서") as a count; null when it is no result line. */
export function resultCount(text, translations = {}) {
  const line = String(text || '').trim()
  if (!line) return null
  if (line === translations['search.result.none']) return 0
  if (line === translations['search.result.one']) return 1
  const placeholder = translations['search.result.placeholder']
  const initializer = translations['search.result.initializer']
  if (line === placeholder || line === initializer) return null
  const number = /(\d[\d,]*)/.exec(line)
  return number ? Number(number[1].replace(/,/g, '')) : null
}

/**
 * One search box's searches, as events: the final query after a pause of SETTLE_MS, or when the
 * box closes or a result is opened — never one per keystroke. `emit({query, results, opened})`
 * is called once per search; timers are injected (tests use a fake clock).
 *
 *   const s = searchSession(emit, {setTimer, clearTimer})
 *   s.typed(text)       every change of the box
 *   s.results(text, n)  the box's result count for that text
 *   s.opened()          a result of the current query was opened (ends the search)
 *   s.end()             the box closed or the page is hidden (ends the search)
 */
export function searchSession(
  emit,
  { setTimer = setTimeout, clearTimer = clearTimeout, delay = SETTLE_MS } = {},
) {
  let current = null // {query, results, opened, settled, done}
  let timer = 0
  const counts = new Map() // recent query → result count (results may arrive before typing settles)

  const finish = (opened) => {
    clearTimer(timer)
    timer = 0
    if (!current || !current.query || current.done) return
    current.done = true
    emit({ query: current.query, results: current.results, opened })
  }

  return {
    typed(text) {
      const query = String(text ?? '').trim()
      if (current && query === current.query) return
      if (current && current.settled && !current.done) finish(false)
      clearTimer(timer)
      timer = 0
      current = { query, results: counts.has(query) ? counts.get(query) : null, settled: false, done: false }
      if (!query) return
      const mine = current
      timer = setTimer(() => {
        timer = 0
        if (current === mine) mine.settled = true
      }, delay)
    },
    results(text, count) {
      const query = String(text ?? '').trim()
      if (!query || !Number.isFinite(count)) return
      counts.set(query, count)
      if (counts.size > 20) counts.delete(counts.keys().next().value)
      if (current && current.query === query) current.results = count
    },
    opened() {
      finish(true)
    },
    end() {
      finish(false)
    },
    get query() {
      return current ? current.query : ''
    },
  }
}
