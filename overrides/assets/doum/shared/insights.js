// Opt-in insight events: what customers searched for and did not find, which answers did not
// help, where they asked for a person. Off unless `insights: {endpoint: …}` is configured.
//
// Every event is masked first (insights-core.js maskText: e-mail addresses, phone, card-like
// and long digit runs), then always dispatched in the page as `doum:insight` (a CustomEvent on
// document, detail = the masked event) so owners can forward it to their own analytics, and
// sent to the endpoint only when one is configured, the visitor agreed to 개인정보 수집·이용
// (consent.js asks; before that nothing is sent or kept to send later), this page load is
// sampled and — when the owner asked for it — the browser does not send Do Not Track or Global
// Privacy Control.
// Sending: navigator.sendBeacon as text/plain (no CORS preflight), else fetch keepalive.
// No cookies, no visitor or session ids; the only thing stored is the consent choice.
//
// Hooks (one call each, in the modules that own the UI):
//   track(type, fields)        feedback.js (vote), contact.js (contact_send)
//   watchHeaderSearch()        header-search.js: Material's header search → `search`
//   watchLauncher(panel)       launcher.js, before the Launcher starts: `launcher_open`,
//                              `launcher_question`
//   hand-offs (agent, phone, email links) are seen here, by one click listener on document.
import { buildEvent, readSettings, resultCount, searchSession, shouldSend } from './insights-core.js'
import { consentGate } from './consent.js'
import { contactUrl, pageData, siteData, SITE_ROOT } from './site.js'
import { supportState } from '../launcher/calendar.js'
import { unavailableMessage } from './unavailable.js'

export const EVENT_NAME = 'doum:insight'

const settings = readSettings(siteData().insights)
const draw = Math.random() // one draw per page load: a visit is sampled whole
const sessions = new Set() // open search sessions, ended when the page is hidden
// A choice ends the open searches first: what was typed before 동의 is never sent after it.
const consent = consentGate(settings, siteData().insights?.consent, {
  nav: globalThis.navigator,
  onSite: location.origin === SITE_ROOT.origin,
  beforeChoice: endAll,
})

function sending() {
  return consent.agreed() && shouldSend(settings, { draw, nav: globalThis.navigator })
}

/** The page the event is about: this site's page, or "" and the host origin when embedded. */
function context() {
  const embedded = location.origin !== SITE_ROOT.origin
  if (embedded) return { page: '', host: location.origin }
  const url = pageData().url
  if (typeof url === 'string') return { page: url, host: '' }
  const path = location.pathname
  const root = SITE_ROOT.pathname
  return { page: path.startsWith(root) ? decodeURI(path.slice(root.length)) : path, host: '' }
}

function deliver(json) {
  const endpoint = settings.endpoint
  try {
    if (navigator.sendBeacon?.(endpoint, new Blob([json], { type: 'text/plain' }))) return
  } catch {
    // fall through to fetch
  }
  try {
    fetch(endpoint, {
      method: 'POST',
      keepalive: true,
      mode: 'no-cors',
      credentials: 'omit',
      body: json,
      headers: { 'Content-Type': 'text/plain' },
    }).catch(() => {})
  } catch {
    // nothing else to try: an event is never worth an error
  }
}

/** Record one event: masked, dispatched as `doum:insight`, sent when configured. */
export function track(type, fields = {}) {
  let event = null
  try {
    event = buildEvent(type, fields, { now: Date.now(), ...context() })
  } catch {
    return null
  }
  if (!event) return null
  document.dispatchEvent(new CustomEvent(EVENT_NAME, { detail: Object.freeze({ ...event }) }))
  if (sending()) deliver(JSON.stringify(event))
  return event
}

function session(type) {
  const tracker = searchSession(({ query, results, opened }) => track(type, { query, results, opened }))
  sessions.add(tracker)
  return tracker
}

function endAll() {
  for (const tracker of sessions) tracker.end()
}

let headerWatched = false

