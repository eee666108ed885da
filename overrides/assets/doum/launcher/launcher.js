// Chat launcher on the help center: the floating 상담하기 button and its panel (launcher/panel.js).
// Markup: partials/doum-launcher.html (outside Material's container, so it survives instant
// navigation). Operators' API: window.doum.launcher.open() / close() / toggle(), the events
// doum:launcher-open / doum:launcher-close / doum:launcher-handoff on document, and
// [data-doum-launcher] links. Other sites get the same panel through embed.js.
import { agentState, onStatus } from '../shared/status.js' // status.json: closures, changed hours
import { search } from '../search.js'
import { pageData, prefillLink, siteData } from '../shared/site.js'
import { watchLauncher } from '../shared/insights.js'
import { Launcher, QUESTION_MAX } from './panel.js'

const STORE_KEY = 'doum.launcher.v1'

// The panel's state for this tab: {open, question, escalated}. Whatever sessionStorage holds
// (another version, garbage, a throwing or full storage) reads as a valid state or none.
const store = {
  load() {
    let saved = null
    try {
      saved = JSON.parse(sessionStorage.getItem(STORE_KEY))
    } catch {
      return {}
    }
    if (!saved || typeof saved !== 'object' || Array.isArray(saved)) return {}
    return {
      open: saved.open === true,
      question: typeof saved.question === 'string' ? saved.question.slice(0, QUESTION_MAX) : '',
      escalated: saved.escalated === true,
    }
  },
  save(state) {
    try {
      sessionStorage.setItem(STORE_KEY, JSON.stringify(state))
    } catch {
      /* private mode: forget */
    }
  },
}

// The no-JS link becomes a real button that controls the panel.
function upgrade(link, panel) {
  const button = document.createElement('button')
  button.type = 'button'
  button.className = link.className
  button.setAttribute('aria-controls', panel.id)
  button.setAttribute('aria-expanded', 'false')
  button.setAttribute('aria-haspopup', 'dialog')
  button.append(...link.childNodes)
  link.replaceWith(button)
  return button
}

function start() {
  const link = document.querySelector('a.doum-launcher')
  const panel = document.getElementById('doum-panel')
  if (!link || !panel) return
  watchLauncher(panel) // opt-in insight events (before the panel restores itself)
  // The panel outlives instant navigation: pin its relative links to this first page's URL.
  for (const a of panel.querySelectorAll('a[href]')) a.href = a.href
  let page = {}
  const launcher = new Launcher({
    button: upgrade(link, panel),
    panel,
    root: document,
    support: siteData().support,
    search: (question, limit) => search(question, { limit }),
    agentState,
    store,
    // The contact page, prefilled with this page's service and category and the bot question.
    emailLink: (q) => prefillLink({ service: page.service, type: page.type, q, from: page.url }),
  })
  onStatus(() => launcher.refresh()) // status.json arrived after the panel opened
  window.doum = window.doum || {}
  window.doum.launcher = {
    open: () => launcher.open(),
    close: () => launcher.close(),
    toggle: () => launcher.toggle(),
    isOpen: () => launcher.isOpen(),
  }
  // Any [data-doum-launcher] link opens the panel. Capture phase: before Material's instant
  // navigation (a body listener) follows the link's fallback href.
  document.addEventListener(
    'click',
    (event) => {
      const trigger = event.target instanceof Element && event.target.closest('[data-doum-launcher]')
      if (!trigger || event.metaKey || event.ctrlKey || event.shiftKey) return
      event.preventDefault()
      event.stopPropagation()
      launcher.open({ opener: trigger })
    },
    true,
  )
  // Other openers draw the state ahead too (Launcher.prepare): once, then these listeners go.
  const ahead = new AbortController()
  for (const type of ['pointerover', 'focusin']) {
    document.addEventListener(
      type,
      (event) => {
        if (!(event.target instanceof Element && event.target.closest('[data-doum-launcher]'))) return
        launcher.prepare()
        ahead.abort()
      },
      { signal: ahead.signal },
    )
  }
  const onPage = () => {
    page = pageData()
    launcher.refresh()
  }
  if (window.document$) window.document$.subscribe(onPage)
  else onPage()
}

start()
