// The owner's status.json on the help center's own pages: fetched once per page load and kept
// across Material's instant navigation; the notice banner drawn on every page; the launcher's
// agent line (launcher.js asks agentState()). Reading and interpreting the file is
// shared/status-core.js, which the embedded launcher on other sites uses too.
import { activeNotices, agentLine, checkedLine, fetchStatus, levelName, noticeHref } from './status-core.js'
import { t } from './strings.js'

const DISMISSED_KEY = 'doum.status.dismissed.v1'
const SITE_ROOT = new URL('../../../', import.meta.url) // <site>/assets/doum/shared/ → <site>/

let current = null // the valid status of this page load, or null
let loading = null
let settled = false
const listeners = new Set()

/** The status file, fetched once per page load (instant navigation keeps this module). */
export function loadStatus(fetcher = globalThis.fetch) {
  if (loading) return loading
  loading = fetchStatus(new URL('status.json', SITE_ROOT), { fetcher }).then((status) => {
    current = status
    settled = true
    for (const listener of listeners) listener(status)
    return status
  })
  return loading
}

/** Calls `listener(status)` once the file is read (at once when it already is); status may be null. */
export function onStatus(listener) {
  if (settled) listener(current)
  else listeners.add(listener)
}

/** The launcher's hook: the agent line now, with the status file applied when it is valid. */
export function agentState(now, calendar, visitorZone) {
  return agentLine(now, calendar, current, visitorZone)
}

function noticeId(notice) {
  const text = [notice.level, notice.text, notice.from || '', notice.until || ''].join('|')
  let hash = 0
  for (const ch of text) hash = (Math.imul(hash, 31) + ch.codePointAt(0)) | 0
  return String(hash >>> 0)
}

const dismissed = {
  load() {
    try {
      const saved = JSON.parse(sessionStorage.getItem(DISMISSED_KEY))
      return Array.isArray(saved) ? saved.filter((id) => typeof id === 'string').slice(-50) : []
    } catch {
      return []
    }
  },
  add(id) {
    try {
      sessionStorage.setItem(DISMISSED_KEY, JSON.stringify([...dismissed.load(), id]))
    } catch {
      /* private mode */
    }
  },
}

function noticeElement(notice, status, timeZone, first) {
  const box = document.createElement('div')
  box.className = `doum-notice doum-notice--${notice.level}`
  box.dataset.level = notice.level
  box.setAttribute('role', notice.level === 'outage' ? 'alert' : 'status')
  const body = document.createElement('p')
  body.className = 'doum-notice__text'
  const label = document.createElement('strong')
  label.textContent = `${levelName(notice.level)} `
  body.append(label, document.createTextNode(notice.text))
  const href = noticeHref(notice, SITE_ROOT)
  if (href) {
    const link = document.createElement('a')
    link.href = href
    link.textContent = t('status.more')
    body.append(' ', link)
  }
  box.append(body)
  const checked = first ? checkedLine(status, timeZone) : '' // once, on the first banner
  if (checked) {
    const line = document.createElement('p')
    line.className = 'doum-notice__checked'
    line.textContent = checked
    box.append(line)
  }
  const close = document.createElement('button')
  close.type = 'button'
  close.className = 'doum-notice__close'
  close.setAttribute('aria-label', t('status.close_label', { level: levelName(notice.level) }))
  close.textContent = t('status.close')
  close.addEventListener('click', () => {
    dismissed.add(noticeId(notice))
    renderNotices()
    document.querySelector('.doum-notice__close')?.focus() // the next banner, if any
  })
  box.append(close)
  return box
}

function timeZoneOfSite() {
  try {
    const site = JSON.parse(document.getElementById('doum-site')?.textContent || '{}')
    return site?.support?.calendar?.timezone || 'Asia/Seoul'
  } catch {
    return 'Asia/Seoul'
  }
}

/** Draw (or remove) the banner for the current page; outside Material's container. */
export function renderNotices(now = Date.now()) {
  let region = document.querySelector('[data-doum-notices]')
  const hidden = new Set(dismissed.load())
  const notices = activeNotices(current, now).filter((notice) => !hidden.has(noticeId(notice)))
  if (!notices.length) {
    region?.remove()
    return
  }
  if (!region) {
    region = document.createElement('section')
    region.className = 'doum-notices'
    region.dataset.doumNotices = ''
    region.setAttribute('aria-label', t('status.region'))
    const header = document.querySelector('.md-header')
    if (header) header.after(region)
    else document.body.prepend(region)
  }
  // The same notices stay the same elements: an outage is announced once, not on every page.
  const ids = notices.map(noticeId).join(' ')
  if (region.dataset.doumNotices === ids) return
  region.dataset.doumNotices = ids
  const zone = timeZoneOfSite()
  region.replaceChildren(
    ...notices.map((notice, number) => noticeElement(notice, current, zone, number === 0)),
  )
}

function start() {
  if (typeof document === 'undefined') return
  loadStatus().then(() => renderNotices())
  // Each page Material shows (instant navigation) re-checks expiry; the file is not fetched again.
  if (window.document$)
    window.document$.subscribe(() => {
      if (loading) loading.then(() => renderNotices())
    })
  setInterval(() => renderNotices(), 60000)
}

start()
