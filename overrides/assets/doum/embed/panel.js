// The panel embed.js loads on the first open, from the help center (this module's own origin):
// the site data the build wrote for it (embed/site.json), the launcher's styles, the panel
// (launcher/panel.js, as on the help center), the owner's status.json (closures and changed
// hours in the agent line, notices inside the panel: the host page has no banner) and the
// search (embed/search.js: the engine and index, read in small slices on the host's main thread).
// When the index cannot be read (blocked, no CORS headers, not JSON, too slow), hours and
// hand-off work as before and the answers become a link to the help center's search.
import { activeNotices, agentLine, fetchStatus } from '../shared/status-core.js'
import { Launcher, memoryStore } from '../launcher/panel.js'
import { noticeItems, panelMarkup } from './markup.js'
import { embeddedSearch } from './search.js'
import { t, useStrings } from '../shared/strings.js'

const HELP_ROOT = new URL('../../../', import.meta.url) // <help center>/assets/doum/embed/ → <help center>/
const REM_PX = 20 // launcher.css is written for Material's 1rem = 20px; the host's rem is not ours

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
export async function mount({ shadow, aside, button, context, ownLabel }) {
  const statusFile = fetchStatus(new URL('status.json', HELP_ROOT), { credentials: 'omit' })
  const [site] = await Promise.all([readJson('assets/doum/embed/site.json'), styles(shadow)])
  const support = site && typeof site.support === 'object' ? site.support : {}
  useStrings(site?.strings) // the launcher's words: the host page has no #doum-site to read them from
  // embed.js drew the button with its fallback words: now the help center's own.
  aside.setAttribute('aria-label', t('embed.title'))
  const label = button.querySelector('.doum-launcher__label')
  if (label && !ownLabel) label.textContent = t('embed.button')
  const contactUrl = new URL(site?.contact?.url || 'contact/', HELP_ROOT)
  const panel = panelMarkup(support, contactUrl.href)
  aside.append(panel)
  button.setAttribute('aria-controls', panel.id)
  const search = embeddedSearch(HELP_ROOT)
  search.warm() // the engine and the index load now, while the visitor reads the panel

  let status = null // status.json once read and valid
  const notices = panel.querySelector('[data-doum-notices]')
  const zone = support.calendar?.timezone || 'Asia/Seoul'
  let shown = ''
  const drawNotices = (now) => {
    const active = activeNotices(status, now)
    const key = JSON.stringify(active) // the same notices stay the same elements: read out once
    if (key === shown) return
    shown = key
    notices.replaceChildren(...noticeItems(active, status, zone, HELP_ROOT))
  }

  const launcher = new Launcher({
    button,
    panel,
    root: shadow,
    support,
    search: (question, limit) => search.search(question, limit),
    // Asked on every open and every 30 s while open: the notices' expiry is checked with it.
    agentState: (now, calendar, visitorZone) => {
      drawNotices(now)
      return agentLine(now, calendar, status, visitorZone)
    },
    store: memoryStore(),
    answerTarget: '_blank',
    emailLink: (q) => {
      const url = new URL(contactUrl)
      const from = hostPage(context)
      if (q.trim()) url.searchParams.set('q', q.trim())
      if (from) url.searchParams.set('from', from)
      return url.href
    },
    unreadable: (list, statusLine, question) => {
      const link = document.createElement('a')
      link.href = new URL(`?q=${encodeURIComponent(question)}`, HELP_ROOT).href
      link.target = '_blank'
      link.rel = 'noopener'
      link.textContent = t('embed.search_there', { question })
      const item = document.createElement('li')
      item.className = 'doum-bot__answer'
      item.append(link)
      list.replaceChildren(item)
      statusLine.textContent = t('embed.unreadable')
    },
  })
  statusFile.then((read) => {
    status = read
    drawNotices(Date.now())
    launcher.refresh() // the agent line with the file's closures and hours
  })
  return launcher
}
