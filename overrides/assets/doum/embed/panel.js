// The panel embed.js loads on the first open, from the help center (this module's own origin):
// the site data the build wrote for it (embed/site.json), the launcher's styles, the panel
// (launcher/panel.js, as on the help center) and, on the first question, the help center's
// search code and index. The search runs here, on the host page's main thread: a page cannot
// start a worker from another origin. When the index cannot be read (blocked, no CORS headers),
// hours and hand-off work as before and the answers become a link to the help center's search.
import { describeState, supportState } from '../launcher/calendar.js'
import { Launcher, memoryStore } from '../launcher/panel.js'
import { panelMarkup } from './markup.js'

const HELP_ROOT = new URL('../../../', import.meta.url) // <help center>/assets/doum/embed/ → <help center>/
const REM_PX = 20 // launcher.css is written for Material's 1rem = 20px; the host's rem is not ours
// lunr.js, korean.js, english.js and core.js in one file, written at build time (src/doum/site/bundle.py)
const SEARCH_SCRIPTS = ['search/engine.js']
const SEARCH_GLOBALS = ['lunr', 'doumKorean', 'doumEnglish', 'doumSearchCore']

const get = (path) => fetch(new URL(path, HELP_ROOT), { credentials: 'omit' })

async function readJson(path) {
  const response = await get(path)
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`)
  return response.json()
}

// launcher.css and embed.css into the shadow root: :root becomes :host, rem becomes px.
async function styles(shadow) {
  const texts = await Promise.all(
    ['assets/doum/launcher/launcher.css', 'assets/doum/embed/embed.css'].map(async (path) => {
      const response = await get(path)
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`)
      return response.text()
    }),
  )
  const css = texts
    .join('\n')
    .replace(/:root\b/g, ':host')
    .replace(/(-?\d*\.?\d+)rem\b/g, (_, n) => `${+(Number(n) * REM_PX).toFixed(3)}px`)
  const sheet = new CSSStyleSheet()
  sheet.replaceSync(css)
  shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet]
}

// A classic script of the help center in the host page (no CORS needed), its globals taken
// back at once: the host keeps its own `lunr` (or none).
function classicScript(url) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script')
    script.src = url
    script.async = false
    script.onload = () => {
      script.remove()
      resolve()
    }
    script.onerror = () => {
      script.remove()
      reject(new Error(`${url} could not be loaded`))
    }
    document.head.append(script)
  })
}

async function loadSearchCore() {
  const saved = SEARCH_GLOBALS.map((name) => [name, Object.getOwnPropertyDescriptor(window, name)])
  try {
    for (const path of SEARCH_SCRIPTS) await classicScript(new URL(`assets/doum/${path}`, HELP_ROOT).href)
    const core = window.doumSearchCore
    if (!core || typeof core.openSearcher !== 'function') throw new Error('search code without openSearcher')
    return core
  } finally {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(window, name, descriptor)
      else delete window[name]
    }
  }
}

let searcher = null
function openSearch() {
  searcher ||= loadSearchCore()
    .then((core) =>
      core.openSearcher(new URL('search/doum.json', HELP_ROOT).href, {
        fetch: (url) => fetch(url, { credentials: 'omit' }),
      }),
    )
    .catch((error) => {
      searcher = null // the next question tries again
      throw error
    })
  return searcher
}

async function search(question, limit) {
  const opened = await openSearch()
  const rows = await opened.search(question, limit)
  // Answers open on the help center, whatever the rows' URLs are relative to.
  return rows.map((row) => ({ ...row, url: new URL(row.location ?? row.url, HELP_ROOT).href }))
}

function agentState(now, calendar, zone) {
  const state = supportState(now, calendar)
  return { state, text: describeState(state, calendar, zone) }
}

// The page the visitor is on, as the embed's data-context allows: the URL (without its
// #fragment), its origin, or nothing.
function hostPage(context) {
  if (context === 'none') return ''
  if (context === 'origin') return `${location.origin}/`
  const url = new URL(location.href)
  url.hash = ''
  return url.href
}

/** Called by embed.js on the first open: draws the panel and returns its Launcher. */
export async function mount({ shadow, aside, button, context }) {
  const [site] = await Promise.all([readJson('assets/doum/embed/site.json'), styles(shadow)])
  const support = site && typeof site.support === 'object' ? site.support : {}
  const contactUrl = new URL(site?.contact?.url || 'contact/', HELP_ROOT)
  const panel = panelMarkup(support, contactUrl.href)
  aside.append(panel)
  button.setAttribute('aria-controls', panel.id)
  return new Launcher({
    button,
    panel,
    root: shadow,
    support,
    search,
    agentState,
    store: memoryStore(),
    answerTarget: '_blank',
    emailLink: (q) => {
      const url = new URL(contactUrl)
      const from = hostPage(context)
      if (q.trim()) url.searchParams.set('q', q.trim())
      if (from) url.searchParams.set('from', from)
      return url.href
    },
    unreadable: (list, status, question) => {
      const link = document.createElement('a')
      link.href = new URL(`?q=${encodeURIComponent(question)}`, HELP_ROOT).href
      link.target = '_blank'
      link.rel = 'noopener'
      link.textContent = `도움말 센터에서 ‘${question}’ 검색하기`
      const item = document.createElement('li')
      item.className = 'doum-bot__answer'
      item.append(link)
      list.replaceChildren(item)
      status.textContent =
        '여기서는 답변을 불러오지 못했어요. 도움말 센터에서 찾아보거나 아래 방법으로 문의해 주세요.'
    },
  })
}