/** Material's header search: one `search` event per search (see searchSession). */
export function watchHeaderSearch() {
  if (headerWatched) return
  const input = document.querySelector('[data-md-component=search-query]')
  const result = document.querySelector('[data-md-component=search-result]')
  const meta = result?.querySelector('.md-search-result__meta')
  const toggle = document.getElementById('__search')
  if (!input || !result || !meta || !toggle) return
  headerWatched = true
  let translations = {}
  try {
    translations = JSON.parse(document.getElementById('__config').textContent).translations || {}
  } catch {
    // the count is read from the digits alone
  }
  const tracker = session('search')
  input.addEventListener('input', () => tracker.typed(input.value))
  input.addEventListener('keyup', () => tracker.typed(input.value)) // Material's own trigger
  new MutationObserver(() => {
    const count = resultCount(meta.textContent, translations)
    if (count !== null) tracker.results(input.value, count)
  }).observe(meta, { childList: true, characterData: true, subtree: true })
  trackOpenedLinks(result, input, tracker)
  toggle.addEventListener('change', () => {
    if (toggle.checked) return
    tracker.typed(input.value) // a search Material opened from ?q= was never typed here
    tracker.end()
  })
}

// A click on a result link ends the search as opened (capture: before the page navigates).
function trackOpenedLinks(list, input, tracker) {
  list.addEventListener(
    'click',
    (event) => {
      if (event.target instanceof Element && event.target.closest('a[href]')) {
        tracker.typed(input.value)
        tracker.opened()
      }
    },
    true,
  )
}

const launchers = new WeakSet()

/** The launcher panel: `launcher_open` and one `launcher_question` per question. */
export function watchLauncher(panel) {
  if (!panel || launchers.has(panel)) return
  launchers.add(panel)
  const input = panel.querySelector('#doum-question')
  const status = panel.querySelector('#doum-bot-status')
  const answers = panel.querySelector('[data-doum-answers]')
  // A panel that was open before a reload opens again while launcher.js starts: not a new open.
  let restoring = true
  queueMicrotask(() => {
    restoring = false
  })
  document.addEventListener('doum:launcher-open', () => {
    if (!restoring) track('launcher_open')
  })
  if (!input || !answers) return
  const tracker = session('launcher_question')
  input.addEventListener('input', () => tracker.typed(input.value))
  // launcher.js rewrites the status line after each answer list.
  new MutationObserver(() => {
    const line = status ? status.textContent : ''
    if (!line || line.startsWith(unavailableMessage())) return
    tracker.results(input.value, answers.querySelectorAll('li').length)
  }).observe(status || answers, { childList: true, characterData: true, subtree: true })
  trackOpenedLinks(answers, input, tracker)
  document.addEventListener('doum:launcher-close', () => tracker.end())
}

function samePage(href, target) {
  try {
    const a = new URL(href, location.href)
    const b = new URL(target, location.href)
    return a.origin === b.origin && a.pathname === b.pathname
  } catch {
    return false
  }
}

function supportStateNow() {
  try {
    const calendar = siteData().support?.calendar
    return calendar?.timezone ? supportState(Date.now(), calendar).state : ''
  } catch {
    return ''
  }
}

// Site navigation links to the contact page are not hand-offs (the search panel's are).
const NAVIGATION = '.md-header, .md-nav, .md-tabs, .md-footer, .md-sidebar'

/** Which hand-off a click chose: agent, phone or email; "" for any other click. */
function handoffChannel(link) {
  if (link.closest('[data-doum-launcher]') || link.getAttribute('aria-disabled') === 'true') return ''
  if (link.matches('[data-doum-agent]')) return 'agent'
  if (link.matches('[data-doum-phone]')) return 'phone'
  if (link.matches('[data-doum-email]')) return 'email'
  const href = link.getAttribute('href') || ''
  if (/^tel:/i.test(href)) return 'phone'
  const chat = siteData().support?.chat_url
  if (chat && samePage(link.href, chat)) return 'agent'
  const inSearchResults = Boolean(link.closest('.md-search__output'))
  if ((link.closest(NAVIGATION) && !inSearchResults) || samePage(location.href, contactUrl())) return ''
  if (/^mailto:/i.test(href)) return 'email'
  return samePage(link.href, contactUrl()) ? 'email' : ''
}

function watchHandoffs() {
  document.addEventListener(
    'click',
    (event) => {
      const origin = typeof event.composedPath === 'function' ? event.composedPath()[0] : event.target
      const link = origin instanceof Element ? origin.closest('a, button') : null
      if (!link || link.closest('form#contact-form')) return
      const channel = handoffChannel(link)
      if (!channel) return
      track('handoff', {
        channel,
        state: supportStateNow(),
        from: link.closest('#doum-panel, .doum-chat') ? 'launcher' : 'page',
      })
    },
    true,
  )
}

watchHandoffs()
addEventListener('pagehide', endAll)
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') endAll()
})
